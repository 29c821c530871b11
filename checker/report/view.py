"""What the Markdown report and the HTML page both show, before either writes a mark.

The findings in rank order, each with its declaration (its kind's title, layout,
whether it is a dispute) and its values grouped as an editor reads them: the
values that can all be true together (the finding's clusters; for a finding
without clusters, the claims that give one value), each with the outlets that
give it, most outlets first. A draft is never one of the outlets: a value the
draft gives says so apart.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property

from checker.judge.finding_kinds import Kinds
from checker.knowledge.words import ReportWords
from checker.models import Article, Claim, Finding, FindingKind, Report

MAX_TEXTS = 3  # ways of writing one value shown side by side ("94.65% / 94.65 per cent")


@dataclass(frozen=True)
class Values:
    """One value of a finding, as written, and who gives it."""

    texts: list[str]
    outlets: list[str]  # article ids, the draft's left out
    claims: list[Claim]
    draft: bool  # the draft gives it too


@dataclass(frozen=True)
class FindingView:
    finding: Finding
    kind: FindingKind
    members: list[Claim]
    values: list[Values]

    @property
    def anchor(self) -> str:
        """An id for links to the finding: its own id (ASCII: kind and fingerprint)."""
        return self.finding.id

    @property
    def heading(self) -> str:
        f = self.finding
        return f.heading or " — ".join(t for t in (f.label or f.predicate, f.subject.text) if t)


def value_key(claim: Claim) -> tuple:
    """Claims alike in it give one value."""
    value = claim.value
    if value.entity is not None:
        return ("entity", value.entity.id or value.text)
    if value.kind == "quantity":
        return ("quantity", value.low, value.high, value.unit)
    return (value.kind, str(value.low), str(value.high), value.text if value.low is None else "")


class ReportView:
    """A report's findings and words, as the renderers ask for them."""

    def __init__(self, report: Report) -> None:
        self.report = report
        self.claims = {c.id: c for c in report.claims}
        self.articles: dict[str, Article] = {a.id: a for a in report.articles}
        self.kinds = Kinds(report.kinds or shipped_kinds(), report.findings)
        self.words = ReportWords(report.words)
        self.lang = report.lang
        self.draft = report.draft

    @cached_property
    def findings(self) -> list[FindingView]:
        """Every finding, in rank order (then as judged)."""
        ordered = sorted(enumerate(self.report.findings),
                         key=lambda item: (item[1].rank is None, item[1].rank or 0, item[0]))
        return [self.view(f) for _, f in ordered]

    def of_kind(self, kind: FindingKind) -> list[FindingView]:
        return [v for v in self.findings if v.finding.kind == kind.kind]

    @cached_property
    def disputes(self) -> list[FindingView]:
        return [v for v in self.findings if v.kind.dispute]

    def view(self, finding: Finding) -> FindingView:
        members = [self.claims[c] for c in finding.claims if c in self.claims]
        return FindingView(finding, self.kinds.of(finding), members, self.values(finding, members))

    def texts(self, claims: Iterable[Claim]) -> list[str]:
        """How the claims write their value: the report's language first, shortest first."""
        order: dict[str, tuple] = {}
        for claim in claims:
            text = " ".join(claim.value.text.split())
            own = self.articles[claim.article].lang == self.lang if claim.article in self.articles else False
            order[text] = min(order.get(text, (True, 0, "")), (not own, len(text), text))
        return sorted(order, key=order.__getitem__)[:MAX_TEXTS]

    def values(self, finding: Finding, members: list[Claim]) -> list[Values]:
        by_id = {c.id: c for c in members}
        if finding.clusters:
            groups = [[by_id[i] for i in cluster.claims if i in by_id] for cluster in finding.clusters]
        elif self.kinds.of(finding).agreeing:
            groups = [members]
        else:
            keyed: dict[tuple, list[Claim]] = {}
            for claim in members:
                keyed.setdefault(value_key(claim), []).append(claim)
            groups = list(keyed.values())
        out = []
        for group in (g for g in groups if g):
            outlets = sorted({c.article for c in group if c.article != self.draft})
            out.append(Values(self.texts(group), outlets, group, any(c.article == self.draft for c in group)))
        return sorted(out, key=lambda v: (-len(v.outlets), -v.draft, v.texts))

    def outlet(self, article_id: str) -> str:
        article = self.articles.get(article_id)
        return " ".join((article.outlet if article else article_id).split())


def shipped_kinds() -> list[FindingKind]:
    """The finding kinds of the shipped judging kinds: for a report made without its kinds."""
    from checker.judge.finding_kinds import declared
    from checker.judge.kinds import KINDS

    return declared(KINDS.values())
