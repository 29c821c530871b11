"""Where the files that ship with the checker are: rules/ beside the package."""

from __future__ import annotations

from pathlib import Path


def rules_home() -> Path:
    """The rules/ folder of lexicons, checks and schemas."""
    return Path(__file__).resolve().parent.parent / "rules"
