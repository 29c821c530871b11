"""Every rule kind is in the schema and documented, and the documented examples are valid."""

from __future__ import annotations

import json
import re

import pytest
from conftest import ROOT

from checker.cli import build_parser
from checker.knowledge.rules import validate_rule_doc
from checker.yamlio import parse_yaml

DOC = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
SCHEMA = json.loads((ROOT / "rules" / "schema" / "rule.schema.json").read_text(encoding="utf-8"))
KINDS = SCHEMA["$defs"]["rule"]["properties"]["kind"]["enum"]
EXAMPLES = [block for block in re.findall(r"```yaml\n(.*?)```", DOC, re.DOTALL) if block.startswith("rules:")]


@pytest.mark.parametrize("kind", KINDS)
def test_every_kind_is_documented(kind):
    assert f"## `{kind}`" in DOC


@pytest.mark.parametrize("example", EXAMPLES)
def test_documented_examples_validate(example):
    assert validate_rule_doc(parse_yaml(example, "docs/rules.md")) == []


def test_readme_example_validates():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    [example] = [b for b in re.findall(r"```yaml\n(.*?)```", readme, re.DOTALL) if b.startswith("rules:")]
    assert validate_rule_doc(parse_yaml(example, "README.md")) == []


def _check_options() -> list[tuple[str, ...]]:
    commands = next(a for a in build_parser()._actions if a.dest == "command")
    return [tuple(action.option_strings) for action in commands.choices["check"]._actions
            if action.option_strings and action.dest != "help"]


@pytest.mark.parametrize("names", _check_options(), ids=lambda names: names[-1])
def test_every_check_option_is_in_the_readme(names):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert any(f"{name} " in readme or f"{name}`" in readme for name in names)
