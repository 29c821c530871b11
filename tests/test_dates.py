"""Date claims: month names in both Arabic systems, days, weekdays, years,
seasons, relative words; and how two dates are judged compatible."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import ROOT, article, conflict_pairs, run

from checker.extract.article import extract_claims
from checker.extract.dates import resolve_year
from checker.judge.values import same_category
from checker.models import Value


@pytest.mark.parametrize("month, relative, published, year", [
    (4, "last", date(2025, 6, 10), 2025),
    (4, "last", date(2025, 3, 1), 2024),
    (4, "last", date(2025, 4, 20), 2024),
    (3, "next", date(2025, 6, 1), 2026),
    (4, "last", None, None),
    (4, None, date(2025, 6, 1), None),  # a month alone: no year
])
def test_relative_months_resolve_against_publication(month, relative, published, year):
    assert resolve_year(month, relative, published) == year


def dates(lex, text, lang="ar", published=None):
    return [(c.predicate, c.value.low) for c in extract_claims(article("a", text, lang, published=published), lex)
            if c.value.kind == "date"]


def test_arabic_month_systems_and_relative_dates(ar):
    assert dates(ar, "وتتولى ليلى حداد مهامها الجديدة في مارس/آذار 2024.") == [("start_date", "2024-03-01")]
    assert dates(ar, "وتتولى ليلى حداد مهامها الجديدة في آذار 2024.") == [("start_date", "2024-03-01")]
    assert dates(ar, "أطلقت شركة نوفا نموذجها الجديد في أبريل الماضي.",
                 published=date(2025, 6, 2)) == [("release_date", "2025-04-01")]
    assert dates(ar, "أطلقت شركة نوفا نموذجها الجديد في نيسان الماضي.") == [("release_date", "--04")]


def test_dates_named_outright_are_claims_named_by_their_words(ar, en):
    """A date with no trigger is a claim of its own, a "date" its words will align;
    a trigger in another clause does not name it; "may" the verb is no month."""
    assert dates(ar, "وغادر بعضهم منذ يناير 2023، وبقي آخرون حتى إصدار النموذج الثالث.") == [("date", "2023-01-01")]
    assert dates(en, "The rain began in May and never stopped.", "en") == [("date", "--05")]
    assert dates(en, "Officials may release the figures later.", "en") == []


def test_release_dates_conflict_and_month_only_agrees(setup):
    a = article("a", "Nova launched its Orion model in April 2025, the company said.", "en")
    b = article("b", "Nova launched its Orion model in June 2025, according to analysts.", "en")
    c = article("c", "أطلقت Nova نموذج Orion في أبريل الماضي.")
    report = run(setup, a, b, c)
    pairs = conflict_pairs(report)
    assert frozenset({"a", "b"}) in pairs
    assert frozenset({"a", "c"}) not in pairs


def test_start_date_agrees_across_arabic_and_english(setup):
    from checker.ingest import load_articles
    from checker.pipeline import check

    articles, _ = load_articles([ROOT / "tests" / "articles" / "appointment_en_ar"])
    report = check(articles, setup)
    agreements = [f for f in report.findings if f.kind == "agreement" and f.predicate == "start_date"]
    assert agreements and {c.split("#")[0] for c in agreements[0].claims} == {"ar_appointment", "en_appointment"}


def test_weekdays_resolve_to_the_latest_such_day_before_publication(ar, en):
    friday = date(2025, 3, 14)
    assert dates(ar, "وقّعت شركة نوفا أمس الخميس اتفاقًا مع شركة أوريون.", published=friday) \
        == [("deal_date", "2025-03-13")]
    # A weekday that is the publication day itself is that day, not a week earlier.
    assert dates(en, "The storm hit the coast on Friday, officials said.", "en", published=friday) \
        == [("event_date", "2025-03-14")]
    # Without a publication date a weekday cannot be placed, so it is no claim.
    assert dates(ar, "وقّعت شركة نوفا يوم الخميس اتفاقًا مع شركة أوريون.") == []


def test_day_of_the_month_in_both_orders(ar, en):
    assert dates(ar, "وقّعت شركة نوفا في 13 مارس 2025 اتفاقًا مع شركة أوريون.") == [("deal_date", "2025-03-13")]
    assert dates(en, "The quake struck on June 1, 2025, near the border.", "en") == [("event_date", "2025-06-01")]


def test_a_date_set_off_by_commas_keeps_its_trigger(ar):
    text = "أعلنت مجموعة نوفا، أمس الخميس، توقيع اتفاق مع شركة أوريون."
    assert dates(ar, text, published=date(2025, 3, 14)) == [("deal_date", "2025-03-13")]


def test_different_days_of_one_event_conflict_but_a_day_agrees_with_its_month(setup):
    tuesday = date(2025, 10, 7)
    a = article("a", "The earthquake struck Alvena on Sunday, officials said.", "en", published=tuesday)
    b = article("b", "The earthquake struck Alvena on Saturday, officials said.", "en", published=tuesday)
    c = article("c", "The earthquake struck Alvena in October 2025, officials said.", "en")
    pairs = conflict_pairs(run(setup, a, b, c))
    assert frozenset({"a", "b"}) in pairs
    assert frozenset({"a", "c"}) not in pairs and frozenset({"b", "c"}) not in pairs


def test_years_seasons_and_relative_months(ar, en):
    june = date(2025, 6, 10)
    assert dates(en, "Layla Haddad joined Solvane in 2012 as a manager.", "en") \
        == [("join_date", "2012-01-01")]
    assert dates(ar, "وتعتزم شركة نوفا إطلاق النموذج في ربيع العام المقبل.", published=june) \
        == [("release_date", "2026-03-01")]
    assert dates(ar, "أطلقت شركة نوفا نموذجها الجديد الشهر الماضي.", published=june) == [("release_date", "2025-05-01")]
    assert dates(en, "Nova released the model earlier this month.", "en", published=june) \
        == [("release_date", "2025-06-01")]


def test_a_year_agrees_with_a_day_inside_it_and_winter_crosses_the_year():
    def value(low, high):
        return Value(kind="date", text="", low=low, high=high)

    assert same_category(value("2025-01-01", "2025-12-31"), value("2025-03-13", "2025-03-13"))
    assert not same_category(value("2024-01-01", "2024-12-31"), value("2025-03-13", "2025-03-13"))
    assert same_category(value("--01", "--01"), value("2025-12-01", "2026-02-28"))
    assert not same_category(value("--06", "--06"), value("2025-12-01", "2026-02-28"))


def test_weeks_and_counting_back_from_publication(ar, en):
    thursday = date(2025, 6, 12)
    assert dates(en, "Nova released the model earlier this week.", "en", published=thursday) \
        == [("release_date", "2025-06-09")]
    assert dates(ar, "أطلقت شركة نوفا نموذجها الجديد الأسبوع الماضي.", published=thursday) \
        == [("release_date", "2025-06-02")]
    assert dates(ar, "أطلقت شركة نوفا نموذجها الجديد قبل 3 أيام.", published=thursday) \
        == [("release_date", "2025-06-09")]
    assert dates(ar, "أطلقت شركة نوفا نموذجها الجديد منذ يومين.", published=thursday) \
        == [("release_date", "2025-06-10")]
    assert dates(en, "Nova launched the model three days ago.", "en", published=thursday) \
        == [("release_date", "2025-06-09")]


def test_founding_years(ar, en):
    assert dates(ar, "وتأسست شركة «نوفا» عام 2011، ويعمل بها 300 موظف.") == [("founded", "2011-01-01")]
    assert dates(en, "Nova was founded in 2009 by two engineers.", "en") == [("founded", "2009-01-01")]


@pytest.mark.parametrize("day, month, published, year", [
    (7, 9, date(2024, 9, 9), 2024),    # "September 7", two days before
    (20, 1, date(2025, 3, 4), 2025),   # "January 20", weeks before
    (28, 12, date(2025, 1, 3), 2024),  # "December 28": the year before
    (18, 3, date(2025, 10, 1), 2025),  # six months back rather than six ahead: news looks back
])
def test_a_day_without_its_year_is_the_nearest_one_to_publication(day, month, published, year):
    assert resolve_year(month, None, published, day) == year


def test_an_american_date_keeps_its_day_and_an_abbreviated_month_its_dot(en):
    text = "The trial began on Sept. 2 in Avignon, and the fire started Jan. 7 amid strong winds."
    found = [(c.value.text, c.value.low) for c in extract_claims(
        article("a", text, "en", published="2025-10-01"), en) if c.value.kind == "date"]
    assert found == [("Sept. 2", "2025-09-02"), ("Jan. 7", "2025-01-07")]
    assert not [c for c in extract_claims(article("a", text, "en", published="2025-10-01"), en)
                if c.value.kind == "quantity"]  # the days are no counts


def test_a_day_and_month_without_a_year_agree_only_with_that_day():
    undated = Value(kind="date", text="September 7", low="--09-07", high="--09-07")
    assert same_category(undated, Value(kind="date", text="7 Sep 2024", low="2024-09-07", high="2024-09-07"))
    assert not same_category(undated, Value(kind="date", text="8 Sep 2024", low="2024-09-08", high="2024-09-08"))
    assert same_category(undated, Value(kind="date", text="September", low="--09", high="--09"))


@pytest.mark.parametrize("text, published, low", [
    # uae84-mass-trial-verdicts-2024-ar/alarab: a day's ordinal before "من" and a month
    ("والتأجيل إلى جلسة الثامن من أفريل المقبل للنظر في الطعن.", date(2025, 3, 5), "2025-04-08"),
    # saudi-conjoined-twins-celine-eileen-2025-ar/sabaq24: an ordinal and its tens; the year after "عام"
    ("وتمت الولادة بعملية قيصرية في مستشفى رفيق الحريري بمدينة بيروت في الثامن والعشرين من فبراير عام 2024.",
     date(2025, 8, 1), "2024-02-28"),
    # gaza-polio-vaccination-2024-mixed/sauress-alriyadh: both month systems after the ordinal
    ("ومنذ نشوب الحرب التي أعقبت هجمات مباغتة لحركة حماس وفصائل فلسطينية أخرى على إسرائيل في السابع من "
     "تشرين الأول/ أكتوبر، لم يتلق العديد من الرضع في قطاع غزة التطعيمات.", date(2024, 2, 1), "2023-10-07"),
])
def test_a_days_ordinal_word_before_its_month(ar, text, published, low):
    assert low in [v for _, v in dates(ar, text, published=published)]
    ranks = [c for c in extract_claims(article("a", text, "ar", published=published), ar) if c.value.unit == "rank"]
    assert ranks == []  # "الثامن" here ranks no session


def test_a_days_digits_and_the_word_for_month(ar):
    # egypt-fuel-price-hike-2025-ar/elbadil: "17" is the day, no count of months
    text = ("زادت أسعار البنزين والسولار مع تطبيقها اليوم الجمعة الموافق 17 من شهر أكتوبر، فيما أن هذه "
            "الزيادة تراوحت نسبتها من 20 لـ 25%.")
    doc = article("a", text, "ar", published=date(2025, 10, 17))
    claims = extract_claims(doc, ar)
    assert ("date", "2025-10-17") in [(c.predicate, c.value.low) for c in claims if c.value.text.startswith("17")]
    assert not [c for c in claims if c.value.unit == "month"]


def test_an_english_ordinal_day(en):
    assert dates(en, "The hearing was adjourned to the eighth of April.", "en", date(2025, 3, 1)) == \
        [("date", "2025-04-08")]
