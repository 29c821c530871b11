"""Writing reports: whole or not at all, and never over what the run reads.

A report is written to a temporary file beside its target, then renamed over
it: a run that fails half-way (a full disk, an interrupt) leaves the previous
report whole. An output that names an input of the run, or the other output,
is refused before anything is written.
"""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from checker.errors import CheckerError
from checker.ingest.files import ARTICLE_SUFFIXES


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
    text, or a function that writes it to the file it is given (a streamed report)."""
    target = Path(os.path.realpath(path))  # through a symlink, not over it
    temp: str | None = None
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, temp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            if isinstance(content, str):
                out.write(content)
            else:
                content(out)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temp, _mode_for(target))
        os.replace(temp, target)
        temp = None
    except OSError as exc:
        raise CheckerError(f"cannot write report: {exc.strerror or exc}; the previous report, if any, "
                           "is unchanged", path) from None
    finally:
        if temp is not None:
            try:
                os.unlink(temp)
            except OSError:
                pass


def refuse_clobbering(outputs: list[Path], inputs: list[Path], folders: list[Path]) -> None:
    """Raise if an output is another output, a file the run reads, or an article-like
    file in a folder it reads (the next run would read the report as an article)."""
    read = {os.path.realpath(p) for p in inputs}
    read_folders = {os.path.realpath(f) for f in folders}
    seen: dict[str, Path] = {}
    for output in outputs:
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
