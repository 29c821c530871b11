"""Every real-news story checked in one run gets the findings it gets when checked alone
(issue 18, part 0): with one job and with two, through the process pool, whatever the
stories' article ids share (an outlet covering several stories) or their datelines add."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import ROOT

from checker.cli import main
from checker.tools.realnews.stories import find_stories, read_story

REALNEWS = ROOT / "benchmarks" / "realnews"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> list[Path]:
    """Each story as a folder of Markdown files with front matter, as `factcheck eval` reads it."""
    root = tmp_path_factory.mktemp("realnews")
    folders = []
    for found in find_stories([REALNEWS]):
        story = read_story(found)
        folder = root / story.name
        folder.mkdir()
        for article in story.files:
            (folder / f"{article.id}.md").write_text(article.as_markdown(), encoding="utf-8")
        folders.append(folder)
    return folders


def _run(paths: list[Path], out: Path, jobs: int) -> dict:
    status = main(["check", *map(str, paths), "--json", str(out), "-o", str(out.with_suffix(".md")), "--jobs", str(jobs),
                   "--fail-on", "never", "--quiet", "--project", str(out.parent)])
    assert status == 0
    return json.loads(out.read_text(encoding="utf-8"))


def _parts(message: str) -> tuple[str, ...]:
    """A finding's message with its values in any order: they are listed by article id."""
    head, colon, values = message.partition(": ")
    return (head, *sorted(values.split("; ")))


def findings_by_story(report: dict) -> dict[str, list[tuple]]:
    """Each story's findings, named by what they are about rather than by ids: an article
    by its file, a claim by its file and span. Ids are the only thing a run of many
    stories may change (an article named like one of another story's), and with them the
    order in which a finding lists its claims."""
    articles = {a["id"]: a for a in report["articles"]}
    claims = {c["id"]: (articles[c["article"]]["path"], tuple(c["span"])) for c in report["claims"]}
    folder_of = {a["id"]: Path(a["path"]).parent.name for a in report["articles"]}
    out: dict[str, list[tuple]] = {}
    for finding in report["findings"]:
        ids = sorted({claims[c][0] for c in finding["claims"]})
        message = finding["message"]
        for claim in finding["claims"]:
            article_id = claim.rsplit("#", 1)[0]
            message = message.replace(f"({article_id})", f"({Path(articles[article_id]['path']).stem})")
        story = folder_of[next(c for c in finding["claims"]).rsplit("#", 1)[0]]
        out.setdefault(story, []).append((
            finding["kind"], finding["rule"], finding["severity"], finding["predicate"], _parts(message),
            tuple(sorted(claims[c] for c in finding["claims"])),
            tuple(sorted(tuple(sorted(claims[c] for c in pair)) for pair in finding.get("pairs") or ())),
            tuple(ids)))
    return {story: sorted(found) for story, found in out.items()}


def _story_paths(found: dict[str, list[tuple]], root: Path) -> dict[str, list[tuple]]:
    """Paths relative to the stories' root (the stories alone and together are read from one)."""
    def rel(value):
        if isinstance(value, tuple):
            return tuple(rel(v) for v in value)
        return str(Path(value).relative_to(root)) if isinstance(value, str) and value.startswith(str(root)) else value
    return {story: [rel(f) for f in items] for story, items in found.items()}


@pytest.fixture(scope="module")
def alone(corpus, tmp_path_factory) -> dict[str, list[tuple]]:
    out = tmp_path_factory.mktemp("alone")
    found: dict[str, list[tuple]] = {}
    for folder in corpus:
        found.update(findings_by_story(_run([folder], out / f"{folder.name}.json", 1)))
    return _story_paths(found, corpus[0].parent)


@pytest.mark.parametrize("jobs", [1, 2])
def test_every_story_checked_together_gets_its_own_findings(corpus, alone, tmp_path, jobs):
    report = _run(corpus, tmp_path / "all.json", jobs)
    assert len(report["articles"]) == sum(len(list(f.glob("*.md"))) for f in corpus)
    assert report["problems"] == []
    assert [s["label"] for s in report["stories"]] == [f.name for f in corpus]
    together = _story_paths(findings_by_story(report), corpus[0].parent)
    assert set(together) == set(alone)
    for story in alone:
        assert together[story] == alone[story], story
