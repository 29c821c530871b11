"""The archive: `factcheck index` then `check --draft --against`, incremental, and bad stores refused."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

from checker.cli import main

ARTICLES = ROOT / "tests" / "articles"
REALNEWS = ROOT / "benchmarks" / "realnews"


def story_copy(tmp_path: Path, folder: Path, draft_name: str | None = None) -> tuple[Path, Path]:
    """The story's sources in a folder of their own, and one of its articles as the draft."""
    sources = tmp_path / "sources"
    shutil.copytree(folder, sources, ignore=shutil.ignore_patterns("gold.yaml"))
    names = sorted(p.name for p in sources.iterdir() if p.suffix in (".txt", ".md", ".json"))
    draft_name = draft_name or names[-1]
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    shutil.move(sources / draft_name, drafts / draft_name)
    if (sources / "sources.yaml").exists():
        shutil.copy(sources / "sources.yaml", drafts / "sources.yaml")
    return sources, drafts / draft_name


def reports(tmp_path: Path, name: str, *args: str) -> tuple[int, str, str]:
    md, js = tmp_path / f"{name}.md", tmp_path / f"{name}.json"
    status = main(["check", *args, "-o", str(md), "--json", str(js), "--fail-on", "never", "--jobs", "1"])
    return status, md.read_text(encoding="utf-8"), js.read_text(encoding="utf-8")


# Stories whose sources each name someone the draft names and hold a claim of a kind
# the draft's hold. A source that does not is not found in the store (docs/archive.md:
# in some real stories, a third of the sources), so there the findings differ.
@pytest.mark.parametrize("folder", [ARTICLES / "quake_en", ARTICLES / "deal_ar", ROOT / "seeds",
                                    REALNEWS / "la-wildfires-2025-en"],
                         ids=lambda p: p.name)
def test_index_then_check_is_checking_against_the_folder(tmp_path, folder):
    sources, draft = story_copy(tmp_path, folder)
    store = tmp_path / "archive.db"
    assert main(["index", str(sources), "--store", str(store), "--jobs", "1"]) == 0
    against = reports(tmp_path, "against", "--draft", str(draft), "--against", str(store), "--window", "3650")
    folder_run = reports(tmp_path, "folder", str(sources), "--draft", str(draft))
    assert against == folder_run


def count(store: Path) -> int:
    with sqlite3.connect(store) as connection:
        return connection.execute("SELECT count(*) FROM articles").fetchone()[0]


def test_index_is_incremental(tmp_path, capsys):
    sources, draft = story_copy(tmp_path, ARTICLES / "quake_en")
    store = tmp_path / "archive.db"
    assert main(["index", str(sources), "--store", str(store)]) == 0
    assert "2 added, 0 replaced, 0 unchanged, 0 dropped" in capsys.readouterr().out
    assert main(["index", str(sources), "--store", str(store)]) == 0
    assert "0 added, 0 replaced, 2 unchanged, 0 dropped" in capsys.readouterr().out

    changed = sources / "en_quake_a.txt"
    changed.write_text(changed.read_text(encoding="utf-8").replace("killing 87 people", "killing 93 people"),
                       encoding="utf-8")
    assert main(["index", str(sources), "--store", str(store)]) == 0
    assert "0 added, 1 replaced, 1 unchanged, 0 dropped" in capsys.readouterr().out
    _, markdown, _ = reports(tmp_path, "after", "--draft", str(draft), "--against", str(store))
    assert "93 people" in markdown and "87 people" not in markdown

    (sources / "en_quake_b.txt").unlink()
    assert main(["index", str(sources), "--store", str(store)]) == 0
    assert "0 added, 0 replaced, 1 unchanged, 1 dropped" in capsys.readouterr().out
    assert count(store) == 1


def test_other_knowledge_reads_every_article_again(tmp_path, capsys):
    sources, _ = story_copy(tmp_path, ARTICLES / "quake_en")
    store = tmp_path / "archive.db"
    main(["index", str(sources), "--store", str(store)])
    rule = tmp_path / "rule.yaml"
    rule.write_text("rules:\n  - id: age-tolerance\n    kind: numeric\n    select: {predicates: [age]}\n"
                    "    tolerance: {absolute: 1}\n", encoding="utf-8")
    capsys.readouterr()
    assert main(["index", str(sources), "--store", str(store), "--rules", str(rule)]) == 0
    assert "0 added, 2 replaced, 0 unchanged, 0 dropped" in capsys.readouterr().out


def test_the_time_window_keeps_old_articles_out(tmp_path):
    sources, draft = story_copy(tmp_path, ARTICLES / "quake_en")
    store = tmp_path / "archive.db"
    main(["index", str(sources), "--store", str(store)])
    text = draft.read_text(encoding="utf-8")
    late = draft.with_suffix(".md")
    late.write_text("---\npublished: 2030-01-01\nsource: Late Wire\n---\n" + text, encoding="utf-8")
    draft.unlink()
    _, _, report = reports(tmp_path, "late", "--draft", str(late), "--against", str(store))
    assert "en_quake_a" not in report
    _, _, report = reports(tmp_path, "wide", "--draft", str(late), "--against", str(store), "--window", "5000")
    assert "en_quake_a" in report


@pytest.mark.parametrize("make, message", [
    (lambda p: None, "no such store"),
    (lambda p: p.write_text("not a database, just words\n" * 50), "not a factcheck store (not an SQLite database)"),
    (lambda p: sqlite3.connect(p).execute("CREATE TABLE t (x)"), "not a factcheck store"),
    ("other version", "a store of schema version 99; this factcheck reads version 1"),
])
def test_a_bad_store_is_exit_2_with_one_clear_line(tmp_path, capsys, make, message):
    sources, draft = story_copy(tmp_path, ARTICLES / "quake_en")
    store = tmp_path / "archive.db"
    if make == "other version":
        main(["index", str(sources), "--store", str(store)])
        with sqlite3.connect(store) as connection:
            connection.execute("UPDATE meta SET value = '99' WHERE key = 'schema'")
    else:
        make(store)
    capsys.readouterr()
    assert main(["check", "--draft", str(draft), "--against", str(store)]) == 2
    err = capsys.readouterr().err
    assert message in err and str(store) in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1
    if make != (lambda p: None) and store.exists():
        assert main(["index", str(sources), "--store", str(store)]) == 2  # nor is it written to
        assert message in capsys.readouterr().err


def test_against_needs_a_draft_and_no_paths(tmp_path, capsys):
    assert main(["check", "--against", str(tmp_path / "x.db")]) == 2
    assert "--draft" in capsys.readouterr().err
    assert main(["check", "seeds", "--draft", "d.md", "--against", str(tmp_path / "x.db")]) == 2
    assert "give no PATH" in capsys.readouterr().err


def test_two_index_runs_at_once_leave_a_sound_store(tmp_path):
    first, _ = story_copy(tmp_path / "one", REALNEWS / "pelicot-verdict-2024-en")
    second, _ = story_copy(tmp_path / "two", REALNEWS / "ucl-final-psg-inter-2025-en")
    store = tmp_path / "archive.db"
    runs = [subprocess.Popen([sys.executable, "-m", "checker", "index", str(folder), "--store", str(store),
                              "--jobs", "1"], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
            for folder in (first, second, first)]
    for run in runs:
        out, err = run.communicate(timeout=300)
        assert run.returncode == 0, err
    with sqlite3.connect(store) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        paths = [row[0] for row in connection.execute("SELECT path FROM articles")]
        orphans = connection.execute("SELECT count(*) FROM names WHERE article NOT IN (SELECT id FROM articles)")
        assert orphans.fetchone()[0] == 0
    expected = len([p for p in [*first.iterdir(), *second.iterdir()] if p.suffix == ".txt"])
    assert len(paths) == len(set(paths)) == expected
