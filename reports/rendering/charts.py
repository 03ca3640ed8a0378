"""Charts for the PDF: vector boxes drawn by CSS, no raster images, no JavaScript.

Not SVG: WeasyPrint lays SVG text out one character at a time, so Thai marks lose their
cluster (tone marks sit on, not above, the upper vowels, and ำ is drawn and extracted as
ํ + า). Chart labels are HTML text instead, shaped and extracted like every other line.
"""

from __future__ import annotations

from django.utils.html import format_html, format_html_join

BAR_MAX = 75  # % of the plot column the longest bar takes; the rest holds its value


def bar_chart(rows: list[tuple[str, int]]) -> str:
    """A horizontal bar chart of (label, value) rows as HTML (styled by .chart in _style.css)."""
    peak = max((value for _label, value in rows), default=0) or 1
    bars = format_html_join(
        "",
        '<tr><th>{}</th><td><span class="bar" style="width:{}%"></span><span class="value">{}</span></td></tr>',
        ((label, f"{max(BAR_MAX * value / peak, 0.3):.1f}", f"{value:,}") for label, value in rows),
    )
    return format_html('<table class="chart"><tbody>{}</tbody></table>', bars)
