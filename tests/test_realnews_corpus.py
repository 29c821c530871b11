"""The real-news corpus (benchmarks/realnews) is what its README says it is.

Every gold quote is in its article as written, every article is in the gold and
the gold names no missing article, every gold claim rests on two articles, every
header is complete; the six shared stories are byte-identical to
../shared/realnews; the stories gathered here cover both languages and their mix.
"""

from __future__ import annotations

import re

import pytest
from conftest import ROOT

from checker.tools.realnews.stories import HEADER_KEYS, find_stories, read_story

CORPUS = ROOT / "benchmarks" / "realnews"
SHARED = ROOT.parent / "shared" / "realnews"
# The stories copied from ../shared/realnews; every other story was gathered for this corpus.
SHARED_STORIES = {
    "air-india-171-crash-mixed", "eu-dma-fines-apple-meta-2025-ar", "eu-google-adtech-fine-2025-en",
    "la-wildfires-2025-en", "texas-hill-country-floods-2025-en", "wirtz-liverpool-transfer-2025-ar",
}
# Two shared articles give only the month; they stay as published (the scorers ignore such dates).
MONTH_ONLY_DATES = {"air-india-171-crash-mixed/alquds.txt", "air-india-171-crash-mixed/lakrachronicals.txt"}
DATE = re.compile(r"\d{4}-\d{2}-\d{2}|unknown")

STORIES = {folder.name: read_story(folder) for folder in find_stories([CORPUS])}
NEW = {name: story for name, story in STORIES.items() if name not in SHARED_STORIES}


def story_kind(story) -> str:
    return "mixed" if story.mixed else story.langs[0]


@pytest.mark.parametrize("name", sorted(STORIES))
def test_every_gold_quote_is_verbatim_in_its_article(name):
    story = STORIES[name]
    bodies = {f.id: f.body for f in story.files}
    missing = [(c.id, v.article, v.quote) for c in story.gold.claims for v in c.values
               if v.quote not in bodies.get(v.article, "")]
    assert not missing


@pytest.mark.parametrize("name", sorted(STORIES))
def test_articles_listed_are_the_files(name):
    story = STORIES[name]
    assert story.gold.story == name
    assert sorted(story.gold.articles) == sorted(f.id for f in story.files)


@pytest.mark.parametrize("name", sorted(STORIES))
def test_every_gold_claim_rests_on_two_articles(name):
    thin = [c.id for c in STORIES[name].gold.claims if len(c.articles) < 2]
    assert not thin


@pytest.mark.parametrize("name", sorted(STORIES))
def test_every_header_is_complete(name):
    for article in STORIES[name].files:
        where = f"{name}/{article.path.name}"
        assert all(article.header.get(k) for k in HEADER_KEYS), where
        assert DATE.fullmatch(article.header["date"]) or where in MONTH_ONLY_DATES, where
        assert article.body.strip(), where


def test_month_only_dates_are_the_known_two():
    """The exception above cannot grow: any new partial date fails the header test."""
    found = {f"{s.name}/{a.path.name}" for s in STORIES.values() for a in s.files
             if not DATE.fullmatch(a.header["date"])}
    assert found == MONTH_ONLY_DATES


@pytest.mark.parametrize("name", sorted(STORIES))
def test_gold_language_agrees_with_the_articles(name):
    story = STORIES[name]
    langs = {f.id: f.header["lang"] for f in story.files}
    if story.mixed:
        assert story.gold.lang.startswith("mixed") and name.endswith("-mixed")
    else:
        assert story.gold.lang == story.langs[0] and name.endswith("-" + story.langs[0])
    assert story.gold.article_langs in (None, langs)


@pytest.mark.skipif(not SHARED.is_dir(), reason="../shared/realnews is not beside this checkout")
def test_shared_stories_are_byte_identical_copies():
    shared = {p.name for p in SHARED.iterdir() if p.is_dir()}
    assert shared == SHARED_STORIES
    for name in sorted(shared):
        theirs = {p.name: p.read_bytes() for p in (SHARED / name).iterdir()}
        ours = {p.name: p.read_bytes() for p in (CORPUS / name).iterdir()}
        assert ours == theirs, name


def test_new_stories_cover_arabic_english_and_their_mix():
    kinds = [story_kind(s) for s in NEW.values()]
    assert kinds.count("ar") >= 4 and kinds.count("en") >= 3 and kinds.count("mixed") >= 2, kinds


@pytest.mark.parametrize("name", sorted(NEW))
def test_new_stories_are_big_enough(name):
    story = NEW[name]
    assert len(story.files) >= 4 and len(story.gold.claims) >= 6


def readme_rows() -> dict[str, dict[str, str]]:
    """The story table of the corpus README, by folder name."""
    lines = (CORPUS / "README.md").read_text(encoding="utf-8").splitlines()
    header = next(line for line in lines if line.startswith("| folder |"))
    names = [c.strip() for c in header.strip("|").split("|")]
    rows = [dict(zip(names, (c.strip() for c in line.strip("|").split("|")))) for line in lines
            if line.startswith("| `")]
    return {row["folder"].strip("`"): row for row in rows}


def test_readme_table_matches_the_data():
    rows = readme_rows()
    assert set(rows) == set(STORIES)
    for name, story in STORIES.items():
        row = rows[name]
        counts = {lang: sum(f.header["lang"] == lang for f in story.files) for lang in story.langs}
        lang = " + ".join(f"{k} {v}" for k, v in counts.items()) if story.mixed else story.langs[0]
        temporal = sum(c.note == "temporal" for c in story.gold.conflicts)
        assert row["lang"] == lang, name
        assert row["articles"] == str(len(story.files)), name
        assert row["gold claims"] == str(len(story.gold.claims)), name
        assert row["conflicts (temporal)"] == f"{len(story.gold.conflicts)} ({temporal})", name
        assert row["from"] == ("shared" if name in SHARED_STORIES else "gathered"), name
