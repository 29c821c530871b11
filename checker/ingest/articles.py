"""Read articles from files, folders and standard input: .txt (+ sources.yaml), .md,
.json, .html/.htm.

Plain-text files take their metadata from a `sources.yaml` beside them, keyed
by article id (the file name without its extension). Markdown files carry it in
YAML front matter; JSON files are objects with the same keys plus `text`. A web
page's story is extracted from it (checker/ingest/pages.py), with the page's
own metadata as defaults under its front matter and its sources.yaml entry.
A file that cannot be read is returned as a problem, and the others still load.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any, Callable, Collection

from checker.errors import CheckerError, InputError
from checker.failures import failure
from checker.ingest.encodings import decode
from checker.ingest.files import article_files, plain_lines, read_bytes
from checker.ingest.jsonplaces import json_places
from checker.ingest.metadata import (
    FolderSources,
    Metadata,
    extra_values,
    json_metadata,
    read_sources,
    split_front_matter,
)
from checker.ingest.pages import declared_charset, read_page
from checker.ingest.stdin import (
    STDIN_ID,
    STDIN_PATH,
    is_stdin,
    read_stdin,
    sniff_format,
)
from checker.limits import MAX_ARTICLE_BYTES
from checker.models import Article, ArticleProblem
from checker.yamlio import MAX_DEPTH

# A JSON escape of a UTF-16 half with no other half: text Python holds but cannot write.
_LONE_SURROGATE_RE = re.compile(r"\\u[dD][89abAB][0-9a-fA-F]{2}(?!\\u[dD][c-fC-F])"
                                r"|(?<![0-9a-fA-F]{4})\\u[dD][c-fC-F][0-9a-fA-F]{2}")
# Python refuses to turn a longer digit string into an int (sys.get_int_max_str_digits).
MAX_JSON_DIGITS = 4300
FORMAT_OF_SUFFIX = {".txt": "txt", ".md": "md", ".json": "json", ".html": "html", ".htm": "html"}
# The formats whose metadata a folder's sources.yaml gives (or, for a page, overrides).
USES_SOURCES = ("txt", "html")


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


def build_article(path: Path, text: str, meta: Metadata, article_id: str | None = None,
                  text_source: str | None = None, text_line: int = 0,
                  languages: Collection[str] | None = None) -> Article:
    """The article of a text and its metadata; with `languages` (those the checker has a
    lexicon for), a `lang` naming another is an error at its place."""
    if not text.strip():
        raise InputError("the article is empty", path)
    values = meta.merged()
    fields = {key: _optional_str(values.get(key)) for key in ("source", "title", "byline", "url", "lang")}
    if languages is not None:
        fields["lang"] = meta.language(languages, path)
    return Article(
        id=article_id or path.stem,
        path=str(path),
        source=fields["source"],
        title=fields["title"] or first_line(text),
        byline=fields["byline"],
        url=fields["url"],
        published=meta.published(path),
        lang=fields["lang"],
        text=text,
        extra=extra_values(values),
        text_source=text_source,
        text_line=text_line,
    )


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


class _LongNumber(Exception):
    def __init__(self, digits: str) -> None:
        self.digits = digits


def _json_int(digits: str) -> int:
    """An integer of a JSON text; one longer than Python turns into an int raises."""
    if len(digits.lstrip("-")) > MAX_JSON_DIGITS:
        raise _LongNumber(digits)
    return int(digits)


def read_json(path: Path, raw: str, article_id: str | None = None,
              languages: Collection[str] | None = None) -> Article:
    try:
        data = json.loads(raw, parse_int=_json_int)
    except json.JSONDecodeError as exc:
        raise InputError(f"invalid JSON: {exc.msg}", path, exc.lineno, exc.colno) from None
    except _LongNumber as exc:
        line, column = _json_position(raw, max(raw.find(exc.digits), 0))
        raise InputError(f"invalid JSON: a number of {len(exc.digits):,} digits, more than the "
                         f"{MAX_JSON_DIGITS:,} a number may have", path, line, column) from None
    except RecursionError:
        raise InputError(f"invalid JSON: nested more than {MAX_DEPTH} levels deep", path) from None
    _check_json(data, raw, path)
    if not isinstance(data, dict) or not isinstance(data.get("text"), str):
        raise InputError("a JSON article must be an object with a 'text' string", path)
    return build_article(path, plain_lines(data["text"]), json_metadata(data, raw, path), article_id,
                         languages=languages)


def read_html(path: Path, data: bytes, sources: FolderSources, encoding: str | None = None,
              article_id: str | None = None, languages: Collection[str] | None = None) -> Article:
    """A saved web page: its story as the text, its metadata under front matter (a page
    may open with one, as a Jekyll page does) and its sources.yaml entry."""
    front, html = split_front_matter(plain_lines(decode(data, path, encoding, declared_charset(data))), path)
    page = read_page(html, path)
    meta = front.over(sources.metadata(path)).over(Metadata(page.metadata))
    return build_article(path, page.text, meta, article_id, text_source="html", languages=languages)


def parse_article(path: Path, data: bytes, fmt: str, sources: FolderSources, encoding: str | None = None,
                  article_id: str | None = None, languages: Collection[str] | None = None) -> Article:
    """An article of the given format (txt, md, json, html) from its bytes."""
    if fmt == "html":
        return read_html(path, data, sources, encoding, article_id, languages)
    text = plain_lines(decode(data, path, encoding, front_matter=fmt == "md"))
    if fmt == "md":
        meta, body = split_front_matter(text, path)
        return build_article(path, body, meta, article_id, text_line=text.count("\n", 0, len(text) - len(body)),
                             languages=languages)
    if fmt == "json":
        return read_json(path, text, article_id, languages)
    return build_article(path, text, sources.metadata(path), article_id, languages=languages)


def read_article_file(path: Path, sources: FolderSources, limit: int = MAX_ARTICLE_BYTES,
                      encoding: str | None = None, languages: Collection[str] | None = None) -> Article:
    return parse_article(path, read_bytes(path, limit), FORMAT_OF_SUFFIX[path.suffix], sources, encoding,
                         languages=languages)


def read_stdin_article(limit: int, encoding: str | None = None, fmt: str | None = None,
                       languages: Collection[str] | None = None) -> Article:
    """The article piped into standard input, in the format given or the one it looks like."""
    data = read_stdin(limit)
    fmt = fmt or sniff_format(decode(data, STDIN_PATH, encoding))
    return parse_article(STDIN_PATH, data, fmt, FolderSources(), encoding, article_id=STDIN_ID, languages=languages)


def _problem(exc: CheckerError, path: Path) -> ArticleProblem:
    """The file not read, and why (the message may point elsewhere: into sources.yaml)."""
    return ArticleProblem(path=str(path), message=str(exc))


def unique_id(article_id: str, folder: Path, folder_of: dict[str, Path]) -> str | None:
    """The article's id (its file name), or, where an article of another folder has it
    (two stories' folders each holding "reuters.md"), its folder's name and file name:
    claim ids are made of article ids, so no two articles of a run may share one.
    None for two files of one folder with one name ("a.md", "a.txt")."""
    if article_id not in folder_of:
        return article_id
    if folder_of[article_id] == folder:
        return None
    qualified = f"{folder.name}/{article_id}"
    return qualified if qualified not in folder_of else None


def load_articles(paths: list[Path], max_bytes: int = MAX_ARTICLE_BYTES, *, encoding: str | None = None,
                  stdin_format: str | None = None, languages: Collection[str] | None = None
                  ) -> tuple[list[Article], list[ArticleProblem]]:
    """Every readable article under the given paths, and a problem for each file not read.
    A path `-` is standard input, read once and first; `encoding` is every article's,
    instead of the one its bytes show; `languages`, those a `lang` may name."""
    found = article_files([p for p in paths if not is_stdin(p)])
    problems = [_problem(exc, Path(exc.path or "")) for exc in found.skipped]
    articles: list[Article] = []
    folder_of: dict[str, Path] = {}  # article id -> the folder of its file

    def add(path: Path, read: Callable[[], Article]) -> None:
        try:
            article = read()
        except CheckerError as exc:
            problems.append(_problem(exc, path))
            return
        except Exception as exc:  # noqa: BLE001 - a bug met reading one file costs that file alone
            problems.append(failure(str(path), exc))
            return
        article_id = unique_id(article.id, path.parent, folder_of)
        if article_id is None:
            problems.append(_problem(InputError(f"another article has the id '{article.id}'; skipped", path),
                                     path))
            return
        folder_of[article_id] = path.parent
        articles.append(article if article_id == article.id else article.model_copy(update={"id": article_id}))

    if any(is_stdin(p) for p in paths):
        add(STDIN_PATH, lambda: read_stdin_article(max_bytes, encoding, stdin_format, languages))
    folders: dict[Path, FolderSources] = {}
    for path in found.files:
        if FORMAT_OF_SUFFIX[path.suffix] in USES_SOURCES and path.parent not in folders:
            folders[path.parent] = sources = read_sources(path.parent)
            if sources.error is not None:
                problems.append(_problem(sources.error, sources.path))
        add(path, lambda: read_article_file(path, folders.get(path.parent, FolderSources()), max_bytes, encoding,
                                            languages))
    return articles, problems
