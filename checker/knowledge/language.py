"""One language's words, compiled for matching: the phrase index and word tables.

A Language holds what rules/lexicons/common/ (words shared by every language)
and rules/lexicons/<lang>/ give for one language: number words, unit forms,
qualifiers, trigger words, name cues, stopwords, clitics, date words. What
those words point to (predicates, units, entities) is the ontology, which it
is given and never changes. Nothing about a language is written in Python.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from checker.errors import RuleError
from checker.knowledge.categories import Category
from checker.knowledge.ontology import EntityDef, Ontology, PredicateDef, UnitDef
from checker.knowledge.windows import Windows
from checker.memo import Memo
from checker.text.normalize import fold
from checker.text.phrases import PhraseIndex
from checker.text.tokens import phrase_norms


@dataclass
class Language:
    """Everything one language knows, compiled for matching."""

    lang: str
    data: dict[str, Any]
    ontology: Ontology
    index: PhraseIndex = field(init=False)
    prefixes: tuple[str, ...] = field(init=False)
    verb_prefixes: tuple[str, ...] = field(init=False)
    suffixes: tuple[str, ...] = field(init=False)
    number_words: dict[str, float] = field(init=False)
    multipliers: dict[str, float] = field(init=False)
    scales: dict[str, float] = field(init=False)
    fractions: dict[str, float] = field(init=False)
    digit_count: frozenset[str] = field(init=False)
    ordinals: dict[str, int] = field(init=False)
    ordinal_suffixes: frozenset[str] = field(init=False)
    joiners: frozenset[str] = field(init=False)
    range_joins: frozenset[str] = field(init=False)
    connectors: frozenset[str] = field(init=False)
    articles: frozenset[str] = field(init=False)
    stopwords: frozenset[str] = field(init=False)
    pronoun_suffixes: tuple[str, ...] = field(init=False)
    months: dict[str, int] = field(init=False)
    day_ordinals: dict[str, int] = field(init=False)
    day_connectors: frozenset[str] = field(init=False)
    # The writing system and grammatical words the code asks about by name.
    script: str | None = field(init=False)
    has_case: bool = field(init=False)
    definite_article: tuple[str, ...] = field(init=False)  # as written, not folded
    contracted_article: tuple[str, ...] = field(init=False)
    attached_prepositions: frozenset[str] = field(init=False)
    attached_conjunctions: frozenset[str] = field(init=False)
    possessive_markers: frozenset[str] = field(init=False)
    object_prepositions: frozenset[str] = field(init=False)
    noun_modifiers: str | None = field(init=False)  # "before" or "after" the counted noun
    entity_first_words: frozenset[str] = field(init=False)  # the first word of each listed name
    adjective_endings: tuple[str, ...] = field(init=False)
    adjective_starts: tuple[str, ...] = field(init=False)
    windows: Windows = field(init=False)
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
        self.windows = Windows(**data.get("windows", {}))
        self.labels: dict[str, str] = dict(data.get("labels", {}))
        writing = data.get("writing_system", {})
        self.script = writing.get("script")
        self.has_case = bool(writing.get("has_case", True))
        self.word_stems = Memo(self._word_stems).lookup
        self._stemmer_name: str | None = writing.get("stemmer")
        self._stemmer: Any = None  # made on first use (_snowball)
        grammar = data.get("grammar", {})
        self.definite_article = tuple(grammar.get("definite_article", []))
        self.contracted_article = tuple(grammar.get("contracted_article", []))
        self.noun_modifiers = grammar.get("noun_modifiers")
        self.verb_first = bool(grammar.get("verb_first", False))
        self.plural_endings = tuple(fold(w) for w in grammar.get("plural_endings", []))
        forms = grammar.get("adjective_forms", {})
        self.adjective_endings = tuple(fold(w) for w in forms.get("endings", []))
        self.adjective_starts = tuple(fold(w) for w in forms.get("starts", []))
        for key in ("attached_prepositions", "attached_conjunctions", "possessive_markers", "object_prepositions"):
            setattr(self, key, frozenset(fold(w) for w in grammar.get(key, [])))
        numbers = data.get("numbers", {})
        self.number_words = {fold(k): float(v) for k, v in numbers.get("words", {}).items()}
        self.multipliers = {fold(k): float(v) for k, v in numbers.get("multipliers", {}).items()}
        self.scales = {fold(k): float(v) for k, v in numbers.get("scales", {}).items()}
        self.fractions = {fold(k): float(v) for k, v in numbers.get("fractions", {}).items()}
        self.digit_count = frozenset(fold(w) for w in numbers.get("digit_count", []))
        self.ordinals = {fold(k): int(v) for k, v in numbers.get("ordinals", {}).items()}
        self.ordinal_suffixes = frozenset(fold(w) for w in numbers.get("ordinal_suffixes", []))
        self.unranked = frozenset(fold(w) for w in numbers.get("unranked", []))
        self.reversed_decimal_marks = frozenset(fold(w) for w in numbers.get("reversed_decimal_marks", []))
        self.naming_words = frozenset(fold(w) for w in numbers.get("naming_words", []))
        self.joiners = frozenset(fold(w) for w in numbers.get("joiners", []))
        self.connectors = frozenset(fold(w) for w in numbers.get("connectors", []))
        self.articles = frozenset(fold(w) for w in numbers.get("articles", []))
        self.range_joins = frozenset(fold(w) for w in numbers.get("range_joins", []))
        self.bare_range_joins = frozenset(fold(w) for w in numbers.get("bare_range_joins", []))
        self.one_unit_after = frozenset(fold(w) for w in numbers.get("one_unit_after", []))
        self.rate_words = frozenset(fold(w) for w in numbers.get("rate_words", []))
        self.counted_after = {fold(k): float(v) for k, v in grammar.get("counted_after", {}).items()}
        self.duals: dict[str, UnitDef] = {}
        self.said_of: dict[str, frozenset[str]] = {}  # an outcome's nouns, where its lexicon lists them
        for category in (Category.OUT_OF, Category.RISES_TO, Category.RANGE_CUES, Category.CONVERSION_CUES):
            for phrase in numbers.get(category, []):
                self._index(category, phrase, category)
        for part, category in (("plus", Category.SUM_PLUS), ("base", Category.SUM_BASE),
                               ("addition", Category.SUM_ADDITION)):
            for phrase in numbers.get("sums", {}).get(part, []):
                self._index(category, phrase, part)
        for phrase in numbers.get("rank_words", []):
            self._index(Category.RANK_WORD, phrase, True)
        for phrase, percent in numbers.get("shares", {}).items():
            self._index(Category.SHARE, phrase, float(percent))
        for phrase, bounds in numbers.get("vague", {}).items():
            self._index("vague", phrase, (float(bounds[0]), float(bounds[1])))
        self._compile_units(data.get("units", {}))
        self._compile_predicates(data.get("predicates", {}))
        self._compile_entities()
        for qualifier, places in data.get("qualifiers", {}).items():
            for place in ("before", "after"):
                for phrase in places.get(place, []):
                    self._index(f"qualifier_{place}", phrase, qualifier)
        names = data.get("names", {})
        self.word_sets: dict[str, frozenset[str]] = {}
        for category in (Category.PERSON_TITLES, Category.ORG_CUES, Category.PARTY_CUES, Category.SPEECH_VERBS,
                         Category.ORG_ANAPHORA, Category.PERSON_ANAPHORA):
            for phrase in names.get(category, []):
                self._index(category, phrase, category)
            self.word_sets[category] = frozenset(
                n[0] for n in map(phrase_norms, names.get(category, [])) if len(n) == 1)
        # Looked up word by word only, so kept out of the phrase index.
        self.word_sets["org_suffixes"] = frozenset(fold(w) for w in names.get("org_suffixes", []))
        self.pronoun_suffixes = tuple(fold(s) for s in names.get("pronoun_suffixes", []))
        attribution = data.get("attribution", {})
        for category in ("according_to", "speech_verbs"):
            for phrase in attribution.get(category, []):
                self._index(f"attribution_{category}", phrase, category)
        for category in (Category.HEDGES, Category.NEGATIONS, Category.NOT_NEGATIONS, Category.FORECASTS,
                         Category.CLAUSE_OPENERS, Category.FURNITURE, Category.RIGHTS_NOTICE):
            for phrase in data.get(category, []):
                self._index(category, phrase, phrase)
        for place, phrases in data.get("earlier", {}).items():
            category = f"earlier_{place}" if place in ("before", "after", "clause") else f"change_{place}"
            for phrase in phrases:
                self._index(category, phrase, place)
        self.stopwords = frozenset(fold(w) for w in data.get("stopwords", []))
        self.function_words = frozenset(fold(w) for w in data.get("function_words", [])) | self.stopwords
        self._compile_dates(data.get("dates", {}))
        matches = data.get("matches", {})
        for category in (Category.MINUTE_BEFORE, Category.MINUTE_AFTER):
            for phrase in matches.get(category, []):
                self._index(category, phrase, category)
        self.minute_marks = frozenset(fold(w) for w in matches.get("minute_marks", []))
        self.minute_words = frozenset(fold(w) for w in matches.get("minute_words", []))
        for phrase, goals in matches.get("goals", {}).items():
            self._index(Category.GOALS, phrase, int(goals))
        for phrase in matches.get("goal_nouns", []):
            self._index(Category.GOAL_NOUN, phrase, True)
        for phrase in matches.get("nil", []):
            self._index(Category.GOALS_NIL, phrase, 0)
        for phrase, goals in matches.get("against", {}).items():
            self._index(Category.GOALS_AGAINST, phrase, int(goals))
        self._compile_roles(data.get("roles", {}))
        self._compile_frames(data.get("frames", {}))

    def _compile_units(self, units: dict[str, Any]) -> None:
        for unit_id, spec in units.items():
            unit = self.ontology.units[unit_id]
            for form in spec.get("forms", []):
                self._index("unit", form, unit)
            for symbol in spec.get("before", []):
                self._index("unit_before", symbol, unit)
        dual = self.data.get("grammar", {}).get("dual")
        if dual:
            self._compile_duals(units, dual)

    def _compile_duals(self, units: dict[str, Any], dual: dict[str, Any]) -> None:
        """The dual of each one-word unit form ("عام" gives "عامين", "عامان"; "ساعة" gives
        "ساعتين"): a unit and the number two in one word. An ending that is also a sound
        plural's ("ين": "موظفين" employees) gives no dual of a form whose sound plural the
        lexicon lists, and no generated form is one the lexicon lists for itself."""
        listed = {fold(form) for spec in units.values() for form in spec.get("forms", [])}
        plurals = [fold(e) for e in dual.get("sound_plural_endings", [])]
        ambiguous = {fold(e) for e in dual.get("sound_plural_ambiguous", [])}
        feminine, stem_end = dual.get("feminine_ending", ""), dual.get("feminine_stem", "")
        not_singular = tuple(fold(e) for e in dual.get("not_singular_endings", []))
        other_words = {fold(w) for w in dual.get("other_words", [])}
        sound_singulars = tuple(dual.get("sound_plural_singular_endings", []))
        for unit_id, spec in units.items():
            unit = self.ontology.units[unit_id]
            for form in (f for f in spec.get("forms", [])
                         if f.isalpha() and len(fold(f)) >= 3 and not fold(f).endswith(not_singular)):
                stem = form[: -len(feminine)] + stem_end if feminine and form.endswith(feminine) else form
                has_sound_plural = form.endswith(sound_singulars) or \
                    any(fold(form) + ending in listed for ending in plurals)
                for ending in dual.get("endings", []):
                    word = fold(stem + ending)
                    if fold(ending) in ambiguous and has_sound_plural or word in listed or word in self.duals \
                            or word in other_words:
                        continue
                    self.duals[word] = unit
                    self._index("unit", stem + ending, unit)

    def dual_unit(self, norm: str) -> UnitDef | None:
        """The unit a word in the dual counts two of ("لعامين": years), or None."""
        for form in self.variants(norm):
            if form in self.duals:
                return self.duals[form]
        return None

    def _compile_predicates(self, predicates: dict[str, Any]) -> None:
        for pred_id, definition in self.ontology.predicates.items():
            words = predicates.get(pred_id, {})
            for trigger in words.get("triggers", []):
                self._index("trigger", trigger, pred_id)
            # An outcome's words: each value the ontology lists, none it does not.
            for value in definition.values:
                for phrase in words.get("says", {}).get(value, []):
                    self._index(Category.OUTCOME, phrase, (pred_id, value))
            for phrase in words.get("about_after", []):
                self._index(Category.OUTCOME_ABOUT, phrase, pred_id)
            if words.get("said_of"):
                self.said_of[pred_id] = frozenset(fold(w) for w in words["said_of"])

    def _compile_entities(self) -> None:
        firsts: set[str] = set()
        for entity in self.ontology.entities.values():
            for name in entity.names:
                self._index("entity", name, entity.id)
                norms = phrase_norms(name)
                if norms:
                    firsts.add(norms[0])
        self.entity_first_words = frozenset(firsts)

    # The ontology, as this language's words point to it.

    @property
    def predicates(self) -> dict[str, PredicateDef]:
        return self.ontology.predicates

    @property
    def units(self) -> dict[str, UnitDef]:
        return self.ontology.units

    @property
    def entities(self) -> dict[str, EntityDef]:
        return self.ontology.entities

    def _compile_dates(self, dates: dict[str, Any]) -> None:
        self.months = {}
        self.day_ordinals = {fold(k): int(v) for k, v in dates.get("day_ordinals", {}).items()}
        self.day_connectors = frozenset(fold(w) for w in dates.get("day_connectors", []))
        for number, names in dates.get("months", {}).items():
            for name in names:
                self._index("month", name, int(number))
                norms = phrase_norms(name)
                if len(norms) == 1:
                    self.months[norms[0]] = int(number)
        for phrase in dates.get("year_cues", []):
            self._index("year_cue", phrase, True)
        for season, phrases in dates.get("seasons", {}).items():
            for phrase in phrases:
                self._index("season", phrase, season)
        for relative, phrases in dates.get("relative", {}).items():
            for phrase in phrases:
                self._index("relative_date", phrase, relative)
        for predicate, phrases in dates.get("event_triggers", {}).items():
            for phrase in phrases:
                self._index("date_trigger", phrase, predicate)
        self.season_months = {season: tuple(months) for season, months in dates.get("season_months", {}).items()}
        for phrase in dates.get("year_words", []):
            self._index("year_word", phrase, True)
        for phrase in dates.get("month_words", []):
            self._index("month_word", phrase, True)
        for phrase in dates.get("week_words", []):
            self._index("week_word", phrase, True)
        for place in ("before", "after"):
            for phrase in dates.get("ago", {}).get(place, []):
                self._index(f"ago_{place}", phrase, True)
        for phrase, days in dates.get("ago_units", {}).items():
            self._index("ago_unit", phrase, int(days))
        for number, names in dates.get("weekdays", {}).items():
            for name in names:
                self._index("weekday", name, int(number))
        for half, phrases in dates.get("day_halves", {}).items():
            for phrase in phrases:
                self._index(Category.DAY_HALF, phrase, half)
        clock = dates.get("clock", {})
        for place in ("before", "after"):
            for phrase in clock.get(place, []):
                self._index(f"clock_{place}", phrase, True)
        for phrase, hour in clock.get("hours", {}).items():
            self._index(Category.CLOCK_HOUR, phrase, int(hour))
        for phrase, minutes in clock.get("minutes", {}).items():
            self._index(Category.CLOCK_MINUTES, phrase, int(minutes))
        for phrase in dates.get("day_before", []):
            self._index("day_before", phrase, True)
        for predicate, phrases in dates.get("event_nouns", {}).items():
            for phrase in phrases:
                self._index("date_noun", phrase, predicate)

    def _compile_roles(self, roles: dict[str, Any]) -> None:
        for role_id, phrases in roles.get("titles", {}).items():
            for phrase in phrases:
                self._index("role_title", phrase, role_id)
        # Cue lists become index categories "role_<name>"; their payload is the name.
        for category, phrases in roles.items():
            if category != "titles":
                for phrase in phrases:
                    self._index(f"role_{category}", phrase, category)

    def _compile_frames(self, frames: dict[str, Any]) -> None:
        axes = frames.get("axes", {})
        self.sentence_axes = frozenset(frames.get("sentence_axes", ()))
        for axis, values in frames.get("qualifiers", {}).items():
            for value, phrases in values.items():
                if value not in axes.get(axis, ()):
                    raise RuleError(f"frames.qualifiers.{axis}.{value}: not a value of common/frames.yaml "
                                    f"axes ({', '.join(f'{a}: {v}' for a, vs in axes.items() for v in vs)})",
                                    f"rules/lexicons/{self.lang}/frames.yaml")
                for phrase in phrases:
                    self._index(Category.FRAME_QUALIFIER, phrase, f"{axis}:{value}")
        for section in ("owner_before", "owner_after", "respectively", "measures", "of", "references",
                        "time_cues", "past"):
            for phrase in frames.get(section, []):
                self._index(Category(f"frame_{section}"), phrase, section)

    def _index(self, category: str, phrase: str, payload: Any) -> None:
        """Index a phrase under one of the closed list of categories (an unknown one is a bug)."""
        self.index.add(Category(category), phrase, payload)

    def has_article(self, text: str) -> bool:
        """The definite article written onto a word ("الذكاء"; not "ألكساندر", whose alef has a hamza)."""
        return bool(self.definite_article) and text.startswith(self.definite_article)

    def carries_article(self, text: str) -> bool:
        """The article, alone or joined to a preposition ("الشركة", "للشركة")."""
        return self.has_article(text) or bool(self.contracted_article) and text.startswith(self.contracted_article)

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
        """A number word, a scale word, an article that may come before one, a word before
        a unit that counts one of it, a noun in the dual, or a fraction ("نصف مليون")."""
        return norm in self.articles or norm in self.one_unit_after or self.number_word(norm) is not None \
            or self.lookup(self.scales, norm) is not None or (bool(self.duals) and self.dual_unit(norm) is not None) \
            or self.lookup(self.fractions, norm) is not None

    def lookup(self, table: dict[str, float], norm: str) -> float | None:
        for form in self.variants(norm):
            if form in table:
                return table[form]
        return None

    def in_set(self, category: str, norm: str) -> bool:
        words = self.word_sets.get(category, frozenset())
        return any(form in words for form in self.variants(norm))

    def _word_stems(self, norm: str) -> frozenset[str]:
        """The stems a word may be compared by: its Snowball stem, with and without the
        clitics it may carry ("البنزين", "بنزين"); stems shorter than three letters say too little."""
        forms = self.variants(norm)
        stemmer = self._snowball()
        stems = {stemmer.stemWord(form) for form in forms} if stemmer else {self.stem(norm)}
        return frozenset(stem for stem in stems if len(stem) >= 3)

    def _snowball(self) -> Any:
        """The language's Snowball stemmer, made when first needed: the cached knowledge then
        holds no stemmer, and a command that compares no stems never imports the package."""
        if self._stemmer is None and self._stemmer_name:
            import snowballstemmer  # start-up: it loads every language's stemmer (10-15 ms)

            self._stemmer = snowballstemmer.stemmer(self._stemmer_name)
        return self._stemmer

    def says_nothing(self, norm: str) -> bool:
        """A function word or a verb of reporting, with or without attached clitics."""
        return any(form in self.function_words for form in self.variants(norm))

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


