"""Guard: knowledge of a language lives in rules/lexicons, never in checker code.

The code may name ontology ids, categories and Unicode properties; it may not
hold a language's letters or its words. Docstrings and comments may quote
examples in any language.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import yaml
from conftest import ROOT

PACKAGE = ROOT / "checker"
LANGUAGES = ROOT / "rules" / "lexicons"
ARABIC_LETTERS = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]")


def code_strings(path: Path) -> list[tuple[int, str]]:
    """The string literals of a module that are not docstrings, with their lines."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                docstrings.add(id(body[0].value))
    return [(node.lineno, node.value) for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings]


def language_words() -> set[str]:
    """Every word the per-language lexicons hold, but for the ids any lexicon keys
    its entries by ("about" is a qualifier's id as well as an English word)."""
    words: set[str] = set()
    ids: set[str] = set()

    def collect(value, language: bool) -> None:
        if isinstance(value, str) and language:
            words.update(w for w in value.casefold().split() if w.isalpha() and len(w) > 1)
        elif isinstance(value, dict):
            ids.update(str(key).casefold() for key in value)
            for item in value.values():
                collect(item, language)
        elif isinstance(value, list):
            for item in value:
                collect(item, language)

    for path in LANGUAGES.glob("*/*.yaml"):
        collect(yaml.safe_load(path.read_text(encoding="utf-8")), path.parent.name != "common")
    return words - ids


def word_lists(path: Path, words: set[str]) -> list[tuple[int, list[str]]]:
    """Collections of two or more string literals that are all words of some language."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, (ast.Set, ast.List, ast.Tuple)):
            items = [e.value for e in node.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)]
            if len(items) >= 2 and len(items) == len(node.elts) and all(i.casefold() in words for i in items):
                found.append((node.lineno, items))
    return found


def test_no_letters_of_a_language_in_code():
    offenders = [f"{path.relative_to(ROOT)}:{line}: {text!r}"
                 for path in sorted(PACKAGE.rglob("*.py"))
                 for line, text in code_strings(path) if ARABIC_LETTERS.search(text)]
    assert not offenders, "language data in code (move it to rules/lexicons):\n" + "\n".join(offenders)


def test_no_word_lists_of_a_language_in_code():
    words = language_words()
    offenders = [f"{path.relative_to(ROOT)}:{line}: {items}"
                 for path in sorted(PACKAGE.rglob("*.py")) for line, items in word_lists(path, words)]
    assert not offenders, "word lists in code (move them to rules/lexicons):\n" + "\n".join(offenders)


def test_the_guard_sees_a_word_list(tmp_path):
    """The guard itself can fail: a module with prepositions written in it is caught."""
    module = tmp_path / "bad.py"
    module.write_text('REPORTING = {"said", "told", "added"}\nARTICLE = "ال"\n', encoding="utf-8")
    assert word_lists(module, language_words())
    assert any(ARABIC_LETTERS.search(text) for _, text in code_strings(module))
