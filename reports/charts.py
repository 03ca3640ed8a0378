"""Bar charts for the public pages, drawn as SVG by the portal (no chart library, no scripts).

A chart is categories (e.g. fiscal years in the Buddhist era) and one or more series of
numbers; each category gets a group of bars, one per series. The SVG has a title and a
description (``role="img"`` with ``aria-labelledby``), every bar a ``<title>`` naming its
figure, and the template shows the same figures as a table under the chart (``rows``), so
a screen reader or a text browser loses nothing. Text inherits the page's font (Sarabun),
so Thai is shaped by the browser like the rest of the page.

The PDF's charts are not these: WeasyPrint lays SVG text out one character at a time, so
reports draw bars in HTML (``reports.rendering.charts``).
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

# Colour-blind-safe series colours (Okabe–Ito) and a grey for targets.
PALETTE = ("#0072b2", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#d55e00")
TARGET_COLOUR = "#9e9e9e"

WIDTH, HEIGHT = 640, 300
LEFT, RIGHT, TOP, BOTTOM = 64, 12, 36, 44
_ids = itertools.count(1)


def number(value) -> str:
    """A figure as Thai pages write it: thousands separated, at most two decimals, no
    trailing zeros; a dash for no figure."""
    if value is None:
        return "–"
    value = Decimal(str(value))
    if value == value.to_integral_value():
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


@dataclass(frozen=True)
class Series:
    label: str
    values: list  # one number (or None: no figure) per category
    colour: str = ""


@dataclass
class Chart:
    title: str
    desc: str
    categories: list[str]
    series: list[Series]
    unit: str = ""
    ident: str = field(default_factory=lambda: f"chart{next(_ids)}")

    @property
    def empty(self) -> bool:
        return all(v is None for s in self.series for v in s.values)

    @property
    def rows(self) -> list[tuple[str, list[str]]]:
        """The table under the chart: one row per category, one cell per series."""
        return [(c, [number(s.values[i]) for s in self.series]) for i, c in enumerate(self.categories)]

    @property
    def svg(self) -> SafeString:
        return mark_safe(_draw(self))


def _nice_top(top: float) -> tuple[float, float]:
    """(the axis's top, the step between grid lines): a round step, four or five lines."""
    if top <= 0:
        return 1.0, 0.25
    raw = top / 4
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    return step * math.ceil(top / step), step


def _draw(chart: Chart) -> str:
    colours = [s.colour or PALETTE[i % len(PALETTE)] for i, s in enumerate(chart.series)]
    values = [float(v) for s in chart.series for v in s.values if v is not None]
    top, step = _nice_top(max(values, default=0))
    # Many categories (quarters): their labels slant, below a taller chart.
    slant = len(chart.categories) > 6
    height = HEIGHT + (56 if slant else 0)
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def y(v: float) -> float:
        return TOP + plot_h - plot_h * max(v, 0) / top

    e = escape
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" class="chart-svg" role="img" '
        f'aria-labelledby="{chart.ident}-t {chart.ident}-d">',
        f'<title id="{chart.ident}-t">{e(chart.title)}</title><desc id="{chart.ident}-d">{e(chart.desc)}</desc>',
    ]
    # The legend, across the top.
    x = LEFT
    for label, colour in zip((s.label for s in chart.series), colours, strict=True):
        out.append(f'<rect x="{x}" y="8" width="12" height="12" fill="{colour}"/>')
        out.append(f'<text x="{x + 16}" y="18" font-size="12">{e(label)}</text>')
        x += 28 + 9 * len(label)
    # The grid and the value axis.
    ticks = int(round(top / step))
    for i in range(ticks + 1):
        v = step * i
        ty = round(y(v), 1)
        out.append(f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{ty}" y2="{ty}" stroke="#e0e0e0"/>')
        out.append(f'<text x="{LEFT - 6}" y="{ty + 4}" font-size="11" text-anchor="end">{e(number(v))}</text>')
    if chart.unit:
        out.append(f'<text x="4" y="{TOP - 8}" font-size="11">{e(chart.unit)}</text>')
    # The bars, a group per category.
    n = max(len(chart.categories), 1)
    group = plot_w / n
    bar = min(36.0, group * 0.8 / max(len(chart.series), 1))
    for i, category in enumerate(chart.categories):
        gx = LEFT + group * i + (group - bar * len(chart.series)) / 2
        for j, (s, colour) in enumerate(zip(chart.series, colours, strict=True)):
            v = s.values[i]
            bx = round(gx + bar * j, 1)
            label = f"{category} {s.label}: {number(v)}{' ' + chart.unit if chart.unit and v is not None else ''}"
            if v is None:
                out.append(
                    f'<text x="{bx + bar / 2:.1f}" y="{TOP + plot_h - 4}" font-size="10" text-anchor="middle" '
                    f'fill="#767676"><title>{e(label)}</title>–</text>'
                )
                continue
            top_y = y(float(v))
            out.append(
                f'<rect x="{bx}" y="{top_y:.1f}" width="{bar:.1f}" height="{TOP + plot_h - top_y:.1f}" '
                f'fill="{colour}"><title>{e(label)}</title></rect>'
            )
            if bar >= 18:
                out.append(
                    f'<text x="{bx + bar / 2:.1f}" y="{top_y - 3:.1f}" font-size="10" text-anchor="middle">'
                    f"{e(number(v))}</text>"
                )
        cx, cy = LEFT + group * i + group / 2, HEIGHT - BOTTOM + 18
        if slant:
            out.append(
                f'<text x="{cx:.1f}" y="{cy - 4}" font-size="11" text-anchor="end" '
                f'transform="rotate(-45 {cx:.1f} {cy - 4})">{e(category)}</text>'
            )
        else:
            out.append(f'<text x="{cx:.1f}" y="{cy}" font-size="12" text-anchor="middle">{e(category)}</text>')
    out.append(f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{TOP + plot_h}" y2="{TOP + plot_h}" stroke="#757575"/>')
    out.append("</svg>")
    return "".join(out)
