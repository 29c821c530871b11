"""Numbers in digits and in words, with scale words and vague magnitudes.

Every number becomes an interval: "2.5 مليار" is [2.5e9, 2.5e9], "مئات
الملايين" is [200, 999] x 1e6, "تسعة أرقام" (nine figures) is [1e8, 1e9 - 1].
Which words are numbers, scales or vague plurals comes from the lexicon; the
grammar here (accumulate, multiply by a scale, join with "و"/"and") is the same
for every language.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from checker.knowledge.language import Language
from checker.text.phrases import Match
from checker.text.tokens import Token

_THOUSANDS_RE = re.compile(r"^\d{1,3}(,\d{3})+$")


@dataclass(slots=True)
class Quantity:
    """A number found at tokens[start:end], as an interval."""

    start: int
    end: int
    low: float
    high: float
    vague: bool = False
    is_year: bool = False
    # The place value of the last digit stated: 1 for "187", 0.1 for "6.7", 1e9 for
    # "14 billion", 1000 for "904,000". A figure is true to that step: "14 billion"
    # may round 6.7 billion, "187" rounds nothing.
    step: float = 1.0
    stated_range: bool = False  # given by its two ends: "between 26 and 74"

    @property
    def point(self) -> bool:
        return self.low == self.high


def parse_digits(text: str) -> float | None:
    """A folded digit string as a float: "1,250" is 1250, "2.5" and "2,5" are 2.5."""
    if _THOUSANDS_RE.match(text):
        return float(text.replace(",", ""))
    if text.count(",") == 1 and "." not in text:
        text = text.replace(",", ".")
    if text.count(".") > 1:
        return None
    try:
        return float(text.replace(",", ""))
    except ValueError:
        return None


def digit_step(text: str) -> float:
    """The place value of the last digit of a folded digit string: 0.01 for "46.10",
    1 for "230", 1000 for "904,000" and "40,000", a million for "14,000,000". Zeros
    short of a whole group of three may be a count's own digits ("100 people", "40,000"
    against "48,000"); each whole group of them marks a figure rounded to that place."""
    if not _THOUSANDS_RE.match(text) and text.count(",") == 1 and "." not in text:
        text = text.replace(",", ".")
    digits = text.replace(",", "")
    if "." in digits:
        return 10.0 ** -len(digits.rsplit(".", 1)[1])
    zeros = len(digits) - len(digits.rstrip("0"))
    if zeros == len(digits):
        return 1.0
    return 1000.0 ** (zeros // 3) if zeros < 300 else math.inf  # past a float: the figure is too


@dataclass(slots=True)
class _Group:
    """Which parts the current below-a-hundred group of number words has."""

    ones: bool = False
    ten: bool = False
    tens: bool = False

    def accepts(self, value: float, started: bool) -> bool:
        if value >= 100:
            return not started  # hundreds lead: "مئة وخمسة", not "خمسة ومئة"
        if value == 10:
            return not (self.ten or self.tens)  # "اثنا عشر" = 2 + 10
        if value >= 20:
            return not self.tens and not self.ten
        return not self.ones and not self.ten

    def add(self, value: float) -> None:
        if value >= 100:
            return
        if value == 10:
            self.ten = True
        elif value >= 20:
            self.tens = True
        else:
            self.ones = True


def _is_version_number(tokens: list[Token], i: int, lex: Language) -> bool:
    """"Orion 4", "GPT-3", "Sora 2": a number right after a capitalised word belongs to its name."""
    j = i - 1
    if j >= 0 and tokens[j].text == "-":
        j -= 1
    return j >= 0 and tokens[j].text[:1].isupper() and not lex.is_stopword(tokens[j].norm)


def _glued(tokens: list[Token], i: int, j: int) -> bool:
    """Tokens i and j (i < j) written with nothing between them."""
    return 0 <= i and j < len(tokens) and tokens[i].end == tokens[j].start


def _is_code(tokens: list[Token], i: int, lex: Language) -> bool:
    """Digits that are part of a name, a code or a clock, not a quantity: "G7", "AI171",
    "11A", "787-8", "S-300", "13:39", "5-0" (a unit after "10-15" makes it a range)."""
    before, after = i - 1, i + 1
    if _glued(tokens, before, i) and tokens[before].latin:
        return True  # "G7", "AI171"
    if _glued(tokens, i, after):
        nxt = tokens[after]
        if nxt.latin and len(nxt.text) <= 2 and not lex.lookup(lex.scales, nxt.norm) \
                and not any(m for m in lex.index.annotate([nxt]).get("unit", ())):
            return True  # "11A", "3B"
        if nxt.text == ":" and _glued(tokens, after, after + 1) and tokens[after + 1].kind == "num":
            return True  # a time of day, read as one elsewhere
        if nxt.text in ("-", "–") and _glued(tokens, after, after + 1) and tokens[after + 1].kind == "num":
            return not _unit_follows(tokens, after + 2, lex)  # "787-8", "5-0"; "10-15 years" is a range
    if _glued(tokens, before, i) and tokens[before].text in (":", "-", "–") and \
            _glued(tokens, before - 1, before) and tokens[before - 1].kind == "num":
        return tokens[before].text == ":" or not _unit_follows(tokens, after, lex)
    return False


def _unit_follows(tokens: list[Token], j: int, lex: Language) -> bool:
    return j < len(tokens) and bool(lex.index.annotate(tokens[j:j + 4]).get("unit"))


class NumberReader:
    """Reads the numbers of one token list, left to right."""

    def __init__(self, tokens: list[Token], lex: Language, vague: list[Match]) -> None:
        self.tokens = tokens
        self.lex = lex
        self.vague_at = {m.start: m for m in vague}

    def read(self) -> list[Quantity]:
        found: list[Quantity] = []
        end = 0
        for i in self._candidates():
            if i < end:
                continue  # inside the number read last
            quantity = self._read_at(i)
            if quantity is not None:
                found.append(quantity)
                end = quantity.end
        return found

    def _candidates(self) -> list[int]:
        """Where a number may start: digits, vague phrases, number, scale or article words."""
        may_start = self.lex.may_start_number
        vague_at = self.vague_at
        if vague_at:
            return [i for i, token in enumerate(self.tokens)
                    if token.kind == "num" or (token.kind == "word" and (i in vague_at or may_start(token.norm)))]
        # No punctuation mark is a number word, so its kind need not be asked.
        return [i for i, token in enumerate(self.tokens) if token.kind == "num" or may_start(token.norm)]

    def _read_at(self, i: int) -> Quantity | None:
        token = self.tokens[i]
        if token.kind == "num":
            if _is_version_number(self.tokens, i, self.lex) or _is_code(self.tokens, i, self.lex):
                return None
            value = parse_digits(token.norm)
            if value is None:
                return None
            is_year = (token.norm.isdigit() and len(token.norm) == 4 and 1900 <= value <= 2100)
            return self._finish(i, i + 1, value, is_year, digit_step(token.norm))
        if token.kind != "word":
            return None
        if i in self.vague_at:
            return self._vague(self.vague_at[i])
        if token.norm in self.lex.articles and i + 1 < len(self.tokens):
            nxt = self.tokens[i + 1].norm
            if self.lex.lookup(self.lex.scales, nxt) or self.lex.number_word(nxt):
                return self._words(i + 1, start=i)
        if self.lex.number_word(token.norm) is not None:
            return self._words(i)
        if not token.latin and self._scale_at(i) is not None:
            return self._finish(i, i, 1.0, False)  # "مليون دولار": one million
        return None

    def _words(self, i: int, start: int | None = None) -> Quantity | None:
        """A run of number words: "ثلاثة وعشرون", "twenty-three", "three hundred"."""
        total = 0.0
        current = 0.0
        group = _Group()
        j = i
        seen = False
        while j < len(self.tokens):
            norm = self.tokens[j].norm
            value = self.lex.number_word(norm)
            multiplier = self.lex.lookup(self.lex.multipliers, norm) if seen else None
            if multiplier is not None and 0 < current < multiplier:
                current *= multiplier
                group = _Group()
            elif value is not None and (not seen or self._joinable(j)) and group.accepts(value, seen):
                current += value
                group.add(value)
            else:
                break
            seen = True
            j += 1
            if j < len(self.tokens) and self.tokens[j].norm in self.lex.joiners and j + 1 < len(self.tokens) \
                    and self.lex.number_word(self.tokens[j + 1].norm) is not None:
                j += 1
        if not seen:
            return None
        value = total + current
        if value == 1 and not self._scale_at(j) and not self._unit_right_after(j):
            return None  # "one of", "الواحد": not a quantity anyone disputes; "one seat" is
        return self._finish(start if start is not None else i, j, value, False)

    def _unit_right_after(self, j: int) -> bool:
        """A unit word right after token j, or after one word that narrows it ("one
        Canadian national"): what makes "one" a count."""
        tokens = self.tokens[j:j + 3]
        units = self.lex.index.annotate(tokens).get("unit", [])
        return any(m.start == 0 or m.start == 1 and not self.lex.is_stopword(tokens[0].norm) for m in units)

    def _joinable(self, j: int) -> bool:
        prev = self.tokens[j - 1]
        return prev.kind == "word" or prev.norm in self.lex.joiners

    def _scale_at(self, j: int) -> float | None:
        if j >= len(self.tokens) or self.tokens[j].kind != "word":
            return None
        return self.lex.lookup(self.lex.scales, self.tokens[j].norm)

    def _finish(self, start: int, end: int, value: float, is_year: bool, step: float = 1.0) -> Quantity:
        """Apply following scale words ("2.5 مليار", "2.5bn") and digit counts."""
        scaled = False
        last_scale = 1.0
        while (scale := self._scale_at(end)) is not None:
            if scaled and self.tokens[end].norm not in self.lex.scales:
                break  # "خمسة آلاف ومليون": a second number joined by "و", not a product
            value *= scale
            step *= scale
            end += 1
            scaled, last_scale = True, scale
        if scaled:
            value, end, step = self._fraction(value, end, last_scale, step)
            value, end, step = self._remainder(value, end, last_scale, step)
        if not scaled and end < len(self.tokens) and self.tokens[end].norm in self.lex.digit_count \
                and value.is_integer() and 1 <= value <= 15:
            digits = int(value)
            return Quantity(start, end + 1, 10.0 ** (digits - 1), 10.0 ** digits - 1, vague=True)
        if end < len(self.tokens) and self.tokens[end].text == "-" and end + 1 < len(self.tokens) \
                and self.tokens[end + 1].norm in self.lex.digit_count and value.is_integer() \
                and value < 300:  # past a float's range, no figure
            digits = int(value)
            return Quantity(start, end + 2, 10.0 ** (digits - 1), 10.0 ** digits - 1, vague=True)
        return Quantity(start, end, value, value, is_year=is_year and not scaled, step=step)

    def _remainder(self, value: float, end: int, scale: float, step: float) -> tuple[float, int, float]:
        """"13 ألفا و500", "7 ملايين و976 ألفا": a smaller number joined on after a scale word."""
        tokens = self.tokens
        j = end
        if scale < 1000 or j + 1 >= len(tokens) or tokens[j].norm not in self.lex.joiners:
            return value, end, step
        rest = self._read_at(j + 1) if tokens[j + 1].kind == "num" or self.lex.may_start_number(tokens[j + 1].norm) \
            else None
        if rest is None or rest.low != rest.high or not scale / 1000 <= rest.low < scale:
            return value, end, step
        return value + rest.low, rest.end, rest.step

    def _fraction(self, value: float, end: int, scale: float, step: float) -> tuple[float, int, float]:
        """"مليار ونصف المليار", "مليون وربع": a fraction of the scale joined on."""
        tokens = self.tokens
        j = end
        if j < len(tokens) and tokens[j].norm in self.lex.joiners:
            j += 1  # "and a half" written apart
        elif j < len(tokens) and not any(tokens[j].norm.startswith(w) for w in self.lex.joiners):
            return value, end, step
        fraction = self.lex.lookup(self.lex.fractions, tokens[j].norm) if j < len(tokens) else None
        if fraction is None:
            return value, end, step
        j += 1
        if self._scale_at(j) == scale:
            j += 1  # "ونصف المليار": the scale said again
        return value + fraction * scale, j, min(step, fraction * scale)

    def _vague(self, match: Match) -> Quantity:
        """"مئات الملايين", "hundreds of millions", "عشرات": an interval."""
        low, high = match.payload
        end = match.end
        if end < len(self.tokens) and self.tokens[end].norm in self.lex.connectors and self._scale_at(end + 1):
            end += 1
        scale = self._scale_at(end)
        if scale is not None:
            low, high, end = low * scale, (high + 1) * scale - 1, end + 1
        return Quantity(match.start, end, low, high, vague=True)


def read_numbers(tokens: list[Token], lex: Language, vague: list[Match]) -> list[Quantity]:
    """Every number in a token list, as intervals, in order."""
    return NumberReader(tokens, lex, vague).read()
