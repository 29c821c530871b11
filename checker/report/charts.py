"""A small chart of a figure that changed over time, for GitHub to draw above its table.

A Mermaid `xychart-beta` with one line: the figure by date, the highest
value reported each day (a toll read the day it was reported), the y-axis
from zero. One line per outlet would need every outlet to report every day,
which they do not, and the chart draws no gaps; the table below it gives
each outlet's own report. Labels are quoted and hold only letters, marks,
digits, spaces and a few safe signs, so a name in any script cannot break
the block; large figures are shown in thousands, millions or billions.
"""

from __future__ import annotations

import math
import unicodedata
from datetime import date

from checker.models import Claim, Finding

# Signs a label may keep; anything else becomes a space (quotes, brackets, backticks...).
_SAFE_SIGNS = frozenset(" -–—.,'%/:+")
_SCALES = [(1e9, "billions"), (1e6, "millions"), (1e4, "thousands")]
LABEL_LIMIT = 60
LINE_COLOUR = "#0969da"  # GitHub's link blue: seen on the light and the dark theme
ROUND_STEPS = (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10)


def safe_label(text: str) -> str:
    """Text that can stand between double quotes in a Mermaid chart, on one line."""
    kept = "".join(c if c.isalnum() or unicodedata.category(c).startswith("M") or c in _SAFE_SIGNS else " "
                   for c in text)
    kept = " ".join(kept.split())
    return kept if len(kept) <= LABEL_LIMIT else kept[:LABEL_LIMIT - 1].rstrip() + "…"


def _point(claim: Claim) -> float | None:
    """The figure to draw for a claim: its stated value (the finite end of "more than")."""
    low, high = claim.value.low, claim.value.high
    for bound in (low, high):
        if isinstance(bound, (int, float)) and math.isfinite(bound):
            return float(bound)
    return None


def _number(value: float) -> str:
    text = f"{value:.3f}".rstrip("0").rstrip(".")
    return text if text != "-0" else "0"


def _ceiling(value: float) -> float:
    """A round top for the y-axis at or above `value`, close enough to fill the chart."""
    if value <= 0:
        return 1.0
    power = 10 ** math.floor(math.log10(value))
    return next(step * power for step in ROUND_STEPS if step * power >= value)


def update_chart(finding: Finding, claims: dict[str, Claim]) -> str:
    """The Mermaid block for an `updated` finding, or "" when fewer than two dates have figures."""
    by_day: dict[date, float] = {}
    for claim in (claims[c] for c in finding.claims if c in claims):
        value = _point(claim)
        if claim.published is not None and value is not None:
            by_day[claim.published] = max(value, by_day.get(claim.published, value))
    if len(by_day) < 2:
        return ""
    days = sorted(by_day)
    one_year = len({d.year for d in days}) == 1
    labels = [d.strftime("%m-%d") if one_year else d.isoformat() for d in days]
    top = max(by_day.values())
    divisor, scale = next(((d, name) for d, name in _SCALES if top >= d), (1.0, ""))
    values = [by_day[d] / divisor for d in days]
    axis = safe_label(finding.label or finding.predicate) + (f" ({scale})" if scale else "")
    title = safe_label(" — ".join(t for t in (finding.subject.text, finding.label) if t))
    heading = " ".join(t for t in (title, str(days[0].year) if one_year else "") if t)
    bottom = min(0.0, math.floor(min(values)))
    return "\n".join([
        "```mermaid",
        # The theme's first plot colour is a pale lilac that a line barely shows in.
        '%%{init: {"themeVariables": {"xyChart": {"plotColorPalette": "' + LINE_COLOUR + '"}}}}%%',
        "xychart-beta",
        *([f'    title "{heading}"'] if heading else []),
        "    x-axis [" + ", ".join(f'"{label}"' for label in labels) + "]",
        f'    y-axis "{axis}" {_number(bottom)} --> {_number(_ceiling(max(values)))}',
        "    line [" + ", ".join(_number(v) for v in values) + "]",
        "```",
    ])
