"""The gold of one real-news story (`<story>/gold.yaml`), read strictly.

The format is the one of ../shared/realnews/README.md: `story`, `lang`, `event`,
`articles`, `verdict_legend`, then `claims`, each with values that cite one
article's exact words. A file that strays from it stops the run, every problem
named as `file:line:col: message` (exit status 2), so that a typo in the gold
is never scored as a miss of the checker.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StrictStr,
    ValidationError,
    field_validator,
)

from checker.errors import InputError, RuleError, RuleErrors
from checker.yamlio import LoadedYaml, load_yaml


class GoldErrors(RuleErrors):
    """Every problem of one gold file; the CLI prints each on its own line."""

    def __init__(self, errors: list[InputError]) -> None:
        super().__init__(errors)  # type: ignore[arg-type]  # printed alike
        self.message = f"{len(errors)} problem(s) in a gold file"


class GoldValue(BaseModel):
    """What one article says about the claim's quantity, and its exact words."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    article: StrictStr
    value: Any
    quote: StrictStr = Field(min_length=1)

    @field_validator("value")
    @classmethod
    def _text_or_number(cls, value: Any) -> str | int | float:
        # YAML turns `yes` into True and `2025-06-12` into a date: neither is what was meant.
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            raise ValueError("must be text or a number (quote dates: \"2025-06-12\")")
        return value


class GoldClaim(BaseModel):
    """One quantity of the story, as every article that states it states it."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: StrictStr
    subject: StrictStr
    predicate: StrictStr
    values: list[GoldValue] = Field(min_length=1)
    verdict: Literal["agree", "conflict"]
    note: Literal["temporal"] | None = None
    reason: StrictStr

    @property
    def is_conflict(self) -> bool:
        return self.verdict == "conflict"

    @property
    def articles(self) -> list[str]:
        return sorted({v.article for v in self.values})


class StoryGold(BaseModel):
    """A story's gold file."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    story: StrictStr
    lang: StrictStr
    event: StrictStr
    articles: list[StrictStr] = Field(min_length=1)
    article_langs: dict[StrictStr, StrictStr] | None = None
    verdict_legend: dict[StrictStr, StrictStr]
    claims: list[GoldClaim] = Field(min_length=1)
    non_conflicts_traps: list[Any] = Field(default_factory=list)
    single_source_facts_not_gold: list[StrictStr] = Field(default_factory=list)

    @property
    def conflicts(self) -> list[GoldClaim]:
        return [c for c in self.claims if c.is_conflict]

    @property
    def agreements(self) -> list[GoldClaim]:
        return [c for c in self.claims if not c.is_conflict]


def _describe(error: dict[str, Any]) -> tuple[tuple[Any, ...], str, bool]:
    """(where, message, at the key) for one pydantic error."""
    loc = tuple(error["loc"])
    field = next((p for p in reversed(loc) if isinstance(p, str)), "the file")
    kind = error["type"]
    if kind == "missing":
        return loc[:-1], f"missing '{field}'", False
    if kind == "extra_forbidden":
        return loc, f"unknown key '{field}'", True
    if kind == "literal_error":
        return loc, f"'{field}' must be {error['ctx']['expected']}", False
    if kind == "too_short":
        return loc, f"'{field}' must not be empty", False
    if kind == "value_error":
        return loc, f"'{field}' {error['ctx']['error']}", False
    return loc, f"'{field}': {error['msg'].lower()}", False


def _cross_references(gold: StoryGold) -> list[tuple[tuple[Any, ...], str]]:
    """What a schema cannot say: unique ids, and values citing listed articles."""
    problems: list[tuple[tuple[Any, ...], str]] = []
    listed = set(gold.articles)
    seen: set[str] = set()
    for i, claim in enumerate(gold.claims):
        if claim.id in seen:
            problems.append((("claims", i, "id"), f"claim id '{claim.id}' is used twice"))
        seen.add(claim.id)
        for j, value in enumerate(claim.values):
            if value.article not in listed:
                problems.append((("claims", i, "values", j, "article"),
                                 f"article '{value.article}' is not in 'articles'"))
    for name in gold.article_langs or {}:
        if name not in listed:
            problems.append((("article_langs", name), f"article '{name}' is not in 'articles'"))
    return problems


def _error(doc: LoadedYaml, where: tuple[Any, ...], message: str, key: bool = False) -> InputError:
    line, column = doc.where(where, key=key)
    return InputError(message, doc.path, line, column)


def read_gold(path: Path) -> StoryGold:
    """The gold file at `path`; GoldErrors (or one InputError) if it is malformed."""
    try:
        doc = load_yaml(path)
    except RuleError as exc:
        raise InputError(exc.message, path, exc.line, exc.column) from None
    if not isinstance(doc.data, dict):
        raise InputError("a gold file must be a mapping with 'story', 'articles' and 'claims'", path, 1)
    try:
        gold = StoryGold.model_validate(doc.data)
    except ValidationError as exc:
        errors, said = [], set()
        for where, message, key in map(_describe, exc.errors()):
            error = _error(doc, where, message, key)
            if str(error) not in said:
                said.add(str(error))
                errors.append(error)
        raise GoldErrors(errors) from None
    problems = _cross_references(gold)
    if problems:
        raise GoldErrors([_error(doc, where, message) for where, message in problems])
    return gold
