"""Bar charts drawn as inline SVG on the server: nothing to download, works offline.

A chart is written in Python, not a Jinja macro: a report or the dashboard draws one or two,
each a loop of bars with a filter or two per value, which cost a chi bộ's report a few tenths
of a millisecond out of four.
"""
from __future__ import annotations

from markupsafe import Markup, escape

from .tables import Chart

COLORS = ("#c8102e", "#f2a900", "#2e6da4", "#5a9a3b")
LABEL_WIDTH, PLOT = 240, 420  # the labels' column and the bars' longest, in SVG units
BAR, BAR_STEP = 18, 22  # a bar's height, and from one bar to the next in a group
LABEL_AT_MOST, SLACK = 38, 5  # a label's characters, and how many more are let through


def _label(text) -> str:
    """A group's label, cut to ``LABEL_AT_MOST`` characters with "…" when it is much longer."""
    text = str(text)
    if len(text) > LABEL_AT_MOST + SLACK:
        text = text[:LABEL_AT_MOST - 1] + "…"
    return escape(text)


def _figure(value) -> str:
    """A bar's value as written beside it: one decimal, none when it is whole."""
    return escape(str(round(value, 1)).replace(".0", ""))


def bar_chart(chart: Chart, chart_id: str) -> Markup:
    """One group of bars per label, one bar per series, the series' legend below."""
    bars, groups = len(chart.series), len(chart.labels)
    row, maximum = BAR_STEP * bars + 10, chart.maximum
    names = ", ".join(str(name) for name, _values in chart.series)
    parts = [f'<figure class="chart" id="{escape(chart_id)}">\n'
             f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="100%" '
             f'viewBox="0 0 {LABEL_WIDTH + PLOT + 60} {groups * row + 30}"\n'
             f'style="max-width: 760px" aria-label="{escape(names)}">\n']
    for group, label in enumerate(chart.labels):
        top = group * row
        parts.append(f'<text x="{LABEL_WIDTH - 6}" y="{top + 6 + 11 * bars}" text-anchor="end" '
                     f'font-size="12">{_label(label)}</text>\n')
        for bar, (name, values) in enumerate(chart.series):
            value = values[group] or 0
            width = round(value / maximum * PLOT, 1)
            parts.append(
                f'<rect class="bar" x="{LABEL_WIDTH}" y="{top + 4 + bar * BAR_STEP}" '
                f'width="{width}" height="{BAR}"\nfill="{COLORS[bar % 4]}">'
                f'<title>{escape(name)}: {escape(value)}</title></rect>\n'
                f'<text x="{LABEL_WIDTH + width + 4}" y="{top + BAR + bar * BAR_STEP}" '
                f'font-size="11">{_figure(value)}</text>\n')
    for bar, (name, _values) in enumerate(chart.series):
        parts.append(f'<rect x="{LABEL_WIDTH + bar * 170}" y="{groups * row + 12}" width="12" '
                     f'height="12" fill="{COLORS[bar % 4]}"/>\n'
                     f'<text x="{LABEL_WIDTH + 16 + bar * 170}" y="{groups * row + 22}" '
                     f'font-size="12">{escape(name)}</text>\n')
    parts.append("</svg>\n</figure>\n")
    return Markup("".join(parts))
