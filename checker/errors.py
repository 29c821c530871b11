"""The errors a user can cause, each able to say where the problem is.

Anything raised from here is bad input (exit status 2, one line, no traceback);
any other exception is a bug in the checker.
"""

from __future__ import annotations

from pathlib import Path


class CheckerError(Exception):
    """Base class: a problem with what the user gave us."""

    def __init__(self, message: str, path: str | Path | None = None,
                 line: int | None = None, column: int | None = None) -> None:
        # One line, whatever the message quotes (a key holding U+0085 or U+2028 too):
        # stderr and the report list one problem a line.
        if len(message.splitlines()) > 1:
            message = " ".join(message.split())
        super().__init__(message)
        self.message = message
        self.path = str(path) if path is not None else None
        self.line = line
        self.column = column

    def location(self) -> str:
        parts = [p for p in (self.path, self.line, self.column) if p is not None]
        where = ":".join(str(p) for p in parts)
        # A file name may hold a line break: shown escaped, the problem stays one line.
        return where.encode("unicode_escape").decode("ascii") if len(where.splitlines()) > 1 else where

    def __str__(self) -> str:
        where = self.location()
        return f"{where}: {self.message}" if where else self.message


class InputError(CheckerError):
    """An article, or the path to one, cannot be read."""


class RuleError(CheckerError):
    """A rule or lexicon file is malformed or invalid."""


class RuleErrors(CheckerError):
    """Several rule problems found at once (validation reports all of them)."""

    def __init__(self, errors: list[RuleError]) -> None:
        super().__init__(f"{len(errors)} problem(s) in rule files")
        self.errors = errors

    def __str__(self) -> str:
        return "\n".join(str(e) for e in self.errors)
