"""categorical: dates, names and posts must match; two different values conflict.

A post's holders conflict only across outlets, for a post one person holds at
a time, and unless one of them is the former holder (that is a succession).
"""

from __future__ import annotations

from checker.judge import finding_kinds
from checker.judge.findings import JudgeContext, every_pair, make_finding
from checker.judge.values import same_category
from checker.knowledge.ontology import ROLE
from checker.knowledge.rules import Rule
from checker.models import ClaimGroup, Finding

NAME = "categorical"
ORDER = 20
EMITS = (finding_kinds.CONFLICT,)
PARAMETERS: dict = {}


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
    clashes = [(group.claims[i], group.claims[j]) for i, j in group.links if _clash(group, i, j, context)]
    if not clashes:
        return []
    return [make_finding(rule, "conflict", group, group.claims, context, pairs=every_pair(group, clashes))]
