"""Judging a figure many outlets give, by value and by linked pair rather than by every pair
of claims: clusters come out exactly as a loop over every pair of claims gives them, and
the number of comparisons grows with the outlets, not with pairs of outlets."""

from __future__ import annotations

import random
from datetime import date

import pytest

from checker.judge.clusters import value_clusters
from checker.judge.pairs import best_pairs
from checker.judge.values import claims_compatible
from checker.knowledge.rules import Rule
from checker.models import Claim, ClaimGroup, EntityRef, Value

RULE = Rule(id="numeric-conflict", kind="numeric", spec={"tolerance": {"relative": 0.02}}, source="test", line=1)


def _claim(k: int, low: float, high: float, article: str, published: date | None, unit: str = "person",
           qualifier: str | None = None, precision: float | None = 1.0) -> Claim:
    value = Value(kind="quantity", text=f"{low or high:g}", low=low, high=high, unit=unit, dimension="count",
                  qualifier=qualifier, precision=precision)
    return Claim(id=f"{article}#{k}", article=article, subject=EntityRef(id="s"), predicate="death_toll",
                 value=value, quote="q", span=(0, 1), published=published)


def random_claims(rng: random.Random, count: int, values: int, days: int, articles: int) -> list[Claim]:
    """Claims of one figure from `articles` outlets: `values` distinct figures (some bounds,
    some "about"), over `days` days, some undated."""
    figures = [rng.choice([10, 11, 12, 14, 20, 21, 40, 41, 100, 104, 1000]) * rng.choice([1, 1, 1.5])
               for _ in range(values)]
    out = []
    for k in range(count):
        low = rng.choice(figures)
        shape = rng.random()
        high = low if shape < 0.8 else (None if shape < 0.9 else low * 1.5)
        if shape > 0.95:
            low = None
        published = None if rng.random() < 0.2 else date(2025, 3, 1 + rng.randrange(days))
        out.append(_claim(k, low, high, f"a{rng.randrange(articles)}", published,
                          qualifier=rng.choice([None, None, None, "about"]), precision=rng.choice([1.0, 10.0])))
    return out


def _compatible(counter: list[int] | None = None):
    def fits(a: Claim, b: Claim) -> bool:
        if counter is not None:
            counter[0] += 1
        return claims_compatible(a, b, RULE, None, "2025-03")
    return fits


# The loops every pair of claims went through before, kept here as the reference.

def reference_clusters(claims, compatible):
    from checker.judge.clusters import _order, _point, signature
    clusters, kinds = [], []

    def fits(claim, n):
        return all(compatible(claim, other) for other in kinds[n].values())

    def add(claim, n):
        if n is None:
            clusters.append([claim])
            kinds.append({signature(claim): claim})
        else:
            clusters[n].append(claim)
            kinds[n].setdefault(signature(claim), claim)

    for claim in sorted((c for c in claims if _point(c)), key=_order):
        add(claim, next((n for n in range(len(clusters)) if fits(claim, n)), None))
    for claim in sorted((c for c in claims if not _point(c)), key=_order):
        homes = [n for n in range(len(clusters)) if fits(claim, n)]
        add(claim, max(homes, key=lambda n: (len({m.article for m in clusters[n]}), -n)) if homes else None)
    return clusters


@pytest.mark.parametrize("seed", range(60))
def test_by_value_is_what_every_pair_gives(seed):
    rng = random.Random(seed)
    claims = random_claims(rng, rng.randint(2, 90), rng.randint(1, 12), rng.randint(1, 4), rng.randint(1, 30))
    fits = _compatible()
    clusters = value_clusters(claims, fits)
    assert [[c.id for c in cl] for cl in clusters] == [[c.id for c in cl] for cl in reference_clusters(claims, fits)]


def comparisons(outlets: int) -> int:
    """The comparisons of two values judging one figure that `outlets` outlets give, in the
    same thirty values and days, each claim linked (as alignment links a large story's) to
    the 20 nearest of it."""
    rng = random.Random(5)
    shapes = random_claims(rng, 30, 12, 5, 1)
    claims = [shape.model_copy(update={"id": f"a{k}#1", "article": f"a{k}"})
              for k, shape in enumerate(rng.choice(shapes) for _ in range(outlets))]
    links = [(i, j) for i in range(outlets) for j in range(i + 1, min(outlets, i + 21))]
    group = ClaimGroup(key="k", predicate="death_toll", subject=EntityRef(), claims=claims, links=links,
                       evidence=[[] for _ in links], probabilities=[rng.random() for _ in links])
    counter = [0]
    fits = _compatible(counter)
    value_clusters(claims, fits)
    [p for p in best_pairs(group) if not fits(p.a, p.b)]
    return counter[0]


def test_comparisons_grow_with_the_outlets_not_their_pairs():
    """Ten times the outlets: at most fifteen times the comparisons of values (a loop over
    pairs of claims made a hundred times as many)."""
    small, large = comparisons(300), comparisons(3000)
    assert 0 < large <= 15 * small
