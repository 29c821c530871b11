"""A quote cut to the clause around its figure, for a table cell an editor can read.

The claim quotes its whole sentence (kept whole in the JSON, and in the
Markdown under the table). A table shows the clause that holds the value:
the sentence is cut at clause breaks (commas and semicolons of every script,
rules/lexicons/common/script.yaml), neighbouring clauses are added while the
piece stays short, and a clause still too long is cut at words around the
value. What is left out is marked with "…"; what is shown is verbatim.
"""

from __future__ import annotations

import re
from functools import cache

from checker.models import Claim
from checker.text.script import script_data

# Longest piece of a sentence a table shows, and the shortest worth stopping at.
CLAUSE_LIMIT = 80
CLAUSE_MIN = 40
ELLIPSIS = "…"


@cache
def _breaks() -> re.Pattern[str]:
    """A clause break followed by white space: a clause starts after it."""
    return re.compile("[" + re.escape("".join(sorted(script_data().clause_breaks))) + r"]\s+")


def value_in_quote(claim: Claim) -> tuple[int, int]:
    """Where the claim's value is in its quote: from its span, else found by its words."""
    if claim.value_span is not None:
        start, end = claim.value_span[0] - claim.span[0], claim.value_span[1] - claim.span[0]
        if 0 <= start <= end <= len(claim.quote):
            return start, end
    found = claim.quote.find(claim.value.text) if claim.value.text else -1
    return (found, found + len(claim.value.text)) if found >= 0 else (0, 0)


def _words_around(sentence: str, lo: int, hi: int, start: int, end: int, limit: int) -> tuple[int, int]:
    """Within [lo, hi), whole words around [start, end), added on either side in turn up to `limit`."""
    words = [(m.start(), m.end()) for m in re.finditer(r"\S+", sentence[lo:hi])]
    words = [(lo + a, lo + b) for a, b in words]
    inside = [i for i, (a, b) in enumerate(words) if b > start and a < end]
    if not inside:  # the value is no word of its own (a space): the word nearest it
        inside = [min(range(len(words)), key=lambda i: abs(words[i][0] - start))]
    first, last = inside[0], inside[-1]
    while True:
        grown = False
        for step in ("left", "right"):
            if step == "left" and first > 0 and words[last][1] - words[first - 1][0] <= limit:
                first, grown = first - 1, True
            elif step == "right" and last + 1 < len(words) and words[last + 1][1] - words[first][0] <= limit:
                last, grown = last + 1, True
        if not grown:
            break
    lo, hi = words[first][0], words[last][1]
    if hi - lo > limit:  # one word longer than a cell (a web address): cut it around the value
        lo = max(lo, min(start, (start + end - limit) // 2))
        hi = min(hi, lo + limit)
    return lo, hi


def clause_span(sentence: str, start: int, end: int, limit: int = CLAUSE_LIMIT) -> tuple[int, int]:
    """The part of `sentence` a table shows for a value at [start, end)."""
    if len(sentence) <= limit:
        return 0, len(sentence)
    bounds = sorted({0, len(sentence), *(m.end() for m in _breaks().finditer(sentence))})
    lo = max(b for b in bounds if b <= start)
    hi = min(b for b in bounds if b >= end)
    while hi - lo < CLAUSE_MIN:
        before = max((b for b in bounds if b < lo), default=None)
        after = min((b for b in bounds if b > hi), default=None)
        options = [(hi - b, b, hi) for b in (before,) if b is not None]
        options += [(b - lo, lo, b) for b in (after,) if b is not None]
        options = [o for o in options if o[0] <= limit]
        if not options:
            break
        _, lo, hi = min(options)
    if hi - lo > limit:
        lo, hi = _words_around(sentence, lo, hi, start, end, limit)
    return lo, hi


def clause(claim: Claim, limit: int = CLAUSE_LIMIT) -> str:
    """The clause of the claim's quote around its value, with "…" where the sentence goes on."""
    sentence = claim.quote
    lo, hi = clause_span(sentence, *value_in_quote(claim), limit)
    piece = sentence[lo:hi].strip()
    if hi < len(sentence.rstrip()):
        piece = piece.rstrip("".join(script_data().clause_breaks)).rstrip() + " " + ELLIPSIS
    if lo > 0:
        piece = ELLIPSIS + " " + piece
    return piece


def is_cut(claim: Claim, limit: int = CLAUSE_LIMIT) -> bool:
    """Whether the table shows less than the whole sentence."""
    return len(claim.quote) > limit
