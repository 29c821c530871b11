"""The JSON report: its dict, read from the models, and its text, as json.dumps would write it."""

from __future__ import annotations

import json
from datetime import date

import pytest

from checker.models import Article, Claim, EntityRef, Finding, Report, Value
from checker.report.json_report import render_json, report_dict

QUOTE = "قال المتحدث إن الصفقة بلغت 14.3 مليار دولار.\tثم \"تراجع\" عنها\\"


def small_report(low: float, high: float) -> Report:
    """Arabic text, dates, nulls, booleans, a pair list and the given bounds."""
    articles = [Article(id="a", path="a.txt", source="الجزيرة", url="https://example.com/a",
                        published=date(2025, 6, 12), text=QUOTE),
                Article(id="b", path="b.txt", lang="en", byline="Staff", text="Meta offered 1e20.")]
    claims = [Claim(id="a#1", article="a", subject=EntityRef(id="meta", text="ميتا", type="org"),
                    object=EntityRef(text="سكيل"), predicate="investment",
                    value=Value(kind="quantity", text="14.3 مليار دولار", low=low, high=high, unit="usd"),
                    attribution="المتحدث", quote=QUOTE, span=(0, 44)),
              Claim(id="b#1", article="b", subject=EntityRef(id="meta", text="Meta"), predicate="investment",
                    value=Value(kind="date", text="June 2025", low="2025-06-01", high="2025-06-30"),
                    hedge="reportedly", negated=True, quote="Meta offered 1e20.", span=(0, 18))]
    findings = [Finding(id="F1", kind="conflict", rule="same-figure", severity="error",
                        subject=EntityRef(id="meta", text="ميتا"), predicate="investment",
                        claims=["a#1", "b#1"], message="«ميتا»: 14.3 مليار مقابل 1e20",
                        pairs=[("a#1", "b#1")]),
                Finding(id="F2", kind="single_source", rule="single", severity="info",
                        subject=EntityRef(), predicate="age", claims=["b#1"], message="", reviewed="ok")]
    return Report(articles=articles, claims=claims, findings=findings,
                  aliases=[{"entity": "meta", "spellings": ["ميتا", "Meta"]}], unmatched_rules=["r1"])


@pytest.mark.parametrize("low, high", [(14300000000.0, 1e20), (0.0, float("inf")), (2.5e-05, 1.5e-07)])
def test_json_report_holds_the_report_dict(low, high):
    report = small_report(low, high)
    text = render_json(report)
    assert json.loads(text) == json.loads(json.dumps(report_dict(report)))
    assert text.endswith("}\n") and "\n  \"articles\": [" in text  # indented, one key a line
    assert "«ميتا»" in text  # not escaped to \u codes


def test_report_dict_is_the_model_dump_cut_down():
    """report_dict reads the models directly; it must agree with their JSON dump."""
    report = small_report(14300000000.0, float("inf"))
    data = report_dict(report)
    dumped = report.model_dump(mode="json")
    dumped["finding_kinds"] = dumped.pop("kinds")  # named for what they are in the JSON report
    for finding in dumped["findings"]:
        if finding["pairs"] is None:
            del finding["pairs"]  # written only by the kinds that pair claims

    def cut(full, like):
        """`full` with only the keys `like` has, at every depth."""
        if isinstance(like, dict) and isinstance(full, dict):
            return {k: cut(full[k], like[k]) for k in like}
        if isinstance(like, list) and isinstance(full, list) and len(like) == len(full):
            return [cut(f, l) for f, l in zip(full, like)]
        return full

    assert list(data) == ["version", "articles", "claims", "findings", "aliases", "unmatched_rules", "problems",
                          "rule_changes", "lang", "finding_kinds"]
    assert data == cut(dumped, data)
