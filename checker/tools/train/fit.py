"""Fitting the alignment model: two logistic regressions over labelled pairs (scikit-learn).

Only training needs scikit-learn (`pip install -e '.[train]'`); the checker
reads the weights it writes (checker/knowledge/alignment.py). The first stage
learns what a pair shares; the second reads the first stage's log-odds beside
the pair's rivals (checker/align/rank_features.py). The second stage learns
from first-stage log-odds of stories the first stage did not see (cross-fitted
by story), so that it does not trust them more than they deserve on a new
story. The fit is deterministic: the same pairs give the same weights.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from checker.align.frame_match import FRAME_FEATURES
from checker.align.pair_features import FEATURES
from checker.align.rank_features import RANK_FEATURES, rank_features
from checker.knowledge.alignment import AlignmentModel, Stage, Thresholds
from checker.tools.train.dataset import StoryPairs

# The inverse of the L2 penalty: weights stay small enough to read and to carry to
# stories unlike the corpus.
REGULARISATION = 1.0
DECIMALS = 4
PAIR_FEATURES = (*FEATURES, *FRAME_FEATURES)
# Stories are split into this many parts to cross-fit the first stage's log-odds.
CROSS_FIT = 5


class TrainingError(Exception):
    """Training cannot run: scikit-learn missing, or no pairs of one of the two labels."""


def _numpy() -> Any:
    try:
        import numpy
        from sklearn.linear_model import LogisticRegression  # noqa: F401 - checked here, used below
    except ImportError:
        raise TrainingError("training needs scikit-learn: pip install -e '.[train]'") from None
    return numpy


@dataclass
class Table:
    """One story's labelled pairs as a matrix of pair features, with their labels."""

    story: StoryPairs
    rows: Any  # numpy array, one row per labelled pair, PAIR_FEATURES columns
    labels: Any

    @classmethod
    def of(cls, story: StoryPairs) -> Table:
        """The story's table, built once however many folds train on it."""
        found = _TABLES.get(id(story))
        if found is None or found.story is not story:
            found = _TABLES[id(story)] = cls.build(story)
        return found

    @classmethod
    def build(cls, story: StoryPairs) -> Table:
        np = _numpy()
        labelled = story.labelled()
        rows = np.array([[story.features[n].get(name, 0.0) for name in PAIR_FEATURES] for n in labelled],
                        dtype=float).reshape(len(labelled), len(PAIR_FEATURES))
        return cls(story, rows, np.array([story.labels[n] for n in labelled], dtype=int))


_TABLES: dict[int, Table] = {}


def _fit_stage(rows: Any, labels: Any, names: tuple[str, ...], seed: int) -> Stage:
    from sklearn.linear_model import LogisticRegression

    if len(set(labels.tolist())) < 2:
        raise TrainingError("training needs pairs of both labels (one quantity, two quantities)")
    model = LogisticRegression(C=REGULARISATION, solver="lbfgs", max_iter=5000, random_state=seed)
    model.fit(rows, labels)
    return Stage(round(float(model.intercept_[0]), DECIMALS),
                 {name: round(float(w), DECIMALS) for name, w in zip(names, model.coef_[0])})


def _pair_stage(tables: list[Table], seed: int) -> Stage:
    np = _numpy()
    return _fit_stage(np.vstack([t.rows for t in tables]), np.concatenate([t.labels for t in tables]),
                      PAIR_FEATURES, seed)


def rank_rows(story: StoryPairs, stage: Stage) -> list[dict[str, float]]:
    """The second-stage features of the story's labelled pairs, with this first stage's log-odds."""
    logits = {link: stage.logit(features) for link, features in zip(story.links, story.features)}
    ranks = rank_features(logits, story.articles)
    return [ranks[story.links[n]] for n in story.labelled()]


def fit(stories: list[StoryPairs], seed: int = 0, thresholds: Thresholds | None = None) -> AlignmentModel:
    """The model these stories' pairs teach."""
    np = _numpy()
    tables = [Table.of(s) for s in sorted(stories, key=lambda s: s.story)]
    pair = _pair_stage(tables, seed)
    parts = [tables[k::CROSS_FIT] for k in range(CROSS_FIT)] if len(tables) >= CROSS_FIT else [tables]
    rows: list[list[float]] = []
    labels: list[Any] = []
    for part in parts:
        held_out = {id(t) for t in part}
        stage = _pair_stage([t for t in tables if id(t) not in held_out] or tables, seed)
        for table in part:
            rows += [[r.get(name, 0.0) for name in RANK_FEATURES] for r in rank_rows(table.story, stage)]
            labels.append(table.labels)
    rank = _fit_stage(np.array(rows, dtype=float).reshape(len(rows), len(RANK_FEATURES)), np.concatenate(labels),
                      RANK_FEATURES, seed)
    return AlignmentModel(pair, rank, thresholds or Thresholds())
