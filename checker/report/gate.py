"""The draft's gate: can I publish? Each figure of the draft, who supports it, who
contradicts it, and what to write instead.

Read from the report's `standing` (checker/judge/draft.py computes it in judging);
the Markdown report and the HTML page write the same rows.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from checker.models import DraftStanding, Report
from checker.report.view import ReportView


def can_publish(report: Report) -> bool:
    """No unreviewed error among the draft's findings: what the exit status says too."""
    return not any(f.severity == "error" and not f.reviewed for f in report.findings)


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def standing_text(standing: DraftStanding) -> str:
    """"supported by 3 outlets", "disputed: 2 for, 1 against"..."""
    support, against = len(standing.supported_by), len(standing.contradicted_by)
    if standing.standing == "alone":
        return "no outlet gives it"
    if standing.standing == "disputed":
        return f"disputed: {support} for, {against} against"
    if standing.standing == "supported":
        return f"supported by {_count(support, 'outlet')}"
    return f"contradicted by {_count(against, 'outlet')}"


@dataclass(frozen=True)
class GateRow:
    """One figure of the draft, in words a renderer marks up; `values` are (value, outlets) pairs."""

    draft_says: str
    about: str
    standing: str
    supported_by: list[str]
    contradicted_by: list[str]
    action: str  # keep, change, attribute, source
    values: list[tuple[str, list[str]]]
    as_of: str | None


def gate_rows(view: ReportView) -> list[GateRow]:
    rows = []
    for standing in view.report.standing:
        advice = standing.advice
        names = [view.outlet(a) for a in standing.supported_by], [view.outlet(a) for a in standing.contradicted_by]
        if advice.action == "attribute":
            values = [(value, [view.outlet(a) for a in outlets]) for value, outlets in advice.split]
        elif advice.value is not None:
            values = [(advice.value, [view.outlet(a) for a in advice.outlets])]
        else:
            values = []
        rows.append(GateRow(standing.value, standing.label or standing.predicate, standing_text(standing),
                            *names, advice.action, values, advice.as_of.isoformat() if advice.as_of else None))
    return rows


def advice_text(row: GateRow, given: Callable[[str, list[str]], str], escape: Callable[[str], str]) -> str:
    """What to write instead, in words; `given` marks up a value with its outlets and
    `escape` makes plain text safe, each in the renderer's own format."""
    as_of = f", as of {escape(row.as_of)}" if row.as_of else ""
    if row.action == "source":
        return "say where it comes from: no outlet gives it"
    if row.action == "attribute":
        return "say who says what: " + " · ".join(given(v, o) for v, o in row.values) + as_of
    value, outlets = row.values[0]
    if row.action == "keep":
        return f"keep it: {len(outlets)} outlet(s) give it{as_of}"
    return given(value, outlets) + as_of


def gate_summary(report: Report) -> str:
    counts = {kind: sum(1 for s in report.standing if s.standing == kind)
              for kind in ("contradicted", "disputed", "supported", "alone")}
    return (f"Draft `{report.draft}`: {_count(len(report.standing), 'figure')} — {counts['contradicted']} "
            f"contradicted, {counts['disputed']} disputed, {counts['supported']} supported by the sources, "
            f"{counts['alone']} given by no outlet.")
