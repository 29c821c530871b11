"""The JSON report written piece by piece, never whole in memory.

The text is the one `render_json` gives (tests hold them equal): the layout of
each article, claim and finding is still `json_report.report_dict`'s, applied
to a few hundred at a time, each piece encoded and written before the next.
"""

from __future__ import annotations

from typing import Any, Iterator, TextIO

from pydantic_core import to_json

from checker.models import Report
from checker.report.json_report import report_dict, report_tail

LISTS = ("articles", "claims", "findings")
REST = ("aliases", "unmatched_rules", "problems", "rule_changes")
CHUNK = 256


def _encode(value: Any, depth: int) -> str:
    """JSON of value as it reads nested `depth` levels deep at indent 2."""
    text = to_json(value, indent=2).decode()
    return text.replace("\n", "\n" + "  " * depth) if depth else text


def _items(report: Report, key: str) -> Iterator[dict[str, Any]]:
    items = getattr(report, key)
    for start in range(0, len(items), CHUNK):
        part = {name: [] for name in LISTS}
        part[key] = items[start:start + CHUNK]
        yield from report_dict(Report.model_construct(**part, aliases=[], unmatched_rules=[], problems=[],
                                                      rule_changes=[]))[key]


def json_chunks(report: Report, extra: dict[str, Any] | None = None) -> Iterator[str]:
    """The JSON report in pieces; `extra` adds top-level keys after the usual ones."""
    yield '{\n  "version": 1'
    for key in LISTS:
        yield f',\n  "{key}": ['
        first = True
        for item in _items(report, key):
            yield ("\n    " if first else ",\n    ") + _encode(item, 2)
            first = False
        yield "]" if first else "\n  ]"
    rest = report.model_dump(mode="json", include=set(REST))
    for key, value in [*((k, rest[k]) for k in REST), *report_tail(report).items(), *(extra or {}).items()]:
        yield f',\n  "{key}": ' + _encode(value, 1)
    yield "\n}\n"


def write_json(report: Report, out: TextIO, extra: dict[str, Any] | None = None) -> None:
    for chunk in json_chunks(report, extra):
        out.write(chunk)
