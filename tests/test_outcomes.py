"""Outcomes that are not numbers (a verdict, an official response, an appeal, who won,
a direction), a match's score and the minutes of play: read from real sentences of
benchmarks/realnews (story/outlet), and judged on small invented articles."""

from __future__ import annotations

import pytest
from conftest import article, run

from checker.extract.article import extract_claims
from checker.knowledge.ontology import OUTCOME


def said(setup, lang: str, text: str, **meta) -> list[tuple[str, object, str]]:
    """(predicate, value, words as written) of the outcomes, scores and minutes of a sentence."""
    doc = article("a", text, lang, **meta)
    out = []
    for claim in extract_claims(doc, setup.languages[lang]):
        if claim.value.dimension in (OUTCOME, "score", "minute_of_play"):
            assert text[claim.value_span[0]:claim.value_span[1]] == claim.value.text
            out.append((claim.predicate, claim.value.low, claim.value.text))
    return out


REAL = [
    ("en", "eu-google-adtech-fine-2025-en/todaysgeneralcounsel",
     "Google has stated it will appeal, calling the decision unjustified and harmful to European businesses.",
     ("appeal", "will_appeal", "will appeal")),
    ("en", "eu-google-adtech-fine-2025-en/tippinsights", "Google criticized the ruling as unjustified, vowing to appeal.",
     ("appeal", "will_appeal", "vowing to appeal")),
    ("en", "eu-google-adtech-fine-2025-en/quasa",
     "Google has promised to appeal the decision, signaling another contentious chapter in its ongoing battle with "
     "EU regulators.", ("appeal", "will_appeal", "has promised to appeal")),
    ("en", "pelicot-verdict-2024-en/globalnews",
     "Of the 50 accused of rape, just one was acquitted but was found guilty of aggravated sexual assault.",
     ("verdict", "acquitted", "was acquitted")),
    ("en", "pelicot-verdict-2024-en/globalnews",
     "Of the 50 accused of rape, just one was acquitted but was found guilty of aggravated sexual assault.",
     ("verdict", "convicted", "was found guilty")),
    ("ar", "tunisia-conspiracy-appeal-verdict-2025-ar/sputnik-arabic",
     "وتراوحت العقوبات السجنية بحق الموقوفين بين 10 و45 عاما، وفق مصدر قضائي لوكالة أنباء \"تونس أفريقيا\" للأنباء، "
     "في حين صدر حكم بعدم سماع الدعوى بحق أحد الموقوفين.", ("verdict", "acquitted", "بعدم سماع الدعوى")),
    # a final score beside a word of the result; the larger side first
    ("en", "ucl-final-psg-inter-2025-en/footballyse",
     "Paris Saint-Germain made history on Saturday night in Munich, crushing Inter Milan 5-0 to claim their "
     "first-ever UEFA Champions League trophy in stunning fashion.", ("match_score", "5-0", "5-0")),
    ("en", "ucl-final-psg-inter-2025-en/bbc", "FT: PSG 5-0 Inter Milan", ("match_score", "5-0", "5-0")),
    ("en", "ucl-final-psg-inter-2025-en/dunyanews",
     "MUNICH (Reuters) - Teenager Desire Doue scored twice to inspire Paris St Germain to their first European Cup "
     "triumph with a crushing 5-0 victory over Inter Milan on Saturday, the biggest winning margin in the final of "
     "the continent's premier club competition.", ("match_score", "5-0", "5-0")),
    # minutes of play
    ("en", "ucl-final-psg-inter-2025-en/hemeranetworks", "86’MayuluBarcola5-0", ("match_minute", 86.0, "86’")),
    ("en", "ucl-final-psg-inter-2025-en/emirates247",
     "French midfielder Désiré Doué added two goals in the 20th and 63rd minutes, while Georgian star Khvicha "
     "Kvaratskhelia netted in the 73rd.", ("match_minute", 63.0, "63rd minutes")),
    ("en", "ucl-final-psg-inter-2025-en/footballyse",
     "Just 12 minutes in, Vitinha slipped a clever pass behind Inter’s defense for Doué, who squared it perfectly "
     "for Achraf Hakimi to tap home the opener.", ("match_minute", 12.0, "12 minutes in")),
]


@pytest.mark.parametrize("lang, source, text, expected", REAL, ids=[f"{r[1]}:{r[3][2]}" for r in REAL])
def test_real_sentences(setup, lang, source, text, expected):
    assert expected in said(setup, lang, text), source


def test_the_first_of_two_ordinal_minutes_is_read_too(setup):
    text = ("French midfielder Désiré Doué added two goals in the 20th and 63rd minutes, while Georgian star "
            "Khvicha Kvaratskhelia netted in the 73rd.")
    minutes = sorted(v for p, v, _ in said(setup, "en", text) if p == "match_minute")
    assert minutes == [20.0, 63.0]


ALBAYAN = ("قاد النجم أكرم عفيف منتخب قطر للاحتفاظ بلقب كأس آسيا في كرة القدم، بتحقيق الفوز على منتخب الأردن "
           "3 - 1، أمس، باستاد لوسيل، مسجلاً الأهداف الثلاثة من 3 ركلات جزاء، في الدقائق 22، 73، و(90 + 5)، فيما "
           "سجل يزن النعيمات هدف الأردن في الدقيقة 68.")  # asian-cup-final-qatar-jordan-2024-mixed/albayan


def test_a_spaced_score_and_a_list_of_minutes_with_added_time(setup):
    """A score spaced around its dash is one; added time counts from the period's end ("90 + 5"
    is 95); the numbers of a score or of listed minutes count nothing else."""
    found = said(setup, "ar", ALBAYAN)
    assert ("match_score", "3-1", "3 - 1") in found
    assert sorted(v for p, v, _ in found if p == "match_minute") == [22.0, 68.0, 73.0, 95.0]
    doc = article("a", ALBAYAN, "ar")
    counts = [c.value.low for c in extract_claims(doc, setup.languages["ar"]) if c.value.unit not in
              ("score", "minute_of_play")]
    assert not {1.0, 5.0, 73.0, 90.0} & set(counts), counts


def test_added_time_after_a_minute_cue(setup):
    text = "وأضاف عفيف الهدف الثالث في الدقيقة 90 +4 بركلة جزاء كذلك."  # asian-cup-final-qatar-jordan-2024-mixed/hala-news
    assert ("match_minute", 94.0, "في الدقيقة 90 +4") in said(setup, "ar", text)


@pytest.mark.parametrize("lang, text", [
    # a running score is no result ("made it 4-0"); another match's is set apart by its year
    ("en", "With just under 20 minutes remaining, Kvaratskhelia made it 4-0, scoring the goal his performance deserved."),
    ("en", "Vitinha slipped a clever pass behind the defense for Doué."),  # "slipped" is no fall
    ("ar", "ويشير هذا التحول إلى تراجع جوهري عن نهج المصادر المفتوحة."),  # a retreat from a policy: nothing measured
    ("ar", "صدرت إدانة دولية واسعة للهجوم."),  # a condemnation, not a conviction
    # canada-federal-election-2025-en/cp24: the one who "has been defeated" lost; no winner is named
    ("en", "Conservative Party leader Pierre Poilievre has been defeated in Carleton, ending his nearly "
           "two-decade tenure as a Member of Parliament in the Ottawa-area riding."),
])
def test_what_is_no_outcome(setup, lang, text):
    assert said(setup, lang, text) == []


def test_another_matchs_score_carries_its_year(setup):
    text = "• Largest final win: The 5-0 score surpasses Real Madrid’s 4-0 victory in 1960 as the biggest in a European Cup decider."
    doc = article("a", text, "en", published=None)
    years = {c.value.low: c.event_year for c in extract_claims(doc, setup.languages["en"]) if c.predicate == "match_score"}
    assert years.get("4-0") == 1960


@pytest.mark.parametrize("lang, text, value", [
    ("ar", "وفاز الفريق على منافسه بثلاثية نظيفة في المباراة النهائية أمس.", "3-0"),
    ("ar", "وتغلب الفريق على ضيفه بهدفين مقابل هدف في المباراة.", "2-1"),
    ("en", "Norland lost 0-5 to Vessia in the final on Sunday night.", "5-0"),
])
def test_scores_in_words_and_in_a_loss(setup, lang, text, value):
    assert value in [v for p, v, _ in said(setup, lang, text) if p == "match_score"]


# --- judged: two incompatible outcomes for one subject (and charge) conflict ------------------

def conflicts(report):
    claims = {c.id: c for c in report.claims}
    return [(f.predicate, sorted(claims[i].quote for i in f.claims)) for f in report.findings if f.kind == "conflict"]


def test_convicted_and_acquitted_of_one_charge_conflict_with_both_quotes(setup):
    a = article("a", "A court in Norland found Marek Halden guilty of fraud on Tuesday, judges said.", "en")
    b = article("b", "A court in Norland acquitted Marek Halden of fraud on Tuesday, his lawyer said.", "en")
    assert conflicts(run(setup, a, b)) == [("verdict", sorted([a.text, b.text]))]


def test_verdicts_on_different_charges_do_not_conflict(setup):
    a = article("a", "A court in Norland found Marek Halden guilty of fraud on Tuesday, judges said.", "en")
    b = article("b", "A court in Norland acquitted Marek Halden of bribery on Tuesday, his lawyer said.", "en")
    assert conflicts(run(setup, a, b)) == []


def test_two_wordings_of_one_verdict_agree(setup):
    a = article("a", "A court in Norland found Marek Halden guilty of fraud on Tuesday, judges said.", "en")
    b = article("b", "Marek Halden was convicted of fraud by a court in Norland on Tuesday.", "en")
    report = run(setup, a, b)
    assert conflicts(report) == [] and any(f.kind == "agreement" and f.predicate == "verdict" for f in report.findings)


def test_an_official_response_conflicts_with_another(setup):
    a = article("a", "Orbis Labs declined to comment on the report about the deal.", "en")
    b = article("b", "نفت شركة Orbis Labs صحة التقارير عن الصفقة في بيان اليوم.", "ar")
    c = article("c", "Orbis Labs confirmed the report about the deal in a statement.", "en")
    found = conflicts(run(setup, a, c))
    assert found and found[0][0] == "official_response"
    assert said(setup, "ar", b.text)[0][:2] == ("official_response", "denied")


def test_two_final_scores_conflict_and_a_loss_agrees_with_the_win(setup):
    win = article("a", "Vessia beat Norland 5-0 in the final on Sunday night.", "en")
    loss = article("b", "Norland lost 0-5 to Vessia in the final on Sunday night.", "en")
    other = article("c", "Vessia beat Norland 4-0 in the final on Sunday night.", "en")
    report = run(setup, win, loss, other)
    scores = [f for f in report.findings if f.kind == "conflict" and f.predicate == "match_score"]
    claims = {c.id: c for c in report.claims}
    assert scores and all({claims[i].article for i in pair} & {"c"} for f in scores for pair in f.pairs)


def test_a_fall_is_negative_where_the_lexicon_says_so(setup):
    doc = article("a", "Inflation in Norland fell 2.5% in March, the statistics office said.", "en")
    [growth] = [c for c in extract_claims(doc, setup.languages["en"]) if c.predicate == "growth"]
    assert growth.value.low == growth.value.high == -2.5
    up = article("b", "Inflation in Norland rose 2.5% in March, the statistics office said.", "en")
    [rise] = [c for c in extract_claims(up, setup.languages["en"]) if c.predicate == "growth"]
    assert rise.value.low == 2.5


def test_prices_unchanged_and_prices_raised_conflict(setup):
    a = article("a", "The central bank of Norland kept interest rates unchanged on Thursday.", "en")
    b = article("b", "In Norland, interest rates rose on Thursday after the central bank met.", "en")
    assert [p for p, _ in conflicts(run(setup, a, b))] == ["direction"]
