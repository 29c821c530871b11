"""Times of day are values of their own kind, read however an outlet writes them."""

import pytest
from conftest import article, run


def times(setup, text, lang):
    return [(c.value.text, c.value.low) for c in run(setup, article("a", text, lang)).claims
            if c.value.dimension == "time_of_day"]


@pytest.mark.parametrize("text, lang, expected", [
    ("The flight took off at 13:39 local time.", "en", [("13:39", 13 * 60 + 39)]),
    ("The plane lost contact with air traffic control at 1:39 PM.", "en", [("1:39 PM", 13 * 60 + 39)]),
    ("The fire was first reported at 2.51 p.m. on Wednesday.", "en", [("2.51 p.m.", 14 * 60 + 51)]),
    ("The polls closed at 8 o'clock.", "en", [("8 o'clock", 8 * 60)]),
    ("أقلعت الطائرة في تمام الساعة 1:38 ظهرًا.", "ar", [("1:38 ظهرًا", 13 * 60 + 38)]),
    ("تطبق الأسعار اعتبارًا من الساعة السادسة من صباح اليوم.", "ar", [("السادسة من صباح", 6 * 60)]),
    ("وصل الوفد الساعة الثانية عشرة والنصف ظهرًا.", "ar", [("الثانية عشرة والنصف ظهرًا", 12 * 60 + 30)]),
])
def test_a_time_of_day_is_read_in_minutes_since_midnight(setup, text, lang, expected):
    assert times(setup, text, lang) == expected


@pytest.mark.parametrize("text, lang", [
    ("Growth was 2.51 percent.", "en"),
    ("He scored 3 goals in 12 minutes.", "en"),
    ("فازت في المرة الثانية.", "ar"),
])
def test_a_number_with_nothing_that_makes_it_a_time_is_no_time(setup, text, lang):
    assert times(setup, text, lang) == []


def test_the_words_of_an_hour_are_no_quantity(setup):
    report = run(setup, article("a", "وصل الوفد الساعة الثانية عشرة والنصف ظهرًا."))
    assert [c.value.dimension for c in report.claims] == ["time_of_day"]


def test_two_times_a_minute_apart_conflict_and_a_rough_one_does_not(setup):
    exact = article("a", "The flight took off at 13:39 local time.", "en", published="2026-03-01")
    other = article("b", "The flight took off at 1:38 PM local time.", "en", published="2026-03-01")
    rough = article("c", "The flight took off at around 1:45 p.m. local time.", "en", published="2026-03-01")
    report = run(setup, exact, other, rough)
    assert [c.value.qualifier for c in report.claims] == [None, None, "about"]
    pairs = [frozenset(report_claim.article for report_claim in report.claims if report_claim.id in pair)
             for f in report.findings if f.kind == "conflict" for pair in f.pairs]
    assert pairs == [frozenset({"a", "b"})]
