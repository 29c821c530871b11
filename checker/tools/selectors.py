"""Selector values no lexicon knows: a rule that selects them can never match.

Apart from the rules' self-tests (selftest.py), which run the whole pipeline:
`factcheck rules validate` warns of dead selectors without loading the stages.
"""

from __future__ import annotations

from checker.knowledge import Knowledge
from checker.knowledge.rules import Rule


def dead_selectors(rule: Rule, knowledge: Knowledge) -> list[str]:
    """Selector values no lexicon knows: the rule can never match them."""
    select = rule.spec.get("select") or {}
    predicates = set(knowledge.ontology.predicates)
    # A unit named after its dimension is a figure's unstated unit ("money": no currency).
    units = set(knowledge.ontology.units) | {d for p in knowledge.ontology.predicates.values() for d in p.dimensions}
    warnings = []
    for name in select.get("predicates") or []:
        if name not in predicates and ":" not in name:  # "count:...": named from the text
            warnings.append(f"rule '{rule.id}' selects predicate '{name}', which no lexicon defines")
    for name in select.get("units") or []:
        if name not in units:
            warnings.append(f"rule '{rule.id}' selects unit '{name}', which no lexicon defines")
    return warnings
