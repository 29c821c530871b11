"""Pair-level scoring on the real-news corpus (benchmarks/realnews): `factcheck eval --realnews`."""

from checker.tools.realnews.evaluate import StoryResult, evaluate_corpus, total
from checker.tools.realnews.render import render, render_extraction

__all__ = ["StoryResult", "evaluate_corpus", "render", "render_extraction", "total"]
