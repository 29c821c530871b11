"""Read articles from files and folders: .txt (+ sources.yaml), .md, .json.

Plain-text files take their metadata from a `sources.yaml` beside them, keyed
by article id (the file name without its extension). Markdown files carry it in
YAML front matter; JSON files are objects with the same keys plus `text`. A
file that cannot be read is returned as a problem, and the others still load.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from checker.errors import CheckerError, InputError
from checker.ingest.files import article_files, read_text
from checker.ingest.metadata import (FolderSources, Metadata, extra_values, json_metadata, read_sources,
                                     split_front_matter)
from checker.limits import MAX_ARTICLE_BYTES
from checker.models import Article, ArticleProblem
from checker.yamlio import MAX_DEPTH

# A JSON escape of a UTF-16 half with no other half: text Python holds but cannot write.
_LONE_SURROGATE_RE = re.compile(r"\\u[dD][89abAB][0-9a-fA-F]{2}(?!\\u[dD][c-fC-F])"
                                r"|(?<![0-9a-fA-F]{4})\\u[dD][c-fC-F][0-9a-fA-F]{2}")


def first_line(text: str) -> str | None:
    """The title fallback: the first line with a few words in it."""
    for line in text.splitlines():
        line = line.strip()
        if len(line.split()) >= 3:
            return line
    return None


def _optional_str(value: Any) -> str | None:
    return None if value is None else str(value)


def _is_unicode(text: str) -> bool:
    """False for text holding a lone surrogate, which no report could write."""
    if text.isascii():
        return True
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def build_article(path: Path, text: str, meta: Metadata) -> Article:
    if not text.strip():
        raise InputError("the article is empty", path)
    values = meta.values
    fields = {key: _optional_str(values.get(key)) for key in ("source", "title", "byline", "url", "lang")}
    return Article(
        id=path.stem,
        path=str(path),
        source=fields["source"],
        title=fields["title"] or first_line(text),
        byline=fields["byline"],
        url=fields["url"],
        published=meta.published(path),
        lang=fields["lang"],
        text=text,
        extra=extra_values(meta),
    )


def read_markdown(path: Path, limit: int) -> Article:
    meta, text = split_front_matter(read_text(path, limit), path)
    return build_article(path, text, meta)


def _json_position(raw: str, index: int) -> tuple[int, int]:
    line = raw.count("\n", 0, index) + 1
    return line, index - (raw.rfind("\n", 0, index) + 1) + 1


def _check_json(data: Any, raw: str, path: Path) -> None:
    """Refuse nesting past MAX_DEPTH and strings that are not Unicode, walking without recursion."""
    stack = [(data, 0)]
    while stack:
        value, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise InputError(f"invalid JSON: nested more than {MAX_DEPTH} levels deep", path)
        if isinstance(value, dict):
            stack.extend((part, depth + 1) for item in value.items() for part in item)
        elif isinstance(value, list):
            stack.extend((item, depth + 1) for item in value)
        elif isinstance(value, str) and not _is_unicode(value):
            found = _LONE_SURROGATE_RE.search(raw)
            line, column = _json_position(raw, found.start()) if found else (None, None)
            raise InputError("invalid JSON: a lone surrogate escape (\\ud800 to \\udfff) is not a character",
                             path, line, column)


def read_json(path: Path, limit: int) -> Article:
    raw = read_text(path, limit)
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise InputError(f"invalid JSON: {exc.msg}", path, exc.lineno, exc.colno) from None
    except RecursionError:
        raise InputError(f"invalid JSON: nested more than {MAX_DEPTH} levels deep", path) from None
    _check_json(data, raw, path)
    if not isinstance(data, dict) or not isinstance(data.get("text"), str):
        raise InputError("a JSON article must be an object with a 'text' string", path)
    return build_article(path, data["text"].replace("\r\n", "\n"), json_metadata(data))


def read_article_file(path: Path, sources: FolderSources, limit: int = MAX_ARTICLE_BYTES) -> Article:
    if path.suffix == ".md":
        return read_markdown(path, limit)
    if path.suffix == ".json":
        return read_json(path, limit)
    return build_article(path, read_text(path, limit), sources.metadata(path))


def _problem(exc: CheckerError, path: Path) -> ArticleProblem:
    """The file not read, and why (the message may point elsewhere: into sources.yaml)."""
    return ArticleProblem(path=str(path), message=str(exc))


def load_articles(paths: list[Path], max_bytes: int = MAX_ARTICLE_BYTES
                  ) -> tuple[list[Article], list[ArticleProblem]]:
    """Every readable article under the given paths, and a problem for each file not read."""
    found = article_files(paths)
    problems = [_problem(exc, Path(exc.path or "")) for exc in found.skipped]
    articles: list[Article] = []
    seen: set[str] = set()
    folders: dict[Path, FolderSources] = {}
    for path in found.files:
        if path.suffix == ".txt" and path.parent not in folders:
            folders[path.parent] = sources = read_sources(path.parent)
            if sources.error is not None:
                problems.append(_problem(sources.error, sources.path))
        try:
            article = read_article_file(path, folders.get(path.parent, FolderSources()), max_bytes)
        except CheckerError as exc:
            problems.append(_problem(exc, path))
            continue
        if article.id in seen:
            problems.append(_problem(InputError(f"another article has the id '{article.id}'; skipped", path),
                                     path))
            continue
        seen.add(article.id)
        articles.append(article)
    return articles, problems
