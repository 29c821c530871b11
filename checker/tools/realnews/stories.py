"""Real-news stories on disk: one folder per story, with gold.yaml and one .txt per article.

An article file opens with a `---` header (`source`, `url`, `date` as YYYY-MM-DD
or `unknown`, `lang`) that is not the checker's front matter. It is converted
as ../shared/tools/realnews_score.py's to_md() does (`date` becomes `published`
only when it is a full date) and read by the project's own ingest, so that
`factcheck eval --realnews` sees the articles exactly as `factcheck check` sees
the converted files, and both scorers give the same figures.
"""

from __future__ import annotations

import re
import tempfile
from dataclasses import dataclass
from fnmatch import fnmatchcase
from pathlib import Path

import yaml

from checker.errors import InputError
from checker.ingest import load_articles
from checker.models import Article
from checker.tools.realnews.gold import StoryGold, read_gold

GOLD_FILE = "gold.yaml"
HEADER_KEYS = ("source", "url", "date", "lang")
_HEADER = re.compile(r"---\n(.*?)\n---\n", re.DOTALL)
_FULL_DATE = re.compile(r"\d{4}-\d{2}-\d{2}$")


@dataclass(frozen=True)
class ArticleFile:
    """One article as stored: its header and the page text after it."""

    path: Path
    header: dict[str, str]
    body: str

    @property
    def id(self) -> str:
        return self.path.stem

    def front_matter(self) -> dict[str, str]:
        """The checker's metadata for it: source, url, lang, and the date when it is a full one."""
        meta = {"source": self.header.get("source"), "url": self.header.get("url"),
                "lang": self.header.get("lang")}
        if _FULL_DATE.match(self.header.get("date", "")):
            meta["published"] = self.header["date"]
        return meta

    def as_markdown(self) -> str:
        return "---\n" + yaml.safe_dump(self.front_matter(), allow_unicode=True) + "---\n" + self.body


@dataclass(frozen=True)
class Story:
    name: str
    folder: Path
    gold: StoryGold
    files: tuple[ArticleFile, ...]

    @property
    def langs(self) -> list[str]:
        return sorted({f.header.get("lang", "?") for f in self.files})

    @property
    def mixed(self) -> bool:
        """Articles in more than one language (reported apart: alignment must cross scripts)."""
        return len(self.langs) > 1


def read_article_file(path: Path) -> ArticleFile:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read article: {exc}", path) from None
    header = _HEADER.match(text)
    if not header:
        raise InputError("an article must open with a '---' header (source, url, date, lang) "
                         "closed by a '---' line", path, 1)
    meta: dict[str, str] = {}
    for number, line in enumerate(header.group(1).splitlines(), start=2):
        key, colon, value = line.partition(":")
        if not colon:
            raise InputError(f"a header line must be 'key: value', got {line!r}", path, number)
        meta[key.strip()] = value.strip()
    return ArticleFile(path, meta, text[header.end():])


def read_story(folder: Path) -> Story:
    gold = read_gold(folder / GOLD_FILE)
    files = tuple(read_article_file(p) for p in sorted(folder.glob("*.txt")))
    if not files:
        raise InputError("a story folder needs its articles as .txt files", folder)
    return Story(folder.name, folder, gold, files)


def find_stories(roots: list[Path], patterns: list[str] = ()) -> list[Path]:
    """The story folders under `roots`, by name; with patterns ('*-mixed'), those matching one."""
    found: dict[str, Path] = {}
    for root in roots:
        if not root.is_dir():
            raise InputError("no such folder of real-news stories", root)
        for folder in sorted(p for p in root.iterdir() if (p / GOLD_FILE).is_file()):
            if folder.name in found:
                raise InputError(f"story '{folder.name}' is also in {found[folder.name].parent}", folder)
            found[folder.name] = folder
    if not found:
        raise InputError(f"no story folders (with a {GOLD_FILE}) in " + ", ".join(map(str, roots)))
    for pattern in patterns:
        if not any(fnmatchcase(name, pattern) for name in found):
            raise InputError(f"no story matches '{pattern}'; the stories are: " + ", ".join(sorted(found)))
    return [found[name] for name in sorted(found)
            if not patterns or any(fnmatchcase(name, p) for p in patterns)]


def load_story_articles(story: Story) -> list[Article]:
    """The story's articles read by the ingest, from their converted .md form, in file order."""
    with tempfile.TemporaryDirectory(prefix="realnews-") as tmp:
        folder = Path(tmp)
        for article in story.files:
            (folder / f"{article.id}.md").write_text(article.as_markdown(), encoding="utf-8")
        articles, problems = load_articles([folder])
    if problems:
        stem = Path(problems[0].path).stem
        raise InputError(f"the ingest could not read it: {problems[0].message}", story.folder / f"{stem}.txt")
    return articles
