"""The JSON report, version 1 (see DESIGN.md): articles, claims, findings."""

from __future__ import annotations

import json
from typing import Any

from checker.gcpause import cycle_collector_paused
from checker.models import Report

ARTICLE_KEYS = ("id", "path", "source", "title", "url", "published", "lang")


def report_dict(report: Report) -> dict[str, Any]:
    data = report.model_dump(mode="json")
    articles = [{key: a[key] for key in ARTICLE_KEYS} | {"byline": a["byline"]} for a in data["articles"]]
    claims = []
    for claim in data["claims"]:
        value = claim["value"]
        claims.append({
            "id": claim["id"],
            "article": claim["article"],
            "subject": {"id": claim["subject"]["id"], "text": claim["subject"]["text"]},
            "predicate": claim["predicate"],
            "value": {k: value[k] for k in ("kind", "text", "low", "high", "unit", "qualifier")},
            "attribution": claim["attribution"],
            "hedge": claim["hedge"],
            "negated": claim["negated"],
            "object": claim["object"],
            "quote": claim["quote"],
            "span": claim["span"],
        })
    findings = []
    for finding in data["findings"]:
        findings.append({
            "id": finding["id"],
            "kind": finding["kind"],
            "rule": finding["rule"],
            "severity": finding["severity"],
            "subject": {"id": finding["subject"]["id"], "text": finding["subject"]["text"]},
            "predicate": finding["predicate"],
            "claims": finding["claims"],
            "message": finding["message"],
            "fingerprint": finding["fingerprint"],
            "reviewed": finding["reviewed"],
            **({"pairs": finding["details"]["pairs"]} if "pairs" in finding["details"] else {}),
        })
    return {
        "version": 1,
        "articles": articles,
        "claims": claims,
        "findings": findings,
        "aliases": data["aliases"],
        "unmatched_rules": data["unmatched_rules"],
        "problems": data["problems"],
    }


def render_json(report: Report) -> str:
    with cycle_collector_paused():
        return json.dumps(report_dict(report), ensure_ascii=False, indent=2) + "\n"
