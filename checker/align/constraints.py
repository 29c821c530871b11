"""The hard constraints of alignment: which two claims may be one quantity at all,
and which dates, posts and outcomes a rule pairs as one event. Nothing the model
weighs overrides them."""

from __future__ import annotations

from checker.align.evidence import Features
from checker.align.frame_match import frames_clash
from checker.knowledge.ontology import COUNT, ROLE
from checker.models import PHRASE


def candidates(a: Features, b: Features) -> bool:
    """Whether two claims may be about one quantity at all: what no evidence overrides.

    Two figures are one quantity only if their frames agree: another owner, property,
    qualifier or reference rules a pair out (an empty slot says nothing). Everything else
    that tells two quantities apart (another predicate, another noun counted, a forecast
    beside a figure of now) is a feature the model weighs.
    """
    if a.kind != b.kind or a.dimension != b.dimension or a.claim.negated or b.claim.negated:
        return False
    if a.kind == "quantity" and a.unit != b.unit and a.dimension != COUNT \
            and a.unit != a.dimension and b.unit != b.dimension and not (a.convertible and b.convertible):
        return False  # amounts in units that do not convert into each other
    if a.kind != "quantity" and a.claim.predicate != b.claim.predicate:
        return False  # dates and posts pair on what they date or name
    if a.dimension == ROLE and not same_subject(a.subject, b.subject):
        return False  # a post at one organisation
    if "subject" in (a.align_on, b.align_on) and a.subject and b.subject and not same_subject(a.subject, b.subject) \
            and not (a.subject.startswith(PHRASE) or b.subject.startswith(PHRASE)):
        return False  # an age, a valuation: its subject's own, and these are two named subjects
    ma, mb = set(a.claim.modifiers), set(b.claim.modifiers)
    if ma and mb and not ma & mb and a.script == b.script:
        return False  # "68 suspected cases" and "20 confirmed cases" count different things
    if a.claim.component != b.claim.component:
        return False  # "£100 million plus £16 million in add-ons": a part is not the whole
    return a.kind != "quantity" or not frames_clash(a, b)


def one_event(a: Features, b: Features) -> bool:
    """Whether two dates, posts or outcomes are about one thing, as a rule pairs them: one named
    predicate, one subject where the predicate is its subject's, one object ("guilty of fraud"
    is not "acquitted of bribery"), no words narrowing them apart."""
    if not (a.predicate and b.predicate):
        return False  # a date no event word names pairs with nothing
    if "subject" in (a.align_on, b.align_on) and not same_subject(a.subject, b.subject):
        return False
    if a.place and b.place and a.place != b.place and (a.script == b.script or not (
            a.place.startswith(PHRASE) or b.place.startswith(PHRASE))):
        return False
    ma, mb = set(a.claim.modifiers), set(b.claim.modifiers)
    return not (ma and mb and not ma & mb and a.script == b.script)


def same_subject(a: str | None, b: str | None) -> bool:
    """One subject; two described in words ("a five-year-old startup", "a four-year-old
    cloud security startup") are one when their descriptions share a word."""
    if a == b:
        return True
    marker = PHRASE + ":"
    if a and b and a.startswith(marker) and b.startswith(marker):
        return bool(set(a[len(marker):].split()) & set(b[len(marker):].split()))
    return False
