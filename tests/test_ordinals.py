"""Ranks are values of their own kind, named by what they rank."""

import pytest

from conftest import article, run


def ranks(setup, text, lang):
    return [(c.value.low, c.predicate_text) for c in run(setup, article("a", text, lang)).claims
            if c.value.dimension == "rank"]


@pytest.mark.parametrize("text, lang, expected", [
    ("It is the 16th outbreak of Ebola in the country since 1976.", "en", [(16.0, "outbreak")]),
    ("It marks the fourth major EU penalty against the tech giant.", "en", [(4.0, "penalty")]),
    ("He added a fifth goal four minutes from time.", "en", [(5.0, "goal")]),
    ("وهذه الغرامة الرابعة التي تفرضها المفوضية على الشركة.", "ar", [(4.0, "الغرامة")]),
    ("وهي ثاني عملية تسريح جماعي لها خلال أشهر.", "ar", [(2.0, "تسريح")]),
])
def test_a_rank_is_named_by_what_it_ranks(setup, text, lang, expected):
    assert ranks(setup, text, lang) == expected


@pytest.mark.parametrize("text, lang", [
    ("For the first time, the court ruled against the company.", "en"),
    ("وصل الوفد الساعة الثانية ظهرا.", "ar"),
])
def test_first_and_an_hour_are_no_ranks(setup, text, lang):
    assert ranks(setup, text, lang) == []


def test_two_outlets_giving_different_minutes_for_a_goal_conflict(setup):
    a = article("a", "Mayulu scored the fifth goal in the 86th minute.", "en", published="2026-03-01")
    b = article("b", "Mayulu scored the fifth goal in the 87th minute.", "en", published="2026-03-01")
    report = run(setup, a, b)
    conflicts = [f for f in report.findings if f.kind == "conflict"]
    assert [f.predicate for f in conflicts] == ["match_minute"]  # a minute of play, compared as one
