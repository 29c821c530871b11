import pytest

from checker.text.normalize import fold
from checker.text.segment import split_sentences
from checker.text.tokens import tokenize, tokenize_range


@pytest.mark.parametrize("raw, folded", [
    ("أحمد", "احمد"), ("إسلام", "اسلام"), ("آخر", "اخر"),
    ("مدرسة", "مدرسه"), ("مستشفى", "مستشفي"),
    ("عامًا", "عاما"), ("مُحَمَّد", "محمد"), ("بـ", "ب"),
    ("٢٨", "28"), ("١٤٫٣", "14.3"), ("۱۲", "12"), ("١٬٤١١", "1,411"),
    ("Meta", "meta"),
])
def test_fold(raw, folded):
    assert fold(raw) == folded


def test_tokens_keep_diacritics_inside_words_and_split_scripts():
    tokens = tokenize("عامًا وLlama بـ14.3")
    assert [t.text for t in tokens] == ["عامًا", "و", "Llama", "بـ", "14.3"]
    assert [t.kind for t in tokens] == ["word", "word", "word", "word", "num"]


def test_tokenize_range_matches_tokenizing_the_slice():
    text = "قال: شركة «نوفا» وظفت ١٢ باحثا. Orbis Labs hired 2.5bn"
    for start, end in [(0, len(text)), (5, 30), (31, len(text))]:
        assert tokenize_range(text, start, end) == tokenize(text[start:end], start)


def test_sentences_do_not_split_decimals_and_spans_are_exact():
    text = "استثمرت الشركة 14.3 مليار دولار. وقال المدير إن الصفقة كبيرة!\nعنوان"
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == ["استثمرت الشركة 14.3 مليار دولار.",
                                           "وقال المدير إن الصفقة كبيرة!", "عنوان"]
    assert all(text[s.start:s.end] == s.text for s in sentences)


def test_the_future_marker_comes_off_verbs_only(ar):
    assert fold("تلغى") in ar.variants(fold("ستلغى"))
    assert fold("يتولى") in ar.variants(fold("وسيتولى"))
    assert not ar.is_stopword(fold("سهى"))  # a name, not "هي"
    assert ar.stem(fold("سباق")) == fold("سباق")


def test_latin_accents_fold_so_that_names_match_however_an_outlet_writes_them():
    assert fold("Bloc Québécois") == fold("Bloc Quebecois")
    assert fold("Sánchez") == "sanchez"


def test_a_title_or_an_abbreviated_month_does_not_end_a_sentence():
    texts = [s.text for s in split_sentences("Capt. Sumeet Sabharwal flew it. The trial began Sept. 2. He left in Jan. Then")]
    assert texts == ["Capt. Sumeet Sabharwal flew it.", "The trial began Sept. 2.", "He left in Jan.", "Then"]
