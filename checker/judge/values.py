"""How two values compare: quantities as intervals under a tolerance, dates as ranges.

Two quantities are compatible when their intervals overlap once the rule's
tolerance is allowed; "about" and "estimated" values get a band; two "up to X"
claims compare their maxima. Dates are compatible when both can be true.
"""

from __future__ import annotations

from checker.knowledge.ontology import ROLE
from checker.knowledge.rules import Rule
from checker.models import Claim, Value

INF = float("inf")
# Qualifiers that widen a value into a band (rule parameter `about`).
APPROXIMATE = frozenset({"about", "estimated"})


def _bounds(value: Value, about: float, use_ceiling: bool) -> tuple[float, float]:
    if use_ceiling and value.ceiling:
        low, high = value.ceiling
    else:
        low = value.low if isinstance(value.low, (int, float)) else -INF
        high = value.high if isinstance(value.high, (int, float)) else INF
    if value.qualifier in APPROXIMATE:
        low, high = low * (1 - about), high * (1 + about)
    return low, high


def compatible(a: Value, b: Value, rule: Rule) -> bool:
    """Whether two quantities can both be true under the rule's tolerance."""
    tolerance = rule.spec.get("tolerance") or {}
    about = float(rule.spec.get("about", 0.1))
    both_ceilings = bool(a.ceiling and b.ceiling)
    la, ha = _bounds(a, about, both_ceilings)
    lb, hb = _bounds(b, about, both_ceilings)
    slack = float(tolerance.get("absolute", 0))
    relative = float(tolerance.get("relative", 0))
    finite = [abs(x) for x in (la, ha, lb, hb) if x not in (INF, -INF)]
    slack = max(slack, relative * max(finite, default=0))
    return la <= hb + slack and lb <= ha + slack


def _months(value: Value) -> set[int]:
    """The months of the year a date value covers (all twelve for a year or more)."""
    low, high = str(value.low), str(value.high)
    if low.startswith("--"):
        return {int(low[2:4])}
    first = int(low[:4]) * 12 + int(low[5:7]) - 1
    last = int(high[:4]) * 12 + int(high[5:7]) - 1
    return {m % 12 + 1 for m in range(first, min(last, first + 11) + 1)}


def same_category(a: Value, b: Value) -> bool:
    """Equal values; dates are equal when they can both be true: "13 March",
    "March 2025" and "2025" all hold together, and a month known without its
    year matches that month of any year."""
    if a.kind == "date" and b.kind == "date":
        if str(a.low).startswith("--") or str(b.low).startswith("--"):
            return bool(_months(a) & _months(b))
        return str(a.low) <= str(b.high) and str(b.low) <= str(a.high)
    return (a.entity.id if a.entity else a.text) == (b.entity.id if b.entity else b.text)


def show_value(claim: Claim) -> str:
    text = claim.value.text.strip() or str(claim.value.low)
    if claim.value.dimension == ROLE and claim.value.qualifier:
        return f"{text} ({claim.value.qualifier})"  # "former" and "current" tell a succession
    return text
