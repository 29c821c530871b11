"""Charts of figures updated over time: each Mermaid block well-formed in the subset we emit."""

from __future__ import annotations

import json
import re
from datetime import date

import pytest
from conftest import article, run

from checker.models import Claim, EntityRef, Finding, Value
from checker.report.charts import safe_label, update_chart
from checker.report.markdown import render_markdown

STRING = r'"([^"\n`]*)"'
NUMBER = r"-?\d+(?:\.\d+)?"


def parse_xychart(block: str) -> dict:
    """The grammar of the charts we emit, checked line by line: a fence, the chart type,
    an optional quoted title, x-axis categories (quoted strings), a y-axis with a quoted
    label and a numeric range, then line or bar series of numbers, one per category."""
    lines = block.split("\n")
    assert lines[0] == "```mermaid" and lines[-1] == "```", "a fenced mermaid block"
    if lines[1].startswith("%%{"):  # a directive setting the theme: JSON between %%{init: and }%%
        directive = re.fullmatch(r"%%\{init: (\{.*\})\}%%", lines.pop(1))
        assert directive and isinstance(json.loads(directive.group(1)), dict), "a well-formed directive"
    assert lines[1] == "xychart-beta", "the chart type comes first"
    body = [line.strip() for line in lines[2:-1]]
    chart: dict = {"series": []}
    if body and body[0].startswith("title"):
        chart["title"] = re.fullmatch(rf"title {STRING}", body.pop(0)).group(1)
    x = re.fullmatch(rf"x-axis \[({STRING}(?:, {STRING})*)\]", body.pop(0))
    assert x, "x-axis with categories"
    chart["x"] = re.findall(STRING, x.group(1))
    y = re.fullmatch(rf"y-axis {STRING} ({NUMBER}) --> ({NUMBER})", body.pop(0))
    assert y, "y-axis with a label and a range"
    chart["y"] = (y.group(1), float(y.group(2)), float(y.group(3)))
    assert body, "at least one series"
    for line in body:
        series = re.fullmatch(rf"(line|bar) \[({NUMBER}(?:, {NUMBER})*)\]", line)
        assert series, f"a series of numbers: {line!r}"
        values = [float(v) for v in series.group(2).split(", ")]
        assert len(values) == len(chart["x"]), "one value per category"
        assert all(chart["y"][1] <= v <= chart["y"][2] for v in values), "values inside the y range"
        chart["series"].append((series.group(1), values))
    return chart


def mermaid_blocks(markdown: str) -> list[str]:
    return re.findall(r"^```mermaid\n.*?\n```$", markdown, re.M | re.S)


def test_a_toll_that_rose_over_days_is_charted_above_its_table(setup):
    a = article("a", "ارتفعت حصيلة قتلى الانهيار الأرضي إلى 12 قتيلًا.", published="2026-03-01", source="«وكالة» \"أ\"")
    b = article("b", "ارتفعت حصيلة قتلى الانهيار الأرضي إلى 20 قتيلًا.", published="2026-03-02", source="ب")
    c = article("c", "ارتفعت حصيلة قتلى الانهيار الأرضي إلى 31 قتيلًا.", published="2026-03-04", source="ج")
    markdown = render_markdown(run(setup, a, b, c))
    [block] = mermaid_blocks(markdown)
    chart = parse_xychart(block)
    assert chart["x"] == ["03-01", "03-02", "03-04"]
    assert chart["series"] == [("line", [12.0, 20.0, 31.0])]
    assert chart["y"][1] == 0 and chart["y"][2] >= 31
    assert "2026" in chart["title"]
    section = markdown.split("## Figures updated over time")[1]
    assert section.index("```mermaid") < section.index("| Date")  # above its table


def test_same_day_reports_take_the_highest_and_large_figures_are_scaled():
    claims = {f"{n}": Claim(id=f"{n}", article=f"a{n}", subject=EntityRef(text="x"), predicate="cost",
                            value=Value(kind="quantity", text=str(v), low=v, high=v), quote=str(v), span=(0, 1),
                            published=day)
              for n, (v, day) in enumerate([(1.2e9, date(2025, 12, 30)), (1.5e9, date(2025, 12, 30)),
                                            (2.25e9, date(2026, 1, 2)), (float("nan"), None)])}
    finding = Finding(id="u", kind="updated", rule="r", severity="info", subject=EntityRef(text='Say "hi" `x`'),
                      predicate="cost", claims=list(claims), message="", label="التكلفة")
    chart = parse_xychart(update_chart(finding, claims))
    assert chart["x"] == ["2025-12-30", "2026-01-02"]  # two years: full dates
    assert chart["series"] == [("line", [1.5, 2.25])]
    # A label in a right-to-left script is isolated: the scale's words keep their place.
    assert chart["y"][0] == "\u2068التكلفة\u2069 (billions)"
    assert chart["title"] == "\u2068Say hi x — التكلفة\u2069"


def test_one_date_is_no_chart():
    claim = Claim(id="1", article="a", subject=EntityRef(), predicate="p", value=Value(kind="quantity", text="1",
                  low=1.0, high=1.0), quote="1", span=(0, 1), published=date(2025, 1, 1))
    finding = Finding(id="u", kind="updated", rule="r", severity="info", subject=EntityRef(), predicate="p",
                      claims=["1"], message="")
    assert update_chart(finding, {"1": claim}) == ""


@pytest.mark.parametrize("text, label", [
    ('He said "no"', "He said no"),
    ("عامًا «قتلى» [x] {y} `z`", "عامًا قتلى x y z"),  # marks kept, brackets and quotes gone
    ("a\nb\tc;d#e", "a b c d e"),
    ("x" * 80, "x" * 59 + "…"),
])
def test_labels_are_safe_in_mermaid(text, label):
    assert safe_label(text) == label
