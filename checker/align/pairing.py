"""Pairing claims across articles, the way a reader lines up two reports.

For each pair of articles, every comparable pair of claims is weighed (see
evidence.py); the strongest pairs are taken first, and a claim is paired with
at most one claim of the other article: its best match, not every figure of
the same unit. Within one article, a figure restated (the headline and the
body, "44 dead" twice) is linked to itself, so that it stays one quantity.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from checker.align.evidence import ONLY_ONES, THRESHOLD, Evidence, Features, Story, comparable, weigh

Link = tuple[int, int]


def _kind(f: Features) -> tuple:
    """What makes a figure "of its kind" in an article: the only death toll, the only time of day."""
    return f.kind, f.dimension, f.predicate or f.noun or f.unit


def _restatements(indices: list[int], features: list[Features]) -> dict[Link, Evidence]:
    """Claims of one article that state the same figure of the same thing again."""
    links: dict[Link, Evidence] = {}
    seen: dict[tuple, int] = {}
    for index in indices:
        f = features[index]
        value = f.claim.value
        key = (_kind(f), value.low, value.high, value.unit, value.text if value.low is None else None,
               f.claim.forecast, f.claim.negated, f.claim.event_year, f.subject if f.align_on == "subject" else None)
        if key in seen:
            links[(seen[key], index)] = Evidence(1.0, (("the same figure again in one article", 1.0),))
        else:
            seen[key] = index
    return links


def pair_claims(features: list[Features], story: Story) -> dict[Link, Evidence]:
    """The links between claims: each with the evidence that made it."""
    by_article: dict[str, dict[tuple, list[int]]] = defaultdict(lambda: defaultdict(list))
    for index, f in enumerate(features):
        by_article[f.claim.article][(f.kind, f.dimension)].append(index)
    kinds_in = {article: Counter(_kind(features[i]) for block in blocks.values() for i in block)
                for article, blocks in by_article.items()}
    links: dict[Link, Evidence] = {}
    for blocks in by_article.values():
        for indices in blocks.values():
            links.update(_restatements(indices, features))
    articles = sorted(by_article)
    for n, first in enumerate(articles):
        for second in articles[n + 1:]:
            candidates: list[tuple[float, int, int, Evidence]] = []
            for block, left in by_article[first].items():
                for x in left:
                    for y in by_article[second].get(block, ()):
                        a, b = features[x], features[y]
                        if not comparable(a, b):
                            continue
                        evidence = weigh(a, b, story)
                        if kinds_in[first][_kind(a)] == 1 and kinds_in[second][_kind(b)] == 1 \
                                and _kind(a) == _kind(b):
                            evidence = Evidence(evidence.score + ONLY_ONES,
                                                evidence.reasons + (("the only one of its kind in each", ONLY_ONES),))
                        if evidence.score >= THRESHOLD:
                            candidates.append((evidence.score, x, y, evidence))
            candidates.sort(key=lambda c: (-c[0], c[1], c[2]))
            taken_left: set[int] = set()
            taken_right: set[int] = set()
            for _, x, y, evidence in candidates:
                if x not in taken_left and y not in taken_right:
                    taken_left.add(x)
                    taken_right.add(y)
                    links[(x, y)] = evidence
    return links
