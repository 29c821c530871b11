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


def _fit_stage(rows: list[dict[str, float]], labels: list[int], names: tuple[str, ...], seed: int) -> Stage:
    try:
        from sklearn.linear_model import LogisticRegression
    except ImportError:
        raise TrainingError("training needs scikit-learn: pip install -e '.[train]'") from None
    if len(set(labels)) < 2:
        raise TrainingError("training needs pairs of both labels (one quantity, two quantities)")
    matrix = [[row.get(name, 0.0) for name in names] for row in rows]
    model = LogisticRegression(C=REGULARISATION, solver="lbfgs", max_iter=5000, random_state=seed)
    model.fit(matrix, labels)
    return Stage(round(float(model.intercept_[0]), DECIMALS),
                 {name: round(float(w), DECIMALS) for name, w in zip(names, model.coef_[0])})


def fit_pair_stage(stories: list[StoryPairs], seed: int) -> Stage:
    rows = [s.features[n] for s in stories for n in s.labelled()]
    labels = [s.labels[n] for s in stories for n in s.labelled()]
    return _fit_stage(rows, labels, PAIR_FEATURES, seed)


def rank_rows(story: StoryPairs, stage: Stage) -> list[dict[str, float]]:
    logits = {link: stage.logit(features) for link, features in zip(story.links, story.features)}
    ranks = rank_features(logits, story.articles)
    return [ranks[link] for link in story.links]


def fit(stories: list[StoryPairs], seed: int = 0, thresholds: Thresholds | None = None) -> AlignmentModel:
    """The model these stories' pairs teach."""
    stories = sorted(stories, key=lambda s: s.story)
    pair = fit_pair_stage(stories, seed)
    parts = [stories[k::CROSS_FIT] for k in range(CROSS_FIT)] if len(stories) >= CROSS_FIT else [stories]
    rows: list[dict[str, float]] = []
    labels: list[int] = []
    for part in parts:
        held_out = {s.story for s in part}
        others = [s for s in stories if s.story not in held_out] or stories
        stage = fit_pair_stage(others, seed)
        for story in part:
            ranked = rank_rows(story, stage)
            rows += [ranked[n] for n in story.labelled()]
            labels += [story.labels[n] for n in story.labelled()]
    rank = _fit_stage(rows, labels, RANK_FEATURES, seed)
    return AlignmentModel(pair, rank, thresholds or Thresholds())
