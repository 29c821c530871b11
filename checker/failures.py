"""A bug met while reading one article costs that article alone.

Reading an article (segmenting, extracting its claims) is where odd input meets
the most code; a failure there, a bug included, is listed as that article's
problem, and every other article is still checked and reported. The run's exit
status is then 2, as for any input problem, and the message says it is a bug.
"""

from __future__ import annotations

import sys
import traceback
from typing import TYPE_CHECKING, Callable, Iterable, TypeVar

if TYPE_CHECKING:
    from checker.models import ArticleProblem

T = TypeVar("T")
R = TypeVar("R")

# Set by the CLI from --debug for each command: print the traceback of each failure kept
# to one article. Pool workers are forked after it is set, and inherit it.
SHOW_TRACEBACKS = False


def failure_message(path: str, exc: BaseException) -> str:
    """One line: the article, what failed, and that it is a bug (not the user's doing)."""
    if SHOW_TRACEBACKS:
        traceback.print_exception(exc, file=sys.stderr)
    detail = " ".join(f"{type(exc).__name__}: {exc}".split())[:300]
    return (f"{path}: not checked: internal error while reading it ({detail}). This is a bug in factcheck; "
            "the other articles are checked (--debug shows the traceback)")


def failure(path: str, exc: BaseException) -> ArticleProblem:
    from checker.models import ArticleProblem  # here: the CLI imports this module before pydantic

    return ArticleProblem(path=path, message=failure_message(path, exc))


def each_guarded(items: Iterable[T], work: Callable[[T], R], path_of: Callable[[T], str],
                 failed: list[ArticleProblem] | None) -> list[R]:
    """`work` of every item; with `failed`, an item whose work raises is left out and its
    failure listed there (without it, the exception goes up as before)."""
    out: list[R] = []
    for item in items:
        if failed is None:
            out.append(work(item))
            continue
        try:
            out.append(work(item))
        except Exception as exc:  # noqa: BLE001 - a bug in one article's reading costs it alone
            failed.append(failure(path_of(item), exc))
    return out
