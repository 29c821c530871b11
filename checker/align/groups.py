"""Groups of claims about one quantity: the connected claims of the story's links.

Each group keeps its links (the pairs aligned directly, each with its
evidence): rules compare only linked claims, so a chain a~b~c never pits a
against c unchecked.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from checker.align.entities import canonical
from checker.align.evidence import Evidence, Features
from checker.models import Claim, ClaimGroup, EntityRef

Link = tuple[int, int]


def _value_signature(claim: Claim, mapping: dict[str, str]) -> tuple:
    value = claim.value
    return (value.low, value.high, value.unit, value.qualifier, value.ceiling, value.text if value.low is None else None,
            canonical(value.entity, mapping))


def build_groups(features: list[Features], members: list[list[int]], links: dict[Link, Evidence],
                 mapping: dict[str, str], story_label: str) -> list[ClaimGroup]:
    """One ClaimGroup per quantity, with the links between its claims and their evidence."""
    group_of = {index: n for n, group in enumerate(members) for index in group}
    links_of: dict[int, list[Link]] = defaultdict(list)
    for a, b in sorted(links):
        links_of[group_of[a]].append((a, b))
    groups = [_group(features, sorted(indices), links_of[n], links, mapping, story_label)
              for n, indices in enumerate(members)]
    groups.sort(key=lambda g: (g.claims[0].article, g.claims[0].id))
    return groups


def _group(features: list[Features], indices: list[int], group_links: list[Link], evidence: dict[Link, Evidence],
           mapping: dict[str, str], story_label: str) -> ClaimGroup:
    position = {index: k for k, index in enumerate(indices)}
    claims = [features[i].claim for i in indices]
    named = Counter(features[i].predicate for i in indices if features[i].predicate)
    predicate = named.most_common(1)[0][0] if named else Counter(c.predicate for c in claims).most_common(1)[0][0]
    subjects = Counter(canonical(c.subject, mapping) for c in claims if c.subject.id)
    subject_id = subjects.most_common(1)[0][0] if subjects else None
    subject = next((c.subject for c in claims if canonical(c.subject, mapping) == subject_id), EntityRef())
    named_as = [features[i].align_on for i in indices if features[i].predicate == predicate] or \
        [features[i].align_on for i in indices]
    if all(align_on == "story" for align_on in named_as):
        # A toll is the story's own (or a past event's), not the official's who gave it, even
        # where some of its figures are named by their counted noun alone ("28 cases").
        year = claims[0].event_year
        subject_id, subject = None, EntityRef(text=str(year) if year else story_label)
    signatures: dict[tuple, int] = {}
    same_value_as = [signatures.setdefault(_value_signature(c, mapping), k) for k, c in enumerate(claims)]
    return ClaimGroup(
        key=f"{predicate}|{subject_id}|{claims[0].value.unit}",
        predicate=predicate,
        subject=EntityRef(id=subject_id, text=subject.text, type=subject.type),
        claims=claims,
        links=[(position[a], position[b]) for a, b in group_links],
        evidence=[evidence[link].describe() for link in group_links],
        probabilities=[evidence[link].probability for link in group_links],
        same_value_as=same_value_as,
        value_keys=[canonical(c.value.entity, mapping) for c in claims],
    )
