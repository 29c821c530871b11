"""Names across a story: which spellings, in which scripts, are one entity.

Names in no lexicon are resolved across the whole story: names whose
transliteration skeletons agree become one entity (blocked by the skeleton of
their last word, so names are never compared all against all).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable

from checker.align.names import NameMatcher
from checker.knowledge.ontology import PERSON
from checker.models import Claim, EntityRef


class UnionFind:
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
        if ref.id and not ref.lexicon and ref.text:
            texts[ref.id][ref.text] += 1
            if ref.type == PERSON:
                people.add(ref.id)
    # Names meet in a block when their last words sound alike (people: "حداد"
    # finds "ليلى حداد"), other names also when their first words do (short
    # forms of organisations: "Orbis" finds "Orbis Labs").
    blocks: dict[str, list[str]] = defaultdict(list)
    for key in texts:
        skeleton = matcher.skeleton(key)
        if skeleton:
            blocks[skeleton[-1]].append(key)
            if key not in people:
                blocks["first:" + skeleton[0]].append(key)
    union = UnionFind()
    for block, keys in blocks.items():
        same = matcher.same
        if block.startswith("first:"):
            keys = [k for k in keys if k not in people]
            same = matcher.short_form
        for i, a in enumerate(keys):
            for b in keys[i + 1:]:
                if same(a, b):
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


def canonical(ref: EntityRef | None, mapping: dict[str, str]) -> str | None:
    if ref is None or not ref.id:
        return None
    return mapping.get(ref.id, ref.id)
