"""`-` reads one article from standard input: its format given or told, its id `stdin`."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from checker.cli import main
from checker.ingest import load_articles
from checker.ingest.stdin import STDIN_PATH, sniff_format
from checker.stories import STDIN_PATH as STORIES_STDIN
from checker.stories import group_stories
from conftest import ROOT, pin_conflicts

PAGES = ROOT / "tests" / "articles" / "pages"
STORY = "The company said it hired 300 workers on Monday.\n"


def piped(monkeypatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))


@pytest.mark.parametrize("text, fmt", [
    ("---\ntitle: x\n---\n" + STORY, "md"),
    (STORY, "md"),
    ('  {"text": "x"}', "json"),
    ("<!DOCTYPE html><html><body><p>x</p></body></html>", "html"),
    ("\n<p>The mill closed.</p>", "html"),
    ("<2 workers were hired>", "md"),
])
def test_the_format_is_told_from_how_the_article_starts(text, fmt):
    assert sniff_format(text) == fmt


@pytest.mark.parametrize("data, fmt, source", [
    (("---\nsource: Desk\n---\n" + STORY).encode(), None, "Desk"),
    (json.dumps({"source": "Wire", "text": STORY}).encode(), None, "Wire"),
    ((PAGES / "en_floods.html").read_bytes(), None, "The Coastal Herald"),
    (("---\nsource: Desk\n---\n" + STORY).encode("utf-16"), None, "Desk"),
    (("---\nsource: Desk\n---\n" + STORY).encode(), "txt", None),  # front matter read as text
])
def test_standard_input_is_one_article(monkeypatch, data, fmt, source):
    piped(monkeypatch, data)
    [article], problems = load_articles([Path("-")], stdin_format=fmt)
    assert not problems
    assert (article.id, article.path, article.source) == ("stdin", "<stdin>", source)


def test_standard_input_is_read_once_and_first_beside_files(monkeypatch, tmp_path):
    (tmp_path / "a.md").write_text(STORY, encoding="utf-8")
    piped(monkeypatch, STORY.encode())
    articles, problems = load_articles([tmp_path, Path("-"), Path("-")])
    assert [a.id for a in articles] == ["stdin", "a"] and not problems


def test_a_bad_article_on_standard_input_is_named_as_such(monkeypatch):
    piped(monkeypatch, b'{"text": "unclosed')
    articles, problems = load_articles([Path("-")])
    assert not articles and problems[0].message.startswith("<stdin>:1:")
    assert "invalid JSON" in problems[0].message


def test_a_terminal_is_refused_not_waited_on(monkeypatch):
    class Terminal(io.BytesIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(Terminal(b"never read")))
    articles, problems = load_articles([Path("-")])
    assert not articles and "<stdin>: standard input is a terminal" in problems[0].message


def test_standard_input_over_the_size_limit_is_skipped(monkeypatch):
    piped(monkeypatch, STORY.encode() * 100)
    articles, problems = load_articles([Path("-")], max_bytes=1000)
    assert not articles and "larger than 1,000 bytes" in problems[0].message


def test_a_draft_from_standard_input(monkeypatch, tmp_path, capsys):
    sources = tmp_path / "sources"
    sources.mkdir()
    (sources / "a.md").write_text("The company hired 300 workers on Monday, it said.\n", encoding="utf-8")
    (sources / "b.md").write_text("The company hired 300 workers on Monday, a union said.\n", encoding="utf-8")
    piped(monkeypatch, b"The company hired 450 workers on Monday.\n")
    report = tmp_path / "r.json"
    status = main(["check", str(sources), "--draft", "-", "-o", str(tmp_path / "r.md"), "--json", str(report),
                   "--project", str(pin_conflicts(tmp_path))])
    data = json.loads(report.read_text(encoding="utf-8"))
    assert status == 1 and [a["id"] for a in data["articles"]][-1] == "stdin"
    assert data["findings"] and all(any(c.startswith("stdin#") for c in f["claims"]) for f in data["findings"])


def test_standard_input_cannot_be_both_a_path_and_the_draft(monkeypatch, tmp_path, capsys):
    piped(monkeypatch, STORY.encode())
    assert main(["check", "-", "--draft", "-", "-o", str(tmp_path / "r.md")]) == 2
    assert "standard input holds one article" in capsys.readouterr().err


def test_a_real_pipe(tmp_path):
    page = (PAGES / "ar_floods.html").read_bytes()
    done = subprocess.run([sys.executable, "-m", "checker", "check", "-", "--stdin-format", "html",
                           "--json", str(tmp_path / "r.json"), "-o", str(tmp_path / "r.md"), "--fail-on", "never"],
                          input=page, capture_output=True, cwd=ROOT, timeout=120)
    assert done.returncode == 0, done.stderr.decode()
    [article] = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))["articles"]
    assert (article["id"], article["source"], article["text_source"]) == ("stdin", "صحيفة الساحل", "html")


def test_an_article_piped_beside_one_folder_is_of_its_story(tmp_path):
    assert STORIES_STDIN == str(STDIN_PATH)
    coverage = [str(tmp_path / "coverage" / "a.md"), str(tmp_path / "coverage" / "b.md")]
    assert [s.members for s in group_stories("auto", ["<stdin>", *coverage], [], [])] == [[0, 1, 2]]
    # Files of two folders are two stories, as before; the piped article goes with the current folder's.
    stories = group_stories("auto", ["<stdin>", *coverage, "c.md"], [], [])
    assert sorted(s.members for s in stories) == [[0, 3], [1, 2]]
