"""Whether a claim of the checker's JSON report is a gold value, and whether two gold values differ.

These are the definitions of issue 10 as ../shared/tools/realnews_score.py
writes them; they are kept identical, down to its text normalisation, so that
both give the same figures (tests/test_realnews_eval.py compares them):

- a claim *matches* a gold value when it is from the value's article, cites it
  (its quote contains the gold quote, or lies inside it, or its value text lies
  inside the gold quote; all normalised) and, for a numeric gold value, states
  the number: a bound within 1 %, or an interval holding it;
- two gold values *differ* when their numbers differ, or, without numbers, their
  normalised texts do.

Claims are read as JSON-report dicts (version 1), the contract other tools use.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from checker.tools.realnews.gold import GoldClaim, GoldValue
from checker.yamlio import load_yaml

JsonClaim = dict[str, Any]

QUOTES_FILE = Path(__file__).with_name("quotes.yaml")
_SPACES = re.compile(r"\s+")
_GOLD_NUMBER = re.compile(r"(\d[\d,]*(?:\.\d+)?)\s*([A-Za-z]+)?")
SCALES = {"billion": 1e9, "bn": 1e9, "million": 1e6, "m": 1e6, "thousand": 1e3, "k": 1e3}
TOLERANCE = 0.01  # "states the number": within 1 % of it (or of 1, for small numbers)


@dataclass(frozen=True)
class QuoteFolding:
    """quotes.yaml: the marks dropped and the letters replaced before quotes are compared."""

    drop: re.Pattern[str]
    replace: tuple[tuple[str, str], ...]
    digits: dict[int, int]


@cache
def folding() -> QuoteFolding:
    data = load_yaml(QUOTES_FILE).data
    return QuoteFolding(drop=re.compile(f"[{data['drop']}]"), replace=tuple(data["replace"].items()),
                        digits=str.maketrans(data["digits"], "0123456789"))


def norm(text: str | None) -> str:
    """Text for comparing quotes: NFKC, then the marks and letters of quotes.yaml folded, one space."""
    fold = folding()
    text = fold.drop.sub("", unicodedata.normalize("NFKC", text or ""))
    for letter, replacement in fold.replace:
        text = text.replace(letter, replacement)
    return _SPACES.sub(" ", text).strip()


def gold_number(value: Any) -> float | None:
    """The number a gold value states, scaled ('6.7 billion USD' -> 6.7e9); None for 'Friday'."""
    if isinstance(value, (int, float)):
        return float(value)
    found = _GOLD_NUMBER.search(str(value))
    if not found:
        return None
    number = float(found.group(1).replace(",", ""))
    return number * SCALES.get((found.group(2) or "").lower(), 1.0)


def _as_float(x: Any) -> float | None:
    try:
        return float(x)
    except (TypeError, ValueError):
        return None  # a date bound, or none


def states_number(claim: JsonClaim, number: float) -> bool:
    """Whether the claim's value is the number: a bound within 1 %, or an interval around it."""
    value = claim.get("value") or {}
    low, high = _as_float(value.get("low")), _as_float(value.get("high"))
    if low is None and high is None:
        # A value without numeric bounds (a date): the number must be written in its text.
        text = str(value.get("text", "")).translate(folding().digits)
        return number == int(number) and str(int(number)) in text

    def near(x: float | None) -> bool:
        return x is not None and abs(x - number) <= TOLERANCE * max(1.0, abs(number))

    inside = low is not None and high is not None and low <= number <= high
    return near(low) or near(high) or inside


def cites(claim: JsonClaim, gold: GoldValue) -> bool:
    """Whether the claim quotes the gold value's words: either quote holds the other, or the
    gold quote holds the claim's value text."""
    tool_quote, gold_quote = norm(claim.get("quote", "")), norm(gold.quote)
    value_text = norm((claim.get("value") or {}).get("text", ""))
    return bool(gold_quote) and (gold_quote in tool_quote or bool(tool_quote) and tool_quote in gold_quote
                                 or bool(value_text) and value_text in gold_quote)


def matches(claim: JsonClaim, gold: GoldValue) -> bool:
    """A claim is a gold value when it is from its article, cites it, and states its number (if any)."""
    if claim.get("article") != gold.article or not cites(claim, gold):
        return False
    number = gold_number(gold.value)
    return number is None or states_number(claim, number)


def matched_values(claim: JsonClaim, gold: GoldClaim) -> list[int]:
    """The positions of the gold claim's values that the claim matches."""
    return [i for i, value in enumerate(gold.values) if matches(claim, value)]


def values_differ(a: GoldValue, b: GoldValue) -> bool:
    na, nb = gold_number(a.value), gold_number(b.value)
    if na is not None and nb is not None:
        return abs(na - nb) > 1e-9 * max(1.0, abs(na))
    return norm(str(a.value)) != norm(str(b.value))
