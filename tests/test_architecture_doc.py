"""docs/architecture.md has a row for each folder of the checker's code."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _table_rows() -> list[str]:
    text = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.startswith("|") and not re.fullmatch(r"[|\-\s]+", line)]


def _code_folders() -> list[str]:
    checker = ROOT / "checker"
    return sorted(f"{path.relative_to(ROOT).as_posix()}/" for path in checker.rglob("*")
                  if path.is_dir() and any(path.glob("*.py")))


def test_the_code_has_folders_to_look_for():
    assert {"checker/align/", "checker/archive/", "checker/parallel/", "checker/tools/"} <= set(_code_folders())


def test_each_folder_under_checker_has_its_row_in_the_architecture_table():
    rows = _table_rows()
    missing = [folder for folder in _code_folders() if not any(f"`{folder}`" in row for row in rows)]
    assert not missing, f"docs/architecture.md has no table row naming {missing}"
