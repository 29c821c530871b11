"""The Markdown report: what an editor reads before publishing.

A summary table, then conflicts (each a small table of every outlet's value
for the same quantity, with its qualifier, attribution and verbatim quote, in
the manner of discrepancy tables), then agreements, then single-source claims,
then names the checker matched across spellings and rules that matched nothing.
"""

from __future__ import annotations

from collections import Counter
from itertools import chain

import tabulate as tabulate_pkg
from tabulate import SEPARATING_LINE, tabulate

from checker.models import FORECAST, Article, Claim, Finding, Report
from checker.gcpause import cycle_collector_paused

SECTIONS = [
    ("conflict", "Conflicts"),
    ("inconsistent", "Inconsistent within one article"),
    ("updated", "Figures updated over time"),
    ("agreement", "Agreements"),
    ("single_source", "Single-source claims"),
]
QUOTE_LIMIT = 400
MAX_OVERVIEW = 40


def cell(text: str | None) -> str:
    """Table-safe text: no pipes or line breaks to break the row."""
    if not text:
        return ""
    # Most text has no runs of spaces or other white space (which is never printable
    # but for " "): testing that is cheaper than splitting and joining every cell.
    if not (text.isprintable() and "  " not in text and text[0] != " " and text[-1] != " "):
        text = " ".join(text.split())
    if len(text) > QUOTE_LIMIT:
        text = text[:QUOTE_LIMIT - 1] + "…"
    return text.replace("|", "\\|")


# What tabulate reads as a line break, a colour code or its separating-line marker.
TABULATE_SPECIAL = ("\r", "\n", "\x1b", SEPARATING_LINE)


def _plain(rows: list[list[str]], headers: list[str]) -> bool:
    """Whether tabulate writes these cells as they are, only padded."""
    try:
        text = "\t".join(chain(headers, chain.from_iterable(rows)))
    except TypeError:  # a number, date or None: tabulate formats it
        return False
    return all(len(row) == len(headers) for row in rows) and not any(c in text for c in TABULATE_SPECIAL)


def github_table(rows: list[list[str]], headers: list[str]) -> str:
    """tabulate(rows, headers, tablefmt="github", disable_numparse=True), for rows of plain text.

    tabulate infers a type for every cell even with numparse off, which made
    it most of the report's time on big conflict tables; this writes the same
    text without it. Tables tabulate might write otherwise are left to it.
    """
    if not rows or tabulate_pkg.WIDE_CHARS_MODE or not _plain(rows, headers):
        return tabulate(rows, headers=headers, tablefmt="github", disable_numparse=True)
    rows = [[c.strip() for c in row] for row in rows]  # as tabulate does
    # Headers get two spaces of room, as in tabulate (its MIN_PADDING).
    widths = [max(len(h) + 2, *(len(row[i]) for row in rows)) for i, h in enumerate(headers)]
    lines = ["| " + " | ".join(h.ljust(w) for h, w in zip(headers, widths)) + " |",
             "|" + "|".join("-" * (w + 2) for w in widths) + "|"]
    lines += ["| " + " | ".join([c.ljust(w) for c, w in zip(row, widths)]) + " |" for row in rows]
    return "\n".join(lines)


def outlet_link(article: Article) -> str:
    name = cell(article.outlet)
    return f"[{name}]({article.url})" if article.url else name


def _qualifier(claim: Claim) -> str:
    # A figure with no qualifier is exact; a post with none is simply held.
    parts = [claim.value.qualifier or ("exact" if claim.value.kind == "quantity" else "—")]
    if claim.hedge:
        parts.append(f"hedged: {claim.hedge}")
    if claim.extra.get(FORECAST):
        parts.append("forecast")
    if claim.negated:
        parts.append("negated")
    return ", ".join(parts)


def claims_table(claims: list[Claim], links: dict[str, str]) -> str:
    """`links` holds each article's outlet_link, made once per article rather than once per row."""
    rows = []
    for claim in claims:
        rows.append([
            links.get(claim.article, claim.article),
            f"`{claim.article}`",
            cell(claim.value.text),
            cell(_qualifier(claim)),
            cell(claim.attribution) or "—",
            cell(claim.quote),
        ])
    # Not tabulate itself: on big stories its per-cell type inference here was most of the report's time.
    return github_table(rows, ["Outlet", "Article", "Value", "Qualifier", "Attributed to", "Quote"])


def summary(report: Report) -> str:
    counts = Counter((f.kind, f.severity) for f in report.findings)
    rows = [[title, sum(n for (k, _), n in counts.items() if k == kind),
             ", ".join(f"{n} {sev}" for (k, sev), n in sorted(counts.items()) if k == kind) or "—"]
            for kind, title in SECTIONS]
    return tabulate(rows, headers=["Finding", "Count", "By severity"], tablefmt="github", disable_numparse=True)


def draft_verdict(report: Report) -> list[str]:
    """The draft's top lines: can I publish? Then each draft claim and its standing."""
    claims = {c.id: c for c in report.claims}
    draft_claims = [c for c in report.claims if c.article == report.draft]
    standing: dict[str, tuple[str, set[str]]] = {c.id: ("no source mentions it", set()) for c in draft_claims}
    for finding in report.findings:
        mine = [c for c in finding.claims if c in standing]
        for claim_id in mine:
            if finding.kind == "conflict" and not finding.reviewed:
                against = {claims[o].article for pair in finding.details.get("pairs", []) if claim_id in pair
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
        lines += [tabulate(rows, headers=["Draft says", "About", "Standing", "Sources"], tablefmt="github",
                           disable_numparse=True), ""]
    return lines


def pair_members(finding: Finding, claim_id: str) -> set[str]:
    """The claims a conflict pits against `claim_id`."""
    return {o for pair in finding.details.get("pairs", []) if claim_id in pair for o in pair}


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


def finding_block(finding: Finding, claims: dict[str, Claim], links: dict[str, str]) -> str:
    members = [claims[c] for c in finding.claims if c in claims]
    header = f"### {cell(finding.subject.text) or '?'} — {finding.predicate}"
    status = f" (reviewed: {cell(finding.reviewed)})" if finding.reviewed else ""
    lines = [header, "", f"{finding.severity.upper()} · rule `{finding.rule}` · `{finding.id}`{status}", "",
             cell(finding.message), "", claims_table(members, links), ""]
    return "\n".join(lines)


def outlet_overview(report: Report, articles: dict[str, Article], claims: dict[str, Claim]) -> str:
    """Which outlet agrees or conflicts with which, on how many claims.

    A table of pairs grows with the square of the outlets; past MAX_OVERVIEW
    articles it would bury the report, so it is left out."""
    if len(report.articles) > MAX_OVERVIEW:
        return ""
    agree: Counter[tuple[str, str]] = Counter()
    clash: Counter[tuple[str, str]] = Counter()
    for finding in report.findings:
        if finding.kind == "conflict":
            for a, b in finding.details.get("pairs", []):
                pair = tuple(sorted((claims[a].article, claims[b].article)))
                clash[pair] += 1
        elif finding.kind == "agreement":
            outlets = sorted({claims[c].article for c in finding.claims if c in claims})
            for i, a in enumerate(outlets):
                for b in outlets[i + 1:]:
                    agree[(a, b)] += 1
    pairs = sorted(set(agree) | set(clash))
    if not pairs:
        return ""
    rows = [[outlet_link(articles[a]), outlet_link(articles[b]), agree[(a, b)], clash[(a, b)]] for a, b in pairs]
    return tabulate(rows, headers=["Outlet", "Outlet", "Agree on", "Conflict on"], tablefmt="github",
                    disable_numparse=True)


def render_markdown(report: Report) -> str:
    with cycle_collector_paused():
        return _render_markdown(report)


def _render_markdown(report: Report) -> str:
    articles = {a.id: a for a in report.articles}
    links = {article_id: outlet_link(a) for article_id, a in articles.items()}
    claims = {c.id: c for c in report.claims}
    out = ["# Fact-consistency report", "",
           f"{len(report.articles)} articles, {len(report.claims)} claims, {len(report.findings)} findings.", "",
           *(draft_verdict(report) if report.draft else [verdict(report), ""]), *incomplete(report),
           summary(report), ""]
    if report.problems:
        out += ["## Problems", "", "Files not read, rules skipped and articles cut short; everything else "
                "was checked.", ""]
        out += [f"- {cell(p.message)}" for p in report.problems] + [""]
    for kind, title in SECTIONS:
        findings = [f for f in report.findings if f.kind == kind]
        if not findings:
            continue
        out += [f"## {title}", ""]
        if kind == "single_source":
            rows = [[cell(f.subject.text), f.predicate, cell(claims[f.claims[0]].value.text),
                     links[claims[f.claims[0]].article], cell(claims[f.claims[0]].quote)]
                    for f in findings if f.claims and f.claims[0] in claims]
            out += [tabulate(rows, headers=["Subject", "Predicate", "Value", "Outlet", "Quote"],
                             tablefmt="github", disable_numparse=True), ""]
            continue
        for finding in findings:
            out.append(finding_block(finding, claims, links))
    overview = outlet_overview(report, articles, claims)
    if overview:
        out += ["## Outlets side by side", "", overview, ""]
    if report.aliases:
        out += ["## Names matched across spellings", ""]
        out += [f"- {' / '.join(cell(s) for s in a['spellings'])}" for a in report.aliases] + [""]
    if report.unmatched_rules:
        out += ["## Rules that matched nothing", ""]
        out += [f"- `{r}`" for r in report.unmatched_rules] + [""]
    # Not tabulate itself: one row per article, this was most of what tabulate still had to do.
    out += ["## Articles", "",
            github_table([[f"`{a.id}`", outlet_link(a), cell(a.title), str(a.published or "—"), a.lang]
                          for a in report.articles], ["Article", "Outlet", "Title", "Published", "Lang"]), ""]
    return "\n".join(out)
