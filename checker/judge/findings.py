"""Making a finding: its message, its fingerprint, and the pairs it names.

What every rule kind shares when it concludes something about a claim group.
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from checker.judge.values import show_value
from checker.knowledge.alignment import Thresholds
from checker.knowledge.ontology import Ontology
from checker.knowledge.rules import Rule
from checker.models import Claim, ClaimGroup, Finding, ValueCluster

DEFAULT_MESSAGE = "{predicate} of {subject}: {values}"
MAX_PAIRS = 50


@dataclass(frozen=True)
class JudgeContext:
    """What a rule kind may read besides its rule and group: nothing it can change."""

    ontology: Ontology
    lang: str = "en"
    earlier: tuple[Finding, ...] = ()  # this group's findings from kinds judged before
    # The probabilities a conflict and a possible conflict need (the alignment model's).
    thresholds: Thresholds = field(default_factory=Thresholds)
    # Articles every disputed pair of whose claims is named (a draft), not one pair per two values.
    always_paired: frozenset[str] = frozenset()

    def found_earlier(self, kind: str) -> bool:
        return any(f.kind == kind for f in self.earlier)


def fingerprint(kind: str, claims: list[Claim]) -> str:
    """Stable across runs: the claims' articles, subject, predicate and values."""
    parts = sorted(f"{c.article}|{c.subject.id}|{c.predicate}|{c.value.low}|{c.value.high}|{c.value.unit}"
                   + (f"|{c.value.entity.id}" if c.value.entity else "")
                   for c in claims)
    return hashlib.sha256("\n".join([kind, *parts]).encode("utf-8")).hexdigest()[:16]


def predicate_label(group: ClaimGroup, context: JudgeContext) -> str:
    """What the group's figures are, as an editor reads it: the ontology's label, else the
    words that named the figures in the text ("قتيلا", "acres"), never an internal id."""
    if group.predicate in context.ontology.predicates:
        return context.ontology.label(group.predicate, context.lang)
    named = Counter(c.predicate_text for c in group.claims if c.predicate_text)
    return named.most_common(1)[0][0] if named else group.predicate.split(":")[0]


def message_template(rule: Rule, lang: str, kind: str | None = None) -> str:
    """The rule's message for this kind of finding (`messages`, by kind) or its message, in
    the report's language, else in English, else any it has."""
    message = (rule.spec.get("messages") or {}).get(kind) or rule.spec.get("message", DEFAULT_MESSAGE)
    if isinstance(message, str):
        return message
    return message.get(lang) or message.get("en") or next(iter(message.values()))


def make_finding(rule: Rule, kind: str, group: ClaimGroup, claims: list[Claim], context: JudgeContext,
                 severity: str | None = None, pairs: list[tuple[str, str]] | None = None,
                 clusters: list[ValueCluster] | None = None, confidence: float | None = None,
                 pair_probabilities: list[float] | None = None) -> Finding:
    outlets = sorted({c.article for c in claims})
    values = "; ".join(f"{show_value(c)} ({c.article})" for c in claims)
    template = message_template(rule, context.lang, kind)
    label = predicate_label(group, context)
    message = template.format_map(defaultdict(str, predicate=label,
                                              subject=group.subject.text or "?", values=values,
                                              outlets=len(outlets)))
    print_id = fingerprint(kind, claims)
    return Finding(id=f"{kind}-{print_id[:8]}", kind=kind, rule=rule.id,
                   severity=severity or rule.severity, subject=group.subject, predicate=group.predicate,
                   claims=[c.id for c in claims], message=message, fingerprint=print_id,
                   pairs=[tuple(p) for p in pairs] if pairs is not None else None,
                   clusters=clusters, label=label, confidence=confidence,
                   pair_probabilities=pair_probabilities)


def every_pair(group: ClaimGroup, compared: list[tuple[Claim, Claim]]) -> list[tuple[str, str]]:
    """Every pair of outlets in conflict (up to MAX_PAIRS), from the one pair per
    value that was compared (see ClaimGroup.same_value_as)."""
    position = {c.id: k for k, c in enumerate(group.claims)}
    value_of = group.same_value_as or list(range(len(group.claims)))
    members: dict[int, list[int]] = defaultdict(list)
    for k, representative in enumerate(value_of):
        members[representative].append(k)
    pairs: list[tuple[str, str]] = []
    seen: set[tuple[str, str]] = set()
    for a, b in compared:
        for x in members[value_of[position[a.id]]]:
            for y in members[value_of[position[b.id]]]:
                if len(pairs) >= MAX_PAIRS:
                    return pairs
                cx, cy = group.claims[x], group.claims[y]
                key = (cx.id, cy.id) if cx.id < cy.id else (cy.id, cx.id)
                if cx.article != cy.article and key not in seen:
                    seen.add(key)
                    pairs.append((cx.id, cy.id))
    return pairs
