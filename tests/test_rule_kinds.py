"""Each judging kind of the shipped rules, on hand-built claim groups: which findings a
group of given values, dates and alignment probabilities gets. Alignment and reading are
left out, so a row fails only for what judging itself decides."""

from __future__ import annotations

from datetime import date

import pytest

from checker.judge import judge
from checker.knowledge.alignment import Thresholds
from checker.models import Claim, ClaimGroup, EntityRef, Value

THRESHOLDS = Thresholds(link=0.7, join=0.3, conflict=0.8, possible=0.3)
DAY1, DAY2 = date(2026, 3, 1), date(2026, 3, 2)


def figure(article: str, low: float, predicate: str, unit: str, dimension: str,
           published: date | None = None) -> Claim:
    return Claim(id=f"{article}#1", article=article, subject=EntityRef(), predicate=predicate, quote="q",
                 span=(0, 1), published=published,
                 value=Value(kind="quantity", text=f"{low:g}", low=low, high=low, unit=unit, dimension=dimension))


def money(article: str, low: float) -> Claim:
    return figure(article, low, "investment", "USD", "money")


def toll(article: str, low: float, published: date | None = None) -> Claim:
    return figure(article, low, "death_toll", "person", "count", published)


def holder(article: str, name: str) -> Claim:
    key = name.lower().replace(" ", "_")
    return Claim(id=f"{article}#1", article=article, subject=EntityRef(id="acme", text="Acme"), predicate="leader",
                 quote="q", span=(0, 1),
                 value=Value(kind="entity", text=name, dimension="role", entity=EntityRef(id=key, text=name)))


def group(claims: list[Claim], probability: float | None) -> ClaimGroup:
    links = [(i, j) for i in range(len(claims)) for j in range(i + 1, len(claims))
             if claims[i].article != claims[j].article]
    keys = [c.value.entity.id if c.value.entity else None for c in claims]
    return ClaimGroup(key="k", predicate=claims[0].predicate, subject=claims[0].subject, claims=claims,
                      links=links, evidence=[[] for _ in links], probabilities=[probability] * len(links),
                      value_keys=keys)


CASES = [
    # numeric: values that cannot both be true, by how sure alignment is they are one figure
    ("deal value, sure", [money("a", 2.5e9), money("b", 3e9)], 0.9, {"conflict"}),
    ("deal value, less sure", [money("a", 2.5e9), money("b", 3e9)], 0.5, {"possible_conflict"}),
    ("deal value, unsure", [money("a", 2.5e9), money("b", 3e9)], 0.2, set()),
    # agreement: equal values an alignment is sure of; corroboration: one outlet alone
    ("equal values, sure", [money("a", 3e9), money("b", 3e9)], 0.9, {"agreement"}),
    ("equal values, unsure", [money("a", 3e9), money("b", 3e9)], 0.5, set()),
    ("one outlet", [money("a", 3e9)], None, {"single_source"}),
    # numeric, a figure that grows: a rise from one day to the next, undated, or a fall
    ("toll rose", [toll("a", 40, DAY1), toll("b", 45, DAY2)], 0.9, {"updated"}),
    ("toll undated", [toll("a", 40), toll("b", 45)], 0.9, {"possible_update"}),
    ("toll fell", [toll("a", 45, DAY1), toll("b", 40, DAY2)], 0.9, {"conflict"}),
    # categorical: two holders of a post one person holds, paired by rule (no probability)
    ("two heads", [holder("a", "Dana Whitlock"), holder("b", "Aisha Okonjo")], None, {"conflict"}),
    ("one head", [holder("a", "Dana Whitlock"), holder("b", "Dana Whitlock")], None, {"agreement"}),
]


@pytest.mark.parametrize("name, claims, probability, kinds", CASES, ids=[case[0] for case in CASES])
def test_what_each_kind_finds(setup, name, claims, probability, kinds):
    found = judge([group(claims, probability)], setup.rules, setup.ontology, thresholds=THRESHOLDS).findings
    assert {f.kind for f in found} == kinds
