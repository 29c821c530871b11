"""Whether two figures' frames agree, as features of their pair.

Each slot compares only when both frames fill it: a different owner, property,
qualifier, reference or time says two quantities; the same says one; an empty
slot says nothing. Properties and unnamed owners are words, compared within one
script only (across two, a different word may be a translation). Publication
dates are compared too: a figure from another day may be the same quantity
grown, which the model weighs with what the figure is.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from checker.models import PHRASE

if TYPE_CHECKING:
    from checker.align.evidence import Features

FRAME_FEATURES: tuple[str, ...] = (
    "owner_same", "owner_differs", "owner_one_side", "property_same", "property_differs",
    "qualifier_shared", "qualifier_differs", "qualifier_one_side",
    "reference_same", "reference_differs", "time_same", "time_differs", "time_one_past", "time_one_side",
    "place_same", "place_differs", "place_one_side", "published_apart", "days_apart",
)
DAYS_SCALE = math.log(31)  # a month apart and more: as far apart as it gets
LENGTH = "length"  # the dimension of distances, which have a point they are measured from


def _words(key: str | None) -> bool:
    return key is not None and key.startswith(PHRASE + ":")


def _slot(a: str | None, b: str | None, comparable: bool) -> str | None:
    """'same', 'differs', or None when either is unknown or they cannot be compared.
    Two owners described in words ("a five-year-old startup", "a four-year-old cloud
    security startup") are one when their descriptions share a word."""
    if a is None or b is None or not comparable:
        return None
    if a == b or (_words(a) and _words(b) and set(a.split(":", 1)[1].split()) & set(b.split(":", 1)[1].split())):
        return "same"
    return "differs"


def _qualifiers(a: tuple[str, ...], b: tuple[str, ...], out: dict[str, float]) -> None:
    axes_a = {q.split(":")[0]: q for q in a}
    axes_b = {q.split(":")[0]: q for q in b}
    shared = set(axes_a) & set(axes_b)
    if any(axes_a[x] == axes_b[x] for x in shared):
        out["qualifier_shared"] = 1.0
    if any(axes_a[x] != axes_b[x] for x in shared):
        out["qualifier_differs"] = 1.0
    if set(axes_a) ^ set(axes_b):
        out["qualifier_one_side"] = 1.0


def frames_clash(a: Features, b: Features) -> bool:
    """Whether two figures' frames say they are two quantities: another owner, property,
    qualifier or reference, each where both frames fill the slot and can be compared; or a
    qualifier on an axis where one against none is two quantities (a figure needed)."""
    one_script = a.script == b.script
    for mine, theirs, words_compare in ((a.owner, b.owner, True), (a.property, b.property, False),
                                        (a.reference, b.reference, True)):
        comparable = one_script or (words_compare and not (_words(mine) or _words(theirs)))
        if _slot(mine, theirs, comparable) == "differs":
            return True
    if a.alone != b.alone:
        return True  # "172 seats needed for a majority" is not "169 seats won"
    if a.dimension == LENGTH and (a.reference is None) != (b.reference is None):
        return True  # "15 km north of the town" is a distance from it; "a depth of 10 km" is not
    axes_a = {q.split(":")[0]: q for q in a.qualifiers}
    return any(axes_a.get(q.split(":")[0], q) != q for q in b.qualifiers)


def frame_features(a: Features, b: Features) -> dict[str, float]:
    out: dict[str, float] = {}
    one_script = a.script == b.script
    owner = _slot(a.owner, b.owner, one_script or not (_words(a.owner) or _words(b.owner)))
    if owner:
        out[f"owner_{owner}"] = 1.0
    elif (a.owner is None) != (b.owner is None):
        out["owner_one_side"] = 1.0
    prop = _slot(a.property, b.property, one_script)
    if prop:
        out[f"property_{prop}"] = 1.0
    _qualifiers(a.qualifiers, b.qualifiers, out)
    reference = _slot(a.reference, b.reference, one_script or not (_words(a.reference) or _words(b.reference)))
    if reference:
        out[f"reference_{reference}"] = 1.0
    if a.time and b.time:
        out["time_same" if a.time == b.time else "time_differs"] = 1.0
    elif (a.time == "past") != (b.time == "past"):
        out["time_one_past"] = 1.0
    elif (a.time is None) != (b.time is None):
        out["time_one_side"] = 1.0
    place = _slot(a.place, b.place, one_script or not (_words(a.place) or _words(b.place)))
    if place:
        out[f"place_{place}"] = 1.0
    elif (a.place is None) != (b.place is None):
        out["place_one_side"] = 1.0
    pa, pb = a.claim.published, b.claim.published
    if pa is not None and pb is not None and pa != pb:
        out["published_apart"] = 1.0
        out["days_apart"] = min(1.0, math.log1p(abs((pa - pb).days)) / DAYS_SCALE)
    return out
