"""agreement: several outlets give compatible values for one quantity.

Judged after the comparing kinds: a group with a conflict has no agreement of
its own (its clusters say who agrees); a figure that rose over time shows the
outlets of each day agreeing, and one that may have changed (no dates) the
outlets of each of its values; for a post, outlets agree on a holder, not
merely on the post changing hands.
"""

from __future__ import annotations

from collections import defaultdict

from checker.judge import finding_kinds
from checker.judge.findings import JudgeContext, make_finding
from checker.knowledge.rules import Rule
from checker.models import Claim, ClaimGroup, Finding

NAME = "agreement"
ORDER = 30
EMITS = (finding_kinds.AGREEMENT,)
PARAMETERS = {"min_outlets": {"type": "integer", "minimum": 2}}


def judge(rule: Rule, group: ClaimGroup, context: JudgeContext) -> list[Finding]:
    minimum = int(rule.spec.get("min_outlets", 2))
    if context.found_earlier("conflict") or len(group.articles) < minimum:
        return []  # the conflict's clusters say who agrees with whom
    possible = next((f for f in context.earlier if f.kind == "possible_update"), None)
    if possible is not None:
        # Undated figures that differ: those that give one figure agree with each other.
        by_id = {c.id: c for c in group.claims}
        return [make_finding(rule, "agreement", group, [by_id[i] for i in cluster.claims], context)
                for cluster in possible.clusters or [] if len(cluster.outlets) >= minimum]
    if context.found_earlier("updated"):
        by_day: dict[str, list[Claim]] = defaultdict(list)
        for claim in group.claims:
            by_day[str(claim.published or "")].append(claim)
        return [make_finding(rule, "agreement", group, claims, context) for _, claims in sorted(by_day.items())
                if len({c.article for c in claims}) >= minimum]
    if not any(group.value_keys):
        return [make_finding(rule, "agreement", group, group.claims, context)]
    holders: dict[str, list[Claim]] = defaultdict(list)
    for claim, key in zip(group.claims, group.value_keys):
        if key:
            holders[key].append(claim)
    return [make_finding(rule, "agreement", group, claims, context) for claims in holders.values()
            if len({c.article for c in claims}) >= minimum]
