"""Ingest: files and folders → Article models (.txt with sources.yaml, .md, .json)."""

from checker.ingest.articles import detect_language, load_articles

__all__ = ["detect_language", "load_articles"]
