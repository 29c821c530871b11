"""One article from standard input: `factcheck check -` (or `--draft -`).

Its id is `stdin` and it is named `<stdin>` in messages. Its format is given
by `--stdin-format` or read off its first characters: `{` is JSON, markup
(`<html`, `<!DOCTYPE`, `<p`...) is a web page, anything else Markdown (text
without front matter is plain text either way).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import BinaryIO

from checker.errors import InputError
from checker.ingest.files import read_at_most

STDIN_ARG = "-"
STDIN_PATH = Path("<stdin>")
STDIN_ID = "stdin"
_MARKUP_RE = re.compile(r"<(?:!doctype|!--|\?xml|[a-z][a-z0-9]*[\s/>])", re.I)


def is_stdin(path: Path) -> bool:
    return str(path) == STDIN_ARG


def read_stdin(limit: int, stream: BinaryIO | None = None) -> bytes:
    """Standard input's bytes, refusing a terminal (nothing would ever come) and
    more than `limit` bytes."""
    if stream is None:
        if sys.stdin is None:
            raise InputError("standard input is closed: pipe an article into it", STDIN_PATH)
        stream = sys.stdin.buffer
    if stream.isatty():
        raise InputError("standard input is a terminal: pipe an article into it "
                         "(cat story.md | factcheck check -)", STDIN_PATH)
    return read_at_most(stream, limit, STDIN_PATH, "standard input")


def sniff_format(text: str) -> str:
    """The format of an article read from standard input, from how it starts."""
    head = text.lstrip()
    if head.startswith("{"):
        return "json"
    if _MARKUP_RE.match(head):
        return "html"
    return "md"
