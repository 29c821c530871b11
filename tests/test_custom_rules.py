"""Rules an editor writes change the report as expected."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import ROOT, article

from checker.ingest import load_articles
from checker.knowledge import load_knowledge
from checker.pipeline import check


def check_with_rules(tmp_path: Path, rules_yaml: str, articles: list):
    """Check articles with the shipped rules plus a newsroom rule file."""
    path = tmp_path / "newsroom.yaml"
    path.write_text(rules_yaml, encoding="utf-8")
    return check(articles, load_knowledge([path]))


@pytest.fixture(scope="module")
def seeds():
    articles, _ = load_articles([ROOT / "seeds"])
    return articles


def kinds_for(report, predicate):
    return {f.kind for f in report.findings if f.predicate == predicate}


def test_one_year_age_tolerance_turns_28_vs_29_into_agreement(tmp_path, seeds):
    newsroom = """
rules:
  - id: age-tolerance
    kind: numeric
    severity: warning
    select: {predicates: [age]}
    tolerance: {absolute: 1}
"""
    before = check(seeds, load_knowledge())
    after = check_with_rules(tmp_path, newsroom, seeds)
    assert "conflict" in kinds_for(before, "age")
    assert kinds_for(after, "age") == {"agreement"}


def test_corroboration_rule_turns_single_source_money_into_warnings(tmp_path, seeds):
    report = check_with_rules(tmp_path, """
rules:
  - id: money-needs-two
    kind: corroboration
    severity: warning
    select: {dimensions: [money]}
    min_sources: 2
""", seeds)
    warned = [f for f in report.findings if f.rule == "money-needs-two"]
    assert warned and all(f.severity == "warning" for f in warned)
    claims = {c.id: c for c in report.claims}
    assert all(claims[f.claims[0]].value.dimension == "money" for f in warned)


def test_new_alias_merges_two_names(tmp_path):
    # A translated name ("cloud") that no spelling rule could match: a valuation is its
    # subject's own, so two names are two valuations until the newsroom says they are one.
    a = article("a", "وتقدر القيمة السوقية لمجموعة «سحاب» بنحو 40 مليار دولار، بحسب المحللين.")
    b = article("b", "Analysts say Nimbus Group has a market value of $55 billion.", lang="en")
    plain = check([a, b], load_knowledge())
    assert "conflict" not in kinds_for(plain, "valuation")
    newsroom = """
rules:
  - id: alias-nimbus
    kind: alias
    entity: nimbus
    type: org
    names: [سحاب, "مجموعة سحاب", Nimbus, "Nimbus Group"]
"""
    taught = check_with_rules(tmp_path, newsroom, [a, b])
    assert "conflict" in kinds_for(taught, "valuation")


def test_new_predicate_taught_in_yaml_alone(tmp_path):
    a = article("a", "أجلت السلطات 1200 شخص من القرى المنكوبة خلال الليل.")
    b = article("b", "وأفاد الدفاع المدني بأنه أجلت السلطات 900 شخص من القرى المنكوبة.")
    newsroom = """
rules:
  - id: evacuated
    kind: lexicon
    lang: ar
    add:
      predicates:
        evacuated:
          dimensions: [count]
          kinds: [person]
          triggers: [أجلت, إجلاء]
"""
    report = check_with_rules(tmp_path, newsroom, [a, b])
    assert {c.predicate for c in report.claims} == {"evacuated"}
    assert "conflict" in kinds_for(report, "evacuated")


def test_new_post_taught_in_yaml_alone(tmp_path):
    # The example of docs/rules.md: a post and its Arabic titles.
    a = article("a", "وقال رئيس تحرير صحيفة «الأفق» سامي ناصيف إن الصحيفة ستتوسع.")
    b = article("b", "وقالت رئيسة التحرير في صحيفة «الأفق» منى دبّاغ إن الصحيفة ستتوسع.")
    newsroom = """
rules:
  - id: editor-in-chief
    kind: lexicon
    lang: common
    add:
      predicates:
        editor_in_chief:
          label: {en: editor-in-chief, ar: رئاسة التحرير}
          dimensions: [role]
  - id: editor-in-chief-ar
    kind: lexicon
    lang: ar
    add:
      roles:
        titles:
          editor_in_chief: ["رئيس التحرير", "رئيسة التحرير", "رئيس تحرير"]
"""
    report = check_with_rules(tmp_path, newsroom, [a, b])
    holders = {c.value.text for c in report.claims if c.predicate == "editor_in_chief"}
    assert holders == {"سامي ناصيف", "منى دبّاغ"}
    assert "conflict" in kinds_for(report, "editor_in_chief")


def test_override_turns_a_rule_off(tmp_path, seeds):
    report = check_with_rules(tmp_path, """
rules:
  - id: quiet-singles
    kind: override
    target: single-source
    enabled: false
""", seeds)
    assert not [f for f in report.findings if f.kind == "single_source"]


def test_a_rule_that_matches_nothing_is_listed(tmp_path, seeds):
    report = check_with_rules(tmp_path, """
rules:
  - id: fines-only
    kind: numeric
    severity: error
    select: {predicates: [fine]}
""", seeds)
    assert "fines-only" in report.unmatched_rules


EVACUATED_RULE = """
rules:
  - id: evacuated
    kind: lexicon
    lang: {lang}
    add:
      predicates:
        evacuated: {{dimensions: [count], align_on: story, triggers: [أجلت, أجلى]}}
"""


@pytest.mark.parametrize("lang", ["ar", "common"])
def test_a_predicate_added_for_one_language_keeps_its_alignment(tmp_path, lang):
    """What a predicate is (align_on: story) holds whichever language the rule adds it for."""
    a = article("a", "قال المحافظ أحمد سالم إن السلطات أجلت 300 شخص من القرى.")
    b = article("b", "وقال الدفاع المدني إن فرقه أجلت 500 شخص.")
    report = check_with_rules(tmp_path, EVACUATED_RULE.format(lang=lang), [a, b])
    assert kinds_for(report, "evacuated") == {"conflict"}


def test_a_language_file_may_not_define_the_ontology(tmp_path):
    from checker.errors import RuleErrors
    from checker.knowledge.sources import read_lexicon_sources

    (tmp_path / "common").mkdir()
    (tmp_path / "ar").mkdir()
    (tmp_path / "ar" / "extra.yaml").write_text(
        "predicates:\n  evacuated:\n    dimensions: [count]\n    triggers: [إجلاء]\n", encoding="utf-8")
    with pytest.raises(RuleErrors) as caught:
        read_lexicon_sources(tmp_path)
    message = str(caught.value)
    assert "extra.yaml:3:5" in message and "'dimensions' is ontology" in message
