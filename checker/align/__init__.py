"""Align: claims of all articles → groups of claims about the same thing."""

from checker.align.groups import align

__all__ = ["align"]
