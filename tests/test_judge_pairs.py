"""Which claims a rule kind sets against each other, on hand-built claim groups: the mutual
best pairs, one pair for each two values, and the thresholds a conflict needs."""

from __future__ import annotations

import pytest

from checker.judge.pairs import best_pairs, confidence, representatives, rule_thresholds, sure
from checker.knowledge.alignment import Thresholds
from checker.knowledge.rules import Rule
from checker.models import Claim, ClaimGroup, EntityRef, Value


def claim(cid: str, article: str, figure: float) -> Claim:
    return Claim(id=cid, article=article, subject=EntityRef(), predicate="death_toll", quote="q", span=(0, 1),
                 value=Value(kind="quantity", text=str(figure), low=figure, high=figure, unit="person",
                             dimension="count"))


def group(claims: list[Claim], links: dict[tuple[int, int], float | None]) -> ClaimGroup:
    return ClaimGroup(key="k", predicate="death_toll", subject=EntityRef(), claims=claims, links=list(links),
                      evidence=[[] for _ in links], probabilities=list(links.values()))


A1, A2, B1, C1 = claim("a1", "a", 40), claim("a2", "a", 12), claim("b1", "b", 45), claim("c1", "c", 45)


@pytest.mark.parametrize("links, expected", [
    # a's 40 and b's 45 are each other's likeliest: one pair.
    ({(0, 2): 0.9, (1, 2): 0.3}, {("a1", "b1")}),
    # b's 45 is likelier a's 12 than a's 40, but a's 12 prefers nothing else: the mutual best wins.
    ({(0, 2): 0.4, (1, 2): 0.6}, {("a2", "b1")}),
    # Pairs a rule made (no probability) are all kept.
    ({(0, 2): None, (1, 2): None}, {("a1", "b1"), ("a2", "b1")}),
])
def test_best_pairs_are_mutual(links, expected):
    found = best_pairs(group([A1, A2, B1], links))
    assert {p.ids for p in found} == expected


def test_one_pair_for_each_two_values_unless_the_article_is_always_paired():
    g = group([A1, B1, C1], {(0, 1): 0.7, (0, 2): 0.9})
    pairs = best_pairs(g)
    clusters = [[A1], [B1, C1]]  # 45 from b and c can both be true
    assert [p.ids for p in representatives(pairs, clusters)] == [("a1", "c1")]
    assert {p.ids for p in representatives(pairs, clusters, frozenset({"b"}))} == {("a1", "b1"), ("a1", "c1")}


@pytest.mark.parametrize("probability, conflicts, possible", [
    (0.95, 1, 0), (0.6, 0, 1), (0.2, 0, 0),
    (None, 1, 0),  # a rule paired them: sure
])
def test_thresholds_sort_pairs(probability, conflicts, possible):
    [pair] = best_pairs(group([A1, B1], {(0, 1): probability}))
    sure_pairs, maybe = sure([pair], Thresholds(conflict=0.8, possible=0.5))
    assert (len(sure_pairs), len(maybe)) == (conflicts, possible)
    assert confidence([pair]) == probability


def test_a_rule_may_ask_for_more_or_less_confidence():
    rule = Rule(id="r", kind="numeric", spec={"confidence": {"conflict": 0.5}}, source="test")
    assert rule_thresholds(rule, Thresholds(conflict=0.8, possible=0.6)) == Thresholds(conflict=0.5, possible=0.5)
    assert rule_thresholds(Rule(id="r", kind="numeric", spec={}, source="test"), Thresholds(conflict=0.8)).conflict == 0.8
