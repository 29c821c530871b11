"""Values of one quantity, grouped into clusters that can all be true together.

"14.3 billion" from four outlets and "14.8 billion" from one are two clusters:
an editor sees at once that four outlets agree and one does not. Exact figures
anchor the clusters (equal within the rule's tolerance); a bound or a range
joins the cluster it is compatible with that most outlets give, or makes one
of its own.
"""

from __future__ import annotations

from typing import Callable

from checker.models import Claim, ValueCluster

Compatible = Callable[[Claim, Claim], bool]


def _point(claim: Claim) -> bool:
    value = claim.value
    return value.kind != "quantity" or (value.low is not None and value.low == value.high)


def _order(claim: Claim) -> tuple:
    value = claim.value
    low = value.low if isinstance(value.low, (int, float)) else float("-inf")
    return (str(value.low) if value.kind != "quantity" else "", low, claim.article, claim.id)


def value_clusters(claims: list[Claim], compatible: Compatible) -> list[list[Claim]]:
    clusters: list[list[Claim]] = []
    for claim in sorted((c for c in claims if _point(c)), key=_order):
        home = next((c for c in clusters if all(compatible(claim, other) for other in c)), None)
        if home is None:
            clusters.append([claim])
        else:
            home.append(claim)
    for claim in sorted((c for c in claims if not _point(c)), key=_order):
        fits = [c for c in clusters if all(compatible(claim, other) for other in c)]
        if fits:
            max(fits, key=lambda c: (len({m.article for m in c}), -clusters.index(c))).append(claim)
        else:
            clusters.append([claim])
    return clusters


def describe(cluster: list[Claim]) -> ValueCluster:
    """A cluster as the report gives it: its claims, its outlets, the interval they share."""
    lows = [c.value.low for c in cluster if c.value.low is not None]
    highs = [c.value.high for c in cluster if c.value.high is not None]
    return ValueCluster(claims=[c.id for c in cluster], outlets=sorted({c.article for c in cluster}),
                        low=max(lows) if lows else None, high=min(highs) if highs else None)


def cross_pairs(clusters: list[list[Claim]], compatible: Compatible, limit: int) -> list[tuple[str, str]]:
    """Pairs of claims from different articles and different clusters that cannot both be true."""
    pairs: list[tuple[str, str]] = []
    for n, first in enumerate(clusters):
        for second in clusters[n + 1:]:
            for a in first:
                for b in second:
                    if a.article != b.article and not compatible(a, b):
                        pairs.append((a.id, b.id))
                        if len(pairs) >= limit:
                            return pairs
    return pairs
