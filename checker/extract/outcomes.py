"""Outcomes: facts that are no numbers but that outlets contradict.

A verdict on a charge ("found guilty of rape", "بعدم سماع الدعوى"), a sentence to
serve or suspended, an official response ("declined to comment", "نفت"), an
appeal announced, who won a match, the direction of a change ("rose", "تراجع").
Each is a predicate of the ontology with a closed vocabulary (`values` in
common/predicates.yaml); each language says which words give which value
(`says`) and after which words what the outcome is about is named (`about_after`).

A claim's value is the value's id (low = high = "convicted"), its text the words
as written. It is about a subject (the person or organisation the clause names
next to the words: before them, or after them where the verb comes first) and,
where the words say it, a thing: the charge of a verdict ("of aggravated rape"),
or what went up or down ("أسعار البنزين"). Alignment pairs outcomes of one
predicate and one subject whose things share a word (their `modifiers`); two
different values of such a pair conflict (judge kind `categorical`). The winner
of a match is the value itself (a name), so that two outlets naming two winners
conflict.
"""

from __future__ import annotations

from checker.extract.claims import new_claim
from checker.extract.context import ArticleReading, SentenceContext
from checker.extract.entities import Mention
from checker.knowledge.categories import Category
from checker.knowledge.ontology import OUTCOME, PERSON
from checker.models import PHRASE, Claim, EntityRef, Value
from checker.text.phrases import Match, longest_apart
from checker.text.tokens import TokenKind, breaks_clause

MATCH_RESULT, DIRECTION = "match_result", "direction"
PERSONAL = frozenset({"verdict", "sentence_kind"})  # outcomes said of a person
WON, LOST, DREW = "won", "lost", "drew"
NEAR = 4  # tokens between the words of an outcome and the name it is said of
ABOUT_WORDS = 3  # content words that name what an outcome is about


def _in_clause(ctx: SentenceContext, low: int, high: int) -> bool:
    return not any(breaks_clause(t) for t in ctx.tokens[low:high])


def _name_before(ctx: SentenceContext, match: Match) -> Mention | None:
    found = [m for m in ctx.mentions if m.end <= match.start and match.start - m.end <= NEAR
             and _in_clause(ctx, m.end, match.start)]
    return found[-1] if found else None


def _name_after(ctx: SentenceContext, match: Match) -> Mention | None:
    found = [m for m in ctx.mentions if m.start >= match.end and m.start - match.end <= NEAR
             and _in_clause(ctx, match.end, m.start)]
    return found[0] if found else None


def _subject(reading: ArticleReading, ctx: SentenceContext, match: Match) -> EntityRef | None:
    """Who the outcome is said of: the name beside its words, on the side the verb's subject
    stands ("Google declined", "نفت الشركة"), else on the other; else the article's company.
    A verdict is said of a person: the court that gives it ("a court in X acquitted Y") is not."""
    first, second = (_name_after, _name_before) if reading.lex.verb_first else (_name_before, _name_after)
    if match.payload[0] in PERSONAL:
        # The one named right against the words: after them in the active voice ("acquitted
        # Marek Halden"), before them in the passive ("Halden was acquitted") or around
        # them ("found Halden guilty"); a person's name before another's.
        touching = [m for m in ctx.mentions if m.start == match.end] + [m for m in ctx.mentions if m.end == match.start]
        people = [m for m in touching if reading.type_of(m) == PERSON] + touching
        if people:
            return reading.mention_ref(people[0])
    mention = first(ctx, match) or second(ctx, match)
    if mention is not None:
        return reading.mention_ref(mention)
    return reading.topic_org


def _content_words(ctx: SentenceContext, start: int, stop: int, step: int) -> list[int]:
    """Up to ABOUT_WORDS content words from `start` towards `stop`, within the clause."""
    lex = ctx.lex
    out: list[int] = []
    k = start
    while k != stop and len(out) < ABOUT_WORDS:
        token = ctx.tokens[k]
        if breaks_clause(token) or token.kind == TokenKind.NUM or ctx.starting_at(Category.OUTCOME, k) \
                or ctx.mention_covering(k) is not None and not out:
            break  # a name is who, not what: "Vitinha slipped a pass" is no fall of anything
        if token.kind == TokenKind.WORD and not lex.says_nothing(token.norm) and ctx.mention_covering(k) is None:
            out.append(k)
        elif out:
            break  # a function word ends the noun phrase once it has begun
        k += step
    return sorted(out)


def _about(ctx: SentenceContext, match: Match) -> list[int]:
    """The tokens naming what the outcome is about: after one of its `about_after` words
    ("convicted of rape", "بتهمة التآمر"); for a direction, the thing that moved, on the
    side the verb's subject stands ("prices rose", "ارتفعت أسعار البنزين")."""
    predicate = match.payload[0]
    for cue in ctx.matches(Category.OUTCOME_ABOUT):
        if cue.payload == predicate and 0 <= cue.start - match.end <= 2:
            return _content_words(ctx, cue.end, len(ctx.tokens), 1)
    if predicate != DIRECTION:
        return []
    if ctx.lex.verb_first:
        return _content_words(ctx, match.end, len(ctx.tokens), 1)
    return _content_words(ctx, match.start - 1, -1, -1) if match.start > 0 else []


def _figure_follows(ctx: SentenceContext, match: Match) -> bool:
    """A number in the clause after a word of direction ("rose to 45", "تراجع بنسبة 3%")."""
    for token in ctx.tokens[match.end:]:
        if breaks_clause(token):
            return False
        if token.kind == TokenKind.NUM or token.kind == TokenKind.WORD and ctx.lex.number_word(token.norm) is not None:
            return True
    return False


def _phrase(reading: ArticleReading, ctx: SentenceContext, tokens: list[int]) -> EntityRef | None:
    if not tokens:
        return None
    stems = sorted({reading.lex.stem(ctx.tokens[k].norm) for k in tokens})
    return EntityRef(id=f"{PHRASE}:{' '.join(stems)}", text=ctx.text_of(reading.article.text, tokens[0], tokens[-1] + 1),
                     type=PHRASE)


def _winner(reading: ArticleReading, ctx: SentenceContext, match: Match) -> tuple[str, EntityRef | None]:
    """(value, winner) of a match result: the side that won ("PSG beat Inter", "Inter lost to
    PSG", "فاز باريس سان جيرمان على إنتر"), or a draw."""
    value = match.payload[1]
    if value == DREW:
        return DREW, None
    subject_side = _name_after if reading.lex.verb_first else _name_before
    object_side = _name_before if reading.lex.verb_first else _name_after
    mention = subject_side(ctx, match) if value == WON else object_side(ctx, match)
    if value == LOST:
        # "lost to PSG", "was beaten by Vessia", "خسر أمام باريس": the winner right after the
        # words ("was defeated in Carleton" names none)
        mention = next((m for m in ctx.mentions if m.start == match.end), None)
    if mention is None:
        return value, None
    winner = reading.mention_ref(mention)
    return winner.id or winner.text or value, winner


def outcome_claims(reading: ArticleReading, ctx: SentenceContext, next_id) -> list[Claim]:
    """The outcomes one sentence states."""
    text = reading.article.text
    claims: list[Claim] = []
    for match in longest_apart(ctx.matches(Category.OUTCOME)):
        predicate, value_id = match.payload
        words = ctx.text_of(text, match.start, match.end)
        about = _about(ctx, match)
        if predicate == DIRECTION and (not about or _figure_follows(ctx, match)):
            continue  # a rise of nothing named says nothing checkable; one with its figure, the figure says
        nouns = reading.lex.said_of.get(predicate)
        if nouns is not None and not any(form in nouns for k in about for form in reading.lex.variants(ctx.tokens[k].norm)):
            continue  # "تراجع دور", "a fall from grace": said of nothing the outcome measures
        entity = None
        subject = _subject(reading, ctx, match)
        if predicate == MATCH_RESULT:
            value_id, entity = _winner(reading, ctx, match)
            if entity is None and value_id != DREW:
                continue  # a win whose winner the sentence does not name
            subject = reading.topic
        thing = _phrase(reading, ctx, about)
        if predicate == DIRECTION:
            subject, thing = thing, None  # what moved is what the direction is of
        claims.append(new_claim(
            reading, ctx, next_id(), at=(match.start, match.end), subject=subject,
            participants=[reading.mention_ref(m) for m in ctx.mentions], object=thing,
            predicate=predicate, predicate_text=words,
            modifiers=sorted({reading.lex.stem(ctx.tokens[k].norm) for k in about}) if predicate != DIRECTION else [],
            value=Value(kind="text", text=words, low=value_id, high=value_id, unit=predicate, dimension=OUTCOME,
                        entity=entity),
        ))
    return claims
