"""Prose of the Markdown report wrapped to a width an editor shows whole.

A paragraph or list item is cut at spaces into lines of at most WIDTH
characters (a word longer than that stays whole). Markdown joins the lines
again, so the page renders as before; but a line must never start with what
would open another block there (a list marker, a heading, a quote, a fence,
an HTML tag, a table row), so no cut is made before such a word, nor after a
backslash.
"""

from __future__ import annotations

import re

from checker.report.direction import FSI, PDI, open_isolates

WIDTH = 100

# What a line may not start with inside a paragraph: it would begin a list ("-", "1."), a
# heading ("##"), a setext underline or thematic break ("===", "---", "***"), a code fence,
# a block quote, a table row or an HTML block. "**bold**" begins none of them.
_OPENS_BLOCK_RE = re.compile(r"([-+*]|\d+[.)]|#{1,6}|=+|[-_*]{3,}|(`{3,}|~{3,}|[>|<]).*)$")


def _visible(text: str) -> int:
    """How many characters of `text` an editor shows: the isolates are invisible."""
    return len(text) - text.count(FSI) - text.count(PDI)


def wrap(text: str, first: str = "", indent: str = "", width: int = WIDTH) -> list[str]:
    """`text` as lines of at most `width` characters, the first after `first` (a list
    marker), the others after `indent`; white space is folded. A cut inside an isolated
    run of the other writing direction closes it at the end of the line and opens it
    again on the next (report/direction.py): an editor lays out each line on its own."""
    lines: list[str] = []
    line = first
    empty = True
    for word in text.split():
        # Nor after a backslash, which would make the line break a hard one.
        if (not empty and _visible(line) + 1 + _visible(word) > width and not _OPENS_BLOCK_RE.fullmatch(word)
                and not line.endswith("\\")):
            depth = open_isolates(line)
            lines.append(line + PDI * depth)
            line, empty = indent + FSI * depth + word, False
            continue
        line = line + (" " if not empty else "") + word
        empty = False
    lines.append(line)
    return lines


def fold(text: str | None) -> str:
    """Text as one paragraph: every run of white space one space, pipes escaped (in a
    table they would end the cell); nothing is cut."""
    return " ".join((text or "").split()).replace("|", "\\|")


def wrapped(text: str, first: str = "", indent: str = "", width: int = WIDTH) -> str:
    return "\n".join(wrap(text, first, indent, width))
