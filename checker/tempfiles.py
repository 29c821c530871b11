"""Temporary files beside their target, named by the process that writes them.

A file is written to `.<name>.<pid>.<random>.tmp` beside it, then renamed over
it. The writer removes its temporary file on every exit Python sees (an error,
Ctrl-C, SIGTERM: the CLI turns it into an exit); one left by a process killed
outright is removed by the next writer of that target, once its process is gone
(the process id in its name says whose it is, so a concurrent writer's file is
left alone).
"""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

SUFFIX = ".tmp"


def _prefix(target: Path) -> str:
    return f".{target.name}."


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # another user's process: alive
        return True
    return True


def remove_stale(target: Path) -> None:
    """Remove the temporary files of `target` that a process now gone left behind."""
    pattern = re.compile(re.escape(_prefix(target)) + r"(\d+)\.[^/]*" + re.escape(SUFFIX) + "$")
    try:
        names = os.listdir(target.parent)
    except OSError:
        return
    for name in names:
        found = pattern.match(name)
        if found and not _alive(int(found.group(1))):
            try:
                os.unlink(target.parent / name)
            except OSError:
                pass


@contextmanager
def temporary_beside(target: Path) -> Iterator[tuple[int, str]]:
    """(an open file descriptor, its path) of a new temporary file beside `target`; the
    file is removed on leaving unless the caller renamed it (or removed it) already."""
    remove_stale(target)
    handle, temp = tempfile.mkstemp(dir=target.parent, prefix=f"{_prefix(target)}{os.getpid()}.", suffix=SUFFIX)
    try:
        yield handle, temp
    finally:
        try:
            os.unlink(temp)
        except OSError:  # renamed over its target, as meant
            pass
