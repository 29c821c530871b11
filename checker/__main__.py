"""`python -m checker` is the same program as the `factcheck` script."""

from checker.cli import entry

entry()
