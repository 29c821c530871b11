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
from typing import Any, Callable, Iterable, NamedTuple

from checker.memo import Memo
from checker.text.tokens import Token, phrase_norms


class Match(NamedTuple):
    """A lexicon phrase found at tokens[start:end] (a tuple: cheap to build)."""

    category: str
    start: int
    end: int
    payload: Any


# A phrase: its tokens' matching forms, its category and its payload.
Entry = tuple[tuple[str, ...], str, Any]


class PhraseIndex:
    """Every phrase of every category, indexed for longest-match lookup."""

    def __init__(self, variants: Callable[[str], tuple[str, ...]], clitics: Iterable[str] = ()) -> None:
        self._variants = variants
        self._clitics = frozenset(c for c in clitics if len(c) == 1)
        self._by_first: dict[str, list[Entry]] = defaultdict(list)
        # Per distinct token form: the phrases its forms start, in lookup order.
        self._starts: Memo[tuple[Entry, ...]] = Memo(self._starting_with)

    def add(self, category: str, phrase: str, payload: Any) -> None:
        norms = phrase_norms(phrase)
        if not norms:
            return
        bucket = self._by_first[norms[0]]
        entry = (norms, category, payload)
        if entry not in bucket:
            bucket.append(entry)
            bucket.sort(key=lambda e: -len(e[0]))
            self._starts.clear()  # any cached word may start the new phrase

    def _starting_with(self, norm: str) -> tuple[Entry, ...]:
        """The phrases a token of this form may start: each form's bucket, longest first."""
        by_first = self._by_first
        return tuple(e for form in self._variants(norm) if form in by_first for e in by_first[form])

    def _token_matches(self, wanted: str, token: Token, last: bool) -> bool:
        if token.norm == wanted:
            return True
        if last and wanted in self._clitics and token.kind == "word" and token.norm.startswith(wanted):
            return True
        return wanted in self._variants(token.norm)

    def _rest_matches(self, norms: tuple[str, ...], tokens: list[Token], i: int) -> bool:
        """Whether the phrase's tokens after the first match tokens[i + 1:]."""
        last = len(norms) - 1
        for k in range(1, last + 1):
            if not self._token_matches(norms[k], tokens[i + k], k == last):
                return False
        return True

    def matches_at(self, tokens: list[Token], i: int) -> list[Match]:
        """All phrases starting at token i (each category's longest first)."""
        found: list[Match] = []
        seen: set[tuple[str, tuple[str, ...]]] = set()
        # Most candidates fail on their second word: test it inline before the rest.
        next_forms = self._variants(tokens[i + 1].norm) if i + 1 < len(tokens) else ()
        for norms, category, payload in self._starts[tokens[i].norm]:
            end = i + len(norms)
            if end > len(tokens):
                continue
            if end > i + 1 and norms[1] not in next_forms and norms[1] not in self._clitics:
                continue
            if (category, norms) in seen:
                continue
            if self._rest_matches(norms, tokens, i):
                seen.add((category, norms))
                found.append(Match(category, i, end, payload))
        return found

    def annotate(self, tokens: list[Token]) -> dict[str, list[Match]]:
        """Every match in a token list, grouped by category, longest first per start."""
        out: dict[str, list[Match]] = defaultdict(list)
        starts = self._starts
        # A token starts a phrase only if its forms do (punctuation included).
        for i in [i for i, token in enumerate(tokens) if starts[token.norm]]:
            for match in self.matches_at(tokens, i):
                out[match.category].append(match)
        return out
