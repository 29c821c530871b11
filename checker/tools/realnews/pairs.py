"""Pair-level scores of one story: the checker's JSON report against the story's gold.

Definitions (issue 10, item 2; the same as pair_level() of
../shared/tools/realnews_score.py):

- a gold conflict is *found* when a conflict finding pairs two claims from
  different articles that match two differing values of it; for `note: temporal`,
  an update finding (kind `update` or `updated`, claims in time order) or a
  possible update (undated articles) holding two such claims counts too;
- a gold agreement is *shown* when an agreement finding holds claims from two
  articles that match its values, or a conflict finding does so within one of
  its `clusters` (where the report has them) or, without clusters, without
  pairing any two claims that match its values;
- a *false alarm* is a gold agreement that a conflict pair joins on two of its
  equal values (counted once per gold agreement);
- a *misaligned pair* is a conflict pair whose two claims match values of
  different gold claims only;
- quotes are *verbatim* when `text[span[0]:span[1]] == quote` for every claim.

Precision (the shared script's last line): of the conflict pairs whose two claims
are both gold values (*judged*), those joining two differing values of one gold
conflict from two articles; of the consecutive claims of update findings that are
both gold values, those matching no gold claim in common; of the agreement findings
holding two or more gold values, those whose gold values share no gold claim.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import combinations
from typing import Any

from checker.tools.realnews.gold import GoldClaim, StoryGold
from checker.tools.realnews.matching import JsonClaim, matched_values, values_differ

CONFLICT, AGREEMENT = "conflict", "agreement"
# "updated" is today's name (DESIGN.md); a possible update is a rise between undated articles
UPDATES = ("update", "updated", "possible_update")


@dataclass(frozen=True)
class FlaggedPair:
    """A conflict pair the gold says is wrong: a false alarm or a misaligned pair."""

    finding: str
    a: JsonClaim
    b: JsonClaim
    gold: tuple[str, ...]  # the gold claim it breaks, or the gold claims each side matches


@dataclass
class PairScore:
    """The counts of one story (or a sum of stories), with what --verbose lists."""

    conflicts: int = 0
    conflicts_found: int = 0
    agreements: int = 0
    agreements_shown: int = 0
    false_alarms: int = 0
    pairs: int = 0
    misaligned: int = 0
    claims: int = 0
    quotes_verbatim: int = 0
    missed: list[GoldClaim] = field(default_factory=list)
    not_shown: list[GoldClaim] = field(default_factory=list)
    false_alarm_pairs: list[FlaggedPair] = field(default_factory=list)
    misaligned_pairs: list[FlaggedPair] = field(default_factory=list)
    judged: int = 0  # conflict pairs whose two claims are gold values
    on_gold_conflict: int = 0  # of those, pairs joining two differing values of one gold conflict
    update_pairs: int = 0
    update_misaligned: int = 0
    agreements_judged: int = 0
    agreements_misaligned: int = 0
    extracted: set[tuple[str, int]] = field(default_factory=set)  # (gold claim, value) some claim matches

    COUNTS = ("conflicts", "conflicts_found", "agreements", "agreements_shown", "false_alarms",
              "pairs", "misaligned", "claims", "quotes_verbatim", "judged", "on_gold_conflict",
              "update_pairs", "update_misaligned", "agreements_judged", "agreements_misaligned")

    def __add__(self, other: PairScore) -> PairScore:
        """The sum of the counts, for totals; the lists stay with each story."""
        return PairScore(**{k: getattr(self, k) + getattr(other, k) for k in self.COUNTS})


def finding_pairs(finding: dict[str, Any]) -> list[tuple[str, str]]:
    """The pairs a finding sets against each other: its `pairs`, else every two of its claims."""
    if finding.get("pairs"):
        return [(a, b) for a, b in finding["pairs"]]
    return list(combinations(finding.get("claims", []), 2))


class StoryScorer:
    """Scores one report (a JSON-report dict) against one story's gold."""

    def __init__(self, gold: StoryGold, report: dict[str, Any]) -> None:
        self.gold = gold
        self.claims: dict[str, JsonClaim] = {c["id"]: c for c in report.get("claims", [])}
        findings = report.get("findings", [])
        self.conflicts = [f for f in findings if f.get("kind") == CONFLICT]
        self.agreements = [f for f in findings if f.get("kind") == AGREEMENT]
        self.updates = [f for f in findings if f.get("kind") in UPDATES]
        # Which values of each gold claim each checker claim matches: the only costly part.
        self.matched = {cid: {g.id: matched_values(c, g) for g in gold.claims} for cid, c in self.claims.items()}
        self.conflict_pairs = [(f, a, b) for f in self.conflicts for a, b in finding_pairs(f)
                               if a in self.claims and b in self.claims]

    def _apart(self, a: str, b: str) -> bool:
        return self.claims[a].get("article") != self.claims[b].get("article")

    def joins(self, a: str, b: str, gold: GoldClaim, *, differing: bool) -> bool:
        """Whether claims a and b, from two articles, match two values of `gold` that differ (or are equal)."""
        if not self._apart(a, b):
            return False
        return any(values_differ(gold.values[i], gold.values[j]) == differing
                   for i in self.matched[a][gold.id] for j in self.matched[b][gold.id])

    def articles_covered(self, claim_ids: list[str], gold: GoldClaim) -> set[str]:
        """The articles of `gold` whose values some of these claims match."""
        return {gold.values[i].article for cid in claim_ids if cid in self.claims
                for i in self.matched[cid][gold.id]}

    def found(self, gold: GoldClaim) -> bool:
        if any(self.joins(a, b, gold, differing=True) for _, a, b in self.conflict_pairs):
            return True
        if gold.note != "temporal":
            return False
        return any(self.joins(a, b, gold, differing=True)
                   for f in self.updates for a, b in combinations(f.get("claims", []), 2)
                   if a in self.claims and b in self.claims)

    def shown_by_conflict(self, finding: dict[str, Any], gold: GoldClaim) -> bool:
        clusters = finding.get("clusters")
        if clusters:
            return any(len(self.articles_covered(c.get("claims", []), gold)) >= 2 for c in clusters)
        if len(self.articles_covered(finding.get("claims", []), gold)) < 2:
            return False
        return not any(self.matched[a][gold.id] and self.matched[b][gold.id] and self._apart(a, b)
                       for a, b in finding_pairs(finding) if a in self.claims and b in self.claims)

    def shown(self, gold: GoldClaim) -> bool:
        return (any(len(self.articles_covered(f.get("claims", []), gold)) >= 2 for f in self.agreements)
                or any(self.shown_by_conflict(f, gold) for f in self.conflicts))

    def golds_of(self, claim_id: str) -> set[str]:
        """The gold claims one of whose values the claim matches."""
        return {g for g, values in self.matched[claim_id].items() if values}

    def on_gold_conflict(self, a: str, b: str) -> bool:
        return any(self.joins(a, b, gold, differing=True) for gold in self.gold.claims if gold.is_conflict)

    def precision_counts(self, out: PairScore) -> None:
        """The shared script's precision line: judged conflict, update and agreement pairs."""
        for _, a, b in self.conflict_pairs:
            if self.golds_of(a) and self.golds_of(b):
                out.judged += 1
            out.on_gold_conflict += self.on_gold_conflict(a, b)
        for finding in self.updates:
            ids = [c for c in finding.get("claims", []) if c in self.claims]
            for a, b in zip(ids, ids[1:]):
                golds_a, golds_b = self.golds_of(a), self.golds_of(b)
                if golds_a and golds_b:
                    out.update_pairs += 1
                    out.update_misaligned += not golds_a & golds_b
        for finding in self.agreements:
            golds = [self.golds_of(c) for c in finding.get("claims", []) if c in self.claims]
            golds = [g for g in golds if g]
            if len(golds) >= 2:
                out.agreements_judged += 1
                out.agreements_misaligned += not set.intersection(*golds)

    def score(self) -> PairScore:
        out = PairScore(pairs=len(self.conflict_pairs))
        out.extracted = {(g, i) for by_gold in self.matched.values() for g, values in by_gold.items() for i in values}
        for gold in self.gold.claims:
            if gold.is_conflict:
                out.conflicts += 1
                if self.found(gold):
                    out.conflicts_found += 1
                else:
                    out.missed.append(gold)
                continue
            out.agreements += 1
            if self.shown(gold):
                out.agreements_shown += 1
            else:
                out.not_shown.append(gold)
            alarms = [FlaggedPair(f["id"], self.claims[a], self.claims[b], (gold.id,))
                      for f, a, b in self.conflict_pairs if self.joins(a, b, gold, differing=False)]
            out.false_alarms += bool(alarms)
            out.false_alarm_pairs += alarms
        self.precision_counts(out)
        for f, a, b in self.conflict_pairs:
            golds_a, golds_b = self.golds_of(a), self.golds_of(b)
            if golds_a and golds_b and not golds_a & golds_b:
                out.misaligned += 1
                out.misaligned_pairs.append(FlaggedPair(f["id"], self.claims[a], self.claims[b],
                                                        (",".join(sorted(golds_a)), ",".join(sorted(golds_b)))))
        return out


def verbatim_quotes(report: dict[str, Any], texts: dict[str, str]) -> tuple[int, int]:
    """(claims, claims whose span cuts their quote out of their article's text)."""
    counted = good = 0
    for claim in report.get("claims", []):
        text = texts.get(claim.get("article"))
        if text is None:
            continue
        counted += 1
        start, end = (claim.get("span") or [0, 0])[:2]
        good += text[start:end] == claim.get("quote")
    return counted, good


def score_story(gold: StoryGold, report: dict[str, Any], texts: dict[str, str]) -> PairScore:
    """The pair-level score of one story; `texts` maps article ids to the text the spans index."""
    score = StoryScorer(gold, report).score()
    score.claims, score.quotes_verbatim = verbatim_quotes(report, texts)
    return score
