"""Rules that test themselves: each example pair judged under its rule alone (the dead
selectors `rules validate` warns of are in selectors.py).

A numeric rule may carry `examples`: a pair of sentences that must conflict
under it and a pair that must not. Each sentence becomes a one-sentence article
from its own outlet; the rule passes when the verdict is the one promised.
Examples are judged under their rule alone: a newsroom's own tolerance for
death tolls must not make the shipped general rule's examples fail.
"""

from __future__ import annotations

from dataclasses import replace

from checker.errors import RuleError
from checker.knowledge import Knowledge
from checker.knowledge.rules import Rule, RuleSet
from checker.models import Article
from checker.pipeline import check


def _conflicts(knowledge: Knowledge, pair: list[str], rule_id: str) -> bool:
    articles = [Article(id=f"example_{i}", path=f"example_{i}", text=text)
                for i, text in enumerate(pair, 1)]
    return any(f.kind == "conflict" and f.rule == rule_id for f in check(articles, knowledge).findings)


def alone(rule: Rule, knowledge: Knowledge) -> Knowledge:
    """The knowledge with this rule as the only judging rule, enabled (the words
    that alias and lexicon rules taught stay in the languages)."""
    enabled = replace(rule, spec={**rule.spec, "enabled": True})
    return replace(knowledge, rules=RuleSet({rule.id: enabled}))


def test_rule(rule: Rule, knowledge: Knowledge) -> list[RuleError]:
    """Every example of one rule that does not come out as promised under that rule alone."""
    knowledge = alone(rule, knowledge)
    problems: list[RuleError] = []
    examples = rule.spec.get("examples") or {}
    for expectation, must_conflict in (("conflict", True), ("no_conflict", False)):
        pair = examples.get(expectation)
        if pair and _conflicts(knowledge, pair, rule.id) != must_conflict:
            verdict = "did not conflict" if must_conflict else "conflicted"
            problems.append(RuleError(f"rule '{rule.id}': its '{expectation}' example {verdict}",
                                      rule.source, rule.line))
    return problems
