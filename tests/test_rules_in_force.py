"""Rules cannot silently weaken the gate (issue 18, part 7, and the rule messages of part 9):
a redefinition keeps what it does not set, `rules validate` warns of every change to a
built-in rule and refuses NaN and infinite numbers, and every report lists the changes
under "Rules in force"."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from checker.cli import main

STORY = {
    "a.md": "---\nsource: Outlet A\npublished: 2025-03-01\nlang: en\n---\nFloods killed 12 people, officials said.\n",
    "b.md": "---\nsource: Outlet B\npublished: 2025-03-01\nlang: en\n---\nFloods killed 14 people, the mayor said.\n",
}


def story(tmp_path: Path) -> Path:
    folder = tmp_path / "story"
    folder.mkdir()
    for name, text in STORY.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def rules_file(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "house.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def check(tmp_path: Path, rules: Path, capsys) -> tuple[int, str, str, dict]:
    status = main(["check", str(story(tmp_path)), "--rules", str(rules), "-o", str(tmp_path / "r.md"),
                   "--json", str(tmp_path / "r.json"), "--project", str(tmp_path)])
    err = capsys.readouterr().err
    md = (tmp_path / "r.md").read_text(encoding="utf-8") if (tmp_path / "r.md").exists() else ""
    data = json.loads((tmp_path / "r.json").read_text(encoding="utf-8")) if (tmp_path / "r.json").exists() else {}
    return status, err, md, data


def validate(rules: Path, capsys) -> tuple[int, list[str]]:
    status = main(["rules", "validate", str(rules)])
    return status, capsys.readouterr().err.splitlines()


def test_a_redefinition_with_only_a_tolerance_keeps_the_severity(tmp_path, capsys):
    rules = rules_file(tmp_path, "rules:\n  - id: numeric-conflict\n    kind: numeric\n"
                                 "    tolerance: {relative: 0.05}\n")
    status, err, md, data = check(tmp_path, rules, capsys)
    conflicts = [f for f in data["findings"] if f["kind"] == "conflict"]
    assert status == 1 and [f["severity"] for f in conflicts] == ["error"]
    assert conflicts[0]["message"].startswith("Outlets disagree on")  # the message is kept too
    assert data["rule_changes"] == [{"rule": "numeric-conflict", "source": f"{rules}:2",
                                     "change": "redefined (tolerance); what it does not set is kept"}]
    assert "## Rules in force" in md and "`numeric-conflict`: redefined (tolerance)" in md
    assert validate(rules, capsys) == (0, [f"{rules}:2: warning: built-in rule 'numeric-conflict': redefined "
                                           "(tolerance); what it does not set is kept"])


@pytest.mark.parametrize("rule, line, change, status", [
    ("  - id: quiet\n    kind: override\n    target: numeric-conflict\n    severity: info\n", 2,
     "severity lowered from error to info", 0),
    ("  - id: numeric-conflict\n    kind: numeric\n    severity: warning\n", 2,
     "severity lowered from error to warning", 0),
    ("  - id: off-switch\n    kind: override\n    target: numeric-conflict\n    enabled: false\n", 2,
     "turned off (enabled: false)", 0),
    ("  - id: numeric-conflict\n    kind: alias\n    entity: orbis\n    names: [Orbis Holdings]\n", 2,
     "replaced by a rule of kind alias: the built-in numeric rule no longer runs", 0),
])
def test_a_weakened_built_in_rule_is_said_everywhere(tmp_path, capsys, rule, line, change, status):
    rules = rules_file(tmp_path, "rules:\n" + rule)
    got, err, md, data = check(tmp_path, rules, capsys)
    assert got == status
    assert {"rule": "numeric-conflict", "change": change, "source": f"{rules}:{line}"} in data["rule_changes"]
    assert f"`numeric-conflict`: {change}" in " ".join(md.split())
    code, warnings = validate(rules, capsys)
    assert code == 0 and f"{rules}:{line}: warning: built-in rule 'numeric-conflict': {change}" in warnings


def test_no_rule_file_no_rules_in_force_section(tmp_path, capsys):
    status = main(["check", str(story(tmp_path)), "-o", str(tmp_path / "r.md"), "--json", str(tmp_path / "r.json"),
                   "--project", str(tmp_path), "--all"])
    md = (tmp_path / "r.md").read_text(encoding="utf-8")
    assert status == 1 and "Rules in force" not in md
    # Nor the built-in rules that matched nothing in this story (time-of-day): no news.
    assert "Rules that matched nothing" not in md
    assert json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))["unmatched_rules"] == []


def test_a_house_rule_that_matched_nothing_is_still_listed(tmp_path, capsys):
    rules = rules_file(tmp_path, "rules:\n  - id: fines-only\n    kind: numeric\n    severity: warning\n"
                                 "    select: {predicates: [fine]}\n")
    _, _, _, data = check(tmp_path, rules, capsys)
    assert data["unmatched_rules"] == ["fines-only"]
    main(["check", str(tmp_path / "story"), "--rules", str(rules), "-o", str(tmp_path / "all.md"), "--all",
          "--project", str(tmp_path)])
    assert "## Rules that matched nothing\n\n- `fines-only`" in (tmp_path / "all.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("value, words", [(".nan", "got NaN"), (".inf", "got an infinite one"),
                                          ("-.inf", "got an infinite one")])
def test_nan_and_infinite_numbers_are_refused(tmp_path, capsys, value, words):
    rules = rules_file(tmp_path, f"rules:\n  - id: loose\n    kind: numeric\n    tolerance: {{relative: {value}}}\n")
    status, err = validate(rules, capsys)
    assert status == 2 and f"{rules}:4:27: 'relative' must be a finite number, {words}" in err
    status, err, _, _ = check(tmp_path, rules, capsys)
    assert status == 2 and f"factcheck: {rules}:4:27: 'relative' must be a finite number, {words}\n" in err


def test_a_lexicon_rule_for_a_language_with_no_lexicon(tmp_path, capsys):
    rules = rules_file(tmp_path, "rules:\n  - id: french-words\n    kind: lexicon\n    lang: fr\n    add:\n"
                                 "      predicates:\n        death_toll: {triggers: [morts]}\n")
    message = (f"{rules}:2: lang 'fr': no lexicon for this language (the checker has ar, en); a rule that adds "
               "one gives its writing_system and stopwords")
    assert validate(rules, capsys) == (2, [message])
    status, err, _, _ = check(tmp_path, rules, capsys)
    assert status == 2 and err == f"factcheck: {message}\n"


def test_an_empty_rules_folder_is_said(tmp_path, capsys):
    (tmp_path / "house").mkdir()
    status, err, _, _ = check(tmp_path, tmp_path / "house", capsys)
    assert status == 2 and err == f"factcheck: {tmp_path / 'house'}: no rule files (.yaml, .yml) in this folder\n"
    assert validate(tmp_path / "house", capsys) == (2, [f"{tmp_path / 'house'}: no rule files (.yaml, .yml) in "
                                                         "this folder"])
