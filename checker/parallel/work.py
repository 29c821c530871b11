"""What a worker does with one article, in and out as plain data.

An article is read twice at most. The first reading gives its claims and a
digest: the names it introduced (for the other articles of its story), the
words it uses (to tell whether a name from another article can occur in it)
and keys saying what it is about (to group a flat corpus into stories). The
reading itself, tokens and all, is dropped once the article is done. Only an
article that uses the first word of a name another article introduced is
read again, with those names known: the same claims `find_known_names` gives.
"""

from __future__ import annotations

from typing import NamedTuple

from checker.align.names import NameMatcher
from checker.extract.article import claims_of, read_article
from checker.extract.context import ArticleReading
from checker.extract.entities import Gazetteer
from checker.failures import failure_message
from checker.knowledge import Knowledge
from checker.models import Article, Claim
from checker.parallel.compact import pack, unpack
from checker.pipeline import name_matcher

# A name an article introduced: (its words' matching forms, key, type, as written).
Name = tuple[tuple[str, ...], str, "str | None", str]
# Entries of a gazetteer, by the matching form of their first word.
Entries = dict[str, list[tuple[tuple[str, ...], str, "str | None"]]]


class Digest(NamedTuple):
    """What the first reading of an article leaves behind (all plain data)."""

    lang: str
    claims: list[tuple]  # packed Claims, in reading order
    names: list[Name]  # names of two words or more, in the order story_names takes them
    own: frozenset[str]  # first words of the names the article itself introduced
    words: str  # its distinct tokens' matching forms, one per line (compact, exact)
    keys: tuple[str, ...]  # what it is about: names, dated and counted facts
    published: str | None = None  # the date reading found (a dateline) where the metadata gave none
    problems: tuple[str, ...] = ()  # what reading left out and said so (ArticleReading.problems)
    failure: str | None = None  # why the article could not be read (a bug): it is left out


def failed_digest(article: Article, exc: Exception) -> Digest:
    """The digest of an article whose reading failed: no claims, and why (failures.py)."""
    return Digest(article.lang or "", [], [], frozenset(), "", (), failure=failure_message(article.path, exc))


_knowledge: Knowledge | None = None


_name_matcher: NameMatcher | None = None


def use_knowledge(knowledge: Knowledge) -> None:
    """Set the knowledge this process reads with (a pool's initializer)."""
    global _knowledge, _name_matcher
    _knowledge, _name_matcher = knowledge, None


def _matcher() -> NameMatcher:
    global _name_matcher
    if _name_matcher is None:
        assert _knowledge is not None, "use_knowledge() first"
        _name_matcher = name_matcher(_knowledge)
    return _name_matcher


def _claim_keys(claims: list[Claim]) -> set[str]:
    """Facts that recur across outlets of one story in any language: dated events,
    figures with their unit, and who holds which post."""
    keys: set[str] = set()
    for claim in claims:
        value = claim.value
        if value.kind == "date" and value.low is not None:
            keys.add(f"date:{value.low}")
        elif value.kind == "quantity" and value.low is not None and value.unit and value.low == value.high \
                and value.low >= 10 and value.dimension not in ("percent", "years"):  # 81 %: any story's
            keys.add(f"figure:{value.unit}:{value.low:g}")
        elif value.kind == "entity" and value.entity is not None and value.entity.id:
            keys.add(f"name:{value.entity.id}")
    return keys


def _digest(reading: ArticleReading, claims: list[Claim]) -> Digest:
    gazetteer = reading.gazetteer or Gazetteer()
    names = [(norms, key, type_, gazetteer.display.get(key, key))
             for entries in gazetteer.by_first.values() for norms, key, type_ in entries
             if len(norms) >= 2 and key not in reading.lex.entities]
    # Page furniture (a rights notice, a stamp) reads alike on unrelated pages of one publisher.
    words = sorted({token.norm for ctx in reading.sentences if ctx.sentence.index not in reading.furniture
                    for token in ctx.tokens})
    keys = _claim_keys(claims)
    for key in reading.display:
        # Names in no lexicon are compared by sound, not spelling: "هارتمان" and
        # "Hartmann" are one key. Lexicon names (a world body, a tech giant) are keys too, but
        # run through too many stories to group a corpus by (stories.py skips them).
        if key in reading.lex.entities:
            keys.add(f"entity:{key}")
        else:
            keys.update(f"sound:{word}" for word in _matcher().skeleton(key) if len(word) >= 3)
    published = reading.article.published.isoformat() if reading.article.published else None
    return Digest(reading.lex.lang, [pack(c) for c in claims], names, frozenset(gazetteer.by_first),
                  "\n".join(words), tuple(sorted(keys)), published, tuple(reading.problems))


def first_reading(packed: tuple) -> Digest:
    """Read an article on its own; its language detected if its metadata gives none."""
    assert _knowledge is not None, "use_knowledge() first"
    article = unpack(Article, packed)
    try:
        lex = _knowledge.language(article.lang, article.text)
        reading = read_article(article, lex)
        return _digest(reading, claims_of(reading))
    except Exception as exc:  # noqa: BLE001 - a bug in one article's reading costs it alone
        return failed_digest(article, exc)


def second_reading(task: tuple[tuple, str, Entries, dict[str, str]]) -> list[tuple] | str:
    """Read an article again knowing names other articles introduced (`entries`, with
    how each key is written), and return its packed claims (or why it failed: a bug)."""
    assert _knowledge is not None, "use_knowledge() first"
    packed, lang, entries, display = task
    article = unpack(Article, packed)
    try:
        known = Gazetteer({first: list(found) for first, found in entries.items()}, dict(display),
                          {norms for found in entries.values() for norms, _, _ in found})
        reading = read_article(article, _knowledge.language(lang), known)
        return [pack(c) for c in claims_of(reading)]
    except Exception as exc:  # noqa: BLE001 - a bug in one article's reading costs it alone
        return failure_message(article.path, exc)
