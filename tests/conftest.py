"""Shared fixtures: the shipped rules and lexicons, loaded once, and article builders."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

from checker.knowledge import Knowledge, load_knowledge
from checker.models import Article
from checker.pipeline import check

ROOT = Path(__file__).resolve().parent.parent
# The compiled-knowledge cache of a test run is its own, not the user's.
os.environ.setdefault("FACTCHECK_CACHE_DIR", tempfile.mkdtemp(prefix="factcheck-test-cache-"))


@pytest.fixture(scope="session")
def setup() -> Knowledge:
    return load_knowledge()


@pytest.fixture(scope="session")
def ar(setup):
    return setup.languages["ar"]


@pytest.fixture(scope="session")
def en(setup):
    return setup.languages["en"]


def article(article_id: str, text: str, lang: str = "ar", **meta) -> Article:
    return Article(id=article_id, path=f"{article_id}.txt", text=text, lang=lang, **meta)


def run(setup: Knowledge, *articles: Article):
    return check(list(articles), setup)


def conflict_pairs(report) -> list[frozenset[str]]:
    """The pairs of articles each conflict finding pits against each other."""
    claims = {c.id: c for c in report.claims}
    return [frozenset(claims[i].article for i in pair)
            for f in report.findings if f.kind == "conflict" for pair in f.pairs]
