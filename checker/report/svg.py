"""A figure over time as an inline SVG chart, for the HTML page: no script, no network.

The series are report/charts.py's (one per set of frame qualifiers, the highest
figure reported each day). Days stand apart as far as they are apart in time;
the y-axis runs from zero to a round top, in the scale the figures need
(thousands, millions...). Each point is a circle whose `data-value` is the
figure reported and whose title says the day, the figure and who gave it: a
test checks every point against its finding, another that Chromium draws them.
"""

from __future__ import annotations

import html

from checker.models import Claim, Finding
from checker.report.charts import Series, plot_number, round_top, scale

WIDTH, HEIGHT = 640, 260
LEFT, RIGHT, TOP, BOTTOM = 64, 24, 36, 44
COLOURS = ("#0969da", "#bc4c00", "#1a7f37", "#8250df")


def _x(day_offset: int, span: int) -> float:
    inner = WIDTH - LEFT - RIGHT
    return LEFT + (inner * day_offset / span if span else inner / 2)


def _y(value: float, top: float) -> float:
    inner = HEIGHT - TOP - BOTTOM
    return TOP + inner * (1 - value / top)


def svg_chart(finding: Finding, series: list[Series], claims: dict[str, Claim], outlet_of) -> str:
    """The chart of a finding's series ("" for none). `outlet_of(article id)` names an outlet."""
    if not series:
        return ""
    divisor, scale_name = scale(max(v for s in series for v in s.values))
    top = round_top(max(v for s in series for v in s.values) / divisor)
    first = min(d for s in series for d in s.days)
    span = (max(d for s in series for d in s.days) - first).days
    what = finding.label or finding.predicate
    axis = f"{what} ({scale_name})" if scale_name else what
    parts = [f'<svg class="chart" role="img" viewBox="0 0 {WIDTH} {HEIGHT}" '
             f'data-points="{sum(len(s.values) for s in series)}" data-scale="{plot_number(divisor)}" '
             f'aria-label="{html.escape(axis)}" xmlns="http://www.w3.org/2000/svg">',
             f'<text class="axis-label" x="{LEFT}" y="{TOP - 16}" dir="auto">{html.escape(axis)}</text>']
    for fraction in (0, 0.5, 1):
        y = _y(top * fraction, top)
        parts.append(f'<line class="grid" x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y:.1f}" y2="{y:.1f}"/>')
        parts.append(f'<text class="tick" x="{LEFT - 8}" y="{y + 4:.1f}" text-anchor="end">'
                     f'{plot_number(top * fraction)}</text>')
    days = sorted({d for s in series for d in s.days})
    shown_days = days if len(days) <= 6 else [days[round(i * (len(days) - 1) / 5)] for i in range(6)]
    one_year = len({d.year for d in days}) == 1
    for day in dict.fromkeys(shown_days):
        x = _x((day - first).days, span)
        label = day.strftime("%m-%d") if one_year else day.isoformat()
        parts.append(f'<text class="tick" x="{x:.1f}" y="{HEIGHT - BOTTOM + 18}" text-anchor="middle">{label}</text>')
    if one_year:
        parts.append(f'<text class="tick" x="{WIDTH - RIGHT}" y="{HEIGHT - 6}" text-anchor="end">{days[0].year}</text>')
    for n, line in enumerate(series):
        colour = COLOURS[n % len(COLOURS)]
        points = [(_x((d - first).days, span), _y(v / divisor, top)) for d, v in zip(line.days, line.values)]
        path = " ".join(f"{x:.1f},{y:.1f}" for x, y in points)
        parts.append(f'<polyline class="series" fill="none" stroke="{colour}" stroke-width="2" points="{path}"/>')
        for (x, y), day, value, ids in zip(points, line.days, line.values, line.claims):
            outlets = ", ".join(dict.fromkeys(outlet_of(claims[i].article) for i in ids if i in claims))
            title = f"{day.isoformat()}: {plot_number(value)} — {outlets}"
            parts.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4" fill="{colour}" data-value="{plot_number(value)}" '
                         f'data-day="{day.isoformat()}"><title>{html.escape(title)}</title></circle>')
        if line.label:
            parts.append(f'<text class="legend" x="{WIDTH - RIGHT}" y="{TOP - 16 + 14 * n}" text-anchor="end" '
                         f'fill="{colour}" dir="auto">{html.escape(line.label)}</text>')
    parts.append("</svg>")
    return "".join(parts)

