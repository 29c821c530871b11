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
from checker.knowledge.categories import Category
from checker.knowledge.language import Language
from checker.limits import MAX_FIGURE
from checker.knowledge.ontology import COUNT, MONEY, ORG, PERSON, PredicateDef, UnitDef
from checker.models import PHRASE, Claim, EntityRef, Value
from checker.text.numbers import Quantity, read_numbers
from checker.text.script import script_data
from checker.text.tokens import breaks_clause

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


def _unit(ctx: SentenceContext, lex: Language, q: Quantity) -> UnitHit | None:
    for match in ctx.ending_at(Category.UNIT_BEFORE, q.start):
        return UnitHit(match.payload, match.start, q.end)
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
    return (_counted_noun(ctx, lex, q) or _unit_from_trigger(ctx, lex, q) or _unit_of_whole(ctx, lex, q)
            or _bare_count(ctx, lex, q))


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


def _unit_of_whole(ctx: SentenceContext, lex: Language, q: Quantity) -> UnitHit | None:
    """"46 of the 120 seats", "48 من أصل 120 مقعدًا": the part is counted in the whole's unit."""
    for link in ctx.starting_at(Category.OUT_OF, q.end):
        whole = link.end
        if whole < len(ctx.tokens) and ctx.tokens[whole].kind == "num":
            hits = ctx.starting_at(Category.UNIT, whole + 1)
            if hits:
                return UnitHit(max(hits, key=lambda m: m.end).payload, q.start, q.end)
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
    others = [(abs(o.start - q.start), o) for o in quantities if o is not q and not o.is_year]
    for _, other in sorted(others, key=lambda item: item[0]):
        hit = _unit(ctx, lex, other)
        if hit is not None and hit.unit.dimension == COUNT and hit.unit.id != hit.unit.dimension:
            return UnitHit(hit.unit, q.start, q.end)
    return None


def _counted_noun(ctx: SentenceContext, lex: Language, q: Quantity) -> UnitHit | None:
    """A noun in no lexicon right after a whole number ("1411 قتيلا", "600 وظيفة")."""
    if q.end >= len(ctx.tokens) or q.low != int(q.low) or q.is_year:
        return None
    token = ctx.tokens[q.end]
    if token.kind != "word" or lex.says_nothing(token.norm) or len(token.norm) < 3:
        return None  # "241 were confirmed dead": a verb, not what is counted
    if lex.has_article(token.text) or token.text[:1].isupper():
        return None  # "the counted noun" has no article, and a capitalised word is a name
    if token.norm[:1] in lex.attached_prepositions and len(lex.variants(token.norm)) > 1:
        return None  # "لتوظيف": a preposition's object, not the counted noun
    if ctx.mention_covering(q.end) is not None:
        return None
    return UnitHit(UnitDef(lex.stem(token.norm), "count"), q.start, q.end + 1, q.end)


def _qualifier(ctx: SentenceContext, lex: Language, q: Quantity, unit_end: int) -> tuple[str | None, int]:
    """The qualifier and the token where the claim's wording starts."""
    found: list[tuple[str, int]] = []
    ends = {q.start}
    if q.start > 0 and (ctx.tokens[q.start - 1].norm in lex.prefixes or ctx.tokens[q.start - 1].kind == "punct"):
        ends.add(q.start - 1)
    for match in ctx.matches(Category.QUALIFIER_BEFORE):
        if match.end in ends or (match.end == q.start + 1 and match.start < q.start
                                 and ctx.tokens[q.start].kind != "num"):
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
                and any(t.kind == "num" or ctx.lex.number_word(t.norm) is not None
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


def _day_of_a_date(ctx: SentenceContext, q: Quantity) -> bool:
    """"September 7", "Sept. 2", "7 September": the day of a date, no quantity."""
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
    if join.text in "-–" and tokens[first.end - 1].end == join.start:
        return True  # "10-15", "26–74"
    if join.norm not in lex.range_joins:
        return False
    window = lex.windows.range_cue
    return any(first.start - window <= m.end <= first.start and not ctx.breaks_between(m.end, first.start)
               for m in ctx.matches(Category.RANGE_CUES))


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
        if token.kind != "word" or lex.is_stopword(token.norm) or ctx.starting_at(Category.TRIGGER, k) \
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
        ctx.tokens[after_to].kind == "num" or bool(ctx.starting_at(Category.UNIT_BEFORE, after_to)))


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
        if found is not None and (q.start - lex.windows.appositive_trigger <= match.end <= q.start or q.end <= match.start <= unit_end):
            return found
    return candidates[0] if _beside_a_name(ctx, q, unit_end) else None


def _beside_a_name(ctx: SentenceContext, q: Quantity, unit_end: int) -> bool:
    """"X, 28," or "X (28)": a number set off right after a name that is no organisation's."""
    tokens = ctx.tokens
    before = q.start - 1
    after_ok = unit_end >= len(tokens) or breaks_clause(tokens[unit_end]) or tokens[unit_end].text in ")("
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
    candidates = []  # (distance, inside the unit, match)
    for match in ctx.matches(Category.TRIGGER):
        definition = lex.predicates.get(match.payload)
        if definition is None or not definition.accepts(unit):
            continue
        inside = q.start <= match.start < unit_end
        if match.end <= q.start:
            if ctx.new_clause_between(match.end, q.start):
                continue  # "100 remain unaccounted for, while 79 were injured": another clause's trigger
            distance = q.start - match.end
        elif match.start >= unit_end:
            if part or ctx.new_clause_between(unit_end, match.start):
                continue  # "to 4.75 percent after inflation hit ...": another clause's trigger
            if match.end < len(ctx.tokens) and ctx.tokens[match.end].kind == "num":
                continue  # "48 مقعدًا من أصل 120": the trigger is the next number's
            distance = match.start - unit_end + 2
        else:
            distance = 0
        if distance <= lex.windows.trigger:
            candidates.append((distance, inside, match))
    word = unit_start if unit_start is not None else q.end
    wider = [c for c in candidates if c[1] and (c[2].end > unit_end or c[2].start < word)]
    beside = [c for c in candidates if not c[1] and c[0] <= 2] + wider
    if implied and not [c for c in beside if c[2].start >= unit_end or c[0] == 0]:
        # "14 people were killed and 22 injured": the unit word says what 22 is,
        # whatever verb came before it; a trigger right against the number ("of
        # the 120 seats") or after the unit ("4.9 magnitude aftershock") outranks it.
        return implied, None
    if beside or candidates:
        best = min(beside or candidates, key=lambda c: c[0])[2]
        return best.payload, best
    return None, None


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
        if token.kind == "word" and not lex.is_stopword(token.norm) and ctx.mention_covering(j) is None:
            return f"{unit.dimension}:{lex.stem(token.norm)}", token.text
        j -= 1
    return unit.dimension, ""


def _object(ctx: SentenceContext, text: str, lex: Language, unit_end: int) -> EntityRef | None:
    """"أربعة باحثين من شركة نوفا", "in Orbis Labs": what the quantity is from or in."""
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
            words = [t for t in tokens[j + 1:j + 3] if t.kind == "word" and not lex.is_stopword(t.norm)]
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
        # "عمره 28 عامًا" (his age): the person named last, in this sentence or before it.
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
    while stop < len(ctx.tokens) and stop - end < 3 and ctx.tokens[stop].kind == "word" \
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
    years = [q for q in quantities if q.is_year]
    unit_end = 0  # where the last figure's unit ends: "35 في المئة من" reads no number in "المئة"
    # "الثانية عشرة والنصف": an hour's words hold numbers that are no quantity.
    clock_words = {k for category in (Category.CLOCK_HOUR, Category.CLOCK_MINUTES)
                   for m in ctx.matches(category) for k in range(m.start, m.end)}
    for q in quantities:
        if q.start in clock_words or _day_of_a_date(ctx, q):
            continue
        if q.is_year or q.start < unit_end or ctx.mention_covering(q.start) is not None \
                or ctx.starting_at(Category.WEEKDAY, q.start) or ctx.starting_at(Category.MONTH, q.start):
            # "الإثنين" is Monday, not "two"; a month's name is no number either
            continue
        hit = _unit(ctx, lex, q)
        if hit is None and (q.vague or q.low >= 1e6) and _money_trigger_near(ctx, lex, q):
            # "حزم رواتب تصل إلى تسعة أرقام", "العجز يصل إلى 77 مليارًا": money in no currency.
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
