"""SARIF 2.1.0: the findings for code-scanning tools and editors' SARIF viewers.

One run of the tool `factcheck`: its rules are the judging rules in force
(each with its description and default level), its artifacts the articles,
and each finding a result at its claim's value, with the sentence around it
as the context region (the quote) and every other claim of the finding as a
related location (the other outlets' quotes); its `rank` (0-100) is the finding's
priority score. With a draft, each result at a draft's figure carries its
standing and advice, and the run all of them (`properties.standing`). Columns count characters
(`columnKind: unicodeCodePoints`). A reviewed finding is an external
suppression, with the editor's reason. tests/test_report_sarif.py validates
the output against the OASIS schema.
"""

from __future__ import annotations

from pathlib import PurePath
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from pydantic_core import to_json

from checker import __version__
from checker.models import Report
from checker.report.lint import Listed, Place, listed, one_line

if TYPE_CHECKING:
    from checker.knowledge.rules import Rule, RuleSet

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def _uri(path: str) -> str:
    """A file's URI: a relative reference for a relative path, else a file: URI."""
    pure = PurePath(path)
    return pure.as_uri() if pure.is_absolute() else quote(pure.as_posix())


def _rule(rule: Rule) -> dict[str, Any]:
    description = str(rule.spec.get("description") or f"A {rule.kind} rule.")
    return {"id": rule.id, "name": rule.id,
            "shortDescription": {"text": description},
            "defaultConfiguration": {"level": LEVELS.get(rule.severity, "note")},
            "properties": {"kind": rule.kind, "source": f"{rule.source}:{rule.line}"}}


def _location(place: Place, index: int) -> dict[str, Any]:
    start_line, start_column, end_line, end_column = place.sentence
    return {"physicalLocation": {
        "artifactLocation": {"uri": _uri(place.path), "index": index},
        "region": {"startLine": place.line, "startColumn": place.column,
                   "endLine": place.end_line, "endColumn": place.end_column,
                   "snippet": {"text": place.claim.value.text}},
        "contextRegion": {"startLine": start_line, "startColumn": start_column,
                          "endLine": end_line, "endColumn": end_column,
                          "snippet": {"text": place.claim.quote}}}}


def _result(item: Listed, rule_index: dict[str, int], artifacts: dict[str, int],
            standing: dict[str, dict[str, Any]]) -> dict[str, Any]:
    finding = item.finding
    primary = _location(item.place, artifacts[item.place.article.id])
    primary["message"] = {"text": f"{item.place.outlet}: {item.place.claim.value.text}"}
    related = []
    for n, place in enumerate(item.related, 1):
        location = _location(place, artifacts[place.article.id])
        location["id"] = n
        location["message"] = {"text": f"{place.outlet}: {place.claim.value.text}"}
        related.append(location)
    result: dict[str, Any] = {
        "ruleId": finding.rule,
        "level": LEVELS[finding.severity],
        "message": {"text": one_line(finding.message)},
        "locations": [primary],
        "partialFingerprints": {"factcheckFinding/v1": finding.fingerprint},
        "properties": {"id": finding.id, "kind": finding.kind, "subject": finding.subject.text,
                       "predicate": finding.predicate, "label": finding.label, "heading": finding.heading,
                       **({"rank": finding.rank} if finding.rank is not None else {}),
                       **({"confidence": finding.confidence} if finding.confidence is not None else {}),
                       # A draft's figure: who supports it, who contradicts it, and what to write.
                       **({"standing": standing[item.place.claim.id]} if item.place.claim.id in standing else {})},
    }
    if finding.priority is not None:
        # SARIF's rank: 0 to 100, higher first; the finding's score, scaled.
        result["rank"] = round(min(100.0, 100 * finding.priority.score), 2)
    if finding.rule in rule_index:
        result["ruleIndex"] = rule_index[finding.rule]
    if related:
        result["relatedLocations"] = related
    if finding.reviewed:
        result["suppressions"] = [{"kind": "external", "status": "accepted", "justification": finding.reviewed}]
    return result


def sarif_log(report: Report, rules: list[Rule]) -> dict[str, Any]:
    """The SARIF log as plain data; `rules` are the judging rules in force."""
    rule_index = {rule.id: n for n, rule in enumerate(rules)}
    artifacts = {article.id: n for n, article in enumerate(report.articles)}
    standing = {s.claim: s.model_dump(mode="json") for s in report.standing}
    results = [_result(item, rule_index, artifacts, standing) for item in listed(report, reviewed=True)]
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "factcheck", "version": __version__, "semanticVersion": __version__,
                                "rules": [_rule(rule) for rule in rules]}},
            "columnKind": "unicodeCodePoints",
            "artifacts": [{"location": {"uri": _uri(a.path)},
                           **({"description": {"text": a.outlet}} if a.source else {})}
                          for a in report.articles],
            "results": results,
            **({"properties": {"standing": list(standing.values())}} if report.draft is not None else {}),
        }],
    }


def render_sarif(report: Report, rules: list[Rule]) -> str:
    return (to_json(sarif_log(report, rules), indent=2) + b"\n").decode()


def judging_rules(ruleset: RuleSet) -> list[Rule]:
    """The enabled rules of the kinds that make findings, in the order they were read."""
    from checker.judge.kinds import KINDS

    return [r for r in ruleset.of_kind(*KINDS) if r.spec.get("enabled", True)]
