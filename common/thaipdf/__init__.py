"""Thai official documents as PDF, for every app that makes one (the annual report, a
meeting's minutes): WeasyPrint with the Sarabun fonts embedded, fetching nothing from
outside (``fetcher``), and the finished PDF rewritten so Thai text extracts and copies
exactly (``thaifix``: SARA AM and tone marks over upper vowels)."""

from __future__ import annotations

import io

from django.conf import settings

from .fetcher import LocalOnlyFetcher, font_url, pdf_image_dir
from .thaifix import fix_sara_am


def font_context() -> dict:
    """The Sarabun font URLs a PDF template's @font-face rules name."""
    return {"font_regular": font_url("Regular"), "font_bold": font_url("Bold"), "font_italic": font_url("Italic")}


def write_pdf(html: str, target=None):
    """Lay out ``html`` with WeasyPrint (local files only); bytes when no target."""
    from weasyprint import HTML

    base = str(settings.STATICFILES_DIRS[0])
    return HTML(string=html, base_url=base, url_fetcher=LocalOnlyFetcher()).write_pdf(target)


def render_pdf(html: str) -> bytes:
    """``html`` as a finished PDF whose Thai text extracts as written."""
    out = io.BytesIO()
    fix_sara_am(write_pdf(html), out)
    return out.getvalue()


__all__ = ["LocalOnlyFetcher", "fix_sara_am", "font_context", "font_url", "pdf_image_dir", "render_pdf", "write_pdf"]
