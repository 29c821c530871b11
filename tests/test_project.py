"""The project is found as ruff finds its configuration: the nearest folder up from
here that configures factcheck, within the git repository."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from checker.cli import main
from checker.errors import RuleError
from checker.project import find_project

RULE = "rules:\n  - id: quiet-ages\n    kind: override\n    target: numeric-conflict\n    severity: warning\n"


def tree(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if name.endswith("/"):
            path.mkdir(exist_ok=True)
        else:
            path.write_text(text, encoding="utf-8")
    return root


@pytest.mark.parametrize("files, start, found", [
    ({".git/": "", "factcheck.yaml": RULE, "desk/drafts/a.md": ""}, "desk/drafts", "."),
    ({".git/": "", "pyproject.toml": "[tool.factcheck]\nrules = ['r.yaml']\n", "desk/x": ""}, "desk", "."),
    ({".git/": "", "factcheck-baseline.yaml": "reviewed: []\n", "desk/x": ""}, "desk", "."),
    ({".git/": "", "factcheck.yaml": RULE, "desk/factcheck.yml": RULE}, "desk", "desk"),  # the nearest
    # Another tool's pyproject.toml is passed over; the search goes on up.
    ({".git/": "", "factcheck.yaml": RULE, "desk/pyproject.toml": "[tool.ruff]\nline-length = 100\n"}, "desk", "."),
    # The repository's root is the last folder looked in: nothing above it counts.
    ({"factcheck.yaml": RULE, "repo/.git/": "", "repo/desk/x": ""}, "repo/desk", None),
    ({"factcheck.yaml": RULE, "repo/.git": "gitdir: /elsewhere\n", "repo/desk/x": ""}, "repo/desk", None),  # a worktree
    ({".git/": "", "desk/x": ""}, "desk", None),
])
def test_the_nearest_configured_folder_within_the_repository(tmp_path, files, start, found):
    tree(tmp_path, files)
    expected = None if found is None else (tmp_path / found).resolve()
    assert find_project((tmp_path / start).resolve()) == expected


def test_a_broken_pyproject_on_the_way_up_is_said(tmp_path):
    tree(tmp_path, {".git/": "", "pyproject.toml": "[tool.factcheck\n", "desk/x": ""})
    with pytest.raises(RuleError, match="pyproject.toml: cannot read it to look for"):
        find_project(tmp_path / "desk")


def test_check_from_a_subfolder_uses_the_projects_rules(tmp_path, monkeypatch, capsys):
    tree(tmp_path, {".git/": "", "factcheck.yaml": RULE, "desk/drafts/x": ""})
    monkeypatch.chdir(tmp_path / "desk" / "drafts")
    assert main(["rules", "list"]) == 0
    assert f"quiet-ages\toverride\twarning\t{tmp_path.resolve() / 'factcheck.yaml'}" in capsys.readouterr().out
    # --project still says it outright, and a missing one is still an error.
    assert main(["rules", "list", "--project", str(tmp_path / "desk")]) == 0
    assert "quiet-ages" not in capsys.readouterr().out
    assert main(["rules", "list", "--project", str(tmp_path / "nope")]) == 2
    assert "no such project folder (--project)" in capsys.readouterr().err


def test_the_baseline_is_found_in_the_project_root(tmp_path, monkeypatch, capsys):
    story = tmp_path / "desk" / "story"
    tree(tmp_path, {".git/": "", "desk/story/a.md": "The company hired 300 workers on Monday, it said.\n",
                    "desk/story/b.md": "The company hired 450 workers on Monday, a union said.\n"})
    monkeypatch.chdir(story)
    assert main(["check", ".", "-o", str(tmp_path / "r.md"), "--json", str(tmp_path / "r.json")]) == 1
    [finding] = [f for f in json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))["findings"]
                 if f["kind"] == "conflict"]
    (tmp_path / "factcheck-baseline.yaml").write_text(
        f"reviewed:\n  - fingerprint: {finding['fingerprint']}\n    reason: checked with the desk\n",
        encoding="utf-8")
    assert main(["check", ".", "-o", str(tmp_path / "r.md")]) == 0
