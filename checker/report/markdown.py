"""The Markdown report: what an editor acts on in two minutes before publishing.

It opens with the answer (the verdict, or for a draft "Can I publish?" above a
table of its figures, each with its standing and what to write instead), then
"N disputes to resolve", one line each, best first (report/view.py orders the
findings by rank): the quantity, its values with their outlets, a link to the
details. A summary counts every kind of finding. The details follow, a section
a kind of finding in the order the kinds declare (checker/judge/finding_kinds.py;
nothing here knows a kind by name): each dispute's values, a table of who says
what with the clause around each figure and the whole sentence a click away; a
figure updated over time as a chart and a timeline; agreements and single-source
claims folded away.

By default the report is at most MAX_LINES lines: each finding's table shows a
few claims of each value, and what does not fit is counted and left to `--all`
(`full=True`), which shows every claim, every agreement and single-source claim,
the outlets side by side, the names matched across spellings and the articles.

It reads well raw too: outlets are reference links whose addresses are given
once at the end (report/outlets.py), prose is wrapped (report/wrap.py), and every
run of words from the articles whose writing direction is not its line's is
isolated (report/direction.py), so that no line scrambles in an editor either.
"""

from __future__ import annotations

import re
from collections import Counter

from checker.models import Claim, Report
from checker.report.charts import update_chart
from checker.report.direction import Words, isolate, line
from checker.report.gate import advice_text, can_publish, gate_rows, gate_summary
from checker.report.outlets import Outlets
from checker.report.quotes import clause, is_cut
from checker.report.tables import cell, table
from checker.report.view import FindingView, ReportView, Values, value_key
from checker.report.wrap import fold, wrap, wrapped

MAX_LINES = 250
TOP_DISPUTES = 10  # disputes listed one line each at the top
ITEM_LINES = 2  # lines a dispute's list item may wrap to
NAMED_OUTLETS = 3  # outlets named on a dispute's line; the others are counted
MAX_VALUE_ROWS = 5  # values (or days and values) a finding's table shows by default
MAX_OVERVIEW = 40
# A title in the list of articles: one taken from a first line may be a whole paragraph.
TITLE_LIMIT = 80


def directed(text: str) -> str:
    """Table-cell text, isolated if it holds right-to-left letters, in an element that takes
    its direction from its own first letter: a table cell's is the page's, left to right,
    which scrambles the order of an Arabic sentence's Latin words and its closing marks."""
    shown = isolate(text)
    return f'<div dir="auto">{shown}</div>' if shown != text else text


def _quoted(text: str) -> str:
    """Quoted words that stay words: no raw HTML, and no "[3]" read as a link to outlet 3."""
    return text.replace("<", "&lt;").replace("[", "\\[")


def quote_cell(claim: Claim) -> str:
    return directed(_quoted(cell(clause(claim))))


def quote_click(claim: Claim) -> str:
    """The clause around the figure, and the whole sentence one click away, in one cell."""
    if not is_cut(claim):
        return quote_cell(claim)
    return (f'<details><summary dir="auto">{isolate(_quoted(cell(clause(claim))))}</summary>'
            f'<div dir="auto">{isolate(_quoted(cell(claim.quote)))}</div></details>')


def _sentence_text(sentence: str) -> str:
    """A sentence as Markdown text on its own: quoted words, no list or heading opened by its start."""
    text = _quoted(" ".join(sentence.split()))
    return "\\" + text if re.match(r"([-+*>#]|\d+[.)])(\s|$)", text) else text


def whole_sentences(claims: list[Claim], outlets: Outlets) -> list[str]:
    """The sentences a table cut to a clause, whole, in a block the reader opens."""
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
        text = line(Words(_sentence_text(sentence)), " — ", *_joined([outlets.link(a) for a in articles], ", "))
        lines.append(wrapped(text, "- ", "  "))
    return lines + ["", "</details>", ""]


def _joined(parts: list[str], separator: str) -> list[str]:
    out: list[str] = []
    for n, part in enumerate(parts):
        out += [separator] if n else []
        out.append(Words(part))
    return out


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


def claims_table(claims: list[Claim], outlets: Outlets, click: bool = False) -> str:
    """Every claim's outlet, value as read, attribution and the clause it stands in
    (with `click`, the whole sentence folded under it)."""
    # A short value or name isolated is enough; a sentence needs its own direction (`directed`).
    rows = [[outlets.link(c.article), isolate(cell(c.value.text)), isolate(cell(_qualifier(c))),
             isolate(cell(c.attribution)) or "—", quote_click(c) if click else quote_cell(c)] for c in claims]
    return table(rows, ["Outlet", "Value", "Qualifier", "Attributed to", "Quote"])


class MarkdownReport:
    """The report of one story, its parts each a list of lines."""

    def __init__(self, report: Report, first_number: int = 1, full: bool = False) -> None:
        self.report = report
        self.view = ReportView(report)
        self.outlets = Outlets(report.articles, first_number)
        self.full = full
        self.words = self.view.words

    # --- values with their outlets, in the report's language ---

    def _names(self, values: Values, named: int) -> list[str]:
        names = list(dict.fromkeys(self.view.outlet(a) for a in values.outlets))
        if not named:
            return []
        pieces = _joined(names[:named], self.words.separator)
        if len(names) > named:
            pieces += [" ", Words(self.words.more(len(names) - named))]
        return pieces

    def value_pieces(self, values: Values, named: int, texts: int = 3) -> list[str]:
        """**94.65% / 94.65 بالمئة** — 8 مصادر (A، B، C +5)"""
        # The count is in the report's language, isolated too: a line's link targets are Latin.
        pieces = ["**", Words(" / ".join(cell(t) for t in values.texts[:texts])), "** — ",
                  Words(self.words.outlets(len(values.outlets)))]
        names = self._names(values, named)
        pieces += [" (", *names, ")"] if names else []
        if values.draft:
            pieces += [" + ", Words(cell(self.report.draft or ""))]
        return pieces

    def values_line(self, view: FindingView, named: int, shown: int = 3, texts: int = 3) -> list[str]:
        pieces: list[str] = []
        for n, values in enumerate(view.values[:shown]):
            pieces += [" · "] if n else []
            pieces += self.value_pieces(values, named, texts)
        if len(view.values) > shown:
            pieces += [" · ", Words(self.words.more(len(view.values) - shown))]
        return pieces

    # --- the head: the answer first ---

    def head(self) -> list[str]:
        report = self.report
        out = ["# Fact-consistency report", "",
               f"{len(report.articles)} articles, {len(report.claims)} claims, {len(report.findings)} findings.", ""]
        out += self.gate() if report.draft else [self.verdict(), ""]
        if report.problems:
            out += [f"**{len(report.problems)} input problem(s): what they name was not checked "
                    "(see Problems below).**", ""]
        return out

    def verdict(self) -> str:
        if not self.report.articles:
            return "**Nothing was checked: no article could be read.**"
        errors = [f for f in self.report.findings if f.severity == "error" and not f.reviewed]
        if errors:
            return f"**{len(errors)} unreviewed conflict(s) to resolve before publishing.**"
        return "**No unreviewed conflicts.**"

    def gate(self) -> list[str]:
        answer = "**Can I publish? No conflicts with the sources.**" if can_publish(self.report) \
            else "**Can I publish? Not yet.**"
        out = [answer, "", wrapped(gate_summary(self.report)), ""]
        rows = []
        for row in gate_rows(self.view):
            sources = "; ".join(f"{label}: " + ", ".join(isolate(cell(n)) for n in names)
                                for label, names in (("for", row.supported_by), ("against", row.contradicted_by))
                                if names) or "—"
            rows.append([directed(cell(row.draft_says)), directed(cell(row.about)), row.standing, sources,
                         self.advice_cell(row)])
        if rows:
            out += [table(rows, ["Draft says", "About", "Standing", "Sources", "Write instead"]), ""]
        return out

    @staticmethod
    def advice_cell(row) -> str:
        def given(value: str, outlets: list[str]) -> str:
            return f"**{isolate(cell(value))}** ({', '.join(isolate(cell(o)) for o in outlets)})"

        return advice_text(row, given, str)

    def dispute_list(self, linked: set[str] | None) -> list[str]:
        """"N disputes to resolve", one line each, best first, linked to their details
        where they are shown (`linked`; None: all)."""
        disputes = self.view.disputes
        if not disputes:
            return []
        out = [f"## {len(disputes)} dispute{'s' if len(disputes) != 1 else ''} to resolve", ""]
        for n, view in enumerate(disputes[:TOP_DISPUTES], 1):
            out += self.dispute_item(n, view, linked is None or view.anchor in linked)
        if len(disputes) > TOP_DISPUTES:
            out.append(f"…and {len(disputes) - TOP_DISPUTES} more, below.")
        return out + [""]

    def dispute_item(self, n: int, view: FindingView, link: bool = True) -> list[str]:
        """One list item of at most ITEM_LINES lines: fewer outlets named, then fewer values, till it fits."""
        marker = f"{n}. "
        title = ["[", Words(cell(view.heading)), f"](#{view.anchor})"] if link else [Words(cell(view.heading))]
        for named, shown, texts in ((3, 3, 2), (2, 3, 1), (1, 2, 1), (0, 2, 1), (0, 1, 1)):
            lines = wrap(line(*title, " — ", *self.values_line(view, named, shown, texts)), marker, " " * len(marker))
            if len(lines) <= ITEM_LINES:
                return lines
        return wrap(line(*title), marker, " " * len(marker))

    def summary(self) -> list[str]:
        counts = Counter((f.kind, f.severity) for f in self.report.findings)
        rows = []
        for kind in self.view.kinds.all:
            total = sum(n for (k, _), n in counts.items() if k == kind.kind)
            if total or kind.always_counted:
                by_severity = ", ".join(f"{n} {sev}" for (k, sev), n in sorted(counts.items()) if k == kind.kind)
                rows.append([kind.title, total, by_severity or "—"])
        return [table(rows, ["Finding", "Count", "By severity"]), ""]

    def problems(self) -> list[str]:
        if not self.report.problems:
            return []
        out = ["## Problems", "", "Files not read, rules skipped and articles cut short; everything else "
               "was checked.", ""]
        return out + [wrapped(fold(p.message), "- ", "  ") for p in self.report.problems] + [""]

    def rules_in_force(self) -> list[str]:
        """Built-in rules a rule file changed (checker/knowledge/rules.py): always shown, as
        the gate they may have weakened is."""
        if not self.report.rule_changes:
            return []
        out = ["## Rules in force", "", "Built-in rules that rule files changed, which may hide findings:", ""]
        return out + [wrapped(f"`{c.rule}`: {fold(c.change)} ({fold(c.source)})", "- ", "  ")
                      for c in self.report.rule_changes] + [""]

    # --- one finding's details ---

    def status(self, view: FindingView) -> str:
        f = view.finding
        parts = [f.severity.upper()]
        parts += [f"rank {f.rank}"] if f.rank is not None else []
        parts += [f"confidence {f.confidence:.2f}"] if f.confidence is not None else []
        parts += [f"rule `{f.rule}`", f"`{f.id}`"]
        reviewed = f" (reviewed: {isolate(cell(f.reviewed))})" if f.reviewed else ""
        return " · ".join(parts) + reviewed

    def representative(self, claims: list[Claim]) -> Claim:
        """The claim whose quote stands for a value: in the report's language, in a headline or lead."""
        return min(claims, key=lambda c: (self.view.articles[c.article].lang != self.view.lang
                                          if c.article in self.view.articles else True,
                                          c.article == self.report.draft, not c.headline, c.sentence, c.id))

    def values_table(self, groups: list[tuple[str, list[Claim]]], first: str) -> str:
        """One row a value: (its `first` column, e.g. a date), the value, every outlet that
        gives it, and one of their quotes with the whole sentence a click away."""
        rows = []
        for label, claims in groups[:MAX_VALUE_ROWS]:
            articles = list(dict.fromkeys(c.article for c in claims))
            quoted = self.representative(claims)
            texts = self.view.texts(claims)
            rows.append([*([label] if first else []), isolate(cell(" / ".join(texts))),
                         f"{len(articles)}: " + ", ".join(self.outlets.link(a) for a in articles),
                         quote_click(quoted) + " — " + self.outlets.link(quoted.article)])
        return table(rows, [*([first] if first else []), "Value", "Outlets", "Quote"])

    def finding_block(self, view: FindingView) -> list[str]:
        out = [f'### <a id="{view.anchor}"></a>{isolate(cell(view.heading))}', "", self.status(view), ""]
        if not self.full:
            return out + self.compact_details(view)
        out += [wrapped(line(*self.value_pieces(values, len(values.outlets))), "- ", "  ")
                for values in view.values] + [""]
        if view.finding.message:
            out += [wrapped(line(Words(fold(view.finding.message)))), ""]
        if view.kind.layout == "timeline":
            out += self.chart(view)
            out += [self.timeline(view.members), ""]
        else:
            out += [claims_table(view.members, self.outlets), ""]
        return out + whole_sentences(view.members, self.outlets)

    def compact_details(self, view: FindingView) -> list[str]:
        """A finding in few lines: a row a value (a row a day and value, under its chart,
        for a figure over time), with all its outlets and one quote."""
        if view.kind.layout == "timeline":
            days: dict[tuple, list[Claim]] = {}
            for claim in view.members:
                days.setdefault((str(claim.published or "—"), value_key(claim)), []).append(claim)
            groups = [(day, claims) for (day, _), claims in days.items()]
            out = [*self.chart(view), self.values_table(groups, "Date"), ""]
        else:
            groups = [("", values.claims) for values in view.values]
            out = [self.values_table(groups, ""), ""]
        if len(groups) > MAX_VALUE_ROWS:
            left = len(groups) - MAX_VALUE_ROWS
            out += [f"{left} more value{'s' if left != 1 else ''}: `--all` shows every claim.", ""]
        return out

    def chart(self, view: FindingView) -> list[str]:
        chart = update_chart(view.finding, self.view.claims, self.words.qualifier)
        return [chart, ""] if chart else []

    def timeline(self, claims: list[Claim]) -> str:
        """A figure updated over time, in date order: date, outlet, value, quote."""
        rows = [[str(c.published or "—"), self.outlets.link(c.article), isolate(cell(c.value.text)),
                 quote_cell(c)] for c in claims]
        return table(rows, ["Date", "Outlet", "Value", "Quote"])

    def compact_item(self, view: FindingView) -> list[str]:
        """A folded finding on one line: its heading, its values and outlets."""
        return wrap(line("[", Words(cell(view.heading)), "] ", *self.values_line(view, NAMED_OUTLETS)), "- ", "  ")

    def row(self, view: FindingView) -> list[object]:
        claim = view.members[0]
        return [isolate(cell(view.heading)), isolate(cell(claim.value.text)), self.outlets.link(claim.article),
                quote_cell(claim) if self.full else quote_click(claim)]

    def rows_table(self, views: list[FindingView]) -> list[str]:
        kept = [v for v in views if v.members]
        out = [table([self.row(v) for v in kept], ["Quantity", "Value", "Outlet", "Quote"]), ""]
        if self.full:
            out += whole_sentences([v.members[0] for v in kept], self.outlets)
        return out

    # --- the tail: what --all adds, and the outlets' addresses ---

    def outlet_overview(self) -> str:
        """Which outlet agrees or conflicts with which, on how many claims (left out past
        MAX_OVERVIEW articles: a table of pairs grows with the square of the outlets)."""
        if len(self.report.articles) > MAX_OVERVIEW:
            return ""
        claims = self.view.claims
        agree: Counter[tuple[str, str]] = Counter()
        clash: Counter[tuple[str, str]] = Counter()
        for view in self.view.findings:
            if view.kind.clashing:
                for a, b in view.finding.pairs or []:
                    if a in claims and b in claims:
                        clash[tuple(sorted((claims[a].article, claims[b].article)))] += 1
            elif view.kind.agreeing:
                agreeing = sorted({c.article for c in view.members})
                for i, a in enumerate(agreeing):
                    for b in agreeing[i + 1:]:
                        agree[(a, b)] += 1
        pairs = sorted(set(agree) | set(clash))
        if not pairs:
            return ""
        rows = [[self.outlets.link(a), self.outlets.link(b), agree[(a, b)], clash[(a, b)]] for a, b in pairs]
        return table(rows, ["Outlet", "Outlet", "Agree on", "Conflict on"])

    def appendix(self) -> list[str]:
        report = self.report
        out: list[str] = []
        overview = self.outlet_overview()
        if overview:
            out += ["## Outlets side by side", "", overview, ""]
        if report.aliases:
            out += ["## Names matched across spellings", ""]
            out += [line("- ", *_joined([cell(s) for s in a["spellings"]], " / ")) for a in report.aliases] + [""]
        if report.unmatched_rules:
            out += ["## Rules that matched nothing", ""] + [f"- `{r}`" for r in report.unmatched_rules] + [""]
        out += ["## Articles", "",
                table([[self.outlets.number(a.id), f"`{a.id}`", self.outlets.link(a.id),
                        directed(cell(a.title, TITLE_LIMIT)), str(a.published or "—"), a.lang]
                       for a in report.articles], ["#", "Article", "Outlet", "Title", "Published", "Lang"]), ""]
        return out

    def definitions(self) -> list[str]:
        # The outlets' addresses, once each: the rows above link to them by number.
        found = self.outlets.definitions()
        return [*found, ""] if found else []

    # --- the whole ---

    def fitting(self, budget: int | None) -> set[str]:
        """The findings whose details fit in `budget` lines (all without one), best ranked
        first, once every section's own lines are set aside."""
        if budget is None:
            return {v.anchor for v in self.view.findings}
        budget -= sum(self.section_cost(kind) for kind in self.view.kinds.all if self.view.of_kind(kind))
        shown: set[str] = set()
        for view in self.view.findings:
            cost = _count_lines(self.block(view))
            if cost <= budget:
                budget -= cost
                shown.add(view.anchor)
        return shown

    def sections(self, shown: set[str]) -> list[str]:
        """Every kind's section, with the details of the findings `shown`, and a line for
        what was left out."""
        out: list[str] = []
        for kind in self.view.kinds.all:
            views = self.view.of_kind(kind)
            kept = [v for v in views if v.anchor in shown]
            if not views:
                continue
            body: list[str] = []
            if kind.layout == "row" and kept:
                body += self.rows_table(kept)
            else:
                for view in kept:
                    body += self.block(view)
            if len(kept) < len(views):
                n = len(views) - len(kept)
                body += [f"{n} more {kind.one if n == 1 else kind.many} not shown: `--all` shows every one.", ""]
            out += [f"## {kind.title}", ""]
            if kind.collapsed:
                out += [f"<details><summary>{len(views)} {kind.one if len(views) == 1 else kind.many}</summary>", "",
                        *body, "</details>", ""]
            else:
                out += body
        return out

    def block(self, view: FindingView) -> list[str]:
        if view.kind.layout == "row":
            return ["row"]  # one table row
        if view.kind.collapsed and not self.full:
            return self.compact_item(view)
        return self.finding_block(view)

    @staticmethod
    def section_cost(kind) -> int:
        # Its heading; a folded one's <details> and summary; a table's head; "N more" at worst.
        return 2 + (4 if kind.collapsed else 0) + (3 if kind.layout == "row" else 0) + 2

    def render(self, max_lines: int = MAX_LINES) -> str:
        rest = [*self.summary(), *self.problems(), *self.rules_in_force()]
        if self.full:
            shown = self.fitting(None)
            return "\n".join([*self.head(), *self.dispute_list(shown), *rest, *self.sections(shown),
                              *self.appendix(), *self.definitions()])
        definitions = self.definitions()
        note = ["Shortened to the findings that matter most: `--all` shows everything.", ""]
        # The list's lines as if every dispute were linked: without a link, an item is no longer.
        top = [*self.head(), *self.dispute_list(None), *rest]
        shown = self.fitting(max(0, max_lines - _count_lines([*top, *definitions, *note])))
        cut = len(shown) < len(self.view.findings)
        return "\n".join([*self.head(), *self.dispute_list(shown), *rest, *self.sections(shown),
                          *(note if cut else []), *definitions])


def _count_lines(lines: list[str]) -> int:
    return len("\n".join(lines).split("\n"))


def render_markdown(report: Report, first_number: int = 1, full: bool = False, max_lines: int = MAX_LINES) -> str:
    """The report; its articles are numbered from `first_number` (their reference links).
    By default at most `max_lines` lines; `full` shows everything."""
    return MarkdownReport(report, first_number, full).render(max_lines)
