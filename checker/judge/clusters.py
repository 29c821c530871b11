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
from checker.models import Claim, ValueCluster, month_of

Compatible = Callable[[Claim, Claim], bool]


def _point(claim: Claim) -> bool:
    value = claim.value
    return value.kind != "quantity" or (value.low is not None and value.low == value.high)


def _order(claim: Claim) -> tuple:
    value = claim.value
    low = value.low if isinstance(value.low, (int, float)) else float("-inf")
    return (str(value.low) if value.kind != "quantity" else "", low, claim.article, claim.id)


def signature(claim: Claim) -> tuple:
    """What compatibility depends on: two claims alike in it fit the same others (a
    hundred outlets giving "6.7 billion" are compared once, not a hundred times).
    Every `Compatible` given to this module must depend on nothing else."""
    value = claim.value
    month = month_of(claim)
    return (value.kind, value.low, value.high, value.unit, value.qualifier, value.ceiling, value.precision,
            value.range, value.text if value.low is None and value.high is None else None, month)


class _Fits:
    """Whether a value fits a cluster (is compatible with each of its distinct values),
    asked of each distinct value once per cluster: a cluster's values only grow, so a
    cluster a value did not fit it never will, and one it did fit needs checking only
    against the values added since."""

    def __init__(self, compatible: Compatible) -> None:
        self.compatible = compatible
        self.kinds: list[list[Claim]] = []  # each cluster's distinct values, one claim each
        self.known: dict[tuple[tuple, int], tuple[int, bool]] = {}  # (value, cluster) -> (values seen, fits)

    def __call__(self, claim: Claim, value: tuple, n: int) -> bool:
        seen, fits = self.known.get((value, n), (0, True))
        kinds = self.kinds[n]
        if fits and seen < len(kinds):
            fits = all(self.compatible(claim, other) for other in kinds[seen:])
            self.known[(value, n)] = (len(kinds), fits)
        return fits


def value_clusters(claims: list[Claim], compatible: Compatible) -> list[list[Claim]]:
    """Exact figures, in order of value, each joining the first cluster it fits (else
    making one); then bounds and ranges, each joining the cluster it fits that most
    outlets give. The work grows with the claims times the clusters, and with the
    distinct values times the clusters' distinct values, never with pairs of claims."""
    clusters: list[list[Claim]] = []
    signatures: list[set[tuple]] = []
    outlets: list[set[str]] = []
    fits = _Fits(compatible)
    placed: dict[tuple, int] = {}  # an exact figure's value -> its cluster: the next alike goes there too

    def add(claim: Claim, value: tuple, n: int | None) -> None:
        if n is None:
            n = len(clusters)
            clusters.append([])
            signatures.append(set())
            outlets.append(set())
            fits.kinds.append([])
        clusters[n].append(claim)
        outlets[n].add(claim.article)
        if value not in signatures[n]:
            signatures[n].add(value)
            fits.kinds[n].append(claim)

    for claim in sorted((c for c in claims if _point(c)), key=_order):
        value = signature(claim)
        # An earlier claim of this value joined cluster n: the clusters before it did not fit
        # the value, and never will; every value n took since fits this one.
        n = placed.get(value)
        if n is None:
            n = next((k for k in range(len(clusters)) if fits(claim, value, k)), None)
        add(claim, value, n)
        if value not in placed and compatible(claim, claim):  # a value at odds with itself is placed anew
            placed[value] = n if n is not None else len(clusters) - 1
    for claim in sorted((c for c in claims if not _point(c)), key=_order):
        value = signature(claim)
        homes = [n for n in range(len(clusters)) if fits(claim, value, n)]
        add(claim, value, max(homes, key=lambda n: (len(outlets[n]), -n)) if homes else None)
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
    month = month_of(claim, story_month)
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
