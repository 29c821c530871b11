"""Claim extraction: article text in, claims out."""

from checker.extract.article import extract_claims

__all__ = ["extract_claims"]
