"""The Markdown report: table cells, quotes cut to a clause, wrapped prose, outlets as
reference links, and the seeds' report as GitHub renders it."""

from __future__ import annotations

import html as html_module
import re

import cmarkgfm
import pytest
from cmarkgfm.cmark import Options
from conftest import ROOT, article, run

from checker.ingest import load_articles
from checker.models import Article
from checker.pipeline import check
from checker.report.direction import FSI, PDI
from checker.report.markdown import MAX_VALUE_ROWS, render_markdown
from checker.report.outlets import Outlets, readable_url
from checker.report.quotes import CLAUSE_LIMIT, ELLIPSIS, clause_span
from checker.report.tables import QUOTE_LIMIT, cell
from checker.report.view import ReportView
from checker.report.wrap import WIDTH, wrap


@pytest.mark.parametrize("text", [
    "قال ألتمان: “بدأت ميتا”", "a  b", " a", "a ", "a\tb", "a\nb", "a\u00a0b", "a\u2009b", "a\u3000b",
    "\u200fأ\u200c ب", "a | b", "x" * (QUOTE_LIMIT + 5), ("y " * QUOTE_LIMIT).strip(),
])
def test_cell_is_split_joined_cut_and_escaped(text):
    """White space folded, long text cut, pipes escaped."""
    folded = " ".join(text.split())
    if len(folded) > QUOTE_LIMIT:
        folded = folded[:QUOTE_LIMIT - 1] + "…"
    assert cell(text) == folded.replace("|", "\\|")


# A quote in a table: the clause around its figure, verbatim, "…" where the sentence goes on.


LONG_AR = ("ووفق المصادر، فقد أبعدت ميتا عددًا من أعضاء الفريق المسؤول عن النموذج، في حين تولى زوكربيرج "
           "شخصيًا استقطاب أسماء بارزة بعروض مالية ضخمة وصلت إلى مئات الملايين من الدولارات لبعضهم، منهم "
           "ألكسندر وانغ الذي انضم إلى ميتا ضمن صفقة قُدّرت بنحو 14.3 مليار دولار.")
LONG_EN = ("The fire, which started on Wednesday afternoon in the scaffolding of one tower, spread to seven "
           "of the eight blocks; at least 128 people were killed, officials said on Friday, and about 200 "
           "remain missing as the search of the burnt-out flats goes on.")


@pytest.mark.parametrize("sentence, value, expected", [
    # A clause longer than a cell: whole words around the figure.
    (LONG_AR, "مئات الملايين من الدولارات",
     "استقطاب أسماء بارزة بعروض مالية ضخمة وصلت إلى مئات الملايين من الدولارات لبعضهم،"),
    (LONG_AR, "14.3 مليار دولار", "منهم ألكسندر وانغ الذي انضم إلى ميتا ضمن صفقة قُدّرت بنحو 14.3 مليار دولار."),
    (LONG_EN, "128 people", "at least 128 people were killed, officials said on Friday,"),
    (LONG_EN, "200", "and about 200 remain missing as the search of the burnt-out flats goes on."),
    # A short clause takes its neighbour.
    (LONG_EN, "seven", "spread to seven of the eight blocks; at least 128 people were killed,"),
    ("Short: 12 killed.", "12", "Short: 12 killed."),
])
def test_a_table_quotes_the_clause_around_the_figure(sentence, value, expected):
    start = sentence.index(value)
    lo, hi = clause_span(sentence, start, start + len(value))
    assert sentence[lo:hi].strip() == expected
    assert hi - lo <= CLAUSE_LIMIT


@pytest.mark.parametrize("sentence", [LONG_AR, LONG_EN, "x" * 300 + " 12 " + "y" * 300,
                                      "word " * 60 + "12 people " + "word " * 60])
def test_every_figure_of_a_sentence_is_in_its_clause(sentence):
    for position in (p for p in range(0, len(sentence), 7) if not sentence[p].isspace()):
        lo, hi = clause_span(sentence, position, position + 1)
        assert lo <= position < hi and hi - lo <= CLAUSE_LIMIT


def test_the_clause_cell_marks_what_is_left_out(setup):
    from checker.report.quotes import clause

    report = run(setup, article("a", LONG_EN, lang="en"))
    for claim in report.claims:
        shown = clause(claim)
        inner = shown.removeprefix(ELLIPSIS + " ").removesuffix(" " + ELLIPSIS)
        assert inner in claim.quote and claim.value.text in inner
        assert shown.startswith(ELLIPSIS) == (not claim.quote.startswith(inner))


# Prose wrapped for a plain editor, never so that a line opens another block.


@pytest.mark.parametrize("text", [
    LONG_AR + " " + LONG_EN,
    "a " * 49 + "- b " + "c " * 49 + "1. d " + "e " * 48 + "# f " + "g " * 48 + "> h <div> | i",
    "x" * 150 + " short",
])
def test_wrapped_prose_keeps_every_word_and_opens_no_block(text):
    lines = wrap(text, "- ", "  ")
    assert " ".join(" ".join(lines)[2:].split()) == " ".join(text.split())
    for line in lines[1:]:
        assert line.startswith("  ") and not re.match(r"\s*([-+*>#|=_~`<]|\d+[.)])", line)
    if "- b" not in text:  # no word that may not start a line: only a word too long stays over
        assert all(len(line) <= WIDTH or len(line.split()[-1]) > WIDTH - 2 for line in lines)


def test_a_line_break_never_follows_a_backslash():
    lines = wrap("a " * 48 + "b\\ c " + "d " * 60)
    assert not any(line.endswith("\\") for line in lines[:-1])


# Outlets: reference links, addresses given once, readable.


@pytest.mark.parametrize("url, shown", [
    ("https://www.wam.ae/ar/article/128-%D8%B4%D8%AE%D8%B5%D8%A7", "https://www.wam.ae/ar/article/128-شخصا"),
    ("https://x.org/a%20b%2Fc?q=%3F", "https://x.org/a%20b%2Fc?q=%3F"),  # ASCII escapes keep their meaning
    ("https://x.org/%E2%80%AEevil", "https://x.org/%E2%80%AEevil"),  # a direction control stays escaped
    ("https://x.org/%D8", "https://x.org/%D8"),  # not UTF-8
])
def test_addresses_are_shown_with_their_letters(url, shown):
    assert readable_url(url) == shown


def test_outlets_are_numbered_and_told_apart():
    articles = [Article(id="a1", path="a1.md", source="Wam", url="https://wam.ae/1", text="x"),
                Article(id="a2", path="a2.md", source="Wam", url="https://wam.ae/2 (copy)", text="x"),
                Article(id="b", path="b.md", text="x")]
    outlets = Outlets(articles, first_number=4)
    assert outlets.link("a1") == "[Wam (`a1`)][4]" and outlets.link("b") == "b"
    assert outlets.definitions() == ["[4]: https://wam.ae/1", "[5]: <https://wam.ae/2 (copy)>"]


# The seeds' report rendered as GitHub renders Markdown (cmark-gfm).


def _rendered(report, full: bool):
    markdown = render_markdown(report, full=full)
    return report, markdown, cmarkgfm.github_flavored_markdown_to_html(markdown, options=Options.CMARK_OPT_UNSAFE)


@pytest.fixture(scope="module")
def seeds(setup):
    articles, _ = load_articles([ROOT / "seeds"])
    return check(articles, setup)


@pytest.fixture(scope="module", params=[False, True], ids=["default", "all"])
def any_report(request, seeds):
    """The seeds' report, by default and with --all."""
    return _rendered(seeds, request.param)


@pytest.fixture(scope="module")
def seeds_report(seeds):
    """The seeds' report with --all: every claim, its whole sentence in a block under its table."""
    return _rendered(seeds, True)


def visible(text: str) -> str:
    return text.replace(FSI, "").replace(PDI, "")


def _text(fragment: str) -> str:
    """What a reader sees of a fragment of HTML: its text, the invisible isolates left out."""
    text = html_module.unescape(re.sub(r"<[^>]+>", " ", fragment))
    return " ".join(text.replace(FSI, "").replace(PDI, "").split())


def test_every_table_renders_with_its_columns(any_report):
    _, markdown, rendered = any_report
    tables = re.findall(r"<table>.*?</table>", rendered, re.S)
    assert len(tables) == len(re.findall(r"^\|[-|: ]+\|$", markdown, re.M))
    for table in tables:
        heads = len(re.findall(r"<th[ >]", table))
        for row in re.findall(r"<tr>(.*?)</tr>", table, re.S)[1:]:
            assert len(re.findall(r"<td[ >]", row)) == heads


def test_every_whole_sentence_and_value_is_in_the_page(seeds_report):
    report, _, rendered = seeds_report
    page = _text(rendered)
    for claim in report.claims:
        finding = next((f for f in report.findings if claim.id in f.claims), None)
        if finding is None or (finding.kind == "single_source" and finding.claims[0] != claim.id):
            continue
        assert " ".join(claim.quote.split()) in page, claim.quote
        assert " ".join(claim.value.text.split()) in page


def test_every_value_is_in_the_default_page_with_a_quote_of_it(setup, seeds):
    """By default a finding's table gives each value, every outlet that gives it, and one
    quote of it (the whole sentence one click away)."""
    _, _, rendered = _rendered(seeds, False)
    page = _text(rendered)
    shown = set(re.findall(r'<a id="([^"]+)"', rendered))
    views = [v for v in ReportView(seeds).findings if v.anchor in shown]
    assert views
    for view in views:
        for values in view.values[:MAX_VALUE_ROWS]:
            assert all(text in page for text in values.texts)
            assert all(f"{outlet}" in page for outlet in map(ReportView(seeds).outlet, values.outlets))
            assert any(" ".join(c.quote.split()) in page for c in values.claims)


def test_links_resolve_and_blocks_close(any_report):
    _, markdown, rendered = any_report
    page = _text(rendered)
    assert not re.search(r"\]\[\d+\]", page)  # no reference link left unresolved
    assert rendered.count("<details>") == rendered.count("</details>") == markdown.count("<details>")
    assert "<div dir=\"auto\">" in rendered
    # Every link to a finding's details finds them.
    targets = set(re.findall(r'<a id="([^"]+)"', rendered))
    assert all(link in targets for link in re.findall(r'href="#([^"]+)"', rendered))


def test_the_whole_sentences_are_folded_under_the_tables_with_all(seeds_report):
    _, markdown, rendered = seeds_report
    page = _text(rendered)
    assert not re.search(r"\]\[\d+\]", page)  # no reference link left unresolved
    assert rendered.count("<details>") == rendered.count("</details>") == markdown.count("<details>")
    folded_sections = len(re.findall(r"<summary>\d+ [^<]*</summary>", rendered))  # agreements...
    assert rendered.count("<summary>Whole sentences</summary>") + folded_sections == markdown.count("<details>")
    assert "<div dir=\"auto\">" in rendered


def test_the_raw_report_reads_in_an_editor(seeds_report):
    _, markdown, _ = seeds_report
    lines = markdown.split("\n")
    prose = [visible(line) for line in lines if line and not line.startswith(("|", "[", "```", "    "))]
    assert max(len(line) for line in prose if line.count(" ") > 1) <= WIDTH
    assert max(len(visible(line)) for line in lines if line.startswith("|")) <= 2 * CLAUSE_LIMIT + 60


def test_quoted_words_open_no_link_and_no_html(setup):
    text = ("The report [2] said 14 people died <b>in</b> the blaze, officials said on Tuesday after a "
            "long night of searching the burnt-out flats of the estate for more victims of the fire.")
    other = "The fire killed 20 people, officials said."
    a = article("a", text, lang="en", url="https://example.org/a", source="A")
    b = article("b", other, lang="en", url="https://example.org/b", source="B")
    a.published = b.published = None
    markdown = render_markdown(run(setup, a, b))
    rendered = cmarkgfm.github_flavored_markdown_to_html(markdown, options=Options.CMARK_OPT_UNSAFE)
    assert "<b>in</b>" not in rendered and "&lt;b&gt;in" in rendered
    assert "The report [2] said" in _text(rendered)  # "[2]" is text, not a link to outlet 2
    assert rendered.count('href="https://example.org/b"') == markdown.count("[B][2]") > 0
