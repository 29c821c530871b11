"""Ranks (what to fix first), headings (the quantity named from its claims, never twice in
a report) and the isolation of runs of the other writing direction, on hand-built cases."""

from __future__ import annotations

import pytest

from checker.judge.finding_kinds import declared
from checker.judge.kinds import KINDS
from checker.judge.naming import name_findings
from checker.judge.rank import NEUTRAL_CONFIDENCE, rank_findings
from checker.knowledge.words import ReportWords
from checker.models import Article, Claim, EntityRef, Finding, Frame, Value, ValueCluster
from checker.report.direction import FSI, PDI, isolate, line, mixes_directions, Words
from checker.report.wrap import wrap

KINDS_DECLARED = declared(KINDS.values())


def claim(cid: str, article: str, low: float, sentence: int = 5, headline: bool = False, **extra) -> Claim:
    return Claim(id=cid, article=article, subject=EntityRef(text="the story"), predicate="death_toll",
                 value=Value(kind="quantity", text=f"{low:g} people", low=low, high=low), quote=f"{low:g} people died.",
                 span=(0, 10), sentence=sentence, headline=headline, **extra)


def finding(fid: str, kind: str, claims: list[Claim], severity: str = "error", **extra) -> Finding:
    clusters = [ValueCluster(claims=[c.id], outlets=[c.article], low=c.value.low, high=c.value.high) for c in claims]
    return Finding(id=fid, kind=kind, rule="r", severity=severity, subject=EntityRef(text="the story"),
                   predicate="death_toll", claims=[c.id for c in claims], message="", label="death toll",
                   clusters=clusters if kind == "conflict" else None, **extra)


def ranked(findings, claims, outlets=10):
    return {f.id: f for f in rank_findings(findings, claims, KINDS_DECLARED, outlets)}


def test_far_apart_central_values_rank_first():
    near = [claim("n1", "a", 100), claim("n2", "b", 101)]
    far = [claim("f1", "a", 10), claim("f2", "b", 90)]
    central = [claim(f"c{n}", f"o{n}", 10 + 80 * (n % 2), sentence=1) for n in range(6)]
    claims = near + far + central
    out = ranked([finding("near", "conflict", near), finding("far", "conflict", far),
                  finding("central", "conflict", central)], claims)
    assert [out[k].rank for k in ("central", "far", "near")] == [1, 2, 3]
    assert out["far"].priority.spread > out["near"].priority.spread
    assert out["central"].priority.centrality > out["far"].priority.centrality


def test_a_finding_without_confidence_ranks_as_one_of_neutral_confidence():
    claims = [claim("x", "a", 10), claim("y", "b", 20)]
    unknown = ranked([finding("u", "conflict", claims)], claims)["u"]
    neutral = ranked([finding("u", "conflict", claims, confidence=NEUTRAL_CONFIDENCE)], claims)["u"]
    assert unknown.priority == neutral.priority
    sure = ranked([finding("u", "conflict", claims, confidence=0.9)], claims)["u"]
    assert sure.priority.score > unknown.priority.score


def test_disputes_come_first_and_reviewed_findings_last():
    claims = [claim("x", "a", 10, headline=True), claim("y", "b", 90, headline=True), claim("z", "c", 50)]
    out = ranked([finding("agree", "agreement", claims[:2], "info"), finding("minor", "conflict", claims[1:]),
                  finding("done", "conflict", claims[:2], reviewed="checked")], claims)
    assert [out[k].rank for k in ("minor", "agree", "done")] == [1, 2, 3]


ARTICLES = [Article(id=x, path=f"{x}.txt", lang="en", text="") for x in ("a", "b", "c", "d")]
WORDS = ReportWords({"story": "the story", "kinds": {"conflict": "conflict", "possible_update": "possible update"},
                     "qualifiers": {"first_instance": "first instance"}})


def named(findings, claims):
    return [f.heading for f in name_findings(findings, claims, ARTICLES, "en", WORDS, KINDS_DECLARED,
                                             lambda c: [(w, w.lower().rstrip("s")) for w in c.quote.split()])]


def test_a_heading_names_the_quantity_never_the_story_placeholder():
    claims = [claim("x", "a", 10), claim("y", "b", 20)]
    [heading] = named([finding("f", "conflict", claims)], claims)
    assert heading == "death toll"


def test_a_frame_names_what_whose_which_and_when():
    frame = Frame(owner="court", owner_text="the criminal court", property="detainees",
                  property_text="detainees tried while free", qualifiers=["first_instance"], time_text="in 2023")
    claims = [claim("x", "a", 10, frame=frame), claim("y", "b", 20, frame=frame)]
    [heading] = named([finding("f", "conflict", claims)], claims)
    assert heading == "detainees tried while free (first instance) — the criminal court, in 2023"


def test_the_words_most_claims_narrow_the_noun_with_are_named():
    claims = [claim("x", "a", 10, modifiers=["people"]), claim("y", "b", 20, modifiers=["people"])]
    [heading] = named([finding("f", "conflict", claims)], claims)
    assert heading == "death toll (people)"


def test_no_two_findings_share_a_heading():
    one = [claim("x", "a", 10), claim("y", "b", 20)]
    two = [claim("z", "c", 30), claim("w", "d", 40)]
    claims = one + two
    headings = named([finding("c1", "conflict", one), finding("p1", "possible_update", one, "warning"),
                      finding("c2", "conflict", two), finding("c3", "conflict", two)], claims)
    assert len(set(headings)) == 4
    assert headings[1] == "death toll — possible update"  # told apart by kind first
    assert headings[0].startswith("death toll — conflict: ")  # then by values
    assert headings[3].endswith("(2)")  # and last by a number


@pytest.mark.parametrize("text, base, isolated", [
    ("48%", "ltr", False), ("تجاوزت 48%", "ltr", True), ("تجاوزت 48%", "rtl", False),
    ("Reuters", "rtl", True), ("Reuters", "ltr", False), (FSI + "مصدر" + PDI, "ltr", False),
])
def test_a_run_is_isolated_where_its_direction_is_not_the_lines(text, base, isolated):
    assert (isolate(text, base) != text) == isolated


@pytest.mark.parametrize("pieces, mixed_without", [
    (["- **", Words("تجاوزت 48%"), "** — 1 outlet (", Words("Reuters"), ")"], True),
    (["- **", Words("61.2%"), "** — ", Words("3 مصادر"), " (", Words("الجزيرة"), "، ", Words("AFP"), ")"], True),
])
def test_a_line_of_both_directions_is_isolated_run_by_run(pieces, mixed_without):
    assert mixes_directions("".join(pieces)) == mixed_without
    assert not mixes_directions(line(*pieces))


def test_a_line_cut_inside_an_isolate_closes_and_reopens_it():
    text = "values: " + FSI + " ".join(["مصدر"] * 40) + PDI + " and more words"
    lines = wrap(text, "- ", "  ", 60)
    assert len(lines) > 2 and not any(mixes_directions(one) for one in lines)
    assert "".join(lines).replace(PDI + "  " + FSI, " ").count(FSI) == 1
