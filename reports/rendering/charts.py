"""Vector charts for the PDF: plain inline SVG, no raster images, no JavaScript."""

from __future__ import annotations

from django.utils.html import escape
from django.utils.safestring import mark_safe


def bar_chart(rows: list[tuple[str, int]], *, width: int = 440, bar_height: int = 16, label_width: int = 170) -> str:
    """A horizontal bar chart of (label, value) rows as an SVG string."""
    gap = 8
    height = max(1, len(rows)) * (bar_height + gap) + gap
    peak = max((value for _, value in rows), default=0) or 1
    plot = width - label_width - 60
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}pt" height="{height}pt" '
        f'viewBox="0 0 {width} {height}" role="img" class="chart" font-family="Sarabun">'
    ]
    for i, (label, value) in enumerate(rows):
        y = gap + i * (bar_height + gap)
        bar = int(plot * value / peak)
        parts.append(
            f'<text x="{label_width - 6}" y="{y + bar_height - 4}" text-anchor="end" font-size="11">{escape(label)}</text>'
            f'<rect x="{label_width}" y="{y}" width="{max(bar, 1)}" height="{bar_height}" fill="#0b5d3b"/>'
            f'<text x="{label_width + bar + 4}" y="{y + bar_height - 4}" font-size="11">{value:,}</text>'
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))
