"""The one table writer of the reports: GitHub-flavoured Markdown, by tabulate."""

from __future__ import annotations

from tabulate import tabulate

QUOTE_LIMIT = 400


def cell(text: str | None) -> str:
    """Table-safe text: white space folded (no line break ends the row), no pipe, not too long."""
    if not text:
        return ""
    text = " ".join(text.split())
    if len(text) > QUOTE_LIMIT:
        text = text[:QUOTE_LIMIT - 1] + "…"
    return text.replace("|", "\\|")


def table(rows: list[list[object]], headers: list[str]) -> str:
    """A Markdown table; cells are written as given (no number is reformatted)."""
    return tabulate(rows, headers=headers, tablefmt="github", disable_numparse=True)
