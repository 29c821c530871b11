"""YAML that cannot become data is an error at its own line and column, never a crash."""

from __future__ import annotations

import pytest

from checker.errors import RuleError
from checker.yamlio import MAX_DEPTH, parse_yaml


@pytest.mark.parametrize("text, where, words", [
    ("published: 2025-02-30\n", (1, 12), "'2025-02-30' is not a valid date"),
    ("a:\n  b: [1, 2025-13-01]\n", (2, 10), "'2025-13-01' is not a valid date"),
    ("n: !!int twelve\n", (1, 4), "'twelve' is not a valid int"),
    ("a: " + "[" * (MAX_DEPTH + 5) + "]" * (MAX_DEPTH + 5) + "\n", (1, 3 + MAX_DEPTH + 1), "nested more than"),
    ("a: " + "{a: " * 999 + "}" * 999 + "\n", None, "nested more than"),
    ("a: b\nc: x\x04y\n", (2, 5), "character U+0004 is not allowed"),
])
def test_unbuildable_yaml_is_an_error_with_its_position(text, where, words):
    with pytest.raises(RuleError) as caught:
        parse_yaml(text, "f.yaml")
    assert words in caught.value.message
    if where:
        assert (caught.value.line, caught.value.column) == where


def test_valid_dates_and_moderate_nesting_still_load():
    depth = MAX_DEPTH - 1
    doc = parse_yaml("published: 2025-02-28\nx: " + "[" * depth + "]" * depth + "\n", "f.yaml")
    assert str(doc.data["published"]) == "2025-02-28"
    assert doc.where(("x",)) == (2, 4)


@pytest.mark.parametrize("brk", ["\n", "\r\n", "\x85", "\u2028", "\x1c"])
def test_every_message_is_one_line(brk):
    error = RuleError(f"unknown key 'a{brk}b'", "f.yaml", 1, 1)
    assert str(error) == "f.yaml:1:1: unknown key 'a b'"
    assert len(str(error).splitlines()) == 1


def test_a_file_name_with_a_line_break_stays_on_one_line():
    assert str(RuleError("bad", "odd\nname.yaml", 2)) == "odd\\nname.yaml:2: bad"
