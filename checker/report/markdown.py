"""The Markdown report: what an editor reads before publishing.

A summary table, then conflicts (each a small table of every outlet's value
for the same quantity, with its qualifier, attribution and verbatim quote, in
the manner of discrepancy tables), then figures updated over time (a chart
above the table), agreements, single-source claims, names the checker
matched across spellings and rules that matched nothing, and the articles.

It reads well raw too: outlets are reference links whose addresses are given
once at the end (report/outlets.py), a table quotes the clause around each
figure and keeps the whole sentence under it in a collapsible block
(report/quotes.py), and prose is wrapped (report/wrap.py). Text in a
right-to-left script is marked `dir="auto"` in table cells, whose direction
is the page's (GitHub gives paragraphs, list items and headings their own).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

from checker.models import Article, Claim, Finding, Report
from checker.report.charts import update_chart
from checker.report.outlets import Outlets
from checker.report.quotes import clause, is_cut
from checker.report.tables import cell, table
from checker.report.wrap import fold, wrapped

SECTIONS = [
    ("conflict", "Conflicts"),
    ("updated", "Figures updated over time"),
    ("possible_update", "Figures that may have changed (no dates to order them)"),
    ("agreement", "Agreements"),
    ("single_source", "Single-source claims"),
]
MAX_OVERVIEW = 40
# A title in the list of articles: one taken from a first line may be a whole paragraph.
TITLE_LIMIT = 80


def _right_to_left(text: str) -> bool:
    return any(unicodedata.bidirectional(c) in ("R", "AL") for c in text)


def directed(text: str) -> str:
    """Table-cell text that holds right-to-left letters, in an element that takes its
    direction from its own first letter: a table cell's is the page's, left to right,
    which scrambles the order of an Arabic sentence's Latin words and its closing
    marks. (A short value or name in one script reads right as it is.)"""
    return f'<div dir="auto">{text}</div>' if _right_to_left(text) else text


def _quoted(text: str) -> str:
    """Quoted words that stay words: no raw HTML, and no "[3]" read as a link to outlet 3."""
    return text.replace("<", "&lt;").replace("[", "\\[")


def quote_cell(claim: Claim) -> str:
    return directed(_quoted(cell(clause(claim))))


def _sentence_text(sentence: str) -> str:
    """A sentence as Markdown text on its own: quoted words, no list or heading opened by its start."""
    text = _quoted(" ".join(sentence.split()))
    return "\\" + text if re.match(r"([-+*>#]|\d+[.)])(\s|$)", text) else text


def whole_sentences(claims: list[Claim], outlets: Outlets) -> list[str]:
    """The sentences a table cut to a clause, whole, in a block the reader opens. (GitHub
    gives each list item the direction of its own first letter.)"""
    seen: dict[str, list[str]] = {}
    for claim in claims:
        if is_cut(claim):
            names = seen.setdefault(claim.quote, [])
            if claim.article not in names:
                names.append(claim.article)
    if not seen:
        return []
    lines = ["<details><summary>Whole sentences</summary>", ""]
    for sentence, articles in seen.items():
        who = ", ".join(outlets.link(a) for a in articles)
        lines.append(wrapped(f"{_sentence_text(sentence)} — {who}", "- ", "  "))
    return lines + ["", "</details>", ""]


def _qualifier(claim: Claim) -> str:
    # A figure with no qualifier is exact; a post with none is simply held.
    parts = [claim.value.qualifier or ("exact" if claim.value.kind == "quantity" else "—")]
    if claim.hedge:
        parts.append(f"hedged: {claim.hedge}")
    if claim.forecast:
        parts.append("forecast")
    if claim.negated:
        parts.append("negated")
    return ", ".join(parts)


def claims_table(claims: list[Claim], outlets: Outlets) -> str:
    """Every claim's outlet, value as read, attribution and the clause it stands in."""
    rows = []
    for claim in claims:
        rows.append([
            outlets.link(claim.article),
            cell(claim.value.text),
            cell(_qualifier(claim)),
            cell(claim.attribution) or "—",
            quote_cell(claim),
        ])
    return table(rows, ["Outlet", "Value", "Qualifier", "Attributed to", "Quote"])


def agreements_inside_conflicts(findings: list[Finding]) -> int:
    """Outlets that agree on a value inside a conflict agree too, though the value is
    disputed: each such value counts as an agreement (the summary table, the run's last line)."""
    return sum(1 for f in findings if f.kind == "conflict" for cluster in f.clusters or []
               if len(cluster.outlets) >= 2)


def summary(report: Report) -> str:
    counts = Counter((f.kind, f.severity) for f in report.findings)
    rows = [[title, sum(n for (k, _), n in counts.items() if k == kind),
             ", ".join(f"{n} {sev}" for (k, sev), n in sorted(counts.items()) if k == kind) or "—"]
            for kind, title in SECTIONS]
    inside = agreements_inside_conflicts(report.findings)
    for row in rows:
        if row[0] == "Agreements" and inside:
            row[1] += inside
            row[2] = f"{row[2] if row[2] != '—' else ''}{', ' if row[2] != '—' else ''}{inside} inside conflicts"
    return table(rows, ["Finding", "Count", "By severity"])


def draft_verdict(report: Report) -> list[str]:
    """The draft's top lines: can I publish? Then each draft claim and its standing."""
    claims = {c.id: c for c in report.claims}
    draft_claims = [c for c in report.claims if c.article == report.draft]
    standing: dict[str, tuple[str, set[str]]] = {c.id: ("no source mentions it", set()) for c in draft_claims}
    for finding in report.findings:
        mine = [c for c in finding.claims if c in standing]
        for claim_id in mine:
            if finding.kind == "conflict" and not finding.reviewed:
                against = {claims[o].article for pair in finding.pairs or [] if claim_id in pair
                           for o in pair if o != claim_id}
                agreeing = {claims[o].article for o in finding.claims if o not in pair_members(finding, claim_id)
                            and claims[o].article != report.draft}
                if against:
                    standing[claim_id] = (f"conflicts with {len(against)} source(s)", against)
                    continue
                standing[claim_id] = (f"supported by {len(agreeing)} source(s)", agreeing)
            elif finding.kind in ("agreement", "conflict"):
                sources = {claims[o].article for o in finding.claims if claims[o].article != report.draft}
                standing[claim_id] = (f"supported by {len(sources)} source(s)", sources)
    conflicting = sum(1 for text, _ in standing.values() if text.startswith("conflicts"))
    answer = "**Can I publish? Not yet.**" if conflicting else "**Can I publish? No conflicts with the sources.**"
    supported = sum(1 for text, _ in standing.values() if text.startswith("supported"))
    lines = [answer, "",
             f"Draft `{report.draft}`: {len(draft_claims)} claims — {conflicting} conflict with the sources, "
             f"{supported} are supported by other outlets, {len(draft_claims) - conflicting - supported} "
             "are mentioned by no source.", ""]
    if draft_claims:
        rows = [[cell(c.value.text), c.predicate, standing[c.id][0],
                 ", ".join(f"`{a}`" for a in sorted(standing[c.id][1])) or "—"] for c in draft_claims]
        lines += [table(rows, ["Draft says", "About", "Standing", "Sources"]), ""]
    return lines


def pair_members(finding: Finding, claim_id: str) -> set[str]:
    """The claims a conflict pits against `claim_id`."""
    return {o for pair in finding.pairs or [] if claim_id in pair for o in pair}


def verdict(report: Report) -> str:
    if not report.articles:
        return "**Nothing was checked: no article could be read.**"
    errors = [f for f in report.findings if f.severity == "error" and not f.reviewed]
    if errors:
        return f"**{len(errors)} unreviewed conflict(s) to resolve before publishing.**"
    return "**No unreviewed conflicts.**"


def incomplete(report: Report) -> list[str]:
    """A warning under the verdict when some input was not read or not fully checked."""
    if not report.problems:
        return []
    return [f"**{len(report.problems)} input problem(s): what they name was not checked "
            "(see Problems below).**", ""]


def cluster_lines(finding: Finding, claims: dict[str, Claim], articles: dict[str, Article]) -> list[str]:
    """The values first: "**6.7 billion** — 4 outlets (A, B, C, D)", most outlets first."""
    lines = []
    for cluster in sorted(finding.clusters or [], key=lambda c: (-len(c.outlets), c.claims)):
        members = [claims[c] for c in cluster.claims if c in claims]
        shown = sorted({cell(m.value.text) for m in members}, key=lambda text: (len(text), text))[:3]  # not set order
        outlets = ", ".join(cell(articles[a].outlet) if a in articles else a for a in cluster.outlets)
        count = f"{len(cluster.outlets)} outlet{'s' if len(cluster.outlets) != 1 else ''}"
        lines.append(wrapped(f"**{' / '.join(shown)}** — {count} ({outlets})", "- ", "  "))
        lines += [wrapped(cell(note), "  - ", "    ") for note in cluster.conversions]
    return lines + [""] if lines else []


def timeline(finding: Finding, claims: dict[str, Claim], outlets: Outlets) -> str:
    """A figure updated over time, in date order: date, outlet, value, quote."""
    rows = [[str(c.published or "—"), outlets.link(c.article), cell(c.value.text), quote_cell(c)]
            for c in (claims[i] for i in finding.claims if i in claims)]
    return table(rows, ["Date", "Outlet", "Value", "Quote"])


def finding_block(finding: Finding, claims: dict[str, Claim], outlets: Outlets,
                  articles: dict[str, Article]) -> str:
    members = [claims[c] for c in finding.claims if c in claims]
    header = f"### {cell(finding.subject.text) or '?'} — {cell(finding.label or finding.predicate)}"
    status = f" (reviewed: {cell(finding.reviewed)})" if finding.reviewed else ""
    lines = [header, "", f"{finding.severity.upper()} · rule `{finding.rule}` · `{finding.id}`{status}", "",
             wrapped(fold(finding.message)), "", *cluster_lines(finding, claims, articles)]
    if finding.kind == "updated":
        chart = update_chart(finding, claims)
        lines += [chart, ""] if chart else []
        lines += [timeline(finding, claims, outlets), ""]
    else:
        lines += [claims_table(members, outlets), ""]
    lines += whole_sentences(members, outlets)
    return "\n".join(lines)


def outlet_overview(report: Report, outlets: Outlets, claims: dict[str, Claim]) -> str:
    """Which outlet agrees or conflicts with which, on how many claims.

    A table of pairs grows with the square of the outlets; past MAX_OVERVIEW
    articles it would bury the report, so it is left out."""
    if len(report.articles) > MAX_OVERVIEW:
        return ""
    agree: Counter[tuple[str, str]] = Counter()
    clash: Counter[tuple[str, str]] = Counter()
    for finding in report.findings:
        if finding.kind == "conflict":
            for a, b in finding.pairs or []:
                pair = tuple(sorted((claims[a].article, claims[b].article)))
                clash[pair] += 1
        elif finding.kind == "agreement":
            agreeing = sorted({claims[c].article for c in finding.claims if c in claims})
            for i, a in enumerate(agreeing):
                for b in agreeing[i + 1:]:
                    agree[(a, b)] += 1
    pairs = sorted(set(agree) | set(clash))
    if not pairs:
        return ""
    rows = [[outlets.link(a), outlets.link(b), agree[(a, b)], clash[(a, b)]] for a, b in pairs]
    return table(rows, ["Outlet", "Outlet", "Agree on", "Conflict on"])


def render_markdown(report: Report, first_number: int = 1) -> str:
    """The report; its articles are numbered from `first_number` (their reference links)."""
    articles = {a.id: a for a in report.articles}
    outlets = Outlets(report.articles, first_number)
    claims = {c.id: c for c in report.claims}
    out = ["# Fact-consistency report", "",
           f"{len(report.articles)} articles, {len(report.claims)} claims, {len(report.findings)} findings.", "",
           *(draft_verdict(report) if report.draft else [verdict(report), ""]), *incomplete(report),
           summary(report), ""]
    if report.problems:
        out += ["## Problems", "", "Files not read, rules skipped and articles cut short; everything else "
                "was checked.", ""]
        out += [wrapped(fold(p.message), "- ", "  ") for p in report.problems] + [""]
    for kind, title in SECTIONS:
        findings = [f for f in report.findings if f.kind == kind]
        if not findings:
            continue
        out += [f"## {title}", ""]
        if kind == "single_source":
            kept = [f for f in findings if f.claims and f.claims[0] in claims]
            singles = [claims[f.claims[0]] for f in kept]
            # What the figure is as an editor reads it (the finding's label), never an internal id.
            rows = [[cell(c.subject.text), cell(f.label or c.predicate_text or c.predicate), cell(c.value.text),
                     outlets.link(c.article), quote_cell(c)] for f, c in zip(kept, singles)]
            out += [table(rows, ["Subject", "Predicate", "Value", "Outlet", "Quote"]), ""]
            out += whole_sentences(singles, outlets)
            continue
        for finding in findings:
            out.append(finding_block(finding, claims, outlets, articles))
    overview = outlet_overview(report, outlets, claims)
    if overview:
        out += ["## Outlets side by side", "", overview, ""]
    if report.aliases:
        out += ["## Names matched across spellings", ""]
        out += [f"- {' / '.join(cell(s) for s in a['spellings'])}" for a in report.aliases] + [""]
    if report.rule_changes:
        out += ["## Rules in force", "", "Built-in rules that rule files changed, which may hide findings:", ""]
        out += [wrapped(f"`{c.rule}`: {fold(c.change)} ({fold(c.source)})", "- ", "  ") for c in report.rule_changes]
        out += [""]
    if report.unmatched_rules:
        out += ["## Rules that matched nothing", ""]
        out += [f"- `{r}`" for r in report.unmatched_rules] + [""]
    out += ["## Articles", "",
            table([[outlets.number(a.id), f"`{a.id}`", outlets.link(a.id), cell(a.title, TITLE_LIMIT),
                    str(a.published or "—"), a.lang] for a in report.articles],
                  ["#", "Article", "Outlet", "Title", "Published", "Lang"]), ""]
    # The outlets' addresses, once each: the rows above link to them by number.
    definitions = outlets.definitions()
    out += [*definitions, ""] if definitions else []
    return "\n".join(out)
