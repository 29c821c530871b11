"""Judge: claim groups + rules → findings (conflicts, agreements, updates, single sources).

Each group is judged by the most specific enabled rule of each kind, kind
after kind in the order the kinds declare; a kind sees the findings the kinds
before it made for the group, and nothing else.
"""

from __future__ import annotations

from dataclasses import dataclass
from types import ModuleType

from checker.judge.finding_kinds import declared
from checker.judge.findings import JudgeContext
from checker.judge.kinds import KINDS
from checker.judge.select import most_specific
from checker.knowledge.ontology import Ontology
from checker.knowledge.rules import RuleSet
from checker.models import ClaimGroup, Finding, FindingKind


@dataclass(frozen=True)
class Judgement:
    findings: list[Finding]
    unmatched_rules: list[str]  # enabled judging rules that applied to no group
    kinds: list[FindingKind]  # the kinds of finding the judging kinds declare


def judge(groups: list[ClaimGroup], rules: RuleSet, ontology: Ontology, lang: str = "en",
          kinds: dict[str, ModuleType] = KINDS) -> Judgement:
    enabled = [r for r in rules.of_kind(*kinds) if r.spec.get("enabled", True)]
    by_kind = {name: [r for r in enabled if r.kind == name] for name in kinds}
    applied: set[str] = set()
    findings: list[Finding] = []
    for group in groups:
        found: list[Finding] = []
        for name, kind in kinds.items():
            rule = most_specific(by_kind[name], group)
            if rule is not None:
                applied.add(rule.id)  # it applied, whether or not it found anything
                found += kind.judge(rule, group, JudgeContext(ontology, lang, tuple(found)))
        findings += found
    return Judgement(findings, sorted({r.id for r in enabled} - applied), declared(kinds.values()))
