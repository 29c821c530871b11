"""The JSON report, version 1 (see DESIGN.md): articles, claims, findings."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from pydantic_core import to_json

from checker.gcpause import cycle_collector_paused
from checker.models import EntityRef, Report


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day is not None else None


def _ref(ref: EntityRef) -> dict[str, str | None]:
    return {"id": ref.id, "text": ref.text}


def report_dict(report: Report) -> dict[str, Any]:
    """The report as plain JSON data.

    Read straight from the models rather than from report.model_dump(), which
    took most of the time and dumped every article's full text only to drop it.
    """
    articles = [{"id": a.id, "path": a.path, "source": a.source, "title": a.title, "url": a.url,
                 "published": _iso(a.published), "lang": a.lang, "byline": a.byline}
                for a in report.articles]
    claims = []
    for c in report.claims:
        v, o = c.value, c.object
        claims.append({
            "id": c.id,
            "article": c.article,
            "subject": _ref(c.subject),
            "predicate": c.predicate,
            "value": {"kind": v.kind, "text": v.text, "low": v.low, "high": v.high,
                      "unit": v.unit, "qualifier": v.qualifier},
            "attribution": c.attribution,
            "hedge": c.hedge,
            "negated": c.negated,
            "object": None if o is None else {"id": o.id, "text": o.text, "type": o.type},
            "quote": c.quote,
            "span": list(c.span),
        })
    findings = []
    for f in report.findings:
        findings.append({
            "id": f.id,
            "kind": f.kind,
            "rule": f.rule,
            "severity": f.severity,
            "subject": _ref(f.subject),
            "predicate": f.predicate,
            "claims": f.claims,
            "message": f.message,
            "fingerprint": f.fingerprint,
            "reviewed": f.reviewed,
            **({"pairs": [list(pair) for pair in f.pairs]} if f.pairs is not None else {}),
        })
    # Few and loosely typed: left to pydantic's own JSON conversion.
    rest = report.model_dump(mode="json", include={"aliases", "unmatched_rules", "problems"})
    return {"version": 1, "articles": articles, "claims": claims, "findings": findings, **rest}


def _python_only(x: object) -> bool:
    """A float pydantic_core may write unlike json.dumps: 0.00001 for 1e-05, 1.5e-7 for 1.5e-07."""
    return isinstance(x, float) and 0 < abs(x) < 1e-4


def render_json(report: Report) -> str:
    """The same text as json.dumps(report_dict(report), ensure_ascii=False, indent=2).

    pydantic_core's Rust encoder writes it several times faster than the
    pure-Python encoder that indent needs, except for tiny floats, which
    only claims' bounds can hold.
    """
    with cycle_collector_paused():
        data = report_dict(report)
        if any(_python_only(c["value"]["low"]) or _python_only(c["value"]["high"]) for c in data["claims"]):
            return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
        return (to_json(data, indent=2) + b"\n").decode()
