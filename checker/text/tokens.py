"""Tokens with spans into the original text and a cached matching form.

Tokens are cut from the original text (so spans are exact for quoting) and
folded one by one; what a token's text implies (its folding, kind and script)
is cached because news vocabulary repeats. Diacritics and tatweel are kept inside word tokens: rapidfuzz's and
`re`'s notion of a word would split "عامًا" at its tanween.
"""

from __future__ import annotations

import re
from enum import StrEnum
from functools import cache, lru_cache
from typing import NamedTuple

from checker.text.normalize import fold
from checker.text.script import script_data


@cache
def token_pattern() -> re.Pattern[str]:
    """Numbers, words and punctuation marks (rules/lexicons/common/script.yaml).

    A word is a run of one script's letters, marks inside words included, or
    a run of other letters: "وOrion" is two tokens, "عامًا" one.
    """
    data = script_data()
    scripts = "".join(data.scripts.values())
    runs = "".join(f"[{letters}]+|" for letters in data.scripts.values())
    marks = re.escape(data.decimal_marks)
    invisible = re.escape(data.invisible) or r"\x00"
    # Inside a number: a decimal or thousands mark, invisible marks ("1\u200e500" with an
    # LRM), or a grouping space before exactly three digits ("1 500 000").
    inside = rf"(?:(?:[{invisible}]+[{marks}]?|[{marks}])[{invisible}]*\d+"
    if data.group_spaces:
        inside += rf"|[{re.escape(data.group_spaces)}]\d{{3}}(?!\d)"
    return re.compile(
        rf"(?P<num>\d+{inside})*)"
        rf"|(?P<word>{runs}[^\W\d_{scripts}]+)"
        r"|(?P<punct>\S)"
    )


@cache
def _spaced_token_pattern() -> re.Pattern[str]:
    """The same tokens, each with the white space before it: findall then yields plain
    strings, and spans follow from their lengths (no match object per token)."""
    # Invisible marks outside a number part tokens as a space does.
    space = rf"[\s{re.escape(script_data().invisible)}]*"
    return re.compile(rf"({space})(" + re.sub(r"\(\?P<\w+>", "(?:", token_pattern().pattern) + ")")


@cache
def _latin() -> re.Pattern[str]:
    return script_data().letters("latin")


class TokenKind(StrEnum):
    """What a token is: the name of the token pattern's group that matched it."""

    NUM = "num"
    WORD = "word"
    PUNCT = "punct"


class Token(NamedTuple):
    """One token: its span in the article, its text, and its matching form.

    A tuple, because tokenizing builds one per word of every article.
    """

    start: int
    end: int
    text: str
    norm: str
    kind: TokenKind
    latin: bool




@lru_cache(maxsize=200_000)
def _shape(raw: str) -> tuple[str, str, str, bool]:
    """(text, norm, kind, latin) of a token's text: all depend on the text alone.

    The text returned is the first copy seen, so that tokens of one word share
    one string instead of each keeping its own.
    """
    kind = TokenKind(token_pattern().fullmatch(raw).lastgroup or TokenKind.PUNCT)
    return raw, fold(raw), kind, kind == TokenKind.WORD and _latin().match(raw) is not None


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
    for space, raw in _spaced_token_pattern().findall(text, start, end):
        position += len(space)
        after = position + len(raw)
        append(Token(position, after, *_shape(raw)))
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
