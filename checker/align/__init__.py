"""Align: claims of all articles → groups of claims about the same quantity.

Names are resolved across the story first (spellings and scripts); then each
claim's features are compared with those of every other article's claims, and
claims are grouped into quantities on that evidence (pairing.py).
"""

from __future__ import annotations

from checker.align.entities import resolve_names
from checker.align.evidence import Features, Story, features_of
from checker.align.groups import build_groups
from checker.knowledge.alignment import AlignmentModel
from checker.align.names import NameMatcher
from checker.align.pairing import group_claims
from checker.knowledge.ontology import Ontology
from checker.models import Claim, ClaimGroup, story_month


def story_features(claims: list[Claim], matcher: NameMatcher,
                   ontology: Ontology) -> tuple[list[Features], Story, dict[str, str], list[dict]]:
    """What alignment compares of each claim, the story's word counts, the names resolved
    across the story (key -> one key per entity), and the aliases learned for them."""
    mapping, aliases = resolve_names(claims, matcher)
    month = story_month(claims)
    features = [features_of(claim, ontology, mapping, month) for claim in claims]
    return features, Story.of(features), mapping, aliases


def align(claims: list[Claim], matcher: NameMatcher, ontology: Ontology, model: AlignmentModel,
          story_label: str = "") -> tuple[list[ClaimGroup], list[dict]]:
    """Groups of claims about one quantity, and the aliases learned for names."""
    features, story, mapping, aliases = story_features(claims, matcher, ontology)
    members, links = group_claims(features, story, model)
    return build_groups(features, members, links, mapping, story_label), aliases


__all__ = ["align"]
