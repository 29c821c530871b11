"""Progress: a bar only for a terminal, never with --quiet; a corpus run tells each stage."""

from __future__ import annotations

import io
import shutil

from conftest import ROOT

from checker import progress as progress_module
from checker.corpus import check_corpus
from checker.ingest import load_articles
from checker.progress import Progress, TerminalProgress, progress_for


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


class Recorder(Progress):
    def __init__(self) -> None:
        self.stages: list[list] = []

    def stage(self, what: str, total: int, unit: str) -> None:
        self.stages.append([what, total, unit, 0])

    def advance(self, done: int = 1) -> None:
        self.stages[-1][3] += done


def test_a_bar_only_for_a_terminal_and_never_when_quiet():
    assert isinstance(progress_for(False, Terminal()), TerminalProgress)
    assert type(progress_for(True, Terminal())) is Progress
    assert type(progress_for(False, io.StringIO())) is Progress


def test_the_bar_shows_articles_a_second_once_the_run_is_slow(monkeypatch):
    monkeypatch.setattr(progress_module, "DELAY", 0.0)
    stream = Terminal()
    bar = TerminalProgress(stream)
    bar.stage("reading", 3, "articles")
    for _ in range(3):
        bar.advance()
    bar.close()
    shown = stream.getvalue()
    assert "reading:" in shown and "/3 [" in shown and "articles/s" in shown
    assert shown.endswith("\r")  # cleared, for the closing summary to stand alone


def test_a_quick_run_shows_no_bar():
    stream = Terminal()
    bar = TerminalProgress(stream)
    bar.stage("reading", 3, "articles")
    bar.advance(3)
    bar.close()
    assert stream.getvalue() == ""


def test_a_corpus_run_tells_every_article_read_and_every_story_judged(tmp_path, setup):
    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    for n in range(20):
        shutil.copyfile(seeds[n % len(seeds)], tmp_path / f"copy_{n:02d}.txt")
    articles, _ = load_articles([tmp_path])
    recorder = Recorder()
    check_corpus(articles, setup, jobs=1, min_per_job=2, progress=recorder)
    assert recorder.stages[0] == ["reading", 20, "articles", 20]
    assert recorder.stages[-1] == ["judging", 1, "stories", 1]
    assert all(total == done for _, total, _, done in recorder.stages)
