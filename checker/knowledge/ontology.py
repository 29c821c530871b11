"""The ontology: what a claim can be about, the same in every language.

Predicates (what a figure measures: a death toll, an age, a post), units (what
a number counts: dollars, percent, people) and entities (who is named, with
their spellings in every script) are defined once, in rules/lexicons/common/.
Each language only adds words for them (trigger words, unit forms). Alignment
and judging read the ontology alone, never a language's lexicon.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from checker.errors import RuleError

# The keys of a predicate or unit entry that say what it is, rather than how a
# language writes it. Language files may not hold them (language.schema.json).
ONTOLOGY_KEYS: dict[str, frozenset[str]] = {
    "predicates": frozenset({"label", "dimensions", "kinds", "units", "grows", "varies", "holders", "about", "align_on",
                             "appositive", "verbs_of_leading", "values", "signed"}),
    "units": frozenset({"dimension", "kind", "predicate", "label", "generic", "scale", "counts_as"}),
}
# Whole sections that are ontology: entities carry their names in every script.
ONTOLOGY_SECTIONS = frozenset({"entities", "exchange_rates"})

# The entity types and dimensions the code reasons about (closed lists in lexicon.schema.json).
PERSON, ORG = "person", "org"
MONEY, COUNT, ROLE, DATE, TIME_OF_DAY = "money", "count", "role", "date", "time_of_day"
OUTCOME = "outcome"  # a verdict, an official response, a match's result: a value from a closed vocabulary
RANK = "rank"  # "the 16th outbreak": a place in an order


@dataclass(frozen=True)
class UnitDef:
    """What a number counts or measures: a currency, percent, years, a counted noun."""

    id: str
    dimension: str
    kind: str | None = None  # "person" for counted nouns that are people
    predicate: str | None = None  # a predicate the noun implies by itself ("1411 قتيلا")
    generic: bool = False  # the unit of a bare count of its kind ("the toll rose to 17": people)
    scale: float | None = None  # in its dimension's base unit: a minute is 60 (seconds)
    # A unit figures are written in as a multiple of another: "two decades" is 20 years.
    counts_as: tuple[str, float] | None = None


@dataclass(frozen=True)
class PredicateDef:
    """What a claim is about, and how claims about it align and compare."""

    id: str
    label: dict[str, str]
    dimensions: tuple[str, ...]
    kinds: tuple[str, ...] = ()
    units: tuple[str, ...] = ()
    grows: bool = False  # rises as news comes in (a toll): a later, higher figure is an update
    varies: bool = False  # changes either way over time (the missing, those in hospital)
    single_holder: bool = True
    align_on: str = "participants"
    about: str | None = None  # "person": the figure is a person's own (an age, a tenure)
    appositive: str | None = None  # the unit of a bare number beside a name ("X, 28,": an age in years)
    verbs_of_leading: bool = False  # the post "led by", "بقيادة" name
    # An outcome's closed vocabulary ("convicted", "acquitted"): any two differ, so two of
    # them said of one subject and one charge cannot both be true.
    values: tuple[str, ...] = ()
    signed: bool = False  # a change either way: a figure after a word of falling is negative

    def accepts(self, unit: UnitDef) -> bool:
        if self.units and unit.id not in self.units:
            return False
        if self.dimensions and unit.dimension not in self.dimensions:
            return False
        if self.kinds and unit.kind not in self.kinds:
            return False
        return True

    def label_for(self, lang: str) -> str:
        return self.label.get(lang) or self.label.get("en") or self.id


@dataclass(frozen=True)
class EntityDef:
    """A person or organisation the lexicon knows, with every spelling of its name."""

    id: str
    type: str | None
    names: tuple[str, ...]
    acts_for: str | None = None


@dataclass
class Ontology:
    """Predicates, units and entities, loaded from rules/lexicons/common/ and rule files."""

    predicates: dict[str, PredicateDef] = field(default_factory=dict)
    units: dict[str, UnitDef] = field(default_factory=dict)
    entities: dict[str, EntityDef] = field(default_factory=dict)
    # (month, US dollars per unit of each currency from that month on), in order.
    rates: list[tuple[str, dict[str, float]]] = field(default_factory=list)
    # Frame axes on which a value against none makes two quantities (common/frames.yaml).
    alone_axes: frozenset[str] = frozenset()

    @classmethod
    def from_sections(cls, data: dict[str, Any]) -> Ontology:
        ontology = cls()
        for unit_id, spec in data.get("units", {}).items():
            counts_as = spec.get("counts_as")
            ontology.units[unit_id] = UnitDef(unit_id, spec.get("dimension", "count"), spec.get("kind"),
                                              spec.get("predicate"), bool(spec.get("generic", False)),
                                              spec.get("scale"),
                                              (counts_as["unit"], float(counts_as["times"])) if counts_as else None)
        for pred_id, spec in data.get("predicates", {}).items():
            label = spec.get("label", pred_id)
            if isinstance(label, str):
                label = {"en": label}
            ontology.predicates[pred_id] = PredicateDef(
                id=pred_id, label=dict(label), dimensions=tuple(spec.get("dimensions", [])),
                kinds=tuple(spec.get("kinds", [])), units=tuple(spec.get("units", [])),
                grows=bool(spec.get("grows", False)), varies=bool(spec.get("varies", False)),
                single_holder=spec.get("holders", "one") == "one", align_on=spec.get("align_on", "participants"),
                about=spec.get("about"), appositive=spec.get("appositive"),
                verbs_of_leading=bool(spec.get("verbs_of_leading", False)),
                values=tuple(spec.get("values", [])), signed=bool(spec.get("signed", False)),
            )
        known: dict[str, float] = {}
        for entry in sorted(data.get("exchange_rates", []), key=lambda e: str(e["from"])):
            known.update({k: float(v) for k, v in entry.items() if k != "from"})
            ontology.rates.append((str(entry["from"]), dict(known)))
        for entity_id, spec in data.get("entities", {}).items():
            ontology.entities[entity_id] = EntityDef(entity_id, spec.get("type"), tuple(spec.get("names", [])),
                                                     spec.get("acts_for"))
        return ontology

    def unstated(self, dimension: str) -> UnitDef:
        """The unit of a figure whose unit the text leaves out ("a nine-figure sum": money,
        in no currency), named after its dimension; it aligns with any unit of it."""
        return UnitDef(dimension, dimension)

    def in_base_units(self, unit: str | None, dimension: str, month: str | None = None) -> tuple[float, str] | None:
        """How much one `unit` is in its dimension's base unit (seconds, hectares, km; US
        dollars at the rate of `month`, "YYYY-MM", or of the nearest month given), and the
        month of that rate; None where it cannot be converted."""
        if dimension == MONEY:
            if not self.rates:
                return None
            chosen = self.rates[-1] if month is None else next(
                (entry for entry in reversed(self.rates) if entry[0] <= month), self.rates[0])
            rate = chosen[1].get(unit or "")
            return (rate, chosen[0]) if rate else None
        definition = self.units.get(unit or "")
        return (definition.scale, "") if definition is not None and definition.scale else None

    def generic_units(self) -> list[UnitDef]:
        """The units of a bare count of their kind ("the toll rose to 17" counts people)."""
        return [u for u in self.units.values() if u.generic]

    def appositive_predicates(self) -> list[PredicateDef]:
        return [p for p in self.predicates.values() if p.appositive]

    def label(self, predicate: str, lang: str) -> str:
        definition = self.predicates.get(predicate)
        return definition.label_for(lang) if definition else predicate

    def undefined(self, words: dict[str, Any], origin: str) -> list[RuleError]:
        """Words given for predicates or units the ontology does not define."""
        problems = []
        for section, known in (("predicates", self.predicates), ("units", self.units)):
            for item_id in words.get(section, {}):
                if item_id not in known:
                    problems.append(RuleError(
                        f"{section[:-1]} '{item_id}' has words but no definition: define it in "
                        f"rules/lexicons/common/{section}.yaml, or give its ontology keys in the rule", origin))
        for pred_id, spec in words.get("predicates", {}).items():
            definition = self.predicates.get(pred_id)
            for value in (spec or {}).get("says", {}) if definition is not None else ():
                if value not in definition.values:
                    problems.append(RuleError(
                        f"outcome '{pred_id}' has words for '{value}', which is not one of its values "
                        f"({', '.join(definition.values) or 'none'}) in rules/lexicons/common/predicates.yaml", origin))
        return problems


def split_ontology(sections: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """Language sections → (what belongs to the ontology, a language's words)."""
    ontology: dict[str, Any] = {}
    words: dict[str, Any] = {}
    for section, value in sections.items():
        if section in ONTOLOGY_SECTIONS:
            ontology[section] = value
            continue
        keys = ONTOLOGY_KEYS.get(section)
        if keys is None or not isinstance(value, dict):
            words[section] = value
            continue
        for item_id, spec in value.items():
            spec = spec or {}
            facts = {k: v for k, v in spec.items() if k in keys}
            vocabulary = {k: v for k, v in spec.items() if k not in keys}
            if facts:
                ontology.setdefault(section, {})[item_id] = facts
            if vocabulary:
                words.setdefault(section, {})[item_id] = vocabulary
    return ontology, words
