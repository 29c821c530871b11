"""What goes to standard output (--format, '-' as a file), the linter formats, the closing summary."""

from __future__ import annotations

import json
import re

import pytest
from conftest import ROOT

from checker.cli import main
from checker.models import Article, Claim, EntityRef, Finding, Report, Value
from checker.report.github import render_github
from checker.report.lint import one_line

SEEDS = ROOT / "seeds"
CONCISE = re.compile(r"^(?P<path>[^:]+):(?P<line>\d+):(?P<col>\d+): (?P<severity>error|warning|info) "
                     r"\[(?P<rule>[\w-]+)\] (?P<message>.+)$")


def check(capsys, *args: str) -> tuple[int, str, str]:
    status = main(["check", *args])
    out, err = capsys.readouterr()
    return status, out, err


def test_concise_is_one_line_a_finding_at_its_value(capsys):
    status, out, _ = check(capsys, str(SEEDS), "--format", "concise", "--fail-on", "never")
    assert status == 0
    lines = out.splitlines()
    assert lines and all(CONCISE.match(line) for line in lines), lines[:3]
    errors = [CONCISE.match(line) for line in lines if " error [" in line]
    assert {m["rule"] for m in errors} == {"numeric-conflict", "categorical-conflict"}
    for m in map(CONCISE.match, lines):
        text = open(m["path"], encoding="utf-8").read().split("\n")[int(m["line"]) - 1]
        assert int(m["col"]) <= len(text)
    # The age conflict is at the value "لا يتجاوز عمره 29 عامًا" in its line.
    age = next(m for m in errors if "29" in m["message"] and "28" in m["message"])
    text = open(age["path"], encoding="utf-8").read().split("\n")[int(age["line"]) - 1]
    assert text[int(age["col"]) - 1:].startswith("لا يتجاوز عمره 29 عامًا")


def test_the_linter_formats_leave_agreements_out(capsys):
    _, out, _ = check(capsys, str(SEEDS), "--format", "concise", "--fail-on", "never")
    assert "[agreement]" not in out and "[single-source]" in out


def test_github_annotations(capsys):
    _, out, _ = check(capsys, str(SEEDS), "--format", "github", "--fail-on", "never")
    lines = out.splitlines()
    assert lines and all(re.match(r"^::(error|warning|notice) file=[^,]+,line=\d+,col=\d+[,:]", line)
                         for line in lines)
    assert any(line.startswith("::error ") and f"(see also {SEEDS}/" in line for line in lines)


def test_github_escapes_what_would_end_a_command():
    text = "Line one,\nline: two 100%"
    article = Article(id="a", path="dir,x/a:b.txt", text=text)
    claim = Claim(id="a#1", article="a", subject=EntityRef(text="x"), predicate="p",
                  value=Value(kind="quantity", text="100%"), quote=text, span=(0, len(text)),
                  value_span=(19, 23), line=2, column=10)
    finding = Finding(id="F", kind="conflict", rule="r", severity="warning", subject=EntityRef(text="x"),
                      predicate="p", claims=["a#1"], message="50% or\n100%", label="a, b:\r\nc")
    [line] = render_github(Report(articles=[article], claims=[claim], findings=[finding])).splitlines()
    assert line == ("::warning file=dir%2Cx/a%3Ab.txt,line=2,col=10,endColumn=14,"
                    "title=factcheck [r] a%2C b%3A%0D%0Ac::50%25 or 100%25")


def test_a_front_matter_is_counted_in_the_line(tmp_path, capsys):
    folder = tmp_path / "story"
    folder.mkdir()
    for name, figure in (("a", 128), ("b", 156)):
        (folder / f"{name}.md").write_text(
            f"---\nsource: Outlet {name}\npublished: 2025-11-27\n---\nThe blaze.\n\nThe fire killed {figure} "
            "people, officials said.\n", encoding="utf-8")
    _, out, _ = check(capsys, str(folder), "--format", "concise", "--fail-on", "never")
    lines = [CONCISE.match(line) for line in out.splitlines()]
    assert lines
    for m in lines:
        text = open(m["path"], encoding="utf-8").read().split("\n")[int(m["line"]) - 1]
        assert re.match(r"\d+ people", text[int(m["col"]) - 1:]), (m.group(0), text)


@pytest.mark.parametrize("option", [["-o", "-"], ["--json", "-"], ["--sarif", "-"], ["--format", "json"]])
def test_dash_means_standard_output(tmp_path, capsys, option):
    status, out, _ = check(capsys, str(SEEDS), *option, "--fail-on", "never", "-q")
    assert status == 0 and not (tmp_path / "-").exists()
    if option[0] == "-o":
        assert out.startswith("# Fact-consistency report")
    else:
        data = json.loads(out)
        assert ("runs" in data) == (option[0] == "--sarif")


def test_dash_writes_no_file_named_dash(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    status, out, _ = check(capsys, str(SEEDS), "-o", str(tmp_path / "r.md"), "--json", "-", "--fail-on", "never")
    assert status == 0 and not (tmp_path / "-").exists() and json.loads(out)["version"] == 1


@pytest.mark.parametrize("args", [["-o", "-", "--json", "-"], ["--json", "-", "--format", "concise"],
                                  ["--format", "sarif", "--sarif", "-"], ["--json", "-"]])
def test_two_reports_on_standard_output_are_refused(capsys, args):
    if args == ["--json", "-"]:
        args = [*args, "--format", "markdown"]
    status, out, err = check(capsys, str(SEEDS), *args)
    assert status == 2 and out == "" and "only one report can go to standard output" in err


def test_format_prints_beside_the_files(tmp_path, capsys):
    md, sarif = tmp_path / "r.md", tmp_path / "r.sarif"
    status, out, err = check(capsys, str(SEEDS), "-o", str(md), "--sarif", str(sarif), "--format", "concise")
    assert status == 1 and md.exists() and json.loads(sarif.read_text(encoding="utf-8"))["version"] == "2.1.0"
    assert CONCISE.match(out.splitlines()[0])
    assert err == f"factcheck: 5 articles, 2 conflicts, 2 possible conflicts, 8 agreements → {md}, {sarif}, stdout\n"


def test_quiet_leaves_no_summary(tmp_path, capsys):
    status, out, err = check(capsys, str(SEEDS), "-o", str(tmp_path / "r.md"), "-q")
    assert status == 1 and out == "" and err == ""


def test_one_line():
    assert one_line("a\n b\u2028c\t d ") == "a b c d"
