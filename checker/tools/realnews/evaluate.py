"""Run the checker on each real-news story, in process, and score it pair by pair."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from checker.knowledge import Knowledge
from checker.models import Article
from checker.pipeline import check
from checker.report.json_report import report_dict
from checker.tools.realnews.extraction import ExtractionScore, score_extraction
from checker.tools.realnews.pairs import PairScore, score_story
from checker.tools.realnews.stories import (
    Story,
    find_stories,
    load_story_articles,
    read_story,
)


@dataclass
class StoryResult:
    story: Story
    score: PairScore
    clusters: bool  # the report has value clusters, which the shared script does not read yet
    extraction: ExtractionScore  # the gold values some claim reads


def evaluate_story(story: Story, knowledge: Knowledge) -> StoryResult:
    articles = load_story_articles(story)
    return score_report(story, articles, report_dict(check(articles, knowledge)))


def score_report(story: Story, articles: list[Article], report: dict[str, Any]) -> StoryResult:
    """A story's scores, read from its JSON report (the contract other tools and the shared
    script read); `articles` give the texts its spans index."""
    score = score_story(story.gold, report, {a.id: a.text for a in articles})
    clusters = any(f.get("clusters") for f in report["findings"])
    return StoryResult(story, score, clusters, score_extraction(story.gold, score.extracted))


def evaluate_corpus(roots: list[Path], knowledge: Knowledge, patterns: list[str] = ()) -> list[StoryResult]:
    """Every story under `roots` (or those matching `patterns`), in name order.

    All stories are read before any is checked, so that a malformed gold file
    stops the run at once rather than after minutes of checking.
    """
    stories = [read_story(folder) for folder in find_stories(roots, patterns)]
    return [evaluate_story(story, knowledge) for story in stories]


def total(results: list[StoryResult]) -> PairScore:
    return sum((r.score for r in results), PairScore())


def total_extraction(results: list[StoryResult]) -> ExtractionScore:
    return sum((r.extraction for r in results), ExtractionScore())
