"""The district plan (ประมวลแผนระดับอำเภอ) as a Thai official document: gather
(``selectors.district_plan``) → HTML (``templates/plans/pdf/compiled_district.html``) →
PDF (``common.thaipdf``: WeasyPrint with Sarabun embedded, A4, 3/2/2.5/2 cm margins,
16 pt body, page numbers in Thai numerals from page 2, each table's header repeated on
every page it runs over, and Thai text that extracts as written).

Inline or job? A district has up to about 20 tambons × 30 items (600 rows): 112 pages,
140 s of WeasyPrint on the shared 2-core build machine under load (36 items: 9 pages, 22 s
there; roughly five times faster on an idle machine; ``bench/district_plan_bench.py``).
Far too long to hold a web worker. So the PDF is made in the request only up to
``PDF_INLINE_MAX_ITEMS`` items (a couple of pages of items, a few seconds), and by a job
(``plans.tasks.run_district_plan_pdf``, the common job shape, its own progress page) above.
"""

from __future__ import annotations

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from common.thaipdf import font_context, render_pdf

from .selectors.compile import DistrictPlan

# Up to this many plan items the PDF is made inline; more become a job.
PDF_INLINE_MAX_ITEMS = 60


def district_plan_title(plan: DistrictPlan) -> str:
    return _("แผนระดับอำเภอ%(district)s ปีงบประมาณ %(year)s") % {
        "district": plan.district.name_th,
        "year": plan.fiscal_year,
    }


def district_plan_filename(plan: DistrictPlan, ext: str) -> str:
    return f"district-plan-{plan.district.code}-{plan.fiscal_year}.{ext}"


def district_plan_html(plan: DistrictPlan, *, generated_at=None) -> str:
    return render_to_string(
        "plans/pdf/compiled_district.html",
        {
            "plan": plan,
            "title": district_plan_title(plan),
            "generated_at": generated_at or timezone.now(),
            **font_context(),
        },
    )


def district_plan_pdf(plan: DistrictPlan, *, generated_at=None) -> bytes:
    return render_pdf(district_plan_html(plan, generated_at=generated_at))


def pdf_page_count(data: bytes) -> int:
    """Pages of a PDF (for the bench and the tests)."""
    import io

    from pypdf import PdfReader

    return len(PdfReader(io.BytesIO(data)).pages)


__all__ = [
    "PDF_INLINE_MAX_ITEMS",
    "district_plan_filename",
    "district_plan_html",
    "district_plan_pdf",
    "district_plan_title",
    "pdf_page_count",
]
