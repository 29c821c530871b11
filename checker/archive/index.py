"""`factcheck index PATH... --store FILE`: read every article once into the store, incrementally.

A file whose content (and sources.yaml entry) and knowledge fingerprint are
those stored is not read again; a changed one replaces its record; a file
the store holds under a given folder that is no longer there is dropped.
Reading runs on every core (the same workers as `check`); writing is done
by this process alone, in one transaction per batch, under the store's lock.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Callable, Iterable, Sequence

from checker.archive.records import Record, make_record
from checker.archive.store import REINDEX, StoreError, index_lock, open_store, store_errors, transaction
from checker.errors import CheckerError
from checker.ingest import load_articles
from checker.ingest.files import article_files
from checker.ingest.metadata import FolderSources, read_sources
from checker.knowledge import Knowledge
from checker.corpus import as_read
from checker.models import ArticleProblem, Claim
from checker.parallel.compact import pack, unpack
from checker.parallel.pool import ArticlePool
from checker.parallel.work import Digest, first_reading
from checker.pipeline import name_matcher

BATCH = 500


@dataclass
class IndexStats:
    added: int = 0
    replaced: int = 0
    unchanged: int = 0
    dropped: int = 0

    def __str__(self) -> str:
        return (f"{self.added} added, {self.replaced} replaced, {self.unchanged} unchanged, "
                f"{self.dropped} dropped")


def file_hash(path: Path, sources: FolderSources) -> str:
    """The file's bytes and its metadata from sources.yaml: either changing changes the article."""
    digest = hashlib.sha256(path.read_bytes())
    entry = sources.doc.data.get(path.stem) if sources.doc is not None and isinstance(sources.doc.data, dict) else None
    digest.update(json.dumps(entry, sort_keys=True, default=str).encode())
    return digest.hexdigest()


def _files(paths: Sequence[Path]) -> tuple[dict[str, tuple[Path, str]], list[ArticleProblem]]:
    """Every article file under the paths, by resolved path: (path as given, hash); a
    problem for each file not read (as load_articles names them)."""
    found: dict[str, tuple[Path, str]] = {}
    listed = article_files(list(paths))
    problems = [ArticleProblem(path=exc.path or "", message=str(exc)) for exc in listed.skipped]
    folders: dict[Path, FolderSources] = {}
    for path in listed.files:
        try:
            if path.parent not in folders:
                folders[path.parent] = read_sources(path.parent)
            found[str(path.resolve())] = (path, file_hash(path, folders[path.parent]))
        except (CheckerError, OSError) as exc:
            problems.append(ArticleProblem(path=str(path), message=str(exc)))
    return found, problems


def stored_files(connection: sqlite3.Connection, store: Path) -> dict[str, tuple[str, str]]:
    """Each stored file's path: the hash of what was read and the knowledge it was read with."""
    stored = {}
    for path, hash_, key in connection.execute("SELECT path, hash, knowledge FROM articles"):
        if not all(isinstance(value, str) for value in (path, hash_, key)):
            raise StoreError(f"this store is damaged (a path, hash or knowledge that is not text); {REINDEX}", store)
        stored[path] = (hash_, key)
    return stored


def _day(published: date | None) -> int | None:
    return published.toordinal() if published is not None else None


def write_record(connection: sqlite3.Connection, resolved: str, file_hash_: str, knowledge_key: str,
                 published: date | None, record: Record) -> None:
    """One article's record in place of any the path had."""
    connection.execute("DELETE FROM articles WHERE path = ?", (resolved,))
    cursor = connection.execute(
        "INSERT INTO articles (path, hash, knowledge, published, day, meta, text, digest) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (resolved, file_hash_, knowledge_key, published.isoformat() if published else None,
         _day(published), record.meta, record.text, record.digest))
    row = cursor.lastrowid
    connection.executemany("INSERT INTO names VALUES (?, ?)", [(key, row) for key in sorted(record.names)])
    connection.executemany("INSERT INTO blocks VALUES (?, ?)", [(block, row) for block in sorted(record.blocks)])


def _under(resolved: str, roots: Iterable[Path]) -> bool:
    return any(resolved == str(root) or resolved.startswith(str(root) + "/") for root in roots)


def drop_gone(connection: sqlite3.Connection, stored: Iterable[str], files: dict[str, Any],
              paths: Sequence[Path]) -> int:
    """Drop the stored articles under the given folders whose files are gone; how many."""
    roots = [p.resolve() for p in paths if p.is_dir()]
    gone = [p for p in stored if p not in files and _under(p, roots)]
    with transaction(connection):
        for resolved in gone:
            connection.execute("DELETE FROM articles WHERE path = ?", (resolved,))
    return len(gone)


def index_paths(paths: Sequence[Path], store: Path, knowledge: Knowledge, knowledge_key: str,
                jobs: int = 1, lock_timeout: float | None = None,
                waiting: Callable[[str], None] | None = None) -> tuple[IndexStats, list[ArticleProblem]]:
    """Bring the store up to date with the article files under `paths`; another index of
    the store is waited for (`waiting` hears of it), for `lock_timeout` seconds at most."""
    files, problems = _files(paths)
    stats = IndexStats()
    with index_lock(store, lock_timeout, waiting), store_errors(store):
        connection = open_store(store, create=True)
        try:
            stored = stored_files(connection, store)
            todo = []
            for resolved, (path, hash_) in files.items():
                if stored.get(resolved) == (hash_, knowledge_key):
                    stats.unchanged += 1
                else:
                    todo.append(resolved)
            stats.dropped = drop_gone(connection, stored, files, paths)
            matcher = name_matcher(knowledge)
            with ArticlePool(knowledge, jobs) as pool:
                for start in range(0, len(todo), BATCH):
                    batch = todo[start:start + BATCH]
                    articles, unread = load_articles([files[r][0] for r in batch],
                                                     languages=frozenset(knowledge.languages))
                    problems.extend(unread)
                    digests: list[Digest] = pool.map(first_reading, [pack(a) for a in articles])
                    by_path = {str(Path(a.path).resolve()): (a, d) for a, d in zip(articles, digests)}
                    with transaction(connection):
                        for resolved in batch:
                            if resolved not in by_path:
                                continue
                            article, digest = by_path[resolved]
                            if digest.failure:  # not stored: the next index tries it again
                                problems.append(ArticleProblem(path=article.path, message=digest.failure))
                                continue
                            problems.extend(ArticleProblem(path=article.path, message=message)
                                            for message in digest.problems)
                            article = as_read(article, digest)
                            claims = [unpack(Claim, c) for c in digest.claims]
                            write_record(connection, resolved, files[resolved][1], knowledge_key,
                                         article.published, make_record(article, digest, claims, matcher))
                            if resolved in stored:
                                stats.replaced += 1
                            else:
                                stats.added += 1
            connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            connection.close()
    return stats, problems
