"""What the store keeps of one article, and the keys it is found by.

A record is the article without its text, the text compressed, and its
digest (the claims of a first reading, the names it introduced, its words):
all a check needs to align a draft with it without reading it again, unless
the draft brings a name the article uses. Claims are stored as JSON and
validated again on the way out: a store is a file, and files are not trusted.
"""

from __future__ import annotations

import hashlib
import json
import zlib
from typing import Any, Iterable, NamedTuple

from pydantic import TypeAdapter
from pydantic_core import to_json

from checker.align.names import NameMatcher
from checker.models import PHRASE, Article, Claim, EntityRef
from checker.parallel.compact import pack
from checker.parallel.work import Digest

CLAIMS = TypeAdapter(list[Claim])
CHECKSUM = "sum"  # the key of a record's checksum in its digest


class Record(NamedTuple):
    """One article's row: what goes into the `articles` table, and its keys."""

    meta: str
    text: bytes
    digest: bytes
    names: frozenset[str]
    blocks: frozenset[str]


def block_of(claim: Claim) -> str:
    """What a claim can align with: its predicate; for a predicate named from the text
    (a counted noun), its dimension and unit (align's own blocks)."""
    if claim.fallback:
        return f"d:{claim.value.dimension}|{claim.value.unit}"
    return f"p:{claim.predicate}"


def _refs(claim: Claim) -> Iterable[EntityRef]:
    yield claim.subject
    yield from claim.participants
    if claim.object is not None:
        yield claim.object
    if claim.value.entity is not None:
        yield claim.value.entity


def name_keys(claims: Iterable[Claim], matcher: NameMatcher) -> frozenset[str]:
    """Who the claims are about: lexicon entities by id, other names by the sound of each
    word (so that "هارتمان" in a draft finds "Hartmann" in the archive)."""
    keys: set[str] = set()
    for claim in claims:
        for ref in _refs(claim):
            if not ref.id or ref.type == PHRASE:
                continue
            if ref.lexicon:
                keys.add(f"e:{ref.id}")
            else:
                keys.update(f"s:{word}" for word in matcher.skeleton(ref.id) if len(word) >= 3)
    return frozenset(keys)


def article_names(digest: Digest, claims: Iterable[Claim], matcher: NameMatcher) -> frozenset[str]:
    """Who an article names anywhere (a toll pairs across a story, whoever its sentence
    names), and who its claims are about."""
    own = {f"e:{key[7:]}" if key.startswith("entity:") else f"s:{key[6:]}"
           for key in digest.keys if key.startswith(("entity:", "sound:"))}
    return frozenset(own | name_keys(claims, matcher))


def _checksum(meta: str, text: str, body: dict[str, Any]) -> str:
    """What a record holds, hashed: a page of the file damaged, or a claim changed by hand
    after indexing, no longer matches it (and the record is refused, not trusted)."""
    digest = hashlib.sha256(meta.encode("utf-8"))
    for part in (text, json.dumps(body, ensure_ascii=False)):
        digest.update(b"\0" + part.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def make_record(article: Article, digest: Digest, claims: list[Claim], matcher: NameMatcher) -> Record:
    body = {"claims": json.loads(to_json(claims)), "names": digest.names, "own": sorted(digest.own),
            "words": digest.words, "lang": digest.lang}
    meta = article.model_dump_json(exclude={"text"})
    body[CHECKSUM] = _checksum(meta, article.text, body)
    return Record(meta, zlib.compress(article.text.encode("utf-8")),
                  zlib.compress(json.dumps(body, ensure_ascii=False).encode("utf-8")),
                  article_names(digest, claims, matcher), frozenset(block_of(c) for c in claims))


def read_record(meta: str, text: bytes, digest: bytes) -> tuple[Article, Digest]:
    """The article (with its text) and its digest, as `first_reading` gave them. A record
    whose checksum (stores indexed before it was kept have none) does not match is damaged."""
    if not (isinstance(meta, str) and isinstance(text, bytes) and isinstance(digest, bytes)):
        raise DamagedRecord("holds a value of the wrong kind in its meta, text or digest")
    try:
        body: dict[str, Any] = json.loads(zlib.decompress(digest))
        plain = zlib.decompress(text).decode("utf-8")
        kept = body.pop(CHECKSUM, None)
        if kept is not None and kept != _checksum(meta, plain, body):
            raise DamagedRecord("no longer matches its checksum: it changed after it was indexed")
        article = Article.model_validate({**json.loads(meta), "text": plain})
        claims = CLAIMS.validate_python(body["claims"])
        names = [(tuple(norms), key, type_, display) for norms, key, type_, display in body["names"]]
        return article, Digest(body["lang"], [pack(c) for c in claims], names, frozenset(body["own"]),
                               body["words"], ())
    except (ValueError, KeyError, TypeError, zlib.error) as exc:  # pydantic's ValidationError is a ValueError
        raise DamagedRecord(str(exc).splitlines()[0]) from None


class DamagedRecord(ValueError):
    """A stored article that does not read back as one."""
