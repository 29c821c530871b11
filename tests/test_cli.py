"""The command line: reports written, exit codes, and clean errors for bad input."""

from __future__ import annotations

import json
import shutil

from conftest import ROOT

from checker.cli import main

STORY = ROOT / "tests" / "articles" / "deal_ar"
BAD = ROOT / "tests" / "articles" / "bad"


def test_check_writes_markdown_and_json(tmp_path):
    md, js = tmp_path / "r.md", tmp_path / "r.json"
    status = main(["check", str(ROOT / "seeds"), "-o", str(md), "--json", str(js)])
    assert status == 1  # the seeds conflict, and --fail-on defaults to error
    data = json.loads(js.read_text(encoding="utf-8"))
    assert data["version"] == 1
    assert set(data) >= {"articles", "claims", "findings"}
    assert md.read_text(encoding="utf-8").startswith("# Fact-consistency report")
    assert main(["check", str(ROOT / "seeds"), "-o", str(md), "--fail-on", "never"]) == 0


def test_missing_path_is_exit_2_without_traceback(tmp_path, capsys):
    assert main(["check", str(tmp_path / "nope")]) == 2
    err = capsys.readouterr().err
    assert "nope" in err and "Traceback" not in err


def test_empty_folder_is_exit_2(tmp_path, capsys):
    assert main(["check", str(tmp_path)]) == 2
    assert "no articles" in capsys.readouterr().err


def test_bad_articles_are_named_and_the_rest_still_checked(tmp_path, capsys):
    folder = tmp_path / "mixed"
    shutil.copytree(STORY, folder)
    for bad in BAD.iterdir():
        shutil.copy(bad, folder / bad.name)
    js = tmp_path / "r.json"
    status = main(["check", str(folder), "-o", str(tmp_path / "r.md"), "--json", str(js)])
    err = capsys.readouterr().err
    assert status == 2
    for name in ("empty.txt", "binary.txt", "front_matter.md", "notjson.json"):
        assert name in err
    assert "front_matter.md:" in err and "Traceback" not in err
    data = json.loads(js.read_text(encoding="utf-8"))
    assert {a["id"] for a in data["articles"]} == {"ar_deal_a", "ar_deal_b", "ar_deal_c"}
    assert len(data["problems"]) == 4


def test_rules_validate_reports_every_error_with_line_and_column(tmp_path, capsys):
    broken = tmp_path / "broken.yaml"
    broken.write_text(
        "rules:\n"
        "  - id: my-tolerance\n"
        "    kind: numeric\n"
        "    tolerance: {relative: lots}\n"
        "  - id: bad-kind\n"
        "    kind: sparkle\n"
        "  - id: extra\n"
        "    kind: agreement\n"
        "    colour: red\n",
        encoding="utf-8")
    syntax = tmp_path / "syntax.yaml"
    syntax.write_text("rules:\n  - id: x\n    kind: [unclosed\n", encoding="utf-8")
    assert main(["rules", "validate", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert f"{broken}:4:" in err and "'relative' must be a number" in err
    assert f"{broken}:6:" in err and "'kind' must be one of" in err
    assert f"{broken}:9:5: unknown key 'colour'" in err
    assert f"{syntax}:" in err


def test_rules_validate_accepts_the_shipped_rules(capsys):
    assert main(["rules", "validate"]) == 0


def test_yaml_aliases_are_refused(tmp_path, capsys):
    bomb = tmp_path / "bomb.yaml"
    bomb.write_text("a: &a [x, x]\nb: [*a, *a]\n", encoding="utf-8")
    assert main(["rules", "validate", str(bomb)]) == 2
    assert "aliases" in capsys.readouterr().err


def test_rules_test_refuses_a_rule_whose_examples_fail(tmp_path, capsys):
    rules = tmp_path / "r.yaml"
    rules.write_text(
        "rules:\n"
        "  - id: lenient-ages\n"
        "    kind: numeric\n"
        "    severity: error\n"
        "    select: {predicates: [age]}\n"
        "    tolerance: {absolute: 5}\n"
        "    examples:\n"
        "      conflict: [\"Dana Whitlock, 41, said it.\", \"Dana Whitlock, 43, said it.\"]\n",
        encoding="utf-8")
    assert main(["rules", "test", "--rules", str(rules), "--project", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert f"{rules}:2" in err and "'conflict' example did not conflict" in err


def test_rules_validate_warns_about_a_rule_that_can_never_match(tmp_path, capsys):
    rules = tmp_path / "r.yaml"
    rules.write_text("rules:\n  - id: typo\n    kind: numeric\n    select: {predicates: [agge]}\n",
                     encoding="utf-8")
    assert main(["rules", "validate", str(rules)]) == 0
    assert "selects predicate 'agge', which no lexicon defines" in capsys.readouterr().err


def test_rules_list_names_where_each_rule_comes_from(tmp_path, capsys):
    (tmp_path / "factcheck.yaml").write_text(
        "rules:\n  - id: agreement\n    kind: agreement\n    min_outlets: 3\n", encoding="utf-8")
    assert main(["rules", "list", "--project", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    # Redefined, it keeps what it does not set: its severity too.
    assert f"agreement\tagreement\tinfo\t{tmp_path / 'factcheck.yaml'}:2" in out
    assert "numeric-conflict" in out


def test_the_program_flushes_what_it_prints_before_its_quick_exit(tmp_path):
    """`python -m checker` ends without tearing the interpreter down (cli.entry): every byte
    printed still arrives, whole, and the exit status is main()'s."""
    import subprocess
    import sys

    run = subprocess.run([sys.executable, "-m", "checker", "check", str(ROOT / "seeds"), "--format", "json"],
                         cwd=tmp_path, capture_output=True, text=True)
    assert run.returncode == 1  # the seeds conflict; --fail-on defaults to error
    assert json.loads(run.stdout)["version"] == 1  # the report whole, not cut off at a buffer
    assert "conflict" in run.stderr  # the summary line


def test_under_a_profiler_the_program_exits_the_ordinary_way(tmp_path):
    """A profiler writes what it gathered at the ordinary exit, which the quick one would skip."""
    import subprocess
    import sys

    profile = tmp_path / "run.prof"
    run = subprocess.run([sys.executable, "-m", "cProfile", "-o", str(profile), "-m", "checker", "check",
                          str(STORY), "--fail-on", "never", "-q"], cwd=tmp_path, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert profile.stat().st_size > 0
