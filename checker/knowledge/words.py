"""The words a report writes in its language: counts of outlets, lists, kinds, qualifiers.

They are a language's `labels` and `plurals` (rules/lexicons/<lang>/report.yaml),
carried in the report (`Report.words`) so that its renderers need no lexicon. A
count takes the form of its plural category, as Unicode CLDR defines them: a
language lists the counts of each category it has (`one: [1]`), or a count
modulo a number within a range (`few: {mod: 100, from: 3, to: 10}`); every
other count is `other`.
"""

from __future__ import annotations

from typing import Any

from checker.knowledge.language import Language

CATEGORIES = ("zero", "one", "two", "few", "many")


def report_words(language: Language) -> dict[str, Any]:
    """What a report in this language writes: its labels, and its plural rules."""
    return {**language.labels, "plurals": dict(language.data.get("plurals", {}))}


class ReportWords:
    """A report's words, with what a renderer asks of them."""

    def __init__(self, words: dict[str, Any] | None = None) -> None:
        self.words = words or {}

    def plural(self, n: int) -> str:
        """The plural category of a count: the first category whose counts hold it, else `other`."""
        rules = self.words.get("plurals", {})
        for category in CATEGORIES:
            rule = rules.get(category)
            if isinstance(rule, list) and n in rule:
                return category
            if isinstance(rule, dict) and rule["from"] <= n % rule["mod"] <= rule["to"]:
                return category
        return "other"

    def outlets(self, n: int) -> str:
        """"3 outlets", "مصدران": how many outlets give a value."""
        forms = self.words.get("outlets") or {}
        form = forms.get(self.plural(n)) or forms.get("other") or "{n}"
        return form.replace("{n}", f"{n:,}")

    def more(self, n: int) -> str:
        return (self.words.get("more") or "+{n}").replace("{n}", f"{n:,}")

    @property
    def separator(self) -> str:
        return self.words.get("list_separator") or ", "

    @property
    def story(self) -> str:
        return self.words.get("story") or ""

    def kind(self, kind: str, fallback: str) -> str:
        return (self.words.get("kinds") or {}).get(kind) or fallback

    def qualifier(self, qualifier: str) -> str:
        """A qualifier's words; a frame's ("status:suspected") are named by its value alone."""
        value = qualifier.rsplit(":", 1)[-1]
        return (self.words.get("qualifiers") or {}).get(value) or value.replace("_", " ")
