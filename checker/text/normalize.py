"""Arabic and English matching forms.

The matching form folds what spelling varies on and meaning does not: hamza and
alef forms, taa marbuta, alef maksura, diacritics, tatweel, Persian letters,
Arabic-Indic and Persian digits, the Arabic decimal and thousands separators
(the table is rules/lexicons/common/script.yaml's `folding`), and Latin case.
A token keeps its span in the original text beside its folded form, so a match
found in folded forms is quoted verbatim.
"""

from __future__ import annotations

from functools import lru_cache

from checker.text.script import script_data


@lru_cache(maxsize=200_000)
def fold(text: str) -> str:
    """The matching form of a string (cached: the same words come back in every article)."""
    return text.translate(script_data().folding).casefold()
