"""Charts of a figure that changed over time: its series, and a Mermaid block for GitHub.

A growing figure's dated reports form one timeline: the figure by date, the
highest value reported each day (a toll read the day it was reported), the
y-axis from zero. Figures whose frames carry other qualifiers (a week's new
cases against the cases so far, confirmed against suspected) are other series,
never joined into one line. One line per outlet would need every outlet to
report every day, which they do not; the table below the chart gives each
outlet's own report. Large figures are drawn in thousands, millions or
billions, and every point drawn is, times its axis's scale, a value of the
finding (tests/test_report_charts.py checks it on the real-news corpus).

The Markdown report draws each series as a Mermaid `xychart-beta` (GitHub draws
it; report/svg.py draws the same series for the HTML page). Labels are quoted and
hold only letters, marks, digits, spaces and a few safe signs, so a name in any
script cannot break the block.
"""

from __future__ import annotations

import math
import unicodedata
from dataclasses import dataclass
from datetime import date

from checker.models import Claim, Finding
from checker.report.direction import FSI, PDI

# Signs a label may keep; anything else becomes a space (quotes, brackets, backticks...).
_SAFE_SIGNS = frozenset(" -–—.,'%/:+" + FSI + PDI)
# (divisor, name, smallest top drawn at that scale): below ten thousand, figures are drawn as they are.
_SCALES = [(1e9, "billions", 1e9), (1e6, "millions", 1e6), (1e3, "thousands", 1e4)]
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


def plot_number(value: float) -> str:
    """A plotted number, exact enough that times its scale it is the figure reported."""
    text = format(value, ".12g")
    if "e" in text:
        text = f"{value:.12f}".rstrip("0").rstrip(".")
    return text if text != "-0" else "0"


def round_top(value: float) -> float:
    """A round top for the y-axis at or above `value`, close enough to fill the chart."""
    if value <= 0:
        return 1.0
    power = 10 ** math.floor(math.log10(value))
    return next(step * power for step in ROUND_STEPS if step * power >= value)


def scale(top: float) -> tuple[float, str]:
    """What a chart whose highest figure is `top` divides by, and the name of that scale."""
    return next(((divisor, name) for divisor, name, least in _SCALES if top >= least), (1.0, ""))


@dataclass(frozen=True)
class Series:
    """One line of a chart: a figure by day (the highest reported that day)."""

    label: str  # what tells it from the other series ("" for the only one)
    days: list[date]
    values: list[float]  # as reported, unscaled
    claims: list[list[str]]  # the claims that gave each day's value


def chart_series(finding: Finding, claims: dict[str, Claim], qualifier_words=None) -> list[Series]:
    """The finding's dated figures as series: one per set of frame qualifiers, each with
    two days at least."""
    keyed: dict[tuple[str, ...], dict[date, tuple[float, list[str]]]] = {}
    for claim in (claims[c] for c in finding.claims if c in claims):
        value = _point(claim)
        if claim.published is None or value is None:
            continue
        key = tuple(claim.frame.qualifiers) if claim.frame is not None else ()
        days = keyed.setdefault(key, {})
        best, ids = days.get(claim.published, (value, []))
        if value > best:
            best, ids = value, []
        if value == best:
            ids = [*ids, claim.id]
        days[claim.published] = (best, ids)
    name = qualifier_words or (lambda q: q.replace("_", " "))
    out = []
    for key, days in sorted(keyed.items()):
        if len(days) < 2:
            continue
        ordered = sorted(days)
        out.append(Series(", ".join(name(q) for q in key), ordered, [days[d][0] for d in ordered],
                          [days[d][1] for d in ordered]))
    return out


def mermaid_chart(finding: Finding, series: Series) -> str:
    """The Mermaid block of one series."""
    days = series.days
    one_year = len({d.year for d in days}) == 1
    labels = [d.strftime("%m-%d") if one_year else d.isoformat() for d in days]
    divisor, scale_name = scale(max(series.values))
    values = [v / divisor for v in series.values]
    what = " ".join(t for t in (finding.label or finding.predicate, series.label) if t)
    axis = safe_label(_isolated(what)) + (f" ({scale_name})" if scale_name else "")
    title = safe_label(_isolated(finding.heading or " — ".join(t for t in (finding.subject.text, finding.label) if t)))
    heading = " ".join(t for t in (title, str(days[0].year) if one_year else "") if t)
    bottom = min(0.0, math.floor(min(values)))
    return "\n".join([
        "```mermaid",
        # The theme's first plot colour is a pale lilac that a line barely shows in.
        '%%{init: {"themeVariables": {"xyChart": {"plotColorPalette": "' + LINE_COLOUR + '"}}}}%%',
        "xychart-beta",
        *([f'    title "{heading}"'] if heading else []),
        "    x-axis [" + ", ".join(f'"{label}"' for label in labels) + "]",
        f'    y-axis "{axis}" {plot_number(bottom)} --> {plot_number(round_top(max(values)))}',
        "    line [" + ", ".join(plot_number(v) for v in values) + "]",
        "```",
    ])


def _isolated(text: str) -> str:
    """A label isolated as a whole: a chart's own words around it (a year, a scale) keep their place."""
    return FSI + text + PDI if any(unicodedata.bidirectional(c) in ("R", "AL") for c in text) else text


def update_chart(finding: Finding, claims: dict[str, Claim], qualifier_words=None) -> str:
    """The Mermaid blocks of an `updated` finding, one a series, or "" when no series has two dates."""
    return "\n\n".join(mermaid_chart(finding, s) for s in chart_series(finding, claims, qualifier_words))
