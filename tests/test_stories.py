"""End to end on our own small stories: names in no lexicon, spelled differently
by each outlet, in Arabic, in English, and across the two languages."""

from __future__ import annotations

import pytest

from checker.ingest import load_articles
from checker.pipeline import check
from conftest import ROOT, article, conflict_pairs, run

STORIES = ROOT / "tests" / "articles"


def story(setup, name):
    articles, problems = load_articles([STORIES / name])
    assert not problems
    return check(articles, setup)


def finding_values(report, kind, predicate):
    claims = {c.id: c for c in report.claims}
    return [sorted((claims[c].article, claims[c].value.low) for c in f.claims)
            for f in report.findings if f.kind == kind and f.predicate == predicate]


@pytest.fixture(scope="module")
def deal(setup):
    return story(setup, "deal_ar")


def test_deal_value_conflict_between_outlets(deal):
    [values] = finding_values(deal, "conflict", "investment")
    lows = {low for _, low in values}
    assert {2.5e9, 3e9} <= lows


def test_ceo_age_conflict_across_spellings_of_an_unknown_name(deal):
    [values] = finding_values(deal, "conflict", "age")
    assert {low for _, low in values} == {52.0, 54.0}
    assert any({"أسامة الزهيري", "اسامه الزهيرى"} <= set(a["spellings"]) for a in deal.aliases)


def test_stake_agrees_in_words_and_arabic_indic_digits(deal):
    [values] = finding_values(deal, "agreement", "stake")
    assert {low for _, low in values} == {40.0}
    assert len({a for a, _ in values}) == 2


def test_company_spellings_are_learned(deal):
    learned = [set(a["spellings"]) for a in deal.aliases]
    assert any({"نوفاتيك", "نوفاتك"} <= s for s in learned)


def test_english_death_toll_conflict_and_injured_agreement(setup):
    report = story(setup, "quake_en")
    [toll] = finding_values(report, "conflict", "death_toll")
    assert {low for _, low in toll} == {87.0, 112.0}
    [injured] = finding_values(report, "agreement", "injured")
    assert len({a for a, _ in injured}) == 3


def test_age_conflict_across_arabic_and_english(setup):
    report = story(setup, "appointment_en_ar")
    [values] = finding_values(report, "conflict", "age")
    assert {low for _, low in values} == {41.0, 43.0}


@pytest.mark.parametrize("text_a, text_b, kind", [
    ("قالت الوزيرة سلمى القاسم إن الحريق أودى بحياة 14 شخصًا.",
     "أعلنت الوزيرة سلمى القاسم أن الحريق أودى بحياة أربعة عشر شخصًا.", "agreement"),
    ("قالت الوزيرة سلمى القاسم إن الحريق أودى بحياة 14 شخصًا.",
     "أعلنت الوزيرة سلمى القاسم أن الحريق أودى بحياة 19 شخصًا.", "conflict"),
])
def test_small_arabic_pairs(setup, text_a, text_b, kind):
    report = run(setup, article("a", text_a), article("b", text_b))
    assert kind in {f.kind for f in report.findings if f.predicate == "death_toll"}


def test_up_to_and_more_than_compare_honestly(setup):
    a = article("a", "Orbis offered engineers pay packages worth up to $50 million, the company said.", "en")
    b = article("b", "Orbis offered engineers hundreds of millions of dollars, people familiar said.", "en")
    c = article("c", "Orbis offered engineers more than $50 million each, a source said.", "en")
    report = run(setup, a, b, c)
    pairs = conflict_pairs(report)
    assert frozenset({"a", "b"}) in pairs
    assert frozenset({"b", "c"}) not in pairs


def test_one_article_contradicting_itself(setup):
    text = ("قالت الوزيرة سلمى القاسم إن الحريق أودى بحياة 14 شخصًا. "
            "وفي وقت لاحق أكدت الوزيرة سلمى القاسم أن الحريق أودى بحياة 22 شخصًا.")
    report = run(setup, article("a", text))
    kinds = [f.kind for f in report.findings if f.predicate == "death_toll"]
    assert "inconsistent" in kinds and "conflict" not in kinds


def test_markdown_overview_and_table_safety(setup):
    from checker.report.markdown import render_markdown

    a = article("a", "Orbis hired 12 engineers | a record, the company said.", "en", url="https://example.org/a")
    b = article("b", "Orbis hired 15 engineers, the company said.\nIt was a record.", "en")
    markdown = render_markdown(run(setup, a, b))
    assert "## Outlets side by side" in markdown
    assert "12 engineers \\| a record" in markdown
    assert "[a](https://example.org/a)" in markdown


def test_check_restores_the_cycle_collector():
    import gc

    from checker.pipeline import cycle_collector_paused
    assert gc.isenabled()
    with cycle_collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled()
    gc.disable()
    try:
        with cycle_collector_paused():
            pass
        assert not gc.isenabled()  # a caller's own choice is kept
    finally:
        gc.enable()
