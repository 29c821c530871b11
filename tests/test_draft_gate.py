"""The draft's gate, computed in judging: for each of its figures, the outlets that support
it, those that contradict it, and what to write instead; the draft is never an outlet."""

from __future__ import annotations

import json

import pytest
from conftest import ROOT, article

from checker.cli import main
from checker.pipeline import check

TOLL = "قالت الوزيرة سلمى القاسم إن الحريق أودى بحياة {} شخصًا."


def gate(setup, draft_figure: int, sources: list[tuple[str, int, str | None]]):
    """The standing of a draft's toll among sources (id, toll, date)."""
    articles = [article(name, TOLL.format(n), published=day, source=name.upper()) for name, n, day in sources]
    draft = article("draft", TOLL.format(draft_figure))
    report = check([*articles, draft], setup, draft="draft")
    [standing] = [s for s in report.standing if s.predicate == "death_toll"]
    return standing


@pytest.mark.parametrize("draft, sources, standing, action, value, outlets", [
    # An outlet giving the draft's figure supports it; the draft is not counted among them.
    (14, [("a", 14, "2026-03-01"), ("b", 14, "2026-03-01"), ("c", 22, "2026-03-01")],
     "disputed", "keep", "14 شخصًا", ["a", "b"]),
    # Most outlets give another figure: write it, with them.
    (14, [("a", 22, "2026-03-01"), ("b", 22, "2026-03-01"), ("c", 14, "2026-03-01")],
     "disputed", "change", "22 شخصًا", ["a", "b"]),
    # The outlets split evenly: say who says what.
    (9, [("a", 14, "2026-03-01"), ("b", 22, "2026-03-01")], "contradicted", "attribute", None, []),
    # A toll grows: the latest dated report is what to write; earlier ones contradict nothing.
    (14, [("a", 14, "2026-03-01"), ("b", 22, "2026-03-03")], "disputed", "change", "22 شخصًا", ["b"]),
    (22, [("a", 14, "2026-03-01"), ("b", 22, "2026-03-03")], "supported", "keep", "22 شخصًا", ["b"]),
])
def test_standing_and_advice(setup, draft, sources, standing, action, value, outlets):
    found = gate(setup, draft, sources)
    assert found.standing == standing and found.advice.action == action
    assert "draft" not in found.supported_by + found.contradicted_by + found.advice.outlets
    if value is not None:
        assert found.advice.value == value and found.advice.outlets == outlets
    if action == "attribute":
        assert sorted(v for v, _ in found.advice.split) == ["14 شخصًا", "22 شخصًا"]


def test_a_growing_figure_reads_earlier_reports_as_earlier(setup):
    found = gate(setup, 22, [("a", 14, "2026-03-01"), ("b", 22, "2026-03-03")])
    assert found.supported_by == ["b"] and found.earlier == ["a"] and not found.contradicted_by
    assert str(found.advice.as_of) == "2026-03-03"


def test_a_figure_no_outlet_gives_is_alone(setup):
    sources = [article("a", "Orbis hired 12 engineers, the company said.", "en")]
    draft = article("draft", "The fire in Alvena killed 31 people on Tuesday.", "en")
    report = check([*sources, draft], setup, draft="draft")
    assert report.standing and all(s.standing == "alone" and s.advice.action == "source" for s in report.standing)


def test_the_gate_is_in_the_json_the_sarif_and_the_markdown(tmp_path):
    draft = tmp_path / "draft.txt"
    draft.write_text("عرضت ميتا على الباحثين مكافآت تصل إلى 100 مليون دولار للباحث الواحد، بحسب مصادر مطلعة.\n",
                     encoding="utf-8")
    args = ["check", str(ROOT / "seeds"), "--draft", str(draft), "-o", str(tmp_path / "r.md"), "--json",
            str(tmp_path / "r.json"), "--sarif", str(tmp_path / "r.sarif"), "--project", str(tmp_path), "--quiet"]
    assert main(args) == 1
    data = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    # Three seeds give "up to 100 million" (or what holds with it), one "hundreds of millions".
    [offer] = [s for s in data["standing"] if s["predicate"] == "compensation_offer"]
    assert offer["standing"] == "disputed" and len(offer["supported_by"]) == 3 and len(offer["contradicted_by"]) == 1
    assert offer["advice"]["action"] == "keep" and offer["advice"]["outlets"] == offer["supported_by"]
    assert not any(a.startswith("draft") for a in offer["supported_by"] + offer["contradicted_by"])
    sarif = json.loads((tmp_path / "r.sarif").read_text(encoding="utf-8"))
    assert sarif["runs"][0]["properties"]["standing"] == data["standing"]
    assert any("standing" in r["properties"] for r in sarif["runs"][0]["results"])
    markdown = (tmp_path / "r.md").read_text(encoding="utf-8")
    assert "**Can I publish? Not yet.**" in markdown
    assert "| Draft says | About | Standing | Sources | Write instead |" in markdown
