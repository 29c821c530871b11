"""A pair of figures beside its rivals: the other figures of the same two articles.

What two figures share says how alike they are; whether each is the other's
likeliest match in its article says whether they answer each other. An editor
lining up two reports pairs a figure with the one figure of the other report
that fits it best, and is surer the clearer that best is. These are the
features of the alignment model's second stage (checker/knowledge/alignment.py).
"""

from __future__ import annotations

import math
from collections import defaultdict

RANK_FEATURES = ("pair_logit", "best_both", "best_one", "margin", "rivals")
MARGIN_CAP = 3.0  # log-odds past which a lead over the next rival says nothing more
RIVALS_SCALE = math.log(10)

Link = tuple[int, int]


def rank_features(logits: dict[Link, float], articles: list[str]) -> dict[Link, dict[str, float]]:
    """For each weighed pair (x, y): its first-stage log-odds, whether it is the best
    match of x in y's article and of y in x's, by what margin, and how many rivals it had."""
    rivals: dict[tuple[int, str], list[tuple[float, int]]] = defaultdict(list)
    for (x, y), logit in logits.items():
        rivals[(x, articles[y])].append((logit, y))
        rivals[(y, articles[x])].append((logit, x))
    ranked = {key: sorted(found, key=lambda item: (-item[0], item[1])) for key, found in rivals.items()}
    out: dict[Link, dict[str, float]] = {}
    for (x, y), logit in logits.items():
        sides = (ranked[(x, articles[y])], y), (ranked[(y, articles[x])], x)
        best = [order[0][1] == partner for order, partner in sides]
        margins = [logit - (order[1][0] if len(order) > 1 else logit - MARGIN_CAP) if first
                   else logit - order[0][0] for (order, _), first in zip(sides, best)]
        count = sum(len(order) - 1 for order, _ in sides)
        features = {"pair_logit": logit, "margin": max(-1.0, min(1.0, min(margins) / MARGIN_CAP)),
                    "rivals": math.log1p(count) / RIVALS_SCALE}
        if all(best):
            features["best_both"] = 1.0
        elif any(best):
            features["best_one"] = 1.0
        out[(x, y)] = features
    return out
