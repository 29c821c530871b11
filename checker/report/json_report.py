"""The JSON report, version 1 (see DESIGN.md): articles, claims, findings."""

from __future__ import annotations

from datetime import date
from typing import Any

from pydantic_core import to_json

from checker.models import AlignedWith, EntityRef, Report


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day is not None else None


def _ref(ref: EntityRef) -> dict[str, str | None]:
    return {"id": ref.id, "text": ref.text}


def _aligned(link: AlignedWith) -> dict[str, Any]:
    out: dict[str, Any] = {"claim": link.claim, "evidence": link.evidence}
    if link.probability is not None:
        out["probability"] = round(link.probability, 4)
    return out


def report_dict(report: Report) -> dict[str, Any]:
    """The report as plain JSON data.

    Read straight from the models rather than from report.model_dump(), which
    took most of the time and dumped every article's full text only to drop it.
    """
    articles = [{"id": a.id, "path": a.path, "source": a.source, "title": a.title, "url": a.url,
                 "published": _iso(a.published), "lang": a.lang, "byline": a.byline,
                 # Text extracted from a page: what its claims' spans index, which the file is not.
                 **({"text_source": a.text_source, "text": a.text} if a.text_source else {})}
                for a in report.articles]
    claims = []
    for c in report.claims:
        v, o = c.value, c.object
        claims.append({
            "id": c.id,
            "article": c.article,
            "subject": _ref(c.subject),
            "predicate": c.predicate,
            "predicate_text": c.predicate_text,
            "value": {"kind": v.kind, "text": v.text, "low": v.low, "high": v.high,
                      "unit": v.unit, "qualifier": v.qualifier, "dimension": v.dimension,
                      "precision": v.precision, "range": v.range,
                      "entity": None if v.entity is None else _ref(v.entity)},
            "attribution": c.attribution,
            "hedge": c.hedge,
            "negated": c.negated,
            "object": None if o is None else {"id": o.id, "text": o.text, "type": o.type},
            "forecast": c.forecast,
            "earlier": c.earlier,
            "component": c.component,
            "conversion": c.conversion,
            "event_year": c.event_year,
            "published": _iso(c.published),
            "headline": c.headline,
            "quote": c.quote,
            "span": list(c.span),
            "line": c.line,
            "column": c.column,
            "value_span": None if c.value_span is None else list(c.value_span),
            "value_line": c.value_line,
            "value_column": c.value_column,
            "context": c.context,
            "context_names": c.context_names,
            "modifiers": c.modifiers,
            **({"frame": c.frame.model_dump(exclude_defaults=True)} if c.frame is not None else {}),
            **({"aligned_by": [_aligned(a) for a in c.aligned_by]} if c.aligned_by else {}),
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
            "label": f.label,
            "claims": f.claims,
            "message": f.message,
            "fingerprint": f.fingerprint,
            "reviewed": f.reviewed,
            **({"pairs": [list(pair) for pair in f.pairs]} if f.pairs is not None else {}),
            **({"pair_probabilities": f.pair_probabilities} if f.pair_probabilities is not None else {}),
            **({"clusters": [c.model_dump() for c in f.clusters]} if f.clusters is not None else {}),
            "heading": f.heading,
            "rank": f.rank,
            "confidence": f.confidence,
            "priority": None if f.priority is None else f.priority.model_dump(),
        })
    # Few and loosely typed: left to pydantic's own JSON conversion.
    rest = report.model_dump(mode="json", include={"aliases", "unmatched_rules", "problems", "rule_changes"})
    return {"version": 1, "articles": articles, "claims": claims, "findings": findings, **rest,
            **report_tail(report)}


def report_tail(report: Report) -> dict[str, Any]:
    """The keys after the lists: the report's language, the kinds of finding it may hold,
    and with a draft, the standing of each of its figures with the advice."""
    tail: dict[str, Any] = {"lang": report.lang,
                            "finding_kinds": [k.model_dump(mode="json") for k in report.kinds]}
    if report.draft is not None:
        tail["standing"] = [s.model_dump(mode="json") for s in report.standing]
    return tail


def render_json(report: Report) -> str:
    # pydantic_core's encoder: the same text as json.dumps(indent=2, ensure_ascii=False), written in Rust.
    return (to_json(report_dict(report), indent=2) + b"\n").decode()
