"""The archive store: an SQLite file of articles already read, and its schema (docs/archive.md).

SQLite rather than DuckDB: a check asks for a few dozen articles through
indexed keys (B-tree lookups, SQLite's strength; DuckDB is built for scans),
several processes may read a store while one writes (SQLite in WAL mode;
DuckDB lets one process at a time open a file for writing, and none other
then), and it ships with Python.

Tables (schema version 1):

    meta(key, value)           application = factcheck-archive, schema = 1
    articles(id, path, hash, knowledge, published, day, meta, text, digest)
    names(key, article)        what an article names: lexicon entities, names by sound
    blocks(block, article)     what its claims are about: a predicate, or a dimension and unit
"""

from __future__ import annotations

import errno
import os
import socket
import sqlite3
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator

from checker.errors import CheckerError

APPLICATION = "factcheck-archive"
SCHEMA_VERSION = 1

DDL = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE articles (
    id INTEGER PRIMARY KEY,
    path TEXT NOT NULL UNIQUE,      -- the file, as given to `factcheck index` (resolved)
    hash TEXT NOT NULL,             -- sha256 of its bytes and of its sources.yaml entry
    knowledge TEXT NOT NULL,        -- the knowledge fingerprint it was read with
    published TEXT,                 -- ISO date, or NULL
    day INTEGER,                    -- the same as a day number (for the time window), or NULL
    meta TEXT NOT NULL,             -- the Article without its text, as JSON
    text BLOB NOT NULL,             -- the text, zlib-compressed (read again for names from other articles)
    digest BLOB NOT NULL            -- claims (JSON of each Claim), names, own names, words: zlib JSON
);
CREATE TABLE names (key TEXT NOT NULL, article INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE);
CREATE TABLE blocks (block TEXT NOT NULL, article INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE);
CREATE INDEX names_by_key ON names (key, article);
CREATE INDEX blocks_by_block ON blocks (block, article);
CREATE INDEX names_by_article ON names (article);
CREATE INDEX blocks_by_article ON blocks (article);
CREATE INDEX articles_by_day ON articles (day);
"""


class StoreError(CheckerError):
    """A store that cannot be used: missing, not a store, of another schema version, or damaged."""


REINDEX = "index the articles again into a new store (factcheck index PATH... --store NEW)"


def store_error(exc: Exception, path: Path) -> StoreError:
    """What a failure reading or writing the store means for its user, in one line: a
    damaged file (a corrupt page, a record changed by hand), a lock, or the system's reason."""
    detail = " ".join(str(exc).split())[:200]
    if "not a database" in detail:
        return StoreError("not a factcheck store (not an SQLite database)", path)
    if isinstance(exc, sqlite3.OperationalError) and "locked" in detail:
        return StoreError(f"the store is locked by another process ({detail}); try again when it is done", path)
    if isinstance(exc, sqlite3.OperationalError) and not any(word in detail for word in DAMAGE_WORDS):
        return StoreError(f"cannot use the store: {detail}", path)
    return StoreError(f"this store is damaged ({detail}); {REINDEX}", path)


# What SQLite says of a file whose pages are not what it wrote.
DAMAGE_WORDS = ("malformed", "not a database", "decode", "corrupt")
# What SQLite raises for a damaged file (a text column that is no longer UTF-8 among them).
STORE_FAILURES = (sqlite3.DatabaseError, UnicodeDecodeError)


@contextmanager
def store_errors(path: Path) -> Iterator[None]:
    """Failures met using the store become one StoreError naming it and what to do."""
    try:
        yield
    except CheckerError:
        raise
    except STORE_FAILURES as exc:
        raise store_error(exc, path) from None


def _connect(path: Path) -> sqlite3.Connection:
    connection = sqlite3.connect(path, timeout=60, isolation_level=None)
    connection.execute("PRAGMA foreign_keys = ON")
    connection.execute("PRAGMA busy_timeout = 60000")
    return connection


def _check(connection: sqlite3.Connection, path: Path) -> None:
    """Refuse anything but a store of this schema version."""
    tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if "meta" not in tables:
        raise StoreError("not a factcheck store (an SQLite database without factcheck's tables)", path)
    meta = dict(connection.execute("SELECT key, value FROM meta"))
    if meta.get("application") != APPLICATION:
        raise StoreError("not a factcheck store (its meta table names another application)", path)
    if meta.get("schema") != str(SCHEMA_VERSION):
        raise StoreError(f"a store of schema version {meta.get('schema')}; this factcheck reads version "
                         f"{SCHEMA_VERSION} (index the articles into a new store)", path)


def open_store(path: Path, create: bool = False) -> sqlite3.Connection:
    """An open store; with `create`, a new one where there is no file yet."""
    if path.is_dir():
        raise StoreError("a folder, not a store file", path)
    exists = path.exists()
    if not exists and not create:
        raise StoreError("no such store (make one with `factcheck index PATH... --store FILE`)", path)
    if not exists and not path.parent.is_dir():
        raise StoreError("no such folder for the store", path.parent)
    try:
        connection = _connect(path)
        if not exists or (create and os.path.getsize(path) == 0):
            with transaction(connection):
                if not connection.execute("SELECT name FROM sqlite_master").fetchone():
                    for statement in DDL.split(";"):
                        if statement.strip():
                            connection.execute(statement)
                    connection.executemany("INSERT INTO meta VALUES (?, ?)",
                                           [("application", APPLICATION), ("schema", str(SCHEMA_VERSION))])
        _check(connection, path)
        connection.execute("PRAGMA journal_mode = WAL")  # readers never wait for a writer
    except STORE_FAILURES as exc:
        raise store_error(exc, path) from None
    return connection


@contextmanager
def transaction(connection: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """BEGIN IMMEDIATE: the write lock is taken at the start, so two writers queue, never deadlock."""
    connection.execute("BEGIN IMMEDIATE")
    try:
        yield connection
    except BaseException:
        connection.execute("ROLLBACK")
        raise
    connection.execute("COMMIT")


# How often a run waiting for the store's lock tries it again, in seconds.
LOCK_POLL = 0.2


def _holder(lock_path: Path) -> str:
    """Who holds the lock, as the holder wrote it: "process 1234 on host, since 12:03:55"."""
    try:
        said = lock_path.read_text(encoding="utf-8", errors="replace").strip()
    except OSError:
        said = ""
    return said.splitlines()[0][:200] if said else "another process"


def _try_lock(lock_path: Path) -> int | None:
    """An open descriptor of the lock file holding its lock, or None if another process holds it.
    A POSIX record lock (lockf): held by this process alone, not by the pool workers it forks,
    and released by the system when this process ends, however it ends."""
    import fcntl

    handle = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.lockf(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError as exc:
        os.close(handle)
        if exc.errno in (errno.EACCES, errno.EAGAIN):
            return None
        raise
    try:
        same = os.stat(lock_path).st_ino == os.fstat(handle).st_ino
    except FileNotFoundError:
        same = False
    if not same:  # its holder removed it as we opened it: lock the file now at the path
        os.close(handle)
        return _try_lock(lock_path)
    return handle


@contextmanager
def index_lock(path: Path, timeout: float | None = None,
               waiting: Callable[[str], None] | None = None) -> Iterator[None]:
    """One `factcheck index` at a time per store: a second one waits for the first to finish
    (saying so through `waiting`, once), so that each sees the other's work whole (SQLite
    alone keeps the file sound); after `timeout` seconds it gives up with a StoreError.
    The lock file says who holds it, and is removed when they are done; one left by a run
    killed outright is taken over (its lock went with its process) and removed in turn."""
    try:
        import fcntl  # noqa: F401
    except ImportError:  # not POSIX: SQLite's own locking still keeps the file sound
        yield
        return
    lock_path = Path(f"{path}.lock")
    started = time.monotonic()
    told = False
    try:
        while (handle := _try_lock(lock_path)) is None:
            holder = _holder(lock_path)
            if timeout is not None and time.monotonic() - started >= timeout:
                raise StoreError(f"locked by {holder}, which is indexing it; gave up after {timeout:g} s "
                                 "(--lock-timeout)", path)
            if not told and waiting is not None:
                waiting(f"{path}: locked by {holder}, which is indexing it; waiting for it to finish"
                        + ("" if timeout is not None else " (--lock-timeout SECONDS gives up)"))
                told = True
            time.sleep(LOCK_POLL)
    except OSError as exc:
        raise StoreError(f"cannot lock the store ({lock_path}): {exc.strerror or exc}", path) from None
    try:
        os.ftruncate(handle, 0)
        os.write(handle, (f"process {os.getpid()} on {socket.gethostname()}, since "
                          f"{time.strftime('%Y-%m-%d %H:%M:%S')}\n").encode("utf-8"))
        yield
    finally:
        try:
            os.unlink(lock_path)  # before the lock goes: a waiter then finds no file or a new one
        except OSError:
            pass
        os.close(handle)
