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
from checker.judge.pairs import agreement_confidence, surely_agreeing
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
    findings = [_agreement(rule, group, claims, context, minimum) for claims in _agreeing(group, context)]
    return [f for f in findings if f is not None]


def _agreeing(group: ClaimGroup, context: JudgeContext) -> list[list[Claim]]:
    """The sets of claims that agree: each value of figures that may differ, each day's of a
    figure that rose, each holder's of a post; else the whole group."""
    possible = next((f for f in context.earlier if f.kind in ("possible_update", "possible_conflict")), None)
    if possible is not None:
        by_id = {c.id: c for c in group.claims}
        return [[by_id[i] for i in cluster.claims] for cluster in possible.clusters or []]
    if context.found_earlier("updated"):
        by_day: dict[str, list[Claim]] = defaultdict(list)
        for claim in group.claims:
            by_day[str(claim.published or "")].append(claim)
        return [claims for _, claims in sorted(by_day.items())]
    if not any(group.value_keys):
        return [group.claims]
    holders: dict[str, list[Claim]] = defaultdict(list)
    for claim, key in zip(group.claims, group.value_keys):
        if key:
            holders[key].append(claim)
    return list(holders.values())


def _agreement(rule: Rule, group: ClaimGroup, claims: list[Claim], context: JudgeContext,
               minimum: int) -> Finding | None:
    """An agreement of the claims alignment is sure enough of (the `link` threshold), if enough outlets remain."""
    sure = surely_agreeing(group, claims, context.thresholds.link)
    if len({c.article for c in sure}) < minimum:
        return None
    return make_finding(rule, "agreement", group, sure, context, confidence=agreement_confidence(group, sure))
