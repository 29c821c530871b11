"""categorical: dates, names and posts must match; two different values conflict.

A post's holders conflict only across outlets, for a post one person holds at
a time, and unless one of them is the former holder (that is a succession).
"""

from __future__ import annotations

from checker.judge import finding_kinds
from checker.judge.findings import JudgeContext, every_pair, make_finding
from checker.judge.pairs import CONFIDENCE_PARAMETER, rule_thresholds, best_pairs, confidence, sure
from checker.judge.values import same_category
from checker.knowledge.ontology import ROLE
from checker.knowledge.rules import Rule
from checker.models import ClaimGroup, Finding

NAME = "categorical"
ORDER = 20
EMITS = (finding_kinds.CONFLICT, finding_kinds.POSSIBLE_CONFLICT)
PARAMETERS: dict = {
    "confidence": CONFIDENCE_PARAMETER,
    "messages": {
        "type": "object",
        "additionalProperties": False,
        "description": "the message of the other findings this rule makes, by kind (as `message`)",
        "properties": {"possible_conflict": {"$ref": "#/$defs/message"}},
    },
}


def _clash(group: ClaimGroup, i: int, j: int, context: JudgeContext) -> bool:
    a, b = group.claims[i], group.claims[j]
    if a.value.kind == "quantity":
        return False
    if a.value.dimension != ROLE:
        return not same_category(a.value, b.value)
    if group.value_keys and group.value_keys[i] == group.value_keys[j]:
        return False
    definition = context.ontology.predicates.get(group.predicate)
    if a.article == b.article or (definition is not None and not definition.single_holder):
        return False  # one article telling a succession; a post several hold at once
    return "former" not in (a.value.qualifier, b.value.qualifier)


def judge(rule: Rule, group: ClaimGroup, context: JudgeContext) -> list[Finding]:
    position = {c.id: k for k, c in enumerate(group.claims)}
    clashes = [p for p in best_pairs(group) if _clash(group, position[p.a.id], position[p.b.id], context)]
    conflicts, possible = sure(clashes, rule_thresholds(rule, context.thresholds))
    for kind, pairs, severity in (("conflict", conflicts, None), ("possible_conflict", possible, "warning")):
        if pairs:  # a conflict, else a possible one: one finding a post or date
            return [make_finding(rule, kind, group, group.claims, context, severity=severity,
                                 pairs=every_pair(group, [(p.a, p.b) for p in pairs]), confidence=confidence(pairs))]
    return []
