"""Groups of claims about one quantity: the connected claims of the story's links.

Each group keeps its links (the pairs aligned directly, each with its
evidence): rules compare only linked claims, so a chain a~b~c never pits a
against c unchecked.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from checker.align.entities import UnionFind, canonical
from checker.align.evidence import Evidence, Features
from checker.models import Claim, ClaimGroup, EntityRef

Link = tuple[int, int]


def _value_signature(claim: Claim, mapping: dict[str, str]) -> tuple:
    value = claim.value
    return (value.low, value.high, value.unit, value.qualifier, value.ceiling, value.text if value.low is None else None,
            canonical(value.entity, mapping))


def _one_value_each(features: list[Features], links: dict[Link, Evidence]) -> tuple[UnionFind, list[Link]]:
    """Join claims along their links, strongest first, so that a group never holds two
    different figures from one article: an article states a quantity once (or restates it),
    so a link that would say otherwise is the weaker evidence, and is dropped."""
    union = UnionFind()
    values: dict[str, dict[str, set[tuple]]] = {}
    kept: list[Link] = []
    for (a, b), _ in sorted(links.items(), key=lambda item: (-item[1].score, item[0])):
        ra, rb = union.find(str(a)), union.find(str(b))
        va = values.setdefault(ra, {features[a].claim.article: {_figure(features[a].claim)}})
        vb = values.setdefault(rb, {features[b].claim.article: {_figure(features[b].claim)}})
        if ra != rb:
            if any(article in vb and vb[article] != figures for article, figures in va.items()):
                continue
            union.union(ra, rb)
            merged = {article: set(figures) for article, figures in va.items()}
            for article, figures in vb.items():
                merged.setdefault(article, set()).update(figures)
            values[union.find(ra)] = merged
        kept.append((a, b))
    return union, kept


def _figure(claim: Claim) -> tuple:
    value = claim.value
    return (value.low, value.high, value.unit) if value.low is not None else (value.text, value.unit)


def build_groups(features: list[Features], links: dict[Link, Evidence], mapping: dict[str, str],
                 story_label: str) -> list[ClaimGroup]:
    union, kept = _one_value_each(features, links)
    members: dict[str, list[int]] = defaultdict(list)
    for index in range(len(features)):
        members[union.find(str(index))].append(index)
    links_of: dict[str, list[Link]] = defaultdict(list)
    for a, b in sorted(kept):
        links_of[union.find(str(a))].append((a, b))
    groups = [_group(features, sorted(indices), links_of[root], links, mapping, story_label)
              for root, indices in members.items()]
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
    if all(features[i].align_on == "story" for i in indices):
        # A toll is the story's own (or a past event's), not the official's who gave it.
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
        same_value_as=same_value_as,
        value_keys=[canonical(c.value.entity, mapping) for c in claims],
    )
