"""Measure the checker against hand-written gold files (tests/gold/*.yaml).

A gold claim is found when a system claim of the same article quotes a
sentence containing the gold quote, has the same predicate (the gold labels
`count`, `event_date` and `role` accept the checker's more specific ones) and
a value whose interval holds the gold value, or, for a post, whose holder's
name is the gold name up to spelling. A gold finding is found when a system finding
of the same kind (a possible conflict counts as a conflict) holds found claims
for at least two of its claims.
Precision counts the system's claims and conflict/agreement findings that
match some gold entry.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from checker.align.names import NameMatcher
from checker.errors import InputError, RuleError
from checker.ingest import load_articles
from checker.knowledge import Knowledge
from checker.models import Claim, Report
from checker.pipeline import check, name_matcher
from checker.yamlio import load_yaml

JUDGED_KINDS = ("conflict", "possible_conflict", "agreement")
# A gold conflict is found by a conflict, or by a possible conflict (a warning: the values
# cannot both be true, and alignment is less sure they are one quantity): both put the
# dispute before the editor.
KIND_OF = {"possible_conflict": "conflict"}


@dataclass
class Score:
    """Hits, misses and false alarms for one kind of thing."""

    found: int = 0
    gold: int = 0
    correct: int = 0
    produced: int = 0
    misses: list[str] = field(default_factory=list)
    false_alarms: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 1.0

    @property
    def precision(self) -> float:
        return self.correct / self.produced if self.produced else 1.0

    def add(self, other: Score) -> None:
        self.found += other.found
        self.gold += other.gold
        self.correct += other.correct
        self.produced += other.produced
        self.misses += other.misses
        self.false_alarms += other.false_alarms


def _date_fits(gold: str, claim: Claim) -> bool:
    """A gold date ("2024-03", "--04", "2023") against a claim's month range."""
    low = str(claim.value.low)
    gold = gold.strip()
    if gold.startswith("--"):
        return low[2:4] == gold[2:4] if low.startswith("--") else low[5:7] == gold[2:4]
    if low.startswith("--"):
        return len(gold) >= 7 and gold[5:7] == low[2:4]
    return low.startswith(gold[:7])


def _value_fits(gold: Any, claim: Claim) -> bool:
    value = claim.value
    if value.kind == "date":
        return isinstance(gold, str) and _date_fits(gold, claim)
    if value.kind == "text":
        return isinstance(gold, str) and gold == value.low  # an outcome's value: "declined_to_comment"
    if value.kind != "quantity" or isinstance(gold, str) or gold is None:
        return False
    low = value.low if isinstance(value.low, (int, float)) else float("-inf")
    high = value.high if isinstance(value.high, (int, float)) else float("inf")
    spans = [(low, high)] + ([value.ceiling] if value.ceiling else [])
    if isinstance(gold, list):
        g_low = gold[0] if gold[0] is not None else float("-inf")
        g_high = gold[1] if gold[1] is not None else float("inf")
        return any(lo <= g_high and g_low <= hi for lo, hi in spans)
    return any(lo * 0.999 <= float(gold) <= hi * 1.001 for lo, hi in spans)


def _predicate_fits(gold: str, claim: Claim) -> bool:
    """Gold files use broad labels where the checker is more specific: `count`, `role`,
    `event_date`, and a dimension's name (`length`, `duration`)."""
    if gold == "count":
        return claim.value.dimension == "count"  # "missing", "hires", a fallback "~count:…"
    if gold == "role":
        return claim.value.dimension == "role"
    if gold == "event_date":
        return claim.value.kind == "date"
    # A dimension as the label ("length", "duration"): any claim measuring it, however named.
    return claim.predicate == gold or claim.value.dimension == gold


def _holder_fits(gold: Any, claim: Claim, names: NameMatcher) -> bool:
    return isinstance(gold, str) and claim.value.kind == "entity" and names.same(gold, claim.value.text)


def claim_matches(gold: dict[str, Any], claim: Claim, names: NameMatcher) -> bool:
    return (claim.article == gold.get("article")
            and str(gold.get("quote", "")) in claim.quote
            and _predicate_fits(str(gold.get("predicate")), claim)
            and (_value_fits(gold.get("value"), claim) or _holder_fits(gold.get("value"), claim, names)))


def score_report(gold: dict[str, Any], report: Report, name: str,
                 names: NameMatcher) -> tuple[Score, Score]:
    """Claim and finding scores of one report against one gold file."""
    claims_score, findings_score = Score(), Score()
    gold_claims = gold.get("claims") or []
    matched: dict[str, set[str]] = {}
    for entry in gold_claims:
        hits = {c.id for c in report.claims if claim_matches(entry, c, names)}
        matched[entry["id"]] = hits
        claims_score.gold += 1
        if hits:
            claims_score.found += 1
        else:
            claims_score.misses.append(f"{name}: claim {entry['id']} ({entry.get('predicate')} "
                                       f"{entry.get('value')!r} in {entry.get('article')})")
    all_hits = set().union(*matched.values()) if matched else set()
    claims_score.produced = len(report.claims)
    claims_score.correct = sum(1 for c in report.claims if c.id in all_hits)

    system = [f for f in report.findings if f.kind in JUDGED_KINDS]
    credited: set[str] = set()
    for entry in gold.get("findings") or []:
        findings_score.gold += 1
        wanted = [matched.get(cid, set()) for cid in entry.get("claims", [])]
        hit = None
        for finding in system:
            if KIND_OF.get(finding.kind, finding.kind) != entry.get("kind"):
                continue
            covered = sum(1 for ids in wanted if ids & set(finding.claims))
            if covered >= min(2, len(wanted)):
                hit = finding
                break
        if hit:
            findings_score.found += 1
            credited.add(hit.id)
        else:
            findings_score.misses.append(f"{name}: {entry.get('kind')} on {entry.get('predicate')} "
                                         f"({', '.join(entry.get('claims', []))})")
    findings_score.produced = len(system)
    findings_score.correct = len(credited)
    findings_score.false_alarms += [f"{name}: {f.kind} {f.predicate} — {f.message}"
                                    for f in system if f.id not in credited]
    return claims_score, findings_score


def read_gold(path: Path) -> dict[str, Any]:
    try:
        doc = load_yaml(path)
    except RuleError as exc:
        raise InputError(exc.message, path, exc.line, exc.column) from None
    if not isinstance(doc.data, dict) or not isinstance(doc.data.get("articles"), list):
        raise InputError("a gold file must be a mapping with an 'articles' list", path)
    return doc.data


def evaluate(gold_paths: list[Path], knowledge: Knowledge, root: Path) -> tuple[Score, Score]:
    """Run the checker on each gold file's articles and add up the scores."""
    claims_total, findings_total = Score(), Score()
    names = name_matcher(knowledge)
    for path in gold_paths:
        gold = read_gold(path)
        articles, _ = load_articles([root / p for p in gold["articles"]])
        report = check(articles, knowledge)
        claims_score, findings_score = score_report(gold, report, path.stem, names)
        claims_total.add(claims_score)
        findings_total.add(findings_score)
    return claims_total, findings_total
