"""A figure's frame read from its sentence: a table of real sentences of the corpus
(benchmarks/realnews, story/outlet named beside each), one shape a row."""

from __future__ import annotations

import pytest
from conftest import article

from checker.models import Frame
from checker.pipeline import read_claims


def frames(setup, text: str, lang: str) -> dict[str, Frame]:
    """Each quantity claim's frame, by the value as written."""
    _, claims, _ = read_claims([article("a", text, lang=lang)], setup)
    return {c.value.text: c.frame for c in claims if c.value.kind == "quantity" and c.frame is not None}


@pytest.mark.parametrize("lang, text, value, slot, expected", [
    # The subject of the words that lead to the figure (canada-federal-election-2025-en/particle-news).
    ("en", "• The Liberal Party won 43.7% of the vote, securing 169 seats to form a minority government.",
     "43.7%", "owner_text", "Liberal Party"),
    # "of the vote": what a share is of (same sentence).
    ("en", "• The Liberal Party won 43.7% of the vote, securing 169 seats to form a minority government.",
     "43.7%", "property", "vote"),
    # A list row: the name, a colon, its figure (canada-federal-election-2025-en/princegeorgecitizen).
    ("en", "• Liberal Party: 168 seats, with 43.5 per cent of the popular vote", "168 seats", "owner_text",
     "Liberal Party"),
    # The head of "the popular vote", not its adjective (same sentence).
    ("en", "• Liberal Party: 168 seats, with 43.5 per cent of the popular vote", "43.5 per cent", "property",
     "vote"),
    # The construct after a measure noun: "نسبة المشاركة" (algeria-presidential-election-2024-mixed/aladalalyaoum).
    ("ar", "كما تراجعت نسبة المشاركة إلى 46.1% مقارنةً بنسبة 48% في النتائج الأولية.", "46.1%", "property_text",
     "المشاركة"),
    # A year its clause dates it by (canada-federal-election-2025-en/particle-news).
    ("en", "• Elections Canada reports a preliminary voter turnout of over 68%, the highest since 1993 but "
           "below the 1958 record of 79.4%.", "79.4%", "time", "1958"),
    # A distance and the point it is measured from (washington-midair-collision-2025-mixed/ainewsbrew).
    ("en", "The crash occurred in one of the nation's most tightly controlled airspaces, just over three miles "
           "south of the White House.", "over three miles", "reference_text", "White House"),
])
def test_slots(setup, lang, text, value, slot, expected):
    assert getattr(frames(setup, text, lang)[value], slot) == expected


@pytest.mark.parametrize("lang, text, value, qualifier", [
    # drc-ebola-kasai-2025-en/africanews-sep25
    ("en", "The Africa Centers for Disease Control and Prevention reported last week that the outbreak has "
           "resulted in at least 16 deaths and 68 suspected cases since it was first announced earlier this "
           "month in Bulape.", "68 suspected cases", "status:suspected"),
    # "بينها": a part of the figure before (morocco-al-haouz-earthquake-2023-ar/almowaten).
    ("ar", "ارتفعت حصيلة ضحايا الزلزال العنيف الذي ضرب المغرب، السبت، إلى 1037 قتيلاً و1204 إصابات بينها 721 "
           "حالة حرجة وفق آخر حصيلة أعلنتها وزارة الداخلية المغربية.", "721 حالة", "part:subset"),
    # ea-pif-buyout-2025-mixed/marketscreener
    ("en", "Shareholders will receive $210 per share, a significant premium over its last closing price.",
     "$210", "rate:per_unit"),
    # "للتر الواحد": per litre (egypt-fuel-price-hike-2025-ar/elbadil).
    ("ar", "- وصل سعر لتر البنزين من عيار 95 إلى 19 جنيهًا للتر الواحد.", "19 جنيهًا", "rate:per_unit"),
    # An earlier stage of a trial (tunisia-conspiracy-appeal-verdict-2025-ar/tun24t).
    ("ar", "- تثبيت الأحكام الابتدائية المتمثلة في 33 عامًا مع النفاذ العاجل.", "33 عامًا", "stage:first_instance"),
    # A majority's threshold, not a party's seats (canada-federal-election-2025-en/princegeorgecitizen).
    ("en", "A party must win 172 seats to form a majority.", "172 seats", "requirement:needed"),
])
def test_qualifiers(setup, lang, text, value, qualifier):
    assert qualifier in frames(setup, text, lang)[value].qualifiers


def test_respectively_gives_each_figure_its_name(setup):
    # canada-federal-election-2025-en/princegeorgecitizen
    found = frames(setup, "• The Bloc Québécois and NDP each received 6.3% of the vote, holding 22 and 7 seats "
                          "respectively.", "en")
    assert (found["22"].owner_text, found["7 seats"].owner_text) == ("Bloc Québécois", "NDP")


def test_a_qualifier_belongs_to_the_figure_it_is_nearest(setup):
    # "مؤكدة" is the 20's, "مشتبه بها" the 68's: each figure its own words.
    found = frames(setup, "أكدت السلطات 20 حالة مؤكدة و68 حالة مشتبه بها.", "ar")
    assert [found[v].qualifiers for v in ("20 حالة مؤكدة", "68 حالة")] == [["status:confirmed"],
                                                                            ["status:suspected"]]


def test_a_poll_qualifies_every_figure_of_its_sentence(setup):
    # tunisia-presidential-election-2024-mixed/shine-xinhua-exitpoll
    found = frames(setup, "According to the estimated results of a poll by Sigma Conseil, a Tunisian survey "
                          "company, Saied won 89.2 percent of the vote, followed by Ayachi Zammel with 6.9 percent "
                          "and Zouhair Maghzaoui with 3.9 percent.", "en")
    assert all("result:poll" in frame.qualifiers for frame in found.values()) and len(found) == 3


def test_an_unread_slot_stays_empty(setup):
    # No cue: whose, what and when are left unknown, not guessed.
    [frame] = frames(setup, "Shareholders will receive $210.", "en").values()
    assert (frame.owner, frame.property, frame.time, frame.qualifiers) == (None, None, None, [])
