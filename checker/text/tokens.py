"""Tokens with spans into the original text and a cached matching form.

Tokens are cut from the original text (so spans are exact for quoting) and
folded one by one; what a token's text implies (its folding, kind and script)
is cached because news vocabulary repeats. Diacritics and tatweel are kept inside word tokens: rapidfuzz's and
`re`'s notion of a word would split "عامًا" at its tanween.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from checker.text.normalize import fold
from checker.text.script import script_data

# Arabic letters with their marks and tatweel (not Arabic digits or punctuation),
# and, separately, letters of any other script: "وOrion" is two tokens.
_ARABIC_LETTERS = "\u0621-\u065f\u066e-\u06d3\u06d5-\u06ef\u06fa-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufefc"
TOKEN_RE = re.compile(
    r"(?P<num>\d+(?:[.,\u066b\u066c]\d+)*)"
    rf"|(?P<word>[{_ARABIC_LETTERS}]+|[^\W\d_{_ARABIC_LETTERS}\u0600-\u06ff]+)"
    r"|(?P<punct>\S)"
)
# The same tokens, each with the whitespace before it: findall then yields plain
# strings, and spans follow from their lengths (no match object per token).
_SPACED_TOKEN_RE = re.compile(r"(\s*)(" + re.sub(r"\(\?P<\w+>", "(?:", TOKEN_RE.pattern) + ")")
_LATIN_RE = re.compile(r"[A-Za-z]")



class Token(NamedTuple):
    """One token: its span in the article, its text, and its matching form.

    A tuple, because tokenizing builds one per word of every article.
    """

    start: int
    end: int
    text: str
    norm: str
    kind: str  # "num", "word" or "punct"
    latin: bool


_new_tuple = tuple.__new__


@lru_cache(maxsize=200_000)
def _shape(raw: str) -> tuple[str, str, str, bool]:
    """(text, norm, kind, latin) of a token's text: all depend on the text alone.

    The text returned is the first copy seen, so that tokens of one word share
    one string instead of each keeping its own.
    """
    kind = TOKEN_RE.fullmatch(raw).lastgroup or "punct"
    return raw, fold(raw), kind, kind == "word" and _LATIN_RE.match(raw) is not None


def tokenize(text: str, offset: int = 0) -> list[Token]:
    """Split text into number, word and punctuation tokens."""
    tokens = tokenize_range(text, 0, len(text))
    if offset:
        tokens = [token._replace(start=token.start + offset, end=token.end + offset) for token in tokens]
    return tokens


def tokenize_range(text: str, start: int, end: int) -> list[Token]:
    """The tokens of text[start:end], with spans into text (no slicing, no shifting)."""
    tokens: list[Token] = []
    append = tokens.append
    position = start
    # Every character that is not whitespace belongs to a token, so the
    # spaces before a token and the token itself tile the range.
    for space, raw in _SPACED_TOKEN_RE.findall(text, start, end):
        position += len(space)
        after = position + len(raw)
        # tuple.__new__ skips NamedTuple's Python-level constructor.
        append(_new_tuple(Token, (position, after) + _shape(raw)))
        position = after
    return tokens


def phrase_norms(phrase: str) -> tuple[str, ...]:
    """The matching forms of a lexicon phrase, token by token."""
    return tuple(t.norm for t in tokenize(phrase))


def is_comma(token: Token) -> bool:
    """A comma of any script (rules/lexicons/common/script.yaml)."""
    return token.norm in script_data().commas


def breaks_clause(token: Token) -> bool:
    """A comma or another mark that ends a clause (";", "؛")."""
    return token.norm in script_data().clause_breaks
