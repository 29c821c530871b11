"""Finding kinds are declared once, by the judging kinds that make them; every output
reads the declarations, so a new kind appears everywhere without touching a renderer."""

from __future__ import annotations

import json
import types

import pytest
from conftest import article

from checker.judge import judge
from checker.judge.finding_kinds import CONFLICT, declared
from checker.judge.findings import JudgeContext, make_finding
from checker.judge.kinds import KINDS
from checker.knowledge.rules import Rule, RuleSet
from checker.models import ClaimGroup, Finding, FindingKind, Report
from checker.pipeline import align_claims, read_each, story_claims, with_languages
from checker.report.concise import render_concise
from checker.report.html import render_html
from checker.report.lint import listed
from checker.report.markdown import render_markdown
from checker.report.outputs import Output, run_summary
from checker.report.sarif import sarif_log

SPREAD = FindingKind(kind="spread", title="Figures spread too wide", one="wide spread", many="wide spreads",
                     severity="warning", order=25, dispute=True)


def spread_kind() -> types.ModuleType:
    """A judging kind in one module, declaring the one kind of finding it makes."""
    module = types.ModuleType("checker.judge.kinds.spread")
    module.NAME, module.ORDER, module.PARAMETERS, module.EMITS = "spread", 25, {}, (SPREAD,)

    def judge_group(rule: Rule, group: ClaimGroup, context: JudgeContext) -> list[Finding]:
        if len({(c.value.low, c.value.high) for c in group.claims}) < 2:
            return []
        return [make_finding(rule, "spread", group, group.claims, context, severity="warning")]

    module.judge = judge_group
    return module


def test_the_shipped_kinds_declare_each_kind_of_finding_once():
    kinds = [k.kind for k in declared(KINDS.values())]
    assert kinds == ["conflict", "possible_conflict", "possible_update", "updated", "agreement", "single_source"]
    assert [k.kind for k in declared(KINDS.values()) if k.dispute] == ["conflict", "possible_conflict",
                                                                        "possible_update"]


def test_two_judging_kinds_must_declare_a_shared_kind_alike():
    other = types.ModuleType("other")
    other.NAME, other.EMITS = "other", (CONFLICT.model_copy(update={"title": "Clashes"}),)
    with pytest.raises(ValueError, match="'conflict' is declared twice"):
        declared([KINDS["numeric"], other])


@pytest.fixture(scope="module")
def report_with_a_new_kind(setup):
    kinds = dict(sorted({**KINDS, "spread": spread_kind()}.items(), key=lambda item: item[1].ORDER))
    rules = RuleSet({**setup.rules.rules, "wide": Rule("wide", "spread", {"severity": "warning"}, "test")})
    articles = with_languages([article("a", "قالت الوزيرة سلمى القاسم إن الحريق أودى بحياة 14 شخصًا.",
                                       published="2026-03-01", url="https://example.org/a"),
                               article("b", "أكدت الوزيرة سلمى القاسم أن الحريق أودى بحياة 22 شخصًا.",
                                       published="2026-03-01", url="https://example.org/b")], setup)
    claims = story_claims(read_each(articles, setup))
    groups, _ = align_claims(claims, setup)
    judgement = judge(groups, rules, setup.ontology, kinds=kinds)
    assert "spread" in [f.kind for f in judgement.findings]
    return Report(articles=articles, claims=claims, findings=judgement.findings, kinds=judgement.kinds)


def test_a_new_kind_appears_in_every_output(report_with_a_new_kind):
    report = report_with_a_new_kind
    [spread] = [f for f in report.findings if f.kind == "spread"]
    markdown = render_markdown(report)
    assert "## Figures spread too wide" in markdown and f'<a id="{spread.id}">' in markdown
    assert "| Figures spread too wide" in markdown  # the summary counts it
    assert "## 2 disputes to resolve" in markdown  # a dispute, ranked with the conflict
    page = render_html(report)
    assert "Figures spread too wide</h2>" in page and f'id="{spread.id}"' in page
    results = sarif_log(report, [])["runs"][0]["results"]
    assert any(r["properties"]["kind"] == "spread" and r["level"] == "warning" for r in results)
    assert any(item.finding.kind == "spread" for item in listed(report))
    assert "warning" in render_concise(report)
    assert "1 wide spread" in run_summary(report, [Output("markdown", None)])
    assert json.dumps(report.kinds[1].model_dump())  # declared in the report, for the JSON report
