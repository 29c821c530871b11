"""Judge claim groups with the rules in force: conflicts, agreements, single sources.

Kinds that judge (`numeric`, `agreement`, `corroboration`) live here, one
function each, dispatched by a table. Values compare as intervals: two claims
conflict when their intervals stay disjoint after the rule's tolerance; "about"
and "estimated" values get a band; two "up to X" claims compare their maxima.
Kinds that configure (`alias`, `lexicon`, `override`) act before extraction.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from typing import Callable

from checker.knowledge.ontology import ROLE, Ontology
from checker.models import Claim, ClaimGroup, Finding, Value
from checker.knowledge.rules import Rule, RuleSet

INF = float("inf")


def selects(rule: Rule, group: ClaimGroup) -> bool:
    select = rule.spec.get("select") or {}
    claim = group.claims[0]
    checks = [
        ("predicates", group.predicate),
        ("units", claim.value.unit),
        ("dimensions", claim.value.dimension),
        ("subjects", group.subject.id),
    ]
    return all(not select.get(key) or value in select[key] for key, value in checks)


def _bounds(value: Value, about: float, use_ceiling: bool) -> tuple[float, float]:
    if use_ceiling and value.ceiling:
        low, high = value.ceiling
    else:
        low = value.low if isinstance(value.low, (int, float)) else -INF
        high = value.high if isinstance(value.high, (int, float)) else INF
    if value.qualifier in ("about", "estimated"):
        low, high = low * (1 - about), high * (1 + about)
    return low, high


def compatible(a: Value, b: Value, rule: Rule) -> bool:
    """Whether two quantities can both be true under the rule's tolerance."""
    tolerance = rule.spec.get("tolerance") or {}
    about = float(rule.spec.get("about", 0.1))
    both_ceilings = bool(a.ceiling and b.ceiling)
    la, ha = _bounds(a, about, both_ceilings)
    lb, hb = _bounds(b, about, both_ceilings)
    slack = float(tolerance.get("absolute", 0))
    relative = float(tolerance.get("relative", 0))
    scale = max(abs(x) for x in (la, ha, lb, hb) if x not in (INF, -INF)) if any(
        x not in (INF, -INF) for x in (la, ha, lb, hb)) else 0
    slack = max(slack, relative * scale)
    return la <= hb + slack and lb <= ha + slack


def _months(value: Value) -> set[int]:
    """The months of the year a date value covers (all twelve for a year or more)."""
    low, high = str(value.low), str(value.high)
    if low.startswith("--"):
        return {int(low[2:4])}
    first = int(low[:4]) * 12 + int(low[5:7]) - 1
    last = int(high[:4]) * 12 + int(high[5:7]) - 1
    return {m % 12 + 1 for m in range(first, min(last, first + 11) + 1)}


def same_category(a: Value, b: Value) -> bool:
    """Equal values; dates are equal when they can both be true: "13 March",
    "March 2025" and "2025" all hold together, and a month known without its
    year matches that month of any year."""
    if a.kind == "date" and b.kind == "date":
        if str(a.low).startswith("--") or str(b.low).startswith("--"):
            return bool(_months(a) & _months(b))
        return str(a.low) <= str(b.high) and str(b.low) <= str(a.high)
    return (a.entity.id if a.entity else a.text) == (b.entity.id if b.entity else b.text)


def show_value(claim: Claim) -> str:
    text = claim.value.text.strip() or str(claim.value.low)
    if claim.value.dimension == ROLE and claim.value.qualifier:
        return f"{text} ({claim.value.qualifier})"  # "former" and "current" tell a succession
    return text


def fingerprint(kind: str, claims: list[Claim]) -> str:
    """Stable across runs: the claims' articles, subject, predicate and values."""
    parts = sorted(f"{c.article}|{c.subject.id}|{c.predicate}|{c.value.low}|{c.value.high}|{c.value.unit}"
                   + (f"|{c.value.entity.id}" if c.value.entity else "")
                   for c in claims)
    return hashlib.sha256("\n".join([kind, *parts]).encode("utf-8")).hexdigest()[:16]


class Judge:
    """Applies the rules to groups; remembers which rules applied to any group."""

    def __init__(self, ruleset: RuleSet, ontology: Ontology, lang: str = "en") -> None:
        self.ruleset = ruleset
        self.ontology = ontology
        self.lang = lang
        self.matched: set[str] = set()
        self.kinds: dict[str, Callable[[Rule, ClaimGroup, dict], list[Finding]]] = {
            "numeric": self._numeric,
            "categorical": self._categorical,
            "agreement": self._agreement,
            "corroboration": self._corroboration,
        }

    def label(self, predicate: str) -> str:
        return self.ontology.label(predicate, self.lang)

    def finding(self, rule: Rule, kind: str, group: ClaimGroup, claims: list[Claim],
                severity: str | None = None, pairs: list | None = None) -> Finding:
        outlets = sorted({c.article for c in claims})
        values = "; ".join(f"{show_value(c)} ({c.article})" for c in claims)
        template = rule.spec.get("message", "{predicate} of {subject}: {values}")
        message = template.format_map(defaultdict(str, predicate=self.label(group.predicate),
                                                   subject=group.subject.text or "?", values=values,
                                                   outlets=len(outlets)))
        print_id = fingerprint(kind, claims)
        return Finding(id=f"{kind}-{print_id[:8]}", kind=kind, rule=rule.id,
                       severity=severity or rule.severity, subject=group.subject, predicate=group.predicate,
                       claims=[c.id for c in claims], message=message, fingerprint=print_id,
                       pairs=[tuple(p) for p in pairs] if pairs is not None else None)

    def _numeric(self, rule: Rule, group: ClaimGroup, state: dict) -> list[Finding]:
        clashes: list[tuple[Claim, Claim]] = []
        updates: list[tuple[Claim, Claim]] = []
        grows = getattr(self.ontology.predicates.get(group.predicate), "grows", False)
        for i, j in group.links:
            a, b = group.claims[i], group.claims[j]
            if a.value.kind != "quantity" or compatible(a.value, b.value, rule):
                continue
            if grows and a.published and b.published and a.published != b.published:
                updates.append((a, b))
            else:
                clashes.append((a, b))
        findings: list[Finding] = []
        if clashes:
            state["conflict"] = True
            pairs = self._expand(group, clashes)
            inside = [c for c in clashes if c[0].article == c[1].article]
            if inside and not pairs:
                # One article giving two incompatible values: a finding of its own.
                claims = list({c.id: c for pair in inside for c in pair}.values())
                findings.append(self.finding(rule, "inconsistent", group, claims,
                                             pairs=[[a.id, b.id] for a, b in inside]))
            else:
                findings.append(self.finding(rule, "conflict", group, group.claims, pairs=pairs))
        elif updates:
            state["updated"] = True
            pairs = [[a.id, b.id] for a, b in updates]
            findings.append(self.finding(rule, "updated", group, group.claims, severity="info", pairs=pairs))
        return findings

    def _categorical(self, rule: Rule, group: ClaimGroup, state: dict) -> list[Finding]:
        """Dates, names and posts must match: two different values conflict."""
        clashes = [(group.claims[i], group.claims[j]) for i, j in group.links if self._clash(group, i, j)]
        if not clashes:
            return []
        state["conflict"] = True
        return [self.finding(rule, "conflict", group, group.claims, pairs=self._expand(group, clashes))]

    def _clash(self, group: ClaimGroup, i: int, j: int) -> bool:
        a, b = group.claims[i], group.claims[j]
        if a.value.kind == "quantity":
            return False
        if a.value.dimension != ROLE:
            return not same_category(a.value, b.value)
        if group.value_keys and group.value_keys[i] == group.value_keys[j]:
            return False
        definition = self.ontology.predicates.get(group.predicate)
        if a.article == b.article or (definition is not None and not definition.single_holder):
            return False  # one article telling a succession; a post several hold at once
        # A former holder and anyone else can both be right: that is a succession.
        return "former" not in (a.value.qualifier, b.value.qualifier)

    MAX_PAIRS = 50

    @classmethod
    def _expand(cls, group: ClaimGroup, clashes: list[tuple[Claim, Claim]]) -> list[list[str]]:
        """Every pair of outlets in conflict (up to MAX_PAIRS), from the one pair
        per value that was compared."""
        position = {c.id: k for k, c in enumerate(group.claims)}
        members: dict[int, list[int]] = defaultdict(list)
        for k, rep in enumerate(group.same_value_as or range(len(group.claims))):
            members[rep].append(k)
        pairs: list[list[str]] = []
        seen: set[tuple[str, str]] = set()
        for a, b in clashes:
            class_a = group.same_value_as[position[a.id]] if group.same_value_as else position[a.id]
            class_b = group.same_value_as[position[b.id]] if group.same_value_as else position[b.id]
            for x in members[class_a]:
                for y in members[class_b]:
                    if len(pairs) >= cls.MAX_PAIRS:
                        return pairs
                    cx, cy = group.claims[x], group.claims[y]
                    key = (cx.id, cy.id) if cx.id < cy.id else (cy.id, cx.id)
                    if cx.article != cy.article and key not in seen:
                        seen.add(key)
                        pairs.append([cx.id, cy.id])
        return pairs

    def _agreement(self, rule: Rule, group: ClaimGroup, state: dict) -> list[Finding]:
        minimum = int(rule.spec.get("min_outlets", 2))
        if state.get("conflict") or len(group.articles) < minimum:
            return []
        if state.get("updated"):
            # A toll that rose from one day to the next: outlets of the same day agree.
            by_day: dict[str, list[Claim]] = defaultdict(list)
            for claim in group.claims:
                by_day[str(claim.published or "")].append(claim)
            return [self.finding(rule, "agreement", group, claims) for _, claims in sorted(by_day.items())
                    if len({c.article for c in claims}) >= minimum]
        if not any(group.value_keys):
            return [self.finding(rule, "agreement", group, group.claims)]
        # Posts: outlets agree on a holder, not merely on a post changing hands.
        holders: dict[str, list[Claim]] = defaultdict(list)
        for claim, key in zip(group.claims, group.value_keys):
            if key:
                holders[key].append(claim)
        return [self.finding(rule, "agreement", group, claims) for claims in holders.values()
                if len({c.article for c in claims}) >= minimum]

    def _corroboration(self, rule: Rule, group: ClaimGroup, state: dict) -> list[Finding]:
        if len(group.articles) >= int(rule.spec["min_sources"]):
            return []
        return [self.finding(rule, "single_source", group, group.claims)]

    def judge(self, groups: list[ClaimGroup]) -> list[Finding]:
        order = ["numeric", "categorical", "agreement", "corroboration"]
        rules = sorted(self.ruleset.of_kind(*order), key=lambda r: order.index(r.kind))
        rules = [r for r in rules if r.spec.get("enabled", True)]
        findings: list[Finding] = []
        for group in groups:
            state: dict = {}
            for kind in order:
                rule = self.most_specific([r for r in rules if r.kind == kind], group)
                if rule is not None:
                    self.matched.add(rule.id)  # it applied, whether or not it found anything
                    findings.extend(self.kinds[kind](rule, group, state))
        return findings

    @staticmethod
    def most_specific(rules: list[Rule], group: ClaimGroup) -> Rule | None:
        """Of the rules of one kind that select a group, the one with the narrowest
        selector wins (the later-defined on a tie): a per-predicate tolerance
        replaces the general one for that predicate only."""
        chosen: Rule | None = None
        best = -1
        for rule in rules:
            if not selects(rule, group):
                continue
            narrowness = len([k for k, v in (rule.spec.get("select") or {}).items() if v])
            if narrowness >= best:
                chosen, best = rule, narrowness
        return chosen
