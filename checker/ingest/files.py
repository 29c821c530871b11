"""Which files a run reads, and their bytes: every file it skips is said, with why.

A PATH is an article file or a folder of them; folders are not searched
recursively. Inside a folder, hidden files (".DS_Store", editor backups) and
the folder's companions (README.md, sources.yaml) are passed over quietly;
anything else that is not an article (a subfolder, `.TXT`, `.pdf`, a pipe, a
broken or looping link, a file that cannot be opened) becomes an InputError
naming it, so that nothing is dropped without a word.
"""

from __future__ import annotations

import errno
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from checker.errors import InputError
from checker.ingest.encodings import decode
from checker.limits import MAX_ARTICLE_BYTES

ARTICLE_SUFFIXES = (".txt", ".md", ".json", ".html", ".htm")
SUFFIX_LIST = ".txt, .md, .json, .html or .htm"
METADATA_FILES = ("sources.yaml", "sources.yml")
# A folder's companions: never articles, never worth a word.
COMPANIONS = {"readme.md", *METADATA_FILES}


@dataclass
class Found:
    """The article files under the given paths, and what was skipped there."""

    files: list[Path] = field(default_factory=list)
    skipped: list[InputError] = field(default_factory=list)


def _stat_error(path: Path, exc: OSError) -> InputError:
    if exc.errno == errno.ELOOP:
        return InputError("symbolic link loop; skipped", path)
    if isinstance(exc, FileNotFoundError) and os.path.islink(path):
        return InputError("broken symbolic link (its target does not exist); skipped", path)
    if isinstance(exc, FileNotFoundError):
        return InputError("no such file or folder", path)
    return InputError(f"cannot read: {exc.strerror or exc}", path)


def _suffix_problem(path: Path) -> str | None:
    """Why a regular file is not read as an article, if it is not."""
    if path.suffix in ARTICLE_SUFFIXES:
        return None
    if path.suffix.lower() in ARTICLE_SUFFIXES:
        return (f"suffix '{path.suffix}' is not read: article suffixes are lower-case "
                f"({SUFFIX_LIST}); rename it to '{path.stem}{path.suffix.lower()}'")
    return f"not an article file ({SUFFIX_LIST}); skipped"


def _kind_problem(path: Path) -> InputError | str | None:
    """'dir' for a folder; an error for what cannot be an article file; None for a file."""
    try:
        mode = os.stat(path).st_mode
    except OSError as exc:
        return _stat_error(path, exc)
    except ValueError:  # a NUL in the name
        return InputError("the name holds a NUL character; skipped", path)
    if stat.S_ISDIR(mode):
        return "dir"
    if not stat.S_ISREG(mode):
        return InputError("not a regular file (a pipe, socket or device); save the article to a file", path)
    return None


def _folder_files(folder: Path, found: Found) -> None:
    try:
        names = sorted(os.listdir(folder))
    except OSError as exc:
        found.skipped.append(InputError(f"cannot list folder: {exc.strerror or exc}", folder))
        return
    before = len(found.files)
    for name in names:
        if name.startswith(".") or name.lower() in COMPANIONS:
            continue
        path = folder / name
        kind = _kind_problem(path)
        if kind == "dir":
            found.skipped.append(InputError(
                "a folder inside an input folder: not read (give it as a PATH of its own)", path))
        elif isinstance(kind, InputError):
            found.skipped.append(kind)
        elif (reason := _suffix_problem(path)) is not None:
            found.skipped.append(InputError(reason, path))
        else:
            found.files.append(path)
    if len(found.files) == before:
        found.skipped.append(InputError(f"no articles ({SUFFIX_LIST}) in this folder", folder))


def article_files(paths: list[Path]) -> Found:
    """Every article file the given paths name, in order, each once."""
    found = Found()
    for given in paths:
        kind = _kind_problem(given)
        if kind == "dir":
            _folder_files(given, found)
        elif isinstance(kind, InputError):
            found.skipped.append(kind)
        elif (reason := _suffix_problem(given)) is not None:
            found.skipped.append(InputError(reason, given))
        else:
            found.files.append(given)
    # The same file named twice (seeds seeds/a.txt) is read once.
    unique: dict[str, Path] = {}
    for path in found.files:
        unique.setdefault(os.path.realpath(path), path)
    found.files = list(unique.values())
    return found


def read_at_most(stream: BinaryIO, limit: int, path: Path, what: str = "file") -> bytes:
    """The stream's bytes, refusing more than `limit` before reading them all."""
    try:
        data = stream.read(limit + 1)
    except OSError as exc:
        raise InputError(f"cannot read {what}: {exc.strerror or exc}", path) from None
    if len(data) > limit:
        raise InputError(f"larger than {limit:,} bytes, the limit for one article; skipped "
                         "(raise it with --max-article-size)", path)
    return data


def read_bytes(path: Path, limit: int = MAX_ARTICLE_BYTES) -> bytes:
    """The file's bytes, refusing one larger than `limit` before reading it all."""
    try:
        with open(path, "rb") as handle:
            return read_at_most(handle, limit, path)
    except OSError as exc:
        raise InputError(f"cannot read file: {exc.strerror or exc}", path) from None


def plain_lines(text: str) -> str:
    """Windows line ends and old Mac ones (a carriage return alone) made plain."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_text(path: Path, limit: int = MAX_ARTICLE_BYTES) -> str:
    """The file's text in whatever encoding it was saved (checker/ingest/encodings.py),
    a BOM dropped, Windows line ends made plain."""
    return plain_lines(decode(read_bytes(path, limit), path))
