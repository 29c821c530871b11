"""What two figures from two articles share, as named features the alignment model weighs.

Each feature is a number, mostly 0 or 1, named for what a reader would check:
the same predicate, the same noun counted, the same names and words around
the figure (weighted by how rare they are in the story), the figures
themselves, and the marks that make a figure another quantity (a forecast,
the figure a change started from, a part of a sum). A feature that is 0 adds
nothing; the model's weights (rules/models/align.yaml) say what each is worth.
"""

from __future__ import annotations

import math

from rapidfuzz import fuzz

from checker.align.constraints import same_subject
from checker.align.evidence import Features, Story
from checker.align.frame_match import frame_features
from checker.knowledge.ontology import COUNT, ROLE

# Caps of the rarity-weighted overlaps: past them, more shared words say nothing new.
NAMES_CAP = 1.5
WORDS_CAP = 2.0
RATIO_CAP = 3.0  # |ln(ratio)| past which two figures are simply far apart
SAME_SENTENCE = 0.6  # how alike two sentences (their figures left out) must be to be one sentence reworded

FEATURES = (
    "same_predicate", "other_predicate", "same_fallback", "story_figure",
    "same_noun", "other_noun", "noun_kinds_differ", "noun_listed_one_side", "unit_converted",
    "names", "words", "same_subject", "other_subject", "own_subject_differs",
    "same_value", "close_value", "near_value", "far_value", "log_ratio", "same_holder", "bound",
    "only_ones", "forecast_differs", "earlier_differs", "conversion_differs",
    "event_year_differs", "modifiers_shared", "modifiers_differ", "labels_differ",
    "cross_script", "headline", "same_sentence",
)


def _value_features(a: Features, b: Features, out: dict[str, float]) -> None:
    va, vb = a.claim.value, b.claim.value
    if a.value_key is not None and a.value_key == b.value_key:
        out["same_holder"] = 1.0
    if (va.low, va.high, va.unit) == (vb.low, vb.high, vb.unit) and (va.low is not None or va.text == vb.text):
        out["same_value"] = 1.0
    elif a.figure and b.figure and a.figure > 0 and b.figure > 0:
        ratio = max(a.figure, b.figure) / min(a.figure, b.figure)
        if ratio <= 1.05:
            out["close_value"] = 1.0
        elif ratio <= 1.5:
            out["near_value"] = 1.0
        elif ratio >= 3:
            out["far_value"] = 1.0
        out["log_ratio"] = min(RATIO_CAP, math.log(ratio)) / RATIO_CAP
    if va.qualifier in ("more_than", "at_least", "up_to", "at_most", "less_than") \
            or vb.qualifier in ("more_than", "at_least", "up_to", "at_most", "less_than"):
        out["bound"] = 1.0


def _marks(a: Features, b: Features, out: dict[str, float]) -> None:
    ca, cb = a.claim, b.claim
    for name, differs in (("forecast_differs", ca.forecast != cb.forecast),
                          ("earlier_differs", ca.earlier != cb.earlier),
                          ("conversion_differs", ca.conversion != cb.conversion),
                          ("event_year_differs", ca.event_year != cb.event_year)):
        if differs:
            out[name] = 1.0
    ma, mb = set(ca.modifiers), set(cb.modifiers)
    if ma & mb:
        out["modifiers_shared"] = 1.0
    elif ma and mb and a.script == b.script:
        out["modifiers_differ"] = 1.0  # "68 suspected cases" and "20 confirmed cases"
    if a.labels and b.labels and not a.labels & b.labels:
        out["labels_differ"] = 1.0  # the price of "بنزين 92" is not that of "بنزين 95"


def _what_and_whom(a: Features, b: Features, story: Story, out: dict[str, float]) -> None:
    if a.predicate and b.predicate:
        if a.predicate == b.predicate:
            out["same_predicate"] = 1.0
            if a.align_on == "story":
                out["story_figure"] = 1.0
        else:
            out["other_predicate"] = 1.0
    elif not a.predicate and not b.predicate and a.claim.predicate == b.claim.predicate:
        out["same_fallback"] = 1.0
    if a.noun and b.noun:
        if a.noun == b.noun:
            out["same_noun"] = max(story.rarity(a, "noun", a.noun), 0.3)
        else:
            out["other_noun"] = 1.0
            if a.noun_kind is not None and b.noun_kind is not None and a.noun_kind != b.noun_kind:
                out["noun_kinds_differ"] = 1.0  # "three researchers", "three seats"
            elif (a.noun_kind is None) != (b.noun_kind is None):
                out["noun_listed_one_side"] = 1.0  # "three researchers", "three factories"
    if a.unit != b.unit and a.dimension != COUNT:
        out["unit_converted"] = 1.0
    shared_names = a.names & b.names
    if shared_names:
        out["names"] = min(NAMES_CAP, sum(NAMES_CAP * story.rarity(a, "name", n) for n in shared_names)) / NAMES_CAP
    shared_words = a.words & b.words
    if shared_words:
        out["words"] = min(WORDS_CAP, sum(story.rarity(a, "word", w) for w in shared_words)) / WORDS_CAP
    if a.subject and b.subject:
        if same_subject(a.subject, b.subject):
            out["same_subject"] = 1.0
        else:
            out["other_subject"] = 1.0
            if "subject" in (a.align_on, b.align_on) or a.dimension == ROLE:
                out["own_subject_differs"] = 1.0  # an age, a valuation: its subject's own


def pair_features(a: Features, b: Features, story: Story, only_ones: bool = False) -> dict[str, float]:
    """The features of a pair of figures from two articles (only those that are not 0)."""
    out: dict[str, float] = {}
    _what_and_whom(a, b, story, out)
    _value_features(a, b, out)
    _marks(a, b, out)
    if only_ones:
        out["only_ones"] = 1.0
    if a.script != b.script:
        out["cross_script"] = 1.0
    else:
        # Two outlets printing one sentence with another figure in it: one report, copied or corrected.
        similarity = fuzz.token_sort_ratio(a.sentence, b.sentence) / 100
        if similarity >= SAME_SENTENCE:
            out["same_sentence"] = (similarity - SAME_SENTENCE) / (1 - SAME_SENTENCE)
    if a.claim.headline or b.claim.headline:
        out["headline"] = 1.0
    out.update(frame_features(a, b))
    return out
