"""What every language's text is read with: folding, punctuation and scripts.

These tables are data (rules/lexicons/common/script.yaml) that the text layer
needs before any language is chosen: how to fold a character for matching,
which marks end a clause or a sentence, and which letters make up a script.
They are read once, on first use.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from checker.resources import rules_home
from checker.yamlio import load_yaml

SCRIPT_FILE = ("lexicons", "common", "script.yaml")


@dataclass(frozen=True)
class ScriptData:
    """The character tables of rules/lexicons/common/script.yaml."""

    folding: dict[int, str | None]  # a str.translate table
    commas: frozenset[str]
    clause_breaks: frozenset[str]  # commas included
    sentence_ends: str
    closers: str
    decimal_marks: str
    group_spaces: str  # spaces that group a number's digits in threes ("1 500 000")
    invisible: str  # formatting marks read as nothing (bidi marks, zero-width characters)
    signs: dict[str, int]  # folded sign marks before a number and the sign each gives
    scripts: dict[str, str]  # script name -> its letters, as the inside of a regex character class
    openers: frozenset[str]  # opening brackets
    note_openers: frozenset[str]  # brackets around a note's number ("[2]")
    quote_marks: frozenset[str]  # quotation marks around a figure, read through like brackets
    clause_starts: frozenset[str]  # ":", "•": a capital after them opens a clause
    title_abbreviations: frozenset[str]  # "Capt": its full stop ends no sentence
    number_abbreviations: frozenset[str]  # "Sept": nor before a number ("Sept. 2")
    capitals: dict[str, str]  # script name -> its capital letters, as the inside of a regex character class

    def letters(self, script: str) -> re.Pattern[str]:
        """A pattern matching one letter of a script."""
        return re.compile(f"[{self.scripts[script]}]")

    def capital(self, script: str) -> re.Pattern[str]:
        """A pattern matching one capital letter of a script ("É", "Ø" as well as "E");
        none in a script without case."""
        return re.compile(f"[{self.capitals[script]}]" if self.capitals.get(script) else "(?!)")


def _characters(ranges: list[str]) -> list[str]:
    """Every character of entries such as "a-z" or "\u0670"."""
    out: list[str] = []
    for entry in ranges:
        if len(entry) == 3 and entry[1] == "-":
            out.extend(chr(c) for c in range(ord(entry[0]), ord(entry[2]) + 1))
        else:
            out.extend(entry)
    return out


def _letter_class(ranges: list[str]) -> str:
    return "".join(re.escape(r[0]) + "-" + re.escape(r[2]) if len(r) == 3 and r[1] == "-" else re.escape(r)
                   for r in ranges)


@cache
def script_data() -> ScriptData:
    data = load_yaml(rules_home().joinpath(*SCRIPT_FILE)).data
    folding = data.get("folding", {})
    table: dict[int, str | None] = {ord(k): v for k, v in folding.get("letters", {}).items()}
    for char in _characters(folding.get("decompose", [])):
        base = "".join(c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c))
        if base and base != char:
            table.setdefault(ord(char), base)
    for zero in folding.get("digits", []):
        table.update({ord(zero) + d: str(d) for d in range(10)})
    table.update({ord(c): None for c in _characters(folding.get("dropped", []))})
    marks = data.get("punctuation", {})
    commas = frozenset(marks.get("commas", []))
    return ScriptData(
        folding=table,
        commas=commas,
        clause_breaks=commas | frozenset(marks.get("clause_breaks", [])),
        sentence_ends="".join(marks.get("sentence_ends", [])),
        closers="".join(marks.get("closers", [])),
        decimal_marks="".join(marks.get("decimal_marks", [])),
        group_spaces="".join(marks.get("group_spaces", [])),
        invisible="".join(_characters(marks.get("invisible", []))),
        signs={str(k): int(v) for k, v in marks.get("signs", {}).items()},
        scripts={name: _letter_class(ranges) for name, ranges in data.get("scripts", {}).items()},
        capitals={name: "".join(re.escape(c) for c in _characters(ranges) if c.isupper())
                  for name, ranges in data.get("scripts", {}).items()},
        openers=frozenset(marks.get("openers", [])),
        note_openers=frozenset(marks.get("note_openers", [])),
        quote_marks=frozenset(marks.get("quote_marks", [])),
        clause_starts=frozenset(marks.get("clause_starts", [])),
        title_abbreviations=frozenset(marks.get("abbreviations", {}).get("titles", [])),
        number_abbreviations=frozenset(marks.get("abbreviations", {}).get("before_numbers", [])),
    )
