"""The schema of rule files: common keys and configuring kinds, plus each judging kind's parameters.

rules/schema/parts/rule.base.json holds what every rule has and the kinds that
configure (alias, lexicon, override); each judging kind declares its own keys
in its module (checker/judge/kinds). Rule files are validated against their
composition, so a new kind module is a new kind. `factcheck rules schema`
prints it; rules/schema/rule.schema.json, which editors point their YAML
language server at, is that output, and a test keeps the two equal.
"""

from __future__ import annotations

import copy
import json
from functools import cache
from types import ModuleType
from typing import Any

from checker.judge.kinds import KINDS
from checker.resources import rules_home

BASE = ("schema", "parts", "rule.base.json")
# Keys every rule may have, whatever its kind.
COMMON_KEYS = ("id", "kind", "severity", "message", "description", "select")


@cache
def _base() -> dict[str, Any]:
    return json.loads(rules_home().joinpath(*BASE).read_text(encoding="utf-8"))


def _kind_block(name: str, module: ModuleType) -> dict[str, Any]:
    then: dict[str, Any] = {"additionalProperties": False}
    if getattr(module, "REQUIRED", None):
        then["required"] = list(module.REQUIRED)
    then["properties"] = {**{key: True for key in COMMON_KEYS}, **module.PARAMETERS}
    return {"if": {"properties": {"kind": {"const": name}}}, "then": then}


def rule_schema(kinds: dict[str, ModuleType] = KINDS) -> dict[str, Any]:
    schema = copy.deepcopy(_base())
    rule = schema["$defs"]["rule"]
    rule["properties"]["kind"]["enum"] = [*kinds, *rule["properties"]["kind"]["enum"]]
    rule["allOf"] = [_kind_block(name, module) for name, module in kinds.items()] + rule["allOf"]
    return schema


def rule_schema_text(kinds: dict[str, ModuleType] = KINDS) -> str:
    return json.dumps(rule_schema(kinds), indent=2, ensure_ascii=False) + "\n"
