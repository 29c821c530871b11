"""Article metadata and where it was written: front matter, JSON keys, sources.yaml,
and a web page's own (title, site name, canonical URL, date), which are defaults:
front matter wins over a sources.yaml entry, and either over the page.

A bad value (a `published` that is no date) is reported at its own line and
column in the file that holds it. A folder's sources.yaml is read once; if it
cannot be read at all, its error is said once and only the folder's `.txt`
and `.html` articles, which read it, are skipped; an entry that is not a mapping costs
only its own article.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from pathlib import Path
from typing import Any, Collection

from checker.errors import InputError, RuleError
from checker.ingest.files import METADATA_FILES, read_text
from checker.ingest.jsonplaces import json_places
from checker.yamlio import MAX_YAML_BYTES, LoadedYaml, parse_yaml

KNOWN_KEYS = ("title", "source", "byline", "url", "published", "lang")
TEXT_KEYS = ("title", "source", "byline", "url")
_LANG_RE = re.compile(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*")
# Front matter: a first line "---", then YAML, then a line "---".
_FRONT_MATTER_RE = re.compile(r"\A---[ \t]*\n(.*?\n)?---[ \t]*(?:\n|\Z)", re.S)
_OPENS_FRONT_MATTER_RE = re.compile(r"\A---[ \t]*(?:\n|\Z)")


@dataclass
class Metadata:
    """Metadata values, and the YAML they came from (for positions), if any."""

    values: dict[str, Any] = field(default_factory=dict)
    doc: LoadedYaml | None = None
    prefix: tuple[Any, ...] = ()  # where the values sit in doc (an article id in sources.yaml)
    line_offset: int = 0  # front matter starts on the file's line 2
    defaults: Metadata | None = None  # asked for what these values leave out or leave empty

    def over(self, defaults: Metadata) -> Metadata:
        """These values, with `defaults` below whatever defaults they already have."""
        return replace(self, defaults=defaults if self.defaults is None else self.defaults.over(defaults))

    def merged(self) -> dict[str, Any]:
        """Every value, the first layer that gives a key (not empty) winning."""
        values = self.defaults.merged() if self.defaults is not None else {}
        for key, value in self.values.items():
            if value not in (None, "") or key not in values:
                values[key] = value
        return values

    def error(self, key: str, message: str, article: Path) -> InputError:
        if self.doc is None:
            return InputError(message, article)
        line, column = self.doc.where(self.prefix + (key,))
        return InputError(message, self.doc.path, line + self.line_offset, column)

    def check_types(self, article: Path) -> None:
        """Each known key holds what it is meant to: text (a title, an outlet's name, a
        URL), a date, a language code; a key written twice is an error too. A number, a
        list or a mapping where text is meant would be printed as Python writes it."""
        if self.doc is not None:
            for duplicated in self.doc.duplicates_under(self.prefix):
                error = self.doc.duplicate_error(duplicated, self.line_offset)
                raise InputError(error.message, self.doc.path, error.line, error.column)
        for key in TEXT_KEYS:
            value = self.values.get(key)
            if value is not None and not isinstance(value, str):
                raise self.error(key, f"{self._named(key)} must be text, got {_kind_of(value)} "
                                      f"({_shown(value)}); put it in quotes if it is meant as text", article)
        lang = self.values.get("lang")
        if lang is not None and not (isinstance(lang, str) and _LANG_RE.fullmatch(lang)):
            raise self.error("lang", f"{self._named('lang')} must be a language code such as ar or en, got "
                                     f"{_kind_of(lang) if not isinstance(lang, str) else repr(lang)}"
                                     + ("" if isinstance(lang, str) else f" ({_shown(lang)})"), article)

    def _named(self, key: str) -> str:
        return f"'{key}' of '{self.prefix[0]}'" if self.prefix else f"'{key}'"

    def language(self, known: Collection[str], article: Path) -> str | None:
        """The language its first layer to give one names (check_language)."""
        lang = self.values.get("lang")
        if lang in (None, ""):
            return self.defaults.language(known, article) if self.defaults is not None else None
        return self.check_language(str(lang), known, article)

    def check_language(self, lang: str | None, known: Collection[str], article: Path) -> str | None:
        """The language code as the checker names it ("ar" for "AR" or "ar-EG"); an error
        for one it has no lexicon for."""
        if lang is None or lang == "":
            return None
        code = re.split(r"[-_]", lang.strip().lower(), maxsplit=1)[0]
        if code in known:
            return code
        raise self.error("lang", f"{self._named('lang')}: no lexicon for the language '{lang}' (the checker reads "
                                 f"{', '.join(sorted(known))}); leave 'lang' out to have it detected", article)

    def published(self, article: Path) -> date | None:
        value = self.values.get("published")
        if value in (None, ""):
            return self.defaults.published(article) if self.defaults is not None else None
        if isinstance(value, datetime):
            return value.date()
        if isinstance(value, date):
            return value
        try:
            return date.fromisoformat(str(value)[:10])
        except ValueError:
            key = f"'published' of '{self.prefix[0]}'" if self.prefix else "'published'"
            raise self.error("published", f"{key} must be an ISO date (YYYY-MM-DD), got {value!r}",
                             article) from None


def _kind_of(value: Any) -> str:
    if isinstance(value, bool):
        return "true or false"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, (date, datetime)):
        return "a date"
    return f"a {type(value).__name__}"


def _shown(value: Any) -> str:
    """A value as its file wrote it, short: JSON, the way YAML and JSON files spell it."""
    shown = json.dumps(value, ensure_ascii=False, default=str)
    return shown if len(shown) <= 60 else shown[:57] + "..."


def _yaml_error(exc: RuleError, path: Path, what: str, line_offset: int = 0) -> InputError:
    line = exc.line + line_offset if exc.line else None
    return InputError(f"{what}{exc.message}", path, line, exc.column)


def split_front_matter(text: str, path: Path) -> tuple[Metadata, str]:
    """The front matter's metadata and the article's text after it."""
    match = _FRONT_MATTER_RE.match(text)
    if match is None:
        if _OPENS_FRONT_MATTER_RE.match(text):
            raise InputError("front matter is not closed: add a line '---' after its last key", path, 1, 1)
        return Metadata(), text
    try:
        doc = parse_yaml(match.group(1) or "", path, dates=False, duplicates=True)
    except RuleError as exc:
        raise _yaml_error(exc, path, "bad front matter: ", line_offset=1) from None
    if doc.data is not None and not isinstance(doc.data, dict):
        raise InputError("front matter must be a mapping of metadata keys", path, 2, 1)
    meta = Metadata(doc.data or {}, doc, line_offset=1)
    meta.check_types(path)
    return meta, text[match.end():]


def json_metadata(data: dict[str, Any], raw: str = "", path: Path | None = None) -> Metadata:
    """A JSON article's metadata, its keys' places known (jsonplaces.py) when its text is given."""
    doc = json_places(raw, str(path)) if raw and path is not None else None
    meta = Metadata({k: v for k, v in data.items() if k != "text"}, doc)
    meta.check_types(path or Path(""))
    return meta


@dataclass
class FolderSources:
    """A folder's sources.yaml: each article id's metadata, or why it cannot be read."""

    path: Path | None = None
    doc: LoadedYaml | None = None
    error: InputError | None = None

    def metadata(self, article: Path) -> Metadata:
        """The metadata of one plain-text article (none if the file lists it not)."""
        if self.error is not None:
            raise InputError(f"skipped: its metadata file {self.path} cannot be read", article)
        if self.doc is None or article.stem not in self.doc.data:
            return Metadata()
        for duplicated in self.doc.duplicates_under((article.stem,)):
            error = self.doc.duplicate_error(duplicated)
            raise InputError(error.message, self.path, error.line, error.column)
        entry = self.doc.data[article.stem]
        if entry is None:
            return Metadata()
        if not isinstance(entry, dict):
            line, column = self.doc.where((article.stem,))
            raise InputError(f"the entry of '{article.stem}' must be a mapping of metadata keys",
                             self.path, line, column)
        meta = Metadata(entry, self.doc, prefix=(article.stem,))
        meta.check_types(article)
        return meta


def read_sources(folder: Path) -> FolderSources:
    """The folder's sources.yaml (or .yml), read and checked once."""
    path = next((folder / name for name in METADATA_FILES if (folder / name).is_file()), None)
    if path is None:
        return FolderSources()
    try:
        doc = parse_yaml(read_text(path, MAX_YAML_BYTES), path, dates=False, duplicates=True)
    except RuleError as exc:
        return FolderSources(path, error=_yaml_error(exc, path, ""))
    except InputError as exc:
        return FolderSources(path, error=exc)
    if doc.data is None:
        return FolderSources(path)
    if not isinstance(doc.data, dict):
        return FolderSources(path, error=InputError("sources.yaml must map each article id to its metadata",
                                                    path, 1, 1))
    # Ids are file names: a key read as a number or a date (2025: ...) is still one.
    doc.data = {str(key): value for key, value in doc.data.items()}
    return FolderSources(path, doc)


def extra_values(values: dict[str, Any]) -> dict[str, Any]:
    """Keys the checker does not use, kept as plain JSON for the record."""
    extra = {k: v for k, v in values.items() if k not in KNOWN_KEYS}
    return json.loads(json.dumps(extra, default=str))
