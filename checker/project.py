"""Which folder is the project: the nearest one up from here that configures factcheck.

As ruff finds its configuration: starting in the current folder and going up,
the first folder that holds `factcheck.yaml` (or `.yml`), `factcheck-baseline.yaml`,
or a `pyproject.toml` with a `[tool.factcheck]` table is the project root (a
pyproject.toml without that table is passed over: it is some other tool's).
The search stops at the root of the git repository the folder is in (the
folder holding `.git`, a folder or, in a worktree, a file), so that a
newsroom's repository never picks up a `factcheck.yaml` from the home folder
above it; and at the filesystem root. If no folder qualifies, the current
folder is the project root, as it always was (`--project DIR` says it outright).
"""

from __future__ import annotations

from pathlib import Path

from checker.errors import RuleError

# The files that make a folder the project: its configuration (rules in force) and
# its baseline of reviewed findings.
CONFIG_FILES = ("factcheck.yaml", "factcheck.yml")
BASELINE_FILE = "factcheck-baseline.yaml"


def _configures(pyproject: Path) -> bool:
    """True if this pyproject.toml has a [tool.factcheck] table."""
    import tomllib  # here, not at the top: the CLI reads this module's file names at start-up

    try:
        config = tomllib.loads(pyproject.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError, OSError) as exc:
        raise RuleError(f"cannot read it to look for [tool.factcheck]: {exc}", pyproject) from None
    tool = config.get("tool")
    return isinstance(tool, dict) and "factcheck" in tool


def is_project(folder: Path) -> bool:
    if any((folder / name).is_file() for name in (*CONFIG_FILES, BASELINE_FILE)):
        return True
    pyproject = folder / "pyproject.toml"
    return pyproject.is_file() and _configures(pyproject)


def find_project(start: Path) -> Path | None:
    """The nearest folder from `start` up that configures factcheck, within its repository."""
    for folder in (start, *start.parents):
        if is_project(folder):
            return folder
        if (folder / ".git").exists():
            return None
    return None
