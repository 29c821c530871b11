"""Ingest: what is read, what is skipped and why, and where a bad value sits."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from checker.ingest import load_articles
from checker.ingest import metadata
from conftest import ROOT

TEXT = "The company said it hired 300 workers in March.\n"


def messages(problems) -> str:
    return "\n".join(p.message for p in problems)


def test_a_folder_says_what_it_skips_and_reads_the_rest(tmp_path):
    (tmp_path / "good.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "SHOUT.TXT").write_text(TEXT, encoding="utf-8")
    (tmp_path / "page.pdf").write_bytes(b"%PDF-1.7")
    (tmp_path / "sub").mkdir()
    (tmp_path / "loop.txt").symlink_to(tmp_path / "loop.txt")
    (tmp_path / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    os.mkfifo(tmp_path / "pipe.txt")
    # Passed over without a word: hidden files and a folder's companions.
    (tmp_path / ".DS_Store").write_bytes(b"\0\1")
    (tmp_path / "README.md").write_text("# notes\n", encoding="utf-8")
    articles, problems = load_articles([tmp_path])
    assert [a.id for a in articles] == ["good"]
    said = {Path(p.path).name: p.message for p in problems}
    assert set(said) == {"SHOUT.TXT", "page.pdf", "sub", "loop.txt", "gone.txt", "pipe.txt"}
    assert "rename it to 'SHOUT.txt'" in said["SHOUT.TXT"]
    assert "not an article file" in said["page.pdf"]
    assert "a folder inside an input folder" in said["sub"]
    assert "symbolic link loop" in said["loop.txt"]
    assert "broken symbolic link" in said["gone.txt"]
    assert "not a regular file" in said["pipe.txt"]
    assert all(m.startswith(str(tmp_path)) for m in said.values())


def test_a_folder_that_cannot_be_listed_is_a_problem_not_a_crash(tmp_path, monkeypatch):
    def refuse(path):
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(os, "listdir", refuse)
    articles, problems = load_articles([tmp_path])
    assert not articles
    assert f"{tmp_path}: cannot list folder: Permission denied" in messages(problems)


def test_an_explicit_file_of_another_kind_is_refused_not_read_as_text(tmp_path):
    page = tmp_path / "notes.pdf"
    page.write_text(TEXT, encoding="utf-8")
    articles, problems = load_articles([page])
    assert not articles and "not an article file" in messages(problems)


def test_the_same_file_named_twice_is_read_once(tmp_path):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    articles, problems = load_articles([tmp_path, tmp_path / "a.txt"])
    assert [a.id for a in articles] == ["a"] and not problems


def test_an_article_over_the_size_limit_is_skipped_with_the_limit_named(tmp_path):
    (tmp_path / "big.txt").write_text(TEXT * 100, encoding="utf-8")
    (tmp_path / "small.txt").write_text(TEXT, encoding="utf-8")
    articles, problems = load_articles([tmp_path], max_bytes=1000)
    assert [a.id for a in articles] == ["small"]
    assert "larger than 1,000 bytes" in messages(problems) and "--max-article-size" in messages(problems)


@pytest.mark.parametrize("text, words, line", [
    ("---\ntitle: x\n\nThe company hired 30 people.\n", "front matter is not closed", 1),
    ("---\ntitle: x\npublished: 2025-02-30\n---\n" + TEXT, "'published' must be an ISO date", 3),
    ("---\ntitle: [x\n---\n" + TEXT, "bad front matter", 3),
    ("---\n- a\n- b\n---\n" + TEXT, "front matter must be a mapping", 2),
])
def test_front_matter_problems_name_their_line(tmp_path, text, words, line):
    path = tmp_path / "a.md"
    path.write_text(text, encoding="utf-8")
    _, problems = load_articles([path])
    assert words in messages(problems)
    assert messages(problems).startswith(f"{path}:{line}:")


def test_empty_front_matter_is_no_front_matter(tmp_path):
    path = tmp_path / "a.md"
    path.write_text("---\n---\n" + TEXT, encoding="utf-8")
    [article], problems = load_articles([path])
    assert not problems and article.text == TEXT


@pytest.mark.parametrize("raw, words, where", [
    ('{"text": ' + "[" * 100_000 + "]" * 100_000 + "}", "nested more than", ""),
    ('{"title": "t",\n "text": "x \\ud800 y"}', "lone surrogate", ":2:13"),
    ('{"text": "x \\udc00\\ud800 y"}', "lone surrogate", ":1:13"),
    ('["text"]', "must be an object with a 'text' string", ""),
])
def test_json_that_no_report_could_hold_is_refused(tmp_path, raw, words, where):
    path = tmp_path / "a.json"
    path.write_text(raw, encoding="utf-8")
    articles, problems = load_articles([path])
    assert not articles and words in messages(problems)
    assert messages(problems).startswith(f"{path}{where}:")


def test_a_paired_surrogate_escape_is_a_character(tmp_path):
    path = tmp_path / "a.json"
    path.write_text('{"text": "the company hired 3 people \\ud83d\\ude00"}', encoding="utf-8")
    [article], problems = load_articles([path])
    assert not problems and article.text.endswith("\U0001f600")


def story(tmp_path: Path, sources_yaml: str) -> Path:
    folder = tmp_path / "story"
    folder.mkdir(parents=True)
    for name in ("a", "b"):
        (folder / f"{name}.txt").write_text(TEXT, encoding="utf-8")
    (folder / "c.md").write_text("---\nsource: C\n---\n" + TEXT, encoding="utf-8")
    (folder / "d.json").write_text('{"source": "D", "text": "The company hired 30 people."}', encoding="utf-8")
    (folder / "sources.yaml").write_text(sources_yaml, encoding="utf-8")
    return folder


def test_a_broken_sources_yaml_costs_only_the_txt_articles_and_is_said_once(tmp_path):
    folder = story(tmp_path, "a: {source: A\nb: {source: B}\n")
    articles, problems = load_articles([folder])
    assert sorted(a.id for a in articles) == ["c", "d"]
    said = messages(problems)
    assert said.count("invalid YAML") == 1 and f"{folder / 'sources.yaml'}:" in said
    assert f"{folder / 'a.txt'}: skipped: its metadata file" in said
    assert f"{folder / 'b.txt'}: skipped: its metadata file" in said


def test_a_bad_entry_of_sources_yaml_costs_only_its_article(tmp_path):
    folder = story(tmp_path, "a:\n  source: A\n  published: 2025-13-01\nb:\n  source: B\n")
    articles, problems = load_articles([folder])
    assert sorted(a.id for a in articles) == ["b", "c", "d"]
    assert messages(problems) == (f"{folder / 'sources.yaml'}:3:14: 'published' of 'a' must be an ISO date "
                                  "(YYYY-MM-DD), got '2025-13-01'")
    folder = story(tmp_path / "2", "a: just a string\nb:\n  source: B\n")
    articles, problems = load_articles([folder])
    assert "b" in {a.id for a in articles} and "a" not in {a.id for a in articles}
    assert f"{folder / 'sources.yaml'}:1:4: the entry of 'a' must be a mapping" in messages(problems)


def test_each_folder_sources_yaml_is_read_once(tmp_path, monkeypatch):
    folder = story(tmp_path, "a: {source: A}\nb: {source: B}\n")
    calls = []
    real = metadata.parse_yaml
    monkeypatch.setattr(metadata, "parse_yaml", lambda *a, **k: calls.append(a[1]) or real(*a, **k))
    articles, problems = load_articles([folder])
    assert not problems and {a.source for a in articles} == {"A", "B", "C", "D"}
    assert calls.count(folder / "sources.yaml") == 1


def test_seed_metadata_is_read_as_before():
    articles, problems = load_articles([ROOT / "seeds"])
    assert not problems and len(articles) == 5
    assert all(a.lang == "ar" and a.published is None for a in articles)


def test_a_readme_is_not_an_article_but_other_markdown_is(tmp_path):
    shutil.copy(ROOT / "seeds" / "000_2b9f58cd9767ca8f.txt", tmp_path / "a.txt")
    (tmp_path / "readme.md").write_text("# about this folder\n", encoding="utf-8")
    (tmp_path / "b.md").write_text(TEXT, encoding="utf-8")
    articles, problems = load_articles([tmp_path])
    assert sorted(a.id for a in articles) == ["a", "b"] and not problems
