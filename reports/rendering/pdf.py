"""HTML and PDF rendering, independent of HTTP and Celery."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings

from .fetcher import LocalOnlyFetcher
from .thaifix import fix_sara_am


def render_pdf(html: str, target) -> None:
    """Write the PDF of ``html`` to ``target`` (a path or a binary file object)."""
    from weasyprint import HTML

    base = settings.STATICFILES_DIRS[0]
    pdf = HTML(string=html, base_url=str(base), url_fetcher=LocalOnlyFetcher()).write_pdf()
    fix_sara_am(pdf, str(target) if isinstance(target, Path) else target)
