"""Indexing on a Dask cluster: a map over files, each task writing one Parquet partition.

For an archive that outgrows one machine. The files to read (new or changed,
found as for a local index) are cut into partitions; each Dask task reads its
files and writes their records to `STORE.parts/part-NNNNN.parquet`; then this
process reads the partitions into the store, in order, and removes them.
Workers must see the article files and the store's folder at the same paths
(shared storage), and have factcheck installed with its `[dask]` extra.

Dask and pyarrow are an optional extra (`pip install -e '.[dask]'`): nothing
else in the checker imports them.
"""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path
from typing import Callable, Sequence

from checker.archive.index import IndexStats, _files, drop_gone, stored_files, write_record
from checker.archive.records import Record, make_record
from checker.archive.store import index_lock, open_store, store_errors, transaction
from checker.corpus import as_read
from checker.errors import CheckerError
from checker.ingest import load_articles
from checker.knowledge import Knowledge
from checker.models import ArticleProblem, Claim
from checker.parallel.compact import pack, unpack
from checker.parallel.work import first_reading, use_knowledge
from checker.pipeline import name_matcher

PARTITION_FILES = 64
COLUMNS = ("path", "hash", "meta", "text", "digest", "names", "blocks")


def _imports():
    try:
        import pyarrow
        import pyarrow.parquet
        from dask.distributed import Client, LocalCluster
    except ImportError:
        raise CheckerError("indexing on Dask needs the [dask] extra: pip install 'factcheck[dask]'") from None
    return pyarrow, pyarrow.parquet, Client, LocalCluster


def read_partition(task: tuple[int, list[tuple[str, str, str]], str], knowledge: Knowledge) -> tuple[str, list[str]]:
    """A Dask task: read files [(resolved, as given, hash)] and write their records as one
    Parquet partition; returns its path and the problems met."""
    pyarrow, parquet, _, _ = _imports()
    number, files, folder = task
    use_knowledge(knowledge)
    matcher = name_matcher(knowledge)
    articles, problems = load_articles([Path(given) for _, given, _ in files], languages=frozenset(knowledge.languages))
    by_path = {str(Path(a.path).resolve()): a for a in articles}
    rows: dict[str, list] = {column: [] for column in COLUMNS}
    for resolved, _, hash_ in files:
        article = by_path.get(resolved)
        if article is None:
            continue
        digest = first_reading(pack(article))
        if digest.failure:  # not stored: the next index tries it again
            problems.append(ArticleProblem(path=article.path, message=digest.failure))
            continue
        problems.extend(ArticleProblem(path=article.path, message=message) for message in digest.problems)
        article = as_read(article, digest)
        record = make_record(article, digest, [unpack(Claim, c) for c in digest.claims], matcher)
        for column, value in zip(COLUMNS, (resolved, hash_, record.meta, record.text, record.digest,
                                           sorted(record.names), sorted(record.blocks))):
            rows[column].append(value)
    path = str(Path(folder) / f"part-{number:05d}.parquet")
    parquet.write_table(pyarrow.table(rows), path)
    return path, [p.message for p in problems]


def index_on_dask(paths: Sequence[Path], store: Path, knowledge: Knowledge, knowledge_key: str,
                  rule_paths: Sequence[Path], project: Path, scheduler: str | None,
                  local_workers: int | None, lock_timeout: float | None = None,
                  waiting: Callable[[str], None] | None = None) -> tuple[IndexStats, list[ArticleProblem]]:
    """As index.index_paths, the reading done by Dask workers (a cluster at `scheduler`, or a
    local cluster of `local_workers` processes)."""
    pyarrow, parquet, Client, LocalCluster = _imports()
    files, problems = _files(paths)
    stats = IndexStats()
    parts = Path(f"{store}.parts")
    with index_lock(store, lock_timeout, waiting), store_errors(store):
        connection = open_store(store, create=True)
        try:
            stored = stored_files(connection, store)
            todo = [(resolved, str(given), hash_) for resolved, (given, hash_) in files.items()
                    if stored.get(resolved) != (hash_, knowledge_key)]
            stats.unchanged = len(files) - len(todo)
            stats.dropped = drop_gone(connection, stored, files, paths)
            shutil.rmtree(parts, ignore_errors=True)
            parts.mkdir()
            tasks = [(n, todo[start:start + PARTITION_FILES], str(parts))
                     for n, start in enumerate(range(0, len(todo), PARTITION_FILES))]
            cluster = None if scheduler else LocalCluster(n_workers=local_workers, threads_per_worker=1,
                                                          processes=True, dashboard_address=None)
            try:
                with Client(scheduler or cluster) as client:
                    shared = client.scatter(knowledge, broadcast=True)
                    results = client.gather(client.map(read_partition, tasks, knowledge=shared, pure=False))
            finally:
                if cluster is not None:
                    cluster.close()
            for part, messages in results:
                problems.extend(ArticleProblem(path="", message=m) for m in messages)
                table = parquet.read_table(part).to_pylist()
                with transaction(connection):
                    for row in table:
                        published = json.loads(row["meta"]).get("published")
                        record = Record(row["meta"], row["text"], row["digest"], frozenset(row["names"]),
                                        frozenset(row["blocks"]))
                        write_record(connection, row["path"], row["hash"], knowledge_key,
                                     date.fromisoformat(published) if published else None, record)
                        if row["path"] in stored:
                            stats.replaced += 1
                        else:
                            stats.added += 1
            shutil.rmtree(parts, ignore_errors=True)
            connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            connection.close()
    return stats, problems
