"""A draft's figures against the sources: who supports each, who contradicts it, what to write.

The draft is never an outlet. For each of its figures, the sources' claims that
judging put with it (in any finding) are compared with it as the numeric rule
compares them (the same tolerance, currencies converted; dates and names as the
categorical rule does): an equal or compatible value supports it, another
contradicts it. For a figure that grows or varies (a toll), a source's other
figure dated before the latest report is earlier news, not a contradiction.

The advice: keep the draft's figure when it is what most outlets give (for a
growing figure, what the latest dated report gives); else write that value,
with its outlets; where the outlets split evenly between two values, say who
says what; where no outlet gives the figure, say where it comes from.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from checker.judge.clusters import value_clusters
from checker.judge.kinds import numeric
from checker.judge.select import most_specific
from checker.judge.values import claims_compatible, same_category
from checker.knowledge.ontology import Ontology
from checker.knowledge.rules import Rule, RuleSet
from checker.models import Advice, Article, Claim, ClaimGroup, DraftStanding, Finding, story_month

Compatible = Callable[[Claim, Claim], bool]


def _tolerance_rule(rules: RuleSet, claim: Claim, others: list[Claim]) -> Rule:
    """The numeric rule judging would apply to these claims (its tolerance), else none at all."""
    group = ClaimGroup(key="draft", predicate=claim.predicate, subject=claim.subject, claims=[claim, *others])
    enabled = [r for r in rules.of_kind(numeric.NAME) if r.spec.get("enabled", True)]
    return most_specific(enabled, group) or Rule(id="", kind=numeric.NAME, spec={}, source="")


def comparer(rules: RuleSet, ontology: Ontology, claim: Claim, others: list[Claim]) -> Compatible:
    """Whether two of these claims can both be true, as judging compares them."""
    rule = _tolerance_rule(rules, claim, others)
    month = story_month([claim, *others])

    def compatible(a: Claim, b: Claim) -> bool:
        if a.value.kind == "quantity" and b.value.kind == "quantity":
            return claims_compatible(a, b, rule, ontology, month)
        return same_category(a.value, b.value)

    return compatible


def _shown_value(claims: list[Claim], lang_of: dict[str, str | None], lang: str | None) -> str:
    """The value to write: as most of the claims write it, in the draft's language where one does."""
    own = [c for c in claims if lang_of.get(c.article) == lang] or claims
    counts = Counter(" ".join(c.value.text.split()) for c in own)
    return min(counts, key=lambda text: (-counts[text], len(text), text))


def _outlets(claims: list[Claim]) -> list[str]:
    return sorted({c.article for c in claims})


def advise(claim: Claim, others: list[Claim], compatible: Compatible, grows: bool,
           lang_of: dict[str, str | None]) -> Advice:
    """What to write instead of the draft's figure, from the sources' claims."""
    if not others:
        return Advice(action="source")
    dated = [c for c in others if c.published is not None]
    as_of = None
    pool = others
    if grows and dated:
        as_of = max(c.published for c in dated)
        pool = [c for c in dated if c.published == as_of]
    clusters = sorted(value_clusters(pool, compatible), key=lambda cl: (-len(_outlets(cl)), _outlets(cl)))
    lang = lang_of.get(claim.article)
    if len(clusters) >= 2 and len(_outlets(clusters[0])) == len(_outlets(clusters[1])):
        tied = [cl for cl in clusters if len(_outlets(cl)) == len(_outlets(clusters[0]))]
        return Advice(action="attribute", as_of=as_of,
                      split=[(_shown_value(cl, lang_of, lang), _outlets(cl)) for cl in tied])
    top = clusters[0]
    action = "keep" if all(compatible(claim, other) for other in top) else "change"
    return Advice(action=action, value=_shown_value(top, lang_of, lang), outlets=_outlets(top),
                  claims=[c.id for c in top], as_of=as_of)


def draft_standing(findings: list[Finding], claims: list[Claim], articles: list[Article], draft: str,
                   rules: RuleSet, ontology: Ontology) -> list[DraftStanding]:
    """Each figure of the draft, with the outlets for and against it and the advice."""
    by_id = {c.id: c for c in claims}
    lang_of = {a.id: a.lang for a in articles}
    out: list[DraftStanding] = []
    for claim in (c for c in claims if c.article == draft):
        related = [f for f in findings if claim.id in f.claims]
        others = list({o: by_id[o] for f in related for o in f.claims
                       if o in by_id and by_id[o].article != draft}.values())
        definition = ontology.predicates.get(claim.predicate)
        grows = definition is not None and (definition.grows or definition.varies)
        compatible = comparer(rules, ontology, claim, others)
        latest = max((o.published for o in others if o.published), default=None) if grows else None
        supporting, against, earlier = set(), set(), set()
        for other in others:
            if compatible(claim, other):
                supporting.add(other.article)
            elif latest is not None and other.published is not None and other.published < latest:
                earlier.add(other.article)
            else:
                against.add(other.article)
        # (A growing figure's latest report is never "earlier": some claim supports or contradicts.)
        standing = ("alone" if not others else "disputed" if supporting and against
                    else "supported" if supporting else "contradicted")
        out.append(DraftStanding(
            claim=claim.id, predicate=claim.predicate, label=next((f.label for f in related if f.label), ""),
            value=claim.value.text, standing=standing, supported_by=sorted(supporting),
            contradicted_by=sorted(against), earlier=sorted(earlier - supporting - against),
            findings=[f.id for f in related], advice=advise(claim, others, compatible, grows, lang_of)))
    return out
