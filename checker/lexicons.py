"""Load the YAML lexicons under rules/lexicons and compile them per language.

`rules/lexicons/common/` applies to every language and `rules/lexicons/<lang>/`
to one. Every file is validated against rules/schema/lexicon.schema.json; files
of one language are merged (mappings merge, lists are joined). Rule files may
extend a lexicon too (kinds `lexicon` and `alias`); those extensions arrive here
as more sections to merge. Nothing about a language is written in Python.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Iterable

import jsonschema

from checker.errors import RuleError, RuleErrors
from checker.memo import Memo
from checker.text.normalize import fold
from checker.text.phrases import PhraseIndex
from checker.text.tokens import phrase_norms
from checker.yamlio import LoadedYaml, load_yaml

COMMON = "common"


def rules_home() -> Path:
    """The rules/ folder that ships with the checker (beside the package)."""
    return Path(__file__).resolve().parent.parent / "rules"


def schema_path(name: str) -> Path:
    return rules_home() / "schema" / name


@lru_cache(maxsize=None)
def load_schema(name: str) -> dict[str, Any]:
    return json.loads(schema_path(name).read_text(encoding="utf-8"))


def schema_errors(loaded: LoadedYaml, schema: dict[str, Any]) -> list[RuleError]:
    """Every schema violation in a loaded YAML file, each with its position."""
    validator = jsonschema.Draft202012Validator(schema)
    errors: list[RuleError] = []
    for error in validator.iter_errors(loaded.data):
        errors.extend(describe_error(loaded, error))
    errors.sort(key=lambda e: (e.line or 0, e.column or 0))
    return errors


def describe_error(loaded: LoadedYaml, error: jsonschema.ValidationError) -> list[RuleError]:
    """One positioned message per problem; an if/then failure is unwrapped to its causes."""
    if error.context:
        causes = [e for e in error.context if e.validator not in ("if",)]
        if causes:
            out: list[RuleError] = []
            for cause in causes:
                out.extend(describe_error(loaded, cause))
            return out
    path = tuple(error.absolute_path)
    is_key = error.validator in ("additionalProperties", "propertyNames")
    if error.validator == "additionalProperties":
        return [loaded.error(path + (key,), _describe(error, key), key=True) for key in _unknown_keys(error)]
    return [loaded.error(path, _describe(error), key=is_key)]


def _unknown_keys(error: jsonschema.ValidationError) -> list[str]:
    allowed = set(error.schema.get("properties", {}))
    instance = error.instance if isinstance(error.instance, dict) else {}
    return [k for k in instance if k not in allowed]


def _describe(error: jsonschema.ValidationError, unknown: str | None = None) -> str:
    """A message an editor can act on, naming the key at fault."""
    name = next((str(p) for p in reversed(error.absolute_path) if isinstance(p, str)), None)
    subject = f"'{name}'" if name else "value"
    if error.validator == "additionalProperties":
        allowed = ", ".join(sorted(error.schema.get("properties", {})))
        return f"unknown key '{unknown}' (allowed: {allowed})"
    if error.validator == "type":
        expected = error.validator_value
        if isinstance(expected, list):
            expected = " or ".join(expected)
        article = "an" if str(expected)[0] in "aeiou" else "a"
        return f"{subject} must be {article} {expected}"
    if error.validator == "enum":
        options = ", ".join(map(str, error.validator_value))
        return f"{subject} must be one of: {options}"
    if error.validator == "required":
        return error.message.replace("is a required property", "is required")
    if error.validator == "propertyNames":
        return f"{error.message}"
    return f"{subject}: {error.message}"


@dataclass(frozen=True)
class UnitDef:
    id: str
    dimension: str
    kind: str | None = None
    predicate: str | None = None


@dataclass(frozen=True)
class PredicateDef:
    id: str
    label: dict[str, str]
    dimensions: tuple[str, ...]
    kinds: tuple[str, ...] = ()
    units: tuple[str, ...] = ()
    grows: bool = False
    single_holder: bool = True
    align_on: str = "participants"
    about: str | None = None  # "person": the figure is a person's own (an age, a tenure)

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
    id: str
    type: str | None
    names: tuple[str, ...]
    acts_for: str | None = None


def merge_sections(target: dict[str, Any], extra: dict[str, Any]) -> None:
    """Deep-merge: mappings merge, lists are joined without repeats, scalars replace."""
    for key, value in extra.items():
        if isinstance(value, dict) and isinstance(target.get(key), dict):
            merge_sections(target[key], value)
        elif isinstance(value, list) and isinstance(target.get(key), list):
            target[key].extend(v for v in value if v not in target[key])
        elif isinstance(value, dict):
            target[key] = {}
            merge_sections(target[key], value)
        elif isinstance(value, list):
            target[key] = list(value)
        else:
            target[key] = value


@dataclass
class Lexicon:
    """Everything one language knows, compiled for matching."""

    lang: str
    data: dict[str, Any]
    index: PhraseIndex = field(init=False)
    prefixes: tuple[str, ...] = field(init=False)
    verb_prefixes: tuple[str, ...] = field(init=False)
    suffixes: tuple[str, ...] = field(init=False)
    number_words: dict[str, float] = field(init=False)
    multipliers: dict[str, float] = field(init=False)
    scales: dict[str, float] = field(init=False)
    fractions: dict[str, float] = field(init=False)
    digit_count: frozenset[str] = field(init=False)
    joiners: frozenset[str] = field(init=False)
    connectors: frozenset[str] = field(init=False)
    articles: frozenset[str] = field(init=False)
    units: dict[str, UnitDef] = field(init=False)
    predicates: dict[str, PredicateDef] = field(init=False)
    entities: dict[str, EntityDef] = field(init=False)
    stopwords: frozenset[str] = field(init=False)
    pronoun_suffixes: tuple[str, ...] = field(init=False)
    transliteration: dict[str, dict[str, str]] = field(init=False)
    months: dict[str, int] = field(init=False)
    season_months: dict[str, tuple[int, int]] = field(init=False)
    # Per-word answers, remembered on this lexicon (see the methods they wrap).
    variants: Callable[[str], tuple[str, ...]] = field(init=False, repr=False)
    is_stopword: Callable[[str], bool] = field(init=False, repr=False)
    number_word: Callable[[str], float | None] = field(init=False, repr=False)
    may_start_number: Callable[[str], bool] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        data = self.data
        self.prefixes = tuple(fold(p) for p in data.get("clitics", {}).get("prefixes", []))
        self.verb_prefixes = tuple(fold(p) for p in data.get("clitics", {}).get("verb_prefixes", []))
        self.suffixes = tuple(sorted((fold(s) for s in data.get("clitics", {}).get("suffixes", [])),
                                     key=len, reverse=True))
        self.variants = Memo(self._variants).lookup
        self.is_stopword = Memo(self._is_stopword).lookup
        self.number_word = Memo(self._number_word).lookup
        self.may_start_number = Memo(self._may_start_number).lookup
        self.index = PhraseIndex(self.variants, self.prefixes)
        numbers = data.get("numbers", {})
        self.number_words = {fold(k): float(v) for k, v in numbers.get("words", {}).items()}
        self.multipliers = {fold(k): float(v) for k, v in numbers.get("multipliers", {}).items()}
        self.scales = {fold(k): float(v) for k, v in numbers.get("scales", {}).items()}
        self.fractions = {fold(k): float(v) for k, v in numbers.get("fractions", {}).items()}
        self.digit_count = frozenset(fold(w) for w in numbers.get("digit_count", []))
        self.joiners = frozenset(fold(w) for w in numbers.get("joiners", []))
        self.connectors = frozenset(fold(w) for w in numbers.get("connectors", []))
        self.articles = frozenset(fold(w) for w in numbers.get("articles", []))
        for category in ("out_of", "rises_to"):
            for phrase in numbers.get(category, []):
                self.index.add(category, phrase, category)
        for phrase, bounds in numbers.get("vague", {}).items():
            self.index.add("vague", phrase, (float(bounds[0]), float(bounds[1])))
        self._compile_units(data.get("units", {}))
        self._compile_predicates(data.get("predicates", {}))
        self._compile_entities(data.get("entities", {}))
        for qualifier, places in data.get("qualifiers", {}).items():
            for place in ("before", "after"):
                for phrase in places.get(place, []):
                    self.index.add(f"qualifier_{place}", phrase, qualifier)
        names = data.get("names", {})
        self.word_sets: dict[str, frozenset[str]] = {}
        for category in ("person_titles", "org_cues", "party_cues", "speech_verbs", "org_anaphora", "person_anaphora"):
            for phrase in names.get(category, []):
                self.index.add(category, phrase, category)
            self.word_sets[category] = frozenset(
                n[0] for n in map(phrase_norms, names.get(category, [])) if len(n) == 1)
        # Looked up word by word only, so kept out of the phrase index.
        self.word_sets["org_suffixes"] = frozenset(fold(w) for w in names.get("org_suffixes", []))
        self.pronoun_suffixes = tuple(fold(s) for s in names.get("pronoun_suffixes", []))
        attribution = data.get("attribution", {})
        for category in ("according_to", "speech_verbs"):
            for phrase in attribution.get(category, []):
                self.index.add(f"attribution_{category}", phrase, category)
        for category in ("hedges", "negations", "not_negations", "forecasts", "clause_openers"):
            for phrase in data.get(category, []):
                self.index.add(category, phrase, phrase)
        self.stopwords = frozenset(fold(w) for w in data.get("stopwords", []))
        self.transliteration = {
            part: {fold(k): v for k, v in data.get("transliteration", {}).get(part, {}).items()}
            for part in ("digraphs", "letters", "initial")
        }
        self._compile_dates(data.get("dates", {}))
        self._compile_roles(data.get("roles", {}))

    def _compile_units(self, units: dict[str, Any]) -> None:
        self.units = {}
        for unit_id, spec in units.items():
            unit = UnitDef(unit_id, spec.get("dimension", "count"), spec.get("kind"), spec.get("predicate"))
            self.units[unit_id] = unit
            for form in spec.get("forms", []):
                self.index.add("unit", form, unit)
            for symbol in spec.get("before", []):
                self.index.add("unit_before", symbol, unit)

    def _compile_predicates(self, predicates: dict[str, Any]) -> None:
        self.predicates = {}
        for pred_id, spec in predicates.items():
            label = spec.get("label", pred_id)
            if isinstance(label, str):
                label = {"en": label}
            self.predicates[pred_id] = PredicateDef(
                pred_id, dict(label), tuple(spec.get("dimensions", [])),
                tuple(spec.get("kinds", [])), tuple(spec.get("units", [])), bool(spec.get("grows", False)),
                spec.get("holders", "one") == "one", spec.get("align_on", "participants"), spec.get("about"),
            )
            for trigger in spec.get("triggers", []):
                self.index.add("trigger", trigger, pred_id)

    def _compile_entities(self, entities: dict[str, Any]) -> None:
        self.entities = {}
        for entity_id, spec in entities.items():
            entity = EntityDef(entity_id, spec.get("type"), tuple(spec.get("names", [])), spec.get("acts_for"))
            self.entities[entity_id] = entity
            for name in entity.names:
                self.index.add("entity", name, entity_id)

    def _compile_dates(self, dates: dict[str, Any]) -> None:
        self.months = {}
        for number, names in dates.get("months", {}).items():
            for name in names:
                self.index.add("month", name, int(number))
                norms = phrase_norms(name)
                if len(norms) == 1:
                    self.months[norms[0]] = int(number)
        for phrase in dates.get("year_cues", []):
            self.index.add("year_cue", phrase, True)
        for season, phrases in dates.get("seasons", {}).items():
            for phrase in phrases:
                self.index.add("season", phrase, season)
        for relative, phrases in dates.get("relative", {}).items():
            for phrase in phrases:
                self.index.add("relative_date", phrase, relative)
        for predicate, phrases in dates.get("event_triggers", {}).items():
            for phrase in phrases:
                self.index.add("date_trigger", phrase, predicate)
        self.season_months = {season: tuple(months) for season, months in dates.get("season_months", {}).items()}
        for phrase in dates.get("year_words", []):
            self.index.add("year_word", phrase, True)
        for phrase in dates.get("month_words", []):
            self.index.add("month_word", phrase, True)
        for phrase in dates.get("week_words", []):
            self.index.add("week_word", phrase, True)
        for place in ("before", "after"):
            for phrase in dates.get("ago", {}).get(place, []):
                self.index.add(f"ago_{place}", phrase, True)
        for phrase, days in dates.get("ago_units", {}).items():
            self.index.add("ago_unit", phrase, int(days))
        for number, names in dates.get("weekdays", {}).items():
            for name in names:
                self.index.add("weekday", name, int(number))
        for phrase in dates.get("day_before", []):
            self.index.add("day_before", phrase, True)
        for predicate, phrases in dates.get("event_nouns", {}).items():
            for phrase in phrases:
                self.index.add("date_noun", phrase, predicate)

    def _compile_roles(self, roles: dict[str, Any]) -> None:
        for role_id, phrases in roles.get("titles", {}).items():
            for phrase in phrases:
                self.index.add("role_title", phrase, role_id)
        # Cue lists become index categories "role_<name>"; their payload is the name.
        for category, phrases in roles.items():
            if category != "titles":
                for phrase in phrases:
                    self.index.add(f"role_{category}", phrase, category)

    def _variants(self, norm: str) -> tuple[str, ...]:
        """A word's matching form, then its forms without attached clitics.

        Verb prefixes (the future "س") come off only a verb-length rest, so
        "ستلغى" meets "تلغى" but the name "سهى" never becomes "هى".
        """
        return _strip(norm, self.verb_prefixes, 3, list(self._clitic_forms(norm)))

    def _clitic_forms(self, norm: str) -> tuple[str, ...]:
        """A word and its forms without an attached conjunction, preposition or article."""
        return _strip(norm, self.prefixes, 2, [norm])

    def stem(self, norm: str) -> str:
        """A light stem: clitics off the front, one inflectional ending off the back
        (not the future "س": a stem names nouns, "سباق" is not "باق")."""
        word = self._clitic_forms(norm)[-1]
        for suffix in self.suffixes:
            if word.endswith(suffix) and len(word) - len(suffix) >= 3:
                return word[: -len(suffix)]
        return word

    def _number_word(self, norm: str) -> float | None:
        for form in self.variants(norm):
            if form in self.number_words:
                return self.number_words[form]
        return None

    def _may_start_number(self, norm: str) -> bool:
        """A number word, a scale word, or an article that may come before one."""
        return norm in self.articles or self.number_word(norm) is not None \
            or self.lookup(self.scales, norm) is not None

    def lookup(self, table: dict[str, float], norm: str) -> float | None:
        for form in self.variants(norm):
            if form in table:
                return table[form]
        return None

    def in_set(self, category: str, norm: str) -> bool:
        words = self.word_sets.get(category, frozenset())
        return any(form in words for form in self.variants(norm))

    def _is_stopword(self, norm: str) -> bool:
        return any(form in self.stopwords for form in self.variants(norm))


def _strip(norm: str, prefixes: tuple[str, ...], shortest: int, forms: list[str]) -> tuple[str, ...]:
    """`forms` plus norm without each prefix it starts with, where `shortest` letters remain."""
    for prefix in prefixes:
        if norm.startswith(prefix) and len(norm) - len(prefix) >= shortest:
            stripped = norm[len(prefix):]
            if stripped not in forms:
                forms.append(stripped)
    return tuple(forms)


def lexicon_files(root: Path) -> dict[str, list[Path]]:
    """The lexicon YAML files under root, by language folder (common included)."""
    out: dict[str, list[Path]] = {}
    if not root.is_dir():
        return out
    for folder in sorted(p for p in root.iterdir() if p.is_dir()):
        files = sorted([*folder.glob("*.yaml"), *folder.glob("*.yml")])
        if files:
            out[folder.name] = files
    return out


def read_lexicon_sources(root: Path | None = None) -> dict[str, list[LoadedYaml]]:
    """Load and validate every lexicon file; raise RuleErrors listing every problem."""
    root = root or rules_home() / "lexicons"
    schema = load_schema("lexicon.schema.json")
    problems: list[RuleError] = []
    loaded: dict[str, list[LoadedYaml]] = {}
    for lang, paths in lexicon_files(root).items():
        for path in paths:
            try:
                doc = load_yaml(path)
            except RuleError as exc:
                problems.append(exc)
                continue
            if not isinstance(doc.data, dict):
                problems.append(doc.error((), "a lexicon file must be a mapping of sections"))
                continue
            errors = schema_errors(doc, schema)
            if errors:
                problems.extend(errors)
                continue
            loaded.setdefault(lang, []).append(doc)
    if problems:
        raise RuleErrors(problems)
    return loaded


def build_lexicons(sources: dict[str, list[LoadedYaml]],
                   extensions: Iterable[tuple[str, dict[str, Any]]] = ()) -> dict[str, Lexicon]:
    """Merge common + each language (+ rule-file extensions) into compiled lexicons."""
    common: dict[str, Any] = {}
    for doc in sources.get(COMMON, []):
        merge_sections(common, doc.data)
    extensions = list(extensions)
    langs = {lang for lang in sources if lang != COMMON} | {lang for lang, _ in extensions if lang != COMMON}
    lexicons: dict[str, Lexicon] = {}
    for lang in sorted(langs | {"en"}):
        merged: dict[str, Any] = {}
        merge_sections(merged, common)
        for doc in sources.get(lang, []):
            merge_sections(merged, doc.data)
        for ext_lang, data in extensions:
            if ext_lang in (lang, COMMON):
                merge_sections(merged, data)
        lexicons[lang] = Lexicon(lang, merged)
    return lexicons
