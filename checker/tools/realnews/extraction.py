"""The extraction ceiling: the share of gold values that some claim of the checker reads.

No alignment can pair a figure that was never read. A gold value is *read* when a
claim of the report matches it (matching.py: from its article, citing its quote,
stating its number); the share of gold values read bounds every pair-level figure.
Values are counted apart by what they are:

- numeric values of gold conflicts, and numeric values of gold agreements (a value
  with a number: "2.1 billion USD", "about 600");
- non-numeric values of either ("Friday", "convicted"): *cited* when a claim of
  the value's article quotes it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from checker.tools.realnews.gold import GoldClaim, GoldValue, StoryGold
from checker.tools.realnews.matching import gold_number

CONFLICT_NUMERIC, AGREEMENT_NUMERIC, NON_NUMERIC = "conflict", "agreement", "non-numeric"
GROUPS = (CONFLICT_NUMERIC, AGREEMENT_NUMERIC, NON_NUMERIC)


def group_of(claim: GoldClaim, value: GoldValue) -> str:
    if gold_number(value.value) is None:
        return NON_NUMERIC
    return CONFLICT_NUMERIC if claim.is_conflict else AGREEMENT_NUMERIC


@dataclass(frozen=True)
class Miss:
    """A gold value no claim matches."""

    claim: GoldClaim
    value: GoldValue
    group: str


@dataclass
class ExtractionScore:
    """Gold values and those read, per group; the misses of one story."""

    values: dict[str, int] = field(default_factory=lambda: dict.fromkeys(GROUPS, 0))
    read: dict[str, int] = field(default_factory=lambda: dict.fromkeys(GROUPS, 0))
    misses: list[Miss] = field(default_factory=list)

    def __add__(self, other: ExtractionScore) -> ExtractionScore:
        """The sum of the counts, for totals; the misses stay with each story."""
        return ExtractionScore({g: self.values[g] + other.values[g] for g in GROUPS},
                               {g: self.read[g] + other.read[g] for g in GROUPS})


def score_extraction(gold: StoryGold, extracted: set[tuple[str, int]]) -> ExtractionScore:
    """`extracted`: the (gold claim id, value position) pairs some claim matches."""
    out = ExtractionScore()
    for claim in gold.claims:
        for position, value in enumerate(claim.values):
            group = group_of(claim, value)
            out.values[group] += 1
            if (claim.id, position) in extracted:
                out.read[group] += 1
            else:
                out.misses.append(Miss(claim, value, group))
    return out
