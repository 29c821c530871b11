"""Pairs of figures labelled by gold: what the alignment model learns from.

Each real-news story is read once (the pipeline's reading stages); alignment's
candidate pairs of figures from two articles get their features (as
`factcheck check` computes them), and a label where the gold can give one:
1 when the two claims are values of one gold claim, 0 when they are values of
different gold claims only. Pairs with a claim that is no gold value are left
out: the gold is not exhaustive, so such a pair may be right or wrong.
"""

from __future__ import annotations

from dataclasses import dataclass

from checker.align import story_features
from checker.align.pair_features import pair_features
from checker.align.pairing import candidate_pairs
from checker.knowledge import Knowledge
from checker.models import Article, Claim
from checker.pipeline import name_matcher, read_claims
from checker.tools.realnews.matching import JsonClaim, matched_values
from checker.tools.realnews.stories import Story, load_story_articles


@dataclass(frozen=True)
class StoryPairs:
    """Every candidate pair of one story's figures from two articles: its features and, where
    the gold gives one, its label (1 one quantity, 0 two; None unknown). The unlabelled pairs
    count too: they are the rivals the model's second stage weighs a pair against."""

    story: str
    articles: list[str]  # each claim's article, by claim position
    links: list[tuple[int, int]]
    features: list[dict[str, float]]
    labels: list[int | None]
    same_value: list[bool]  # the two claims state one value

    def labelled(self) -> list[int]:
        return [n for n, label in enumerate(self.labels) if label is not None]


@dataclass(frozen=True)
class ReadStory:
    """A story read once: its articles and claims, to align and judge as often as needed."""

    story: Story
    articles: list[Article]
    claims: list[Claim]


def read_story_claims(story: Story, knowledge: Knowledge) -> ReadStory:
    articles, claims, _ = read_claims(load_story_articles(story), knowledge)
    return ReadStory(story, articles, claims)


def as_json(claim: Claim) -> JsonClaim:
    """What gold matching reads of a claim, in the JSON report's shape."""
    value = claim.value
    return {"id": claim.id, "article": claim.article, "quote": claim.quote,
            "value": {"text": value.text, "low": value.low, "high": value.high}}


def gold_claims_of(read: ReadStory) -> dict[str, set[str]]:
    """For each claim, the gold claims one of whose values it matches."""
    golds = read.story.gold.claims
    return {c.id: {g.id for g in golds if matched_values(as_json(c), g)} for c in read.claims}


def story_pairs(read: ReadStory, knowledge: Knowledge) -> StoryPairs:
    """The candidate pairs of one story, labelled where the gold can say."""
    golds = gold_claims_of(read)
    features, story, _, _ = story_features(read.claims, name_matcher(knowledge), knowledge.ontology)
    pairs = StoryPairs(read.story.name, [f.claim.article for f in features], [], [], [], [])
    for x, y, only_ones in candidate_pairs(features):
        if only_ones is None:
            continue  # a restatement within one article: not a decision the model makes
        a, b = features[x].claim, features[y].claim
        ga, gb = golds[a.id], golds[b.id]
        pairs.links.append((x, y))
        pairs.features.append(pair_features(features[x], features[y], story, only_ones))
        pairs.labels.append(int(bool(ga & gb)) if ga and gb else None)
        pairs.same_value.append((a.value.low, a.value.high, a.value.unit) == (b.value.low, b.value.high, b.value.unit))
    return pairs
