"""Paragraphs and sentences, with character spans into the article text.

A sentence ends at an end mark (". ! ?", the Arabic question mark, an ellipsis:
rules/lexicons/common/script.yaml) followed by space, a closing quote or the
end of the paragraph; a full stop between digits (2.5) does not end one.
A line break always ends a sentence: news pages put headings, captions and
bylines on lines of their own. A sentence longer than MAX_SENTENCE_CHARS (text
without punctuation) is cut into pieces of at most that length, at a space
after a comma where there is one, else at a space: each piece is a sentence
of its own, so that no claim quotes a whole page.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from checker.limits import MAX_SENTENCE_CHARS
from checker.models import Sentence
from checker.text.script import script_data

_PARAGRAPH_RE = re.compile(r"[^\n]+")
# A letter or digit: exactly what str.isalnum accepts, searched for in C.
_ALNUM_RE = re.compile(r"[^\W_]")


@cache
def _end_marks() -> re.Pattern[str]:
    """Runs of end marks, found by a plain character class, which re scans for
    quickly; what may follow them is checked in Python on the few runs found."""
    return re.compile("[" + re.escape(script_data().sentence_ends) + "]+")


def split_sentences(text: str) -> list[Sentence]:
    """All non-empty sentences of a text, in order, with exact spans."""
    data = script_data()
    end_marks, closers = _end_marks(), data.closers
    sentences: list[Sentence] = []
    for paragraph_index, line in enumerate(_PARAGRAPH_RE.finditer(text)):
        line_start = line.start()
        body = line.group()
        cursor = 0
        for marks in end_marks.finditer(body):
            if not _ends_sentence(body, *marks.span(), closers) or _abbreviated(body, *marks.span(), data):
                continue
            stop = marks.end()
            while stop < len(body) and body[stop] in closers:
                stop += 1
            _append(sentences, text, line_start + cursor, line_start + stop, paragraph_index)
            cursor = stop
        _append(sentences, text, line_start + cursor, line_start + len(body), paragraph_index)
    return sentences


def _ends_sentence(body: str, start: int, end: int, closers: str) -> bool:
    """Whether the end marks at body[start:end] end a sentence.

    They do before white space or the end of the line ("2.5" goes on). Before
    a closing quote or bracket they do too, unless a single mark follows a
    digit: "(2.)" or «رقم 5.» may be a number's own point.
    """
    if end == len(body) or body[end].isspace():
        return True
    return body[end] in closers and (end - start > 1 or start == 0 or not body[start - 1].isdecimal())


# What may stand right before an abbreviation's word: the line's start, a space, an opening mark.
_OPENERS_BEFORE_WORD = "(«\"'“"
_SPACES_RE = re.compile(r"\s*")


def _letter(char: str) -> bool:
    """A letter of any script: alphanumeric, not a digit (what `[^\\W\\d_]` matches)."""
    return char.isalnum() and not char.isdecimal()


def _word_before(body: str, end: int) -> str | None:
    """The word of letters ending at body[end], standing alone (after the line's start, a
    space or an opening mark), else None. Read backwards from `end`: the cost is the
    word's length, never the paragraph's, however many full stops the paragraph holds."""
    start = end
    while start > 0 and _letter(body[start - 1]):
        start -= 1
    if start == end:
        return None
    if start > 0 and not (body[start - 1].isspace() or body[start - 1] in _OPENERS_BEFORE_WORD):
        return None
    return body[start:end]


def _abbreviated(body: str, start: int, end: int, data) -> bool:
    """A single full stop after a title ("Capt. Sumeet"), or after an abbreviation
    before a number ("Sept. 2", "No. 5"): no sentence ends there."""
    if end - start != 1 or body[start] != ".":
        return False
    word = _word_before(body, start)
    if word is None:
        return False
    if word in data.title_abbreviations:
        return True
    after = _SPACES_RE.match(body, end).end()  # the spaces after it, not a copy of the rest of the line
    return word in data.number_abbreviations and after < len(body) and body[after].isdecimal()


def _append(out: list[Sentence], text: str, start: int, end: int, paragraph: int) -> None:
    chunk = text[start:end]
    stripped = chunk.strip()
    if not stripped or not _ALNUM_RE.search(stripped):
        return
    lead = len(chunk) - len(chunk.lstrip())
    start += lead
    end = start + len(stripped)
    if end - start > MAX_SENTENCE_CHARS:
        for piece_start, piece_end in _pieces(text, start, end):
            _append(out, text, piece_start, piece_end, paragraph)
        return
    out.append(Sentence(index=len(out), paragraph=paragraph, start=start, end=end, text=stripped))


_SPACE_RE = re.compile(r"\s")


@cache
def _soft_breaks() -> re.Pattern[str]:
    """A space after a clause break (a comma, a semicolon): the best place to cut."""
    return re.compile("[" + re.escape("".join(sorted(script_data().clause_breaks))) + r"]\s")


def _cut(text: str, start: int, limit: int) -> int:
    """Where to end a piece that starts at `start` and may reach `limit`: after the
    last clause break or space in its second half, else at the limit itself (not
    before a combining mark, which belongs to the letter before it)."""
    half = start + (limit - start) // 2
    for pattern in (_soft_breaks(), _SPACE_RE):
        found = [m.end() for m in pattern.finditer(text, half, limit)]
        if found:
            return found[-1]
    cut = limit
    while cut > half and unicodedata.combining(text[cut]):
        cut -= 1
    return cut


def _pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of at most MAX_SENTENCE_CHARS covering text[start:end]."""
    pieces = []
    while end - start > MAX_SENTENCE_CHARS:
        cut = _cut(text, start, start + MAX_SENTENCE_CHARS)
        pieces.append((start, cut))
        start = cut
    pieces.append((start, end))
    return pieces
