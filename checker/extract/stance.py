"""Attribution, hedging, negation and forecasts around a claim.

Who the article says said it ("وفقًا لـ X", "قال X", "X said"), how sure it
is ("يُتوقّع", "reportedly"), whether it is denied ("لم", "not"), and whether
it is a forecast or target rather than a fact ("بحلول نهاية العام",
"targets"). All cue words come from the lexicon's attribution, hedges, negations
and forecasts lists.
"""

from __future__ import annotations

from dataclasses import dataclass

from checker.extract.context import SentenceContext
from checker.extract.entities import Mention
from checker.knowledge.categories import Category
from checker.knowledge.ontology import ORG, PERSON
from checker.text.tokens import Token, TokenKind, breaks_clause


def _ends_clause(token: Token) -> bool:
    """A clause break, or a colon: what follows it is another statement."""
    return breaks_clause(token) or token.norm == ":"


@dataclass(frozen=True)
class Stance:
    attribution: Source | None = None
    hedge: str | None = None
    negated: bool = False
    forecast: bool = False


Source = Mention | str  # a name, or the words a cue introduces ("according to the preliminary results")


def _source_after(ctx: SentenceContext, text: str, start: int, limit: int) -> Source | None:
    """The name (or, failing that, the words) a cue introduces; people first. Words are
    taken up to the first that says nothing ("according to figures from the ministry":
    "figures"), and never when a function word opens them ("على موقع", "ما أعلنت")."""
    near = [m for m in ctx.mentions if start <= m.start < start + limit]
    people = [m for m in near if m.type == PERSON]
    if people or near:
        return (people or near)[0]
    lex = ctx.lex
    end = start
    while end < len(ctx.tokens) and end - start < 4 and ctx.tokens[end].kind == TokenKind.WORD \
            and not (end > start and lex.says_nothing(ctx.tokens[end].norm)):
        end += 1
    first = ctx.tokens[start] if start < len(ctx.tokens) else None
    if end == start or lex.says_nothing(first.norm) and not lex.has_article(first.text) \
            and not ctx.starting_at(Category.ORG_CUES, start):
        return None
    return ctx.text_of(text, start, end) or None


def _source_before(ctx: SentenceContext, end: int) -> Mention | None:
    """The name just before a verb of saying; one of a person or an organisation before
    an untyped one ("the health ministry in Kinshasa said")."""
    near = [m for m in ctx.mentions if end - ctx.lex.windows.speaker_before <= m.end <= end]
    typed = [m for m in near if m.type in (PERSON, ORG)]
    return (typed or near)[-1] if near else None


def attribution_for(ctx: SentenceContext, text: str, position: int) -> Source | None:
    """The source a sentence credits for what stands at token `position`."""
    best: tuple[int, Source] | None = None
    for match in ctx.matches(Category.ATTRIBUTION_ACCORDING_TO):
        source = _source_after(ctx, text, match.end, ctx.lex.windows.according_to)
        if source:
            distance = abs(position - match.end)
            if best is None or distance < best[0]:
                best = (distance, source)
    for match in ctx.matches(Category.ATTRIBUTION_SPEECH_VERBS):
        source = _source_after(ctx, text, match.end, ctx.lex.windows.speaker) if match.end <= position else None
        source = _mention_only(ctx, match.end, source) or _source_before(ctx, match.start)
        if source:
            distance = abs(position - match.end)
            if best is None or distance < best[0]:
                best = (distance, source)
    return best[1] if best else None


def _mention_only(ctx: SentenceContext, start: int, source: Source | None) -> Source | None:
    """After a verb of saying, a name counts as the source, or words that name a body
    ("أعلنت شركة الطيران أن", "قالت الشرطة إن"); not "إن ..." or any other words."""
    if isinstance(source, Mention):
        return source
    if source is None or start >= len(ctx.tokens):
        return None
    first = ctx.tokens[start]
    names_a_body = ctx.starting_at(Category.ORG_CUES, start) or ctx.starting_at(Category.ORG_ANAPHORA, start) \
        or (not first.latin and ctx.lex.has_article(first.text))
    return source if names_a_body else None


def hedge_for(ctx: SentenceContext, position: int) -> str | None:
    hedges = [m for m in ctx.matches(Category.HEDGES) if m.start < position]
    if not hedges:
        return None
    return hedges[-1].payload


def negated_at(ctx: SentenceContext, position: int) -> bool:
    """A negation shortly before `position`, in the same clause, not part of an idiom."""
    idiom_tokens = {k for category in (Category.QUALIFIER_BEFORE, Category.NOT_NEGATIONS)
                    for m in ctx.matches(category) for k in range(m.start, m.end)}
    for match in ctx.matches(Category.NEGATIONS):
        if match.start in idiom_tokens or not (position - ctx.lex.windows.negation <= match.start < position):
            continue
        between = ctx.tokens[match.end:position]
        if not any(_ends_clause(t) for t in between):
            return True
    return False


def stance_for(ctx: SentenceContext, text: str, position: int) -> Stance:
    return Stance(attribution_for(ctx, text, position), hedge_for(ctx, position), negated_at(ctx, position),
                  forecast_at(ctx, position))


def forecast_at(ctx: SentenceContext, position: int) -> bool:
    """A forecast or target cue near `position`, on either side, in the same clause:
    "يستهدف خفض التضخم إلى 5 في المئة", "to 4 percent by the end of the year"."""
    for match in ctx.matches(Category.FORECASTS):
        low, high = (match.end, position) if match.start < position else (position + 1, match.start)
        if high - low <= ctx.lex.windows.forecast and not any(_ends_clause(t) for t in ctx.tokens[low:high]):
            return True
    return False
