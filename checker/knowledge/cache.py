"""Compiled knowledge kept on disk, so that a run on one story starts at once.

Parsing and validating the YAML lexicons and rules, then compiling each
language's phrase index, costs a tenth of a second or more; unpickling the
result costs a few milliseconds. The cache file is keyed by a digest of
everything the compiled knowledge depends on:

- every file read: lexicons, schemas, shipped checks, the project's rule
  files (and pyproject.toml), every --rules file;
- the checker's own source files and version, and Python's version: a
  pickle of classes whose code changed would load into the wrong shape.

Files are known by their stamps (size, modification time in nanoseconds,
inode), as make and git know them, not by reading them: a run on one story
should not read and hash the checker's sources first. A file modified in the
last RACY_SECONDS may be modified again within the same clock tick at the
same size, which its stamp could not tell: such a file is known by its
content's digest instead (git's "racily clean" files). knowledge_fingerprint
(content digests throughout) stays the key an archive's records are stored
under, which must not change when a checkout merely touches a file.

A cache is used only when its header names this exact key and the digest of
its body matches; anything else (another key, a truncated or corrupt file, a
file not ours, one others may write) is ignored and rebuilt, never trusted.
Files are written whole (a temporary file renamed over), so concurrent runs
never see half a cache.

Where: $FACTCHECK_CACHE_DIR, else $XDG_CACHE_HOME/factcheck, else
~/.cache/factcheck. FACTCHECK_CACHE=off turns the cache off.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import stat
import sys
import time
from pathlib import Path
from typing import Callable, Iterable, TypeVar

import checker
from checker.resources import rules_home
from checker.tempfiles import temporary_beside

MAGIC = b"factcheck-knowledge-cache 1\n"
# A file modified this recently is known by its content, not its stamp (see above).
RACY_SECONDS = 2.0
T = TypeVar("T")


def cache_dir() -> Path | None:
    """Where cache files go, or None when caching is off."""
    if os.environ.get("FACTCHECK_CACHE", "").lower() in ("off", "0", "no", "false"):
        return None
    override = os.environ.get("FACTCHECK_CACHE_DIR")
    if override:
        return Path(override)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "factcheck"


def _files_under(root: Path, suffixes: tuple[str, ...]) -> list[Path]:
    return sorted(p for p in root.rglob("*") if p.suffix in suffixes and p.is_file())


def code_files() -> list[Path]:
    """The checker's Python sources: what the pickled classes are made of."""
    return _files_under(Path(checker.__file__).parent, (".py",))


def knowledge_fingerprint(files: Iterable[Path]) -> str:
    """A digest of the version, Python, the checker's code and every given file's content."""
    digest = hashlib.sha256()
    digest.update(MAGIC)
    digest.update(f"{checker.__version__}|{sys.version_info[:2]}|{pickle.HIGHEST_PROTOCOL}".encode())
    for path in [*code_files(), *files]:
        digest.update(str(path).encode("utf-8", "surrogatepass") + b"\0")
        try:
            digest.update(hashlib.sha256(path.read_bytes()).digest())
        except OSError:
            digest.update(b"(unreadable)")
    return digest.hexdigest()


def file_stamp(path: Path, now: float) -> bytes:
    """What a file is known by without reading it: size, modification time and inode;
    a file modified in the last RACY_SECONDS (or in the future) by its content's digest."""
    try:
        info = path.stat()
        if now - info.st_mtime >= RACY_SECONDS:
            return f"{info.st_size}:{info.st_mtime_ns}:{info.st_ino}".encode()
        return b"sha256:" + hashlib.sha256(path.read_bytes()).digest()
    except OSError:
        return b"(unreadable)"


def knowledge_stamp(files: Iterable[Path]) -> str:
    """A digest of the version, Python, and the stamps of the checker's code and every given file:
    the cache's key (knowledge_fingerprint reads every file; this reads none that is settled)."""
    digest = hashlib.sha256()
    digest.update(MAGIC + b"stamps\0")
    digest.update(f"{checker.__version__}|{sys.version_info[:2]}|{pickle.HIGHEST_PROTOCOL}".encode())
    now = time.time()
    for path in [*code_files(), *files]:
        digest.update(str(path).encode("utf-8", "surrogatepass") + b"\0" + file_stamp(path, now) + b"\0")
    return digest.hexdigest()


def knowledge_inputs(rule_files: Iterable[Path]) -> list[Path]:
    """Every file compiled knowledge is read from, besides the given rule files."""
    home = rules_home()
    return [*_files_under(home / "lexicons", (".yaml", ".yml")),
            *_files_under(home / "models", (".yaml",)),
            *_files_under(home / "schema", (".json",)),
            *rule_files]


def _safe_to_read(path: Path) -> bool:
    """Ours, and writable by no one else: a pickle runs code when it loads."""
    try:
        info = path.stat()
        folder = path.parent.stat()
    except OSError:
        return False
    if not stat.S_ISREG(info.st_mode):
        return False
    if hasattr(os, "getuid") and (info.st_uid != os.getuid() or folder.st_uid != os.getuid()):
        return False
    return not (info.st_mode | folder.st_mode) & (stat.S_IWGRP | stat.S_IWOTH)


def read_cached(path: Path, key: str) -> object | None:
    """The object cached at path under key, or None if absent, foreign or damaged."""
    if not _safe_to_read(path):
        return None
    try:
        raw = path.read_bytes()
    except OSError:
        return None
    header = MAGIC + key.encode() + b"\n"
    body_at = len(header) + 64 + 1
    if not raw.startswith(header) or len(raw) < body_at:
        return None
    body = raw[body_at:]
    if raw[len(header):body_at - 1] != hashlib.sha256(body).hexdigest().encode():
        return None
    try:
        return pickle.loads(body)
    except Exception:  # a damaged pickle can raise almost anything; rebuild instead
        return None


def write_cached(path: Path, key: str, value: object) -> None:
    """Store value under key; a cache that cannot be written is simply not written."""
    body = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    data = MAGIC + key.encode() + b"\n" + hashlib.sha256(body).hexdigest().encode() + b"\n" + body
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        with temporary_beside(path) as (handle, temporary):
            with os.fdopen(handle, "wb") as out:
                out.write(data)
            os.replace(temporary, path)
    except OSError:
        pass


def cached(files: Iterable[Path], build: Callable[[], T], folder: Path | None = None) -> T:
    """build(), or its result from the last run that read the same files with the same code."""
    folder = folder if folder is not None else cache_dir()
    if folder is None:
        return build()
    key = knowledge_stamp(files)
    path = folder / f"knowledge-{key[:32]}.pickle"
    value = read_cached(path, key)
    if value is None:
        value = build()
        write_cached(path, key, value)
    return value  # type: ignore[return-value]
