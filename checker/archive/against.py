"""`factcheck check --draft D --against FILE`: a draft checked against an archive store.

The draft is read as in any check. Archived articles become its sources when
they name someone the draft's claims name (lexicon entities by id, other
names by sound), hold a claim that can align with one of the draft's (the
same predicate, or the same dimension and unit), and were published within
`window` days of the draft (an undated draft, or an undated article, is not
held to the window). Their claims come from the store, not from reading
them again; then names and alignment and judging run as for a folder, so
that the findings about the draft are those a folder of the same articles
gives (tests/test_archive.py).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from checker.archive.records import DamagedRecord, article_names, block_of, read_record
from checker.archive.store import REINDEX, StoreError, open_store, store_errors
from checker.corpus import judge_stories, settle
from checker.errors import CheckerError
from checker.knowledge import Knowledge
from checker.models import Article, ArticleProblem, Claim
from checker.parallel.compact import pack, unpack
from checker.parallel.pool import ArticlePool
from checker.parallel.work import Digest, first_reading
from checker.pipeline import name_matcher
from checker.stories import StoryReport

DEFAULT_WINDOW_DAYS = 30


def _placeholders(values: list) -> str:
    return ", ".join("?" for _ in values)


def candidate_rows(connection: sqlite3.Connection, draft: Article, digest: Digest, claims: list[Claim],
                   knowledge: Knowledge, window: int | None) -> list[tuple[str, str, bytes, bytes]]:
    """(path, meta, text, digest) of every archived article the draft is checked against, by path."""
    names = sorted(article_names(digest, claims, name_matcher(knowledge)))
    blocks = sorted({block_of(c) for c in claims})
    if not names or not blocks:
        return []
    sql = ("SELECT a.path, a.meta, a.text, a.digest FROM articles a WHERE a.id IN ("
           f" SELECT n.article FROM names n WHERE n.key IN ({_placeholders(names)})"
           f" INTERSECT SELECT b.article FROM blocks b WHERE b.block IN ({_placeholders(blocks)}))")
    parameters: list = [*names, *blocks]
    if window is not None and draft.published is not None:
        day = draft.published.toordinal()
        sql += " AND (a.day IS NULL OR a.day BETWEEN ? AND ?)"
        parameters += [day - window, day + window]
    return list(connection.execute(sql + " ORDER BY a.path", parameters))


def check_against(draft: Article, store: Path, knowledge: Knowledge, window: int | None = DEFAULT_WINDOW_DAYS,
                  reviewed: dict[str, str] | None = None, jobs: int = 1) -> list[StoryReport]:
    """The draft's report, its sources found in the store."""
    connection = open_store(store)
    with ArticlePool(knowledge, jobs) as pool:
        draft_digest = first_reading(pack(draft))
        if draft_digest.failure:
            connection.close()
            raise CheckerError(draft_digest.failure)
        draft_claims = [unpack(Claim, c) for c in draft_digest.claims]
        try:
            with store_errors(store):
                rows = candidate_rows(connection, draft, draft_digest, draft_claims, knowledge, window)
        finally:
            connection.close()
        articles: list[Article] = []
        digests: list[Digest] = []
        problems: list[ArticleProblem] = []
        seen = {draft.id}
        for path, meta, text, digest in rows:
            try:
                article, stored = read_record(meta, text, digest)
            except DamagedRecord as exc:
                raise StoreError(f"this store is damaged: the record of {path} does not read back ({exc}); "
                                 f"{REINDEX}", store) from None
            if article.id in seen:  # claim ids are article ids: one article per id
                problems.append(ArticleProblem(path=article.path, message=(
                    f"{article.path}: another article has the id '{article.id}'; skipped")))
                continue
            seen.add(article.id)
            articles.append(article)
            digests.append(stored)
        articles.append(draft)
        digests.append(draft_digest)
        articles, grouped, claims, read_problems = settle(articles, digests, knowledge, pool, "one", has_draft=True)
    return judge_stories(articles, grouped, claims, knowledge, [*problems, *read_problems], draft.id, reviewed)
