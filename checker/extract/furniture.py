"""Page furniture: the lines of a saved page that are not the story.

A dateline ("September 05, 2025 — 01:04 pm EDT", "الجمعة 28 نوفمبر 2025 - 12:47"),
a "published"/"updated" stamp, "8 hours ago", share and comment counts, a
caption credit, a rights notice ("All rights reserved"): such a line makes no
claim. A dateline near the top of a page does say when the page was published,
which is kept when the article's metadata gives no date.
"""

from __future__ import annotations

from datetime import date

from checker.extract.context import SentenceContext
from checker.knowledge.categories import Category
from checker.knowledge.ontology import COUNT
from checker.text.tokens import Token, TokenKind

# A furniture line is short: a heading of the page, not a sentence of the story.
LONGEST = 14
# Of its words, at most this many are neither dates, clocks nor furniture cues.
OTHER_WORDS = 4
# Datelines are looked for in the first lines of the page.
TOP_LINES = 6


def _date_word(ctx: SentenceContext, index: int) -> bool:
    return any(ctx.starting_at(category, index) or ctx.ending_at(category, index + 1)
               for category in (Category.MONTH, Category.WEEKDAY, Category.DAY_HALF))


def is_furniture(ctx: SentenceContext) -> bool:
    """A short line made of dates, clocks and words like "published", "ago", "share";
    or a publisher's rights notice, whatever its length."""
    if ctx.matches(Category.RIGHTS_NOTICE):
        return True
    tokens = ctx.tokens
    words = [k for k, t in enumerate(tokens) if t.kind == TokenKind.WORD]
    if not tokens or len(tokens) > LONGEST * 2 or len(words) > LONGEST:
        return False
    cue = bool(ctx.matches(Category.FURNITURE))
    cue_tokens = {k for m in ctx.matches(Category.FURNITURE) for k in range(m.start, m.end)}
    other = [k for k in words if k not in cue_tokens and not _date_word(ctx, k)]
    dated = any(t.kind == TokenKind.NUM for t in tokens) and (len(other) < len(words) or _has_clock(tokens)) \
        and not _counts_something(ctx)
    return (cue or dated) and len(other) <= OTHER_WORDS


def _counts_something(ctx: SentenceContext) -> bool:
    """A number followed by what it counts ("مايو 2025: 6000 موظف يودعون الشركة"): a line
    of a timeline, which a dated stamp never has."""
    return any(ctx.tokens[k].kind == TokenKind.NUM and any(m.payload.dimension == COUNT
                                                   for m in ctx.starting_at(Category.UNIT, k + 1))
               for k in range(len(ctx.tokens)))


def _has_clock(tokens: list[Token]) -> bool:
    """"12:47" written as one: "بنزين 95: 21 جنيهًا" is a label and a price."""
    return any(t.text == ":" and 0 < k < len(tokens) - 1 and tokens[k - 1].kind == tokens[k + 1].kind == TokenKind.NUM
               and tokens[k - 1].end == t.start and t.end == tokens[k + 1].start
               for k, t in enumerate(tokens))


def dateline(sentences: list[SentenceContext], full_date) -> date | None:
    """The date a page's dateline gives, among its first lines: the first full date
    (day, month and year) in a furniture line. `full_date(ctx)` reads one from a line."""
    for ctx in sentences:
        if ctx.sentence.paragraph >= TOP_LINES:
            return None
        if is_furniture(ctx):
            found = full_date(ctx)
            if found is not None:
                return found
    return None
