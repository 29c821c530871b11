"""Pair-level scoring, on small hand-made reports: each definition of issue 10, item 2."""

from __future__ import annotations

from typing import Any

import pytest

from checker.tools.realnews.gold import GoldValue, StoryGold
from checker.tools.realnews.matching import gold_number, matches, norm, values_differ
from checker.tools.realnews.pairs import finding_pairs, score_story, verbatim_quotes


def claim(cid: str, article: str, quote: str, low: Any, high: Any = None, text: str = "") -> dict[str, Any]:
    high = low if high is None else high
    return {"id": cid, "article": article, "quote": quote,
            "value": {"kind": "quantity", "text": text or str(low), "low": low, "high": high}}


def finding(kind: str, *claims: str, **extra: Any) -> dict[str, Any]:
    return {"id": f"{kind}-{'-'.join(claims)}", "kind": kind, "claims": list(claims), **extra}


def gold(*claims: dict[str, Any]) -> StoryGold:
    articles = sorted({v["article"] for c in claims for v in c["values"]})
    return StoryGold.model_validate({"story": "s", "lang": "en", "event": "e", "articles": articles,
                                     "verdict_legend": {}, "claims": list(claims)})


def gclaim(gid: str, verdict: str, *values: tuple[str, Any, str], note: str | None = None) -> dict[str, Any]:
    out = {"id": gid, "subject": "x", "predicate": "toll", "verdict": verdict, "reason": "r",
           "values": [{"article": a, "value": v, "quote": q} for a, v, q in values]}
    return {**out, "note": note} if note else out


TOLL = gclaim("c1", "conflict", ("a", "13", "killing at least 13 people"),
              ("b", "24", "at least 24 people were killed"))
CAMP = gclaim("c2", "agree", ("a", "about 750", "About 750 girls were at the camp"),
              ("b", "about 750", "Camp Mystic has about 750 campers"))
A13 = claim("a13", "a", "Rain fell, killing at least 13 people on Friday.", 13, float("inf"), "at least 13")
B24 = claim("b24", "b", "At least 24 people were killed.", 24)
A750 = claim("a750", "a", "About 750 girls were at the camp this week.", 750)
B750 = claim("b750", "b", "Camp Mystic has about 750 campers.", 750)


def score(g: StoryGold, claims: list[dict], findings: list[dict]):
    return score_story(g, {"claims": claims, "findings": findings}, {})


# --- matching --------------------------------------------------------------------

@pytest.mark.parametrize("value, number", [
    ("14.3 billion USD", 14.3e9), ("1,500 people", 1500.0), ("about 750", 750.0), (12, 12.0),
    ("116M GBP", 116e6), ("2.5 bn", 2.5e9), ("68 (Sunday)", 68.0), ("13:39", 13.0), ("Friday", None),
])
def test_gold_number(value, number):
    assert gold_number(value) == number


@pytest.mark.parametrize("raw, normal", [
    ("أحمد  إبراهيم", "احمد ابراهيم"), ("مدرسةٌ", "مدرسه"),
    ("مستشفى", "مستشفي"), ("قتـيلا", "قتيلا"),
])
def test_norm_folds_what_outlets_spell_differently(raw, normal):
    assert norm(raw) == normal


@pytest.mark.parametrize("tool, ok", [
    (claim("t", "a", "He said that killing at least 13 people was...", 13), True),   # quote holds the gold quote
    (claim("t", "a", "at least 13 people", 13), True),                              # quote inside the gold quote
    (claim("t", "a", "Another sentence.", 13, text="at least 13"), True),           # value text inside the gold quote
    (claim("t", "a", "Another sentence.", 13, text="13 dead"), False),              # cites nothing
    (claim("t", "b", "killing at least 13 people", 13), False),                     # another article
    (claim("t", "a", "killing at least 13 people", 13.1), True),                    # within 1 %
    (claim("t", "a", "killing at least 13 people", 14), False),
    (claim("t", "a", "killing at least 13 people", 10, 20), True),                  # inside the interval
    (claim("t", "a", "killing at least 13 people", None, None, "١٣ قتيلا"), True),  # no bounds: digits in the text
])
def test_a_claim_matches_a_gold_value(tool, ok):
    assert matches(tool, GoldValue(article="a", value="13", quote="killing at least 13 people")) is ok


def test_values_differ_by_number_else_by_text():
    v = lambda value: GoldValue(article="a", value=value, quote="q")
    assert not values_differ(v("at least 13"), v("13 (Friday)"))
    assert values_differ(v("13"), v("24"))
    assert values_differ(v("Saturday"), v("Sunday")) and not values_differ(v("Friday"), v(" Friday"))


def test_pairs_are_the_findings_pairs_else_every_two_claims():
    assert finding_pairs({"claims": ["x", "y", "z"], "pairs": [["x", "z"]]}) == [("x", "z")]
    assert finding_pairs({"claims": ["x", "y", "z"]}) == [("x", "y"), ("x", "z"), ("y", "z")]


# --- conflicts found -------------------------------------------------------------

def test_a_conflict_pair_on_two_differing_values_finds_the_gold_conflict():
    s = score(gold(TOLL), [A13, B24], [finding("conflict", "a13", "b24")])
    assert (s.conflicts_found, s.conflicts, s.missed) == (1, 1, [])


def test_a_pair_inside_one_article_finds_nothing():
    a24 = claim("a24", "a", "killing at least 13 people, later 24", 13)
    s = score(gold(TOLL), [A13, a24], [finding("conflict", "a13", "a24")])
    assert s.conflicts_found == 0 and [g.id for g in s.missed] == ["c1"]


def test_an_agreement_finding_does_not_find_a_conflict():
    assert score(gold(TOLL), [A13, B24], [finding("agreement", "a13", "b24")]).conflicts_found == 0


@pytest.mark.parametrize("kind", ["update", "updated"])
def test_an_update_finds_a_temporal_conflict_only(kind):
    temporal = gclaim("c1", "conflict", *[(v.article, v.value, v.quote) for v in gold(TOLL).claims[0].values],
                      note="temporal")
    assert score(gold(temporal), [A13, B24], [finding(kind, "a13", "b24")]).conflicts_found == 1
    assert score(gold(TOLL), [A13, B24], [finding(kind, "a13", "b24")]).conflicts_found == 0


# --- agreements shown, false alarms, misaligned pairs ----------------------------

def test_an_agreement_finding_shows_the_gold_agreement():
    s = score(gold(CAMP), [A750, B750], [finding("agreement", "a750", "b750")])
    assert (s.agreements_shown, s.agreements, s.false_alarms) == (1, 1, 0)


def test_a_conflict_finding_shows_an_agreement_it_holds_without_pairing_it():
    other = claim("b800", "b", "Another camp had 800 campers.", 800)
    holds = finding("conflict", "a750", "b750", "b800", pairs=[["a750", "b800"]])
    assert score(gold(CAMP), [A750, B750, other], [holds]).agreements_shown == 1


def test_a_conflict_pair_on_two_equal_values_is_a_false_alarm():
    s = score(gold(CAMP), [A750, B750], [finding("conflict", "a750", "b750")])
    assert (s.agreements_shown, s.false_alarms) == (0, 1)
    assert [p.gold for p in s.false_alarm_pairs] == [("c2",)]


def test_clusters_show_an_agreement_inside_a_conflict():
    """Outlets A and B agree on 750 and C rounds to 790: the pairs set both against C, so
    without clusters the agreement of A and B is not shown; a cluster holding them shows it."""
    camp = gclaim("c2", "agree", *[(v.article, v.value, v.quote) for v in gold(CAMP).claims[0].values],
                  ("c", "about 790", "roughly 790 campers"))
    c790 = claim("c790", "c", "There were roughly 790 campers.", 790)
    pairs = [["a750", "c790"], ["b750", "c790"]]
    clusters = [{"claims": ["a750", "b750"], "outlets": ["A", "B"], "low": 750, "high": 750},
                {"claims": ["c790"], "outlets": ["C"], "low": 790, "high": 790}]
    claims = [A750, B750, c790]
    assert score(gold(camp), claims, [finding("conflict", "a750", "b750", "c790", pairs=pairs)]).agreements_shown == 0
    with_clusters = finding("conflict", "a750", "b750", "c790", pairs=pairs, clusters=clusters)
    assert score(gold(camp), claims, [with_clusters]).agreements_shown == 1


def test_a_pair_of_two_different_gold_quantities_is_misaligned():
    s = score(gold(TOLL, CAMP), [A13, B750], [finding("conflict", "a13", "b750")])
    assert (s.misaligned, s.pairs) == (1, 1)
    assert s.misaligned_pairs[0].gold == ("c1", "c2")


def test_a_pair_with_an_unknown_claim_is_not_misaligned():
    stray = claim("b9", "b", "Nine trucks were sent.", 9)
    s = score(gold(TOLL, CAMP), [A13, stray], [finding("conflict", "a13", "b9")])
    assert (s.misaligned, s.pairs) == (0, 1)


def test_quotes_are_verbatim_when_spans_cut_them_out():
    text = "Intro. At least 24 people were killed."
    good = {**B24, "span": [7, 38]}
    bad = {**B24, "id": "bad", "span": [0, 5]}
    assert verbatim_quotes({"claims": [good, bad]}, {"b": text}) == (2, 1)


def test_scores_add_up():
    one = score(gold(TOLL, CAMP), [A13, B24], [finding("conflict", "a13", "b24")])
    both = one + one
    assert (both.conflicts, both.conflicts_found, both.agreements, both.pairs) == (2, 2, 2, 2)


# --- the extraction ceiling (--extraction) ------------------------------------------

DAY = gclaim("c3", "agree", ("a", "Friday", "flooding on Friday"), ("b", "Friday", "early on Friday"))


def test_extraction_counts_values_read_by_group_and_lists_the_misses():
    from checker.tools.realnews.extraction import AGREEMENT_NUMERIC, CONFLICT_NUMERIC, NON_NUMERIC, score_extraction

    g = gold(TOLL, CAMP, DAY)
    friday = claim("fa", "a", "Rain fell during flooding on Friday.", None, None, "Friday")
    s = score(g, [A13, A750, friday], [])
    out = score_extraction(g, s.extracted)
    assert out.values == {CONFLICT_NUMERIC: 2, AGREEMENT_NUMERIC: 2, NON_NUMERIC: 2}
    assert out.read == {CONFLICT_NUMERIC: 1, AGREEMENT_NUMERIC: 1, NON_NUMERIC: 1}
    assert [(m.claim.id, m.value.article, m.group) for m in out.misses] == [
        ("c1", "b", CONFLICT_NUMERIC), ("c2", "b", AGREEMENT_NUMERIC), ("c3", "b", NON_NUMERIC)]
    both = out + out
    assert both.read[CONFLICT_NUMERIC] == 2 and both.values[NON_NUMERIC] == 4 and not both.misses
