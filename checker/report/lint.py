"""Findings as a linter lists them: each at one place in one file, with the others it names.

The SARIF, GitHub-annotation and concise formats share this. A finding is
about several claims in several articles; it is listed at one of them (the
draft's claim when a draft is checked, else its first), and the others go
with it as related places. Places are the claim's value: its line and column
in the article's file, counting the lines of a front matter the text comes
after (`Article.text_line`, set when the file was read), in characters.
"""

from __future__ import annotations

from dataclasses import dataclass

from checker.models import Article, Claim, Finding, Report
from checker.report.view import ReportView
from checker.text.lines import line_column, line_starts



@dataclass(frozen=True)
class Place:
    """Where a claim stands in its article's file: its value, and the sentence around it."""

    claim: Claim
    article: Article
    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    sentence: tuple[int, int, int, int]  # start line and column, end line and column

    @property
    def outlet(self) -> str:
        return self.article.outlet


@dataclass(frozen=True)
class Listed:
    """One finding as a linter lists it."""

    finding: Finding
    place: Place
    related: list[Place]


class Places:
    """Each claim's place, from the articles' texts; every article's line starts found once."""

    def __init__(self, report: Report) -> None:
        self.articles = {a.id: a for a in report.articles}
        self._starts: dict[str, list[int]] = {}

    def _position(self, article: Article, offset: int) -> tuple[int, int]:
        starts = self._starts.get(article.id)
        if starts is None:
            starts = self._starts[article.id] = line_starts(article.text)
        line, column = line_column(starts, offset)
        return line + article.text_line, column

    def of(self, claim: Claim) -> Place:
        article = self.articles[claim.article]
        start, end = claim.value_span or claim.span
        line, column = self._position(article, start)
        end_line, end_column = self._position(article, end)
        sentence = (*self._position(article, claim.span[0]), *self._position(article, claim.span[1]))
        return Place(claim, article, article.path, line, column, end_line, end_column, sentence)


def primary(finding: Finding, claims: dict[str, Claim], draft: str | None) -> Claim:
    """The claim a finding is listed at: the draft's, when a draft is checked; else its first."""
    members = [claims[c] for c in finding.claims if c in claims]
    return next((c for c in members if c.article == draft), members[0])


def listed(report: Report, reviewed: bool = False) -> list[Listed]:
    """The findings a linter lists, in file and line order; reviewed ones only if asked."""
    claims = {c.id: c for c in report.claims}
    places = Places(report)
    kinds = ReportView(report).kinds  # a kind that asks nothing of the editor (agreements) is not listed
    out = []
    for finding in report.findings:
        if not kinds.of(finding).listed or (finding.reviewed and not reviewed):
            continue
        if not any(c in claims for c in finding.claims):
            continue
        first = primary(finding, claims, report.draft)
        others = [places.of(claims[c]) for c in finding.claims if c in claims and c != first.id]
        out.append(Listed(finding, places.of(first), others))
    out.sort(key=lambda item: (item.place.path, item.place.line, item.place.column, item.finding.id))
    return out


def one_line(text: str) -> str:
    """A message on one line: every run of white space (line breaks included) one space."""
    return " ".join(text.split())
