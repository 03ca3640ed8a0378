"""HTML and PDF rendering, independent of HTTP and Celery."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone

from ..selectors import ReportFigures
from .charts import bar_chart
from .fetcher import LocalOnlyFetcher, font_url
from .thaifix import fix_sara_am


def render_annual_html(*, figures: ReportFigures, title: str, generated_at=None) -> str:
    return render_to_string(
        "reports/pdf/annual_report.html",
        {
            "figures": figures,
            "title": title,
            "generated_at": generated_at or timezone.now(),
            "font_regular": font_url("Regular"),
            "font_bold": font_url("Bold"),
            "font_italic": font_url("Italic"),
            "activities_chart": bar_chart(figures.activities_by_kind),
            "alignment_chart": bar_chart(figures.alignment_by_status),
        },
    )


def render_pdf(html: str, target) -> None:
    """Write the PDF of ``html`` to ``target`` (a path or a binary file object)."""
    from weasyprint import HTML

    base = settings.STATICFILES_DIRS[0]
    pdf = HTML(string=html, base_url=str(base), url_fetcher=LocalOnlyFetcher()).write_pdf()
    fix_sara_am(pdf, str(target) if isinstance(target, Path) else target)
