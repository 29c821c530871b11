"""The one way a Claim is made: what every extractor's claim shares.

A claim quotes its whole sentence, with the sentence's span in the article, says
where its value is written (span, line and column, for editors and linters), and
carries the stance around the word it stands at: who it is attributed to,
whether it is hedged, denied, or a forecast.
"""

from __future__ import annotations

from checker.extract.context import ArticleReading, SentenceContext
from checker.extract.entities import Mention
from checker.extract.stance import stance_for
from checker.models import Claim, EntityRef, Value


def _source_name(reading: ArticleReading, source: Mention | str | None) -> str | None:
    """A source as the article names it in full: "كيدواي" is "فايز أحمد كيدواي" where
    the article gave the whole name before."""
    if isinstance(source, Mention):
        return reading.display.get(source.key, source.text)
    return source


def _value_span(text: str, ctx: SentenceContext, at: tuple[int, int], value: Value) -> tuple[int, int]:
    """Where the value is written in the article: its words as found in the sentence, the
    occurrence nearest the word the claim stands at; else that word itself (a post's
    holder may be shown by the fuller name the article gave first)."""
    first, last = ctx.tokens[at[0]], ctx.tokens[max(at[0], at[1] - 1)]
    best: tuple[int, int] | None = None
    found = text.find(value.text, ctx.sentence.start, ctx.sentence.end) if value.text else -1
    while found != -1:
        end = found + len(value.text)
        if best is None or abs(found - first.start) + abs(end - last.end) < \
                abs(best[0] - first.start) + abs(best[1] - last.end):
            best = (found, end)
        found = text.find(value.text, found + 1, ctx.sentence.end)
    return best or (first.start, last.end)


def new_claim(reading: ArticleReading, ctx: SentenceContext, claim_id: str, *, at: tuple[int, int],
              subject: EntityRef | None, predicate: str, value: Value,
              participants: list[EntityRef] | None = None, object: EntityRef | None = None,
              predicate_text: str = "", fallback: bool = False, event_year: int | None = None,
              unit_words: tuple[int, int] | None = None, earlier: bool = False,
              modifiers: list[str] | None = None, component: str | None = None,
              conversion: bool = False) -> Claim:
    """A claim of sentence `ctx` whose value is written at tokens[at[0]:at[1]]: its
    stance is read there, and its context is the clause around it."""
    stance = stance_for(ctx, reading.article.text, at[0])
    words, names = ctx.clause_context(*at, skip=unit_words)
    value_span = _value_span(reading.article.text, ctx, at, value)
    line, column = reading.position(ctx.sentence.start)
    value_line, value_column = reading.position(value_span[0])
    return Claim(
        id=claim_id,
        article=reading.article.id,
        subject=subject or EntityRef(),
        participants=participants or [],
        object=object,
        predicate=predicate,
        predicate_text=predicate_text,
        fallback=fallback,
        value=value,
        attribution=_source_name(reading, stance.attribution),
        hedge=stance.hedge,
        negated=stance.negated,
        forecast=stance.forecast,
        earlier=earlier,
        component=component,
        conversion=conversion,
        event_year=event_year,
        quote=ctx.sentence.text,
        span=(ctx.sentence.start, ctx.sentence.end),
        line=line,
        column=column,
        value_span=value_span,
        value_line=value_line,
        value_column=value_column,
        sentence=ctx.sentence.index,
        published=reading.article.published,
        context=words,
        context_names=names,
        modifiers=modifiers or [],
        headline=ctx.sentence.paragraph == 0,
    )
