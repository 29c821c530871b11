"""What an editor's report must hold, on every story of the real-news corpus.

A report's first screen (its first 40 lines) holds the disputes it ranks highest;
no report is longer than 250 lines by default, and `--all` shows everything; no
heading repeats; no line mixes writing directions outside isolates; every charted
figure is a value of its finding, in the unit of its axis.
"""

from __future__ import annotations

import re

import pytest
from conftest import ROOT

from checker.pipeline import check
from checker.report.charts import _SCALES
from checker.report.direction import FSI, PDI, mixes_directions
from checker.report.html import render_html
from checker.report.markdown import MAX_LINES, TOP_DISPUTES, render_markdown
from checker.report.tables import cell
from checker.report.view import ReportView
from checker.tools.realnews.stories import find_stories, load_story_articles, read_story

CORPUS = ROOT / "benchmarks" / "realnews"
FIRST_SCREEN = 40
STORIES = [folder.name for folder in find_stories([CORPUS])]


@pytest.fixture(scope="module")
def reports(setup):
    out = {}
    for name in STORIES:
        report = check(load_story_articles(read_story(CORPUS / name)), setup)
        out[name] = (report, render_markdown(report), render_markdown(report, full=True))
    return out


def visible(text: str) -> str:
    return " ".join(text.replace(FSI, "").replace(PDI, "").split())


def headings(markdown: str) -> list[str]:
    return [visible(re.sub(r'<a id="[^"]*"></a>', "", line)) for line in markdown.split("\n") if line.startswith("#")]


@pytest.mark.parametrize("name", STORIES)
def test_the_first_screen_holds_the_top_disputes(reports, name):
    report, markdown, _ = reports[name]
    screen = visible(" ".join(markdown.split("\n")[:FIRST_SCREEN]))
    top = ReportView(report).disputes[:TOP_DISPUTES]
    for view in top:
        assert visible(cell(view.heading)) in screen, view.heading
    # best first: the list gives them in rank order
    assert [f.rank for f in (v.finding for v in top)] == sorted(f.rank for f in (v.finding for v in top))


@pytest.mark.parametrize("name", STORIES)
def test_no_report_is_longer_than_the_limit_and_all_shows_everything(reports, name):
    report, markdown, full = reports[name]
    assert len(markdown.split("\n")) <= MAX_LINES
    for finding in report.findings:
        if finding.kind != "single_source":
            assert f'<a id="{finding.id}"></a>' in full
    assert "not shown: `--all` shows" not in full
    every_value = visible(full)
    # (a single-source claim's row is its first claim: the others are the same figure again)
    for claim_id in {c for f in report.findings for c in (f.claims[:1] if f.kind == "single_source" else f.claims)}:
        claim = next(c for c in report.claims if c.id == claim_id)
        assert visible(cell(claim.value.text)) in every_value


@pytest.mark.parametrize("name", STORIES)
def test_no_heading_repeats_and_no_line_mixes_directions(reports, name):
    report, markdown, full = reports[name]
    for text in (markdown, full):
        found = headings(text)
        assert len(found) == len(set(found)), sorted(h for h in found if found.count(h) > 1)
        mixed = [line for line in text.split("\n") if mixes_directions(line)]
        assert not mixed, mixed[:3]
    assert len({f.heading for f in report.findings}) == len(report.findings)


def figures(finding, claims) -> list[float]:
    out = []
    for claim in (claims[c] for c in finding.claims):
        out += [float(b) for b in (claim.value.low, claim.value.high) if isinstance(b, (int, float))]
    return out


def close_to_one_of(value: float, figures: list[float]) -> bool:
    return any(abs(value - f) <= 1e-9 * max(1.0, abs(f)) for f in figures)


@pytest.mark.parametrize("name", STORIES)
def test_every_charted_value_is_a_value_of_its_finding(reports, name):
    report, _, full = reports[name]
    claims = {c.id: c for c in report.claims}
    divisors = {scale_name: divisor for divisor, scale_name, _ in _SCALES}
    anchors = {f.id: f for f in report.findings}
    blocks = re.findall(r'<a id="([^"]+)"></a>(?:(?!<a id=).)*?```mermaid\n(.*?)\n```', full, re.S)
    for anchor, block in blocks:
        axis = re.search(r'y-axis "([^"]*)"', block).group(1)
        scale_name = re.search(r"\((\w+)\)$", axis)
        divisor = divisors[scale_name.group(1)] if scale_name and scale_name.group(1) in divisors else 1.0
        plotted = [float(v) for v in re.search(r"line \[([^\]]*)\]", block).group(1).split(", ")]
        for value in plotted:
            assert close_to_one_of(value * divisor, figures(anchors[anchor], claims)), (anchor, value, divisor)
    page = render_html(report)
    for anchor, svg in re.findall(r'<article class="finding" id="([^"]+)">(?:(?!</article>).)*?(<svg.*?</svg>)',
                                  page, re.S):
        divisor = float(re.search(r'data-scale="([^"]+)"', svg).group(1))
        values = [float(v) for v in re.findall(r'data-value="([^"]+)"', svg)]
        assert len(values) == int(re.search(r'data-points="(\d+)"', svg).group(1)) >= 2
        assert all(close_to_one_of(v, figures(anchors[anchor], claims)) for v in values)
        assert divisor in (1.0, *divisors.values())


def test_a_chart_scales_by_what_it_plots():
    """48,310 in thousands is 48.31, never 4.831 (the scale is named for what it divides by)."""
    from checker.report.charts import plot_number, scale

    assert scale(48_310) == (1e3, "thousands") and plot_number(48_310 / 1e3) == "48.31"
    assert scale(9_999) == (1.0, "") and scale(2.5e6) == (1e6, "millions")
    assert float(plot_number(1_234_567 / 1e6)) * 1e6 == pytest.approx(1_234_567, rel=1e-12)
