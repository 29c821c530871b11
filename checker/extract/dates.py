"""Date claims: "أطلقت Orion 2 في أبريل الماضي", "takes over in March 2024",
"وقّعت الشركة يوم الخميس اتفاقًا", "the quake struck on Sunday".

Two kinds of date spans, both from the lexicon's words:
- a month name (either Arabic system) with an optional day before it ("13
  مارس") or after it ("June 1"), an optional year, and relative words
  ("الماضي", "last") resolved against the article's publication date;
- a weekday, resolved to the latest such day on or before publication
  ("أمس الخميس" in an article of Friday 14 March is 13 March);
- a year after a cue ("عام 2023"), a season ("ربيع العام المقبل"), and
  relative years, months and weeks, or a count back ("قبل 3 أيام", "8 hours
  ago"), the last two placed by the publication date.

A date becomes a claim only when a trigger word in its clause says what it is
the date of (a release, a deal, a disaster, taking up a post); other dates are
context. Values are ranges of days (a day, a week, a month, a season, a
year), or "--MM" when only the month is known, so they compare on what is known.

dateparser was measured for this job and is not used: it misses "أبريل
الماضي", "نيسان" and "مارس/آذار", reads "12.5" as a date, and moves a weekday
a week back when it is the publication day (tests/test_dateparser.py).
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

from checker.extract.claims import new_claim
from checker.extract.context import ArticleReading, SentenceContext
from checker.knowledge.categories import Category
from checker.knowledge.ontology import COUNT, DATE
from checker.models import Claim, EntityRef, Value
from checker.text.normalize import fold
from checker.text.phrases import longest_apart
from checker.text.script import script_data
from checker.text.tokens import TokenKind

_SHIFT = {"last": -1, "next": 1}  # relative words, as periods from the publication's own
STAMP_MARKS = frozenset("|—–-")  # between a page's date and its time
DATELINE_START = 14  # a dateline's date comes in a sentence's first tokens (after the agency's name)
_YEAR_WRITTEN = re.compile(r"(?<!\d)\d{4}(?!\d)")  # a date's words that give its year


@dataclass(frozen=True)
class DateSpan:
    """A date found at tokens[start:end], with its value."""

    start: int
    end: int
    value: Value


def _year_at(ctx: SentenceContext, j: int) -> int | None:
    if j < len(ctx.tokens) and ctx.tokens[j].kind == TokenKind.NUM and ctx.tokens[j].norm.isdigit() \
            and len(ctx.tokens[j].norm) == 4 and 1900 <= int(ctx.tokens[j].norm) <= 2100:
        return int(ctx.tokens[j].norm)
    return None


def _day_at(ctx: SentenceContext, j: int) -> int | None:
    if 0 <= j < len(ctx.tokens) and ctx.tokens[j].kind == TokenKind.NUM and ctx.tokens[j].norm.isdigit() \
            and 1 <= int(ctx.tokens[j].norm) <= 31 and len(ctx.tokens[j].norm) <= 2:
        return int(ctx.tokens[j].norm)
    return None


def _month_named_from(ctx: SentenceContext, month: int) -> int:
    """Where a month's name starts with the word for month before it ("شهر أكتوبر")."""
    words = ctx.ending_at(Category.MONTH_WORD, month)
    return words[0].start if words else month


def _ordinal_day_before(ctx: SentenceContext, month: int) -> tuple[int, int] | None:
    """(day, start) of "25th of" before a month: digits, an ordinal suffix glued, a connector;
    an ordinal word ("the eighth of April", "في الثامن والعشرين من فبراير"); or a day's
    digits and the connector ("الجمعة الموافق 17 من شهر أكتوبر")."""
    lex, tokens = ctx.lex, ctx.tokens
    k = month - 1
    if k < 1 or tokens[k].norm not in lex.connectors:
        return None
    day = _day_at(ctx, k - 1)
    if day is not None and tokens[k].norm in lex.day_connectors:
        return day, k - 1  # "17 من أكتوبر"
    if k >= 2 and tokens[k - 1].norm in lex.ordinal_suffixes and tokens[k - 2].end == tokens[k - 1].start:
        day = _day_at(ctx, k - 2)
        if day is not None:
            return day, k - 2
    for start in (k - 1, k - 2):
        day = _ordinal_day(ctx, start, k)
        if day is not None:
            return day, start
    return None


def _ordinal_day(ctx: SentenceContext, start: int, end: int) -> int | None:
    """The day an ordinal word at tokens[start:end] gives: one word, or one and its tens
    ("الحادي عشر", "الثامن والعشرين")."""
    lex, tokens = ctx.lex, ctx.tokens
    if start < 0 or tokens[start].kind != TokenKind.WORD:
        return None
    first = lex.day_ordinals.get(tokens[start].norm) or lex.ordinals.get(tokens[start].norm)
    if first is None:
        return None
    if end - start == 2:
        tens = lex.number_word(tokens[start + 1].norm) if tokens[start + 1].kind == TokenKind.WORD else None
        if tens is None or first >= 10 or not (tens == 10 or tens in (20, 30)):
            return None
        first += int(tens)
    return first if 1 <= first <= 31 and end - start <= 2 else None


def day_ordinal_tokens(ctx: SentenceContext) -> set[int]:
    """The tokens of ordinal words that give a month's day ("السابع من أكتوبر"): no ranks."""
    found = set()
    for match in ctx.matches(Category.MONTH):
        ordinal = _ordinal_day_before(ctx, _month_named_from(ctx, match.start))
        if ordinal is not None:
            found |= set(range(ordinal[1], match.start))
    return found


def _after_month(ctx: SentenceContext, end: int) -> tuple[int | None, int | None, int]:
    """A day and a year right after a month: "مارس/آذار 2024", "June 1, 2025", "March, 2024"."""
    j = end
    if j < len(ctx.tokens) and ctx.tokens[j].text == "/" and ctx.starting_at(Category.MONTH, j + 1):
        j = end = max(m.end for m in ctx.starting_at(Category.MONTH, j + 1))  # "أكتوبر/تشرين الأول"
    if j < len(ctx.tokens) and ctx.tokens[j].text == "." and ctx.tokens[j - 1].end == ctx.tokens[j].start:
        j += 1  # "Sept. 2": an abbreviated month's dot
    day = _day_at(ctx, j)
    if day is not None:
        j += 1
    day_end = j if day is not None else end
    if j < len(ctx.tokens) and ctx.tokens[j].text == ",":
        j += 1
    words = ctx.starting_at(Category.YEAR_WORD, j)
    if words and _year_at(ctx, words[0].end) is not None:
        j = words[0].end  # "في الثامن والعشرين من فبراير عام 2024"
    year = _year_at(ctx, j)
    if year is not None:
        return day, year, j + 1
    return day, None, day_end


def _relative(ctx: SentenceContext, start: int, end: int) -> tuple[str | None, int, int]:
    for match in ctx.starting_at(Category.RELATIVE_DATE, end):
        return match.payload, start, match.end
    for match in ctx.ending_at(Category.RELATIVE_DATE, start):
        return match.payload, match.start, end
    return None, start, end


def resolve_year(month: int, relative: str | None, published: date | None, day: int | None = None) -> int | None:
    """"أبريل الماضي" in an article of June 2025 is April 2025; of March 2025, April 2024.
    A day and month with no year ("September 7", "Jan. 20") are the nearest such day to
    the article's date (a day to come counting three times as far: news looks back); a
    month alone, with no word saying which, stays without a year."""
    if published is None:
        return None
    if relative is None:
        if day is None:
            return None
        candidates = [year for year in (published.year - 1, published.year, published.year + 1)
                      if day <= calendar.monthrange(year, month)[1]]
        def distance(year: int) -> int:
            days = (date(year, month, day) - published).days
            return 3 * days if days > 0 else -days

        return min(candidates, key=distance, default=None)
    if relative == "last":
        # "14 أكتوبر الماضي" three days after it is this year's; "أكتوبر الماضي" in October, last year's.
        this_year = month < published.month or (day is not None and month == published.month and day < published.day)
        return published.year if this_year else published.year - 1
    if relative == "next":
        return published.year if month > published.month else published.year + 1
    return published.year


def date_value(month: int, year: int | None, text: str, day: int | None = None) -> Value:
    if year is None:
        # A month (and day) known without its year: "--09", "--09-07".
        bound = f"--{month:02d}" if day is None else f"--{month:02d}-{day:02d}"
        return Value(kind="date", text=text, low=bound, high=bound, dimension=DATE)
    if day is not None and day <= calendar.monthrange(year, month)[1]:
        return _range_value(text, date(year, month, day), date(year, month, day))
    return _range_value(text, date(year, month, 1), _month_end(year, month))


def _month_spans(reading: ArticleReading, ctx: SentenceContext) -> list[DateSpan]:
    text = reading.article.text
    spans = []
    for match in ctx.matches(Category.MONTH):
        token = ctx.tokens[match.start]
        if token.text[:1].islower():
            continue  # "may" the verb, not May the month
        if match.start >= 2 and ctx.tokens[match.start - 1].text == "/" \
                and any(m.end == match.start - 1 for m in ctx.matches(Category.MONTH)):
            continue  # the second name of "مارس/آذار"
        day_before = _day_at(ctx, match.start - 1)
        start = match.start - 1 if day_before is not None else match.start
        if day_before is None:
            ordinal = _ordinal_day_before(ctx, _month_named_from(ctx, match.start))  # "the 25th of September"
            if ordinal is not None:
                day_before, start = ordinal
        day_after, year, end = _after_month(ctx, match.end)
        relative, start, end = _relative(ctx, start, end)
        day = day_before if day_before is not None else day_after
        if year is None:
            year = resolve_year(match.payload, relative, reading.article.published, day)
        spans.append(DateSpan(start, end, date_value(match.payload, year, ctx.text_of(text, start, end), day)))
    return spans


def full_date(reading: ArticleReading, ctx: SentenceContext) -> date | None:
    """A date with its day, month and year written in the sentence ("01 Jun 2025")."""
    for span in _month_spans(reading, ctx):
        low, high = str(span.value.low), str(span.value.high)
        if low == high and len(low) == 10 and not low.startswith("--"):
            return date.fromisoformat(low)
    return None


def _weekday_spans(reading: ArticleReading, ctx: SentenceContext) -> list[DateSpan]:
    """"أمس الخميس", "on Sunday": the latest such day on or before publication."""
    published = reading.article.published
    if published is None:
        return []  # "الخميس" alone can be compared with nothing
    spans = []
    for match in ctx.matches(Category.WEEKDAY):
        token = ctx.tokens[match.start]
        if token.text[:1].islower():
            continue  # a weekday in a script with case is capitalised
        day = published - timedelta(days=(published.isoweekday() - match.payload) % 7)
        start = match.start
        before = ctx.ending_at(Category.DAY_BEFORE, start)
        if before:
            start = before[0].start
        spans.append(DateSpan(start, match.end, _range_value(ctx.text_of(reading.article.text, start, match.end),
                                                             day, day)))
    return spans


def _range_value(text: str, first: date, last: date) -> Value:
    return Value(kind="date", text=text, low=first.isoformat(), high=last.isoformat(), dimension=DATE)


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _shift_year(relative: str, published: date) -> int:
    return published.year + _SHIFT.get(relative, 0)


def _season_value(text: str, months: tuple[int, int], year: int) -> Value:
    first, last = months
    end_year = year + 1 if last < first else year  # winter runs into the next year
    return _range_value(text, date(year, first, 1), _month_end(end_year, last))


def _calendar_spans(reading: ArticleReading, ctx: SentenceContext) -> list[DateSpan]:
    """"عام 2023", "in 2012", "spring 2026", "ربيع العام المقبل"."""
    text, published = reading.article.text, reading.article.published
    spans = []
    for cue in ctx.matches(Category.YEAR_CUE):
        year = _year_at(ctx, cue.end)
        if year is not None and not any(m.payload.dimension == COUNT for m in ctx.starting_at(Category.UNIT, cue.end + 1)):
            # "the 2004 election", "في 2022"; not "the 2000 people" (a count)
            spans.append(DateSpan(cue.start, cue.end + 1, _range_value(
                ctx.text_of(text, cue.start, cue.end + 1), date(year, 1, 1), date(year, 12, 31))))
    for season in ctx.matches(Category.SEASON):
        months = reading.lex.season_months.get(season.payload)
        year = _year_at(ctx, season.end)
        end = season.end + 1
        if year is None and published is not None:
            words = ctx.starting_at(Category.YEAR_WORD, season.end)
            after = words[0].end if words else season.end
            relative, _, end = _relative(ctx, season.start, after)
            year = _shift_year(relative, published) if relative else None
        if months and year is not None:
            spans.append(DateSpan(season.start, end, _season_value(ctx.text_of(text, season.start, end),
                                                                   months, year)))
    return spans


def _year_range_spans(reading: ArticleReading, ctx: SentenceContext) -> list[DateSpan]:
    """"بين عامي 2016 و2017", "between 2011 and 2020", "من 2009 إلى 2014": a span of
    years, from the first day of the first to the last day of the second."""
    lex, tokens = reading.lex, ctx.tokens
    spans = []
    for cue in ctx.matches(Category.RANGE_CUES) + ctx.matches(Category.CHANGE_FROM):
        j = cue.end
        words = ctx.starting_at(Category.YEAR_WORD, j)
        j = max((m.end for m in words), default=j)
        first = _year_at(ctx, j)
        if first is None or j + 2 >= len(tokens) or tokens[j + 1].norm not in lex.range_joins:
            continue
        k = max((m.end for m in ctx.starting_at(Category.YEAR_WORD, j + 2)), default=j + 2)
        last = _year_at(ctx, k)
        if last is None or last <= first:
            continue
        spans.append(DateSpan(cue.start, k + 1, _range_value(ctx.text_of(reading.article.text, cue.start, k + 1),
                                                             date(first, 1, 1), date(last, 12, 31))))
    return spans


def _relative_spans(reading: ArticleReading, ctx: SentenceContext) -> list[DateSpan]:
    """"العام الماضي", "الشهر الماضي", "earlier this week", "قبل 3 أيام", "8 hours ago":
    placed only by the publication date."""
    text, published = reading.article.text, reading.article.published
    if published is None:
        return []
    spans = []

    def add(start: int, end: int, first: date, last: date) -> None:
        spans.append(DateSpan(start, end, _range_value(ctx.text_of(text, start, end), first, last)))

    for word in ctx.matches(Category.YEAR_WORD):
        relative, start, end = _relative(ctx, word.start, word.end)
        if relative:
            year = _shift_year(relative, published)
            add(start, end, date(year, 1, 1), date(year, 12, 31))
    for word in ctx.matches(Category.MONTH_WORD):
        relative, start, end = _relative(ctx, word.start, word.end)
        if relative:
            year, month = divmod(published.year * 12 + published.month - 1 + _SHIFT.get(relative, 0), 12)
            add(start, end, date(year, month + 1, 1), _month_end(year, month + 1))
    for word in ctx.matches(Category.WEEK_WORD):
        relative, start, end = _relative(ctx, word.start, word.end)
        if relative:
            monday = published - timedelta(days=published.weekday()) + timedelta(weeks=_SHIFT.get(relative, 0))
            add(start, end, monday, published if relative == "this" else monday + timedelta(days=6))
    for unit in ctx.matches(Category.AGO_UNIT):
        count = _count_before(reading, ctx, unit.start)
        start = unit.start - 1 if count is not None else unit.start
        before = ctx.ending_at(Category.AGO_BEFORE, start)
        after = ctx.starting_at(Category.AGO_AFTER, unit.end)
        if before or after:
            days = (count or 1) * unit.payload
            day = published - timedelta(days=days)
            # Hours back may reach the day before publication.
            add(before[0].start if before else start, after[0].end if after else unit.end,
                day - timedelta(days=1) if unit.payload == 0 else day, day)
    return spans


def _count_before(reading: ArticleReading, ctx: SentenceContext, index: int) -> int | None:
    """"3 أيام", "three days": the number right before a unit word."""
    if index < 1:
        return None
    token = ctx.tokens[index - 1]
    if token.kind == TokenKind.NUM and token.norm.isdigit():
        return int(token.norm)
    value = reading.lex.number_word(token.norm) if token.kind == TokenKind.WORD else None
    return int(value) if value is not None and value == int(value) else None


def _triggers(ctx: SentenceContext, span: DateSpan):
    """Trigger words in the date's clause, nearest first; nouns joined to it too."""
    found = [t for t in ctx.matches(Category.DATE_TRIGGER)
             if abs(t.start - span.start) <= ctx.lex.windows.date_trigger and not (span.start <= t.start < span.end)
             and not _clause_break(ctx, t.start, span)]
    # "مؤتمر أبريل", "the April conference": a noun joined to the month.
    found += [t for t in ctx.matches(Category.DATE_NOUN) if t.end == span.start or t.start == span.end]
    return sorted(found, key=lambda t: abs(t.start - span.start))


def date_claims(reading: ArticleReading, ctx: SentenceContext, next_id) -> list[Claim]:
    """The dates of a sentence. A trigger word says what a date is of ("launched in April");
    a date named outright ("in 2004", "on Sept. 4") with none is still a claim, named by the
    words around it; a date only relative to the page ("8 hours ago", "this week") is not."""
    text = reading.article.text
    claims: list[Claim] = []
    named = (_month_spans(reading, ctx) + _weekday_spans(reading, ctx) + _calendar_spans(reading, ctx)
             + _year_range_spans(reading, ctx))
    relative = _relative_spans(reading, ctx) if ctx.matches(Category.DATE_TRIGGER) else []
    said = bool(ctx.matches(Category.ATTRIBUTION_SPEECH_VERBS) or ctx.matches(Category.ATTRIBUTION_ACCORDING_TO))
    for span in longest_apart(named + relative):
        if _stamp(ctx, span):
            continue  # "17 سبتمبر 2025 | 9:50 م": when the page was written
        triggers = _triggers(ctx, span)
        if not triggers and (span not in named or said and _is_the_day(span, reading)):
            # The page's own day in a sentence that reports a saying ("officials said on
            # Tuesday"): when it was said, not a fact to check. Told of an event, it dates it.
            continue
        trigger = triggers[0] if triggers else None
        subject = _subject(reading, ctx, trigger.start if trigger else span.start, span.start)
        claims.append(new_claim(
            reading, ctx, next_id(), at=(span.start, span.end), subject=subject,
            participants=[reading.mention_ref(m) for m in ctx.mentions] + ([subject] if subject else []),
            predicate=trigger.payload if trigger else DATE,
            predicate_text=ctx.text_of(text, trigger.start, trigger.end) if trigger else "",
            fallback=trigger is None, value=span.value,
        ))
    return claims


def _stamp(ctx: SentenceContext, span: DateSpan) -> bool:
    """A date written as a page stamps itself: a bar or dash, then a clock ("September 05,
    2025 — 01:04 pm", "17 سبتمبر 2025 | 9:50 م")."""
    tokens = ctx.tokens
    k = span.end
    if span.start <= DATELINE_START and k + 1 < len(tokens) and (tokens[k].text in script_data().openers
                                                                or tokens[k].text == "/") and tokens[k + 1].kind == TokenKind.WORD:
        return True  # "TUNIS, Oct 6 (KUNA) --", "هونج كونج في 29 نوفمبر/وام/": an agency's dateline
    if k < len(tokens) and tokens[k].text in STAMP_MARKS:
        k += 1
    return k + 2 < len(tokens) and tokens[k].kind == TokenKind.NUM and tokens[k + 1].text == ":" \
        and tokens[k + 2].kind == TokenKind.NUM and (k > span.end or tokens[span.end - 1].end < tokens[k].start)


def _is_the_day(span: DateSpan, reading: ArticleReading) -> bool:
    """A date with no trigger that is the article's own day ("اليوم الأربعاء", "on Tuesday"
    in Tuesday's paper): when it was said, not a fact to check."""
    published = reading.article.published
    if published is None or not span.value.low <= published.isoformat() <= span.value.high:
        return False
    # A date written out in full ("اليوم الجمعة 17 أكتوبر 2025") dates what the sentence tells.
    return _YEAR_WRITTEN.search(fold(span.value.text)) is None


def _clause_break(ctx: SentenceContext, trigger: int, span: DateSpan) -> bool:
    """A comma or semicolon between a trigger and a date: different clauses.

    A comma that only sets the date off from a trigger right beside it does
    not count: "في يونيو، استثمرت", "أعلنت X، أمس الخميس، توقيع".
    """
    if trigger == span.end + 1 or trigger == span.start - 2:
        return False
    low, high = (trigger, span.start) if trigger < span.start else (span.end, trigger)
    return ctx.breaks_between(low, high)


def _subject(reading: ArticleReading, ctx: SentenceContext, trigger: int, anchor: int) -> EntityRef | None:
    """What was released or who takes up the post: a name near the trigger."""
    near = sorted(ctx.mentions, key=lambda m: min(abs(m.start - trigger), abs(m.start - anchor)))
    if near:
        return reading.mention_ref(near[0])
    return reading.topic_org or reading.topic
