"""Line up claims about the same thing across articles.

First, names in no lexicon are resolved across the whole story: names whose
transliteration skeletons agree become one entity (blocked by the skeleton of
their last word, so names are never compared all against all). Then claims
are blocked by predicate and dimension; inside a block, only claims that share
a participant are paired (an index from participant to claims, not all pairs),
and a pair is linked when units and objects are compatible. Groups are the
connected components of those links.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from typing import Iterable, Mapping

from rapidfuzz import fuzz

from checker.knowledge.ontology import MONEY, PERSON
from checker.models import EVENT_YEAR, FORECAST, PHRASE, Claim, ClaimGroup, EntityRef
from checker.align.names import NameMatcher

PREDICATE_SIMILARITY = 85
# A claim is compared with the first MAX_VALUES distinct values of its bucket
# only, so that a list of 4,000 figures costs 4,000 x 20 comparisons (and links
# for the judge), not 4,000 x 4,000. A story gives one quantity a handful of
# values (the test stories at most 4, the benchmark corpora 8), well below it.
MAX_VALUES = 20
# Buckets of claims that pair without a shared name (see `align`).
NOBODY = "(nobody)"
STORY = "(story)"
STORY_LABEL = "the story"


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _refs(claims: Iterable[Claim]) -> Iterable[EntityRef]:
    for claim in claims:
        yield claim.subject
        yield from claim.participants
        if claim.object is not None:
            yield claim.object
        if claim.value.entity is not None:
            yield claim.value.entity  # a post's holder: "ألكسندر" and "ألكساندر" are one person


def resolve_names(claims: list[Claim], matcher: NameMatcher) -> tuple[dict[str, str], list[dict]]:
    """Map every unknown-name key to one key per entity; list the aliases learned."""
    texts: dict[str, Counter[str]] = defaultdict(Counter)
    people: set[str] = set()
    for ref in _refs(claims):
        if ref.id and ref.id.startswith("~") and ref.text:
            texts[ref.id][ref.text] += 1
            if ref.type == PERSON:
                people.add(ref.id)
    # Names meet in a block when their last words sound alike (people: "حداد"
    # finds "ليلى حداد"), other names also when their first words do (short
    # forms of organisations: "Orbis" finds "Orbis Labs").
    blocks: dict[str, list[str]] = defaultdict(list)
    for key in texts:
        skeleton = matcher.skeleton(key[1:])
        if skeleton:
            blocks[skeleton[-1]].append(key)
            if key not in people:
                blocks["first:" + skeleton[0]].append(key)
    union = _UnionFind()
    for block, keys in blocks.items():
        same = matcher.same
        if block.startswith("first:"):
            keys = [k for k in keys if k not in people]
            same = matcher.short_form
        for i, a in enumerate(keys):
            for b in keys[i + 1:]:
                if same(a[1:], b[1:]):
                    union.union(a, b)
    members: dict[str, list[str]] = defaultdict(list)
    for key in texts:
        members[union.find(key)].append(key)
    mapping: dict[str, str] = {}
    aliases: list[dict] = []
    for keys in members.values():
        canonical = max(keys, key=lambda k: (len(k.split()), sum(texts[k].values()), k))
        for key in keys:
            mapping[key] = canonical
        spellings = sorted({t for k in keys for t in texts[k]})
        if len(spellings) > 1:
            aliases.append({"entity": canonical, "spellings": spellings})
    return mapping, aliases


def _canonical(ref: EntityRef | None, mapping: dict[str, str]) -> str | None:
    if ref is None or not ref.id:
        return None
    return mapping.get(ref.id, ref.id)


def _past_event(claim: Claim) -> EntityRef | None:
    """The past year a toll is given with ("the 2011 floods killed 200"), kept as its object."""
    obj = claim.object
    return obj if obj is not None and (obj.id or "").startswith(EVENT_YEAR) else None


def _block_key(claim: Claim) -> str:
    if claim.predicate.startswith("~"):
        return f"~{claim.value.dimension}:{claim.value.unit}"
    return f"{claim.predicate}:{claim.value.dimension}"


def _signature(claim: Claim, mapping: dict[str, str]) -> tuple:
    """Claims with equal signatures say the same thing the same way."""
    value = claim.value
    return (claim.predicate, value.low, value.high, value.unit, value.qualifier, value.ceiling,
            claim.negated, claim.extra.get(FORECAST, False), _canonical(claim.object, mapping),
            _canonical(value.entity, mapping))


_LATIN = re.compile("[a-z]")


def _is_latin(key: str) -> bool:
    return _LATIN.search(key) is not None


def _linkable(a: Claim, b: Claim, mapping: dict[str, str]) -> bool:
    unstated = a.value.unit == a.value.dimension or b.value.unit == b.value.dimension
    if a.value.unit != b.value.unit and not unstated:
        # Currencies must match; counted nouns may differ under one named
        # predicate ("112 people" killed, "87 dead"), but not in a fallback one.
        if a.value.dimension == MONEY or a.predicate.startswith("~"):
            return False
    if a.negated or b.negated:
        return False
    if a.extra.get(FORECAST, False) != b.extra.get(FORECAST, False):
        return False  # a target of 4% does not contradict inflation at 7.2%
    if a.predicate.startswith("~") and a.predicate != b.predicate:
        if fuzz.ratio(a.predicate, b.predicate) < PREDICATE_SIMILARITY:
            return False
    oa, ob = _canonical(a.object, mapping), _canonical(b.object, mapping)
    if oa and ob and oa != ob and not (a.object.type == b.object.type == PHRASE and _is_latin(oa) != _is_latin(ob)):
        # Different places or companies; but two common words in two languages
        # ("في البرلمان", "in parliament") cannot be told apart, so they do not
        # keep claims apart.
        return False
    if a.article == b.article and a.sentence == b.sentence:
        return False
    return True


def align(claims: list[Claim], matcher: NameMatcher,
          align_on: Mapping[str, str] | None = None) -> tuple[list[ClaimGroup], list[dict]]:
    """Group claims about the same subject and predicate; return groups and learned aliases.

    `align_on` maps predicates to how their claims pair (default: by any
    name they share). "subject": a property of its subject alone (an age, a
    valuation) pairs by subject only, not because two sentences name the same
    company. "story": a figure of the story's own event (a death toll) pairs
    with every other in the story, whoever the sentence quotes or names.
    """
    align_on = align_on or {}
    mapping, aliases = resolve_names(claims, matcher)
    blocks: dict[str, list[int]] = defaultdict(list)
    for index, claim in enumerate(claims):
        blocks[_block_key(claim)].append(index)
    union = _UnionFind()
    links: set[tuple[int, int]] = set()
    rep_of: dict[int, int] = {}
    for members in blocks.values():
        by_participant: dict[str, list[int]] = defaultdict(list)
        for index in members:
            claim = claims[index]
            mode = align_on.get(claim.predicate, "participants")
            if mode == "story":
                # ... unless it is the toll of a past event, which pairs only with its own year.
                past = _past_event(claim)
                keys: set[str | None] = {STORY + (past.id if past else "")}
            else:
                refs = [claim.subject] if mode == "subject" else [claim.subject, *claim.participants]
                keys = {_canonical(r, mapping) for r in refs}
                keys.discard(None)
            # Claims naming no one at all can still be about the same thing.
            for key in sorted(keys) or [NOBODY]:
                by_participant[key].append(index)
        for indices in by_participant.values():
            # Compare each claim with one representative per distinct value, not
            # with every claim: a thousand outlets repeating "2.5 billion" cost
            # a thousand comparisons, not half a million.
            representatives: dict[tuple, int] = {}
            compared: list[int] = []  # the first MAX_VALUES representatives
            for index in indices:
                signature = _signature(claims[index], mapping)
                own = representatives.get(signature)
                others = [r for r in compared if r != own]
                for other in ([own] if own is not None else []) + others:
                    pair = (min(index, other), max(index, other))
                    if pair not in links and _linkable(claims[index], claims[other], mapping):
                        links.add(pair)
                        union.union(str(index), str(other))
                if own is None:
                    representatives[signature] = index
                    rep_of[index] = index
                    if len(compared) < MAX_VALUES:
                        compared.append(index)
                else:
                    rep_of.setdefault(index, own)
    components: dict[str, list[int]] = defaultdict(list)
    for index in range(len(claims)):
        components[union.find(str(index))].append(index)
    links_of: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for a, b in sorted(links):
        links_of[union.find(str(a))].append((a, b))
    groups: list[ClaimGroup] = []
    for root, indices in components.items():
        indices.sort()
        position = {claim_index: k for k, claim_index in enumerate(indices)}
        members = [claims[i] for i in indices]
        subjects = Counter(_canonical(c.subject, mapping) for c in members if c.subject.id)
        subject_id = subjects.most_common(1)[0][0] if subjects else None
        subject = next((c.subject for c in members if _canonical(c.subject, mapping) == subject_id), EntityRef())
        if all(align_on.get(c.predicate) == "story" for c in members):
            # A toll is the story's own (or a past event's), not the official's who gave it.
            past = _past_event(members[0])
            subject_id, subject = None, EntityRef(text=past.text if past else STORY_LABEL)
        group_links = [(position[a], position[b]) for a, b in links_of.get(root, [])]
        classes = [position.get(rep_of.get(i, i), k) for k, i in enumerate(indices)]
        groups.append(ClaimGroup(
            key=f"{members[0].predicate}|{subject_id}|{members[0].value.unit}",
            predicate=members[0].predicate,
            subject=EntityRef(id=subject_id, text=subject.text, type=subject.type),
            claims=members,
            links=group_links,
            classes=classes,
            value_keys=[_canonical(c.value.entity, mapping) for c in members],
        ))
    groups.sort(key=lambda g: (g.claims[0].article, g.claims[0].id))
    return groups, aliases
