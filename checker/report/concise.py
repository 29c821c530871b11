"""The concise format: one line a finding, `path:line:col: severity [rule] message`.

What ruff's `concise` and Vale's `line` outputs print, for an editor's
quick-fix list or a grep: the place is the claim's value, the message the
finding's own, on one line.
"""

from __future__ import annotations

from checker.models import Report
from checker.report.lint import listed, one_line


def render_concise(report: Report) -> str:
    lines = [f"{item.place.path}:{item.place.line}:{item.place.column}: {item.finding.severity} "
             f"[{item.finding.rule}] {one_line(item.finding.message)}"
             for item in listed(report)]
    return "".join(line + "\n" for line in lines)
