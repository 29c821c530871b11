"""corroboration: a claim that fewer than `min_sources` outlets report."""

from __future__ import annotations

from checker.judge import finding_kinds
from checker.judge.findings import JudgeContext, make_finding
from checker.knowledge.rules import Rule
from checker.models import ClaimGroup, Finding

NAME = "corroboration"
ORDER = 40
EMITS = (finding_kinds.SINGLE_SOURCE,)
PARAMETERS = {"min_sources": {"type": "integer", "minimum": 2}}
REQUIRED = ["min_sources"]


def judge(rule: Rule, group: ClaimGroup, context: JudgeContext) -> list[Finding]:
    if len(group.articles) >= int(rule.spec["min_sources"]):
        return []
    return [make_finding(rule, "single_source", group, group.claims, context)]
