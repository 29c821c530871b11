"""Figures as pages print them, read by the extractor: each shape on a real sentence.

Sentences marked with an outlet come from benchmarks/realnews (the article's file
names its page); the others are invented to show one mark or sign at a time.
"""

from __future__ import annotations

import pytest
from conftest import article, run

from checker.extract.article import extract_claims

LRM, RLM, ZWJ = "\u200e", "\u200f", "\u200d"


def values(setup, lang: str, text: str, **meta) -> list[tuple[str, float | str | None, float | str | None]]:
    """(value as written, low, high) of every claim of a one-sentence article; quotes checked."""
    doc = article("a", text, lang, **meta)
    claims = extract_claims(doc, setup.languages[lang])
    for claim in claims:
        assert text[claim.span[0]:claim.span[1]] == claim.quote  # quotes stay verbatim
        assert text[claim.value_span[0]:claim.value_span[1]] == claim.value.text
    return [(c.value.text, c.value.low, c.value.high) for c in claims]


@pytest.mark.parametrize("lang, text, expected", [
    # score-uk (Algeria): thousands grouped by dots
    ("ar", "بلغ عدد المصوتين 5.320.000 من أصل 5.630.000 ناخب مسجل", ("5.630.000 ناخب", 5630000.0)),
    # invented: the marks web pages leave around and inside figures
    ("ar", f"قتل {RLM}1{LRM}500{RLM} شخص في الفيضانات.", (f"1{LRM}500{RLM} شخص", 1500.0)),
    ("en", f"Officials said 1{ZWJ},{ZWJ}240 people were evacuated.", (f"1{ZWJ},{ZWJ}240 people", 1240.0)),
    ("en", "The storm left 1\u00a0500 people homeless.", ("1\u00a0500 people", 1500.0)),
    # a lone dot before three digits groups thousands in a count (no count is a fraction)
    ("ar", "أسفر الحادث عن مقتل 1.500 شخص", ("1.500 شخص", 1500.0)),
])
def test_a_figure_is_read_whatever_marks_its_page_leaves(setup, lang, text, expected):
    written, number = expected
    assert (written, number, number) in values(setup, lang, text)


def test_a_lone_dot_before_three_digits_is_a_decimal_before_a_scale_word(ar):
    from checker.text.numbers import read_numbers
    from checker.text.tokens import tokenize
    tokens = tokenize("1.500 مليون دولار")
    [q] = read_numbers(tokens, ar, [])
    assert q.low == 1.5e6 and not q.dot_grouped


def test_a_non_breaking_hyphen_reads_as_a_hyphen(setup):
    text = "A 31\u2011year\u2011old firefighter died in the blaze."
    assert ("31\u2011year\u2011old", 31.0, 31.0) in values(setup, "en", text)


def test_a_sign_is_part_of_the_value(setup):
    [(_, low, high)] = values(setup, "en", "Growth in Norland was -2.5% last year, the central bank said.")
    assert low == high == -2.5
    report = run(setup, article("a", "Growth in Norland was -2.5% last year, the central bank said.", "en"),
                 article("b", "Growth in Norland was 2.5% last year, the central bank said.", "en"))
    assert [f.kind for f in report.findings if f.kind == "conflict"] == ["conflict"]
