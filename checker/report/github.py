"""GitHub Actions workflow commands: each finding an annotation on its claim's line.

`::error file=F,line=L,col=C,endColumn=E,title=T::message`, one line a
finding; GitHub shows them on the run's summary and beside the file's lines
in a pull request. An info finding is a notice.
"""

from __future__ import annotations

from checker.models import Report
from checker.report.lint import listed, one_line

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def _data(text: str) -> str:
    """A command's message: %, CR and LF escaped, as the runner reads them back."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    """A property value: also ':' and ',', which would end it."""
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def render_github(report: Report) -> str:
    out = []
    for item in listed(report):
        place, finding = item.place, item.finding
        properties = {"file": place.path, "line": place.line, "col": place.column}
        if place.end_line == place.line:
            properties["endColumn"] = place.end_column
        properties["title"] = f"factcheck [{finding.rule}] {finding.label or finding.predicate}"
        # The message names the other outlets' values; where they stand is added.
        others = ", ".join(sorted({f"{p.path}:{p.line}" for p in item.related}))
        message = one_line(finding.message) + (f" (see also {others})" if others else "")
        fields = ",".join(f"{key}={_property(str(value))}" for key, value in properties.items())
        out.append(f"::{COMMANDS[finding.severity]} {fields}::{_data(message)}\n")
    return "".join(out)
