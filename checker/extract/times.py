"""Times of day: "13:39", "1:39 PM", "2.51 p.m.", "الساعة 1:38 ظهرًا", "السادسة من صباح اليوم".

A time of day is a value of its own kind: minutes since midnight (dimension
`time_of_day`), so that "1:39 PM" and "13:39" are one time and "13:38" another.
A clock is read where it is written "H:MM"; "H.MM" or a bare hour only with a
marker that makes it a time (a half of the day after it, "الساعة" before it,
"o'clock" after it), since "2.51" alone is a decimal and "3" a count. Hours
and minutes written in words come from the lexicon (dates.yaml `clock`). A
marker after it ("PM", "مساءً") moves it to the afternoon. What the time is of
comes from the words around it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from checker.extract.claims import new_claim
from checker.extract.context import ArticleReading, SentenceContext
from checker.knowledge.categories import Category
from checker.knowledge.ontology import TIME_OF_DAY
from checker.models import Claim, Value
from checker.text.tokens import TokenKind

CLOCK_UNIT = "clock"
_DOTTED = re.compile(r"^(\d{1,2})[.](\d{2})$")


@dataclass(frozen=True)
class Clock:
    """A time read at tokens[start:end]: hours (0-23 once its half of the day is known) and minutes."""

    hours: int
    minutes: int
    start: int
    end: int
    marked: bool  # a cue or a half of the day says it is a time, not a number


def _colon_clock(ctx: SentenceContext, i: int) -> Clock | None:
    """"H:MM" written at token i."""
    tokens = ctx.tokens
    if i + 2 >= len(tokens) or tokens[i + 1].text != ":" or tokens[i].end != tokens[i + 1].start \
            or tokens[i + 1].end != tokens[i + 2].start:
        return None
    hours, minutes = tokens[i].norm, tokens[i + 2].norm
    if not (hours.isdigit() and minutes.isdigit() and len(minutes) == 2 and len(hours) <= 2):
        return None
    return Clock(int(hours), int(minutes), i, i + 3, marked=True)


def _hour_at(ctx: SentenceContext, i: int) -> Clock | None:
    """An hour at token i: "H.MM", a bare hour, or an hour word ("السادسة")."""
    token = ctx.tokens[i]
    if token.kind == TokenKind.NUM:
        dotted = _DOTTED.match(token.norm)
        if dotted:
            return Clock(int(dotted[1]), int(dotted[2]), i, i + 1, marked=False)
        if token.norm.isdigit() and len(token.norm) <= 2:
            return Clock(int(token.norm), 0, i, i + 1, marked=False)
        return None
    words = ctx.starting_at(Category.CLOCK_HOUR, i)
    if not words:
        return None
    word = max(words, key=lambda m: m.end)
    return Clock(word.payload, 0, i, word.end, marked=False)


def _read_clock(ctx: SentenceContext, i: int) -> Clock | None:
    clock = _colon_clock(ctx, i)
    if clock is None:
        clock = _hour_at(ctx, i)
        if clock is None:
            return None
        for match in ctx.starting_at(Category.CLOCK_MINUTES, clock.end):
            minutes = clock.hours * 60 + clock.minutes + match.payload
            clock = Clock(minutes // 60 % 24, minutes % 60, clock.start, match.end, clock.marked)
        cued = bool(ctx.ending_at(Category.CLOCK_BEFORE, i))
        after = ctx.starting_at(Category.CLOCK_AFTER, clock.end)
        if after:
            clock = Clock(clock.hours, clock.minutes, clock.start, max(m.end for m in after), marked=True)
        elif cued:
            clock = Clock(clock.hours, clock.minutes, clock.start, clock.end, marked=True)
    if clock.hours > 23 or clock.minutes > 59:
        return None
    return clock


def _approximate(ctx: SentenceContext, start: int) -> str | None:
    """"around 3 p.m.", "نحو الساعة السادسة": a time given roughly gets the rule's band."""
    cue_starts = {m.start for m in ctx.ending_at(Category.CLOCK_BEFORE, start)}
    for match in ctx.matches(Category.QUALIFIER_BEFORE):
        if match.payload in ("about", "estimated") and (match.end == start or match.end in cue_starts):
            return match.payload
    return None


def _after_a_stamped_date(ctx: SentenceContext, i: int) -> bool:
    """A clock right after a date written with its month and year, with no word between
    ("30 أغسطس 2025 06:27 مساءً", "September 05, 2025 01:04 pm"): a page stamps its
    time so; a story gives a time with a word ("at 3:38", "الساعة 1:38")."""
    tokens = ctx.tokens
    k = i - 1
    if k >= 0 and tokens[k].text in "|—–-":
        k -= 1
    if k < 1 or tokens[k].kind != TokenKind.NUM or not tokens[k].norm.isdigit() or len(tokens[k].norm) != 4:
        return False
    before = k - 1 if tokens[k - 1].text == "," else k
    return bool(ctx.ending_at(Category.MONTH, before)) and tokens[i].kind == TokenKind.NUM \
        and i + 1 < len(tokens) and tokens[i + 1].text == ":"


def time_claims(reading: ArticleReading, ctx: SentenceContext, next_id) -> list[Claim]:
    claims: list[Claim] = []
    text = reading.article.text
    taken = 0
    tokens = ctx.tokens
    hour_words = {m.start for m in ctx.matches(Category.CLOCK_HOUR)}
    # Only a number or an hour's word can start a time: most tokens need no look.
    for i in [k for k, t in enumerate(tokens) if t.kind == TokenKind.NUM or k in hour_words]:
        if i < taken or (i > 0 and tokens[i - 1].text == ":"):
            continue
        if i > 0 and tokens[i - 1].text == "|" or _after_a_stamped_date(ctx, i):
            continue  # "17 سبتمبر 2025 | 9:50 م", "السبت 30 أغسطس 2025 06:27 مساءً": a page's stamp
        clock = _read_clock(ctx, i)
        if clock is None:
            continue
        hours, end = clock.hours, clock.end
        marker = next(iter(ctx.starting_at(Category.DAY_HALF, end)), None)
        if marker is not None and hours <= 12:
            end = marker.end
            if marker.payload == "pm" and hours < 12:
                hours += 12
            elif marker.payload == "am" and hours == 12:
                hours = 0
        elif not clock.marked:
            continue  # "2.51" or "3" alone: a number, not a time
        taken = end
        at = hours * 60 + clock.minutes
        claims.append(new_claim(
            reading, ctx, next_id(), at=(i, end), subject=reading.topic_org or reading.topic,
            participants=[reading.mention_ref(m) for m in ctx.mentions],
            predicate=TIME_OF_DAY, fallback=True,
            value=Value(kind="quantity", text=ctx.text_of(text, i, end), low=float(at), high=float(at),
                        unit=CLOCK_UNIT, dimension=TIME_OF_DAY, qualifier=_approximate(ctx, i)),
        ))
    return claims
