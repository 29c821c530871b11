"""Read articles from files and folders: .txt (+ sources.yaml), .md, .json.

Plain-text files take their metadata from a `sources.yaml` beside them, keyed
by article id (the file name without its extension). Markdown files carry it in
YAML front matter; JSON files are objects with the same keys plus `text`. A
file that cannot be read is returned as a problem, and the others still load.
"""

from __future__ import annotations

import json
import re
from datetime import date, datetime
from pathlib import Path
from typing import Any

from checker.errors import CheckerError, InputError, RuleError
from checker.models import Article, ArticleProblem
from checker.yamlio import parse_yaml

ARTICLE_SUFFIXES = (".txt", ".md", ".json")
METADATA_FILES = ("sources.yaml", "sources.yml")
SKIPPED_NAMES = {"readme.md", "sources.yaml", "sources.yml"}
KNOWN_KEYS = ("title", "source", "byline", "url", "published", "lang")
_FRONT_MATTER_RE = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.S)


def first_line(text: str) -> str | None:
    """The title fallback: the first line with a few words in it."""
    for line in text.splitlines():
        line = line.strip()
        if len(line.split()) >= 3:
            return line
    return None


def _read_text(path: Path) -> str:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read file: {exc.strerror}", path) from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[:exc.start].count(b"\n") + 1
        raise InputError(f"not valid UTF-8 (byte {exc.start}); save the file as UTF-8", path, line) from None
    return text.replace("\r\n", "\n")


def _as_date(value: Any, path: Path) -> date | None:
    if value in (None, ""):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        raise InputError(f"'published' must be an ISO date (YYYY-MM-DD), got {value!r}", path) from None


def build_article(path: Path, text: str, meta: dict[str, Any]) -> Article:
    if not text.strip():
        raise InputError("the article is empty", path)
    extra = {k: v for k, v in meta.items() if k not in KNOWN_KEYS}
    return Article(
        id=path.stem,
        path=str(path),
        source=_optional_str(meta.get("source")),
        title=_optional_str(meta.get("title")) or first_line(text),
        byline=_optional_str(meta.get("byline")),
        url=_optional_str(meta.get("url")),
        published=_as_date(meta.get("published"), path),
        lang=_optional_str(meta.get("lang")),
        text=text,
        extra=json.loads(json.dumps(extra, default=str)),
    )


def _optional_str(value: Any) -> str | None:
    return None if value is None else str(value)


def read_sources(folder: Path) -> dict[str, dict[str, Any]]:
    """Metadata for plain-text articles, from sources.yaml in their folder."""
    for name in METADATA_FILES:
        path = folder / name
        if path.is_file():
            try:
                doc = parse_yaml(_read_text(path), path)
            except RuleError as exc:
                raise InputError(exc.message, path, exc.line, exc.column) from None
            if doc.data is None:
                return {}
            if not isinstance(doc.data, dict) or not all(isinstance(v, dict) or v is None for v in doc.data.values()):
                raise InputError("sources.yaml must map each article id to its metadata", path)
            return {str(k): dict(v or {}) for k, v in doc.data.items()}
    return {}


def read_markdown(path: Path) -> Article:
    text = _read_text(path)
    meta: dict[str, Any] = {}
    match = _FRONT_MATTER_RE.match(text)
    if match:
        try:
            doc = parse_yaml(match.group(1), path)
        except RuleError as exc:
            # Front matter starts on line 2 of the file.
            line = exc.line + 1 if exc.line else None
            raise InputError(f"bad front matter: {exc.message}", path, line, exc.column) from None
        if doc.data is not None and not isinstance(doc.data, dict):
            raise InputError("front matter must be a mapping of metadata keys", path, 2)
        meta = doc.data or {}
        text = text[match.end():]
    return build_article(path, text, meta)


def read_json(path: Path) -> Article:
    raw = _read_text(path)
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise InputError(f"invalid JSON: {exc.msg}", path, exc.lineno, exc.colno) from None
    if not isinstance(data, dict) or not isinstance(data.get("text"), str):
        raise InputError("a JSON article must be an object with a 'text' string", path)
    return build_article(path, data["text"].replace("\r\n", "\n"), {k: v for k, v in data.items() if k != "text"})


def read_article_file(path: Path, sources: dict[str, dict[str, Any]]) -> Article:
    if path.suffix == ".md":
        return read_markdown(path)
    if path.suffix == ".json":
        return read_json(path)
    return build_article(path, _read_text(path), sources.get(path.stem, {}))


def article_paths(path: Path) -> list[Path]:
    if not path.exists():
        raise InputError("no such file or folder", path)
    if path.is_file():
        return [path]
    found = sorted(p for p in path.iterdir()
                   if p.is_file() and p.suffix in ARTICLE_SUFFIXES and p.name.lower() not in SKIPPED_NAMES)
    if not found:
        raise InputError("no articles (.txt, .md, .json) in this folder", path)
    return found


def load_articles(paths: list[Path]) -> tuple[list[Article], list[ArticleProblem]]:
    """Every readable article under the given paths, and a problem for each unreadable one."""
    articles: list[Article] = []
    problems: list[ArticleProblem] = []
    seen: set[str] = set()
    folders: dict[Path, dict[str, dict[str, Any]] | CheckerError] = {}  # sources.yaml read once per folder
    for given in paths:
        for path in article_paths(given):
            try:
                if path.parent not in folders:
                    try:
                        folders[path.parent] = read_sources(path.parent)
                    except CheckerError as exc:
                        folders[path.parent] = exc
                sources = folders[path.parent]
                if isinstance(sources, CheckerError):
                    raise sources
                article = read_article_file(path, sources)
            except CheckerError as exc:
                problems.append(ArticleProblem(path=str(path), message=str(exc)))
                continue
            if article.id in seen:
                problems.append(ArticleProblem(path=str(path), message=f"{path}: another article has the id "
                                                                         f"'{article.id}'; skipped"))
                continue
            seen.add(article.id)
            articles.append(article)
    return articles, problems
