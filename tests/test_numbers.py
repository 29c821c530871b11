import pytest

from checker.text.numbers import read_numbers
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
