"""Training the alignment model on real coverage with gold: `factcheck train --realnews DIR`.

The model (rules/models/align.yaml) is data, like a lexicon: this command
retrains it from the corpus, deterministically (same corpus, same seed, same
file), and tests/test_alignment_model.py checks that the shipped file is what
it gives. Its thresholds are chosen by cross-validation by story
(crossval.py), on pairs no model saw while it was trained.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from checker.knowledge import Knowledge
from checker.knowledge.alignment import AlignmentModel, ModelFile, Thresholds
from checker.tools.realnews.stories import find_stories, read_story
from checker.tools.train.crossval import CONFLICT_PRECISION, make_folds, thresholds_from
from checker.tools.train.dataset import ReadStory, read_story_claims, story_pairs
from checker.tools.train.fit import REGULARISATION, fit

# The thresholds are chosen on held-out pairs of the stories dealt into this many parts,
# each held out in turn (cross-validation by story; `eval --cross-validate` holds out one
# story at a time, for the figures it prints).
THRESHOLD_PARTS = 5

HEADER = """\
# The alignment model: how likely two figures from two articles are one quantity.
# Written by `factcheck train --realnews benchmarks/realnews --seed {seed}`; do not edit by
# hand (tests/test_alignment_model.py retrains it and compares). A logistic regression:
# probability = 1 / (1 + exp(-(bias + sum of weight × feature))); the features are named in
# checker/align/pair_features.py and checker/align/frame_match.py. Thresholds: `link` joins
# two figures into one quantity; a disagreement is a conflict (error) from `conflict` and a
# possible conflict (warning) from `possible`: `conflict` chosen by cross-validation by story
# for precision {conflict:.2f} of conflict pairs, `possible` the `join` threshold.
"""


def read_corpus(roots: list[Path], knowledge: Knowledge, patterns: list[str] = ()) -> list[ReadStory]:
    """Every story under `roots`, read once (gold files first, so a broken one stops at once)."""
    stories = [read_story(folder) for folder in find_stories(roots, patterns)]
    return [read_story_claims(story, knowledge) for story in stories]


def train(reads: list[ReadStory], knowledge: Knowledge, seed: int = 0) -> ModelFile:
    """The model all the stories teach, with thresholds chosen on held-out pairs."""
    pairs = {read.story.name: story_pairs(read, knowledge) for read in reads}
    folds = make_folds(reads, knowledge, seed, pairs, parts=THRESHOLD_PARTS)
    thresholds = thresholds_from([j for fold in folds for j in fold.judged], Thresholds())
    model: AlignmentModel = fit(list(pairs.values()), seed, thresholds)
    labels = [label for p in pairs.values() for label in p.labels if label is not None]
    trained = {"stories": len(reads), "pairs": len(labels), "one_quantity": sum(labels),
               "seed": seed, "regularisation": REGULARISATION}
    return model.to_file(trained)


def model_text(data: ModelFile) -> str:
    body = yaml.safe_dump(data.model_dump(), sort_keys=False, allow_unicode=True, width=100)
    return HEADER.format(seed=data.trained.get("seed", 0), conflict=CONFLICT_PRECISION) + body
