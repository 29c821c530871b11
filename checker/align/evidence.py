"""Are two claims about the same quantity? The evidence they share, weighed.

A reader lining up two reports does not match figures on one trigger word:
she looks at what each figure measures (its dimension and unit, which must
agree), at what it is said to be (the predicate, the noun counted), at who
and where it concerns, at the words around it, and at the figure itself.
Each of those is a piece of evidence here, with a weight; words and names
count by how rare they are in the story, since what every report mentions
says nothing about which figure is which.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from checker.align.entities import canonical
from checker.knowledge.ontology import COUNT, ROLE, Ontology
from checker.models import LABEL_MARK, PHRASE, Claim

# Weights of each kind of evidence, and the score two claims need to pair.
PREDICATE = 2.0  # the same predicate, named by a trigger word in each
STORY_FIGURE = 1.0  # ... and a figure of the story's own event (a toll): there is one
NOUN = 1.5  # the same noun counted, at its rarest
NAMES = 1.5  # the same names around the figure, at their rarest
WORDS = 2.0  # the same words around the figure, at their rarest
SAME_VALUE = 1.0  # the same figure: two reports of one fact often agree
CLOSE_VALUE = 0.75  # figures within a few percent of each other
NEAR_VALUE = 0.4  # figures within half again of each other
FAR_VALUE = -0.5  # figures of another order: more often another quantity
ONLY_ONES = 1.0  # the only figure of its kind in each of the two articles


@dataclass(frozen=True)
class Features:
    """What alignment compares of one claim."""

    claim: Claim
    kind: str
    dimension: str
    unit: str | None
    predicate: str | None  # from a trigger word; None when named from the text
    noun: str | None  # what a count counts: its unit, or the noun after the number
    subject: str | None
    figure: float | None  # the value in its dimension's base unit (dollars, seconds...), where known
    convertible: bool  # its unit converts into its dimension's base unit
    value_key: str | None  # a named value (a post's holder) as one entity across spellings
    names: frozenset[str]
    words: frozenset[str]
    align_on: str

    @cached_property
    def of_its_kind(self) -> tuple:
        """What makes a figure "of its kind" in an article: the only death toll, the only time of day."""
        return self.kind, self.dimension, self.predicate or self.noun or self.unit

    @cached_property
    def labels(self) -> frozenset[str]:
        """The numbers naming a thing in the figure's clause ("#92" of "بنزين 92")."""
        return frozenset(w for w in self.words if w.startswith(LABEL_MARK))


@dataclass(frozen=True)
class Evidence:
    """Why two claims were paired: each piece of evidence and its weight."""

    score: float
    reasons: tuple[tuple[str, float], ...]

    def describe(self) -> list[str]:
        return list(_described(self.reasons))


@lru_cache(maxsize=65536)
def _described(reasons: tuple[tuple[str, float], ...]) -> tuple[str, ...]:
    """Reasons as the JSON gives them; many pairs share theirs (a figure many outlets give)."""
    return tuple(f"{name} ({weight:+.1f})" for name, weight in reasons)


@dataclass
class Story:
    """How common each word, name and noun is among the story's figures of one kind
    (one dimension): a name on every vote share tells no share from another."""

    counts: dict[tuple, Counter[str]] = field(default_factory=dict)
    sizes: Counter[tuple] = field(default_factory=Counter)
    _rarities: dict[tuple, float] = field(default_factory=dict)

    @classmethod
    def of(cls, features: list[Features]) -> Story:
        story = cls()
        for f in features:
            block = (f.kind, f.dimension)
            story.sizes[block] += 1
            table = story.counts.setdefault(block, Counter())
            table.update({*(("word", w) for w in f.words), *(("name", n) for n in f.names),
                          *((("noun", f.noun),) if f.noun else ())})
        return story

    def rarity(self, f: Features, what: str, item: str) -> float:
        """1 for what at most two figures of this kind say, falling to 0 for what all of them say."""
        key = (f.kind, f.dimension, what, item)
        found = self._rarities.get(key)
        if found is None:
            block = (f.kind, f.dimension)
            size = self.sizes[block]
            used = self.counts.get(block, Counter()).get((what, item), 1)
            found = 1.0 if size <= 2 or used <= 2 else max(0.0, min(1.0, math.log(size / used) / math.log(size / 2)))
            self._rarities[key] = found
        return found


def features_of(claim: Claim, ontology: Ontology, mapping: dict[str, str], story_month: str | None = None) -> Features:
    value = claim.value
    definition = None if claim.fallback else ontology.predicates.get(claim.predicate)
    dimension = value.dimension or value.kind
    noun = value.unit if dimension == COUNT else None
    names = frozenset(mapping.get(key, key) for key in claim.context_names)
    return Features(
        claim=claim, kind=value.kind, dimension=dimension, unit=value.unit,
        predicate=definition.id if definition else None, noun=noun,
        subject=canonical(claim.subject, mapping), figure=_figure(claim, ontology, story_month),
        convertible=ontology.in_base_units(value.unit, dimension) is not None,
        value_key=canonical(value.entity, mapping),
        names=names, words=frozenset(claim.context),
        align_on=definition.align_on if definition else "participants",
    )


def _figure(claim: Claim, ontology: Ontology, story_month: str | None) -> float | None:
    """The figure a claim states, in its dimension's base unit where it has one (an
    amount at the rate of its article's month, or of the story's)."""
    value = claim.value
    stated = value.low if isinstance(value.low, (int, float)) else value.high
    if not isinstance(stated, (int, float)):
        return None
    month = claim.published.isoformat()[:7] if claim.published else story_month
    converted = ontology.in_base_units(value.unit, value.dimension or "", month)
    return stated * converted[0] if converted else float(stated)


def comparable(a: Features, b: Features) -> bool:
    """Whether two claims may be about one quantity at all: the hard constraints."""
    ca, cb = a.claim, b.claim
    if a.kind != b.kind or a.dimension != b.dimension:
        return False
    if ca.negated or cb.negated or ca.forecast != cb.forecast or ca.earlier != cb.earlier \
            or ca.component != cb.component or ca.conversion != cb.conversion \
            or ca.event_year != cb.event_year:
        return False
    if a.predicate and b.predicate and a.predicate != b.predicate:
        return False
    if a.kind == "quantity" and a.unit != b.unit and a.unit != a.dimension and b.unit != b.dimension:
        # Counted nouns may differ under one predicate ("112 people" killed, "87 dead"); other units
        # must convert into each other (pounds and euros, minutes and seconds).
        if a.dimension == COUNT and not (a.predicate and a.predicate == b.predicate):
            return False
        if a.dimension != COUNT and not (a.convertible and b.convertible):
            return False
    if a.kind != "quantity" and a.predicate != b.predicate:
        return False  # dates and posts pair on what they date or name
    if ("subject" in (a.align_on, b.align_on) or a.dimension == ROLE) and not _same_subject(a.subject, b.subject):
        return False  # a property of its subject alone (an age, a valuation), or a post at one organisation
    labels_a, labels_b = a.labels, b.labels
    if labels_a and labels_b and not labels_a & labels_b:
        return False  # the price of "بنزين 92" is not that of "بنزين 95"
    ma, mb = ca.modifiers, cb.modifiers
    if ma and mb and not set(ma) & set(mb) and _one_script(ca.quote, cb.quote):
        return False  # "68 suspected cases" and "20 confirmed cases" count different things
    return True


def _one_script(first: str, second: str) -> bool:
    """Whether two sentences are written in one script (Latin or not), so that a word one
    has and the other lacks is a difference and not a translation."""
    return _latin(first) == _latin(second)


def _latin(text: str) -> bool:
    letters = [c for c in text[:200] if c.isalpha()]
    return sum(c.isascii() for c in letters) * 2 > len(letters)


def _same_subject(a: str | None, b: str | None) -> bool:
    """One subject; two described in words ("a five-year-old startup", "a four-year-old
    cloud security startup") are one when their descriptions share a word."""
    if a == b:
        return True
    marker = PHRASE + ":"
    if a and b and a.startswith(marker) and b.startswith(marker):
        return bool(set(a[len(marker):].split()) & set(b[len(marker):].split()))
    return False


def weigh(a: Features, b: Features, story: Story) -> Evidence:
    """The evidence two comparable claims share, and its total."""
    reasons: list[tuple[str, float]] = []
    if a.predicate and a.predicate == b.predicate:
        reasons.append((f"predicate {a.predicate}", PREDICATE))
        if a.align_on == "story":
            reasons.append(("the story's own figure", STORY_FIGURE))
    if a.noun and a.noun == b.noun:
        weight = NOUN * max(story.rarity(a, "noun", a.noun), 0.3)
        reasons.append((f"counts {a.noun}", weight))
    shared_names = a.names & b.names
    if shared_names:
        weight = min(NAMES, sum(NAMES * story.rarity(a, "name", n) for n in shared_names))
        if weight > 0:
            reasons.append(("names " + ", ".join(sorted(shared_names)), weight))
    shared_words = a.words & b.words
    if shared_words:
        weight = min(WORDS, sum(story.rarity(a, "word", w) for w in shared_words))
        if weight > 0:
            reasons.append(("words " + ", ".join(sorted(shared_words)), weight))
    va, vb = a.claim.value, b.claim.value
    if a.value_key is not None and a.value_key == b.value_key:
        reasons.append(("same holder", SAME_VALUE))
    elif (va.low, va.high, va.unit) == (vb.low, vb.high, vb.unit) and (va.low is not None or va.text == vb.text):
        reasons.append(("same value", SAME_VALUE))
    elif a.figure and b.figure and a.figure > 0 and b.figure > 0:
        ratio = max(a.figure, b.figure) / min(a.figure, b.figure)
        if ratio <= 1.05:
            reasons.append(("close values", CLOSE_VALUE))
        elif ratio <= 1.5:
            reasons.append(("near values", NEAR_VALUE))
        elif ratio >= 3 and a.align_on != "story":
            reasons.append(("values far apart", FAR_VALUE))
    return Evidence(sum(w for _, w in reasons), tuple(reasons))
