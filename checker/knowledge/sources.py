"""Read the lexicon files and rule-file additions, and build the ontology and languages.

`rules/lexicons/common/` holds the ontology (predicates, units, entities) and
words every language shares; `rules/lexicons/<lang>/` holds one language's
words. Every file is parsed once and validated: common files against
lexicon.schema.json, language files against language.schema.json, which
refuses ontology keys. Files merge in name order (mappings merge, lists are
joined). Rule files may add to both (kinds `lexicon` and `alias`): what such
an addition says about the ontology goes to the ontology, whatever language
the rule names, and its words go to that language.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from checker.errors import RuleError, RuleErrors
from checker.knowledge.language import Language
from checker.knowledge.ontology import Ontology, split_ontology
from checker.knowledge.schema import rules_home, schema_errors
from checker.yamlio import LoadedYaml, load_yaml

COMMON = "common"

# (language or COMMON, lexicon sections) that rule files add.
Extension = tuple[str, dict[str, Any]]


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
    problems: list[RuleError] = []
    loaded: dict[str, list[LoadedYaml]] = {}
    for lang, paths in lexicon_files(root).items():
        schema = "lexicon.schema.json" if lang == COMMON else "language.schema.json"
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


def build_languages(sources: dict[str, list[LoadedYaml]], extensions: Iterable[Extension] = ()
                    ) -> tuple[Ontology, dict[str, Language], dict[str, Any]]:
    """The ontology (common files + every rule addition), each language's compiled words
    (every language with a folder or a rule), and the words all languages share."""
    ontology_sections: dict[str, Any] = {}
    shared_words: dict[str, Any] = {}
    for doc in sources.get(COMMON, []):
        facts, words = split_ontology(doc.data)
        merge_sections(ontology_sections, facts)
        merge_sections(shared_words, words)
    added_words: list[Extension] = []
    for lang, sections in extensions:
        facts, words = split_ontology(sections)
        merge_sections(ontology_sections, facts)
        added_words.append((lang, words))
    ontology = Ontology.from_sections(ontology_sections)
    ontology.alone_axes = frozenset((shared_words.get("frames") or {}).get("alone_axes", ()))

    langs = {lang for lang in sources if lang != COMMON} | {lang for lang, _ in added_words if lang != COMMON}
    languages: dict[str, Language] = {}
    problems: list[RuleError] = []
    for lang in sorted(langs):
        merged: dict[str, Any] = {}
        merge_sections(merged, shared_words)
        for doc in sources.get(lang, []):
            merge_sections(merged, doc.data)
        for added_lang, words in added_words:
            if added_lang in (lang, COMMON):
                merge_sections(merged, words)
        problems += ontology.undefined(merged, f"rules/lexicons/{lang}")
        if not problems:
            languages[lang] = Language(lang, merged, ontology)
    if problems:
        raise RuleErrors(problems)
    return ontology, languages, shared_words
