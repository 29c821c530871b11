"""numeric: values of one quantity that cannot both be true, and figures that changed over time.

The values are grouped into clusters that can all be true together; claims of
different clusters from different outlets conflict. A figure that changes as
news comes in (a toll: `grows` or `varies` in the ontology) is read against the
articles' dates: a rise from one day to a later one is an update, shown as a
timeline; a fall in a rising figure, or two values of the same day that cannot
both be true, stays a conflict; where dates are missing, a difference is a
possible update, a warning and never an error.
"""

from __future__ import annotations

from checker.judge.clusters import cross_pairs, describe, value_clusters
from checker.judge import finding_kinds
from checker.judge.findings import MAX_PAIRS, JudgeContext, make_finding
from checker.judge.over_time import figure, pairs_over_time
from checker.judge.values import claims_compatible, story_month
from checker.knowledge.ontology import PredicateDef
from checker.knowledge.rules import Rule
from checker.models import Claim, ClaimGroup, Finding

NAME = "numeric"
ORDER = 10
EMITS = (finding_kinds.CONFLICT, finding_kinds.POSSIBLE_CONFLICT, finding_kinds.UPDATED,
         finding_kinds.POSSIBLE_UPDATE)
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
    "messages": {
        "type": "object",
        "additionalProperties": False,
        "description": "the message of the other findings this rule makes, by kind (as `message`)",
        "properties": {kind: {"$ref": "#/$defs/message"} for kind in ("updated", "possible_update")},
    },
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

Pair = tuple[str, str]


def _over_time(claims: list[Claim], definition: PredicateDef, fits) -> tuple[list[Pair], list[Pair], list[Pair]]:
    """(rises, conflicts, possible updates) among the claims of a figure that changes over
    time, the first MAX_PAIRS of each (judge/over_time.py: never every pair of claims)."""
    return pairs_over_time(claims, fits, definition.varies, MAX_PAIRS)


def judge(rule: Rule, group: ClaimGroup, context: JudgeContext) -> list[Finding]:
    claims = [c for c in group.claims if c.value.kind == "quantity"]
    if len(claims) < 2:
        return []

    month = story_month(claims)

    def fits(a: Claim, b: Claim) -> bool:
        return claims_compatible(a, b, rule, context.ontology, month)

    clusters = value_clusters(claims, fits)
    described = [describe(cluster, context.ontology, month) for cluster in clusters]
    definition = context.ontology.predicates.get(group.predicate)
    if definition is None or not (definition.grows or definition.varies):
        pairs = cross_pairs(clusters, fits, MAX_PAIRS)
        if not pairs:
            return []
        return [make_finding(rule, "conflict", group, claims, context, pairs=pairs, clusters=described)]

    rises, conflicts, possible = _over_time(claims, definition, fits)
    findings: list[Finding] = []
    if rises:
        timeline = sorted((c for c in claims if c.published), key=lambda c: (c.published, figure(c), c.id))
        findings.append(make_finding(rule, "updated", group, timeline, context, severity="info",
                                     pairs=rises[:MAX_PAIRS]))
    if conflicts:
        findings.append(make_finding(rule, "conflict", group, claims, context, pairs=conflicts[:MAX_PAIRS],
                                     clusters=described))
    if possible:
        findings.append(make_finding(rule, "possible_update", group, claims, context, severity="warning",
                                     pairs=possible[:MAX_PAIRS], clusters=described))
    return findings
