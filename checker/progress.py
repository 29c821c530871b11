"""Progress on stderr while a long run reads and judges, for someone watching it.

A run reports its stages to a `Progress`; the plain one shows nothing (a pipe,
a CI log, --quiet). `TerminalProgress` draws a tqdm bar, with the items done,
their rate and the time left, once the run has taken about a second: a
quick run never flickers one. The bar is cleared when the run ends, leaving
only the closing summary. tqdm is imported only here, when a terminal watches.
"""

from __future__ import annotations

import sys
import time
from typing import Any, TextIO

# How long a run goes before a bar appears.
DELAY = 1.0


class Progress:
    """What a run says of its progress: here, nothing."""

    def stage(self, what: str, total: int, unit: str) -> None:
        """A new stage of `total` items begins."""

    def advance(self, done: int = 1) -> None:
        """`done` more items of the stage are done."""

    def close(self) -> None:
        """The run is over."""


class TerminalProgress(Progress):
    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.started = time.monotonic()
        self.bar: Any = None

    def stage(self, what: str, total: int, unit: str) -> None:
        from tqdm import tqdm

        self.close()
        waited = time.monotonic() - self.started
        self.bar = tqdm(total=total, desc=what, unit=f" {unit}", file=self.stream, leave=False,
                        delay=max(0.0, DELAY - waited), mininterval=0.2, dynamic_ncols=True)

    def advance(self, done: int = 1) -> None:
        if self.bar is not None:
            self.bar.update(done)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
            self.bar = None


def progress_for(quiet: bool, stream: TextIO | None = None) -> Progress:
    """A bar when a person watches the stream (a terminal) and asked for no quiet; else nothing."""
    stream = stream or sys.stderr
    watched = not quiet and hasattr(stream, "isatty") and stream.isatty()
    return TerminalProgress(stream) if watched else Progress()
