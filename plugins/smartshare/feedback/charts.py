"""Inline SVG charts drawn at build time: readable without JavaScript, printable, the same bytes every build.

A chart is an `<svg role="img">` named by its `<title>` and described by its `<desc>`, which holds every figure
as text (screen readers read that, not the shapes); each chart comes with a data table in the page as well.
Colours come from the theme's variables through CSS classes (feedback.css), so dark mode and print apply.
Plain Python: no MkDocs, no plotting library (three bars and a handful of sessions do not need one).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from html import escape

BAR_HEIGHT = 16
ROW = 24
LABEL_WIDTH = 120  # at least: the rating charts of a page line up, their labels fit in every language
BAR_WIDTH = 150
VALUE_WIDTH = 70
# The labels' width is estimated at build time (no font metrics there): 12px text, generous per character so a
# label ("2026-10-06 chatbots-singapore-2026-10") never runs under its bar; CJK characters are twice as wide.
CHAR_WIDTH = 7
WIDE_CHAR_WIDTH = 14


@dataclass(frozen=True)
class Bar:
    label: str
    value: float  # what the bar's length shows
    text: str  # the value as written beside the bar
    kind: str = ""  # a CSS modifier (the rating 1, 2, 3)


def _number(value: float) -> str:
    """Coordinates with at most one decimal, never `-0` or an exponent: identical output on every platform."""
    text = f"{value:.1f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _svg(chart_id: str, title: str, description: str, width: int, height: int, body: list[str]) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="smartshare-chart" role="img" '
        f'aria-labelledby="{chart_id}-title {chart_id}-desc" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}">'
        f'<title id="{chart_id}-title">{escape(title)}</title><desc id="{chart_id}-desc">{escape(description)}</desc>'
        + "".join(body)
        + "</svg>"
    )


def _text_width(text: str) -> int:
    return sum(WIDE_CHAR_WIDTH if unicodedata.east_asian_width(c) in "WF" else CHAR_WIDTH for c in text)


def bar_chart(chart_id: str, title: str, description: str, bars: list[Bar], maximum: float) -> str:
    """Horizontal bars, one per row, label on the left (as wide as the longest) and value on the right."""
    label_width = max([LABEL_WIDTH, *(_text_width(bar.label) + 8 for bar in bars)])
    body = []
    for index, bar in enumerate(bars):
        y = index * ROW + 4
        length = 0 if maximum <= 0 else max(0.0, min(1.0, bar.value / maximum)) * BAR_WIDTH
        modifier = f" smartshare-chart__bar--{bar.kind}" if bar.kind else ""
        box = f'x="{label_width}" y="{y}" height="{BAR_HEIGHT}"'
        body.append(
            f'<text class="smartshare-chart__label" x="0" y="{y + 12}">{escape(bar.label)}</text>'
            f'<rect class="smartshare-chart__track" {box} width="{BAR_WIDTH}"/>'
            f'<rect class="smartshare-chart__bar{modifier}" {box} width="{_number(length)}"/>'
            f'<text class="smartshare-chart__value" x="{label_width + BAR_WIDTH + 6}" y="{y + 12}">'
            f"{escape(bar.text)}</text>"
        )
    width = label_width + BAR_WIDTH + VALUE_WIDTH
    return _svg(chart_id, title, description, width, len(bars) * ROW + 4, body)
