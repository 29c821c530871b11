"""`factcheck eval --realnews`: the command and its errors."""

from __future__ import annotations

import re
import shutil

from checker.cli import main
from conftest import ROOT

CORPUS = ROOT / "benchmarks" / "realnews"
STORY = "la-wildfires-2025-en"


# --- the command -------------------------------------------------------------------

def test_eval_realnews_prints_a_row_per_story_and_totals(capsys):
    assert main(["eval", "--realnews", str(CORPUS), "--story", STORY, "--story", "texas-*"]) == 0
    out = capsys.readouterr().out
    assert STORY in out and "texas-hill-country-floods-2025-en" in out and "air-india" not in out
    assert "all stories (2)" in out and "conflicts found" in out and "quotes verbatim" in out


def test_markdown_format_is_a_table_for_closing_notes(capsys):
    assert main(["eval", "--realnews", str(CORPUS), "--story", "*-mixed", "--format", "markdown"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("| story") and lines[1].startswith("|---")
    assert all(line.startswith("|") for line in lines) and "**all stories (4)**" in lines[-1]


def test_verbose_lists_misses_with_both_quotes(capsys):
    assert main(["eval", "--realnews", str(CORPUS), "--story", STORY, "--verbose"]) == 0
    out = capsys.readouterr().out
    misses = re.findall(r"missed conflict (c\d+)", out)
    assert misses
    # each miss is followed by two gold values, each with its quote
    block = out.split(f"missed conflict {misses[0]}")[1].splitlines()[1:3]
    assert all("—" in line and "“" in line and "claim matches]" in line for line in block)


def test_unknown_story_is_exit_2_naming_the_stories(capsys):
    assert main(["eval", "--realnews", str(CORPUS), "--story", "no-such-story"]) == 2
    err = capsys.readouterr().err
    assert "no-such-story" in err and STORY in err and "Traceback" not in err


def test_story_needs_realnews(capsys):
    assert main(["eval", "--story", STORY]) == 2
    assert "--realnews" in capsys.readouterr().err


def copy_story(tmp_path):
    folder = tmp_path / "corpus" / STORY
    shutil.copytree(CORPUS / STORY, folder)
    return folder


def test_malformed_gold_is_exit_2_with_file_and_line(tmp_path, capsys):
    folder = copy_story(tmp_path)
    gold = folder / "gold.yaml"
    lines = gold.read_text(encoding="utf-8").splitlines()
    number = next(i for i, line in enumerate(lines) if "verdict: conflict" in line)
    lines[number] = lines[number].replace("conflict", "contradiction")
    gold.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert main(["eval", "--realnews", str(folder.parent)]) == 2
    err = capsys.readouterr().err
    assert f"{gold}:{number + 1}:" in err and "'verdict' must be" in err and "Traceback" not in err


def test_gold_citing_an_unlisted_article_is_exit_2(tmp_path, capsys):
    folder = copy_story(tmp_path)
    gold = folder / "gold.yaml"
    text = gold.read_text(encoding="utf-8")
    gold.write_text(text.replace("{article: ", "{article: nowhere-", 1), encoding="utf-8")
    assert main(["eval", "--realnews", str(folder.parent)]) == 2
    assert "'nowhere-" in capsys.readouterr().err


def test_article_without_header_is_exit_2(tmp_path, capsys):
    folder = copy_story(tmp_path)
    article = sorted(folder.glob("*.txt"))[0]
    text = article.read_text(encoding="utf-8")
    article.write_text(text.split("\n---\n", 1)[1], encoding="utf-8")
    assert main(["eval", "--realnews", str(folder.parent)]) == 2
    assert f"{article}:1:" in capsys.readouterr().err
