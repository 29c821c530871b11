"""The Markdown report's own table writer must write what tabulate writes."""

from __future__ import annotations

import pytest
from tabulate import SEPARATING_LINE, tabulate

from checker.report.markdown import github_table

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
