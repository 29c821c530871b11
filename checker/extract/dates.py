"""Date claims: "أطلقت Llama 4 في أبريل الماضي", "takes over in March 2024".

A month name (either Arabic system), an optional year, and relative words
("الماضي", "last") resolved against the article's publication date when it
is known. A date becomes a claim only when a trigger word in its sentence says
what it is the date of (a release, taking up a post); other dates are context.
Values are month ranges: [first day, last day] when the year is known, and
"--MM" (month only) when it is not, so they compare only on what is known.
"""

from __future__ import annotations

import calendar
from datetime import date

from checker.extract.context import ArticleContext, SentenceContext
from checker.extract.stance import stance_for
from checker.models import Claim, EntityRef, Value

TRIGGER_WINDOW = 12


def _year_after(ctx: SentenceContext, end: int) -> tuple[int | None, int]:
    """A year right after a month ("مارس 2024", "مارس/آذار 2024", "March, 2024")."""
    j = end
    if j < len(ctx.tokens) and ctx.tokens[j].text == "/" and ctx.starting_at("month", j + 1):
        j = max(m.end for m in ctx.starting_at("month", j + 1))
    if j < len(ctx.tokens) and ctx.tokens[j].text == ",":
        j += 1
    if j < len(ctx.tokens) and ctx.tokens[j].kind == "num" and ctx.tokens[j].norm.isdigit() \
            and len(ctx.tokens[j].norm) == 4 and 1900 <= int(ctx.tokens[j].norm) <= 2100:
        return int(ctx.tokens[j].norm), j + 1
    return None, end if j == end else j


def _relative(ctx: SentenceContext, start: int, end: int) -> tuple[str | None, int, int]:
    for match in ctx.starting_at("relative_date", end):
        return match.payload, start, match.end
    for match in ctx.ending_at("relative_date", start):
        return match.payload, match.start, end
    return None, start, end


def resolve_year(month: int, relative: str | None, published: date | None) -> int | None:
    """"أبريل الماضي" in an article of June 2025 is April 2025; of March 2025, April 2024."""
    if published is None or relative is None:
        return None
    if relative == "last":
        return published.year if month < published.month else published.year - 1
    if relative == "next":
        return published.year if month > published.month else published.year + 1
    return published.year


def date_value(month: int, year: int | None, text: str) -> Value:
    if year is None:
        bound = f"--{month:02d}"
        return Value(kind="date", text=text, low=bound, high=bound, dimension="date")
    last_day = calendar.monthrange(year, month)[1]
    return Value(kind="date", text=text, low=f"{year}-{month:02d}-01", high=f"{year}-{month:02d}-{last_day}",
                 dimension="date")


def date_claims(actx: ArticleContext, ctx: SentenceContext, next_id) -> list[Claim]:
    text = actx.article.text
    claims: list[Claim] = []
    for match in ctx.matches("month"):
        token = ctx.tokens[match.start]
        if token.latin and not token.text[:1].isupper():
            continue  # "may" the verb, not May the month
        if match.start >= 2 and ctx.tokens[match.start - 1].text == "/" \
                and any(m.end == match.start - 1 for m in ctx.matches("month")):
            continue  # the second name of "مارس/آذار"
        year, end = _year_after(ctx, match.end)
        relative, start, end = _relative(ctx, match.start, end)
        if year is None:
            year = resolve_year(match.payload, relative, actx.article.published)
        triggers = [t for t in ctx.matches("date_trigger")
                    if abs(t.start - match.start) <= TRIGGER_WINDOW and not (start <= t.start < end)
                    and not _clause_break(ctx, t.start, match.start)]
        # "مؤتمر أبريل", "the April conference": a noun joined to the month.
        triggers += [t for t in ctx.matches("date_noun") if t.end == match.start or t.start == end]
        if not triggers:
            continue
        trigger = min(triggers, key=lambda t: abs(t.start - match.start))
        subject = _subject(actx, ctx, trigger.start, start)
        stance = stance_for(ctx, text, start)
        claims.append(Claim(
            id=next_id(), article=actx.article.id, subject=subject or EntityRef(),
            participants=[actx.mention_ref(m) for m in ctx.mentions] + ([subject] if subject else []),
            predicate=trigger.payload, predicate_text=ctx.text_of(text, trigger.start, trigger.end),
            value=date_value(match.payload, year, ctx.text_of(text, start, end)),
            attribution=stance.attribution, hedge=stance.hedge, negated=stance.negated,
            quote=ctx.sentence.text, span=(ctx.sentence.start, ctx.sentence.end),
            sentence=ctx.sentence.index, published=actx.article.published,
        ))
    return claims


def _clause_break(ctx: SentenceContext, a: int, b: int) -> bool:
    """A comma or semicolon between two tokens: a date and a trigger in different clauses."""
    low, high = min(a, b), max(a, b)
    return any(t.norm in ("،", ",", ";", "؛") for t in ctx.tokens[low:high])


def _subject(actx: ArticleContext, ctx: SentenceContext, trigger: int, anchor: int) -> EntityRef | None:
    """What was released or who takes up the post: a name near the trigger."""
    near = sorted(ctx.mentions, key=lambda m: min(abs(m.start - trigger), abs(m.start - anchor)))
    if near:
        return actx.mention_ref(near[0])
    return actx.topic_org or actx.topic
