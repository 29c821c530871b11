"""Which rule of a kind judges a group: the narrowest selector that selects it."""

from __future__ import annotations

from checker.knowledge.rules import Rule
from checker.models import ClaimGroup


def selects(rule: Rule, group: ClaimGroup) -> bool:
    select = rule.spec.get("select") or {}
    claim = group.claims[0]
    checks = [
        ("predicates", group.predicate),
        ("units", claim.value.unit),
        ("dimensions", claim.value.dimension),
        ("subjects", group.subject.id),
    ]
    return all(not select.get(key) or value in select[key] for key, value in checks)


def most_specific(rules: list[Rule], group: ClaimGroup) -> Rule | None:
    """Of the rules of one kind that select a group, the one with the narrowest
    selector wins (the later-defined on a tie): a per-predicate tolerance
    replaces the general one for that predicate only."""
    chosen: Rule | None = None
    best = -1
    for rule in rules:
        if not selects(rule, group):
            continue
        narrowness = len([k for k, v in (rule.spec.get("select") or {}).items() if v])
        if narrowness >= best:
            chosen, best = rule, narrowness
    return chosen
