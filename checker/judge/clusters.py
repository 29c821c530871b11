"""Values of one quantity, grouped into clusters that can all be true together.

"6.7 billion" from four outlets and "6.9 billion" from one are two clusters:
an editor sees at once that four outlets agree and one does not. Exact figures
anchor the clusters (equal within the rule's tolerance); a bound or a range
joins the cluster it is compatible with that most outlets give, or makes one
of its own.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from checker.knowledge.ontology import Ontology
from checker.models import Claim, ValueCluster

Compatible = Callable[[Claim, Claim], bool]


def _point(claim: Claim) -> bool:
    value = claim.value
    return value.kind != "quantity" or (value.low is not None and value.low == value.high)


def _order(claim: Claim) -> tuple:
    value = claim.value
    low = value.low if isinstance(value.low, (int, float)) else float("-inf")
    return (str(value.low) if value.kind != "quantity" else "", low, claim.article, claim.id)


def _signature(claim: Claim) -> tuple:
    """What compatibility depends on: two claims alike in it fit the same others (a
    hundred outlets giving "6.7 billion" are compared once, not a hundred times)."""
    value = claim.value
    month = claim.published.isoformat()[:7] if claim.published else None
    return (value.kind, value.low, value.high, value.unit, value.qualifier, value.ceiling, value.precision,
            value.range, value.text if value.low is None and value.high is None else None, month)


def value_clusters(claims: list[Claim], compatible: Compatible) -> list[list[Claim]]:
    clusters: list[list[Claim]] = []
    kinds: list[dict[tuple, Claim]] = []  # each cluster's distinct values, one claim each

    def fits(claim: Claim, n: int) -> bool:
        return all(compatible(claim, other) for other in kinds[n].values())

    def add(claim: Claim, n: int | None) -> None:
        if n is None:
            clusters.append([claim])
            kinds.append({_signature(claim): claim})
        else:
            clusters[n].append(claim)
            kinds[n].setdefault(_signature(claim), claim)

    for claim in sorted((c for c in claims if _point(c)), key=_order):
        add(claim, next((n for n in range(len(clusters)) if fits(claim, n)), None))
    for claim in sorted((c for c in claims if not _point(c)), key=_order):
        homes = [n for n in range(len(clusters)) if fits(claim, n)]
        add(claim, max(homes, key=lambda n: (len({m.article for m in clusters[n]}), -n)) if homes else None)
    return clusters


def describe(cluster: list[Claim], ontology: Ontology | None = None, month: str | None = None) -> ValueCluster:
    """A cluster as the report gives it: its claims, its outlets, the interval they share
    (in the unit most of them use), and how amounts in other units were converted."""
    units = Counter(c.value.unit for c in cluster if c.value.low is not None or c.value.high is not None)
    main = units.most_common(1)[0][0] if units else None
    same_unit = [c for c in cluster if c.value.unit == main]
    lows = [c.value.low for c in same_unit if c.value.low is not None]
    highs = [c.value.high for c in same_unit if c.value.high is not None]
    conversions = [note for c in cluster if c.value.unit != main and ontology is not None
                   and (note := _conversion(c, main, ontology, month))]
    return ValueCluster(claims=[c.id for c in cluster], outlets=sorted({c.article for c in cluster}),
                        low=max(lows) if lows else None, high=min(highs) if highs else None,
                        conversions=sorted(set(conversions)))


def _conversion(claim: Claim, unit: str | None, ontology: Ontology, story_month: str | None) -> str | None:
    """"116 million GBP ≈ 136 million EUR at the rate of 2025-06"."""
    value = claim.value
    figure = value.low if isinstance(value.low, (int, float)) else value.high
    month = claim.published.isoformat()[:7] if claim.published else story_month
    source = ontology.in_base_units(value.unit, value.dimension or "", month)
    target = ontology.in_base_units(unit, value.dimension or "", month)
    if not isinstance(figure, (int, float)) or source is None or target is None:
        return None
    converted = figure * source[0] / target[0]
    rate = f" at the rate of {source[1]}" if source[1] else ""
    return f"{_amount(figure)} {value.unit} ≈ {_amount(converted)} {unit}{rate}"


def _amount(x: float) -> str:
    for size, word in ((1e9, "billion"), (1e6, "million"), (1e3, "thousand")):
        if abs(x) >= size:
            return f"{x / size:.3g} {word}"
    return f"{x:.3g}"
