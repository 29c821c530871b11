"""Knowledge: the ontology, each language's words, and the rules in force.

Loaded once per run from rules/ (and the project's and the user's rule files)
and passed explicitly to the stages that need it: reading uses a Language,
alignment and judging the Ontology and the rules.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from checker.errors import RuleError, RuleErrors
from checker.knowledge.alignment import AlignmentModel, model_path, read_model
from checker.knowledge.cache import cached, knowledge_fingerprint, knowledge_inputs
from checker.knowledge.language import Language
from checker.knowledge.ontology import Ontology
from checker.knowledge.rules import (
    RuleSet,
    load_rules,
    rule_files,
    unknown_targets,
    with_overrides,
)
from checker.knowledge.sources import COMMON, Extension, build_languages, read_lexicon_sources
from checker.text.normalize import fold
from checker.text.script import script_data


@dataclass(frozen=True)
class Knowledge:
    """Everything a run knows before it reads an article."""

    ontology: Ontology
    languages: dict[str, Language]
    rules: RuleSet
    shared_words: dict[str, Any]  # what rules/lexicons/common/ says of every language's words
    alignment: AlignmentModel  # how likely two figures are one quantity (rules/models/align.yaml)
    # Rules skipped without stopping the run (an override of a rule that does not exist).
    skipped_rules: tuple[RuleError, ...] = field(default=())

    def language(self, lang: str | None, text: str = "") -> Language:
        """The language of that name, else the one its text is written in."""
        return self.languages.get(lang or "") or self.languages[self.detect_language(text)]

    def detect_language(self, text: str) -> str:
        """The language whose script the text uses most, then whose stopwords it uses most."""
        sample = text[:5000]
        words = [fold(w) for w in sample.split()[:1000]]

        def evidence(language: Language) -> tuple[int, int]:
            letters = script_data().letters(language.script) if language.script in script_data().scripts else None
            return (len(letters.findall(sample)) if letters else 0, sum(map(language.is_stopword, words)))

        return max(self.languages, key=lambda lang: evidence(self.languages[lang]))


def rule_extensions(rules: RuleSet) -> list[Extension]:
    """Language additions that rule files carry (kinds `lexicon` and `alias`)."""
    extensions: list[Extension] = []
    for rule in rules.of_kind("lexicon"):
        extensions.append((rule.spec.get("lang", "common"), rule.spec["add"]))
    for rule in rules.of_kind("alias"):
        entity = {"names": rule.spec["names"]}
        for key in ("type", "acts_for"):
            if key in rule.spec:
                entity[key] = rule.spec[key]
        extensions.append(("common", {"entities": {rule.spec["entity"]: entity}}))
    return extensions


def _inputs(rule_paths: list[Path], project_root: Path | None) -> list[Path]:
    # pyproject.toml may name project rules; its content is part of the key too.
    project = [project_root / "pyproject.toml"] if project_root is not None else []
    return knowledge_inputs([*rule_files(rule_paths, project_root), *project])


def load_knowledge(rule_paths: Iterable[Path] = (), project_root: Path | None = None) -> Knowledge:
    """Lexicons and rules, loaded and validated once; every problem raised together.

    The result is cached on disk (see cache.py), keyed by every file it is read from.
    """
    rule_paths = list(rule_paths)
    return cached(_inputs(rule_paths, project_root), lambda: build_knowledge(rule_paths, project_root))


def knowledge_key(rule_paths: Iterable[Path] = (), project_root: Path | None = None) -> str:
    """A digest of everything the knowledge is made of: equal keys read articles alike."""
    return knowledge_fingerprint(_inputs(list(rule_paths), project_root))


def build_knowledge(rule_paths: list[Path], project_root: Path | None) -> Knowledge:
    loaded = load_rules(rule_paths, project_root)
    rules = with_overrides(loaded)
    sources = read_lexicon_sources()
    problems = unknown_languages(rules, sources)
    if problems:
        raise RuleErrors(problems)
    ontology, languages, shared = build_languages(sources, rule_extensions(rules))
    return Knowledge(ontology, languages, rules, shared, read_model(model_path()),
                     tuple(unknown_targets(loaded)))


def unknown_languages(rules: RuleSet, sources: dict[str, Any]) -> list[RuleError]:
    """Lexicon rules for a language with no lexicon, where no rule makes one (gives its
    writing system): their words would reach no article ("lang: fr" for a typo of "ar")."""
    made = {r.spec.get("lang") for r in rules.of_kind("lexicon") if "writing_system" in r.spec["add"]}
    return [RuleError(f"lang '{lang}': no lexicon for this language (the checker has "
                      f"{', '.join(sorted(k for k in sources if k != COMMON))}); a rule that adds one gives its "
                      "writing_system and stopwords", rule.source, rule.line)
            for rule in rules.of_kind("lexicon")
            if (lang := rule.spec.get("lang", COMMON)) != COMMON and lang not in sources and lang not in made]
