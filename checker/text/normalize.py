"""Arabic and English matching forms.

The matching form folds what spelling varies on and meaning does not: hamza and
alef forms, taa marbuta, alef maksura, diacritics, tatweel, Persian letters,
Arabic-Indic and Persian digits, the Arabic decimal and thousands separators,
and Latin case. Folding is per character and never reorders, so `normalize`
can return a map from each folded character back to the original text, which
is what lets a match in folded text be quoted verbatim.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

# Marks dropped entirely: harakat, superscript alef, Quranic annotation signs,
# tatweel, and invisible formatting characters that copy-paste leaves behind.
_DROPPED = (
    [chr(c) for c in range(0x064B, 0x0660)]
    + ["\u0670", "\u0640"]
    + [chr(c) for c in range(0x06D6, 0x06EE)]
    + ["\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\u061c", "\ufeff"]
)

_FOLDED = {
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا",
    "ؤ": "و", "ئ": "ي", "ة": "ه", "ى": "ي",
    "ک": "ك", "ی": "ي", "ې": "ي", "ۀ": "ه", "ە": "ه",
    "٫": ".", "٬": ",", "،": "،",
    "\u2019": "'", "\u2018": "'", "\u00a0": " ",
}
_FOLDED.update({chr(0x0660 + d): str(d) for d in range(10)})  # Arabic-Indic
_FOLDED.update({chr(0x06F0 + d): str(d) for d in range(10)})  # Persian

_TABLE = str.maketrans({**_FOLDED, **{c: None for c in _DROPPED}})


@lru_cache(maxsize=200_000)
def fold(text: str) -> str:
    """The matching form of a string (no offset map; cached for tokens)."""
    return text.translate(_TABLE).casefold()


@dataclass(frozen=True)
class Normalized:
    """Folded text plus, for each folded character, its index in the original."""

    text: str
    offsets: tuple[int, ...]
    original_length: int

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a [start, end) span of the folded text back to the original."""
        if start >= len(self.offsets):
            return self.original_length, self.original_length
        begin = self.offsets[start]
        finish = self.offsets[end - 1] + 1 if end > start else begin
        return begin, finish


def normalize(text: str) -> Normalized:
    """Fold a whole text, keeping the map back to original character offsets."""
    out: list[str] = []
    offsets: list[int] = []
    for index, char in enumerate(text):
        folded = char.translate(_TABLE)
        if not folded:
            continue
        folded = folded.casefold()
        out.append(folded)
        offsets.extend([index] * len(folded))
    return Normalized("".join(out), tuple(offsets), len(text))
