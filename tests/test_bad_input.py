"""Issue 11, row by row: bad, big and odd input gets one line naming the file, exit 2,
no traceback, and the other articles are still checked and reported."""

from __future__ import annotations

import json
import os
import random
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from checker import cli
from checker.align.pairing import MAX_VALUES
from checker.cli import main
from checker.limits import MAX_ARTICLE_BYTES, MAX_SENTENCE_CHARS
from checker.pipeline import align_claims, check, read_each, story_claims
from conftest import DISPUTES, ROOT, article

SEEDS = ROOT / "seeds"
SEED_IDS = {p.stem for p in SEEDS.glob("*.txt")}
GOOD = "The company said it hired 300 workers on Monday.\n"


def run(args: list[str], capsys) -> tuple[int, str]:
    status = main(args)
    err = capsys.readouterr().err
    assert "Traceback" not in err
    return status, err


def seeds_with(tmp_path: Path, files: dict[str, str | bytes]) -> Path:
    """A copy of the seeds with some more files beside them."""
    folder = tmp_path / "story"
    shutil.copytree(SEEDS, folder)
    for name, content in files.items():
        path = folder / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return folder


def checked(tmp_path: Path, args: list[str], capsys) -> tuple[int, str, dict]:
    js = tmp_path / "out" / "r.json"
    status, err = run(["check", *args, "-o", str(tmp_path / "out" / "r.md"), "--json", str(js),
                       "--project", str(tmp_path)], capsys)
    return status, err, json.loads(js.read_text(encoding="utf-8"))


# Row 1: dates that do not exist.

def test_an_impossible_date_in_front_matter(tmp_path, capsys):
    folder = seeds_with(tmp_path, {"feb30.md": "---\ntitle: x\npublished: 2025-02-30\n---\n" + GOOD})
    status, err, data = checked(tmp_path, [str(folder)], capsys)
    assert status == 2
    assert f"{folder / 'feb30.md'}:3:12: 'published' must be an ISO date (YYYY-MM-DD), got '2025-02-30'" in err
    assert {a["id"] for a in data["articles"]} == SEED_IDS


def test_a_bad_month_in_sources_yaml_costs_only_its_article(tmp_path, capsys):
    folder = seeds_with(tmp_path, {"extra.txt": GOOD})
    with open(folder / "sources.yaml", "a", encoding="utf-8") as out:
        out.write("extra:\n  published: 2025-13-01\n")
    status, err, data = checked(tmp_path, [str(folder)], capsys)
    assert status == 2 and "sources.yaml:" in err and "'published' of 'extra'" in err
    assert {a["id"] for a in data["articles"]} == SEED_IDS


@pytest.mark.parametrize("value, words", [("2025-02-30", "'2025-02-30' is not a valid date"),
                                          ("2025-01-01", "'message' must be a string")])
def test_a_date_value_in_a_rule_file(tmp_path, capsys, value, words):
    rules = tmp_path / "r.yaml"
    rules.write_text(f"rules:\n  - id: dated\n    kind: numeric\n    message: {value}\n", encoding="utf-8")
    status, err = run(["rules", "validate", str(rules)], capsys)
    assert status == 2 and f"{rules}:4:14:" in err and words in err
    status, err = run(["check", str(SEEDS), "--rules", str(rules), "-o", str(tmp_path / "r.md")], capsys)
    assert status == 2 and words in err


# Row 2: JSON no report can hold, and the report it used to truncate.

@pytest.mark.parametrize("raw, words", [
    ('{"text": ' + "[" * 100_000 + "]" * 100_000 + "}", "nested more than 100 levels deep"),
    ('{"text": "the toll rose to 12 \\ud800 on Monday"}', "lone surrogate"),
])
def test_json_no_report_could_hold_leaves_the_report_whole(tmp_path, capsys, raw, words):
    folder = seeds_with(tmp_path, {"odd.json": raw})
    report = tmp_path / "out" / "r.json"
    report.parent.mkdir()
    report.write_text('{"version": 1, "previous": true}', encoding="utf-8")
    status, err, data = checked(tmp_path, [str(folder)], capsys)
    assert status == 2 and f"{folder / 'odd.json'}" in err and words in err
    assert {a["id"] for a in data["articles"]} == SEED_IDS
    assert [p["path"] for p in data["problems"]] == [str(folder / "odd.json")]


# Row 3: things that are not files.

def test_dev_stdin_from_a_pipe(tmp_path):
    done = subprocess.run([sys.executable, "-m", "checker", "check", "/dev/stdin", str(SEEDS),
                           "-o", str(tmp_path / "r.md")],
                          input=GOOD.encode(), capture_output=True, cwd=tmp_path, timeout=120)
    err = done.stderr.decode()
    assert done.returncode == 2 and "Traceback" not in err
    assert "/dev/stdin: not a regular file" in err
    assert (tmp_path / "r.md").read_text(encoding="utf-8").startswith("# Fact-consistency report")


def test_a_fifo_is_named_not_opened(tmp_path, capsys):
    folder = seeds_with(tmp_path, {})
    os.mkfifo(folder / "pipe.txt")
    status, err, data = checked(tmp_path, [str(folder)], capsys)  # opening it would block for ever
    assert status == 2 and f"{folder / 'pipe.txt'}: not a regular file" in err
    assert {a["id"] for a in data["articles"]} == SEED_IDS


def test_a_folder_that_cannot_be_listed(tmp_path, capsys, monkeypatch):
    locked = tmp_path / "locked"
    locked.mkdir()
    listdir = os.listdir

    def refuse(path):
        if Path(path) == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return listdir(path)

    monkeypatch.setattr(os, "listdir", refuse)
    status, err, data = checked(tmp_path, [str(SEEDS), str(locked)], capsys)
    assert status == 2 and f"{locked}: cannot list folder: Permission denied" in err
    assert {a["id"] for a in data["articles"]} == SEED_IDS


# Row 4: message templates.

def test_a_stray_brace_is_found_by_validate_and_stops_check_cleanly(tmp_path, capsys):
    rules = tmp_path / "r.yaml"
    rules.write_text('rules:\n  - id: numeric-conflict\n    kind: numeric\n    message: "{"\n', encoding="utf-8")
    status, err = run(["rules", "validate", str(rules)], capsys)
    assert status == 2 and f"{rules}:4:14: 'message' is not a valid template" in err
    status, err = run(["check", str(SEEDS), "--rules", str(rules), "-o", str(tmp_path / "r.md")], capsys)
    assert status == 2 and f"{rules}:4:14:" in err and not (tmp_path / "r.md").exists()


def test_an_unknown_placeholder_is_refused_not_printed_blank(tmp_path, capsys):
    rules = tmp_path / "r.yaml"
    rules.write_text('rules:\n  - id: numeric-conflict\n    kind: numeric\n    message: "{unknown} of {subject}"\n',
                     encoding="utf-8")
    status, err = run(["rules", "validate", str(rules)], capsys)
    assert status == 2 and "unknown placeholder {unknown}" in err


# Row 5: one broken sources.yaml.

def test_a_broken_sources_yaml_drops_only_the_txt_articles(tmp_path, capsys):
    folder = seeds_with(tmp_path, {
        "sources.yaml": "000_2b9f58cd9767ca8f: {title: [unclosed\n",
        "c.md": "---\nsource: C\n---\n" + GOOD,
        "d.json": json.dumps({"source": "D", "text": GOOD}),
    })
    status, err, data = checked(tmp_path, [str(folder)], capsys)
    assert status == 2
    assert err.count("invalid YAML") == 1
    assert all(f"{folder / (i + '.txt')}: skipped: its metadata file" in err for i in SEED_IDS)
    assert {a["id"] for a in data["articles"]} == {"c", "d"}
    markdown = (tmp_path / "out" / "r.md").read_text(encoding="utf-8")
    assert "6 input problem(s)" in markdown


def test_no_article_read_is_not_reported_as_no_conflicts(tmp_path, capsys):
    folder = tmp_path / "story"
    folder.mkdir()
    (folder / "a.txt").write_bytes(b"")
    status, err, _ = checked(tmp_path, [str(folder)], capsys)
    markdown = (tmp_path / "out" / "r.md").read_text(encoding="utf-8")
    assert status == 2 and "Nothing was checked: no article could be read." in markdown
    assert "No unreviewed conflicts" not in markdown


# Row 6: reports written whole, never over an input.

def test_a_write_that_fails_half_way_leaves_the_old_report_whole(tmp_path, capsys, monkeypatch):
    report = tmp_path / "r.md"
    report.write_text("previous report\n", encoding="utf-8")

    def full_disk(*args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("checker.report.files.os.replace", full_disk)
    status, err = run(["check", str(SEEDS), "-o", str(report), "--fail-on", "never"], capsys)
    assert status == 2 and f"{report}: cannot write report: No space left on device" in err
    assert report.read_text(encoding="utf-8") == "previous report\n"
    assert os.listdir(tmp_path) == ["r.md"]  # no temporary file left behind


def test_a_crash_while_rendering_leaves_both_old_reports_whole(tmp_path, capsys, monkeypatch):
    md, js = tmp_path / "r.md", tmp_path / "r.json"
    md.write_text("old md\n", encoding="utf-8")
    js.write_text("old json\n", encoding="utf-8")
    monkeypatch.setattr("checker.report.stream.write_json", lambda report, out, extra: 1 / 0)
    status, err = run(["check", str(SEEDS), "-o", str(md), "--json", str(js)], capsys)
    assert status == 2 and "internal error" in err
    assert md.read_text(encoding="utf-8") == "old md\n" and js.read_text(encoding="utf-8") == "old json\n"


def test_reports_keep_the_permissions_of_the_files_they_replace(tmp_path, capsys):
    report = tmp_path / "r.md"
    report.write_text("old\n", encoding="utf-8")
    report.chmod(0o640)
    run(["check", str(SEEDS), "-o", str(report), "--fail-on", "never"], capsys)
    assert report.stat().st_mode & 0o777 == 0o640
    assert report.read_text(encoding="utf-8").startswith("# Fact-consistency report")


def test_output_naming_an_input_article_is_refused(tmp_path, capsys):
    folder = seeds_with(tmp_path, {})
    target = folder / "000_2b9f58cd9767ca8f.txt"
    before = target.read_bytes()
    status, err = run(["check", str(folder), "-o", str(target)], capsys)
    assert status == 2 and f"{target}: this is an input of the run" in err
    assert target.read_bytes() == before
    status, err = run(["check", str(target), str(SEEDS / "001_12631ab96fb70234.txt"),
                       "--json", str(target)], capsys)
    assert status == 2 and target.read_bytes() == before


def test_output_in_an_input_folder_is_refused(tmp_path, capsys):
    folder = seeds_with(tmp_path, {})
    status, err = run(["check", str(folder), "-o", str(folder / "report.md")], capsys)
    assert status == 2 and "the next run would read the report as an article" in err
    assert not (folder / "report.md").exists()


def test_markdown_and_json_to_one_file_is_refused(tmp_path, capsys):
    same = tmp_path / "r.json"
    status, err = run(["check", str(SEEDS), "-o", str(same), "--json", str(same)], capsys)
    assert status == 2 and "would both be written here" in err and not same.exists()


# Row 7: a huge article.

def test_an_article_over_the_default_size_is_skipped_unread(tmp_path, capsys):
    folder = seeds_with(tmp_path, {"huge.txt": GOOD * (MAX_ARTICLE_BYTES // len(GOOD) + 1)})
    status, err, data = checked(tmp_path, [str(folder)], capsys)
    assert status == 2 and f"{folder / 'huge.txt'}: larger than {MAX_ARTICLE_BYTES:,} bytes" in err
    assert {a["id"] for a in data["articles"]} == SEED_IDS


def test_the_size_limit_is_settable(tmp_path, capsys):
    status, err, data = checked(tmp_path, [str(SEEDS), "--max-article-size", "8K"], capsys)
    assert status == 2 and "larger than 8,192 bytes" in err
    assert 0 < len(data["articles"]) < 5


# Row 8: many figures in one article cost linearly (benchmarks/sentences.py times it).

def test_one_bucket_of_many_distinct_figures_makes_linearly_many_links(setup):
    lines = "\n".join(f"The company said {n} workers were hired" for n in range(100, 400))
    claims = story_claims(read_each([article("lines", lines, lang="en")], setup))
    groups, _ = align_claims(claims, setup)
    assert len(claims) == 300
    links = sum(len(g.links) for g in groups)
    assert links <= len(claims) * MAX_VALUES  # every pair would be 44,850


def test_two_long_tables_of_one_quantity_are_weighed_linearly(setup):
    from checker.align.evidence import Story, features_of
    from checker.align.pairing import BLOCK_LIMIT, weigh_pairs
    size = BLOCK_LIMIT  # two articles: twice the limit in one block
    texts = ["\n".join(f"The company said {n} workers were hired" for n in range(100, 100 + size)),
             "\n".join(f"The company said {n} workers were hired" for n in range(101, 101 + size))]
    claims = story_claims(read_each([article(f"t{k}", text, lang="en") for k, text in enumerate(texts)], setup))
    features = [features_of(c, setup.ontology, {}) for c in claims]
    assert len(claims) == 2 * size
    assert len(weigh_pairs(features, Story.of(features), setup.alignment)) <= len(claims) * MAX_VALUES


# Row 9: text without punctuation.

def test_unpunctuated_text_gives_bounded_quotes(tmp_path, capsys):
    text = " ".join(f"the company hired {n} workers" for n in range(10, 2000))
    folder = tmp_path / "flat"
    folder.mkdir()
    (folder / "flat.txt").write_text(text, encoding="utf-8")
    status, err, data = checked(tmp_path, [str(folder), "--fail-on", "never"], capsys)
    assert status == 0 and data["claims"]
    assert max(len(c["quote"]) for c in data["claims"]) <= MAX_SENTENCE_CHARS
    assert len(json.dumps(data)) < 200 * len(text)


# Row 10: what used to be ignored or mis-read.

@pytest.mark.parametrize("name, content, words", [
    ("unclosed.md", "---\ntitle: x\n\n" + GOOD, ":1:1: front matter is not closed"),
    ("UPPER.TXT", GOOD, ": suffix '.TXT' is not read"),
    ("notes.pdf", GOOD, ": not an article file"),
])
def test_files_once_ignored_or_misread_are_named(tmp_path, capsys, name, content, words):
    folder = seeds_with(tmp_path, {name: content})
    status, err, data = checked(tmp_path, [str(folder)], capsys)
    assert status == 2 and f"{folder / name}{words}" in err
    assert {a["id"] for a in data["articles"]} == SEED_IDS


def test_a_subfolder_and_a_symlink_loop_are_named(tmp_path, capsys):
    folder = seeds_with(tmp_path, {})
    (folder / "more").mkdir()
    (folder / "loop.txt").symlink_to(folder / "loop.txt")
    status, err, data = checked(tmp_path, [str(folder)], capsys)
    assert status == 2
    assert f"{folder / 'more'}: a folder inside an input folder" in err
    assert f"{folder / 'loop.txt'}: symbolic link loop" in err
    assert {a["id"] for a in data["articles"]} == SEED_IDS


def test_a_missing_project_folder(tmp_path, capsys):
    status, err = run(["check", str(SEEDS), "--project", str(tmp_path / "nope")], capsys)
    assert status == 2 and f"{tmp_path / 'nope'}: no such project folder" in err


def test_an_override_of_a_rule_that_does_not_exist(tmp_path, capsys):
    rules = tmp_path / "r.yaml"
    rules.write_text("rules:\n  - id: hush\n    kind: override\n    target: numeric-conflikt\n    enabled: false\n",
                     encoding="utf-8")
    status, err = run(["rules", "validate", str(rules)], capsys)
    assert status == 2 and f"{rules}:2: override 'hush' targets rule 'numeric-conflikt'" in err
    status, err, data = checked(tmp_path, [str(SEEDS), "--rules", str(rules)], capsys)
    assert status == 2 and "targets rule 'numeric-conflikt', which is not defined" in err
    assert [p["path"] for p in data["problems"]] == [str(rules)]
    assert {a["id"] for a in data["articles"]} == SEED_IDS


def test_a_draft_named_like_a_source_is_refused(tmp_path, capsys):
    draft = tmp_path / "000_2b9f58cd9767ca8f.txt"
    draft.write_text(GOOD, encoding="utf-8")
    status, err = run(["check", str(SEEDS), "--draft", str(draft), "-o", str(tmp_path / "r.md")], capsys)
    assert status == 2
    assert f"the draft's id '000_2b9f58cd9767ca8f' is also the id of the source {SEEDS}" in err
    assert not (tmp_path / "r.md").exists()


def test_a_draft_that_is_a_folder_is_refused(tmp_path, capsys):
    status, err = run(["check", str(SEEDS), "--draft", str(SEEDS)], capsys)
    assert status == 2 and "--draft takes one article file, not a folder" in err


def test_a_draft_lying_among_its_sources_is_the_draft(tmp_path, capsys):
    folder = seeds_with(tmp_path, {"draft.txt": GOOD})
    status, err, data = checked(tmp_path, [str(folder), "--draft", str(folder / "draft.txt"),
                                           "--fail-on", "never"], capsys)
    assert status == 0 and [a["id"] for a in data["articles"]].count("draft") == 1


# Row 11: a bug is a bug, not a finding.

def test_an_internal_error_exits_2_and_says_it_is_a_bug(tmp_path, capsys, monkeypatch):
    def broken(*args, **kwargs):
        raise KeyError("oops")

    monkeypatch.setattr("checker.corpus.check_corpus", broken)
    status, err = run(["check", str(SEEDS), "-o", str(tmp_path / "r.md")], capsys)
    assert status == 2
    assert err.startswith("factcheck: internal error (KeyError: 'oops'). This is a bug in factcheck")
    assert len(err.strip().splitlines()) == 1


def test_debug_shows_the_traceback(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr("checker.corpus.check_corpus", lambda *a, **k: {}["oops"])
    assert main(["check", str(SEEDS), "-o", str(tmp_path / "r.md"), "--debug"]) == 2
    err = capsys.readouterr().err
    assert "Traceback" in err and "This is a bug in factcheck" in err


# All at once: one article of each bad kind beside the seeds.

def test_one_bad_article_of_each_kind_beside_the_seeds(tmp_path, capsys):
    bad = {
        "feb30.md": "---\npublished: 2025-02-30\n---\n" + GOOD,
        "deep.json": '{"text": ' + "[" * 100_000 + "]" * 100_000 + "}",
        "surrogate.json": '{"text": "a lone \\ud800 half"}',
        "unclosed.md": "---\ntitle: x\n" + GOOD,
        "UPPER.TXT": GOOD,
        "page.html": "<html><head><title>x</title></head><body><script>var killed = 99;</script></body></html>",
        "empty.txt": "",
        "binary.txt": b"%PDF-1.7\n" + random.Random(0).randbytes(200),
        "notjson.json": '{"text": "unclosed',
        "frontmatter.md": '---\ntitle: "unclosed\n---\n' + GOOD,
        "shape.json": '["not", "an", "object"]',
        "huge.txt": GOOD * (64 * 1024 // len(GOOD) + 1),
        "badmonth.txt": GOOD,
        "entry.txt": GOOD,
    }
    folder = seeds_with(tmp_path, bad)
    with open(folder / "sources.yaml", "a", encoding="utf-8") as out:
        out.write("badmonth:\n  published: 2025-13-01\nentry: just text\n")
    (folder / "sub").mkdir()
    (folder / "loop.txt").symlink_to(folder / "loop.txt")
    (folder / "gone.txt").symlink_to(folder / "nowhere.txt")
    os.mkfifo(folder / "pipe.txt")
    skipped = {*bad, "sub", "loop.txt", "gone.txt", "pipe.txt"}

    status, err, data = checked(tmp_path, [str(folder), "--max-article-size", "64K"], capsys)
    assert status == 2
    assert {a["id"] for a in data["articles"]} == SEED_IDS
    problems = {Path(p["path"]).name: p["message"] for p in data["problems"]}
    assert set(problems) == skipped
    for name in skipped:
        assert problems[name] in err  # each on stderr too, with its reason
    assert "--max-article-size" in problems["huge.txt"] and "2025-13-01" in problems["badmonth.txt"]
    # The seeds are read exactly as on their own.
    alone = tmp_path / "alone.json"
    main(["check", str(SEEDS), "-o", str(tmp_path / "alone.md"), "--json", str(alone), "--fail-on", "never"])
    by_itself = json.loads(alone.read_text(encoding="utf-8"))
    assert data["claims"] == by_itself["claims"]
    assert data["findings"] == by_itself["findings"]


def test_quiet_leaves_one_line_and_the_report_lists_everything(tmp_path, capsys):
    folder = seeds_with(tmp_path, {"notes.pdf": "x", "empty.txt": ""})
    status, err, data = checked(tmp_path, [str(folder), "--quiet"], capsys)
    assert status == 2
    assert err == "factcheck: 2 input problem(s), listed in the report\n"
    assert len(data["problems"]) == 2


def test_past_the_block_limit_a_figure_still_meets_its_quantity(setup):
    """Thirty outlets give a toll of 40 and one gives 45, among hundreds of other figures of
    one kind: each figure is weighed against its 20 nearest only, and the conflict is
    still found on the pairs that were weighed."""
    from checker.align.pairing import BLOCK_LIMIT
    filler = " ".join(f"The company hired {n} workers." for n in range(100, 114))
    texts = [f"The flood killed 40 people on Sunday. {filler}"] * 30 + [f"The flood killed 45 people on Sunday. {filler}"]
    articles = [article(f"a{k:02}", text, lang="en", published="2026-03-01") for k, text in enumerate(texts)]
    report = check(articles, setup)
    assert len(report.claims) > BLOCK_LIMIT
    [toll] = [f for f in report.findings if f.kind in DISPUTES and f.predicate == "death_toll"]
    assert sorted(len(c.outlets) for c in toll.clusters) == [1, 30]
