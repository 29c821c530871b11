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
# The eighteen real-news stories of issue 10: the corpus the first floors (eval figures,
# story grouping) were measured on. Stories added later carry floors of their own, measured
# when they came: a new story is a new measurement, not a regression of the old ones.
ISSUE10_STORIES = frozenset({
    "air-india-171-crash-mixed", "algeria-presidential-election-2024-mixed", "canada-federal-election-2025-en",
    "drc-ebola-kasai-2025-en", "egypt-fuel-price-hike-2025-ar", "eu-dma-fines-apple-meta-2025-ar",
    "eu-google-adtech-fine-2025-en", "google-wiz-deal-2025-mixed", "hong-kong-tai-po-fire-2025-mixed",
    "la-wildfires-2025-en", "microsoft-layoffs-2025-ar", "nepal-genz-protests-2025-ar", "pelicot-verdict-2024-en",
    "pylos-migrant-shipwreck-2023-ar", "texas-hill-country-floods-2025-en",
    "tunisia-conspiracy-appeal-verdict-2025-ar", "ucl-final-psg-inter-2025-en", "wirtz-liverpool-transfer-2025-ar",
})
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
