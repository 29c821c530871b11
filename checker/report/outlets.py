"""Outlets as reference-style links: `[Outlet][3]` in the tables, `[3]: URL` once at the end.

A report names an outlet in every row; written inline, its address (often a
long, percent-encoded one) made every row hundreds of characters wide. Each
article gets a number, the one it has in the report's list of articles, and
its address is given once, under that list. Numbers run on across the
stories of one report, so that no two articles share one. An article with no
address is named plainly; two articles of one outlet are told apart by id.
"""

from __future__ import annotations

import re
from collections import Counter
from urllib.parse import quote

from checker.models import Article
from checker.report.direction import isolate, mixes_directions
from checker.report.tables import cell

# A run of percent-escapes of bytes above ASCII: the UTF-8 of letters, shown as letters.
_ENCODED_RE = re.compile(r"(?:%[89A-Fa-f][0-9A-Fa-f])+")


def readable_url(url: str) -> str:
    """The address with its non-ASCII letters written out (an IRI), as a browser shows it.

    Only escapes of non-ASCII UTF-8 are decoded: an escaped '/', '?' or space keeps its
    meaning, and whatever does not decode to printable letters stays escaped."""
    def decode(match: re.Match[str]) -> str:
        raw = match.group(0)
        try:
            text = bytes.fromhex(raw.replace("%", "")).decode("utf-8")
        except UnicodeDecodeError:
            return raw
        return text if text.isprintable() and not any(c.isspace() for c in text) else raw
    return _ENCODED_RE.sub(decode, url.strip())


# What an address keeps as it is when its letters are escaped: its own syntax, and escapes.
_URL_SYNTAX = ":/?#[]@!$&'()*+,;=%~"


def _destination(url: str) -> str:
    """A link destination CommonMark reads whole: in angle brackets if it holds a space or a bracket.
    Its letters are written out unless they would mix writing directions on the line (an Arabic
    path after a Latin host scrambles in an editor): then they stay escaped, as sent."""
    readable = readable_url(url)
    url = quote(url.strip(), safe=_URL_SYNTAX) if mixes_directions(readable) else readable
    if re.search(r"[\s<>()]", url):
        return "<" + url.replace("<", "%3C").replace(">", "%3E") + ">"
    return url


class Outlets:
    """Each article's outlet, linked by number to its address given once at the end."""

    def __init__(self, articles: list[Article], first_number: int = 1) -> None:
        self.articles = {a.id: a for a in articles}
        self.numbers = {a.id: first_number + n for n, a in enumerate(articles)}
        shared = Counter(a.outlet for a in articles)
        self.names = {a.id: cell(a.outlet) + (f" (`{a.id}`)" if shared[a.outlet] > 1 and a.source else "")
                      for a in articles}

    def link(self, article_id: str) -> str:
        """`[Outlet][n]` for an article with an address, else its outlet's name."""
        article = self.articles.get(article_id)
        if article is None:
            return cell(article_id)
        name = isolate(self.names[article_id])  # a right-to-left name in a left-to-right row
        return f"[{name}][{self.numbers[article_id]}]" if article.url else name

    def number(self, article_id: str) -> int:
        return self.numbers[article_id]

    def definitions(self) -> list[str]:
        """The reference lines, `[n]: URL`, one an article with an address."""
        return [f"[{self.numbers[a.id]}]: {_destination(a.url)}" for a in self.articles.values() if a.url]
