"""The alignment model: how likely two figures are one quantity, from what their pair shares.

A logistic regression over the features of a pair (checker/align/pair_features.py), its
weights learned from real coverage with gold (`factcheck train`) and shipped
as data in rules/models/align.yaml. Inference is a dot product: no library,
and every decision can be read back as the weight each feature added.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from checker.resources import rules_home
from checker.yamlio import load_yaml

MODEL_FILE = Path("models") / "align.yaml"


class Thresholds(BaseModel):
    """The probabilities at which alignment and judging act on a pair."""

    model_config = ConfigDict(extra="forbid")

    # Two articles' equal figures become one quantity (a group) from here;
    link: float = Field(0.7, ge=0, le=1)
    # two groups are joined when the mean probability between their figures reaches this.
    # (Both were chosen on cross-validated figures: docs/eval.md says how.)
    join: float = Field(0.3, ge=0, le=1)
    # A conflict is an error from here (chosen by cross-validation for precision);
    # a possible conflict, a warning to check, from `possible` up to it.
    conflict: float = Field(0.8, ge=0, le=1)
    possible: float = Field(0.5, ge=0, le=1)


class StageFile(BaseModel):
    """One logistic regression: a bias and a weight per named feature."""

    model_config = ConfigDict(extra="forbid")

    bias: float
    weights: dict[str, float]

    @field_validator("weights")
    @classmethod
    def _finite(cls, weights: dict[str, float]) -> dict[str, float]:
        bad = [name for name, w in weights.items() if not math.isfinite(w)]
        if bad:
            raise ValueError(f"weights must be finite numbers: {', '.join(bad)}")
        return weights


class ModelFile(BaseModel):
    """rules/models/align.yaml as written by `factcheck train`."""

    model_config = ConfigDict(extra="forbid")

    model: str = "logistic, two stages"
    trained: dict[str, Any] = Field(default_factory=dict)  # what it was trained on, for people
    pair: StageFile  # what two figures share
    rank: StageFile  # the pair's log-odds beside its rivals' in the same two articles
    thresholds: Thresholds = Field(default_factory=Thresholds)


def sigmoid(x: float) -> float:
    if x >= 0:
        return 1.0 / (1.0 + math.exp(-x))
    z = math.exp(x)
    return z / (1.0 + z)


@dataclass(frozen=True)
class Stage:
    """A bias and weights over named features."""

    bias: float
    weights: dict[str, float]

    def logit(self, features: dict[str, float]) -> float:
        weights = self.weights
        return self.bias + sum(weights.get(name, 0.0) * x for name, x in features.items())

    def contributions(self, features: dict[str, float]) -> list[tuple[str, float]]:
        """Each feature that moved the decision and by how much (weight × value), largest first."""
        parts = [(name, self.weights.get(name, 0.0) * x) for name, x in features.items() if x]
        return sorted((p for p in parts if abs(p[1]) >= 0.05), key=lambda p: (-abs(p[1]), p[0]))


@dataclass(frozen=True)
class AlignmentModel:
    """Two logistic regressions and the thresholds judging uses.

    The first weighs what a pair of figures shares (its log-odds alone); the second
    reads that log-odds beside those of the pair's rivals, the other figures of the
    same two articles: a figure that is the likeliest match of its partner, by a
    margin, is likelier to be the same quantity than one of many alike.
    """

    pair: Stage
    rank: Stage
    thresholds: Thresholds = field(default_factory=Thresholds)

    @classmethod
    def from_file(cls, data: ModelFile) -> AlignmentModel:
        return cls(Stage(data.pair.bias, dict(data.pair.weights)), Stage(data.rank.bias, dict(data.rank.weights)),
                   data.thresholds)

    def to_file(self, trained: dict[str, Any]) -> ModelFile:
        return ModelFile(trained=trained, pair=StageFile(bias=self.pair.bias, weights=self.pair.weights),
                         rank=StageFile(bias=self.rank.bias, weights=self.rank.weights), thresholds=self.thresholds)


def model_path(home: Path | None = None) -> Path:
    return (home or rules_home()) / MODEL_FILE


def read_model(path: Path) -> AlignmentModel:
    """The model of a weights file; a broken one is a RuleError at its line."""
    loaded = load_yaml(path)
    try:
        return AlignmentModel.from_file(ModelFile.model_validate(loaded.data))
    except ValidationError as exc:
        first = exc.errors()[0]
        raise loaded.error(tuple(first["loc"]), f"{'.'.join(map(str, first['loc']))}: {first['msg']}") from None
