"""The report as one self-contained HTML page: no network, no script needed to read it.

What the Markdown report says, laid out for a browser (report/view.py gives both
the same findings, in rank order): the answer first (the verdict, or the draft's
gate with what to write instead), the ranked disputes one line each, linked to
their details, the summary, then a section a kind of finding. Every finding's
claims are on the page, each table row's whole sentence folded under its clause
(`<details>`), agreements and single-source claims folded away; a figure over
time is an inline SVG chart (report/svg.py). Words from the articles sit in
`<bdi>` or in elements with `dir="auto"`, so that each is laid out in its own
direction; the page's own words are English.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from checker.models import Claim, Report
from checker.report.charts import chart_series
from checker.report.direction import LTR, first_direction
from checker.report.gate import advice_text, can_publish, gate_rows, gate_summary
from checker.report.quotes import clause, is_cut
from checker.report.svg import svg_chart
from checker.report.view import FindingView, ReportView, Values

NAMED_OUTLETS = 3  # outlets named on a dispute's line at the top; the others are counted
SHOWN_VALUES = 3  # values on that line; the others are counted

STYLE = """
:root { color-scheme: light; --line: #d0d7de; --muted: #57606a; --error: #cf222e; --warning: #9a6700; }
body { font: 16px/1.5 system-ui, "Noto Sans", "Noto Naskh Arabic", "DejaVu Sans", sans-serif;
       margin: 0 auto; max-width: 72rem; padding: 1rem 1.5rem 4rem; color: #1f2328; }
h1 { font-size: 1.6rem; } h2 { font-size: 1.3rem; border-bottom: 1px solid var(--line); padding-bottom: .2rem; }
h3 { font-size: 1.1rem; margin-bottom: .2rem; }
.verdict { font-size: 1.15rem; } .verdict.fail { color: var(--error); }
.status { color: var(--muted); font-size: .9rem; margin-top: 0; }
.status .error { color: var(--error); font-weight: 600; } .status .warning { color: var(--warning); font-weight: 600; }
ol.disputes li { margin-bottom: .35rem; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; margin: .5rem 0 1rem; font-size: .92rem; }
th, td { border: 1px solid var(--line); padding: .3rem .5rem; vertical-align: top; text-align: start;
         overflow-wrap: anywhere; }
th { background: #f6f8fa; }
td details summary { cursor: pointer; }
td details[open] summary { margin-bottom: .3rem; color: var(--muted); }
.finding { margin-bottom: 1.5rem; }
ul.values { margin: .3rem 0; }
svg.chart { display: block; width: 100%; max-width: 40rem; height: auto; margin: .5rem 0; }
svg.chart .grid { stroke: var(--line); } svg.chart text { font-size: 12px; fill: var(--muted); }
svg.chart .axis-label { font-size: 13px; fill: #1f2328; }
details.kind > summary { font-weight: 600; cursor: pointer; }
.problems li { color: var(--error); }
"""


def _e(text: object) -> str:
    return escape(str(text), quote=True)


def bdi(text: str) -> str:
    """Words from the articles, laid out in their own direction inside the page's."""
    return f"<bdi>{_e(text)}</bdi>"


class HtmlReport:
    """The page of one story, or a section of a page of several."""

    def __init__(self, report: Report, level: int = 1, prefix: str = "") -> None:
        self.report = report
        self.view = ReportView(report)
        self.level = level  # heading level of the report's title
        self.prefix = prefix  # keeps the ids of several stories apart

    def h(self, depth: int, body: str, **attrs: str) -> str:
        level = min(6, self.level + depth)
        extra = "".join(f' {k.rstrip("_")}="{_e(v)}"' for k, v in attrs.items())
        return f"<h{level}{extra}>{body}</h{level}>"

    def anchor(self, view: FindingView) -> str:
        return self.prefix + view.anchor

    def outlet(self, article_id: str) -> str:
        article = self.view.articles.get(article_id)
        name = bdi(self.view.outlet(article_id))
        return f'<a href="{_e(article.url)}">{name}</a>' if article is not None and article.url else name

    def values(self, values: Values, named: int | None = None) -> str:
        """A value, how many outlets give it and which (the first `named` of them, the rest counted)."""
        words = self.view.words
        shown = values.outlets if named is None else values.outlets[:named]
        names = words.separator.join(self.outlet(a) for a in shown)
        if len(shown) < len(values.outlets):
            names += " " + _e(words.more(len(values.outlets) - len(shown)))
        draft = f" + {bdi(self.report.draft or '')}" if values.draft else ""
        return (f"<strong>{bdi(' / '.join(values.texts))}</strong> — {_e(words.outlets(len(values.outlets)))}"
                + (f" ({names})" if names else "") + draft)

    def values_line(self, view: FindingView, named: int | None = None, shown: int | None = None) -> str:
        values = view.values if shown is None else view.values[:shown]
        more = len(view.values) - len(values)
        return " · ".join(self.values(v, named) for v in values) + (
            f" · {_e(self.view.words.more(more))}" if more else "")

    @property
    def direction(self) -> str:
        """The direction of the report's language, read from its own words."""
        return first_direction(self.view.words.outlets(2)) or LTR

    # --- the head ---

    def head(self) -> list[str]:
        report = self.report
        out = [self.h(0, "Fact-consistency report"),
               f'<p class="counts">{len(report.articles)} articles, {len(report.claims)} claims, '
               f"{len(report.findings)} findings.</p>"]
        out += self.gate() if report.draft else [self.verdict()]
        if report.problems:
            out.append(f'<p class="verdict fail"><strong>{len(report.problems)} input problem(s): what they '
                       "name was not checked.</strong></p>")
            out.append('<ul class="problems">' + "".join(f"<li>{_e(p.message)}</li>" for p in report.problems)
                       + "</ul>")
        return out

    def verdict(self) -> str:
        if not self.report.articles:
            return '<p class="verdict fail"><strong>Nothing was checked: no article could be read.</strong></p>'
        errors = [f for f in self.report.findings if f.severity == "error" and not f.reviewed]
        if errors:
            return (f'<p class="verdict fail"><strong>{len(errors)} unreviewed conflict(s) to resolve before '
                    "publishing.</strong></p>")
        return '<p class="verdict"><strong>No unreviewed conflicts.</strong></p>'

    def gate(self) -> list[str]:
        ok = can_publish(self.report)
        answer = "Can I publish? No conflicts with the sources." if ok else "Can I publish? Not yet."
        out = [f'<p class="verdict{"" if ok else " fail"}"><strong>{answer}</strong></p>',
               f"<p>{_e(gate_summary(self.report))}</p>"]
        rows = []
        for row in gate_rows(self.view):
            sources = "; ".join(f"{label}: " + ", ".join(bdi(n) for n in names)
                                for label, names in (("for", row.supported_by), ("against", row.contradicted_by))
                                if names) or "—"
            rows.append([bdi(row.draft_says), bdi(row.about), _e(row.standing), sources, self.advice(row)])
        if rows:
            out.append(self.table(["Draft says", "About", "Standing", "Sources", "Write instead"], rows,
                                  "gate"))
        return out

    @staticmethod
    def advice(row) -> str:
        def given(value: str, outlets: list[str]) -> str:
            return f"<strong>{bdi(value)}</strong> (" + ", ".join(bdi(o) for o in outlets) + ")"

        return advice_text(row, given, _e)

    def disputes(self) -> list[str]:
        disputes = self.view.disputes
        if not disputes:
            return []
        # A line in the report's language, laid out in its direction.
        items = [f'<li dir="{self.direction}" lang="{_e(self.view.lang)}"><a href="#{_e(self.anchor(v))}">'
                 f"{bdi(v.heading)}</a> — {self.values_line(v, NAMED_OUTLETS, SHOWN_VALUES)}</li>" for v in disputes]
        title = f"{len(disputes)} dispute{'s' if len(disputes) != 1 else ''} to resolve"
        return [f'<section id="{self.prefix}disputes">', self.h(1, title), '<ol class="disputes">', *items,
                "</ol>", "</section>"]

    def summary(self) -> list[str]:
        rows = []
        for kind in self.view.kinds.all:
            found = [f for f in self.report.findings if f.kind == kind.kind]
            if found or kind.always_counted:
                severities: dict[str, int] = {}
                for finding in found:
                    severities[finding.severity] = severities.get(finding.severity, 0) + 1
                by = ", ".join(f"{n} {s}" for s, n in sorted(severities.items())) or "—"
                rows.append([_e(kind.title), str(len(found)), _e(by)])
        return [self.table(["Finding", "Count", "By severity"], rows, "summary")]

    # --- the findings ---

    def table(self, headers: list[str], rows: list[list[str]], css: str = "") -> str:
        head = "".join(f"<th>{_e(h)}</th>" for h in headers)
        body = "".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>" for row in rows)
        return f'<table class="{css}"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'

    @staticmethod
    def quote(claim: Claim) -> str:
        """The clause around the figure; the whole sentence folded under it where it was cut."""
        if not is_cut(claim):
            return f'<span dir="auto">{_e(claim.quote)}</span>'
        return (f'<details><summary dir="auto">{_e(clause(claim))}</summary>'
                f'<div dir="auto">{_e(claim.quote)}</div></details>')

    @staticmethod
    def qualifier(claim: Claim) -> str:
        parts = [claim.value.qualifier or ("exact" if claim.value.kind == "quantity" else "—")]
        parts += [f"hedged: {claim.hedge}"] if claim.hedge else []
        parts += ["forecast"] if claim.forecast else []
        parts += ["negated"] if claim.negated else []
        return ", ".join(parts)

    def claims_table(self, view: FindingView) -> str:
        timeline = view.kind.layout == "timeline"
        headers = ["Date"] if timeline else []
        headers += ["Outlet", "Value", "Qualifier", "Attributed to", "Quote"]
        rows = [([_e(c.published or "—")] if timeline else [])
                + [self.outlet(c.article), bdi(c.value.text), bdi(self.qualifier(c)), bdi(c.attribution or "—"),
                   self.quote(c)] for c in view.members]
        return self.table(headers, rows, "claims")

    def status(self, view: FindingView) -> str:
        f = view.finding
        parts = [f'<span class="{_e(f.severity)}">{_e(f.severity.upper())}</span>']
        parts += [f"rank {f.rank}"] if f.rank is not None else []
        parts += [f"confidence {f.confidence:.2f}"] if f.confidence is not None else []
        parts += [f"rule <code>{_e(f.rule)}</code>", f"<code>{_e(f.id)}</code>"]
        reviewed = f" (reviewed: {bdi(f.reviewed)})" if f.reviewed else ""
        return f'<p class="status">{" · ".join(parts)}{reviewed}</p>'

    def finding(self, view: FindingView) -> list[str]:
        out = [f'<article class="finding" id="{_e(self.anchor(view))}">',
               self.h(2, _e(view.heading), dir="auto"), self.status(view)]
        if view.kind.layout != "row":
            out.append(f'<ul class="values" dir="{self.direction}" lang="{_e(self.view.lang)}">'
                       + "".join(f"<li>{self.values(v)}</li>" for v in view.values) + "</ul>")
        if view.finding.message:
            out.append(f'<details class="message"><summary>The rule\'s message</summary>'
                       f'<p dir="auto">{_e(view.finding.message)}</p></details>')
        if view.kind.layout == "timeline":
            series = chart_series(view.finding, self.view.claims, self.view.words.qualifier)
            out.append(svg_chart(view.finding, series, self.view.claims, self.view.outlet))
        out.append(self.claims_table(view))
        return out + ["</article>"]

    def rows(self, views: list[FindingView]) -> str:
        rows = [[bdi(v.heading), bdi(v.members[0].value.text), self.outlet(v.members[0].article),
                 self.quote(v.members[0])] for v in views if v.members]
        return self.table(["Quantity", "Value", "Outlet", "Quote"], rows, "claims")

    def sections(self) -> list[str]:
        out: list[str] = []
        for kind in self.view.kinds.all:
            views = self.view.of_kind(kind)
            if not views:
                continue
            body: list[str] = [self.rows(views)] if kind.layout == "row" else \
                [line for view in views for line in self.finding(view)]
            out += [f'<section class="kind" id="{self.prefix}kind-{_e(kind.kind)}">', self.h(1, _e(kind.title))]
            if kind.collapsed:
                noun = kind.one if len(views) == 1 else kind.many
                out += [f'<details class="kind"><summary>{len(views)} {_e(noun)}</summary>', *body, "</details>"]
            else:
                out += body
            out.append("</section>")
        return out

    def articles(self) -> list[str]:
        rows = [[_e(a.id), self.outlet(a.id), f'<span dir="auto">{_e(a.title or "")}</span>',
                 _e(a.published or "—"), _e(a.lang or "")] for a in self.report.articles]
        return [f'<section id="{self.prefix}articles">', self.h(1, "Articles"),
                f'<details class="kind"><summary>{len(rows)} articles</summary>',
                self.table(["Article", "Outlet", "Title", "Published", "Lang"], rows, "articles"),
                "</details>", "</section>"]

    def body(self) -> list[str]:
        return [*self.head(), *self.disputes(), *self.summary(), *self.sections(), *self.articles()]


def page(title: str, body: list[str]) -> str:
    return "\n".join(['<!DOCTYPE html>', '<html lang="en">', "<head>", '<meta charset="utf-8">',
                      '<meta name="viewport" content="width=device-width, initial-scale=1">',
                      f"<title>{_e(title)}</title>", f"<style>{STYLE}</style>", "</head>", "<body>",
                      *body, "</body>", "</html>", ""])


def render_html(report: Report) -> str:
    return page("Fact-consistency report", HtmlReport(report).body())


def render_stories_html(parts: Sequence) -> str:
    """One page for a run: a story's report, or each story's under its own heading."""
    if len(parts) == 1:
        return render_html(parts[0].report)
    body = ["<h1>Fact-consistency report: " + f"{len(parts)} stories</h1>",
            "<p>Claims are aligned and judged within each story, never across stories.</p>", "<ol>"]
    body += [f'<li><a href="#story-{n}">{bdi(p.story.label or "—")}</a></li>' for n, p in enumerate(parts, 1)]
    body.append("</ol>")
    for n, part in enumerate(parts, 1):
        body += [f'<section class="story" id="story-{n}">',
                 *HtmlReport(part.report, level=2, prefix=f"s{n}-").body(), "</section>"]
    return page("Fact-consistency report", body)
