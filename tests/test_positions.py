"""Where a claim's value is written: its span, line and column (1-based, in characters)."""

from __future__ import annotations

import pytest
from conftest import article, run

from checker.text.lines import line_column, line_starts


@pytest.mark.parametrize("text, offset, expected", [
    ("abc", 0, (1, 1)),
    ("abc", 2, (1, 3)),
    ("ab\ncd", 3, (2, 1)),
    ("ab\ncd", 2, (1, 3)),  # the line feed ends its line
    ("\n\nx", 2, (3, 1)),
    ("ميتا\nعرضت 100", 10, (2, 6)),  # characters, not bytes
])
def test_line_and_column(text, offset, expected):
    assert line_column(line_starts(text), offset) == expected


@pytest.mark.parametrize("text, value, line, column", [
    ("Title\n\nThe fire killed 128 people. Police arrested 11 people.", "11 people", 3, 45),
    ("Officials said 40 people died.\nBy Monday 40 people had died, up from 12.", "40 people", 2, 11),
    ("عنوان\nقتل 128 شخصا في الحريق.", "128 شخصا", 2, 5),
])
def test_a_claim_points_at_its_own_value(setup, text, value, line, column):
    lang = "en" if text.isascii() else "ar"
    claims = run(setup, article("a", text, lang=lang)).claims
    found = [c for c in claims if c.value.text == value and (c.value_line, c.value_column) == (line, column)]
    assert found, [(c.value.text, c.value_line, c.value_column) for c in claims]
    assert found[0].line == line and found[0].column <= column  # the quote's start
    start, end = found[0].value_span
    assert text[start:end] == value
