"""numeric: two values of one quantity that cannot both be true, or a figure that rose.

Linked claims whose intervals stay apart after the rule's tolerance conflict.
For a figure that grows (a toll) reported on different days, a difference is
an update, not a conflict. Two values from one article are its own
inconsistency, reported apart from conflicts between outlets.
"""

from __future__ import annotations

from checker.judge.findings import JudgeContext, every_pair, make_finding
from checker.judge.values import compatible
from checker.knowledge.rules import Rule
from checker.models import Claim, ClaimGroup, Finding

NAME = "numeric"
ORDER = 10
PARAMETERS = {
    "tolerance": {
        "type": "object",
        "additionalProperties": False,
        "properties": {
            "relative": {"type": "number", "minimum": 0},
            "absolute": {"type": "number", "minimum": 0},
        },
    },
    "about": {"type": "number", "minimum": 0, "description": "relative band for 'about' and 'estimated' values"},
    "examples": {
        "type": "object",
        "additionalProperties": False,
        "description": "sentences that test the rule: `factcheck rules test` runs them",
        "properties": {
            "conflict": {"$ref": "#/$defs/pair",
                         "description": "two sentences (two outlets) this rule must find in conflict"},
            "no_conflict": {"$ref": "#/$defs/pair", "description": "two sentences this rule must not find in conflict"},
        },
    },
}


def judge(rule: Rule, group: ClaimGroup, context: JudgeContext) -> list[Finding]:
    clashes: list[tuple[Claim, Claim]] = []
    updates: list[tuple[Claim, Claim]] = []
    definition = context.ontology.predicates.get(group.predicate)
    grows = definition is not None and definition.grows
    for i, j in group.links:
        a, b = group.claims[i], group.claims[j]
        if a.value.kind != "quantity" or compatible(a.value, b.value, rule):
            continue
        if grows and a.published and b.published and a.published != b.published:
            updates.append((a, b))
        else:
            clashes.append((a, b))
    if clashes:
        pairs = every_pair(group, clashes)
        inside = [c for c in clashes if c[0].article == c[1].article]
        if inside and not pairs:
            # One article giving two incompatible values: a finding of its own.
            claims = list({c.id: c for pair in inside for c in pair}.values())
            return [make_finding(rule, "inconsistent", group, claims, context,
                                 pairs=[(a.id, b.id) for a, b in inside])]
        return [make_finding(rule, "conflict", group, group.claims, context, pairs=pairs)]
    if updates:
        return [make_finding(rule, "updated", group, group.claims, context, severity="info",
                             pairs=[(a.id, b.id) for a, b in updates])]
    return []
