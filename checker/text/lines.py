"""Lines and columns of places in a text, as editors and linters count them.

Both are 1-based; a line ends at a line feed, and a column counts characters
(Unicode code points), which is what SARIF's `unicodeCodePoints` names.
"""

from __future__ import annotations

from bisect import bisect_right


def line_starts(text: str) -> list[int]:
    """The offset each line of the text starts at: 0, then one past every line feed."""
    starts = [0]
    found = text.find("\n")
    while found != -1:
        starts.append(found + 1)
        found = text.find("\n", found + 1)
    return starts


def line_column(starts: list[int], offset: int) -> tuple[int, int]:
    """The line and column of `offset`, given the text's `line_starts`."""
    line = bisect_right(starts, offset)
    return line, offset - starts[line - 1] + 1
