"""The Markdown report: table cells, and what the report shows."""

from __future__ import annotations

import pytest

from checker.report.tables import QUOTE_LIMIT, cell


@pytest.mark.parametrize("text", [
    "قال ألتمان: “بدأت ميتا”", "a  b", " a", "a ", "a\tb", "a\nb", "a\u00a0b", "a\u2009b", "a\u3000b",
    "\u200fأ\u200c ب", "a | b", "x" * (QUOTE_LIMIT + 5), ("y " * QUOTE_LIMIT).strip(),
])
def test_cell_is_split_joined_cut_and_escaped(text):
    """White space folded, long text cut, pipes escaped."""
    folded = " ".join(text.split())
    if len(folded) > QUOTE_LIMIT:
        folded = folded[:QUOTE_LIMIT - 1] + "…"
    assert cell(text) == folded.replace("|", "\\|")
