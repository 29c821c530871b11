"""Ingest: files and folders → Article models (.txt with sources.yaml, .md, .json)."""

from checker.ingest.articles import load_articles

__all__ = ["load_articles"]
