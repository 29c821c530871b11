"""The pre-commit hooks file: valid YAML with the keys pre-commit requires, each
hook's entry a command this package installs, with options its parser takes."""

from __future__ import annotations

import re
import tomllib

import pytest
import yaml

from checker.cli import build_parser
from conftest import ROOT

HOOKS = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
# pre-commit's manifest: the keys a hook must have, and every key it may have.
REQUIRED = {"id", "name", "entry", "language"}
ALLOWED = REQUIRED | {"alias", "files", "exclude", "types", "types_or", "exclude_types", "additional_dependencies",
                      "args", "always_run", "fail_fast", "pass_filenames", "description", "language_version",
                      "log_file", "minimum_pre_commit_version", "require_serial", "stages", "verbose"}
SCRIPTS = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["scripts"]


def hook(hook_id: str) -> dict:
    return next(h for h in HOOKS if h["id"] == hook_id)


def test_the_hooks_file_is_a_list_of_hooks_with_unique_ids():
    assert isinstance(HOOKS, list) and HOOKS
    assert len({h["id"] for h in HOOKS}) == len(HOOKS)


@pytest.mark.parametrize("entry", HOOKS, ids=lambda h: h["id"])
def test_each_hook_has_what_pre_commit_requires(entry):
    assert REQUIRED <= set(entry) <= ALLOWED
    assert all(isinstance(entry[key], str) and entry[key] for key in REQUIRED)
    assert entry["language"] == "python"  # pre-commit installs this package, and with it the command
    command, *options = entry["entry"].split()
    assert command in SCRIPTS
    for key in ("files", "exclude"):
        if key in entry:
            re.compile(entry[key])
    # The options parse: the hook runs with the staged files after them.
    build_parser().parse_args([*options, *entry.get("args", []), "staged.md"])


@pytest.mark.parametrize("path, checked", [
    ("drafts/story.md", True), ("a.txt", True), ("wire/b.json", True), ("saved/page.html", True), ("c.htm", True),
    ("README.md", False), ("docs/README.md", False), ("sources.yaml", False), ("notes.pdf", False),
])
def test_the_draft_hook_takes_article_files(path, checked):
    draft = hook("factcheck-draft")
    taken = re.search(draft["files"], path) is not None and re.search(draft["exclude"], path) is None
    assert taken == checked
    assert draft["require_serial"] is True  # one run sees every staged article


def test_the_rules_hook_takes_the_project_rule_file():
    rules = hook("factcheck-rules")
    assert re.search(rules["files"], "factcheck.yaml") and re.search(rules["files"], "desk/factcheck.yml")
    assert not re.search(rules["files"], "drafts/story.md")


def test_the_readmes_pre_commit_config_runs_as_written():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    [config] = [yaml.safe_load(block) for block in re.findall(r"```yaml\n(.*?)```", readme, re.DOTALL)
                if block.startswith("repos:")]
    for used in config["repos"][0]["hooks"]:
        entry = hook(used["id"])
        # As pre-commit runs it: the entry, the config's args, then the staged files.
        build_parser().parse_args([*entry["entry"].split()[1:], *used.get("args", []), "drafts/a.md", "drafts/b.md"])


def test_the_readmes_ci_job_runs_a_command_the_parser_takes():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    [job] = [yaml.safe_load(block) for block in re.findall(r"```yaml\n(.*?)```", readme, re.DOTALL)
             if "jobs:" in block]
    runs = [step["run"] for step in job["jobs"]["factcheck"]["steps"] if step.get("run", "").startswith("factcheck ")]
    assert runs
    for command in runs:
        build_parser().parse_args(command.split()[1:])
