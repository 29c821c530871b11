"""What alignment knows of each claim, and of the story, before weighing pairs.

A reader lining up two reports does not match figures on one trigger word:
she looks at what each figure measures (its dimension and unit, which must
agree), at what it is said to be (the predicate, the noun counted), at who
and where it concerns, at the words around it, and at the figure itself.
Features holds those of one claim; Story how rare each word, name and noun
is among the story's figures, since what every report mentions says nothing
about which figure is which. The few hard constraints are in constraints.py;
what a pair shares is weighed by the alignment model (pair_features.py).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from checker.align.entities import canonical
from checker.knowledge.ontology import COUNT, Ontology
from checker.models import LABEL_MARK, PHRASE, Claim, month_of
from checker.text.normalize import fold

_WORD = re.compile(r"[^\W\d_]+")



@dataclass(frozen=True)
class Features:
    """What alignment compares of one claim."""

    claim: Claim
    kind: str
    dimension: str
    unit: str | None
    predicate: str | None  # from a trigger word; None when named from the text
    noun: str | None  # what a count counts: its unit, or the noun after the number
    # What kind of thing a count counts, where the lexicon lists its noun ("person"), "" where
    # it lists it with no kind, None where the noun is in no lexicon.
    noun_kind: str | None
    subject: str | None
    figure: float | None  # the value in its dimension's base unit (dollars, seconds...), where known
    convertible: bool  # its unit converts into its dimension's base unit
    value_key: str | None  # a named value (a post's holder) as one entity across spellings
    names: frozenset[str]
    words: frozenset[str]
    align_on: str
    script: str  # of the claim's sentence (script_of)
    sentence: str  # the claim's sentence folded, its figures left out: what copies of one report share
    # The claim's frame, its names as one entity across spellings (see checker/extract/frames.py).
    owner: str | None = None
    property: str | None = None
    qualifiers: tuple[str, ...] = ()
    alone: tuple[str, ...] = ()  # its qualifiers on axes where one against none still differs
    reference: str | None = None
    time: str | None = None
    place: str | None = None  # what or where the figure is from or in ("من شركة نوفا", "to the Dabaa hospital")

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
    """Why two claims were paired: each piece of evidence and its weight, their sum (a
    logit) and the probability it gives that the two are one quantity (None where a rule,
    not the model, paired them)."""

    score: float
    reasons: tuple[tuple[str, float], ...]
    probability: float | None = None

    def describe(self) -> list[str]:
        return list(_described(self.reasons))


@lru_cache(maxsize=65536)
def _described(reasons: tuple[tuple[str, float], ...]) -> tuple[str, ...]:
    """Reasons as the JSON gives them; many pairs share theirs (a figure many outlets give)."""
    return tuple(f"{name} ({weight:+.1f})" if weight else name for name, weight in reasons)


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
    listed = ontology.units.get(noun) if noun else None
    names = frozenset(mapping.get(key, key) for key in claim.context_names)
    return Features(
        claim=claim, kind=value.kind, dimension=dimension, unit=value.unit,
        predicate=definition.id if definition else None, noun=noun,
        noun_kind=(listed.kind or "") if listed is not None else None,
        subject=canonical(claim.subject, mapping), figure=_figure(claim, ontology, story_month),
        convertible=ontology.in_base_units(value.unit, dimension) is not None,
        value_key=canonical(value.entity, mapping),
        names=names, words=frozenset(claim.context),
        align_on=definition.align_on if definition else "participants",
        script=script_of(claim.quote),
        sentence=_sentence_words(claim.quote),
        **_frame(claim, mapping, ontology.alone_axes),
    )


@lru_cache(maxsize=65536)
def _sentence_words(quote: str) -> str:
    """A sentence as words to compare: folded, without digits, punctuation or spacing."""
    return " ".join(_WORD.findall(fold(quote)))


def _frame(claim: Claim, mapping: dict[str, str], alone_axes: frozenset[str]) -> dict:
    frame = claim.frame
    if frame is None:
        return {}
    return {"owner": mapping.get(frame.owner, frame.owner) if frame.owner else None, "property": frame.property,
            "qualifiers": tuple(frame.qualifiers),
            "alone": tuple(sorted(q for q in frame.qualifiers if q.split(":")[0] in alone_axes)),
            "reference": mapping.get(frame.reference, frame.reference) if frame.reference else None,
            "time": frame.time,
            "place": _place(claim, mapping)}


def _place(claim: Claim, mapping: dict[str, str]) -> str | None:
    """What or where the figure is from or in: a name as one entity, or words marked as words."""
    ref = claim.object
    if ref is None or not ref.id:
        return None
    return f"{PHRASE}:{ref.id}" if ref.type == PHRASE else canonical(ref, mapping)


def _figure(claim: Claim, ontology: Ontology, story_month: str | None) -> float | None:
    """The figure a claim states, in its dimension's base unit where it has one (an
    amount at the rate of its article's month, or of the story's)."""
    value = claim.value
    stated = value.low if isinstance(value.low, (int, float)) else value.high
    if not isinstance(stated, (int, float)):
        return None
    converted = ontology.in_base_units(value.unit, value.dimension or "", month_of(claim, story_month))
    return stated * converted[0] if converted else float(stated)


def script_of(text: str) -> str:
    """The script most letters of a sentence's start are in: a word one sentence has and
    another lacks is a difference within one script, maybe a translation across two."""
    letters = [c for c in text[:200] if c.isalpha()]
    return "ascii" if sum(c.isascii() for c in letters) * 2 > len(letters) else "other"
