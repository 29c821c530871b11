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
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Protocol

from checker.text.phrases import Match, PhraseIndex
from checker.text.script import script_data
from checker.text.tokens import Token, TokenKind, is_comma


class NumberWords(Protocol):
    """What reading numbers asks of a language: its number, scale and unit words, and
    the few grammatical facts around them. A compiled lexicon (`knowledge.Language`)
    is one; text/ needs no more of it, and does not import it."""

    index: PhraseIndex  # its phrases, for the units and cues next to a number
    number_word: Callable[[str], float | None]
    may_start_number: Callable[[str], bool]
    is_stopword: Callable[[str], bool]
    variants: Callable[[str], tuple[str, ...]]
    scales: dict[str, float]
    multipliers: dict[str, float]
    fractions: dict[str, float]
    counted_after: dict[str, float]
    ordinals: dict[str, int]
    duals: Mapping[str, object]
    digit_count: frozenset[str]
    joiners: frozenset[str]
    connectors: frozenset[str]
    articles: frozenset[str]
    naming_words: frozenset[str]
    one_unit_after: frozenset[str]
    rate_words: frozenset[str]
    reversed_decimal_marks: frozenset[str]
    adjective_endings: tuple[str, ...]
    adjective_starts: tuple[str, ...]

    def lookup(self, table: dict[str, float], norm: str) -> float | None: ...

    def dual_unit(self, norm: str) -> object | None: ...

    def carries_article(self, text: str) -> bool: ...


_THOUSANDS_RE = re.compile(r"^\d{1,3}(,\d{3})+$")
_DOT_GROUPS_RE = re.compile(r"^\d{1,3}(\.\d{3}){2,}$")  # "5.630.000": thousands grouped by dots
_DOT_GROUPS_COMMA_DECIMAL_RE = re.compile(r"^\d{1,3}(\.\d{3})+,\d+$")  # "1.234.567,89"
_ONE_DOT_GROUP_RE = re.compile(r"^\d{1,3}\.\d{3}$")  # "1.500": 1.5, or 1500 where dots group thousands
_SPACES = re.compile(r"\s+")
# What "a" or "لمدة" may count one of: lengths of time, distances, areas ("a decade",
# "a hundred kilometers" is a number word's); never a counted noun ("a man").
MEASURES = frozenset({"years", "months", "duration", "length", "area", "weight", "volume"})


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
    # Written "1.500" (one dot before three digits, no scale word): 1.5 as read, or
    # 1500 where the dot groups thousands, which what it counts decides.
    dot_grouped: bool = False
    share: bool = False  # a fraction said of a whole ("more than half of those affected"): a percentage

    @property
    def point(self) -> bool:
        return self.low == self.high


def _plain(text: str) -> str:
    """A folded digit string with its grouping marks settled: one "." at most, as the
    decimal point. Spaces between groups go ("1 500 000"); dots that group thousands
    ("5.630.000", "1.234.567,89") go, and a comma after them is the decimal point;
    commas that group thousands go ("1,250", "1,234.5"); a lone comma is the decimal
    point ("2,5", "81,4"). "1.500" stays 1.5 here: what its dot means depends on
    what it counts (see Quantity.dot_grouped)."""
    text = _SPACES.sub("", text)
    if _THOUSANDS_RE.match(text) or _DOT_GROUPS_RE.match(text):
        return text.replace(",", "").replace(".", "")
    if _DOT_GROUPS_COMMA_DECIMAL_RE.match(text):
        return text.replace(".", "").replace(",", ".")
    if text.count(",") == 1 and "." not in text:
        return text.replace(",", ".")
    return text.replace(",", "")


def parse_digits(text: str) -> float | None:
    """A folded digit string as a float: "1,250" is 1250, "2.5" and "2,5" are 2.5,
    "5.630.000" and "1 500 000" are thousands grouped."""
    plain = _plain(text)
    if plain.count(".") > 1:
        return None  # "1.2.3": a version or a code, not a number
    try:
        return float(plain)
    except ValueError:
        return None


def digit_step(text: str) -> float:
    """The place value of the last digit of a folded digit string: 0.01 for "46.10",
    1 for "230", 1000 for "904,000" and "40,000", a million for "14,000,000". Zeros
    short of a whole group of three may be a count's own digits ("100 people", "40,000"
    against "48,000"); each whole group of them marks a figure rounded to that place."""
    digits = _plain(text)
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


def _is_version_number(tokens: list[Token], i: int, lex: NumberWords) -> bool:
    """"Orion 4", "GPT-3", "Sora 2": a number right after a capitalised word belongs to its
    name. Not when that word is a qualifier capitalised where a sentence or a headline
    starts ("Nearly 45,000", "Another 29"), nor when what follows is a unit or a scale
    word ("Floods Kill 24 People", "Orion 2 billion"): a name is not counted."""
    j = i - 1
    if j >= 0 and tokens[j].norm == "-":
        j -= 1
    if j < 0 or not tokens[j].text[:1].isupper() or lex.is_stopword(tokens[j].norm):
        return False
    before = lex.index.annotate(tokens[max(0, j - 2):i])
    if any(m.end == i - max(0, j - 2) for m in before.get("qualifier_before", ())):
        return False
    return not _unit_follows(tokens, i + 1, lex) and not lex.lookup(lex.scales, _norm_at(tokens, i + 1))


def _norm_at(tokens: list[Token], i: int) -> str:
    return tokens[i].norm if i < len(tokens) else ""


def _glued(tokens: list[Token], i: int, j: int) -> bool:
    """Tokens i and j (i < j) written with nothing between them."""
    return 0 <= i and j < len(tokens) and tokens[i].end == tokens[j].start


def _is_code(tokens: list[Token], i: int, lex: NumberWords) -> bool:
    """Digits that are part of a name, a code or a clock, not a quantity: "G7", "AI171",
    "11A", "787-8", "S-300", "13:39", "5-0" (a unit after "10-15" makes it a range)."""
    before, after = i - 1, i + 1
    if _glued(tokens, before, i) and (tokens[before].latin or tokens[before].text in ("=", "%")):
        return True  # "G7", "AI171", "border=0" in a page's markup, "%d9%84" in an encoded address
    if before >= 0 and any(form in lex.naming_words for form in lex.variants(tokens[before].norm)):
        return True  # "type 2", "runway 23", "رقم 5": a number that names a thing
    if _glued(tokens, i, after):
        nxt = tokens[after]
        if nxt.latin and len(nxt.text) <= 2 and not lex.lookup(lex.scales, nxt.norm) \
                and not any(m for m in lex.index.annotate([nxt]).get("unit", ())):
            return True  # "11A", "3B"
        if nxt.text == ":" and _glued(tokens, after, after + 1) and tokens[after + 1].kind == TokenKind.NUM:
            return True  # a time of day, read as one elsewhere
        if nxt.norm in ("-", "–") and _glued(tokens, after, after + 1) and tokens[after + 1].kind == TokenKind.NUM:
            return not _unit_follows(tokens, after + 2, lex)  # "787-8", "5-0"; "10-15 years" is a range
    if _in_slashed_date(tokens, i):
        return True  # "09/14/2023", "2023/9/14": a date's parts
    if _glued(tokens, before, i) and tokens[before].norm in (":", "-", "–") and \
            _glued(tokens, before - 1, before) and tokens[before - 1].kind == TokenKind.NUM:
        return tokens[before].text == ":" or not _unit_follows(tokens, after, lex)
    return False


def _in_slashed_date(tokens: list[Token], i: int) -> bool:
    """Whether the number at i is one of three glued by slashes with a year at one end."""
    for first in (i - 4, i - 2, i):
        if first < 0 or first + 4 >= len(tokens):
            continue
        parts = tokens[first:first + 5]
        if [t.kind for t in parts] != [TokenKind.NUM, TokenKind.PUNCT, TokenKind.NUM, TokenKind.PUNCT, TokenKind.NUM] \
                or parts[1].text != "/" or parts[3].text != "/" \
                or not all(_glued(tokens, k, k + 1) for k in range(first, first + 4)):
            continue
        ends = (parts[0].norm, parts[4].norm)
        if any(e.isdigit() and len(e) == 4 and 1900 <= int(e) <= 2100 for e in ends):
            return True
    return False


def _sign_before(tokens: list[Token], i: int) -> int | None:
    """The sign written right before the number at i ("-2.5%", "(+4"), or None: a sign
    mark glued to the number and to no word or number before it ("10-15", "GPT-4",
    "5-0" are no signs)."""
    j = i - 1
    signs = script_data().signs
    if j < 0 or tokens[j].norm not in signs or not _glued(tokens, j, i):
        return None
    if j > 0 and _glued(tokens, j - 1, j) and tokens[j - 1].text not in script_data().openers:
        return None
    return signs[tokens[j].norm]


def counted_before(tokens: list[Token], i: int, lex: NumberWords) -> Match | None:
    """The unit a number word that follows its noun counts ("متهم واحد", "مواطن كندي
    واحد", "متهمين اثنين"): a unit ending right before it, or one word before it."""
    if not lex.counted_after or lex.lookup(lex.counted_after, tokens[i].norm) is None \
            or lex.carries_article(tokens[i].text):
        return None  # "للتر الواحد": "the one", said of the noun before it, counts nothing
    window = tokens[max(0, i - 5):i]
    for match in lex.index.annotate(window).get("unit", ()):
        gap = len(window) - match.end
        if gap == 0 or gap == 1 and _adjective(window[-1], lex):
            return match._replace(start=match.start + i - len(window), end=match.end + i - len(window))
    return None


def _adjective(token: Token, lex: NumberWords) -> bool:
    """A word shaped like an adjective of the language ("كندي", "مؤكدة")."""
    return token.kind == TokenKind.WORD and not lex.is_stopword(token.norm) and (
        token.norm.endswith(lex.adjective_endings) or token.norm.startswith(lex.adjective_starts))


def _unit_follows(tokens: list[Token], j: int, lex: NumberWords) -> bool:
    """A unit's words starting at token j ("10-15 years"; not "12-9-2023 ... victims")."""
    return j < len(tokens) and any(m.start == 0 for m in lex.index.annotate(tokens[j:j + 4]).get("unit", ()))


class NumberReader:
    """Reads the numbers of one token list, left to right."""

    def __init__(self, tokens: list[Token], lex: NumberWords, vague: list[Match]) -> None:
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
                    if token.kind == TokenKind.NUM or (token.kind == TokenKind.WORD and (i in vague_at or may_start(token.norm)))]
        # No punctuation mark is a number word, so its kind need not be asked.
        return [i for i, token in enumerate(self.tokens) if token.kind == TokenKind.NUM or may_start(token.norm)]

    def _read_at(self, i: int) -> Quantity | None:
        token = self.tokens[i]
        if token.kind == TokenKind.NUM:
            if _is_version_number(self.tokens, i, self.lex) or _is_code(self.tokens, i, self.lex) \
                    or self._note_marker(i):
                return None
            value = parse_digits(token.norm)
            if value is None:
                return None
            comma_decimal = self._comma_decimal(i)
            if comma_decimal is not None:
                value, places = comma_decimal
                return self._finish(i, i + 3, value, False, places)
            reversed_decimal = self._reversed_decimal(i)
            if reversed_decimal is not None:
                value, places = reversed_decimal
                return self._finish(i, i + 3, value, False, places)
            is_year = (token.norm.isdigit() and len(token.norm) == 4 and 1900 <= value <= 2100)
            signed = _sign_before(self.tokens, i)
            start, sign = (i - 1, signed) if signed is not None else (i, 1)
            end = i + 1
            if signed is None and self._bracketed(i):
                start, end = i - 1, i + 2  # "نحو (228) ألف موظف", "(12.345.678) ناخبا"
            quantity = self._finish(start, end, sign * value, is_year and signed is None, digit_step(token.norm))
            quantity.dot_grouped = bool(_ONE_DOT_GROUP_RE.match(token.norm)) and quantity.end == end
            return quantity
        if token.kind != TokenKind.WORD:
            return None
        if i in self.vague_at:
            return self._vague(self.vague_at[i])
        if token.norm in self.lex.articles and i + 1 < len(self.tokens):
            nxt = self.tokens[i + 1].norm
            if self.lex.lookup(self.lex.scales, nxt) or self.lex.number_word(nxt):
                return self._words(i + 1, start=i)
            if self.lex.lookup(self.lex.multipliers, nxt):
                return self._words(i + 1, start=i, one=True)  # "a hundred kilometers"
        if self.lex.number_word(token.norm) is not None:
            if i > 0 and self.tokens[i - 1].norm in self.lex.ordinals:
                return None  # "الرابع عشر": the tens of an ordinal, no number of its own
            return self._words(i)
        if not token.latin and self._scale_at(i) is not None:
            return self._finish(i, i, 1.0, False)  # "مليون دولار": one million
        fraction = self.lex.lookup(self.lex.fractions, token.norm)
        if fraction is not None:
            k = i + 1 + (i + 1 < len(self.tokens) and self.tokens[i + 1].norm in self.lex.articles)
            if self._scale_at(k) is not None:
                return self._finish(i, k, fraction, False, fraction)  # "نصف مليون", "half a million"
            if k < len(self.tokens) and any(
                    m.start == 0 and m.payload.dimension not in ("count", "percent")
                    for m in self.lex.index.annotate(self.tokens[k:k + 2]).get("unit", ())):
                return Quantity(i, k, fraction, fraction)  # "half a year": a measure's fraction
        if self.lex.duals and self.lex.dual_unit(token.norm) is not None and not self.lex.carries_article(token.text):
            # "لعامين": the number is in the unit's own word ("الشركتين", the two companies
            # already named, refers back and counts nothing new).
            return Quantity(i, i, 2.0, 2.0)
        if token.norm in self.lex.one_unit_after and self._one_of_a_measure(i):
            return Quantity(i, i + 1, 1.0, 1.0)  # "a decade", "an hour", "لمدة عام"
        return None

    def _comma_decimal(self, i: int) -> tuple[float, float] | None:
        """"19،9%", "2،2 نقطة": a comma mark glued between digits, a unit right after: a
        decimal point some pages write so (a list of numbers, "20،71،94", has no unit after)."""
        tokens = self.tokens
        if i + 3 >= len(tokens) or not is_comma(tokens[i + 1]) or tokens[i + 2].kind != TokenKind.NUM \
                or not (_glued(tokens, i, i + 1) and _glued(tokens, i + 1, i + 2)) \
                or not (_glued(tokens, i + 2, i + 3) or tokens[i + 3].kind == TokenKind.WORD):
            return None
        whole, fraction = tokens[i].norm, tokens[i + 2].norm
        if not (whole.isdigit() and fraction.isdigit() and len(fraction) <= 2):
            return None
        after = tokens[i + 3]
        if not any(m.start == 0 for m in self.lex.index.annotate(tokens[i + 3:i + 4]).get("unit", ())) and \
                (_glued(tokens, i + 2, i + 3) or after.latin or len(after.norm) < 3
                 or self.lex.number_word(after.norm) is not None):
            return None  # a measure's word after a space: "بـ 2،2 نقطة" (a list goes on: "22، 73، و90")
        return float(f"{whole}.{fraction}"), 10.0 ** -len(fraction)

    def _reversed_decimal(self, i: int) -> tuple[float, float] | None:
        """"9ر14" is 14.9 in some Arabic wire copy: the fraction, a mark, the whole, glued."""
        tokens = self.tokens
        if i + 2 >= len(tokens) or tokens[i + 1].norm not in self.lex.reversed_decimal_marks \
                or not (_glued(tokens, i, i + 1) and _glued(tokens, i + 1, i + 2)) or tokens[i + 2].kind != TokenKind.NUM:
            return None
        fraction, whole = tokens[i].norm, tokens[i + 2].norm
        if not (fraction.isdigit() and whole.isdigit()):
            return None
        return float(f"{whole}.{fraction}"), 10.0 ** -len(fraction)

    def _note_marker(self, i: int) -> bool:
        """"[2]": a number alone in note brackets marks a note or a link, and counts nothing."""
        tokens = self.tokens
        return 0 < i < len(tokens) - 1 and tokens[i - 1].text in script_data().note_openers \
            and tokens[i + 1].text in script_data().closers and _glued(tokens, i - 1, i) and _glued(tokens, i, i + 1)

    def _bracketed(self, i: int) -> bool:
        """A number alone in brackets or quotation marks, glued to them, with a scale word or
        a unit after it: "(80) مليار دولار" is 80 billion, "(12.345.678) ناخبا" voters,
        "“38” في المئة" 38 percent (a note's number, "[2] said", is no figure)."""
        tokens, marks = self.tokens, script_data()
        if not (0 < i < len(tokens) - 2 and (tokens[i - 1].text in marks.openers or tokens[i - 1].text in marks.quote_marks)
                and (tokens[i + 1].text in marks.closers or tokens[i + 1].text in marks.quote_marks)
                and _glued(tokens, i - 1, i) and _glued(tokens, i, i + 1)):
            return False
        if tokens[i - 1].text in script_data().note_openers:
            return False
        return self._scale_at(i + 2) is not None or any(
            m.start == 0 for m in self.lex.index.annotate(tokens[i + 2:i + 6]).get("unit", ()))

    def _one_of_a_measure(self, i: int) -> bool:
        """Whether the word at i, one of `one_unit_after` ("a", "لمدة"), is followed by a
        unit of measure (a length of time, a distance, an area: not a counted noun) and
        is no rate ("once a year", "$5 a day") nor a time ago ("a year ago")."""
        tokens = self.tokens
        if i + 1 >= len(tokens):
            return False
        units = [m for m in self.lex.index.annotate(tokens[i + 1:i + 5]).get("unit", ()) if m.start == 0]
        if not units or not any(m.payload.dimension in MEASURES for m in units) \
                or self.lex.carries_article(tokens[i + 1].text) or tokens[i + 1].norm in self.lex.ordinals \
                or self.lex.duals and self.lex.dual_unit(tokens[i + 1].norm) is not None:
            # "a second term": an ordinal, not a unit of time
            return False  # "حوالي الساعة 11": the hour, named; "حوالي دقيقتين": two, said by the noun
        before = tokens[i - 1] if i > 0 else None
        if before is not None and (before.kind == TokenKind.NUM or before.norm in self.lex.rate_words
                                   or self.lex.number_word(before.norm) is not None
                                   or self.lex.index.annotate([before]).get("unit")):
            return False
        after = i + 1 + max(m.end for m in units)
        if after < len(tokens) and tokens[after].kind == TokenKind.NUM:
            return False  # "عام 2024": the year's name
        return not self.lex.index.annotate(tokens[after:after + 2]).get("ago_after")

    def _words(self, i: int, start: int | None = None, one: bool = False) -> Quantity | None:
        """A run of number words: "ثلاثة وعشرون", "twenty-three", "three hundred"; with
        `one`, a run that starts at a multiplier the article before it counts once ("a hundred")."""
        total = 0.0
        current = 1.0 if one else 0.0
        group = _Group()
        j = i
        seen = one
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
        if value == 1 and not self._scale_at(j) and not self._unit_right_after(j) \
                and not (j == i + 1 and counted_before(self.tokens, i, self.lex)):
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
        return prev.kind == TokenKind.WORD or prev.norm in self.lex.joiners

    def _scale_at(self, j: int) -> float | None:
        if j >= len(self.tokens) or self.tokens[j].kind != TokenKind.WORD:
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
        elif end > start and self.tokens[end - 1].kind == TokenKind.WORD and value >= 1000:
            # "مليونين و(808) آلاف": a number word that is a scale's multiple takes its rest
            scale = 1000.0 ** int(math.log(value, 1000) + 1e-9)
            value, end, step = self._remainder(value, end, scale, step)
        if not scaled and end < len(self.tokens) and self.tokens[end].norm in self.lex.digit_count \
                and value.is_integer() and 1 <= value <= 15:
            digits = int(value)
            return Quantity(start, end + 1, 10.0 ** (digits - 1), 10.0 ** digits - 1, vague=True)
        if end < len(self.tokens) and self.tokens[end].norm == "-" and end + 1 < len(self.tokens) \
                and self.tokens[end + 1].norm in self.lex.digit_count and value.is_integer() \
                and value < 300:  # past a float's range, no figure
            digits = int(value)
            return Quantity(start, end + 2, 10.0 ** (digits - 1), 10.0 ** digits - 1, vague=True)
        return Quantity(start, end, value, value, is_year=is_year and not scaled, step=step)

    def _remainder(self, value: float, end: int, scale: float, step: float) -> tuple[float, int, float]:
        """"13 ألفا و500", "7 ملايين و976 ألفا": a smaller number joined on after a scale word."""
        tokens = self.tokens
        j = end
        if scale >= 1e6 and j + 1 < len(tokens) and tokens[j].kind == TokenKind.NUM and tokens[j].norm.isdigit():
            return self._spelled_on(value, end, scale, step)
        if scale < 1000 or j + 1 >= len(tokens) or tokens[j].norm not in self.lex.joiners:
            return value, end, step
        k = j + 2 if tokens[j + 1].text in script_data().openers and j + 2 < len(tokens) else j + 1
        rest = self._read_at(k) if tokens[k].kind == TokenKind.NUM or self.lex.may_start_number(tokens[k].norm) \
            else None  # "مليونين و(689) ألفاً": the rest may be in brackets
        if rest is None or rest.low != rest.high or not scale / 1000 <= rest.low < scale:
            return value, end, step
        return value + rest.low, rest.end, rest.step

    def _spelled_on(self, value: float, end: int, scale: float, step: float) -> tuple[float, int, float]:
        """"2 million 808 thousand 548": a number spelled scale by scale with no "and", each
        part below the last scale (its units too, after the thousands)."""
        tokens = self.tokens
        rest = self._read_at(end)
        if rest is None or rest.low != rest.high or not (1000 <= rest.low < scale) or rest.low % 1000:
            return value, end, step
        value, end, step = value + rest.low, rest.end, rest.step
        if rest.low < 1e6 and end < len(tokens) and tokens[end].kind == TokenKind.NUM and tokens[end].norm.isdigit() \
                and int(tokens[end].norm) < 1000 and self._scale_at(end + 1) is None:
            value, end, step = value + int(tokens[end].norm), end + 1, 1.0
        return value, end, step

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


def read_numbers(tokens: list[Token], lex: NumberWords, vague: list[Match]) -> list[Quantity]:
    """Every number in a token list, as intervals, in order."""
    return NumberReader(tokens, lex, vague).read()
