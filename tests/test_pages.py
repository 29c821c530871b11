"""Web pages in: the story out of a saved page, its metadata as defaults, and the
same claims as the same story saved as Markdown."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from checker.cli import main
from checker.ingest import load_articles
from checker.ingest.pages import read_page
from checker.pipeline import check
from conftest import ROOT

PAGES = ROOT / "tests" / "articles" / "pages"
AS_MARKDOWN = ROOT / "tests" / "articles" / "pages_md"

# What the pages hold around their story, none of which is the story: navigation,
# a ticker, scripts and JSON-LD, an HTML comment, a cookie banner, related and
# "read also" links, reader comments, most-read lists, footers.
BOILERPLATE = {
    "en_floods": ["Business", "Lagos bus crash", "99", "77", "cookies", "Storm kills 12", "Dam collapse kills 31",
                  "45 people died", "river_watcher", "Lottery winner", "250,000", "All rights reserved",
                  "1,204 shares", "88"],
    "ar_floods": ["اقتصاد", "حادث حافلة", "99", "77", "5230", "مقتل 12 شخصًا في عاصفة", "يقتل 31",
                  "45 شخصًا ماتوا", "أبو خالد", "الأكثر قراءة", "جميع الحقوق محفوظة", "42"],
}
META = {
    "en_floods": {"title": "Floods kill 23 in Riverton as dam gives way", "source": "The Coastal Herald",
                  "byline": "Jane Okafor", "published": "2025-03-14",
                  "url": "https://www.coastalherald.example/news/2025/03/14/riverton-floods"},
    "ar_floods": {"title": "مصرع 23 شخصًا في فيضانات ريفرتون بعد انهيار سد", "source": "صحيفة الساحل",
                  "byline": "سارة الحسيني", "published": "2025-03-14",
                  "url": "https://www.alsahel.example/news/2025/03/14/floods"},
}


def one(path: Path):
    [article], problems = load_articles([path])
    assert not problems
    return article


def markdown_body(name: str) -> str:
    return (AS_MARKDOWN / f"{name}_text.md").read_text(encoding="utf-8").split("---\n", 2)[2]


@pytest.mark.parametrize("name", sorted(META))
def test_a_page_gives_its_story_and_nothing_around_it(name):
    article = one(PAGES / f"{name}.html")
    assert article.text_source == "html"
    for paragraph in filter(None, markdown_body(name).splitlines()):
        assert paragraph in article.text
    for furniture in BOILERPLATE[name]:
        assert furniture not in article.text, furniture
    assert article.text.splitlines()[0] == META[name]["title"]  # the headline leads, as in a saved .txt


@pytest.mark.parametrize("name", sorted(META))
def test_a_page_gives_its_own_metadata(name):
    article = one(PAGES / f"{name}.html")
    got = {key: str(getattr(article, key)) for key in META[name]}
    assert got == META[name]


def claim_rows(report) -> list[tuple]:
    return [(c.predicate, c.subject.text, c.value.text, c.value.low, c.value.high, c.value.unit,
             c.value.qualifier, c.quote, c.attribution, c.hedge, c.negated, c.headline) for c in report.claims]


@pytest.mark.parametrize("name", sorted(META))
def test_a_page_gives_the_claims_of_the_same_story_saved_as_markdown(setup, name):
    from_page = check([one(PAGES / f"{name}.html")], setup)
    from_markdown = check([one(AS_MARKDOWN / f"{name}_text.md")], setup)
    assert len(from_page.claims) >= 10
    assert claim_rows(from_page) == claim_rows(from_markdown)


def test_the_json_report_says_which_text_the_spans_index(tmp_path, capsys):
    folder = tmp_path / "story"
    shutil.copytree(PAGES, folder)
    report = tmp_path / "r.json"
    assert main(["check", str(folder), "-o", str(tmp_path / "r.md"), "--json", str(report),
                 "--fail-on", "never"]) == 0
    data = json.loads(report.read_text(encoding="utf-8"))
    articles = {a["id"]: a for a in data["articles"]}
    assert set(articles) == {"en_floods", "ar_floods"}
    assert all(a["text_source"] == "html" for a in articles.values())
    assert data["claims"]
    for claim in data["claims"]:
        start, end = claim["span"]
        assert articles[claim["article"]]["text"][start:end] == claim["quote"]
    assert "html" not in capsys.readouterr().err


def test_a_plain_article_keeps_its_json_entry_as_it_was(tmp_path):
    (tmp_path / "a.md").write_text("The company said it hired 300 workers on Monday.\n", encoding="utf-8")
    report = tmp_path / "r.json"
    main(["check", str(tmp_path / "a.md"), "-o", str(tmp_path / "r.txt"), "--json", str(report), "--fail-on", "never"])
    [entry] = json.loads(report.read_text(encoding="utf-8"))["articles"]
    assert "text_source" not in entry and "text" not in entry


STORY = ("<html><head><title>Mill closes | Valley Post</title><meta property='og:site_name' content='Valley Post'>"
         "<meta property='article:published_time' content='2024-10-01T08:00:00Z'></head><body>"
         "<article><h1>Mill closes</h1><p>The paper mill in Ashford will close in December, cutting 420 jobs, "
         "the company said on Monday in a statement to its staff.</p><p>The mill has run since 1911 and once "
         "employed 2,000 people, according to the town council.</p></article></body></html>")


def test_front_matter_and_sources_yaml_win_over_the_page(tmp_path):
    (tmp_path / "a.html").write_text("---\nsource: Our Desk\npublished: 2024-10-03\n---\n" + STORY, encoding="utf-8")
    (tmp_path / "b.html").write_text(STORY, encoding="utf-8")
    (tmp_path / "c.htm").write_text(STORY, encoding="utf-8")
    (tmp_path / "sources.yaml").write_text("a: {source: Not This One, title: Kept From Sources}\n"
                                           "b: {source: Wire, url: 'https://wire.example/b'}\n", encoding="utf-8")
    articles, problems = load_articles([tmp_path])
    assert not problems
    a, b, c = sorted(articles, key=lambda x: x.id)
    # front matter, then sources.yaml, then the page
    assert (a.source, a.published.isoformat(), a.title) == ("Our Desk", "2024-10-03", "Kept From Sources")
    assert (b.source, b.url, b.published.isoformat(), b.title) == ("Wire", "https://wire.example/b",
                                                                   "2024-10-01", "Mill closes")
    assert (c.source, c.published.isoformat()) == ("Valley Post", "2024-10-01")
    assert all("420 jobs" in x.text and x.text_source == "html" for x in articles)


def test_a_bad_date_in_a_pages_front_matter_is_said_at_its_line(tmp_path):
    page = tmp_path / "a.html"
    page.write_text("---\ntitle: x\npublished: 2024-02-30\n---\n" + STORY, encoding="utf-8")
    articles, problems = load_articles([page])
    assert not articles and problems[0].message.startswith(f"{page}:3:")


def test_pages_in_a_folder_and_on_the_command_line_are_read_and_upper_case_is_named(tmp_path):
    (tmp_path / "a.html").write_text(STORY, encoding="utf-8")
    (tmp_path / "B.HTML").write_text(STORY, encoding="utf-8")
    articles, problems = load_articles([tmp_path])
    assert [a.id for a in articles] == ["a"]
    assert "rename it to 'B.html'" in problems[0].message
    articles, problems = load_articles([tmp_path / "a.html"])
    assert [a.id for a in articles] == ["a"] and not problems


@pytest.mark.parametrize("html", [
    "<html><head><title>Nothing</title></head><body><script>var killed = 99;</script></body></html>",
    "<html><body><!-- killed 77 --><style>p {color: red}</style></body></html>",
])
def test_a_page_without_a_story_is_a_problem_and_the_others_are_read(tmp_path, html):
    (tmp_path / "empty.html").write_text(html, encoding="utf-8")
    (tmp_path / "good.html").write_text(STORY, encoding="utf-8")
    articles, problems = load_articles([tmp_path])
    assert [a.id for a in articles] == ["good"]
    assert problems[0].message == (f"{tmp_path / 'empty.html'}: no story text found in the page (only "
                                   "navigation, links or scripts?); save the article's own page, or its text as .md")


def test_a_fragment_of_body_html_is_read(tmp_path):
    page = read_page("<p>The mill will close, cutting 420 jobs.</p>\n<p>It opened in 1911.</p>", Path("a.html"))
    assert page.text == "The mill will close, cutting 420 jobs.\nIt opened in 1911."


def test_the_headline_is_not_doubled_when_the_page_keeps_it():
    page = read_page(STORY, Path("a.html"))
    assert page.text.splitlines()[0] == "Mill closes"
    assert page.text.count("Mill closes") == 1


def test_a_story_whose_own_class_looks_like_furniture_is_still_read():
    # Comment threads and share bars are pruned by their class; a story marked so is kept.
    html = STORY.replace("<article>", "<div class='share-story comments-open'>").replace("</article>", "</div>")
    assert "420 jobs" in read_page(html, Path("a.html")).text


def test_a_reader_comment_with_its_own_figure_is_no_claim(setup):
    html = STORY.replace("</article>", "</article><div id='fb-comments'><h4>Readers</h4><div class='cmt'>"
                                       "<p>My uncle says 900 jobs will go, not 420.</p></div></div>")
    text = read_page(html, Path("a.html")).text
    assert "900" not in text and "420 jobs" in text
