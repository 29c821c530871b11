"""A match's final score and the minutes of its goals: values of kinds of their own.

A score ("5-0", "5–0", "بثلاثية نظيفة", "بهدفين مقابل هدف") is read only beside a
word of the result (a trigger of `match_score`: "a 5-0 win", "beat Inter 5-0",
"بنتيجة 2-1"), since a report runs through the scores on the way ("made it 3-0").
Its value is the two sides' goals, the larger first ("0-5" in a loss is the same
result): two outlets giving two scores conflict, as categories do. A score near a
past year ("Real Madrid's 4-0 victory in 1960") is another match's (`event_year`); a
sentence giving several results tells a team's road to the match, not the match.

A minute of play ("في الدقيقة 27", "in minute 27", "Just 12 minutes in", "8’" in a
list of goals) is a number of its own dimension, `minute_of_play`; ordinals of a
minute ("the 73rd minute") are read as such by ordinals.py. Its subject is the
player the clause names, so that two outlets' minutes of one goal meet.
"""

from __future__ import annotations

from checker.extract.claims import new_claim
from checker.extract.context import ArticleReading, SentenceContext
from checker.knowledge.categories import Category
from checker.models import PHRASE, Claim, EntityRef, Value
from checker.text.tokens import TokenKind, breaks_clause, is_comma

SCORE, MINUTE = "match_score", "match_minute"
SCORE_DIMENSION, MINUTE_DIMENSION = "score", "minute_of_play"
DASHES = ("-", "–")
MOST_GOALS = 30  # a side's goals: more is no score
LONGEST_MATCH = 130  # minutes of play, extra time and stoppage included
RESULT_WINDOW = 6  # tokens between a score and the word of the result ("defeating Italy's Inter Milan 5-0")
STOPPAGE_FROM = (45, 90, 105, 120)  # the minutes each period's added time is counted from ("90+5")
MOST_ADDED = 15  # minutes of added time: more is no stoppage


def score_value(a: int, b: int) -> str:
    return f"{max(a, b)}-{min(a, b)}"


def _goals(token) -> int | None:
    return int(token.norm) if token.kind == TokenKind.NUM and token.norm.isdigit() and int(token.norm) <= MOST_GOALS else None


def _digit_scores(ctx: SentenceContext) -> list[tuple[int, int, str]]:
    """(start, end, value) of each "N-N": two goal counts and a dash, glued or spaced alike
    ("3-1", "3 - 1"; "3 -1" is a number and a signed one)."""
    tokens, found = ctx.tokens, []
    for i in range(len(tokens) - 2):
        a, dash, b = tokens[i], tokens[i + 1], tokens[i + 2]
        if dash.norm in DASHES and (a.end == dash.start) == (dash.end == b.start):
            first, second = _goals(a), _goals(b)
            glued = i > 0 and tokens[i - 1].kind == TokenKind.NUM and (tokens[i - 1].end == a.start or tokens[i - 1].norm in DASHES) \
                or i > 0 and tokens[i - 1].norm in DASHES \
                or i + 3 < len(tokens) and tokens[i + 3].norm in DASHES
            if first is not None and second is not None and not glued and not ctx.starting_at(Category.UNIT, i + 3):
                found.append((i, i + 3, score_value(first, second)))
    return found


def _word_scores(ctx: SentenceContext) -> list[tuple[int, int, str]]:
    """"بثلاثية نظيفة" (3-0), "بهدفين مقابل هدف" (2-1), "بثلاثة أهداف مقابل هدف" (3-1):
    goals in words (or a number before the word for goals), then the other side's."""
    found = []
    starts = [(m.start, m.end, m.payload) for m in ctx.matches(Category.GOALS)]
    for k, token in enumerate(ctx.tokens[:-1]):
        count = _goals(token) if token.kind == TokenKind.NUM else ctx.lex.number_word(token.norm)
        nouns = ctx.starting_at(Category.GOAL_NOUN, k + 1)
        if count and count == int(count) and nouns:
            starts.append((k, max(m.end for m in nouns), int(count)))
    for start, end, goals in starts:
        for other in ctx.starting_at(Category.GOALS_NIL, end) + ctx.starting_at(Category.GOALS_AGAINST, end):
            found.append((start, other.end, score_value(goals, other.payload)))
            break
    return found


def score_spans(ctx: SentenceContext) -> list[tuple[int, int]]:
    """Where the sentence writes a score, in words or in digits beside a word of the result
    ("الفوز على منتخب الأردن 3 - 1"): its numbers count goals of a score, no quantity."""
    return [(start, end) for start, end, _ in _word_scores(ctx)] + \
        [(start, end) for start, end, _ in _digit_scores(ctx) if _beside_result(ctx, start, end)]


def _between_sides(ctx: SentenceContext, start: int, end: int) -> bool:
    """"PSG 5-0 Inter Milan": a score between the two sides' names is a result."""
    return any(m.end == start for m in ctx.mentions) and any(m.start == end for m in ctx.mentions)


def _beside_result(ctx: SentenceContext, start: int, end: int) -> bool:
    """A word of the result near the score, in its clause, or the two sides' names around it."""
    if _between_sides(ctx, start, end):
        return True
    for match in ctx.matches(Category.TRIGGER) + ctx.matches(Category.OUTCOME):
        if match.category == Category.TRIGGER and match.payload != SCORE:
            continue
        if match.category == Category.OUTCOME and match.payload[0] != "match_result":
            continue
        low, high = (match.end, start) if match.end <= start else (end, match.start)
        if 0 <= high - low <= RESULT_WINDOW and not any(breaks_clause(t) for t in ctx.tokens[low:high]):
            return True
    return False


def _past_year(ctx: SentenceContext, reading: ArticleReading, end: int) -> int | None:
    """A year before the article's own in the clause after a score: another match's."""
    published = reading.article.published
    for k in range(end, min(end + RESULT_WINDOW + 2, len(ctx.tokens))):
        token = ctx.tokens[k]
        if breaks_clause(token):
            return None
        if token.kind == TokenKind.NUM and token.norm.isdigit() and len(token.norm) == 4 and 1900 <= int(token.norm) <= 2100:
            year = int(token.norm)
            return year if published is None or year < published.year else None
    return None


def _player(reading: ArticleReading, ctx: SentenceContext, start: int, end: int) -> EntityRef | None:
    """Whose goal a minute is: the name last before it in its clause ("Mr. Afif won a penalty
    in the 20th minute"), else the sentence's first name, its subject ("Yazan Al Naimat had
    dragged Jordan level, cancelling out Afif's spot-kick, in the 67th minute"). Where the
    sentence names nobody, the goal as its clause calls it ("هدف التعادل", "the winner"):
    two minutes of one goal meet on its words, and of another goal do not."""
    if ctx.mentions:
        before = [m for m in ctx.mentions
                  if m.end <= start and not any(breaks_clause(t) for t in ctx.tokens[m.end:start])]
        return reading.mention_ref(before[-1] if before else ctx.mentions[0])
    lex = ctx.lex
    words = []
    k = start - 1
    while k >= 0 and len(words) < 3 and not (words and breaks_clause(ctx.tokens[k])):
        token = ctx.tokens[k]
        if token.kind == TokenKind.WORD and not lex.says_nothing(token.norm) and not ctx.starting_at(Category.MINUTE_BEFORE, k):
            words.append(lex.stem(token.norm))
        k -= 1
    if not words:
        return None
    return EntityRef(id=f"{PHRASE}:{' '.join(sorted(set(words)))}", text=" ".join(reversed(words)), type=PHRASE)


def _minute_at(tokens, i: int) -> tuple[int, int] | None:
    """(end, minute) of the minute written at tokens[i]: "27", or added time counted from a
    period's end, "90+5", "90 +4", "(90 + 5)" (95; brackets around it are read through)."""
    opened = tokens[i].text == "(" and i + 1 < len(tokens)
    k = i + 1 if opened else i
    token = tokens[k]
    if token.kind != TokenKind.NUM or not token.norm.isdigit() or not 1 <= int(token.norm) <= LONGEST_MATCH:
        return None
    minute, end = int(token.norm), k + 1
    if end + 1 < len(tokens) and tokens[end].text == "+" and tokens[end + 1].kind == TokenKind.NUM \
            and tokens[end + 1].norm.isdigit() and minute in STOPPAGE_FROM and 1 <= int(tokens[end + 1].norm) <= MOST_ADDED:
        minute, end = minute + int(tokens[end + 1].norm), end + 2
    if opened:
        if end >= len(tokens) or tokens[end].text != ")":
            return None
        end += 1
    return end, minute


def _listed_minutes(ctx: SentenceContext, k: int) -> list[tuple[int, int, int]]:
    """The minutes listed after the first: each after a comma or "and" (or both: "22، 73،
    و(90 + 5)"), none further on."""
    tokens, found = ctx.tokens, []
    while k + 1 < len(tokens) and (tokens[k].norm in ctx.lex.joiners or is_comma(tokens[k])):
        if is_comma(tokens[k]) and tokens[k + 1].norm in ctx.lex.joiners and k + 2 < len(tokens):
            k += 1
        minute = _minute_at(tokens, k + 1)
        if minute is None:
            break
        end, value = minute
        found.append((k + 1, end, value))
        k = end
    return found


def _minutes(ctx: SentenceContext) -> list[tuple[int, int, int]]:
    """(start, end, minute) of each minute of play the sentence writes."""
    tokens, lex, found = ctx.tokens, ctx.lex, []
    for i, token in enumerate(tokens):
        if token.kind != TokenKind.NUM or not token.norm.isdigit() or not 1 <= int(token.norm) <= LONGEST_MATCH:
            continue
        minute = int(token.norm)
        before = ctx.ending_at(Category.MINUTE_BEFORE, i)
        if before:
            end, minute = _minute_at(tokens, i) or (i + 1, minute)
            found.append((before[0].start, end, minute))  # "في الدقيقة 27", "في الدقيقة 90 +4"
            # "في الدقيقتين 48 و68", "بالدقائق 20،71،94": the goals of one player, read from the cue
            found += [(before[0].start, end, listed) for _, end, listed in _listed_minutes(ctx, end)]
            continue
        after = [m for m in ctx.matches(Category.MINUTE_AFTER) if m.start == i + 1]
        if after and (after[0].end == len(tokens) or breaks_clause(tokens[after[0].end])):
            found.append((i, after[0].end, minute))  # "Just 12 minutes in,"
            continue
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if nxt is not None and nxt.norm in lex.minute_marks and nxt.start == token.end \
                and (i == 0 or tokens[i - 1].end < token.start or tokens[i - 1].kind != TokenKind.WORD):
            found.append((i, i + 2, minute))  # "8’ Hakimi", "63’Doué"
    return found


def minute_numbers(ctx: SentenceContext) -> set[int]:
    """The tokens of the sentence's minutes of play: their numbers count nothing else."""
    return {k for start, end, _ in _minutes(ctx) for k in range(start, end) if ctx.tokens[k].kind == TokenKind.NUM}


def match_claims(reading: ArticleReading, ctx: SentenceContext, next_id) -> list[Claim]:
    """The final scores and the minutes of play of one sentence."""
    text = reading.article.text
    claims: list[Claim] = []
    words = _word_scores(ctx)  # "بخماسية نظيفة" says a result by itself
    results = [s for s in sorted(_digit_scores(ctx) + words) if s in words or _beside_result(ctx, *s[:2])]
    years = {s: _past_year(ctx, reading, s[1]) for s in results}
    if len({value for s in results if years[s] is None for value in [s[2]]}) > 1:
        # "beat Iraq 3-2, Tajikistan 1-0 and South Korea 2-0": a team's road, not one match
        results = [s for s in results if years[s] is not None]
    for start, end, value in results:
        claims.append(new_claim(
            reading, ctx, next_id(), at=(start, end), subject=reading.topic,
            participants=[reading.mention_ref(m) for m in ctx.mentions], predicate=SCORE,
            event_year=years[(start, end, value)],
            value=Value(kind="text", text=ctx.text_of(text, start, end), low=value, high=value, unit=SCORE_DIMENSION,
                        dimension=SCORE_DIMENSION),
        ))
    for start, end, minute in _minutes(ctx):
        claims.append(minute_claim(reading, ctx, next_id(), start, end, minute))
    return claims


def minute_claim(reading: ArticleReading, ctx: SentenceContext, claim_id: str, start: int, end: int,
                 minute: int) -> Claim:
    """A minute of play written at tokens[start:end]."""
    return new_claim(
        reading, ctx, claim_id, at=(start, end), subject=_player(reading, ctx, start, end),
        participants=[reading.mention_ref(m) for m in ctx.mentions], predicate=MINUTE,
        value=Value(kind="quantity", text=ctx.text_of(reading.article.text, start, end), low=float(minute),
                    high=float(minute), unit=MINUTE_DIMENSION, dimension=MINUTE_DIMENSION, precision=1.0),
    )
