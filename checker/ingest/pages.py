"""Web pages: the story's text out of a saved page, and the page's own metadata.

The main text comes from trafilatura (docs/input.md says why it and not jusText,
readability or Resiliparse): navigation, scripts, styles, HTML comments, share
bars, related-link lists, reader comments and footers are left out, and each
block of the story (a paragraph, a heading, a list item) is a line of the text.
The text starts with the page's headline, as a saved `.txt` does, so that the
headline's claims are read as the headline's (trafilatura keeps the `<h1>` on
some pages and not on others).

Metadata read from the page (title, site name as the source, canonical URL,
publication date from meta tags, JSON-LD or `<time>`, author as the byline) are
defaults: front matter or a sources.yaml entry wins over each of them. The
language is left to detection: a page's `lang` attribute is a template's, often
wrong for the story.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from checker.errors import InputError

# Where a page says its encoding: <meta charset="...">, <meta http-equiv="Content-Type"
# content="text/html; charset=...">, or an XML declaration; looked for near the top.
_CHARSET_RE = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)"""
                         rb"""|<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""", re.I)
PRESCAN_BYTES = 4096
# A fragment (a CMS's export of the story's body: <p>s, no <html> or <body>), which
# trafilatura reads as no page at all until it is given the page around it.
_DOCUMENT_RE = re.compile(r"<(?:html|body)[\s>]", re.I)
# Page parts trafilatura may keep that carry other stories' figures or readers' words:
# comment threads, related and "read also" lists, share bars, most-read boxes, by the
# words their class or id names them with. Never the page's frame (<body>, <main>,
# <article>), whose classes can name anything ("single-post jp-relatedposts-enabled").
_NOT_STORY = ("comments", "comment-", "-comment", "related", "read-also", "readmore", "read-more", "share",
              "most-read", "mostread", "most-viewed", "newsletter", "breadcrumb")
PRUNE_XPATH = ("//*[not(self::html or self::body or self::main or self::article)][" + " or ".join(
    f"contains(@class, '{word}') or contains(@id, '{word}')" for word in _NOT_STORY) + "]")


@dataclass
class Page:
    """A page's story text and the metadata it gives itself."""

    text: str
    metadata: dict[str, Any] = field(default_factory=dict)


def declared_charset(data: bytes) -> str | None:
    """The encoding a page's bytes say they are in, if they say so near the top."""
    match = _CHARSET_RE.search(data, 0, PRESCAN_BYTES)
    if match is None:
        return None
    return (match.group(1) or match.group(2)).decode("ascii")


@cache
def _quiet_libraries() -> None:
    # Their warnings ("discarding data", a date out of range) would reach stderr
    # unasked; a page that yields no text is said once, by us.
    for name in ("trafilatura", "htmldate", "courlan", "justext"):
        logging.getLogger(name).addHandler(logging.NullHandler())
        logging.getLogger(name).propagate = False


def _words(text: str) -> str:
    return " ".join(text.casefold().split())


def _with_headline(title: str | None, body: str) -> str:
    """The body, under the title unless its first line already is the headline (a
    page's <h1> and its og:title may differ by a few words)."""
    if not title:
        return body
    first, head = _words(body.split("\n", 1)[0]), _words(title)
    shorter = min(first, head, key=len)
    if first == head or (len(shorter.split()) >= 3 and (head in first or first in head)):
        return body
    return f"{title.strip()}\n{body}"


def _extract(trafilatura: Any, html: str, prune: str | None) -> Any:
    from trafilatura.settings import set_date_params

    return trafilatura.bare_extraction(
        html, with_metadata=True, include_comments=False, include_tables=True, include_images=False,
        include_links=False, include_formatting=False, prune_xpath=prune,
        # The publication date from the page's markup only (no "extensive" search of
        # its text): a date in the story is when something happened, not when it was told.
        date_extraction_params=set_date_params(extensive=False))


def read_page(html: str, path: Path) -> Page:
    """The story of a saved web page, with the page's metadata as defaults."""
    if not html.strip():
        raise InputError("the article is empty", path)
    import trafilatura  # only a run that reads a page pays for importing it

    _quiet_libraries()
    if not _DOCUMENT_RE.search(html):
        html = f"<html><body>{html}</body></html>"
    document = _extract(trafilatura, html, PRUNE_XPATH)
    if document is None or not (document.text or "").strip():
        document = _extract(trafilatura, html, None)  # the story itself had such a class: nothing is pruned
    body = (document.text or "").strip() if document is not None else ""
    if not body:
        raise InputError("no story text found in the page (only navigation, links or scripts?); "
                         "save the article's own page, or its text as .md", path)
    metadata = {key: value for key, value in (("title", document.title), ("source", document.sitename),
                                              ("byline", document.author), ("url", document.url),
                                              ("published", document.date)) if value}
    return Page(_with_headline(document.title, body), metadata)
