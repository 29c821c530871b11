"""numeric: values of one quantity that cannot both be true, and figures that changed over time.

Two figures are set against each other only when each is the other's likeliest
match in its article (judge/pairs.py). A pair whose values cannot both be true
is a conflict when alignment is sure enough that they are one quantity (the
model's `conflict` threshold), and a possible conflict, a warning to check,
when it is less sure. The values are also grouped into clusters that can all be
true together, which the report shows. A figure that changes as news comes in
(a toll: `grows` or `varies` in the ontology) is read against the articles'
dates: a rise from one day to a later one is an update, shown as a timeline; a
fall in a rising figure, or two values of the same day that cannot both be
true, stays a disagreement; where dates are missing, a difference is a possible
update, a warning and never an error.
"""

from __future__ import annotations

from checker.judge import finding_kinds
from checker.judge.clusters import describe, value_clusters
from checker.judge.findings import MAX_PAIRS, JudgeContext, make_finding
from checker.judge.pairs import CONFIDENCE_PARAMETER, rule_thresholds, Pair, best_pairs, confidence, linked_to, representatives, sure
from checker.judge.values import claims_compatible
from checker.knowledge.ontology import PredicateDef
from checker.knowledge.rules import Rule
from checker.models import Claim, ClaimGroup, Finding, ValueCluster, story_month

NAME = "numeric"
ORDER = 10
EMITS = (finding_kinds.CONFLICT, finding_kinds.POSSIBLE_CONFLICT, finding_kinds.UPDATED,
         finding_kinds.POSSIBLE_UPDATE)
PARAMETERS = {
    "confidence": CONFIDENCE_PARAMETER,
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
        "properties": {kind: {"$ref": "#/$defs/message"}
                       for kind in ("updated", "possible_update", "possible_conflict")},
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

def _figure(claim: Claim) -> float:
    """The figure a claim states: its value, or the bound it gives ("at least 24": 24)."""
    value = claim.value
    return float(value.low if value.low is not None else value.high)


def _over_time(disputed: list[Pair], definition: PredicateDef) -> tuple[list[Pair], list[Pair], list[Pair]]:
    """(rises, disagreements, possible updates) among the disputed pairs of a figure that
    changes over time: a rise from one day to a later one is news coming in; a fall in a
    figure that only grows, or two values of one day, a disagreement; undated, a maybe."""
    rises: list[Pair] = []
    disagreements: list[Pair] = []
    possible: list[Pair] = []
    for pair in disputed:
        a, b = pair.a, pair.b
        if a.published is None or b.published is None:
            possible.append(pair)
        elif a.published == b.published:
            disagreements.append(pair)
        else:
            early, late = (a, b) if a.published < b.published else (b, a)
            if _figure(late) > _figure(early) or (_figure(late) < _figure(early) and definition.varies):
                rises.append(Pair(early, late, pair.probability))
            elif _figure(late) < _figure(early):
                disagreements.append(Pair(early, late, pair.probability))  # a toll does not fall
    return rises, disagreements, possible


def _disagreements(rule: Rule, group: ClaimGroup, claims: list[Claim], pairs: list[Pair],
                   clusters: list[list[Claim]], described: list[ValueCluster], context: JudgeContext) -> list[Finding]:
    """A conflict from the pairs alignment is sure of, a possible conflict from the others;
    each names one pair for each two values that cannot both be true."""
    conflicts, possible = (representatives(found, clusters, context.always_paired)
                           for found in sure(pairs, rule_thresholds(rule, context.thresholds)))
    # A quantity with a conflict is one finding: its clusters show every value and outlet.
    if conflicts:
        return [make_finding(rule, "conflict", group, claims, context, clusters=described, **_pairs(conflicts))]
    if possible:
        return [make_finding(rule, "possible_conflict", group, claims, context, severity="warning",
                             clusters=described, **_pairs(possible))]
    return []


def _pairs(pairs: list[Pair]) -> dict:
    """A finding's pairs (the likeliest first, at most MAX_PAIRS), their probabilities and its confidence."""
    kept = sorted(pairs, key=lambda p: -p.weight)[:MAX_PAIRS]
    probabilities = [None if p.probability is None else round(p.probability, 4) for p in kept]
    return {"pairs": [p.ids for p in kept], "confidence": confidence(kept),
            "pair_probabilities": probabilities if any(p is not None for p in probabilities) else None}


def judge(rule: Rule, group: ClaimGroup, context: JudgeContext) -> list[Finding]:
    claims = [c for c in group.claims if c.value.kind == "quantity"]
    if len(claims) < 2:
        return []

    month = story_month(claims)

    def fits(a: Claim, b: Claim) -> bool:
        return claims_compatible(a, b, rule, context.ontology, month)

    disputed = [p for p in best_pairs(group) if p.a.value.kind == "quantity" and p.b.value.kind == "quantity"
                and not fits(p.a, p.b)]
    if not disputed:
        return []
    clusters = value_clusters(claims, fits)
    described = [describe(cluster, context.ontology, month) for cluster in clusters]
    definition = context.ontology.predicates.get(group.predicate)
    if definition is None or not (definition.grows or definition.varies):
        return _disagreements(rule, group, claims, disputed, clusters, described, context)

    thresholds = rule_thresholds(rule, context.thresholds)
    rises, disagreements, possible = _over_time([p for p in disputed if p.weight >= thresholds.possible], definition)
    # A rise says two figures are one quantity grown: as sure a pair as a conflict needs.
    rises = [p for p in rises if p.weight >= thresholds.conflict]
    findings: list[Finding] = []
    if rises:
        # The timeline holds the figures that rose and those alignment ties to them surely enough.
        risen = {c.id for p in rises for c in (p.a, p.b)}
        timeline = sorted((c for c in linked_to(group, claims, risen, context.thresholds.link) if c.published),
                          key=lambda c: (c.published, _figure(c), c.id))
        findings.append(make_finding(rule, "updated", group, timeline, context, severity="info", **_pairs(rises)))
    findings += _disagreements(rule, group, claims, disagreements, clusters, described, context)
    if possible:
        findings.append(make_finding(rule, "possible_update", group, claims, context, severity="warning",
                                     clusters=described, **_pairs(possible)))
    return findings
