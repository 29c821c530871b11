"""One index of every lexicon phrase, matched over a token list in one pass.

Phrases are stored by the matching form of their first token. Looking a text
token up tries its own form and then its forms with attached clitics removed
("والدولارات" → "الدولارات" → "دولارات"), so lexicons list base forms only. A
phrase token that is itself a clitic (the "ل" of "وفقا ل") also matches the
start of a word, because Arabic writes "وفقًا لتقرير" as two tokens, not three.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any, Callable, Iterable

from checker.text.tokens import Token, phrase_norms


@dataclass(frozen=True, slots=True)
class Match:
    """A lexicon phrase found at tokens[start:end]."""

    category: str
    start: int
    end: int
    payload: Any


class PhraseIndex:
    """Every phrase of every category, indexed for longest-match lookup."""

    def __init__(self, variants: Callable[[str], tuple[str, ...]], clitics: Iterable[str] = ()) -> None:
        self._variants = variants
        self._clitics = frozenset(c for c in clitics if len(c) == 1)
        self._by_first: dict[str, list[tuple[tuple[str, ...], str, Any]]] = defaultdict(list)

    def add(self, category: str, phrase: str, payload: Any) -> None:
        norms = phrase_norms(phrase)
        if not norms:
            return
        bucket = self._by_first[norms[0]]
        entry = (norms, category, payload)
        if entry not in bucket:
            bucket.append(entry)
            bucket.sort(key=lambda e: -len(e[0]))

    def _token_matches(self, wanted: str, token: Token, last: bool) -> bool:
        if token.norm == wanted:
            return True
        if last and wanted in self._clitics and token.kind == "word" and token.norm.startswith(wanted):
            return True
        return wanted in self._variants(token.norm)

    def matches_at(self, tokens: list[Token], i: int) -> list[Match]:
        """All phrases starting at token i (each category's longest first)."""
        found: list[Match] = []
        seen: set[tuple[str, tuple[str, ...]]] = set()
        for form in self._variants(tokens[i].norm):
            for norms, category, payload in self._by_first.get(form, ()):
                if (category, norms) in seen:
                    continue
                end = i + len(norms)
                if end > len(tokens):
                    continue
                if all(self._token_matches(norms[k], tokens[i + k], k == len(norms) - 1)
                       for k in range(1, len(norms))):
                    seen.add((category, norms))
                    found.append(Match(category, i, end, payload))
        return found

    def annotate(self, tokens: list[Token]) -> dict[str, list[Match]]:
        """Every match in a token list, grouped by category, longest first per start."""
        out: dict[str, list[Match]] = defaultdict(list)
        for i, token in enumerate(tokens):
            if token.kind == "punct" and token.norm not in self._by_first:
                continue
            for match in self.matches_at(tokens, i):
                out[match.category].append(match)
        return out
