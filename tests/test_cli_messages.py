"""Small messages that said the wrong thing (issue 18, part 9): each option's bad value is
named for what it is, and the run's last line counts agreements as the report's table does."""

from __future__ import annotations

import pytest
from conftest import ROOT

from checker.cli import main

SEEDS = ROOT / "seeds"


@pytest.mark.parametrize("option, value, words", [
    ("--window", "-5", "'-5' is not a number of days (0 or more)"),
    ("--window", "two", "'two' is not a number of days (0 or more)"),
    ("--jobs", "0", "'0' is not a number of jobs (1 or more)"),
    ("--max-claims", "²", "'²' is not a positive whole number"),
])
def test_a_bad_option_value_is_named_for_what_it_is(capsys, option, value, words):
    with pytest.raises(SystemExit) as stopped:
        main(["check", str(SEEDS), option, value])
    err = capsys.readouterr().err
    assert stopped.value.code == 2 and words in err and "Traceback" not in err


def test_a_window_of_zero_days_is_the_drafts_own_day():
    from checker.cli import days

    assert days("0") == 0 and days("30") == 30


def test_the_last_line_counts_agreements_as_the_table_does(tmp_path, capsys):
    md = tmp_path / "r.md"
    assert main(["check", str(SEEDS), "-o", str(md), "--fail-on", "never"]) == 0
    last = capsys.readouterr().err.splitlines()[-1]
    row = next(line for line in md.read_text(encoding="utf-8").splitlines() if line.startswith("| Agreements"))
    count = [cell.strip() for cell in row.strip("|").split("|")][1]
    assert f", {count} agreements → " in last
