"""Every rule kind is in the schema and documented, and the documented examples are valid."""

from __future__ import annotations

import json
import re

import pytest
from conftest import ROOT

from checker.cli import build_parser
from checker.knowledge.rules import validate_rule_doc
from checker.yamlio import parse_yaml

DOC = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
SCHEMA = json.loads((ROOT / "rules" / "schema" / "rule.schema.json").read_text(encoding="utf-8"))
KINDS = SCHEMA["$defs"]["rule"]["properties"]["kind"]["enum"]
EXAMPLES = [block for block in re.findall(r"```yaml\n(.*?)```", DOC, re.DOTALL) if block.startswith("rules:")]


@pytest.mark.parametrize("kind", KINDS)
def test_every_kind_is_documented(kind):
    assert f"## `{kind}`" in DOC


@pytest.mark.parametrize("example", EXAMPLES)
def test_documented_examples_validate(example):
    assert validate_rule_doc(parse_yaml(example, "docs/rules.md")) == []


def test_readme_example_validates():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    [example] = [b for b in re.findall(r"```yaml\n(.*?)```", readme, re.DOTALL) if b.startswith("rules:")]
    assert validate_rule_doc(parse_yaml(example, "README.md")) == []


def _check_options() -> list[tuple[str, ...]]:
    commands = next(a for a in build_parser()._actions if a.dest == "command")
    return [tuple(action.option_strings) for action in commands.choices["check"]._actions
            if action.option_strings and action.dest != "help"]


@pytest.mark.parametrize("names", _check_options(), ids=lambda names: names[-1])
def test_every_check_option_is_in_the_readme(names):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert any(f"{name} " in readme or f"{name}`" in readme for name in names)


def _report(tmp_path, folder) -> tuple[str, str]:
    from checker.cli import main

    md, js = tmp_path / "r.md", tmp_path / "r.json"
    status = main(["check", str(folder), "-o", str(md), "--json", str(js), "--fail-on", "never", "--quiet",
                   "--project", str(ROOT)])
    assert status == 0
    return md.read_text(encoding="utf-8"), js.read_text(encoding="utf-8")


def test_the_readmes_report_is_what_its_story_gives(tmp_path):
    """Every line the README quotes from a real story's report is in that report today, in
    order ("..." marks a cut); the story is read as `factcheck eval` reads it (Markdown
    with front matter)."""
    from checker.tools.realnews.stories import read_story

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    found = re.search(r"\(`benchmarks/realnews/([\w-]+)`, \d+ outlets\):\n\n```markdown\n(.*?)```", readme, re.DOTALL)
    story = read_story(ROOT / "benchmarks" / "realnews" / found.group(1))
    folder = tmp_path / story.name
    folder.mkdir()
    for article in story.files:
        (folder / f"{article.id}.md").write_text(article.as_markdown(), encoding="utf-8")
    md, _ = _report(tmp_path, folder)
    lines, at = md.splitlines(), 0
    for line in found.group(2).splitlines():
        if line.strip() in ("", "...", "…", "- …"):
            continue
        assert line in lines[at:], line
        at = lines.index(line, at) + 1


def test_the_seeds_reports_are_what_the_readmes_command_writes(tmp_path, monkeypatch):
    """reports/seeds.md and .json are what `factcheck check seeds -o reports/seeds.md --json
    reports/seeds.json` writes today (the README links them)."""
    monkeypatch.chdir(ROOT)
    md, js = _report(tmp_path, "seeds")
    assert (ROOT / "reports" / "seeds.md").read_text(encoding="utf-8") == md
    assert (ROOT / "reports" / "seeds.json").read_text(encoding="utf-8") == js
