"""Arabic and English matching forms.

The matching form folds what spelling varies on and meaning does not: hamza and
alef forms, taa marbuta, alef maksura, diacritics, tatweel, Persian letters,
Arabic-Indic and Persian digits, the Arabic decimal and thousands separators
(the table is rules/lexicons/common/script.yaml's `folding`), and Latin case. Folding is per character and never reorders, so `normalize`
can return a map from each folded character back to the original text, which
is what lets a match in folded text be quoted verbatim.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from checker.text.script import script_data


@lru_cache(maxsize=200_000)
def fold(text: str) -> str:
    """The matching form of a string (no offset map; cached for tokens)."""
    return text.translate(script_data().folding).casefold()


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
    table = script_data().folding
    for index, char in enumerate(text):
        folded = char.translate(table)
        if not folded:
            continue
        folded = folded.casefold()
        out.append(folded)
        offsets.extend([index] * len(folded))
    return Normalized("".join(out), tuple(offsets), len(text))
