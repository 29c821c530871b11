"""Every rule kind is in the schema and documented, and the documented examples are valid."""

from __future__ import annotations

import json
import re

import pytest
from conftest import ROOT

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
