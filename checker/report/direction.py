"""Text of two writing directions on one line, each run isolated so that neither scrambles the other.

A report line mixes its own words with words from the articles: an Arabic value
in an English sentence, a Latin outlet name in an Arabic one. Unicode's
bidirectional algorithm lays such a line out by its first strong letter, and
a run of the other direction drags neutral characters (digits, "%", brackets)
across it: "تجاوزت 48%" in an English line reads "%48 تجاوزت …". A run wrapped
in FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE is laid out on its own, in
its own direction, as one unit of the line. The Markdown report isolates every
run of words from the articles whose direction is not the line's; the HTML
page does the same with `<bdi>` and `dir="auto"`.
"""

from __future__ import annotations

import unicodedata

FSI, PDI = "\u2068", "\u2069"
_OPENERS = frozenset("\u2066\u2067\u2068")  # LEFT-TO-RIGHT, RIGHT-TO-LEFT and FIRST STRONG ISOLATE
LTR, RTL = "ltr", "rtl"


def _direction(char: str) -> str | None:
    kind = unicodedata.bidirectional(char)
    return RTL if kind in ("R", "AL") else LTR if kind == "L" else None


def directions(text: str) -> set[str]:
    """The directions of the strong letters in `text` (none for digits and signs alone)."""
    return {d for d in map(_direction, text) if d}


def first_direction(text: str) -> str | None:
    """The direction of the first strong letter: what a paragraph of `text` is laid out by."""
    return next((d for d in map(_direction, text) if d), None)


def isolate(text: str, base: str = LTR) -> str:
    """`text` isolated if any of its letters runs against `base` (then it is laid out on its own)."""
    if not text or directions(outside_isolates(text)) <= {base}:
        return text
    return FSI + text + PDI


class Words(str):
    """Words from the articles (a value, a name, a quote) inside a line the report writes."""


def line(*pieces: str) -> str:
    """A line of the report's own words and `Words` from the articles: each `Words` run
    that has letters against the line's direction isolated. The line's direction is its
    own words' (else its first run's)."""
    own = "".join(p for p in pieces if not isinstance(p, Words))
    base = first_direction(own) or next((d for p in pieces if (d := first_direction(p))), LTR)
    return "".join(isolate(p, base) if isinstance(p, Words) else p for p in pieces)


def outside_isolates(text: str) -> str:
    """`text` without its isolated runs (an isolate left open runs to the end, as Unicode reads it)."""
    depth = 0
    kept = []
    for char in text:
        if char in _OPENERS:
            depth += 1
        elif char == PDI:
            depth = max(0, depth - 1)
        elif depth == 0:
            kept.append(char)
    return "".join(kept)


def mixes_directions(text: str) -> bool:
    """Whether letters of both directions stand outside any isolate: a line that scrambles."""
    return len(directions(outside_isolates(text))) > 1


def open_isolates(text: str) -> int:
    """How many isolates are still open at the end of `text`."""
    depth = 0
    for char in text:
        if char in _OPENERS:
            depth += 1
        elif char == PDI and depth:
            depth -= 1
    return depth
