"""A map over articles on every core, in input order.

Workers are forked where the platform allows it, so that they start with the
compiled knowledge already in memory; elsewhere it is sent to each once.
Results come back in input order whatever the number of workers, which is
what keeps a report the same with one job or many.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
import time
from typing import TYPE_CHECKING, Callable, Iterable, TypeVar

from checker.knowledge import Knowledge
from checker.parallel.work import use_knowledge

if TYPE_CHECKING:
    from concurrent.futures import Executor

T = TypeVar("T")
R = TypeVar("R")

PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>

# Below this many articles per worker, starting the workers costs more than it saves.
MIN_ARTICLES_PER_JOB = 8


def default_jobs() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def start_worker(knowledge: Knowledge, parent: int) -> None:
    """A pool worker's start: the knowledge to read with, and an end with its parent.

    A worker whose parent is killed would otherwise live on, waiting for work that never
    comes (and holding whatever it inherited); on Linux the kernel ends it with its parent,
    elsewhere a watch thread does. Signals the parent turns into an exit (cli.py) end a
    worker as they would any process: it has nothing to clean up."""
    for name in ("SIGTERM", "SIGHUP", "SIGINT"):
        number = getattr(signal, name, None)
        if number is not None:
            signal.signal(number, signal.SIG_IGN if name == "SIGINT" else signal.SIG_DFL)
    if not _die_with_parent():
        threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()
    if os.getppid() != parent:  # the parent died before the above was in place
        os._exit(1)
    use_knowledge(knowledge)


def _die_with_parent() -> bool:
    """Ask the kernel for SIGTERM when the parent ends (Linux's PR_SET_PDEATHSIG); False elsewhere."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        import ctypes

        return ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM) == 0
    except (OSError, AttributeError):
        return False


def _watch_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(1)
    os._exit(1)


class ArticlePool:
    """`map` runs in this process for one job (or little work), else on a process pool.

    Use as a context manager; the workers live until it closes.
    """

    def __init__(self, knowledge: Knowledge, jobs: int, min_per_job: int = MIN_ARTICLES_PER_JOB) -> None:
        self.knowledge = knowledge
        self.jobs = max(1, jobs)
        self.min_per_job = min_per_job
        self._executor: Executor | None = None
        use_knowledge(knowledge)  # for work done here

    def _pool(self) -> Executor:
        if self._executor is None:
            # Imported here: a run small enough for one process never pays for them.
            import multiprocessing
            from concurrent.futures import ProcessPoolExecutor

            methods = multiprocessing.get_all_start_methods()
            context = multiprocessing.get_context("fork" if "fork" in methods else None)
            self._executor = ProcessPoolExecutor(self.jobs, mp_context=context, initializer=start_worker,
                                                 initargs=(self.knowledge, os.getpid()))
        return self._executor

    def map(self, function: Callable[[T], R], items: Iterable[T],
            advance: Callable[[int], None] | None = None) -> list[R]:
        """`function` of every item, in order; `advance(1)` after each result (for progress)."""
        items = list(items)
        if self.jobs == 1 or len(items) < self.min_per_job * 2:
            results: Iterable[R] = map(function, items)
        else:
            # Chunks of a few dozen: fewer round trips, still an even spread at the end.
            chunk = max(1, min(64, len(items) // (self.jobs * 8)))
            results = self._pool().map(function, items, chunksize=chunk)
        if advance is None:
            return list(results)
        out = []
        for result in results:
            out.append(result)
            advance(1)
        return out

    def close(self, failed: bool = False) -> None:
        """Stop the workers: once their work is done, or (`failed`: an error, an interrupt)
        at once, the work not started dropped."""
        if self._executor is not None:
            self._executor.shutdown(wait=not failed, cancel_futures=failed)
            self._executor = None

    def __enter__(self) -> ArticlePool:
        return self

    def __exit__(self, kind: type | None, *_: object) -> None:
        self.close(failed=kind is not None)
