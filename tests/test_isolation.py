"""One bad article never costs the run (issue 18, parts 0 and 1): a figure no float holds,
a number JSON cannot turn into one, and any bug met while reading one article cost that
article (or that figure) alone; the good articles beside it are checked and reported,
through every way in: folders, --draft, standard input, the process pool and `index`."""

from __future__ import annotations

import io
import json
import sqlite3
import sys
from datetime import date
from pathlib import Path

import pytest

import checker.extract.article
from checker.cli import main
from checker.corpus import check_corpus
from checker.ingest import load_articles
from checker.models import Article
from checker.parallel.work import first_reading, use_knowledge
from checker.parallel.compact import pack

GOOD = {
    "good_a.md": "---\nsource: Outlet A\npublished: 2025-03-01\n---\nFloods killed 12 people on Monday, "
                 "officials said.\n",
    "good_b.md": "---\nsource: Outlet B\npublished: 2025-03-01\n---\nFloods killed 14 people on Monday, "
                 "the governor said.\n",
}
NINES = "9" * 400
HUGE = f"Floods killed {NINES} people, officials said.\n"


def story(tmp_path: Path, files: dict[str, str | bytes], name: str = "story") -> Path:
    """Two good articles that conflict (12 and 14 killed), and the files given beside them."""
    folder = tmp_path / name
    folder.mkdir()
    for file_name, content in {**GOOD, **files}.items():
        path = folder / file_name
        path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return folder


def checked(tmp_path: Path, args: list[str], capsys) -> tuple[int, list[str], dict]:
    js = tmp_path / "out" / "r.json"
    status = main(["check", *args, "-o", str(tmp_path / "out" / "r.md"), "--json", str(js),
                   "--project", str(tmp_path)])
    err = capsys.readouterr().err
    assert "Traceback" not in err and "internal error (" not in err.splitlines()[-1]
    return status, err.splitlines(), json.loads(js.read_text(encoding="utf-8"))


def good_articles_checked(data: dict) -> None:
    """Both good articles are in the report, and their conflict is found."""
    assert {"good_a", "good_b"} <= {a["id"] for a in data["articles"]}
    assert any(f["kind"] == "conflict" for f in data["findings"])


# A figure no float holds is a problem of that figure.

@pytest.mark.parametrize("text", [
    HUGE,
    f"Floods killed 1{'0' * 400} people.\n",  # its rounding step is past a float too
    f"Floods killed {NINES}.5 people.\n",
    f"Floods killed 1,{'000,' * 120}000 people.\n",
    f"The damage came to 5{'0' * 300} billion dollars.\n",  # finite, until the scale word
    f"أودى الفيضان بحياة {'٩' * 400} شخصًا.\n",
    f"The firm paid a {NINES}-figure sum, officials said.\n",
])
def test_a_figure_past_any_float_costs_that_figure_alone(tmp_path, capsys, text):
    folder = story(tmp_path, {"huge.txt": text})
    status, err, data = checked(tmp_path, [str(folder)], capsys)
    good_articles_checked(data)
    huge = folder / "huge.txt"
    assert "huge" in {a["id"] for a in data["articles"]}  # the article itself is read
    assert status == 2
    assert err[0].startswith(f"factcheck: {huge}:1:") and err[0].endswith(
        "a figure past 10^100, too large to compare; not checked")
    assert [p["path"] for p in data["problems"]] == [str(huge)]


def test_the_huge_figure_beside_a_good_one_in_one_article(tmp_path, capsys):
    folder = story(tmp_path, {"huge.txt": f"Floods killed {NINES} people. Officials said 13 were missing.\n"})
    status, err, data = checked(tmp_path, [str(folder)], capsys)
    assert status == 2
    huge_claims = [c for c in data["claims"] if c["article"] == "huge"]
    assert [c["value"]["low"] for c in huge_claims] == [13]


def test_a_huge_figure_in_a_draft(tmp_path, capsys):
    folder = story(tmp_path, {})
    draft = tmp_path / "draft.txt"
    draft.write_text(HUGE + "Floods killed 13 people, the mayor said.\n", encoding="utf-8")
    status, err, data = checked(tmp_path, [str(folder), "--draft", str(draft)], capsys)
    assert status == 2 and err[0].startswith(f"factcheck: {draft}:1:15: a figure past 10^100")
    assert {a["id"] for a in data["articles"]} == {"good_a", "good_b", "draft"}
    assert data["findings"]  # the draft's other figure is still checked


def test_a_huge_figure_on_standard_input(tmp_path, capsys, monkeypatch):
    folder = story(tmp_path, {})
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(HUGE.encode())))
    status, err, data = checked(tmp_path, [str(folder), "-"], capsys)
    assert status == 2 and err[0].startswith("factcheck: <stdin>:1:15: a figure past 10^100")
    good_articles_checked(data)


def test_a_huge_figure_in_index_stores_the_article(tmp_path, capsys):
    folder = story(tmp_path, {"huge.txt": HUGE})
    store = tmp_path / "archive.db"
    assert main(["index", str(folder), "--store", str(store), "--jobs", "1"]) == 2
    out, err = capsys.readouterr()
    assert f"{folder / 'huge.txt'}:1:15: a figure past 10^100" in err and "internal error" not in err
    assert "3 added" in out
    with sqlite3.connect(store) as connection:
        assert connection.execute("SELECT count(*) FROM articles").fetchone()[0] == 3


def test_a_json_integer_longer_than_python_reads(tmp_path, capsys):
    digits = "5" * 5000
    folder = story(tmp_path, {"long.json": '{"text": "Floods killed 13 people.",\n "published": ' + digits + "}"})
    status, err, data = checked(tmp_path, [str(folder)], capsys)
    assert status == 2
    assert err[0] == (f"factcheck: {folder / 'long.json'}:2:15: invalid JSON: a number of 5,000 digits, "
                      "more than the 4,300 a number may have")
    good_articles_checked(data)


# A bug met while reading one article costs that article alone.

def _broken_on(marker: str, monkeypatch) -> None:
    """Reading breaks (as a bug would) on any article holding `marker`."""
    real = checker.extract.article.quantity_claims

    def quantity_claims(reading, ctx, next_id):
        if marker in ctx.sentence.text:
            raise ZeroDivisionError("a bug met in one sentence")
        return real(reading, ctx, next_id)

    monkeypatch.setattr(checker.extract.article, "quantity_claims", quantity_claims)


BROKEN = "The storm destroyed 40 homes in Marlow.\n"
BUG_LINE = ("not checked: internal error while reading it (ZeroDivisionError: a bug met in one sentence). "
            "This is a bug in factcheck; the other articles are checked (--debug shows the traceback)")


def test_a_bug_in_one_article_costs_that_article_alone(tmp_path, capsys, monkeypatch):
    _broken_on("Marlow", monkeypatch)
    folder = story(tmp_path, {"broken.txt": BROKEN})
    status, err, data = checked(tmp_path, [str(folder)], capsys)
    assert status == 2
    assert err[0] == f"factcheck: {folder / 'broken.txt'}: {BUG_LINE}"
    assert {a["id"] for a in data["articles"]} == {"good_a", "good_b"}
    good_articles_checked(data)
    assert [p["path"] for p in data["problems"]] == [str(folder / "broken.txt")]


def test_debug_shows_the_traceback_of_a_bug_kept_to_one_article(tmp_path, capsys, monkeypatch):
    _broken_on("Marlow", monkeypatch)
    monkeypatch.setattr("checker.failures.SHOW_TRACEBACKS", False)
    folder = story(tmp_path, {"broken.txt": BROKEN})
    assert main(["check", str(folder), "-o", str(tmp_path / "r.md"), "--debug"]) == 2
    err = capsys.readouterr().err
    assert "Traceback" in err and "ZeroDivisionError" in err and BUG_LINE in err


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_bug_in_one_article_on_the_process_pool(tmp_path, monkeypatch, setup, jobs):
    _broken_on("Marlow", monkeypatch)  # before the pool forks: its workers break on it too
    articles, _ = load_articles([story(tmp_path, {"broken.txt": BROKEN})])
    stories = check_corpus(articles, setup, jobs=jobs, min_per_job=1)
    [only] = stories
    assert {a.id for a in only.report.articles} == {"good_a", "good_b"}
    assert [p.message for p in only.report.problems] == [f"{tmp_path / 'story' / 'broken.txt'}: {BUG_LINE}"]
    assert any(f.kind == "conflict" for f in only.report.findings)


def test_a_story_whose_only_article_breaks_is_not_listed(tmp_path, monkeypatch, setup):
    _broken_on("Marlow", monkeypatch)
    good = story(tmp_path, {}, "good")
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "broken.txt").write_text(BROKEN, encoding="utf-8")
    articles, _ = load_articles([bad, good])
    for min_per_job in (1, 8):  # on the pool, and read in this process
        stories = check_corpus(articles, setup, jobs=2, min_per_job=min_per_job)
        assert [s.story.label for s in stories] == ["good"]
        assert [p.path for p in stories[0].report.problems] == [str(bad / "broken.txt")]


def test_a_bug_in_the_draft_against_a_store_is_one_line(tmp_path, capsys, monkeypatch):
    folder = story(tmp_path, {})
    store = tmp_path / "archive.db"
    assert main(["index", str(folder), "--store", str(store), "--jobs", "1"]) == 0
    _broken_on("Marlow", monkeypatch)
    draft = tmp_path / "draft.txt"
    draft.write_text(BROKEN, encoding="utf-8")
    capsys.readouterr()
    assert main(["check", "--draft", str(draft), "--against", str(store), "-o", str(tmp_path / "r.md")]) == 2
    err = capsys.readouterr().err
    assert err == f"factcheck: {draft}: {BUG_LINE}\n"
    assert not (tmp_path / "r.md").exists()


# Part 0: a date a dateline gives crosses the process pool as a date.

def test_a_datelines_date_crosses_the_pool_as_a_date(setup):
    use_knowledge(setup)
    article = Article(id="a", path="a.txt", lang="en",
                      text="March 3, 2025 — 01:04 pm\n\nFloods killed 12 people, officials said.\n")
    digest = first_reading(pack(article))
    assert digest.published == "2025-03-03"
    articles = [article.model_copy(update={"id": f"a{k}", "path": f"a{k}.txt"}) for k in range(3)]
    [only] = check_corpus(articles, setup, jobs=2, min_per_job=1)
    assert [a.published for a in only.report.articles] == [date(2025, 3, 3)] * 3


def test_articles_named_alike_in_two_folders_are_both_read(tmp_path):
    for name, toll in (("one", 12), ("two", 14)):
        (tmp_path / name).mkdir()
        (tmp_path / name / "wire.md").write_text(f"Floods killed {toll} people.\n", encoding="utf-8")
        (tmp_path / name / "wire.txt").write_text(f"Floods killed {toll} people.\n", encoding="utf-8")
    articles, problems = load_articles([tmp_path / "one", tmp_path / "two"])
    assert [a.id for a in articles] == ["wire", "two/wire"]
    # Two files of one folder with one name still cannot both be read.
    assert [p.message.split(": ", 1)[1] for p in problems] == ["another article has the id 'wire'; skipped"] * 2
