"""End to end on our own small stories: names in no lexicon, spelled differently
by each outlet, in Arabic, in English, and across the two languages."""

from __future__ import annotations

import pytest
from conftest import DISPUTES, ROOT, article, conflict_pairs, run

from checker.extract.article import read_article
from checker.ingest import load_articles
from checker.pipeline import check

STORIES = ROOT / "tests" / "articles"


def story(setup, name):
    articles, problems = load_articles([STORIES / name])
    assert not problems
    return check(articles, setup)


def finding_values(report, kind, predicate):
    """The (article, value) of each finding of a kind about a predicate; "dispute" is a
    conflict, sure or possible (these tests are about what is compared with what)."""
    kinds = DISPUTES if kind == "dispute" else (kind,)
    claims = {c.id: c for c in report.claims}
    return [sorted((claims[c].article, claims[c].value.low) for c in f.claims)
            for f in report.findings if f.kind in kinds and f.predicate == predicate]


def outcome(finding) -> str:
    """A finding's kind, a possible conflict counted as a conflict: what was set against what."""
    return "conflict" if finding.kind in DISPUTES else finding.kind


@pytest.fixture(scope="module")
def deal(setup):
    return story(setup, "deal_ar")


def test_deal_value_conflict_between_outlets(deal):
    [values] = finding_values(deal, "dispute", "investment")
    lows = {low for _, low in values}
    assert {2.5e9, 3e9} <= lows


def test_ceo_age_conflict_across_spellings_of_an_unknown_name(deal):
    [values] = finding_values(deal, "dispute", "age")
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
    [toll] = finding_values(report, "dispute", "death_toll")
    assert {low for _, low in toll} == {87.0, 112.0}
    [injured] = finding_values(report, "agreement", "injured")
    assert len({a for a, _ in injured}) == 3


def test_age_conflict_across_arabic_and_english(setup):
    report = story(setup, "appointment_en_ar")
    [values] = finding_values(report, "dispute", "age")
    assert {low for _, low in values} == {41.0, 43.0}


@pytest.mark.parametrize("text_a, text_b, kind", [
    ("قالت الوزيرة سلمى القاسم إن الحريق أودى بحياة 14 شخصًا.",
     "أعلنت الوزيرة سلمى القاسم أن الحريق أودى بحياة أربعة عشر شخصًا.", "agreement"),
    ("قالت الوزيرة سلمى القاسم إن الحريق أودى بحياة 14 شخصًا.",
     "أعلنت الوزيرة سلمى القاسم أن الحريق أودى بحياة 19 شخصًا.", "conflict"),
])
def test_small_arabic_pairs(setup, text_a, text_b, kind):
    # Of the same day: a toll that differs between undated reports is only a possible update.
    report = run(setup, article("a", text_a, published="2026-03-01"), article("b", text_b, published="2026-03-01"))
    assert kind in {f.kind for f in report.findings if f.predicate == "death_toll"}


def test_up_to_and_more_than_compare_honestly(setup):
    a = article("a", "Orbis offered engineers pay packages worth up to $50 million, the company said.", "en")
    b = article("b", "Orbis offered engineers hundreds of millions of dollars, people familiar said.", "en")
    c = article("c", "Orbis offered engineers more than $50 million each, a source said.", "en")
    report = run(setup, a, b, c)
    pairs = conflict_pairs(report)
    assert frozenset({"a", "b"}) in pairs
    assert frozenset({"b", "c"}) not in pairs


def test_an_article_giving_a_toll_then_a_later_one_is_not_set_against_itself(setup):
    """An article states a quantity once: two tolls in one article ("later, 22") are two
    moments, and neither is paired with the other as a conflict."""
    text = ("قالت الوزيرة سلمى القاسم إن الحريق أودى بحياة 14 شخصًا. "
            "وفي وقت لاحق أكدت الوزيرة سلمى القاسم أن الحريق أودى بحياة 22 شخصًا.")
    report = run(setup, article("a", text))
    assert [c.value.low for c in report.claims if c.predicate == "death_toll"] == [14.0, 22.0]
    assert not [f for f in report.findings if f.kind in DISPUTES]


def test_markdown_overview_and_table_safety(setup):
    from checker.report.markdown import render_markdown

    a = article("a", "Orbis hired 12 engineers | a record, the company said.", "en", url="https://example.org/a")
    b = article("b", "Orbis hired 15 engineers, the company said.\nIt was a record.", "en")
    markdown = render_markdown(run(setup, a, b), full=True)
    assert "## Outlets side by side" in markdown
    assert "12 engineers \\| a record" in markdown
    # The outlet is linked by reference, its address given once at the end.
    assert "[a][1]" in markdown and markdown.rstrip().endswith("[1]: https://example.org/a")
    assert markdown.count("https://example.org/a") == 1


def test_an_aftershock_is_not_the_main_quake(setup):
    report = story(setup, "quake_en")
    assert not [f for f in report.findings if f.kind in DISPUTES and f.predicate == "magnitude"]
    assert any(c.predicate == "aftershock_magnitude" and c.value.low == 4.9 for c in report.claims)


def test_properties_of_different_subjects_never_pair_through_a_shared_name(setup):
    # Both sentences name Halcyon; only the valuation of Quillmark is compared.
    a = article("a", "Halcyon hired two researchers from Quillmark. "
                     "Quillmark, valued at $8 billion, lost them to Halcyon.", "en")
    b = article("b", "Halcyon, which hired them, is valued at about $20 billion by Halcyon investors.", "en")
    c = article("c", "سامر نجم، 35 عامًا، انضم إلى شركة «نوفا». وقالت ليلى حداد، 52 عامًا، إن «نوفا» ترحب به.")
    d = article("d", "وقالت ليلى حداد، 52 عامًا، إن شركة «نوفا» ستوظف المزيد.")
    report = run(setup, a, b)
    assert not [f for f in report.findings if f.kind in DISPUTES and f.predicate == "valuation"]
    ages = run(setup, c, d)
    assert not [f for f in ages.findings if f.kind in (*DISPUTES, "inconsistent") and f.predicate == "age"]
    assert [f for f in ages.findings if f.kind == "agreement" and f.predicate == "age"]


def test_a_large_sum_in_no_currency_beside_a_money_word_is_money(setup):
    a = article("a", "قالت وزارة المالية في بلاد الأرز إن العجز بلغ 77 مليارًا هذا العام.")
    b = article("b", "أعلنت وزارة المالية في بلاد الأرز أن العجز بلغ 66 مليارًا.")
    report = run(setup, a, b)
    assert {c.value.unit for c in report.claims if c.predicate == "deficit"} == {"money"}
    assert frozenset({"a", "b"}) in conflict_pairs(report)


def test_tolls_pair_across_the_story_whoever_gives_them(setup):
    # Each outlet quotes another official and names the town its own way.
    a = article("a", "أعلن رئيس بلدية الوادي الأخضر، كمال زريق، مقتل 31 شخصًا في السيول، "
                     "فيما لا يزال 15 شخصًا في عداد المفقودين. وجرفت المياه نحو 80 منزلًا.", published="2026-03-01")
    b = article("b", "قالت وزارة الصحة إن حصيلة قتلى السيول بلغت 38 قتيلًا، بينما دمرت المياه قرابة 80 منزلًا.", published="2026-03-01")
    c = article("c", "At least 31 people were killed in the flash floods, the Red Crescent said. "
                     "About 15 people remain missing.", lang="en", published="2026-03-01")
    report = run(setup, a, b, c)
    [toll] = finding_values(report, "dispute", "death_toll")
    assert {low for _, low in toll} == {31.0, 38.0}
    assert frozenset({"a", "b"}) in conflict_pairs(report)
    assert frozenset({"b", "c"}) not in conflict_pairs(report)  # "at least 31" allows 38
    # "لا يزال" (still) is no negation: 15 are missing, in both languages.
    [missing] = finding_values(report, "agreement", "missing")
    assert [article_id for article_id, _ in missing] == ["a", "c"]
    [homes] = finding_values(report, "agreement", "homes_destroyed")
    assert {article_id for article_id, _ in homes} == {"a", "b"}
    shown = {f.subject.text for f in report.findings if f.predicate in ("death_toll", "missing")}
    assert shown == {"القصة"}  # the report is in the language most articles are in


def test_a_toll_that_rose_overnight_is_an_update_and_each_day_agrees(setup):
    a = article("a", "ارتفعت حصيلة قتلى الانهيار الأرضي إلى 12 قتيلًا.", published="2026-03-01")
    b = article("b", "لقي 12 شخصًا حتفهم في الانهيار الأرضي.", published="2026-03-01")
    c = article("c", "ارتفعت حصيلة قتلى الانهيار الأرضي إلى 20 قتيلًا.", published="2026-03-02")
    report = run(setup, a, b, c)
    kinds = {f.kind for f in report.findings if f.predicate == "death_toll"}
    assert kinds == {"updated", "agreement"}
    [same_day] = finding_values(report, "agreement", "death_toll")
    assert same_day == [("a", 12.0), ("b", 12.0)]
    [update] = [f for f in report.findings if f.kind == "updated"]
    assert update.message.startswith("تغيّر عدد القتلى") and "تتعارض" not in update.message


def test_a_negation_word_inside_an_idiom_does_not_negate(setup):
    a = article("a", "ولا تزال 7 أسر بلا مأوى، ولم يتسلم 4 أشخاص أي تعويض.")
    report = run(setup, a)
    negated = {c.value.low: c.negated for c in report.claims}
    assert negated == {7.0: False, 4.0: True}


def test_a_company_shortened_to_its_first_word_is_the_same_company(setup):
    a = article("a", "Corvane Systems will pay $800 million for the startup. Corvane Systems chief executive "
                     "Dana Whitlow said the deal brings savings of $40 million a year.", lang="en")
    b = article("b", "Corvane Systems agreed to buy the startup. Corvane chief executive Dana Whitlow expects "
                     "savings of $45 million a year, and the corvane plant stays open.", lang="en")
    report = run(setup, a, b)
    assert frozenset({"a", "b"}) in conflict_pairs(report)  # savings, 40 vs 45 million
    posts = [c for c in report.claims if c.value.dimension == "role"]
    assert {c.subject.text for c in posts} == {"Corvane Systems", "Corvane"}
    assert [f for f in report.findings if f.kind == "agreement" and f.predicate == "leader"]
    # "pay ... for" is the price of a deal, not a pay offer.
    assert {c.predicate for c in report.claims if c.value.low == 8e8} == {"investment"}
    # A lower-case "corvane" is a word, not the company.
    mentions = [m.text for ctx in read_article(b, setup.languages["en"]).sentences for m in ctx.mentions]
    assert "Corvane" in mentions and "corvane" not in mentions


def test_a_percent_word_is_not_read_again_as_a_number(setup):
    a = article("a", "استحوذت شركة «الواحة» على حصة تبلغ 35 في المئة من شركة «سديم» مقابل 420 مليون دولار.")
    report = run(setup, a)
    assert sorted(c.value.low for c in report.claims) == [35.0, 420e6]


def test_a_past_disaster_toll_is_not_the_storys_own(setup):
    a = article("a", "لقي 47 شخصًا حتفهم في السيول. وهي الأسوأ منذ فيضانات 2011 التي أودت بحياة 200 شخص.",
                published="2026-02-10")
    b = article("b", "Floods killed 52 people, the worst since 2011, when 200 people were killed.", lang="en",
                published="2026-02-10")
    report = run(setup, a, b)
    tolls = [sorted(c.value.low for c in report.claims if c.id in f.claims)
             for f in report.findings if f.predicate == "death_toll" and f.kind in (*DISPUTES, "agreement")]
    assert sorted(tolls) == [[47.0, 52.0], [200.0, 200.0]]
    assert {f.subject.text for f in report.findings if f.predicate == "death_toll"} == {"القصة", "2011"}


def test_an_english_succession_story(setup):
    a = article("a", "Marlow Insurance appointed Ines Duarte as its chief executive, replacing Colin Frey, "
                     "who stepped down after six years in the role. The insurer, which employs about 3,000 "
                     "people, reported a net profit of $400 million.", lang="en")
    b = article("b", "Ines Duarte succeeds Colin Frey, who led the insurer for nine years. Marlow, with roughly "
                     "3,000 staff, made a profit of $400 million last year.", lang="en")
    report = run(setup, a, b)
    # "Marlow Insurance" is a company, so "the insurer" is Marlow, not the person named most.
    kinds = {f.predicate: outcome(f) for f in report.findings if f.kind in (*DISPUTES, "agreement")}
    assert kinds["profit"] == "agreement" and kinds["workforce"] == "agreement"
    assert {f.subject.text for f in report.findings if f.predicate in ("profit", "workforce")} <= {
        "Marlow Insurance", "Marlow"}
    # Six years against nine: a tenure is the person's, whatever company the sentence names.
    [tenure] = finding_values(report, "dispute", "tenure")
    assert {low for _, low in tenure} == {6.0, 9.0}
    # "who led" is a past leader: no clash with the new chief executive.
    frey = [c for c in report.claims if c.value.dimension == "role" and "Frey" in c.value.text]
    assert frey and all(c.value.qualifier == "former" for c in frey)
    assert not [f for f in report.findings if f.kind in DISPUTES and f.predicate == "leader"]


def test_rates_and_targets_in_an_economy_story(setup):
    a = article("a", "رفع المصرف المركزي سعر الفائدة بمقدار 50 نقطة أساس إلى 4.5 في المئة، بعدما بلغ التضخم "
                     "6.1 في المئة. ويتوقع المصرف أن يتراجع التضخم إلى 3 في المئة بحلول نهاية العام. "
                     "وتراجعت العملة بنسبة 2 في المئة.")
    b = article("b", "The central bank raised its benchmark rate by 75 basis points to 4.75 percent after inflation "
                     "hit 6.1 percent. It targets inflation of 3.5 percent.", lang="en")
    report = run(setup, a, b)
    found = {(f.predicate, outcome(f), tuple(sorted(v for _, v in values)))
             for f in report.findings if f.kind in (*DISPUTES, "agreement")
             for values in [[(c.article, c.value.low) for c in report.claims if c.id in f.claims]]}
    assert ("interest_rate", "conflict", (4.5, 4.75)) in found
    assert ("rate_change", "conflict", (50.0, 75.0)) in found
    # Inflation now agrees; the figures ahead (an expectation in one outlet, a target in the
    # other) are not compared with inflation as it is.
    assert ("inflation", "agreement", (6.1, 6.1)) in found
    assert not [values for predicate, _, values in found if predicate == "inflation" and 6.1 in values
                and set(values) & {3.0, 3.5}]
    # "بنسبة" is any percentage, not a stake.
    assert not [c for c in report.claims if c.predicate == "stake"]


def test_an_election_story_compares_each_partys_seats(setup):
    a = article("a", "The Harbour Party won 46 of the 120 seats, the commission said, with turnout at 41 percent. "
                     "The Orchard Party came second with 31 seats.", lang="en")
    b = article("b", "The Harbour Party won 48 seats in the 120-seat chamber. The Orchard Party took 31 seats "
                     "and turnout was 41 percent.", lang="en")
    c = article("c", "حصل حزب البستان على 31 مقعدًا من أصل 120 مقعدًا، وبلغت نسبة المشاركة 44 في المئة.")
    report = run(setup, a, b, c)
    [seats] = finding_values(report, "dispute", "seats")
    assert {low for _, low in seats} == {46.0, 48.0}  # one party's seats; the other party's 31 agree
    assert [f for f in report.findings if f.kind == "agreement" and f.predicate == "seats"]
    [turnout] = finding_values(report, "dispute", "turnout")
    assert {low for _, low in turnout} == {41.0, 44.0}
    assert not [f for f in report.findings if f.predicate == "seats_total" and f.kind in DISPUTES]


def test_a_bare_number_a_toll_rises_to_and_a_coordinated_injured_count(setup):
    a = article("a", "At least 14 people were killed and 22 injured when the bridge fell.", lang="en", published="2026-03-01")
    b = article("b", "The number of people killed in the bridge collapse has risen to 19.", lang="en", published="2026-03-01")
    c = article("c", "ارتفعت حصيلة ضحايا انهيار الجسر إلى 19، وأصيب 25 آخرون.", published="2026-03-01")
    report = run(setup, a, b, c)
    by_value = {c.value.low: c.predicate for c in report.claims}
    assert by_value == {14.0: "death_toll", 22.0: "injured", 19.0: "death_toll", 25.0: "injured"}
    [injured] = finding_values(report, "dispute", "injured")
    assert {low for _, low in injured} == {22.0, 25.0}


def test_an_outbreak_story_tells_new_cases_from_the_total(setup):
    a = article("a", "سجلت السلطات 640 إصابة جديدة بالكوليرا هذا الأسبوع، ليرتفع إجمالي الإصابات منذ بداية التفشي "
                     "إلى 5200 حالة، بينما توفي 18 مريضًا. ووظفت الوزارة 40 ممرضة جديدة.", published="2026-03-01")
    b = article("b", "Authorities recorded 700 new cases of cholera this week, bringing the total since the "
                 "outbreak began to 5,200. The disease has killed 18 people.", lang="en", published="2026-03-01")
    report = run(setup, a, b)
    found = {(f.predicate, outcome(f)) for f in report.findings if f.kind in (*DISPUTES, "agreement")}
    assert found == {("new_cases", "conflict"), ("total_cases", "agreement"), ("death_toll", "agreement")}
    assert not [c for c in report.claims if c.value.low == 40 and c.predicate == "new_cases"]


def test_small_readings_from_the_probe_stories(setup):
    # "its founding in 1998" dates a founding; "National" may start a name;
    # a mayor is a title, so the name after it is a person's.
    en = article("a", "Harrow said the deal was its largest since its founding in 1998. The National Orchard Bank "
                      "set aside $20 million for the project.", lang="en")
    ar = article("b", "وقال رئيس بلدية المدينة، كمال زريق، إن المياه جرفت 80 منزلًا.")
    report = run(setup, en, ar)
    by_predicate = {c.predicate: c for c in report.claims}
    assert by_predicate["founded"].value.text.endswith("1998")
    assert by_predicate["funds_allocated"].subject.text == "National Orchard Bank"
    mentions = [m.text for ctx in read_article(ar, setup.languages["ar"]).sentences for m in ctx.mentions]
    assert mentions == ["كمال زريق"]


@pytest.mark.parametrize("first, second, kind", [
    ("The plane carried 230 passengers, the airline said.", "The plane carried 232 passengers, officials said.",
     "conflict"),
    ("Turnout was 43.6%, the commission said.", "Turnout was 43.7%, the commission said.", "conflict"),
    ("Turnout was 46%, the commission said.", "Turnout was 46.1%, the commission said.", "agreement"),
    ("Orbis will pay $14 billion for the stake.", "Orbis will pay $14.3 billion for the stake.", "agreement"),
    ("Orbis will pay $3 billion for the stake.", "Orbis will pay $2.5 billion for the stake.", "conflict"),
])
def test_a_coarser_figure_may_round_a_finer_one_and_nothing_else(setup, first, second, kind):
    report = run(setup, article("a", first, "en", published="2026-03-01"),
                 article("b", second, "en", published="2026-03-01"))
    assert [outcome(f) for f in report.findings if f.kind in (*DISPUTES, "agreement")] == [kind]


def test_the_figure_a_change_started_from_is_compared_only_with_such_figures(setup):
    a = article("a", "ارتفع سعر لتر البنزين إلى 19.25 جنيهًا بدلًا من 17.25 جنيهًا.", published="2026-03-01")
    b = article("b", "ارتفع سعر لتر البنزين من 17.75 جنيهًا إلى 19.25 جنيهًا.", published="2026-03-01")
    c = article("c", "The price of a litre of petrol rose to 19.25 Egyptian pounds, up from 17.25 Egyptian pounds.", "en",
                published="2026-03-01")
    report = run(setup, a, b, c)
    earlier = {c.article: c.value.low for c in report.claims if c.earlier}
    assert earlier == {"a": 17.25, "b": 17.75, "c": 17.25}
    claims = {c.id: c for c in report.claims}
    pairs = [pair for f in report.findings if f.kind in DISPUTES for pair in f.pairs]
    assert pairs, "17.25 and 17.75 before the rise disagree"
    assert all(claims[x].earlier and claims[y].earlier for x, y in pairs)  # then against then only


def test_a_number_naming_a_thing_keeps_its_figures_apart(setup):
    a = article("a", "وبلغ سعر لتر بنزين 95 نحو 21 جنيهًا.", published="2026-03-01")
    b = article("b", "وبلغ سعر لتر بنزين 92 نحو 19.25 جنيهًا.", published="2026-03-01")
    report = run(setup, a, b)
    assert not [f for f in report.findings if f.kind in DISPUTES]
    assert {"#95", "#92"} == {w for c in report.claims for w in c.context if w.startswith("#")}


@pytest.mark.parametrize("text, lang, low, high", [
    ("تراوحت الأحكام بالسجن بين 10 و45 عامًا.", "ar", 10, 45),
    ("وتراوحت نسبة الزيادة من 20 لـ 25%.", "ar", 20, 25),
    ("The men, aged between 26 and 74, were convicted.", "en", 26, 74),
    ("Sentences ranged from three to 20 years.", "en", 3, 20),
])
def test_a_range_stated_by_its_ends_is_one_claim(setup, text, lang, low, high):
    report = run(setup, article("a", text, lang))
    [claim] = [c for c in report.claims if c.value.kind == "quantity"]  # (a verdict is said too)
    assert (claim.value.low, claim.value.high, claim.value.range) == (low, high, True)


def test_two_ranges_compare_end_by_end(setup):
    first = article("a", "Sentences ranged from three to 15 years, the court said.", "en", published="2026-03-01")
    same = article("b", "The court handed down sentences ranging from three to 15 years.", "en", published="2026-03-01")
    longer = article("c", "The court handed down sentences ranging from three to 20 years.", "en",
                     published="2026-03-01")
    report = run(setup, first, same, longer)
    # One dispute: 3-15 years (a and b, which agree) against 3-20 years, shown by one pair.
    [dispute] = [f for f in report.findings if f.kind in DISPUTES]
    claims = {c.id: c for c in report.claims}
    assert {claims[i].article for i in dispute.claims} == {"a", "b", "c"}
    [pair] = dispute.pairs
    assert sorted(claims[i].value.high for i in pair) == [15, 20]


def test_a_figure_of_an_earlier_stage_is_not_set_against_the_final_one(setup):
    report = run(setup, article("a", "صدرت في الطور الابتدائي أحكام بالسجن 66 عامًا.", published="2026-03-01"),
                 article("b", "وقضت محكمة الاستئناف بالسجن 45 عامًا.", published="2026-03-01"))
    assert [c.earlier for c in report.claims] == [True, False]
    assert not conflict_pairs(report)


def test_the_size_of_an_increase_is_not_the_new_level(setup):
    a = article("a", "رفعت الحكومة سعر لتر البنزين إلى 19 جنيهًا، بزيادة قدرها 2 جنيه.", published="2026-03-01")
    b = article("b", "A litre of petrol now costs 19 Egyptian pounds, an increase of 4 Egyptian pounds.",
                "en", published="2026-03-01")
    report = run(setup, a, b)
    assert {(c.predicate, c.value.low) for c in report.claims} >= {("increase", 2.0), ("price", 19.0)}
    assert [f.predicate for f in report.findings if f.kind in DISPUTES] == ["increase"]


@pytest.mark.parametrize("first, second, lang", [
    ("The ministry reported 68 suspected cases in the province.", "The ministry reported 20 confirmed cases in the province.",
     "en"),
    ("وكان على متن الطائرة 169 مواطنًا هنديًا.", "وكان على متن الطائرة 53 مواطنًا بريطانيًا.", "ar"),
])
def test_figures_that_count_differently_narrowed_groups_are_not_compared(setup, first, second, lang):
    report = run(setup, article("a", first, lang, published="2026-03-01"),
                 article("b", second, lang, published="2026-03-01"))
    assert all(c.modifiers for c in report.claims)
    assert not [f for f in report.findings if f.kind in DISPUTES]


def test_a_verb_after_an_arabic_counted_noun_does_not_narrow_it(setup):
    report = run(setup, article("a", "أعلنت الشركة أن طائرة على متنها 244 شخصا تحطمت اليوم."))
    assert [c.modifiers for c in report.claims] == [[]]


def test_an_age_at_an_event_is_not_the_age_now(setup):
    a = article("a", "Alexandr Wang, 28, founded the company at the age of 19.", "en", published="2026-03-01")
    b = article("b", "أسس ألكسندر وانغ الشركة في سن 19 عامًا، ويبلغ من العمر الآن 28 عامًا.", published="2026-03-01")
    report = run(setup, a, b)
    assert sorted((c.predicate, c.value.low) for c in report.claims) == [
        ("age", 28.0), ("age", 28.0), ("age_at", 19.0), ("age_at", 19.0)]
    assert not [f for f in report.findings if f.kind in DISPUTES]


def test_an_age_written_as_an_adjective_is_the_age_of_what_it_describes(setup):
    a = article("a", "Wiz, a five-year-old startup founded in Israel, agreed to the deal.", "en", published="2026-03-01")
    b = article("b", "Google buys a four-year-old cloud security startup.", "en", published="2026-03-01")
    c = article("c", "A 37-year-old firefighter also died in the blaze.", "en", published="2026-03-01")
    report = run(setup, a, b, c)
    assert {c.article: c.subject.text for c in report.claims} == {
        "a": "startup founded", "b": "cloud security startup", "c": "firefighter"}
    assert conflict_pairs(report) == [frozenset({"a", "b"})]  # never the firefighter's age


def test_the_parts_of_a_sum_are_compared_only_with_like_parts(setup):
    a = article("a", "Liverpool will pay £100 million plus £16 million in add-ons for the player.", "en",
                published="2026-03-01")
    b = article("b", "وسيدفع ليفربول 116 مليون جنيه إسترليني للحصول على اللاعب.", published="2026-03-01")
    c = article("c", "وتتضمن الصفقة دفعة أولية قدرها 100 مليون جنيه إسترليني و16 مليون جنيه إسترليني في شكل مكافآت.",
                published="2026-03-01")
    report = run(setup, a, b, c)
    parts = sorted((c.article, c.value.low, c.component) for c in report.claims)
    assert parts == [("a", 16e6, "addition"), ("a", 100e6, "base"), ("b", 116e6, None),
                     ("c", 16e6, "addition"), ("c", 100e6, "base")]
    assert not [f for f in report.findings if f.kind in DISPUTES]


def test_an_outlets_own_conversion_is_compared_only_with_conversions(setup):
    a = article("a", "فرضت المفوضية غرامة قدرها 500 مليون يورو (571 مليون دولار) على الشركة.", published="2025-04-23")
    b = article("b", "فرضت المفوضية غرامة قدرها 500 مليون يورو (587 مليون دولار) على الشركة.", published="2025-04-23")
    c = article("c", "The Commission fined the company $600 million on Wednesday.", "en", published="2025-04-23")
    report = run(setup, a, b, c)
    assert [cl.conversion for cl in report.claims if cl.value.kind == "quantity"] == [False, True, False, True, False]
    claims = {cl.id: cl for cl in report.claims}
    pairs = [pair for f in report.findings if f.kind in DISPUTES for pair in f.pairs]
    assert pairs and all(claims[x].conversion == claims[y].conversion for x, y in pairs)


def test_a_body_named_after_a_verb_of_saying_is_the_source(setup):
    report = run(setup, article("a", "وأعلنت شركة الطيران أن 242 شخصا كانوا على متن الطائرة. وقال إن 45 شخصا قتلوا."))
    assert [c.attribution for c in report.claims] == ["شركة الطيران", None]
