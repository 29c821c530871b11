"""One index of every lexicon phrase, matched over a token list in one pass.

Phrases are stored by the matching form of their first token. Looking a text
token up tries its own form and then its forms with attached clitics removed
("والدولارات" → "الدولارات" → "دولارات"), so lexicons list base forms only. A
phrase token that is itself a clitic (the "ل" of "وفقا ل") also matches the
start of a word, because Arabic writes "وفقًا لتقرير" as two tokens, not three.

Most words start no phrase, so the phrases a word may start (over all its
forms) are worked out once per distinct word and kept on the index.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from typing import Any, NamedTuple, Protocol, TypeVar

from checker.memo import Memo
from checker.text.tokens import Token, TokenKind, phrase_norms


class Match(NamedTuple):
    """A lexicon phrase found at tokens[start:end] (a tuple: cheap to build)."""

    category: str
    start: int
    end: int
    payload: Any


class Spanning(Protocol):
    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


S = TypeVar("S", bound=Spanning)


def longest_apart(spans: Iterable[S]) -> list[S]:
    """The longest of overlapping spans, in text order ("was found guilty" over "found
    guilty"; "مارس 2024" one date, not a month and a year)."""
    kept: list[S] = []
    for span in sorted(spans, key=lambda s: (-(s.end - s.start), s.start)):
        if all(span.end <= k.start or k.end <= span.start for k in kept):
            kept.append(span)
    return sorted(kept, key=lambda s: s.start)


# A phrase: its tokens' matching forms, its category and its payload.
Entry = tuple[tuple[str, ...], str, Any]


def longest_first(entry: Entry) -> int:
    return -len(entry[0])


class PhraseIndex:
    """Every phrase of every category, indexed for longest-match lookup."""

    def __init__(self, variants: Callable[[str], tuple[str, ...]], clitics: Iterable[str] = ()) -> None:
        self._variants = variants
        self._clitics = frozenset(c for c in clitics if len(c) == 1)
        self._by_first: dict[str, list[Entry]] = defaultdict(list)
        self._unsorted: set[str] = set()  # first words whose phrases are not yet longest first
        # The payloads of each phrase and category, to add each once; not kept in the knowledge cache.
        self._payloads: dict[tuple[tuple[str, ...], str], list[Any]] | None = defaultdict(list)
        # Per distinct token form: the phrases its forms start, in lookup order.
        self._starts: Memo[tuple[Entry, ...]] = Memo(self._starting_with)

    def add(self, category: str, phrase: str, payload: Any) -> None:
        """Index a phrase; the same phrase, category and payload twice count once. Adding is
        constant time however many phrases share a first word (they are put longest first
        once, when a lookup first needs them)."""
        norms = phrase_norms(phrase)
        if not norms:
            return
        if self._payloads is None:  # unpickled: rebuilt from the index when first needed
            self._payloads = defaultdict(list)
            for bucket in self._by_first.values():
                for known, known_category, known_payload in bucket:
                    self._payloads[(known, known_category)].append(known_payload)
        payloads = self._payloads[(norms, category)]
        if payload in payloads:
            return
        payloads.append(payload)
        self._by_first[norms[0]].append((norms, category, payload))
        self._unsorted.add(norms[0])
        self._starts.clear()  # any cached word may start the new phrase

    def __getstate__(self) -> dict[str, Any]:
        return {**self.__dict__, "_payloads": None}

    def _bucket(self, form: str) -> list[Entry]:
        """The phrases starting with this form, longest first (in the order added among equals)."""
        bucket = self._by_first.get(form)
        if bucket is None:
            return []
        if form in self._unsorted:
            bucket.sort(key=longest_first)  # stable: as sorting after every addition did
            self._unsorted.discard(form)
        return bucket

    def _starting_with(self, norm: str) -> tuple[Entry, ...]:
        """The phrases a token of this form may start: each form's bucket, longest first.

        A phrase reached twice (the same words in one category, with another
        payload) counts once, as the first one listed.
        """
        plan: list[Entry] = []
        seen: set[tuple[str, tuple[str, ...]]] = set()
        for form in self._variants(norm):
            for entry in self._bucket(form):
                if (entry[1], entry[0]) not in seen:
                    seen.add((entry[1], entry[0]))
                    plan.append(entry)
        return tuple(plan)

    def _token_matches(self, wanted: str, token: Token, last: bool) -> bool:
        if token.norm == wanted:
            return True
        if last and wanted in self._clitics and token.kind == TokenKind.WORD and token.norm.startswith(wanted):
            return True
        return wanted in self._variants(token.norm)

    def _rest_matches(self, norms: tuple[str, ...], tokens: list[Token], i: int) -> bool:
        """Whether the phrase's tokens after the second match tokens[i + 2:]."""
        last = len(norms) - 1
        for k in range(2, last + 1):
            if not self._token_matches(norms[k], tokens[i + k], k == last):
                return False
        return True

    def annotate(self, tokens: list[Token]) -> dict[str, list[Match]]:
        """Every match in a token list, grouped by category, longest first per start."""
        out: dict[str, list[Match]] = {}
        starts, variants, clitics = self._starts, self._variants, self._clitics
        count = len(tokens)
        for i, token in enumerate(tokens):
            plan = starts[token.norm]
            if not plan:
                continue  # most words start no phrase
            second = tokens[i + 1] if i + 1 < count else None
            second_forms: tuple[str, ...] | None = None
            for norms, category, payload in plan:
                size = len(norms)
                if size > 1:
                    if i + size > count:
                        continue
                    # Most candidates fail on their second word: test it before the rest.
                    wanted = norms[1]
                    if second.norm != wanted:
                        if second_forms is None:
                            second_forms = variants(second.norm)
                        if wanted not in second_forms and not (
                                size == 2 and wanted in clitics and second.kind == TokenKind.WORD
                                and second.norm.startswith(wanted)):
                            continue
                    if size > 2 and not self._rest_matches(norms, tokens, i):
                        continue
                match = Match(category, i, i + size, payload)
                found = out.get(category)
                if found is None:
                    out[category] = [match]
                else:
                    found.append(match)
        return out
