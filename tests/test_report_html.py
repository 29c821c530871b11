"""The HTML page: one self-contained page of a real story, read without a script; and,
where Chromium is installed, drawn by it with nothing overflowing and every chart's points."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from html import escape
from html.parser import HTMLParser

import pytest
from conftest import ROOT

from checker.cli import main
from checker.pipeline import check
from checker.report.html import render_html
from checker.report.view import ReportView
from checker.tools.realnews.stories import load_story_articles, read_story

STORY = ROOT / "benchmarks" / "realnews" / "drc-ebola-kasai-2025-en"  # disputes, updates, charts
MIXED = ROOT / "benchmarks" / "realnews" / "hong-kong-tai-po-fire-2025-mixed"
CHROMIUM = next((shutil.which(name) for name in ("chromium", "chromium-browser", "google-chrome")
                 if shutil.which(name)), None)


class Structure(HTMLParser):
    """Every element of a page, checked to close in order, with its attributes."""

    VOID = {"meta", "br", "img", "hr", "input", "link", "circle", "line", "polyline"}

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.elements: list[tuple[str, dict[str, str]]] = []
        self.errors: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))

    def handle_endtag(self, tag):
        if tag in self.VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes <{self.stack[-1] if self.stack else None}>")
        else:
            self.stack.pop()

    def all(self, tag: str) -> list[dict[str, str]]:
        return [attrs for name, attrs in self.elements if name == tag]


@pytest.fixture(scope="module")
def story(setup):
    report = check(load_story_articles(read_story(STORY)), setup)
    return report, render_html(report)


def test_the_page_is_whole_and_needs_no_network_nor_script(story):
    _, page = story
    parsed = Structure()
    parsed.feed(page)
    assert not parsed.errors and not parsed.stack
    assert not parsed.all("script") and not parsed.all("link") and not parsed.all("img") and not parsed.all("iframe")
    assert not re.search(r"\bsrc=|@import|url\(", page)  # nothing fetched
    assert page.count("<html") == 1 and "<style>" in page


def test_the_page_ranks_disputes_and_folds_the_details(story):
    report, page = story
    parsed = Structure()
    parsed.feed(page)
    ids = {attrs.get("id") for _, attrs in parsed.elements if attrs.get("id")}
    view = ReportView(report)
    links = re.findall(r'<ol class="disputes">(.*?)</ol>', page, re.S)[0]
    targets = re.findall(r'href="#([^"]+)"', links)
    assert targets == [v.anchor for v in view.disputes] and set(targets) <= ids
    # every finding of a kind that is not a row of a table has its own article on the page
    assert {v.anchor for v in view.findings if v.kind.layout != "row"} <= ids
    # every claim of a finding is quoted, its whole sentence folded under the clause where cut
    for claim in (c for f in report.findings if f.kind != "single_source" for c in f.claims):
        quote = next(c.quote for c in report.claims if c.id == claim)
        assert escape(quote) in page
    assert len(parsed.all("details")) > len(parsed.all("article"))
    # agreements and single-source claims are folded away
    assert re.search(r'<details class="kind"><summary>\d+ agreements</summary>', page)


def test_charts_are_inline_svg_with_a_point_a_day(story):
    report, page = story
    charts = re.findall(r"<svg.*?</svg>", page, re.S)
    assert charts and len(charts) >= sum(1 for f in report.findings if f.kind == "updated") // 2
    for svg in charts:
        assert int(re.search(r'data-points="(\d+)"', svg).group(1)) == svg.count("<circle")
        days = re.findall(r'data-day="([^"]+)"', svg)
        assert days == sorted(days) or len(re.findall("<polyline", svg)) > 1


def test_words_from_the_articles_keep_their_own_direction(setup):
    report = check(load_story_articles(read_story(MIXED)), setup)
    page = render_html(report)
    parsed = Directions()
    parsed.feed(page)
    assert parsed.right_to_left > 100
    assert not parsed.unisolated, parsed.unisolated[:3]


class Directions(HTMLParser):
    """Text with right-to-left letters outside any <bdi> or element with a direction of its own."""

    VOID = Structure.VOID

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[bool] = []  # whether each open element isolates its text
        self.right_to_left = 0
        self.unisolated: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag not in self.VOID:
            self.stack.append(tag in ("bdi", "title") or "dir" in dict(attrs) or tag == "svg")

    def handle_endtag(self, tag):
        if tag not in self.VOID and self.stack:
            self.stack.pop()

    def handle_data(self, data):
        if re.search("[\u0600-\u06ff]", data):
            self.right_to_left += 1
            if not any(self.stack):
                self.unisolated.append(data)


def test_format_html_prints_the_page(tmp_path, capsys):
    assert main(["check", str(ROOT / "seeds"), "--format", "html", "--fail-on", "never", "--quiet"]) == 0
    page = capsys.readouterr().out
    assert page.startswith("<!DOCTYPE html>") and "disputes to resolve" in page
    out = tmp_path / "r.html"
    assert main(["check", str(ROOT / "seeds"), "--html", str(out), "-o", str(tmp_path / "r.md"),
                 "--fail-on", "never", "--quiet"]) == 0
    assert out.read_text(encoding="utf-8") == page


PROBE = """<script>
for (const d of document.querySelectorAll("details")) d.open = true;
const over = [];
for (const el of document.body.querySelectorAll("*")) {
  if (el.closest("svg") && el.tagName.toLowerCase() !== "svg") continue;
  if (el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX === "visible" && el.clientWidth > 0)
    over.push(el.tagName + "#" + (el.id || "") + " " + el.scrollWidth + ">" + el.clientWidth);
}
const charts = [...document.querySelectorAll("svg.chart")].map(svg => ({
  points: +svg.dataset.points,
  drawn: [...svg.querySelectorAll("circle")].filter(c => { const b = c.getBBox(); return b.width > 0; }).length,
  inside: [...svg.querySelectorAll("circle")].every(c => { const x = +c.getAttribute("cx"),
      y = +c.getAttribute("cy"), v = svg.viewBox.baseVal; return x >= 0 && x <= v.width && y >= 0 && y <= v.height; }),
}));
const pre = document.createElement("pre");
pre.id = "probe";
pre.textContent = JSON.stringify({page: [document.documentElement.scrollWidth, window.innerWidth], over, charts});
document.body.appendChild(pre);
</script>"""


@pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (apt-get install chromium)")
@pytest.mark.parametrize("width", [1280, 420])
def test_chromium_draws_the_page_without_overflow_and_every_point(tmp_path, story, width):
    _, page = story
    probed = tmp_path / "page.html"
    probed.write_text(page.replace("</body>", PROBE + "</body>"), encoding="utf-8")
    result = subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         f"--user-data-dir={tmp_path / 'profile'}", f"--window-size={width},900", "--virtual-time-budget=5000",
         "--dump-dom", probed.as_uri()],
        capture_output=True, text=True, timeout=120)
    found = re.search(r'<pre id="probe">(.*?)</pre>', result.stdout, re.S)
    assert found, result.stderr[-2000:]
    probe = json.loads(found.group(1).replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&"))
    assert probe["page"][0] <= probe["page"][1], "the page scrolls sideways"
    assert not probe["over"], probe["over"][:5]
    assert probe["charts"] and all(c["drawn"] == c["points"] and c["inside"] for c in probe["charts"])
