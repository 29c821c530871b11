"""Times of day: "13:39", "1:39 PM", "الساعة 1:38 ظهرًا".

A time of day is a value of its own kind: minutes since midnight (dimension
`time_of_day`), so that "1:39 PM" and "13:39" are one time and "13:38" another.
A clock written "H:MM" is read; a marker after it ("PM", "مساءً") moves it to
the afternoon. What the time is of comes from the words around it.
"""

from __future__ import annotations

from checker.extract.claims import new_claim
from checker.extract.context import ArticleReading, SentenceContext
from checker.knowledge.categories import Category
from checker.knowledge.ontology import TIME_OF_DAY
from checker.models import Claim, Value

CLOCK_UNIT = "clock"


def _clock(ctx: SentenceContext, i: int) -> tuple[int, int, int] | None:
    """(hours, minutes, end token) of "H:MM" written at token i, if there is one."""
    tokens = ctx.tokens
    if i + 2 >= len(tokens) or tokens[i + 1].text != ":" or tokens[i].end != tokens[i + 1].start \
            or tokens[i + 1].end != tokens[i + 2].start:
        return None
    hours, minutes = tokens[i].norm, tokens[i + 2].norm
    if not (hours.isdigit() and minutes.isdigit() and len(minutes) == 2 and len(hours) <= 2):
        return None
    if int(hours) > 23 or int(minutes) > 59:
        return None
    return int(hours), int(minutes), i + 3


def time_claims(reading: ArticleReading, ctx: SentenceContext, next_id) -> list[Claim]:
    claims: list[Claim] = []
    text = reading.article.text
    for i, token in enumerate(ctx.tokens):
        if token.kind != "num" or (i > 0 and ctx.tokens[i - 1].text == ":"):
            continue
        clock = _clock(ctx, i)
        if clock is None:
            continue
        hours, minutes, end = clock
        marker = next(iter(ctx.starting_at(Category.DAY_HALF, end)), None)
        if marker is not None:
            end = marker.end
            if marker.payload == "pm" and hours < 12:
                hours += 12
            elif marker.payload == "am" and hours == 12:
                hours = 0
        at = hours * 60 + minutes
        claims.append(new_claim(
            reading, ctx, next_id(), at=(i, end), subject=reading.topic_org or reading.topic,
            participants=[reading.mention_ref(m) for m in ctx.mentions],
            predicate=TIME_OF_DAY, fallback=True,
            value=Value(kind="quantity", text=ctx.text_of(text, i, end), low=float(at), high=float(at),
                        unit=CLOCK_UNIT, dimension=TIME_OF_DAY),
        ))
    return claims
