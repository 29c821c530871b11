"""One report for a run of several stories: each story's report, kept apart.

With one story the report is that story's, unchanged. With several, the
Markdown report lists the stories, then gives each story's own report (its
headings one level down); the JSON report (still version 1: keys are only
added) holds every story's articles, claims and findings, and a `stories`
list naming each story's articles and findings.
"""

from __future__ import annotations

from typing import Any, Sequence

from checker.models import Report
from checker.report.direction import isolate
from checker.report.markdown import render_markdown
from checker.report.tables import cell, table
from checker.report.view import ReportView
from checker.stories import StoryReport


def combined(parts: Sequence[StoryReport]) -> Report:
    """Every story's report as one, for the JSON report and the exit status."""
    if len(parts) == 1:
        return parts[0].report
    reports = [p.report for p in parts]
    unmatched = [rule for rule in reports[0].unmatched_rules
                 if all(rule in r.unmatched_rules for r in reports[1:])]
    return Report.model_construct(
        version=1,
        articles=[a for r in reports for a in r.articles],
        claims=[c for r in reports for c in r.claims],
        findings=[f for r in reports for f in r.findings],
        aliases=[a for r in reports for a in r.aliases],
        unmatched_rules=unmatched,
        problems=[p for r in reports for p in r.problems],
        rule_changes=reports[0].rule_changes,  # the same rules judged every story
        draft=None,
        kinds=reports[0].kinds,
        lang=reports[0].lang,  # each story's is in the `stories` list
        words=reports[0].words,
        standing=[],
    )


def stories_json(parts: Sequence[StoryReport]) -> dict[str, Any] | None:
    """The `stories` key of the JSON report (None for a run of one story)."""
    if len(parts) == 1:
        return None
    return {"stories": [{"label": p.story.label, "lang": p.report.lang,
                         "articles": [a.id for a in p.report.articles],
                         "findings": [f.id for f in p.report.findings]} for p in parts]}


def _demoted(markdown: str) -> str:
    """Every heading one level down, so that a story's report sits under its own heading."""
    return "".join("#" + line if line.startswith("#") else line for line in markdown.splitlines(keepends=True))


def render_stories_markdown(parts: Sequence[StoryReport], full: bool = False) -> str:
    if len(parts) == 1:
        return render_markdown(parts[0].report, full=full)
    rows = []
    for n, part in enumerate(parts, 1):
        view = ReportView(part.report)
        top = view.disputes[0].heading if view.disputes else "—"
        rows.append([n, isolate(cell(part.story.label)) or "—", len(part.report.articles), len(view.disputes),
                     isolate(cell(top))])
    out = [f"# Fact-consistency report: {len(parts)} stories\n\n",
           "Claims are aligned and judged within each story, never across stories.\n\n",
           table(rows, ["Story", "Label", "Articles", "Disputes", "First to resolve"]), "\n"]
    first_number = 1  # articles are numbered across stories: their reference links stay apart
    for n, part in enumerate(parts, 1):
        out.append(f"\n# Story {n}: {isolate(cell(part.story.label)) or '—'}\n\n")
        out.append(_demoted(render_markdown(part.report, first_number, full)))
        first_number += len(part.report.articles)
    return "".join(out)
