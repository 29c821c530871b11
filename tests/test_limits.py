"""Limits: long unpunctuated text is cut into bounded sentences; an article's claims are capped."""

from __future__ import annotations

import pytest

from checker.limits import MAX_SENTENCE_CHARS
from checker.pipeline import check
from checker.text.segment import split_sentences
from conftest import article


@pytest.mark.parametrize("text", [
    " ".join(["the company hired 300 workers"] * 400),          # words, no punctuation
    "x" * (3 * MAX_SENTENCE_CHARS + 7),                          # no space either
    "، ".join(["قالت الشركة إنها عينت 300 موظف"] * 200),          # commas only
    "e\u0301" * (MAX_SENTENCE_CHARS + 3),                       # letters with combining accents
])
def test_a_sentence_never_exceeds_the_limit_and_spans_stay_exact(text):
    sentences = split_sentences(text)
    assert len(sentences) > 1
    assert all(len(s.text) <= MAX_SENTENCE_CHARS for s in sentences)
    assert all(text[s.start:s.end] == s.text for s in sentences)
    assert [s.index for s in sentences] == list(range(len(sentences)))
    # Nothing lost but the spaces where a piece was cut.
    assert "".join(s.text for s in sentences).replace(" ", "") == text.replace(" ", "")


def test_cuts_prefer_a_comma_then_a_space():
    text = ("word " * 150 + "end, ") * 4
    first = split_sentences(text)[0]
    assert first.text.endswith("end,")
    text = "word " * 400
    assert all(s.text.endswith("word") for s in split_sentences(text))


def test_combining_marks_stay_with_their_letter():
    text = "e\u0301" * (MAX_SENTENCE_CHARS + 3)
    assert all(not s.text.startswith("\u0301") for s in split_sentences(text))


def test_short_sentences_are_not_touched():
    text = "Sales rose 5% in May. Profits fell 2% in June."
    assert [s.text for s in split_sentences(text)] == ["Sales rose 5% in May.", "Profits fell 2% in June."]


def test_every_claim_of_unpunctuated_text_quotes_a_bounded_piece(setup):
    text = " ".join(f"the company hired {n} workers" for n in range(10, 700))
    report = check([article("flat", text, lang="en")], setup)
    assert report.claims
    assert max(len(c.quote) for c in report.claims) <= MAX_SENTENCE_CHARS
    assert all(text[c.span[0]:c.span[1]] == c.quote for c in report.claims)


def test_claims_past_the_limit_are_left_out_and_said_to_be(setup):
    text = "\n".join(f"The company said {n} workers were hired." for n in range(100, 130))
    other = article("other", "The company said 100 workers were hired.", lang="en")
    report = check([article("many", text, lang="en"), other], setup, max_claims=10)
    mine = [c for c in report.claims if c.article == "many"]
    assert len(mine) == 10 and [c for c in report.claims if c.article == "other"]
    [problem] = report.problems
    assert problem.path == "many.txt"
    assert "30 claims, more than the limit of 10" in problem.message
    assert "from line 11 on" in problem.message and "--max-claims" in problem.message
