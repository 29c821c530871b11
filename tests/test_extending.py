"""The three ways the checker grows, each done here the way docs/architecture.md says:
a predicate from YAML alone, a language from YAML alone, a rule kind from one module."""

from __future__ import annotations

import types
from pathlib import Path

import jsonschema
from conftest import ROOT, article

from checker.judge import judge
from checker.judge.findings import JudgeContext, make_finding
from checker.judge.kinds import KINDS
from checker.judge.schema import rule_schema, rule_schema_text
from checker.knowledge import load_knowledge
from checker.knowledge.rules import Rule, RuleSet
from checker.models import ClaimGroup, Finding
from checker.pipeline import (
    align_claims,
    check,
    read_each,
    story_claims,
    with_languages,
)

FRENCH = """
rules:
  - id: francais
    kind: lexicon
    lang: fr
    add:
      writing_system: {script: latin, has_case: true}
      stopwords: [le, la, les, a, de, des, du, et, selon, au, moins]
      units:
        killed: {forms: [mort, morts]}
        person: {forms: [personne, personnes]}
      predicates:
        death_toll: {triggers: [tué, tuées, "a fait"]}
        injured: {triggers: [blessé, blessés, blessées]}
"""


def test_a_language_from_yaml_alone(tmp_path: Path):
    rules = tmp_path / "francais.yaml"
    rules.write_text(FRENCH, encoding="utf-8")
    knowledge = load_knowledge([rules])
    a = article("a", "Le séisme a fait 120 morts selon le ministère.", lang=None, published="2026-03-01")
    b = article("b", "Le séisme a fait 150 morts et 300 blessés.", lang=None, published="2026-03-01")
    assert [x.lang for x in with_languages([a, b], knowledge)] == ["fr", "fr"]
    report = check([a, b], knowledge)
    assert {(f.kind, f.predicate) for f in report.findings} >= {("conflict", "death_toll")}


def test_a_predicate_from_yaml_alone(tmp_path: Path):
    rules = tmp_path / "rescued.yaml"
    rules.write_text("rules:\n  - id: vaccinated\n    kind: lexicon\n    lang: en\n    add:\n      predicates:\n"
                     "        vaccinated: {label: {en: people vaccinated}, dimensions: [count], align_on: story,"
                     " triggers: [vaccinated]}\n", encoding="utf-8")
    knowledge = load_knowledge([rules])
    report = check([article("a", "Health workers vaccinated 40,000 people in the district.", lang="en"),
                    article("b", "Officials said teams vaccinated 48,000 people.", lang="en")], knowledge)
    conflicts = [f for f in report.findings if f.kind == "conflict"]
    assert [f.predicate for f in conflicts] == ["vaccinated"]
    assert "people vaccinated" in conflicts[0].message


def _spread_kind() -> types.ModuleType:
    """A new kind, written as its own module would be: flag groups with more than `max_values` values."""
    module = types.ModuleType("checker.judge.kinds.spread")
    module.NAME, module.ORDER = "spread", 25
    module.PARAMETERS = {"max_values": {"type": "integer", "minimum": 1}}
    module.REQUIRED = ["max_values"]

    def judge_group(rule: Rule, group: ClaimGroup, context: JudgeContext) -> list[Finding]:
        values = {(c.value.low, c.value.high) for c in group.claims}
        if len(values) <= rule.spec["max_values"]:
            return []
        return [make_finding(rule, "spread", group, group.claims, context, severity="warning")]

    module.judge = judge_group
    return module


def test_a_rule_kind_from_one_module():
    spread = _spread_kind()
    kinds = dict(sorted({**KINDS, "spread": spread}.items(), key=lambda item: item[1].ORDER))
    rule_doc = {"rules": [{"id": "too-many", "kind": "spread", "severity": "warning", "max_values": 1}]}
    jsonschema.validate(rule_doc, rule_schema(kinds))  # its keys are in the schema with no other edit
    bad = {"rules": [{"id": "too-many", "kind": "spread"}]}
    assert list(jsonschema.Draft202012Validator(rule_schema(kinds)).iter_errors(bad))

    knowledge = load_knowledge()
    rules = RuleSet({**knowledge.rules.rules, "too-many": Rule("too-many", "spread", rule_doc["rules"][0], "test")})
    articles = [article("a", "قالت الوزيرة سلمى القاسم إن الحريق أودى بحياة 14 شخصًا.", published="2026-03-01"),
                article("b", "أكدت الوزيرة سلمى القاسم أن الحريق أودى بحياة 22 شخصًا.", published="2026-03-01")]
    articles = with_languages(articles, knowledge)
    groups, _ = align_claims(story_claims(read_each(articles, knowledge)), knowledge)
    findings = judge(groups, rules, knowledge.ontology, kinds=kinds).findings
    assert [f.kind for f in findings if f.predicate == "death_toll"] == ["conflict", "spread"]


def test_the_schema_editors_use_is_the_one_rules_are_checked_against():
    """rules/schema/rule.schema.json is `factcheck rules schema`'s output (regenerate it with that command)."""
    committed = (ROOT / "rules" / "schema" / "rule.schema.json").read_text(encoding="utf-8")
    assert committed == rule_schema_text()
