"""The Markdown report's shortcuts must write what the long way writes."""

from __future__ import annotations

import pytest
from tabulate import SEPARATING_LINE, tabulate

from checker.report.markdown import QUOTE_LIMIT, cell, github_table

HEADERS = ["Outlet", "Article", "Value", "Qualifier", "Attributed to", "Quote"]
ROWS = [
    ["[الجزيرة](https://example.com/a)", "`a`", "تصل إلى 100 مليون دولار", "up_to", "—", "قال \\| ألتمان: “بدأت ميتا”"],
    ["b", "`b`", "", "True", "سام ألتمان", "A much longer quote than any header, by far…"],
    [" padded ", "`c`", "42", "False", "", "1,000"],
]


@pytest.mark.parametrize("rows", [
    ROWS,
    ROWS[:1],
    [],
    [row[:] for row in ROWS] + [["x", "y", "z", "", "", "two\nlines"]],
    [row[:] for row in ROWS] + [["\x1b[31mred\x1b[0m", "y", "z", "", "", ""]],
    [row[:] for row in ROWS] + [[SEPARATING_LINE, "", "", "", "", ""]],
    [row[:] for row in ROWS] + [[None, 3, 2.5, "", "", ""]],
])
def test_github_table_is_tabulates_text(rows):
    expected = tabulate(rows, headers=HEADERS, tablefmt="github", disable_numparse=True)
    assert github_table(rows, HEADERS) == expected


@pytest.mark.parametrize("text", [
    "قال ألتمان: “بدأت ميتا”", "a  b", " a", "a ", "a\tb", "a\nb", "a\u00a0b", "a\u2009b", "a\u3000b",
    "\u200fأ\u200c ب", "a | b", "x" * (QUOTE_LIMIT + 5), ("y " * QUOTE_LIMIT).strip(),
])
def test_cell_is_split_joined_cut_and_escaped(text):
    """cell() skips splitting text with no white space to fold; it must not change what it writes."""
    folded = " ".join(text.split())
    if len(folded) > QUOTE_LIMIT:
        folded = folded[:QUOTE_LIMIT - 1] + "…"
    assert cell(text) == folded.replace("|", "\\|")
