"""Cross-validation by story: every story judged by a model that never saw it.

For each story, the alignment model is trained on the pairs of all the other
stories; the story is aligned with that model and judged. The conflict
threshold it is judged with is chosen, also without it, on the other stories'
held-out pairs: the lowest probability at which the conflict pairs whose two
claims are gold values reach the target precision. So every figure this
prints is one of a story the model and its thresholds did not learn from.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass, field

from checker.knowledge import Knowledge
from checker.knowledge.alignment import AlignmentModel, Thresholds
from checker.models import ClaimGroup, Report
from checker.pipeline import align_claims, judge_groups, report_language
from checker.report.json_report import report_dict
from checker.tools.realnews.evaluate import StoryResult, score_report
from checker.tools.realnews.pairs import PairScore, StoryScorer, finding_pairs
from checker.tools.train.dataset import ReadStory, StoryPairs, story_pairs
from checker.tools.train.fit import fit

# Precision the conflict pairs must reach to be errors. Below, down to the `join` threshold
# (two figures alignment put in one group), a disagreement is a possible conflict: held out,
# that band is right about half the time (docs/eval.md), too few pairs to choose a threshold
# of its own from without it moving from one training to the next.
CONFLICT_PRECISION = 0.8
# The fewest held-out pairs a threshold must keep for its precision to choose it.
MIN_SUPPORT = 30
# The thresholds the precision/recall table shows.
TABLE_THRESHOLDS = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95)


@dataclass(frozen=True)
class JudgedPair:
    """A conflict pair whose two claims are gold values: its probability, and whether it
    joins two differing values of one gold conflict."""

    story: str
    probability: float
    right: bool


@dataclass
class Fold:
    """One story held out: the model trained without it, and its alignment."""

    read: ReadStory
    model: AlignmentModel
    groups: list[ClaimGroup]
    judged: list[JudgedPair] = field(default_factory=list)  # at threshold 0: every disputed pair


@dataclass
class CrossValidation:
    results: list[StoryResult]  # each story judged at its own held-out thresholds
    thresholds: dict[str, Thresholds]  # by story
    curve: list[tuple[float, PairScore]]  # the whole corpus at each table threshold


def choose_threshold(judged: Iterable[JudgedPair], precision: float) -> float:
    """The lowest probability at which the pairs at or above it reach `precision`; where none
    does, the one at which they come closest. Only thresholds that keep MIN_SUPPORT pairs
    count: the precision of a handful of pairs says little."""
    ranked = sorted(judged, key=lambda j: -j.probability)
    reaching, closest, closest_precision = None, 1.0, -1.0
    right = 0
    for n, pair in enumerate(ranked, start=1):
        right += pair.right
        last_of_its_value = n == len(ranked) or ranked[n].probability < pair.probability
        if not last_of_its_value or n < MIN_SUPPORT:
            continue
        if right / n >= precision:
            reaching = pair.probability
        if right / n > closest_precision:
            closest, closest_precision = pair.probability, right / n
    return reaching if reaching is not None else closest


def judge_with(fold: Fold, knowledge: Knowledge, thresholds: Thresholds) -> dict:
    """The story's JSON report, judged at these thresholds (alignment as the fold made it)."""
    lang = report_language(fold.read.articles)
    findings, _ = judge_groups(fold.groups, dataclasses.replace(
        knowledge, alignment=dataclasses.replace(fold.model, thresholds=thresholds)), lang)
    return report_dict(Report(articles=fold.read.articles, claims=fold.read.claims, findings=findings))


def judged_pairs(story: str, scorer: StoryScorer, report: dict) -> list[JudgedPair]:
    out = []
    for finding in report["findings"]:
        if finding["kind"] != "conflict":
            continue
        for (a, b), p in zip(finding_pairs(finding), finding.get("pair_probabilities") or []):
            if p is not None and scorer.golds_of(a) and scorer.golds_of(b):
                out.append(JudgedPair(story, p, scorer.on_gold_conflict(a, b)))
    return out


def make_folds(reads: list[ReadStory], knowledge: Knowledge, seed: int = 0,
               pairs: dict[str, StoryPairs] | None = None, parts: int | None = None) -> list[Fold]:
    """Every story held out: judged by a model trained without it. With `parts`, the stories
    (in name order) are dealt into that many parts and each part is held out at once, which
    trains `parts` models instead of one a story."""
    pairs = pairs or {read.story.name: story_pairs(read, knowledge) for read in reads}
    ordered = sorted(reads, key=lambda r: r.story.name)
    held = [ordered[k::parts] for k in range(parts)] if parts and parts < len(ordered) else [[r] for r in ordered]
    folds = []
    for part in held:
        names = {read.story.name for read in part}
        model = fit([p for name, p in pairs.items() if name not in names], seed, Thresholds())
        with_model = dataclasses.replace(knowledge, alignment=model)
        for read in part:
            groups, _ = align_claims(read.claims, with_model, report_language(read.articles))
            folds.append(held_out_pairs(Fold(read, model, groups), knowledge))
    return sorted(folds, key=lambda f: f.read.story.name)


def held_out_pairs(fold: Fold, knowledge: Knowledge) -> Fold:
    """The fold with every conflict pair its judging makes at threshold 0, judged by the gold."""
    everything = fold.model.thresholds.model_copy(update={"conflict": 0.0, "possible": 0.0})
    report = judge_with(fold, knowledge, everything)
    fold.judged = judged_pairs(fold.read.story.name, StoryScorer(fold.read.story.gold, report), report)
    return fold


def thresholds_from(judged: list[JudgedPair], base: Thresholds) -> Thresholds:
    """The conflict threshold for CONFLICT_PRECISION, chosen on these held-out pairs; possible
    conflicts from `join` up to it."""
    conflict = choose_threshold(judged, CONFLICT_PRECISION)
    return base.model_copy(update={"conflict": conflict, "possible": min(conflict, base.join)})


def held_out_thresholds(folds: list[Fold], story: str, base: Thresholds) -> Thresholds:
    """The thresholds for one story, chosen on the held-out pairs of all the others."""
    return thresholds_from([j for fold in folds if fold.read.story.name != story for j in fold.judged], base)


def score(fold: Fold, knowledge: Knowledge, thresholds: Thresholds) -> StoryResult:
    return score_report(fold.read.story, fold.read.articles, judge_with(fold, knowledge, thresholds))


def cross_validate(reads: list[ReadStory], knowledge: Knowledge, seed: int = 0) -> CrossValidation:
    return evaluate_folds(make_folds(reads, knowledge, seed), knowledge)


def evaluate_folds(folds: list[Fold], knowledge: Knowledge) -> CrossValidation:
    """Each story judged at thresholds chosen without it, and the corpus at each table threshold."""
    base = Thresholds()
    thresholds = {f.read.story.name: held_out_thresholds(folds, f.read.story.name, base) for f in folds}
    results = [score(f, knowledge, thresholds[f.read.story.name]) for f in folds]
    curve = []
    for t in TABLE_THRESHOLDS:
        at = base.model_copy(update={"conflict": t, "possible": t})
        curve.append((t, sum((score(f, knowledge, at).score for f in folds), PairScore())))
    return CrossValidation(results, thresholds, curve)
