"""Quantity claims: a number, its unit, its qualifier, what it is about, and whom.

For each number of a sentence: find its unit (a currency, percent, years, or
the counted noun after it), the qualifier that turns it into an interval
("تصل إلى", "more than"), the predicate (the nearest trigger word whose
predicate takes that unit, or one the unit implies), the subject (the entity
doing or having it) and the object ("من شركة نوفا", "in Orbis Labs").
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date

from checker.extract.claims import new_claim
from checker.extract.context import ArticleReading, SentenceContext
from checker.extract.dates import day_ordinal_tokens
from checker.extract.matches import minute_numbers, score_spans
from checker.knowledge.categories import Category
from checker.knowledge.language import Language
from checker.limits import MAX_FIGURE
from checker.knowledge.ontology import COUNT, MONEY, ORG, PERSON, PredicateDef, UnitDef
from checker.models import PHRASE, Claim, EntityRef, Value
from checker.text.numbers import Quantity, counted_before, read_numbers
from checker.text.script import script_data
from checker.text.tokens import TokenKind, breaks_clause

# When several qualifiers touch a number, the most informative one wins.
QUALIFIER_PRIORITY = ["exact", "up_to", "at_most", "at_least", "more_than", "less_than",
                      "about", "estimated", "additional"]


def _money_trigger_near(ctx: SentenceContext, lex: Language, q: Quantity) -> bool:
    for match in ctx.matches(Category.TRIGGER):
        definition = lex.predicates.get(match.payload)
        if definition and definition.dimensions == (MONEY,) and 0 <= q.start - match.end <= lex.windows.money_trigger:
            return True
    return False


@dataclass
class UnitHit:
    unit: UnitDef
    start: int  # where the figure's wording starts (a symbol before the number: "$")
    end: int
    words: int | None = None  # where the unit's own words start, when they follow the number


def _shares(ctx: SentenceContext, lex: Language, quantities: list[Quantity]) -> list[Quantity]:
    """"more than half of those affected", "two-thirds of his sentence", "نصف المصابين": a
    fraction said of a whole that follows it (after "of", or joined to it where the language
    joins nouns), as a percentage; not one that is part of a number ("مليار ونصف")."""
    # A number inside the fraction's words is the fraction's ("two-thirds"), but a fraction
    # inside a number's words is the number's ("مليار ونصف").
    taken = {k for q in quantities if q.end - q.start > 1 or q.start != q.end
             for k in range(q.start + 1, q.end)}
    found = []
    for match in ctx.matches(Category.SHARE):
        if match.start in taken or match.end >= len(ctx.tokens):
            continue
        if any(lex.carries_article(form) for form in lex.variants(ctx.tokens[match.start].norm)[1:]):
            continue  # "بالربع المقارن": the quarter, named (after a clitic), no share
        nxt = ctx.tokens[match.end]
        # "نصف المصابين": joined to the whole it is of; not "الربع الأول" (a quarter, named)
        # nor "ربع السنوية" (quarterly): an ordinal or an adjective after it is no whole.
        share = ctx.tokens[match.start]
        named = lex.carries_article(share.text) or any(lex.carries_article(form) for form in lex.variants(share.norm))
        joined = lex.noun_modifiers == "after" and nxt.kind == TokenKind.WORD and lex.carries_article(nxt.text) \
            and not named and lex.lookup(lex.ordinals, nxt.norm) is None \
            and not nxt.norm.endswith(lex.adjective_endings)
        if nxt.norm in lex.connectors or joined:
            found.append(Quantity(match.start, match.end, match.payload, match.payload, share=True))
    return found


def _unit(ctx: SentenceContext, lex: Language, q: Quantity) -> UnitHit | None:
    if q.share:
        return UnitHit(lex.units["percent"], q.start, q.end) if "percent" in lex.units else None
    for match in ctx.ending_at(Category.UNIT_BEFORE, q.start):
        return UnitHit(match.payload, match.start, q.end)
    noun = counted_before(ctx.tokens, q.start, lex) if q.end - q.start == 1 else None
    if noun is not None:
        return UnitHit(noun.payload, noun.start, q.end)  # "متهم واحد": the noun comes first
    tokens = ctx.tokens
    positions = [q.end]
    if q.end < len(tokens) and (tokens[q.end].norm in lex.connectors or tokens[q.end].norm == "-"):
        positions.append(q.end + 1)
    for k in range(q.end, min(q.end + 2, len(tokens))):
        if not tokens[k].latin or lex.is_stopword(tokens[k].norm) or ctx.starting_at(Category.UNIT, k):
            break
        positions.append(k + 1)  # "four new researchers", "68 other suspected cases", "320 were injured"
    for position in positions:
        hits = ctx.starting_at(Category.UNIT, position)
        if hits:
            best = max(hits, key=lambda m: m.end)
            return UnitHit(best.payload, q.start, best.end, best.start)
    return (_counted_noun(ctx, lex, q) or _event_noun_before(ctx, lex, q) or _unit_from_trigger(ctx, lex, q)
            or _unit_of_whole(ctx, lex, q) or _unit_of_change(ctx, lex, q) or _bare_count(ctx, lex, q))


def _named_in_full(ctx: SentenceContext, hit: UnitHit) -> UnitHit:
    """A unit's word that heads a longer unit the sentence names in full stands for it:
    "116.5 مليون جنيه إسترليني ... مقسمة إلى 100 مليون جنيه" are pounds sterling both."""
    if hit.words is None:
        return hit
    tokens = ctx.tokens
    own = [t.norm for t in tokens[hit.words:hit.end]]
    for match in ctx.matches(Category.UNIT):
        unit = match.payload
        if unit.id != hit.unit.id and unit.dimension == hit.unit.dimension and match.end - match.start > len(own) \
                and [t.norm for t in tokens[match.start:match.start + len(own)]] == own:
            return UnitHit(unit, hit.start, hit.end, hit.words)
    return hit


def _event_noun_before(ctx: SentenceContext, lex: Language, q: Quantity) -> UnitHit | None:
    """"وفاة عشرة منهم", "مقتل 10 منهم": where numbers may follow their noun, a bare
    number right after a noun that names a toll of people (a unit implying its predicate)
    counts it."""
    if not lex.counted_after or q.is_year or q.low != int(q.low):
        return None
    for match in ctx.ending_at(Category.UNIT, q.start):
        if match.payload.predicate and match.payload.dimension == COUNT:
            return UnitHit(match.payload, match.start, q.end)
    return None


def _bare_count(ctx: SentenceContext, lex: Language, q: Quantity) -> UnitHit | None:
    """"The number of people killed ... has risen to 17": a bare number a growing figure
    rises to counts what that figure counts (the generic unit its predicate takes)."""
    if q.is_year or q.low != int(q.low) or not ctx.ending_at(Category.RISES_TO, q.start):
        return None
    generic = lex.ontology.generic_units()
    for match in ctx.matches(Category.TRIGGER):
        definition = lex.predicates.get(match.payload)
        unit = next((u for u in generic if definition.accepts(u)), None) if definition else None
        if unit is not None and definition.grows \
                and match.end <= q.start and q.start - match.end <= lex.windows.trigger \
                and not ctx.new_clause_between(match.end, q.start):
            return UnitHit(unit, q.start, q.end)
    return None


def _unit_of_change(ctx: SentenceContext, lex: Language, q: Quantity) -> UnitHit | None:
    """"from 30.85 to 50.3 Egyptian pounds": the figure a change started from is in the
    unit of the figure it went to."""
    if not ctx.ending_at(Category.CHANGE_FROM, q.start):
        return None
    for link in ctx.starting_at(Category.CHANGE_TO, q.end):
        after = link.end
        if after < len(ctx.tokens) and ctx.tokens[after].kind == TokenKind.NUM:
            nxt = read_numbers(ctx.tokens[after:after + 4], lex, [])
            end = after + nxt[0].end if nxt else after + 1
            hits = ctx.starting_at(Category.UNIT, end)
            if hits:
                return UnitHit(max(hits, key=lambda m: m.end).payload, q.start, q.end)
    return None


def _unit_of_whole(ctx: SentenceContext, lex: Language, q: Quantity) -> UnitHit | None:
    """"46 of the 120 seats", "48 من أصل 120 مقعدًا": the part is counted in the whole's unit."""
    for link in ctx.starting_at(Category.OUT_OF, q.end):
        whole = link.end
        if whole < len(ctx.tokens) and ctx.tokens[whole].kind == TokenKind.NUM:
            hits = ctx.starting_at(Category.UNIT, whole + 1)
            if hits:
                return UnitHit(max(hits, key=lambda m: m.end).payload, q.start, q.end)
        hits = [m for m in ctx.starting_at(Category.UNIT, whole) if m.payload.dimension == COUNT]
        if hits and not q.is_year and q.low == int(q.low):
            best = max(hits, key=lambda m: m.end)  # "14 of the deaths", "49 of the co-defendants"
            return UnitHit(best.payload, q.start, best.end, best.start)
    return None


def _unit_from_trigger(ctx: SentenceContext, lex: Language, q: Quantity) -> UnitHit | None:
    """"magnitude 6.4", "بقوة 6.2": a trigger right before a number whose
    predicate has one measured dimension gives the unit."""
    for match in ctx.ending_at(Category.TRIGGER, q.start):
        definition = lex.predicates.get(match.payload)
        if definition and len(definition.dimensions) == 1 and definition.dimensions[0] not in (COUNT, MONEY):
            unit = next((u for u in lex.units.values() if u.dimension == definition.dimensions[0]), None)
            if unit is not None:
                return UnitHit(unit, q.start, q.end)
    return None


def _elided_unit(ctx: SentenceContext, lex: Language, q: Quantity, quantities: list[Quantity]) -> UnitHit | None:
    """A bare number counted in the unit another figure of its sentence names: "22 and 7
    seats", "161 districts versus 150 for the Conservatives", "45 قتيلا و120 آخرين"."""
    if q.is_year or q.vague or q.low != int(q.low):
        return None
    if _bracketed_alone(ctx, q) and q.end + 1 < len(ctx.tokens) and ctx.tokens[q.end + 1].kind == TokenKind.WORD \
            and ctx.tokens[q.end + 1].norm not in lex.connectors and ctx.tokens[q.end + 1].norm not in lex.joiners:
        return None  # "وغطى (27) دولة، ودرس (150) حالة": the word after the brackets is what it counts
    others = [(abs(o.start - q.start), o) for o in quantities if o is not q and not o.is_year]
    for _, other in sorted(others, key=lambda item: item[0]):
        hit = _unit(ctx, lex, other)
        if hit is not None and hit.unit.dimension == COUNT and hit.unit.id != hit.unit.dimension:
            return UnitHit(hit.unit, q.start, q.end)
    return None


def _counted_noun(ctx: SentenceContext, lex: Language, q: Quantity) -> UnitHit | None:
    """A noun in no lexicon right after a whole number ("1411 قتيلا", "450 وظيفة", "(27) دولة")."""
    if q.end >= len(ctx.tokens) or q.low != int(q.low) or q.is_year:
        return None
    bracketed = _bracketed_alone(ctx, q)
    if bracketed:
        q = Quantity(q.start - 1, q.end + 1, q.low, q.high)
        if q.end >= len(ctx.tokens):
            return None
    token = ctx.tokens[q.end]
    if token.kind != TokenKind.WORD or lex.says_nothing(token.norm) or len(token.norm) < 3:
        return None  # "241 were confirmed dead": a verb, not what is counted
    if lex.has_article(token.text) or token.text[:1] in lex.attached_conjunctions and lex.has_article(token.text[1:]):
        return None  # "the counted noun" has no article ("(4) والبديل": "and the substitute" starts anew)
    if token.text[:1].isupper():
        # A capitalised word is a name, unless a plural of people after a large figure
        # ("19.2 million Canadians"); a name before the noun narrows it ("33,000 Boeing
        # machinists": the noun is the next word).
        if lex.plural_endings and token.norm.endswith(lex.plural_endings) and q.low >= 1000:
            return UnitHit(UnitDef(lex.stem(token.norm), "count", kind=PERSON), q.start, q.end + 1, q.end)
        nxt = ctx.tokens[q.end + 1] if q.end + 1 < len(ctx.tokens) else None
        if lex.noun_modifiers == "before" and nxt is not None and nxt.kind == TokenKind.WORD and nxt.text[:1].islower() \
                and nxt.norm.endswith(lex.plural_endings or ("",)) and not lex.says_nothing(nxt.norm) \
                and len(nxt.norm) >= 3 and ctx.mention_covering(q.end + 1) is None:
            return UnitHit(UnitDef(lex.stem(nxt.norm), "count"), q.start, q.end + 2, q.end + 1)
        return None
    if token.norm[:1] in lex.attached_prepositions and len(lex.variants(token.norm)) > 1:
        return None  # "لتوظيف": a preposition's object, not the counted noun
    if ctx.mention_covering(q.end) is not None:
        return None
    return UnitHit(UnitDef(lex.stem(token.norm), "count"), q.start, q.end + 1, q.end)


def _bracketed_alone(ctx: SentenceContext, q: Quantity) -> bool:
    """"(27)": a number alone between a bracket or quotation mark and its closer, glued."""
    tokens, marks = ctx.tokens, script_data()
    before, after = q.start - 1, q.end
    if before < 0 or after >= len(tokens) or q.end - q.start != 1:
        return False
    opens = tokens[before].text in marks.openers or tokens[before].text in marks.quote_marks
    closes = tokens[after].text in marks.closers or tokens[after].text in marks.quote_marks
    return opens and closes and tokens[before].text not in marks.note_openers \
        and tokens[before].end == tokens[q.start].start and tokens[q.start].end == tokens[after].start


def _qualifier(ctx: SentenceContext, lex: Language, q: Quantity, unit_end: int) -> tuple[str | None, int]:
    """The qualifier and the token where the claim's wording starts."""
    found: list[tuple[str, int]] = []
    ends = {q.start}
    if q.start > 0 and (ctx.tokens[q.start - 1].norm in lex.prefixes or ctx.tokens[q.start - 1].kind == TokenKind.PUNCT):
        ends.add(q.start - 1)
    for match in ctx.matches(Category.QUALIFIER_BEFORE):
        if match.end in ends or (match.end == q.start + 1 and match.start < q.start
                                 and ctx.tokens[q.start].kind != TokenKind.NUM):
            found.append((match.payload, match.start))
    for match in ctx.matches(Category.QUALIFIER_AFTER):
        if match.start in (unit_end, q.end):
            found.append((match.payload, q.start))
    if not found:
        return None, q.start
    found.sort(key=lambda f: QUALIFIER_PRIORITY.index(f[0]))
    return found[0][0], min(f[1] for f in found)


def _component(ctx: SentenceContext, q: Quantity, wording_start: int, unit_end: int) -> str | None:
    """Which part of a sum a figure is: an `addition` right after "plus" or beside an
    add-on word ("16 مليون إسترليني في شكل مكافآت"), the `base` right before "plus" or
    beside a base word ("دفعة أولية قدرها", "117.5 مليون يورو تدفع مقدما"); else None."""
    window = 2

    def before(category: str) -> bool:
        return any(wording_start - window <= m.end <= wording_start for m in ctx.matches(category))

    def after(category: str) -> bool:
        return any(unit_end <= m.start <= unit_end + window and not ctx.breaks_between(unit_end, m.start)
                   for m in ctx.matches(category))

    # An add-on word counts after the figure only: "مكافآت تصل إلى 100 مليون" are bonuses, not a part.
    if before(Category.SUM_PLUS) or after(Category.SUM_ADDITION):
        return "addition"
    if before(Category.SUM_BASE) or after(Category.SUM_BASE):
        return "base"
    for match in ctx.matches(Category.SUM_PLUS):
        if unit_end <= match.start <= unit_end + window and not ctx.breaks_between(unit_end, match.start) \
                and any(t.kind == TokenKind.NUM or ctx.lex.number_word(t.norm) is not None
                        for t in ctx.tokens[match.end:match.end + 3]):
            return "base"
    return None


def _converted(ctx: SentenceContext, previous: Claim | None, previous_end: int, hit: UnitHit, start: int) -> bool:
    """"136.3 مليون يورو (156.75 مليون دولار)", "700 مليون يورو، أي ما يعادل 796 مليون
    دولار": the amount just given, in another unit: the outlet's own conversion."""
    if previous is None or previous.value.dimension != hit.unit.dimension or previous.value.unit == hit.unit.id:
        return False
    if previous_end == hit.start - 1 and ctx.tokens[hit.start - 1].text in script_data().openers:
        return True
    cues = [m for m in ctx.ending_at(Category.CONVERSION_CUES, start)]
    return bool(cues) and previous_end <= cues[0].start and cues[0].start - previous_end <= 2


def _falls(ctx: SentenceContext, lex: Language, predicate: str, q: Quantity) -> bool:
    """A change either way (a `signed` predicate) stated after a word of falling in its
    clause ("inflation fell 2.5%", "تراجع بنسبة 3%"), not after "to" ("fell to 2.5%" is
    where it stands): the figure is a fall. A sign written on it says so already."""
    definition = lex.predicates.get(predicate)
    if definition is None or not definition.signed or q.low < 0 or (q.high is not None and q.high < 0):
        return False
    for match in ctx.matches(Category.OUTCOME):
        if match.payload != ("direction", "down") or not 0 <= q.start - match.end <= lex.windows.trigger:
            continue
        if ctx.new_clause_between(match.end, q.start) or any(
                match.end <= m.start < q.start for m in ctx.matches(Category.RISES_TO) + ctx.matches(Category.CHANGE_TO)):
            continue
        return True
    return False


def _counts_a_noun(ctx: SentenceContext, q: Quantity) -> bool:
    """A figure that looks like a year counts what follows it: a counted noun of the
    lexicon right after it, and no word before it that names a year ("in", "عام")."""
    if ctx.ending_at(Category.YEAR_CUE, q.start) or q.start > 0 and ctx.tokens[q.start - 1].kind == TokenKind.NUM:
        return False
    return any(m.payload.dimension == COUNT for m in ctx.starting_at(Category.UNIT, q.end))


def _day_of_a_date(ctx: SentenceContext, q: Quantity) -> bool:
    """"September 7", "Sept. 2", "7 September", "between September 1 and 3": the day of a
    date (or the days of a span), no quantity."""
    if q.stated_range and q.low == int(q.low) and 1 <= q.low and q.high <= 31:
        return bool(ctx.ending_at(Category.MONTH, q.start))
    if not q.point or q.low != int(q.low) or not 1 <= q.low <= 31 or q.end - q.start != 1:
        return False
    before = q.start - 1
    if before >= 0 and ctx.tokens[before].text == ".":
        before -= 1
    return bool(ctx.ending_at(Category.MONTH, before + 1) or ctx.starting_at(Category.MONTH, q.end))


def _joined_ranges(ctx: SentenceContext, lex: Language, quantities: list[Quantity]) -> list[Quantity]:
    """Two numbers that are the ends of one range become one quantity: "بين 26 و74",
    "ranging from 20 to 25%", "10-15 years" (a hyphen between them needs no cue)."""
    out: list[Quantity] = []
    n = 0
    while n < len(quantities):
        first = quantities[n]
        second = quantities[n + 1] if n + 1 < len(quantities) else None
        if second is not None and not first.is_year and not second.is_year and first.point and second.point \
                and first.low < second.low and _range_between(ctx, lex, first, second):
            out.append(Quantity(first.start, second.end, first.low, second.high, step=min(first.step, second.step),
                                stated_range=True))
            n += 2
            continue
        out.append(first)
        n += 1
    return out


def _range_between(ctx: SentenceContext, lex: Language, first: Quantity, second: Quantity) -> bool:
    tokens = ctx.tokens
    gap = first.end
    units = ctx.starting_at(Category.UNIT, gap)
    if units:
        gap = max(m.end for m in units)  # "between 26 years and 74 years"
    if second.start != gap + 1:
        return False
    join = tokens[gap]
    if join.norm in ("-", "–") and tokens[first.end - 1].end == join.start:
        return True  # "10-15", "26–74"
    if join.norm not in lex.range_joins:
        return False
    window = lex.windows.range_cue
    if any(first.start - window <= m.end <= first.start and not ctx.breaks_between(m.end, first.start)
           for m in ctx.matches(Category.RANGE_CUES)):
        return True
    # "10 to 18 years", "100 to 200 km": two bare figures joined, the unit after the second,
    # and no "from" before the first (that is a change: "rose from 10 to 18").
    return gap == first.end and bool(ctx.starting_at(Category.UNIT, second.end)) \
        and not ctx.ending_at(Category.CHANGE_FROM, first.start) and join.norm in lex.bare_range_joins


def _modifiers(ctx: SentenceContext, lex: Language, q: Quantity, hit: UnitHit) -> list[str]:
    """The stems of the words that narrow a counted noun: between the number and the noun
    where the language puts adjectives first ("68 suspected cases"), the word right after
    the noun where it puts them after ("169 مواطنًا هنديًا")."""
    if hit.unit.dimension != COUNT:
        return []
    if lex.noun_modifiers == "before":
        positions = range(q.end, hit.words) if hit.words is not None else range(0)
    elif lex.noun_modifiers == "after" and hit.end > q.end:
        positions = range(hit.end, hit.end + 1)
        after = ctx.tokens[hit.end].norm if hit.end < len(ctx.tokens) else ""
        if not (after.endswith(lex.adjective_endings) or after.startswith(lex.adjective_starts)):
            return []  # "244 شخصًا تحطمت": a verb, not an adjective
    else:
        return []
    stems: list[str] = []
    for k in positions:
        if k >= len(ctx.tokens):
            break
        token = ctx.tokens[k]
        # Between a number and its noun, "confirmed" is an adjective, not a verb of saying.
        if token.kind != TokenKind.WORD or lex.is_stopword(token.norm) or ctx.starting_at(Category.TRIGGER, k) \
                or ctx.starting_at(Category.UNIT, k) or token.norm[:1] in lex.attached_conjunctions \
                and len(lex.variants(token.norm)) > 1:
            break
        stems.append(lex.stem(token.norm))
    return stems


def _earlier(ctx: SentenceContext, q: Quantity, unit_end: int) -> bool:
    """Whether a figure is the one a change started from: "بدلًا من 19 جنيهًا", "15.25
    جنيه سابقًا", "up from 4.2%", the first of "from 15.50 to 17.50", or a figure of an
    earlier stage named in its clause ("أحكام في الطور الابتدائي", "at first instance")."""
    if ctx.ending_at(Category.EARLIER_BEFORE, q.start) or ctx.starting_at(Category.EARLIER_AFTER, unit_end):
        return True
    window = ctx.lex.windows.forecast
    for match in ctx.matches(Category.EARLIER_CLAUSE):
        low, high = (match.end, q.start) if match.start < q.start else (unit_end, match.start)
        if high - low <= window and not ctx.breaks_between(low, high):
            return True
    if not ctx.ending_at(Category.CHANGE_FROM, q.start):
        return False
    after_to = max((m.end for m in ctx.starting_at(Category.CHANGE_TO, unit_end)), default=None)
    return after_to is not None and after_to < len(ctx.tokens) and (
        ctx.tokens[after_to].kind == TokenKind.NUM or bool(ctx.starting_at(Category.UNIT_BEFORE, after_to)))


def _interval(q: Quantity, qualifier: str | None) -> tuple[float | None, float | None, tuple[float, float] | None]:
    if qualifier == "up_to":
        return 0.0, q.high, (q.low, q.high)
    if qualifier == "at_most":
        return 0.0, q.high, None
    if qualifier == "less_than":
        return 0.0, q.low, None
    if qualifier in ("more_than", "at_least"):
        return q.low, None, None
    return q.low, q.high, None


def _appositive(ctx: SentenceContext, lex: Language, q: Quantity, unit: UnitHit | None) -> PredicateDef | None:
    """The predicate of a figure set beside its person (see `appositive` in the ontology):
    its trigger right before or after the number ("aged 28", "28 years old"), or a bare
    number in apposition to a name ("X, 28,", "X (28)")."""
    candidates = [p for p in lex.ontology.appositive_predicates() if unit is None or p.accepts(unit.unit)]
    if not candidates:
        return None
    unit_end = unit.end if unit else q.end
    for match in ctx.matches(Category.TRIGGER):
        found = next((p for p in candidates if p.id == match.payload), None)
        if found is None:
            continue
        if q.start - lex.windows.appositive_trigger <= match.end <= q.start and \
                not any(t.kind == TokenKind.NUM for t in ctx.tokens[match.end:q.start]):
            return found  # a trigger with its own number ("سنة 2025، ... من 1.633.000") is not this one's
        if q.end <= match.start <= unit_end:
            return found
    return candidates[0] if _beside_a_name(ctx, q, unit_end) else None


def _beside_a_name(ctx: SentenceContext, q: Quantity, unit_end: int) -> bool:
    """"X, 28," or "X (28)": a number set off right after a name that is no organisation's."""
    tokens = ctx.tokens
    before = q.start - 1
    if before >= 2 and ctx.lex.is_stopword(tokens[before].norm) and breaks_clause(tokens[before - 1]):
        before -= 1  # "Mayulu, also 19,"
    after_ok = unit_end >= len(tokens) or breaks_clause(tokens[unit_end]) or tokens[unit_end].text in ")(" \
        or tokens[unit_end].text in script_data().sentence_ends  # "... and Youcef Aouchiche, 41."
    if before >= 1 and breaks_clause(tokens[before]) and after_ok:
        mention = next((m for m in ctx.mentions if m.end == before), None)
        if mention is not None and mention.type != ORG:
            return True
    if before >= 0 and tokens[before].text == "(" and after_ok:
        return any(m.end == before for m in ctx.mentions)
    return False


def _predicate(ctx: SentenceContext, lex: Language, q: Quantity, unit: UnitDef, unit_end: int,
               unit_start: int | None = None):
    """The nearest trigger whose predicate takes this unit, else one the unit implies.

    A trigger right beside the number and unit outranks one that is the unit
    word itself: "4.9 magnitude aftershock" is about the aftershock; so does one
    that holds the unit word and more ("700 new cases", "640 إصابة جديدة").
    """
    implied = unit.predicate if unit.predicate and unit.predicate in lex.predicates else None
    # "241 of the 242 people on board": what follows the whole is said of the whole.
    part = bool(ctx.starting_at(Category.OUT_OF, q.end))
    qualifiers = [m for category in (Category.QUALIFIER_BEFORE, Category.QUALIFIER_AFTER) for m in ctx.matches(category)]
    candidates = []  # (distance, inside the unit, match)
    for match in ctx.matches(Category.TRIGGER):
        definition = lex.predicates.get(match.payload)
        if definition is None or not definition.accepts(unit):
            continue
        if any(m.start <= match.start and match.end <= m.end for m in qualifiers):
            continue  # "ما لا يقل عن 44" (at least 44): the qualifier's verb is no trigger
        inside = q.start <= match.start < unit_end
        if match.end <= q.start:
            if ctx.new_clause_between(match.end, q.start):
                continue  # "100 remain unaccounted for, while 79 were injured": another clause's trigger
            distance = q.start - match.end
        elif match.start >= unit_end:
            if part or ctx.new_clause_between(unit_end, match.start):
                continue  # "to 4.75 percent after inflation hit ...": another clause's trigger
            if match.end < len(ctx.tokens) and ctx.tokens[match.end].kind == TokenKind.NUM:
                continue  # "48 مقعدًا من أصل 120": the trigger is the next number's
            distance = match.start - unit_end + 2
            if unit.dimension == COUNT and unit.id not in lex.units and distance > 2:
                continue  # "began with 24 teams ... and plenty of goals": a noun no lexicon knows
                # names what it counts itself; a trigger further on is another figure's
        else:
            distance = 0
        if distance <= lex.windows.trigger:
            candidates.append((distance, inside, match))
    word = unit_start if unit_start is not None else q.end
    wider = [c for c in candidates if c[1] and (c[2].end > unit_end or c[2].start < word)]
    # "260 قتيلا ونجاة واحد": a trigger that opens a coordinated phrase is the next figure's.
    beside = [c for c in candidates if not c[1] and c[0] <= 2 and not _coordinated(ctx, lex, c[2], unit_end)] + wider
    if implied and not [c for c in beside if c[2].start >= unit_end or c[0] == 0]:
        # "14 people were killed and 22 injured": the unit word says what 22 is,
        # whatever verb came before it; a trigger right against the number ("of
        # the 120 seats") or after the unit ("4.9 magnitude aftershock") outranks it.
        return implied, None
    if beside or candidates:
        best = min(beside or candidates, key=lambda c: c[0])[2]
        return best.payload, best
    return None, None


def _coordinated(ctx: SentenceContext, lex: Language, match, unit_end: int) -> bool:
    """Whether a trigger after a figure opens a phrase coordinated with it ("and", "و" written onto the word)."""
    if match.start < unit_end:
        return False
    first = ctx.tokens[match.start].norm
    before = ctx.tokens[match.start - 1] if match.start > unit_end else None
    # The words that join numbers ("and", "و") are the language's conjunctions.
    return (before is not None and before.kind == TokenKind.WORD and before.norm in lex.joiners) or any(
        first.startswith(c) and len(first) > len(c) + 2 for c in lex.attached_conjunctions)


def _fallback_predicate(ctx: SentenceContext, lex: Language, q: Quantity, hit: UnitHit,
                        start: int) -> tuple[str, str]:
    """No trigger: name the predicate by what is counted, or by the nearest content word
    before the number: an id ("count:قتيل", "money:صفق") and the words as written, for the report."""
    text = ctx.sentence.text
    offset = ctx.sentence.start
    unit = hit.unit
    if unit.dimension == COUNT:
        first = q.end
        while first < hit.end - 1 and lex.says_nothing(ctx.tokens[first].norm):
            first += 1  # "30 were children": the label is "children"
        return f"{COUNT}:{unit.id}", text[ctx.tokens[first].start - offset:ctx.tokens[hit.end - 1].end - offset] \
            if hit.end > q.end else unit.id
    j = start - 1
    while j >= 0 and start - j <= lex.windows.fallback_word:
        token = ctx.tokens[j]
        if token.kind == TokenKind.WORD and not lex.is_stopword(token.norm) and ctx.mention_covering(j) is None:
            return f"{unit.dimension}:{lex.stem(token.norm)}", token.text
        j -= 1
    return unit.dimension, ""


def _object(ctx: SentenceContext, text: str, lex: Language, unit_end: int) -> EntityRef | None:
    """"خمسة مهندسين من شركة نوفا", "in Orbis Labs": what the quantity is from or in."""
    tokens = ctx.tokens
    j = unit_end
    while j < len(tokens) and j - unit_end < lex.windows.object and not breaks_clause(tokens[j]):
        if tokens[j].norm in lex.object_prepositions:
            if ctx.starting_at(Category.TRIGGER, j) or ctx.starting_at(Category.TRIGGER, j + 1):
                return None  # "120 شخصًا في عداد المفقودين": what they are, not where
            for mention in ctx.mentions:
                if j < mention.start <= j + 2:
                    return EntityRef(id=mention.key, text=mention.text, type=mention.type,
                                     lexicon=mention.lexicon_id is not None)
            words = [t for t in tokens[j + 1:j + 3] if t.kind == TokenKind.WORD and not lex.is_stopword(t.norm)]
            if words:
                return EntityRef(id=" ".join(lex.stem(t.norm) for t in words),
                                 text=text[words[0].start:words[-1].end], type=PHRASE)
            return None
        j += 1
    return None


def _subject(reading: ArticleReading, ctx: SentenceContext, q: Quantity, predicate: str,
             trigger, skip: range) -> EntityRef | None:
    mentions = [m for m in ctx.mentions if m.start not in skip]
    definition = reading.lex.predicates.get(predicate)
    if definition is not None and definition.about == PERSON and not definition.appositive:
        # "Martin Okafor, who has led the company for eight years": the name last
        # before it that is no company's, whatever company the sentence names.
        people = [m for m in mentions if m.end <= q.start and reading.type_of(m) != ORG]
        if people:
            return reading.mention_ref(people[-1])
    if definition is not None and definition.appositive:
        described = _described(reading, ctx, skip.stop)
        if described is not None:
            return described
        # "عمره 31 عامًا" (his age): the person named last, in this sentence or before it.
        before = [m for m in mentions if m.end <= q.start and m.type != ORG]
        pronoun = trigger is not None and any(
            ctx.tokens[k].norm.endswith(reading.lex.pronoun_suffixes) for k in range(trigger.start, trigger.end)) \
            if reading.lex.pronoun_suffixes else False
        if before and not pronoun:
            return reading.mention_ref(before[-1])
        person = reading.last_person_before(ctx.sentence.index, q.start)
        return reading.mention_ref(person) if person else (reading.mention_ref(before[-1]) if before else None)
    anchor = trigger.start if trigger is not None else q.start
    between = [m for m in mentions if anchor <= m.start < q.start]
    before = [m for m in mentions if m.end <= anchor]
    anaphora = [m for m in ctx.matches(Category.ORG_ANAPHORA) if m.start < q.start]
    if reading.topic_org and anaphora and not between and \
            (not before or anaphora[-1].start >= before[-1].end):
        return reading.topic_org  # "وظّفت الشركة": the company the article is about
    if between:
        return reading.mention_ref(between[0])
    if before:
        return reading.mention_ref(before[-1])
    if ctx.matches(Category.ORG_ANAPHORA) and reading.topic_org:
        return reading.topic_org
    return reading.topic_org or reading.topic


def _described(reading: ArticleReading, ctx: SentenceContext, end: int) -> EntityRef | None:
    """Whom an age written as an adjective describes, where a language puts adjectives
    first: "a 37-year-old firefighter", "the 40-year-old Vishwash Kumar Ramesh"."""
    lex = reading.lex
    if lex.noun_modifiers != "before" or end >= len(ctx.tokens) or ctx.breaks_between(end - 1, end + 1):
        return None
    mention = ctx.mention_at(end)
    if mention is not None:
        return reading.mention_ref(mention)
    stop = end
    while stop < len(ctx.tokens) and stop - end < 3 and ctx.tokens[stop].kind == TokenKind.WORD \
            and not lex.says_nothing(ctx.tokens[stop].norm) and not ctx.starting_at(Category.TRIGGER, stop) \
            and ctx.mention_covering(stop) is None:
        stop += 1
    if stop == end:
        return None
    words = ctx.text_of(reading.article.text, end, stop)
    stems = " ".join(sorted({lex.stem(token.norm) for token in ctx.tokens[end:stop]}))
    return EntityRef(id=f"{PHRASE}:{stems}", text=words, type=PHRASE)


def _participants(reading: ArticleReading, ctx: SentenceContext, subject: EntityRef | None) -> list[EntityRef]:
    refs: dict[str, EntityRef] = {}
    if subject is not None and subject.id:
        refs[subject.id] = subject
    for mention in ctx.mentions:
        refs.setdefault(mention.key, reading.mention_ref(mention))
    for ref in list(refs.values()):
        entity = reading.lex.entities.get(ref.id or "")
        if entity and entity.acts_for and entity.acts_for not in refs:
            refs[entity.acts_for] = reading.ref(entity.acts_for, entity.acts_for)
    return list(refs.values())


def _past_year(ctx: SentenceContext, years: list[Quantity], q: Quantity, published: date | None) -> int | None:
    """A year before the article's own that a figure belongs to: one named before it
    ("منذ فيضانات 2011 التي أودت بحياة 200"), or after it in the same clause
    ("200 died in the 2011 floods", but not "52 died, the worst since 2011")."""
    for year in years:
        if published is not None and year.low >= published.year:
            continue
        if year.end <= q.start or not ctx.breaks_between(q.end, year.start):
            return int(year.low)
    return None


def _event_year(year: int | None, lex: Language, predicate: str) -> int | None:
    """A toll given with a past year is another event's: "the 2011 floods killed 200".

    Alignment keeps it apart from the story's own toll (see align_on: story).
    """
    definition = lex.predicates.get(predicate)
    if year is None or definition is None or definition.align_on != "story":
        return None
    return year


def _comparable(reading: ArticleReading, ctx: SentenceContext, quantities: list[Quantity]) -> list[Quantity]:
    """The numbers small enough to compare; each other one is left out and said to be
    (a problem of that figure, not of the article or the run)."""
    kept = []
    for q in quantities:
        if math.isfinite(q.low) and math.isfinite(q.high) and max(abs(q.low), abs(q.high)) <= MAX_FIGURE:
            kept.append(q)
        else:
            reading.left_out(ctx.tokens[q.start].start, f"a figure past 10^{math.log10(MAX_FIGURE):.0f}, too "
                                                        "large to compare; not checked")
    return kept


def quantity_claims(reading: ArticleReading, ctx: SentenceContext, next_id) -> list[Claim]:
    """Every numeric claim of one sentence."""
    lex = reading.lex
    text = reading.article.text
    claims: list[Claim] = []
    quantities = _joined_ranges(ctx, lex, _comparable(reading, ctx, read_numbers(ctx.tokens, lex,
                                                                            ctx.matches(Category.VAGUE))))
    shares = _shares(ctx, lex, quantities)
    quantities = sorted([q for q in quantities if not any(s.start <= q.start < s.end for s in shares)] + shares,
                        key=lambda q: q.start)
    for q in quantities:
        if q.is_year and _counts_a_noun(ctx, q):
            q.is_year = False  # "نحو 2000 وحدة سكنية", "1750 prisoners": a count, not a year
    years = [q for q in quantities if q.is_year]
    unit_end = 0  # where the last figure's unit ends: "35 في المئة من" reads no number in "المئة"
    # "الثانية عشرة والنصف": an hour's words hold numbers that are no quantity.
    clock_words = {k for category in (Category.CLOCK_HOUR, Category.CLOCK_MINUTES)
                   for m in ctx.matches(category) for k in range(m.start, m.end)}
    # "بثلاثة أهداف مقابل هدف": a score's numbers count no goals of their own (matches.py).
    clock_words |= {k for start, end in score_spans(ctx) for k in range(start, end)}
    clock_words |= minute_numbers(ctx)  # "في الدقائق 22، 73، و(90 + 5)": minutes of play (matches.py)
    clock_words |= day_ordinal_tokens(ctx)  # "الموافق 17 من شهر أكتوبر": a day of the month (dates.py)
    for q in quantities:
        if q.start in clock_words or _day_of_a_date(ctx, q):
            continue
        if ctx.starting_at(Category.MINUTE_AFTER, q.end) or ctx.ending_at(Category.MINUTE_BEFORE, q.start):
            continue  # "12 minutes in", "في الدقيقة 27": a minute of play (matches.py)
        if q.end - q.start == 1 and ctx.starting_at(Category.DAY_HALF, q.end):
            continue  # "الساعة الـ 11 مساء", "3 p.m.": a time of day (times.py)
        if q.start >= 2 and ctx.tokens[q.start - 1].norm in lex.joiners and ctx.ending_at(Category.CLOCK_HOUR, q.start - 1):
            continue  # "الحادية عشرة و11 دقيقة": the minutes of a clock, no length of time
        if q.is_year or q.start < unit_end or ctx.mention_covering(q.start) is not None and not q.share \
                or ctx.starting_at(Category.WEEKDAY, q.start) or ctx.starting_at(Category.MONTH, q.start):
            # "الإثنين" is Monday, not "two"; a month's name is no number either
            continue
        hit = _unit(ctx, lex, q)
        if hit is None and (q.vague or q.low >= 1e6) and _money_trigger_near(ctx, lex, q):
            # "مكافآت تصل إلى سبعة أرقام", "العجز يصل إلى 77 مليارًا": money in no currency.
            hit = UnitHit(lex.ontology.unstated(MONEY), q.start, q.end)
        appositive = None
        if hit is None:
            appositive = _appositive(ctx, lex, q, None)
            if appositive is not None and appositive.appositive in lex.units:
                hit = UnitHit(lex.units[appositive.appositive], q.start, q.end)
        if hit is None:
            hit = _elided_unit(ctx, lex, q, quantities)
        if hit is None:
            continue
        if q.vague and q.high < 100 and hit.unit.id not in lex.units and hit.unit.dimension == COUNT:
            continue  # "several fronts", "a few partnerships": no figure anyone checks
        if hit.unit.kind == PERSON and any(m.start < q.start + 1 and m.end in (q.start, q.start + 1)
                                           for m in ctx.matches(Category.ATTRIBUTION_ACCORDING_TO)):
            continue  # "according to two people familiar with the matter": who says it, not a figure
        hit = _named_in_full(ctx, hit)
        if q.dot_grouped and hit.unit.dimension == COUNT:
            # "1.500 شخص", "(12.345) ناخبا": no count is a fraction, so the dot groups thousands.
            q.low, q.high, q.step = q.low * 1000, q.high * 1000, 1.0
        if hit.unit.counts_as and hit.unit.counts_as[0] in lex.units:
            # "two decades" is 20 years: a figure is kept in the unit others give it in.
            target, times = hit.unit.counts_as
            q.low, q.high, q.step = q.low * times, q.high * times, q.step * times
            hit = UnitHit(lex.units[target], hit.start, hit.end, hit.words)
        previous_end = unit_end
        unit_end = hit.end
        unit = hit.unit
        appositive = appositive or _appositive(ctx, lex, q, hit)
        qualifier, wording_start = _qualifier(ctx, lex, q, hit.end)
        conversion = _converted(ctx, claims[-1] if claims else None, previous_end, hit, min(wording_start, hit.start))
        if appositive is not None:
            predicate = appositive.id
            trigger = next((m for m in ctx.matches(Category.TRIGGER) if m.payload == predicate), None)
        else:
            predicate, trigger = _predicate(ctx, lex, q, unit, hit.end, hit.words)
            if predicate is not None and lex.predicates[predicate].appositive:
                predicate, trigger = None, None  # an age trigger that is not beside the number
        fallback, named_by = predicate is None, ""
        if fallback:
            predicate, named_by = _fallback_predicate(ctx, lex, q, hit, wording_start)
        if _falls(ctx, lex, predicate, q):
            q.low, q.high = -q.high, -q.low  # "fell 2.5%": a change of -2.5
        low, high, ceiling = _interval(q, qualifier)
        skip = range(q.start, hit.end)
        subject = _subject(reading, ctx, q, predicate, trigger, skip)
        event_year = _event_year(_past_year(ctx, years, q, reading.article.published) if years else None,
                                 lex, predicate)
        start = min(wording_start, hit.start)
        value_text = ctx.text_of(text, start, hit.end)
        claims.append(new_claim(
            # The words between the number and its unit ("68 suspected cases") say what it counts.
            reading, ctx, next_id(), at=(q.start, q.end), unit_words=(hit.words, hit.end) if hit.words else None,
            subject=subject,
            participants=_participants(reading, ctx, subject),
            # The past event is what such a toll is of, whatever place the sentence names.
            object=None if event_year else _object(ctx, text, lex, hit.end),
            predicate=predicate,
            predicate_text=ctx.text_of(text, trigger.start, trigger.end) if trigger is not None else named_by,
            fallback=fallback,
            value=Value(kind="quantity", text=value_text, low=low, high=high, unit=unit.id,
                        qualifier=qualifier, dimension=unit.dimension, ceiling=ceiling,
                        precision=None if q.vague else q.step, range=q.stated_range),
            event_year=event_year,
            earlier=_earlier(ctx, q, hit.end),
            modifiers=_modifiers(ctx, lex, q, hit),
            component=_component(ctx, q, wording_start, hit.end),
            conversion=conversion,
        ))
    return claims
