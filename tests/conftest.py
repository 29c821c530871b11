"""Shared fixtures: the shipped rules and lexicons, loaded once, and article builders."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.models import Article
from checker.pipeline import Setup, check, load_setup

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def setup() -> Setup:
    return load_setup()


@pytest.fixture(scope="session")
def ar(setup):
    return setup.lexicons["ar"]


@pytest.fixture(scope="session")
def en(setup):
    return setup.lexicons["en"]


def article(article_id: str, text: str, lang: str = "ar", **meta) -> Article:
    return Article(id=article_id, path=f"{article_id}.txt", text=text, lang=lang, **meta)


def run(setup: Setup, *articles: Article):
    return check(list(articles), setup)


def conflict_pairs(report) -> list[frozenset[str]]:
    """The pairs of articles each conflict finding pits against each other."""
    claims = {c.id: c for c in report.claims}
    return [frozenset(claims[i].article for i in pair)
            for f in report.findings if f.kind == "conflict" for pair in f.details["pairs"]]
