"""End to end on the five seed articles: the findings the mission names."""

from __future__ import annotations

import pytest
from conftest import DISPUTES, ROOT

from checker.ingest import load_articles
from checker.pipeline import check


@pytest.fixture(scope="module")
def report(setup):
    articles, problems = load_articles([ROOT / "seeds"])
    assert not problems
    return check(articles, setup)


def findings(report, kind, predicate):
    return [f for f in report.findings if f.kind == kind and f.predicate == predicate]


def values_by_article(report, finding):
    claims = {c.id: c for c in report.claims}
    return {(claims[c].article[:3], claims[c].value.low, claims[c].value.high) for c in finding.claims}


def test_every_quote_is_verbatim(report):
    texts = {a.id: a.text for a in report.articles}
    for claim in report.claims:
        start, end = claim.span
        assert texts[claim.article][start:end] == claim.quote


def test_age_conflict_28_vs_29(report):
    [conflict] = findings(report, "conflict", "age")
    assert {("001", 29.0, 29.0), ("004", 28.0, 28.0)} <= values_by_article(report, conflict)
    assert conflict.severity == "error"


def test_compensation_dispute_up_to_100m_vs_hundreds_of_millions(report):
    # A dispute: alignment is less sure than a conflict needs that a bonus "up to 100 million
    # per researcher" and offers of "hundreds of millions to some" are one quantity, so it is
    # a possible conflict to check (a conflict under the model of its time: see the closing note
    # of the trusted-conflicts issue), named once for the two values, the outlets in its clusters.
    [conflict] = [f for f in report.findings if f.kind in DISPUTES and f.predicate == "compensation_offer"]
    claims = {c.id: c for c in report.claims}
    pairs = {frozenset(claims[x].article[:3] for x in pair) for pair in conflict.pairs}
    assert pairs & {frozenset({"000", "001"}), frozenset({"001", "002"})}
    hundreds = next(c for c in conflict.clusters if any(claims[x].article.startswith("001") for x in c.claims))
    up_to = next(c for c in conflict.clusters if any(claims[x].article.startswith("000") for x in c.claims))
    assert hundreds is not up_to and any(o.startswith("002") for o in up_to.outlets)
    # "more than 100 million" and "nine figures" are compatible with "hundreds of millions".
    for pair in conflict.pairs:
        qualifiers = {claims[x].value.qualifier for x in pair}
        assert "more_than" not in qualifiers
        assert all(claims[x].value.text != "تصل إلى تسعة أرقام" for x in pair)


def test_altman_is_credited_for_the_100_million_quote(report):
    credited = [c for c in report.claims if c.article.startswith("002") and c.predicate == "compensation_offer"
                and c.attribution and "ألتمان" in c.attribution]
    assert credited


def test_investment_agreement_across_four_outlets(report):
    [agreement] = findings(report, "agreement", "investment")
    assert {a[:3] for a in {c.split("#")[0] for c in agreement.claims}} == {"000", "001", "002", "004"}


def test_four_researchers_from_openai_agree(report):
    [agreement] = findings(report, "agreement", "hires")
    claims = {c.id: c for c in report.claims}
    fours = {claims[c].article[:3] for c in agreement.claims if claims[c].value.low == 4}
    assert fours == {"000", "002"}
    assert not findings(report, "conflict", "hires")


def test_wang_spellings_are_learned_as_one_name(report):
    assert any({"ألكسندر وانغ", "ألكساندر وانغ"} <= set(a["spellings"]) for a in report.aliases)


def role_claims(report, finding):
    claims = {c.id: c for c in report.claims}
    return {(claims[c].article[:3], claims[c].value.text, claims[c].value.qualifier) for c in finding.claims}


def test_fair_leadership_conflict_quotes_both_outlets(report):
    conflicts = [f for f in findings(report, "conflict", "leader") if f.subject.text == "FAIR"]
    [conflict] = conflicts
    held = role_claims(report, conflict)
    assert ("000", "يان لوكون", None) in held
    assert ("003", "جويل بينو", "former") in held
    assert ("003", "روبرت فيرغوس", "current") in held
    claims = {c.id: c for c in report.claims}
    pairs = {frozenset(claims[x].value.text for x in pair) for pair in conflict.pairs}
    # LeCun against the current head; the former head and her successor do not clash.
    assert frozenset({"يان لوكون", "روبرت فيرغوس"}) in pairs
    assert frozenset({"جويل بينو", "روبرت فيرغوس"}) not in pairs


def test_wang_leads_ai_in_titles_worded_differently(report):
    [agreement] = findings(report, "agreement", "chief_ai_officer")
    claims = {c.id: c for c in report.claims}
    quotes = [(claims[c].article[:3], claims[c].quote) for c in agreement.claims]
    assert {article for article, _ in quotes} == {"002", "004"}
    assert any(a == "002" and "كبير مسؤولي الذكاء الاصطناعي" in q for a, q in quotes)
    assert any(a == "004" and "رئيس الذكاء الاصطناعي" in q for a, q in quotes)


def test_llama_release_month_agrees(report):
    [agreement] = findings(report, "agreement", "release_date")
    claims = {c.id: c for c in report.claims}
    assert {claims[c].article[:3] for c in agreement.claims} == {"000", "002"}
    # The seeds carry no publication date, so "أبريل الماضي" is the month alone: "--04".
    assert {claims[c].value.low for c in agreement.claims} == {"--04"}


def test_every_value_is_where_its_span_line_and_column_say(report):
    texts = {a.id: a.text for a in report.articles}
    for claim in report.claims:
        text = texts[claim.article]
        start, end = claim.value_span
        assert text[start:end] == claim.value.text
        assert claim.span[0] <= start and end <= claim.span[1]
        before = text[:start].split("\n")
        assert (claim.value_line, claim.value_column) == (len(before), len(before[-1]) + 1)
        quoted = text[:claim.span[0]].split("\n")  # line and column are the quote's start (DESIGN.md)
        assert (claim.line, claim.column) == (len(quoted), len(quoted[-1]) + 1)
