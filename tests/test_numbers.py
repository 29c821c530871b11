import pytest

from checker.text.numbers import digit_step, read_numbers
from checker.text.tokens import tokenize


def numbers(lex, text):
    tokens = tokenize(text)
    phrases = lex.index.annotate(tokens)
    return [(q.low, q.high) for q in read_numbers(tokens, lex, phrases.get("vague", []))]


@pytest.mark.parametrize("text, expected", [
    ("14.3 مليار", (14.3e9, 14.3e9)),
    ("١٤٫٣ مليار", (14.3e9, 14.3e9)),
    ("100 مليون", (1e8, 1e8)),
    ("مئات الملايين", (2e8, 1e9 - 1)),
    ("مئات الملايين من الدولارات", (2e8, 1e9 - 1)),
    ("تسعة أرقام", (1e8, 1e9 - 1)),
    ("اثني عشر", (12, 12)),
    ("اثنا عشر", (12, 12)),
    ("ثلاث", (3, 3)),
    ("ثلاثة وعشرون", (23, 23)),
    ("عشرين", (20, 20)),
    ("ثلاثمائة", (300, 300)),
    ("ثلاث مئة", (300, 300)),
    ("مائة", (100, 100)),
    ("خمسة آلاف", (5000, 5000)),
    ("1,411", (1411, 1411)),
    ("عشرات", (20, 99)),
    ("مليار ونصف المليار", (1.5e9, 1.5e9)),
    ("مليون وربع", (1.25e6, 1.25e6)),
    ("ملياري دولار", (2e9, 2e9)),
    ("3 ملايين و نصف", (3.5e6, 3.5e6)),
])
def test_arabic_numbers(ar, text, expected):
    assert numbers(ar, text) == [expected]


@pytest.mark.parametrize("text, expected", [
    ("twenty-three", (23, 23)),
    ("three hundred and five", (305, 305)),
    ("$2.5bn", (2.5e9, 2.5e9)),
    ("hundreds of millions", (2e8, 1e9 - 1)),
    ("a nine-figure sum", (1e8, 1e9 - 1)),
    ("a dozen", (12, 12)),
    ("4 million", (4e6, 4e6)),
])
def test_english_numbers(en, text, expected):
    assert numbers(en, text) == [expected]


def test_version_numbers_and_separate_numbers(ar, en):
    assert numbers(ar, "أطلقت Llama 4 في أبريل") == []
    assert numbers(ar, "ثلاثة وعشرون وثلاث مئة") == [(23, 23), (300, 300)]
    assert numbers(en, "I'm sure") == []


@pytest.mark.parametrize("text, step", [
    ("232", 1.0), ("230", 1.0), ("100", 1.0), ("46.10", 0.01), ("2,5", 0.1),
    ("904,000", 1000.0), ("40,000", 1000.0), ("14,000,000", 1e6), ("2000", 1000.0),
])
def test_the_step_of_a_figure_is_the_place_of_its_last_digit(text, step):
    assert digit_step(text) == step


@pytest.mark.parametrize("text, step", [
    ("14 billion", 1e9), ("14.3 billion", 1e8), ("$2.5bn", 1e8), ("a dozen", 1.0),
])
def test_a_scale_word_scales_the_step(en, text, step):
    tokens = tokenize(text)
    [q] = read_numbers(tokens, en, en.index.annotate(tokens).get("vague", []))
    assert q.step == pytest.approx(step)


def test_arabic_steps_with_fractions_and_remainders(ar):
    for text, step in (("مليار ونصف المليار", 5e8), ("13 ألفا و500", 1.0), ("14.3 مليار", 1e8)):
        tokens = tokenize(text)
        [q] = read_numbers(tokens, ar, ar.index.annotate(tokens).get("vague", []))
        assert q.step == pytest.approx(step), text


@pytest.mark.parametrize("text, expected", [
    ("one seat", [(1.0, 1.0)]), ("one Canadian national", [(1.0, 1.0)]),
    ("one of the worst fires", []), ("it was one thing", []),
])
def test_one_is_a_count_only_before_what_it_counts(en, text, expected):
    assert numbers(en, text) == expected


# --- marks, separators and signs (issue 18 item 5, issue 17 item 2) -------------------

LRM, RLM, ALM, ZWJ, ZWSP, FSI, PDI = "\u200e", "\u200f", "\u061c", "\u200d", "\u200b", "\u2068", "\u2069"


@pytest.mark.parametrize("lang, text, expected", [
    # Bidi marks and zero-width characters inside or around a number are read as nothing.
    ("ar", f"قتل {RLM}1{LRM}500{RLM} شخص", (1500, 1500)),
    ("ar", f"{ALM}٢٨{ALM} عامًا", (28, 28)),
    ("en", f"1{ZWJ},{ZWJ}250 people", (1250, 1250)),
    ("en", f"{FSI}14.3{PDI} billion", (14.3e9, 14.3e9)),
    ("en", f"{ZWSP}2{ZWSP}5 people", (25, 25)),
    # No-break and thin spaces group digits in threes; an ordinary space never does.
    ("en", "1\u00a0500\u00a0000 dollars", (1.5e6, 1.5e6)),
    ("ar", "12\u202f345\u202f678 ناخبا", (12345678, 12345678)),
    ("en", "1\u2009500 people", (1500, 1500)),
    # Thousands grouped by dots, and a comma as the decimal point after them.
    ("ar", "من أصل 5.630.000 ناخب مسجل", (5630000, 5630000)),
    ("ar", "(12.345.678) ناخبا", (12345678, 12345678)),
    ("en", "1.234.567,89 euros", (1234567.89, 1234567.89)),
    ("en", "a turnout of 81,4%", (81.4, 81.4)),
    # A sign glued to the number is part of its value.
    ("en", "growth of -2.5%", (-2.5, -2.5)),
    ("en", "growth of \u22122.5%", (-2.5, -2.5)),
    ("en", "(+4%)", (4, 4)),
])
def test_marks_separators_and_signs(setup, lang, text, expected):
    assert numbers(setup.languages[lang], text) == [expected]


@pytest.mark.parametrize("text, expected", [
    ("1 500", [(1, 1), (500, 500)]),  # an ordinary space parts two numbers
    ("10-15 years", [(10, 10), (15, 15)]),  # a hyphen between numbers is no sign (a range's ends)
    ("GPT-4 and 95.217.235.12", []),  # a version, an address
])
def test_what_is_not_a_grouping_or_a_sign(en, text, expected):
    assert numbers(en, text) == expected


@pytest.mark.parametrize("text, step", [
    ("5.630.000", 1000.0), ("1 500 000", 1000.0), ("1.234.567,89", 0.01), ("81,4", 0.1),
])
def test_the_step_of_grouped_figures(text, step):
    assert digit_step(text) == step
