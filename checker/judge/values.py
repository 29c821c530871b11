"""How two values compare: quantities as intervals under a tolerance, dates as ranges.

Two quantities are compatible when their intervals overlap once the rule's
tolerance is allowed; "about" and "estimated" values get a band; two "up to X"
claims compare their maxima. Dates are compatible when both can be true.
"""

from __future__ import annotations


from checker.knowledge.ontology import ROLE, Ontology
from checker.knowledge.rules import Rule
from checker.models import Claim, Value, month_of

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


def _rounded(low: float, high: float, step: float) -> tuple[float, float]:
    """What a figure stated to `step` may stand for: a finer one rounded to the nearest
    step ("6 billion" for 5.6 or 6.3 billion, never for 2.5 against "3 billion")."""
    margin = step / 2 * (1 - 1e-9)
    return low - margin, high + margin


def compatible(a: Value, b: Value, rule: Rule, at_least_relative: float = 0.0) -> bool:
    """Whether two quantities can both be true under the rule's tolerance (and at least
    `at_least_relative` of it, for amounts converted from another unit). The coarser of
    two figures stated to different steps may round the finer: "46%" holds with
    "46.1%", "43.6%" does not with "43.7%", nor "185" with "187"."""
    if a.range and b.range:
        # Two ranges say where the figures start and where they end: each end must hold.
        return all(compatible(a.model_copy(update={"low": x, "high": x, "range": False}),
                              b.model_copy(update={"low": y, "high": y, "range": False}), rule, at_least_relative)
                   for x, y in ((a.low, b.low), (a.high, b.high)))
    tolerance = rule.spec.get("tolerance") or {}
    about = float(rule.spec.get("about", 0.1))
    both_ceilings = bool(a.ceiling and b.ceiling)
    la, ha = _bounds(a, about, both_ceilings)
    lb, hb = _bounds(b, about, both_ceilings)
    if a.precision and b.precision and a.precision != b.precision:
        if a.precision > b.precision:
            la, ha = _rounded(la, ha, a.precision)
        else:
            lb, hb = _rounded(lb, hb, b.precision)
    slack = float(tolerance.get("absolute", 0))
    relative = max(float(tolerance.get("relative", 0)), at_least_relative)
    finite = [abs(x) for x in (la, ha, lb, hb) if x not in (INF, -INF)]
    slack = max(slack, relative * max(finite, default=0))
    return la <= hb + slack and lb <= ha + slack


# How far apart two amounts may be once one is converted into the other's unit: rates
# move within a month, and outlets round what they convert.
CONVERSION_TOLERANCE = 0.03


def in_base_units(claim: Claim, ontology: Ontology, default_month: str | None = None) -> tuple[Value, str] | None:
    """The claim's value in its dimension's base unit (US dollars, seconds, hectares),
    with the month of the exchange rate used; None where it cannot be converted."""
    value = claim.value
    month = month_of(claim, default_month)
    found = ontology.in_base_units(value.unit, value.dimension or "", month)
    if found is None:
        return None
    factor, rate_month = found

    def scaled(x):
        return x * factor if isinstance(x, (int, float)) else x

    ceiling = (value.ceiling[0] * factor, value.ceiling[1] * factor) if value.ceiling else None
    return value.model_copy(update={"low": scaled(value.low), "high": scaled(value.high), "ceiling": ceiling,
                                    "precision": scaled(value.precision), "unit": None}), rate_month


def claims_compatible(a: Claim, b: Claim, rule: Rule, ontology: Ontology, default_month: str | None = None) -> bool:
    """compatible() for two claims, converting between units of one dimension
    ("116 million pounds" and "136.3 million euros", "30 seconds" and "a minute"),
    at the rate of each article's month (`default_month` for an undated one)."""
    if a.value.unit == b.value.unit:
        return compatible(a.value, b.value, rule)
    first, second = in_base_units(a, ontology, default_month), in_base_units(b, ontology, default_month)
    if first is None or second is None:
        return compatible(a.value, b.value, rule)  # a unit the text leaves out aligns with any
    return compatible(first[0], second[0], rule, CONVERSION_TOLERANCE)


def _months(value: Value) -> set[int]:
    """The months of the year a date value covers (all twelve for a year or more)."""
    low, high = str(value.low), str(value.high)
    if low.startswith("--"):
        return {int(low[2:4])}
    first = int(low[:4]) * 12 + int(low[5:7]) - 1
    last = int(high[:4]) * 12 + int(high[5:7]) - 1
    return {m % 12 + 1 for m in range(first, min(last, first + 11) + 1)}


def _day_of_month(value: Value) -> str | None:
    """"07" of "--09-07" or of a single day "2024-09-07"; None for a month or longer."""
    low, high = str(value.low), str(value.high)
    if low.startswith("--"):
        return low[5:7] or None
    return low[8:10] if low == high and len(low) == 10 else None


def same_category(a: Value, b: Value) -> bool:
    """Equal values; dates are equal when they can both be true: "13 March",
    "March 2025" and "2025" all hold together, and a month known without its
    year matches that month of any year."""
    if a.kind == "date" and b.kind == "date":
        if str(a.low).startswith("--") or str(b.low).startswith("--"):
            days_a, days_b = _day_of_month(a), _day_of_month(b)
            if days_a is not None and days_b is not None and days_a != days_b:
                return False  # "September 7" and "2024-09-08"
            return bool(_months(a) & _months(b))
        return str(a.low) <= str(b.high) and str(b.low) <= str(a.high)
    if isinstance(a.low, str) and isinstance(b.low, str):
        # A canonical key: an outcome's id ("found guilty" is "convicted"), a match's winner, a score.
        return a.low == b.low
    return (a.entity.id if a.entity else a.text) == (b.entity.id if b.entity else b.text)


def show_value(claim: Claim) -> str:
    text = claim.value.text.strip() or str(claim.value.low)
    if claim.value.dimension == ROLE and claim.value.qualifier:
        return f"{text} ({claim.value.qualifier})"  # "former" and "current" tell a succession
    return text
