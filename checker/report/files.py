"""Writing reports: whole or not at all, and never over what the run reads.

A report is written to a temporary file beside its target, then renamed over
it: a run that fails half-way (a full disk, an interrupt) leaves the previous
report whole, and no temporary file (checker/tempfiles.py). A device or a FIFO
(`-o /dev/null`) is written to as it is: renaming a file over it would replace
the device for every other program. An output that names an input of the run,
or the other output, is refused before anything is written.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from checker.errors import CheckerError
from checker.ingest.files import ARTICLE_SUFFIXES
from checker.tempfiles import temporary_beside


def _mode_for(target: Path) -> int:
    """The target's own permissions if it exists, else what a new file would get."""
    try:
        return stat.S_IMODE(os.stat(target).st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def write_atomically(path: Path, content: str | Callable[[TextIO], None]) -> None:
    """Write text (UTF-8) to path by a temporary file and a rename; `content` is the
    text, or a function that writes it to the file it is given (a streamed report).
    A device or a FIFO named as the report is written to, never replaced (special_target)."""
    target = Path(os.path.realpath(path))  # through a symlink, not over it
    try:
        if special_target(path):
            _write_directly(path, content)
            return
        target.parent.mkdir(parents=True, exist_ok=True)
        with temporary_beside(target) as (handle, temp):
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                _fill(out, content)
                out.flush()
                os.fsync(out.fileno())
            os.chmod(temp, _mode_for(target))
            os.replace(temp, target)
    except OSError as exc:
        raise CheckerError(f"cannot write report: {exc.strerror or exc}; the previous report, if any, "
                           "is unchanged", path) from None


def _fill(out: TextIO, content: str | Callable[[TextIO], None]) -> None:
    if isinstance(content, str):
        out.write(content)
    else:
        content(out)


def special_target(path: Path) -> bool:
    """True for an output that is a character device (/dev/null, a terminal) or a FIFO:
    written to as it is, never replaced by a file. Anything else that is not a regular
    file (a folder, a socket, a block device) is refused."""
    try:
        mode = os.stat(path).st_mode  # through symlinks: /dev/stdout is one
    except FileNotFoundError:
        return False
    except OSError as exc:
        raise CheckerError(f"cannot write report: {exc.strerror or exc}", path) from None
    if stat.S_ISREG(mode):
        return False
    if stat.S_ISCHR(mode) or stat.S_ISFIFO(mode):
        return True
    what = "a folder" if stat.S_ISDIR(mode) else "a block device" if stat.S_ISBLK(mode) else "a socket" \
        if stat.S_ISSOCK(mode) else "not a regular file"
    raise CheckerError(f"cannot write report: {what}; give a file's path", path)


def _write_directly(path: Path, content: str | Callable[[TextIO], None]) -> None:
    """A device or a FIFO: opened for writing as a shell's `>` would, never truncated by
    replacing it (a FIFO waits for its reader, as it does for any writer)."""
    with open(path, "w", encoding="utf-8") as out:
        _fill(out, content)


def refuse_clobbering(outputs: list[Path], inputs: list[Path], folders: list[Path]) -> None:
    """Raise if an output is another output, a file the run reads, or an article-like
    file in a folder it reads (the next run would read the report as an article)."""
    read = {os.path.realpath(p) for p in inputs}
    read_folders = {os.path.realpath(f) for f in folders}
    seen: dict[str, Path] = {}
    for output in outputs:
        special_target(output)  # a folder or a socket: refused before the run, not after
        real = os.path.realpath(output)
        if real in seen:
            raise CheckerError("two reports would both be written here; give each its own path",
                               output)
        seen[real] = output
        if real in read:
            raise CheckerError("this is an input of the run; refusing to write a report over it", output)
        if os.path.dirname(real) in read_folders and output.suffix in ARTICLE_SUFFIXES:
            raise CheckerError("this is in an input folder, where the next run would read the report as "
                               "an article; write it elsewhere", output)
