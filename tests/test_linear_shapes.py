"""The shapes that were once quadratic stay linear (issue 18, part 3), counted in the
work each does rather than timed (benchmarks/shapes.py times them): ten times the input
is about ten times the work, never a hundred."""

from __future__ import annotations

import sys

from conftest import ROOT

from checker.text import phrases, segment
from checker.text.phrases import PhraseIndex
from checker.text.segment import split_sentences

sys.path.insert(0, str(ROOT / "benchmarks"))
from corpora import PARAGRAPH_SENTENCES  # noqa: E402


def _paragraph(sentences: int) -> str:
    return " ".join(PARAGRAPH_SENTENCES[k % len(PARAGRAPH_SENTENCES)].format(n=k % 900, k=k % 97)
                    for k in range(sentences))


def _counting(monkeypatch, module, name: str) -> list[int]:
    calls = [0]
    real = getattr(module, name)

    def counted(*args):
        calls[0] += 1
        return real(*args)

    monkeypatch.setattr(module, name, counted)
    return calls


def test_one_long_paragraph_is_split_in_linear_work(monkeypatch):
    """Each full stop looks back over the word before it, never over the paragraph."""
    looked = _counting(monkeypatch, segment, "_letter")
    work = {}
    for size in (2_000, 20_000):
        looked[0] = 0
        sentences = split_sentences(_paragraph(size))
        assert len(sentences) == size  # "Dr. Lee" and "No. 5" end no sentence
        work[size] = looked[0]
    assert 0 < work[20_000] <= 11 * work[2_000]


def test_triggers_sharing_a_first_word_are_indexed_in_linear_work(monkeypatch):
    """Phrases are put longest first once, not again at every addition."""
    keyed = _counting(monkeypatch, phrases, "longest_first")
    work = {}
    for size in (1_000, 10_000):
        keyed[0] = 0
        index = PhraseIndex(lambda norm: (norm,))
        for k in range(size):
            index.add("trigger", f"evacuated {'x' * (k % 7 + 1)} place{k}", "evacuated")
        plan = index._starting_with("evacuated")
        assert len(plan) == size
        assert [len(norms) for norms, _, _ in plan] == sorted((len(n) for n, _, _ in plan), reverse=True)
        work[size] = keyed[0]
    assert 0 < work[10_000] <= 11 * work[1_000]
