"""What to fix first: every finding of a story gets a rank, 1 the one to read first.

A finding's score multiplies three things an editor weighs:

- confidence: how sure alignment is that the figures are one quantity (the
  finding's `confidence`, the alignment model's probability; NEUTRAL_CONFIDENCE
  where alignment gave none, so that a finding without one ranks by the other two);
- centrality: how many of the story's outlets give the quantity, and how many give
  it in a headline or a lead (its first sentences);
- spread: how far apart the values are (0 when they agree, 1 when one is zero or
  of the other sign; a date or a name that differs counts half).

Each term has a floor, so that no one of them alone sends a finding to the bottom,
and a warning's score is SEVERITY_WEIGHT of an error's: a central toll that may
only have changed still comes before a minor conflict. Ranks run over the whole
story: unreviewed before reviewed, the disputes an editor must resolve first, by
score; then the other kinds, in their order, by score.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

from checker.judge.finding_kinds import Kinds
from checker.models import SEVERITY_RANK, Claim, Finding, FindingKind, Priority

NEUTRAL_CONFIDENCE = 0.5
# A claim in one of an article's first sentences is in its lead (sentence 0 is often the title).
LEAD_SENTENCES = 3
# How much the share of outlets counts in centrality, against the share giving it in a headline or lead.
OUTLETS_WEIGHT = 0.6
# A difference between values that are not numbers (dates, names): real, of no known size.
CATEGORICAL_SPREAD = 0.5
FLOOR = 0.2
SEVERITY_WEIGHT = {"error": 1.0, "warning": 0.75, "info": 0.5}


def _finite(x: object) -> float | None:
    return float(x) if isinstance(x, (int, float)) and math.isfinite(x) else None


def _figure(low: object, high: object) -> float | None:
    """One number for an interval: its middle, else its finite end."""
    lo, hi = _finite(low), _finite(high)
    if lo is not None and hi is not None:
        return (lo + hi) / 2
    return lo if lo is not None else hi


def spread(finding: Finding, claims: dict[str, Claim]) -> float:
    """How far apart the finding's values are, 0..1: (largest − smallest) / largest in size."""
    members = [claims[c] for c in finding.claims if c in claims]
    if finding.clusters:
        figures = [_figure(cluster.low, cluster.high) for cluster in finding.clusters]
    else:
        figures = [_figure(c.value.low, c.value.high) for c in members if c.value.kind == "quantity"]
    figures = [f for f in figures if f is not None]
    if len(figures) >= 2:
        top, bottom = max(figures), min(figures)
        size = max(abs(top), abs(bottom))
        return min(1.0, (top - bottom) / size) if size else 0.0
    others = {(c.value.entity.id if c.value.entity else None) or str(c.value.low) or c.value.text
              for c in members if c.value.kind != "quantity"}
    return CATEGORICAL_SPREAD if len(others) >= 2 else 0.0


def centrality(finding: Finding, claims: dict[str, Claim], story_outlets: int) -> float:
    """0..1: the share of the story's outlets that give the quantity, and that give it up front."""
    members = [claims[c] for c in finding.claims if c in claims]
    outlets = {c.article for c in members}
    prominent = {c.article for c in members if c.headline or c.sentence < LEAD_SENTENCES}
    whole = max(1, story_outlets)
    return OUTLETS_WEIGHT * len(outlets) / whole + (1 - OUTLETS_WEIGHT) * len(prominent) / whole


def priority(finding: Finding, claims: dict[str, Claim], story_outlets: int) -> Priority:
    confidence = NEUTRAL_CONFIDENCE if finding.confidence is None else finding.confidence
    central = centrality(finding, claims, story_outlets)
    apart = spread(finding, claims)
    score = (SEVERITY_WEIGHT[finding.severity] * confidence * (FLOOR + (1 - FLOOR) * central)
             * (FLOOR + (1 - FLOOR) * apart))
    return Priority(score=round(score, 6), confidence=round(confidence, 6), centrality=round(central, 6),
                    spread=round(apart, 6))


def rank_findings(findings: list[Finding], claims: Iterable[Claim], kinds: Iterable[FindingKind],
                  story_outlets: int) -> list[Finding]:
    """The findings, in their order, each with its priority and its rank in the story."""
    by_id = {c.id: c for c in claims}
    table = Kinds(kinds, findings)
    scored = [f.model_copy(update={"priority": priority(f, by_id, story_outlets)}) for f in findings]

    def order(finding: Finding) -> tuple:
        kind = table.of(finding)
        return (finding.reviewed is not None, not kind.dispute, 0 if kind.dispute else kind.order,
                -finding.priority.score, -SEVERITY_RANK[finding.severity], finding.id)

    ranks = {id(f): n for n, f in enumerate(sorted(scored, key=order), 1)}
    return [f.model_copy(update={"rank": ranks[id(f)]}) for f in scored]
