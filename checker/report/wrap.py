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

WIDTH = 100

# What a line may not start with inside a paragraph: it would begin a list, heading,
# block quote, code fence, thematic break, HTML block, table or setext underline.
_OPENS_BLOCK_RE = re.compile(r"([-+*>#|=_~`<]|\d+[.)])")


def wrap(text: str, first: str = "", indent: str = "", width: int = WIDTH) -> list[str]:
    """`text` as lines of at most `width` characters, the first after `first` (a list
    marker), the others after `indent`; white space is folded."""
    lines: list[str] = []
    line = first
    empty = True
    for word in text.split():
        # Nor after a backslash, which would make the line break a hard one.
        if (not empty and len(line) + 1 + len(word) > width and not _OPENS_BLOCK_RE.match(word)
                and not line.endswith("\\")):
            lines.append(line)
            line, empty = indent + word, False
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
