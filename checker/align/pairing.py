"""Grouping claims into quantities, the way a reader lines up reports.

Every candidate pair of claims from two articles is weighed by the alignment
model (pair_features.py, model.py): the probability that the two are one
quantity. Two reports giving the same figure for what the model says is the
same thing agree, and that is rarely wrong: such pairs, and a figure an article
restates (its headline and its body), seed the groups. Groups are then joined
best first on the average log-odds between their members, so that one lucky
word never joins two quantities; a join that would give a group two different
figures from one article is refused, because an article states a quantity once.
Each claim thus ends up with its best match in each other article, never with
every claim of the same unit.
"""

from __future__ import annotations

import heapq
from collections import defaultdict
from collections.abc import Iterator

import math

from checker.align.constraints import candidates, one_event
from checker.align.evidence import Evidence, Features, Story
from checker.knowledge.alignment import AlignmentModel, sigmoid
from checker.align.pair_features import pair_features
from checker.align.rank_features import rank_features
from checker.knowledge.ontology import ROLE

Link = tuple[int, int]
# A figure an article gives twice (its headline and its body) is one quantity: a
# restatement seeds a group whatever the model says of other pairs.
RESTATED = Evidence(math.inf, (("the same figure again in one article", 0.0),))
# Dates and posts are paired by rule, not by the model (which learned figures): two dates
# of one event its words name, two holders of one post at one organisation (constraints.candidates).
BY_RULE = Evidence(4.0, (("the same event or post", 0.0),))
# A story's figures of one kind are weighed pair by pair; past BLOCK_LIMIT of them (a
# table of thousands of figures, never a story's prose), each is weighed only against
# the MAX_VALUES figures nearest its own of the same kind, so that the cost stays linear.
BLOCK_LIMIT = 400
MAX_VALUES = 20


def _figure(f: Features) -> tuple:
    """What a claim states, comparable across units: its bounds in its dimension's base
    unit ("45 قتيلا" and "45 شخصًا" under one toll, "116 million pounds" in dollars), to
    three significant digits, so that a conversion an outlet rounds stays the same figure."""
    value = f.claim.value
    if value.kind != "quantity":
        return (value.low, value.high) if value.low is not None else (f.value_key or value.text,)
    if value.low is None and value.high is None:
        return (value.text,)
    scale = f.figure / float(value.low if value.low is not None else value.high) if f.figure else 1.0

    def rounded(x):
        return None if x is None else float(f"{x * scale:.3g}")

    return rounded(value.low), rounded(value.high)


def _restated(a: Features, b: Features) -> bool:
    """One article giving one figure of one thing twice (its headline and its body)."""
    ca, cb = a.claim, b.claim
    return (a.of_its_kind == b.of_its_kind and _figure(a) == _figure(b) and ca.forecast == cb.forecast
            and ca.earlier == cb.earlier and ca.component == cb.component and ca.conversion == cb.conversion
            and ca.negated == cb.negated and ca.event_year == cb.event_year
            and (a.align_on != "subject" or a.subject == b.subject))


def _candidate_pairs(features: list[Features], members: list[int]):
    """The pairs of one block to weigh: all of them, or in a block past BLOCK_LIMIT each
    figure with the MAX_VALUES nearest it among figures of its own kind."""
    if len(members) <= BLOCK_LIMIT:
        for n, x in enumerate(members):
            for y in members[n + 1:]:
                yield x, y
        return
    by_kind: dict[tuple, list[int]] = defaultdict(list)
    for x in members:
        by_kind[features[x].of_its_kind].append(x)
    for same in by_kind.values():
        same.sort(key=lambda i: (features[i].figure if features[i].figure is not None else float("-inf"), i))
        for n, x in enumerate(same):
            for y in same[n + 1:n + 1 + MAX_VALUES]:
                yield min(x, y), max(x, y)


def weigh(stage1: dict[Link, tuple[float, tuple]], model: AlignmentModel,
          articles: list[str]) -> dict[Link, Evidence]:
    """The model's verdict on each pair: the second stage reads each pair's first-stage
    log-odds beside its rivals'. The reasons are the first stage's features (in the
    second stage's units) and the rank features that moved the decision."""
    ranks = rank_features({link: logit for link, (logit, _) in stage1.items()}, articles)
    scale = model.rank.weights.get("pair_logit", 1.0)
    out = {}
    for link, (_, reasons) in stage1.items():
        features = ranks[link]
        logit = model.rank.logit(features)
        own = tuple((name, weight * scale) for name, weight in reasons)
        rank = tuple(r for r in model.rank.contributions(features) if r[0] != "pair_logit")
        out[link] = Evidence(logit, own + rank, sigmoid(logit))
    return out


def candidate_pairs(features: list[Features]) -> Iterator[tuple[int, int, bool | None]]:
    """The pairs worth weighing: (x, y, only_ones) for two articles' candidates, where
    only_ones says both are the only figure of their kind in their article; (x, y, None)
    for a figure one article restates."""
    blocks: dict[tuple, list[int]] = defaultdict(list)
    for index, f in enumerate(features):
        blocks[(f.kind, f.dimension)].append(index)
    # A figure an article restates (its headline and its body) is still its only one.
    kinds_in: dict[str, defaultdict] = defaultdict(lambda: defaultdict(set))
    for f in features:
        kinds_in[f.claim.article][f.of_its_kind].add(_figure(f))
    for members in blocks.values():
        for x, y in _candidate_pairs(features, members):
            a, b = features[x], features[y]
            if a.claim.article == b.claim.article:
                if _restated(a, b):
                    yield x, y, None
                continue
            if candidates(a, b):
                yield x, y, (a.of_its_kind == b.of_its_kind and len(kinds_in[a.claim.article][a.of_its_kind]) == 1
                             and len(kinds_in[b.claim.article][b.of_its_kind]) == 1)


def weigh_pairs(features: list[Features], story: Story, model: AlignmentModel) -> dict[Link, Evidence]:
    """The model's verdict on every candidate pair of claims from two articles."""
    restated: dict[Link, Evidence] = {}
    stage1: dict[Link, tuple[float, tuple]] = {}
    for x, y, only_ones in candidate_pairs(features):
        if only_ones is None:
            restated[(x, y)] = RESTATED
            continue
        if features[x].kind != "quantity":
            if one_event(features[x], features[y]):
                restated[(x, y)] = BY_RULE
            continue
        shared = pair_features(features[x], features[y], story, only_ones)
        stage1[(x, y)] = model.pair.logit(shared), tuple(model.pair.contributions(shared))
    return {**weigh(stage1, model, [f.claim.article for f in features]), **restated}


def _logit(p: float) -> float:
    if p <= 0:
        return -math.inf
    if p >= 1:
        return math.inf
    return math.log(p / (1 - p))


def _both_true(first: tuple, second: tuple) -> bool:
    """Whether two figures of one article can both be true: equal, or overlapping bounds
    ("more than 50 million" and "hundreds of millions")."""
    if first == second:
        return True
    if len(first) != 2 or len(second) != 2 or isinstance(first[0], str) or isinstance(second[0], str):
        return False
    low = max(x for x in (first[0], second[0], float("-inf")) if x is not None)
    high = min(x for x in (first[1], second[1], float("inf")) if x is not None)
    return low <= high


class _Groups:
    """Groups being joined: their members, the figures each article gives them, and the evidence between them."""

    def __init__(self, features: list[Features], sparse: bool = False) -> None:
        self.features = features
        # Past BLOCK_LIMIT figures of a kind not every pair was weighed: groups are then
        # joined on the pairs that were.
        self.sparse = sparse
        self.members: dict[int, list[int]] = {i: [i] for i in range(len(features))}
        self.figures: dict[int, dict[str, list[tuple]]] = {
            i: {f.claim.article: [_figure(f)]} for i, f in enumerate(features)}
        self.group_of = list(range(len(features)))
        # group -> other group -> [sum of evidence, pairs weighed, the best pair, its score]
        self.between: dict[int, dict[int, list]] = defaultdict(dict)

    def compatible(self, g: int, h: int) -> bool:
        """An article may give a quantity twice, in figures that can both be true (a post
        may pass from one holder to another in one article); never two that cannot."""
        if self.features[self.members[g][0]].dimension == ROLE:
            return True
        figures = self.figures[h]
        return all(_both_true(mine, theirs) for article, own in self.figures[g].items()
                   for mine in own for theirs in figures.get(article, ()))

    def join(self, g: int, h: int) -> int:
        """Join h into g; return g."""
        for i in self.members[h]:
            self.group_of[i] = g
        self.members[g] += self.members.pop(h)
        for article, figures in self.figures.pop(h).items():
            self.figures[g].setdefault(article, []).extend(figures)
        for other, (total, count, best, score) in self.between.pop(h, {}).items():
            self.between[other].pop(h, None)
            if other == g:
                continue
            current = self.between[g].get(other)
            if current is None:
                current = [total, count, best, score]
            else:
                current[0] += total
                current[1] += count
                if score > current[3]:
                    current[2], current[3] = best, score
            self.between[g][other] = current
            self.between[other][g] = current
        return g

    def average(self, g: int, h: int) -> float | None:
        """The mean evidence between two groups, counting pairs never weighed (not
        comparable, or of one article) as none; None if any pair cannot be one quantity."""
        total, count = self.between[g].get(h, (0.0, 0, None, 0.0))[:2]
        if self.sparse:
            return total / count if count else None
        possible = sum(1 for i in self.members[g] for j in self.members[h]
                       if self.features[i].claim.article != self.features[j].claim.article)
        if count < possible:
            return None
        return total / count if count else None


def group_claims(features: list[Features], story: Story,
                 model: AlignmentModel) -> tuple[list[list[int]], dict[Link, Evidence]]:
    """The claims of each quantity, and the evidence of the pairs that joined them."""
    weighed = weigh_pairs(features, story, model)
    link = model.thresholds.link
    join = _logit(model.thresholds.join)
    sizes = defaultdict(int)
    for f in features:
        sizes[(f.kind, f.dimension)] += 1
    groups = _Groups(features, sparse=any(size > BLOCK_LIMIT for size in sizes.values()))
    kept: dict[Link, Evidence] = {}
    # Seeds: restatements, and the same figure from two articles on enough evidence.
    for (x, y), evidence in sorted(weighed.items(), key=lambda item: (-item[1].score, item[0])):
        same_article = features[x].claim.article == features[y].claim.article
        sure = evidence.probability is None or evidence.probability >= link
        if not same_article and (_figure(features[x]) != _figure(features[y]) or not sure):
            continue
        g, h = groups.group_of[x], groups.group_of[y]
        if g != h and groups.compatible(g, h):
            groups.join(min(g, h), max(g, h))
            kept[(x, y)] = evidence
    for (x, y), evidence in weighed.items():
        if features[x].claim.article == features[y].claim.article:
            continue
        g, h = groups.group_of[x], groups.group_of[y]
        if g != h:
            pair = groups.between[g].setdefault(h, [0.0, 0, (x, y), evidence.score])
            pair[0] += evidence.score
            pair[1] += 1
            if evidence.score > pair[3]:
                pair[2], pair[3] = (x, y), evidence.score
            groups.between[h][g] = pair
    # Join best first on average evidence.
    heap = [(-score, g, h) for g in groups.between for h in groups.between[g] if g < h
            and (score := groups.average(g, h)) is not None and score >= join]
    heapq.heapify(heap)
    while heap:
        negative, g, h = heapq.heappop(heap)
        if g not in groups.members or h not in groups.members:
            continue
        score = groups.average(g, h)
        if score is None or score < join or -negative - score > 1e-9 or not groups.compatible(g, h):
            continue
        best = groups.between[g][h][2]
        kept[best] = weighed[best]
        joined = groups.join(g, h)
        for other in list(groups.between[joined]):
            average = groups.average(joined, other)
            if average is not None and average >= join:
                heapq.heappush(heap, (-average, min(joined, other), max(joined, other)))
    members = [sorted(m) for m in groups.members.values()]
    # Within a group, every pair of claims from two articles that was weighed is kept.
    for (x, y), evidence in weighed.items():
        if groups.group_of[x] == groups.group_of[y] and (x, y) not in kept:
            kept[(x, y)] = evidence
    return members, kept
