"""The one table writer of the reports: GitHub-flavoured Markdown, by tabulate."""

from __future__ import annotations

from tabulate import tabulate

QUOTE_LIMIT = 400
# The widest table whose columns are padded to line up in a plain editor.
ALIGNED_WIDTH = 160


def cell(text: str | None, limit: int = QUOTE_LIMIT) -> str:
    """Table-safe text: white space folded (no line break ends the row), no pipe, not
    longer than `limit`."""
    if not text:
        return ""
    text = " ".join(text.split())
    if len(text) > limit:
        text = text[:limit - 1] + "…"
    return text.replace("|", "\\|")


def table(rows: list[list[object]], headers: list[str]) -> str:
    """A Markdown table; cells are written as given (no number is reformatted).

    Columns are padded to line up when the table is then at most ALIGNED_WIDTH wide;
    a wider one (long quotes) would pad every row to its longest, so each row is
    written as short as its cells. A renderer draws both the same."""
    aligned = tabulate(rows, headers=headers, tablefmt="github", disable_numparse=True)
    if max(len(line) for line in aligned.splitlines()) <= ALIGNED_WIDTH:
        return aligned
    lines = ["| " + " | ".join(headers) + " |", "|" + "|".join("---" for _ in headers) + "|"]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)
