"""Which claims of a group a rule may set against each other, and how sure alignment is of each pair.

A figure is compared with at most one figure of each other article: the one
alignment found likeliest to be the same quantity, and only when that figure
finds it likeliest in return. An editor reads "A says 12, B says 15" as a
dispute only if B's 15 is the figure that answers A's 12; B's other figures
are other quantities. Each pair keeps its probability, which decides whether
a disagreement is a conflict (an error), a possible conflict (a warning to
check) or nothing said.
"""

from __future__ import annotations

from dataclasses import dataclass

from checker.knowledge.alignment import Thresholds
from checker.knowledge.rules import Rule
from checker.models import Claim, ClaimGroup

# A rule's own `confidence` (the JSON Schema of the kinds that compare values).
CONFIDENCE_PARAMETER = {
    "type": "object",
    "additionalProperties": False,
    "description": "how sure alignment must be that two figures are one quantity before this rule "
                   "reports their disagreement: a conflict from `conflict`, a possible conflict from "
                   "`possible` (default: the thresholds the alignment model was trained with)",
    "properties": {"conflict": {"type": "number", "minimum": 0, "maximum": 1},
                   "possible": {"type": "number", "minimum": 0, "maximum": 1}},
}


@dataclass(frozen=True)
class Pair:
    """Two claims of one group from two articles, and the probability they are one quantity
    (None where a rule paired them: two dates of one event, two holders of one post)."""

    a: Claim
    b: Claim
    probability: float | None

    @property
    def ids(self) -> tuple[str, str]:
        return self.a.id, self.b.id

    @property
    def weight(self) -> float:
        """The probability to rank and threshold by: a pair made by rule is sure."""
        return 1.0 if self.probability is None else self.probability


def best_pairs(group: ClaimGroup) -> list[Pair]:
    """The mutual best links of a group, in link order: each claim's likeliest partner in
    each other article, where that partner finds it likeliest too; and every link a rule made."""
    probabilities = group.probabilities or [None] * len(group.links)
    best: dict[tuple[int, str], tuple[float, int]] = {}  # (claim, other article) -> (probability, partner)
    for (i, j), p in zip(group.links, probabilities):
        a, b = group.claims[i], group.claims[j]
        if a.article == b.article:
            continue
        weight = 1.0 if p is None else p
        for one, other, article in ((i, j, b.article), (j, i, a.article)):
            current = best.get((one, article))
            if current is None or (weight, -other) > (current[0], -current[1]):
                best[(one, article)] = (weight, other)
    pairs = []
    for (i, j), p in zip(group.links, probabilities):
        a, b = group.claims[i], group.claims[j]
        if a.article == b.article:
            continue
        # Pairs a rule made (two dates of one event, two holders of one post) are all compared.
        if p is None or (best[(i, b.article)][1] == j and best[(j, a.article)][1] == i):
            pairs.append(Pair(a, b, p))
    return pairs


def pair_probabilities(group: ClaimGroup) -> dict[frozenset[str], float | None]:
    """Every linked pair's probability, by the two claim ids."""
    probabilities = group.probabilities or [None] * len(group.links)
    return {frozenset((group.claims[i].id, group.claims[j].id)): p
            for (i, j), p in zip(group.links, probabilities)}


def rule_thresholds(rule: Rule, thresholds: Thresholds) -> Thresholds:
    """The thresholds a rule judges with: the model's, or those its `confidence` sets."""
    own = rule.spec.get("confidence") or {}
    if not own:
        return thresholds
    conflict = float(own.get("conflict", thresholds.conflict))
    return thresholds.model_copy(update={"conflict": conflict,
                                         "possible": min(conflict, float(own.get("possible", thresholds.possible)))})


def sure(pairs: list[Pair], thresholds: Thresholds) -> tuple[list[Pair], list[Pair]]:
    """(pairs sure enough for a conflict, pairs only worth checking); the rest are dropped."""
    conflicts = [p for p in pairs if p.weight >= thresholds.conflict]
    possible = [p for p in pairs if thresholds.possible <= p.weight < thresholds.conflict]
    return conflicts, possible


def confidence(pairs: list[Pair]) -> float | None:
    """A finding's confidence: that of the weakest pair it rests on (None if rules made them all)."""
    known = [p.probability for p in pairs if p.probability is not None]
    return round(min(known), 4) if known else None


def agreement_confidence(group: ClaimGroup, claims: list[Claim]) -> float | None:
    """How sure alignment is that agreeing claims are one quantity: every claim has a
    partner from another article at least this likely."""
    probabilities = pair_probabilities(group)
    ids = [c.id for c in claims]
    articles = {c.id: c.article for c in claims}
    weakest = None
    for one in ids:
        partners = [probabilities.get(frozenset((one, other)), 0.0) for other in ids
                    if articles[other] != articles[one] and frozenset((one, other)) in probabilities]
        known = [p for p in partners if p is not None]
        if known and len(known) == len(partners):
            best = max(known)
            weakest = best if weakest is None else min(weakest, best)
    return None if weakest is None else round(weakest, 4)


def linked_to(group: ClaimGroup, claims: list[Claim], core: set[str], threshold: float) -> list[Claim]:
    """The claims of `core` and those linked to one of them at `threshold` or more (or by rule)."""
    probabilities = pair_probabilities(group)
    kept = []
    for claim in claims:
        if claim.id in core or any((p := probabilities.get(frozenset((claim.id, other)), 0.0)) is None
                                   or p >= threshold for other in core):
            kept.append(claim)
    return kept


def surely_agreeing(group: ClaimGroup, claims: list[Claim], threshold: float) -> list[Claim]:
    """The claims that another article's claim among them matches at `threshold` or more (or by
    rule): an agreement names only figures alignment is sure are one quantity."""
    probabilities = pair_probabilities(group)
    return [c for c in claims if any(
        o.article != c.article and frozenset((c.id, o.id)) in probabilities
        and ((p := probabilities[frozenset((c.id, o.id))]) is None or p >= threshold) for o in claims)]


def representatives(pairs: list[Pair], clusters: list[list[Claim]], always: frozenset[str] = frozenset()) -> list[Pair]:
    """One pair for each two values that cannot both be true: the likeliest pair of reports
    giving them (the clusters say which other outlets give each value); and every pair of a
    claim from an article in `always` (a draft, whose every dispute is its editor's)."""
    cluster_of = {c.id: n for n, cluster in enumerate(clusters) for c in cluster}
    best: dict[frozenset[int], Pair] = {}
    kept = []
    for pair in pairs:
        if pair.a.article in always or pair.b.article in always:
            kept.append(pair)
            continue
        key = frozenset((cluster_of.get(pair.a.id, -1), cluster_of.get(pair.b.id, -2)))
        if key not in best or pair.weight > best[key].weight:
            best[key] = pair
    chosen = set(map(id, best.values()))
    return [p for p in pairs if id(p) in chosen or p in kept]
