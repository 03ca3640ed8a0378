"""ReportSpec → PDF / XLSX through the section pipeline (reports.sections).

The PDF: every section's context is gathered and rendered to HTML; WeasyPrint lays out the
document. A big appendix (national or regional reports: thousands of councils) is laid out
apart, in chunks of whole provinces rendered by worker processes, then merged with pypdf;
its page numbers are stamped from a light overlay document. Finally the SARA AM text fix
(thaifix) runs over the whole file.
"""

from __future__ import annotations

import io
import multiprocessing
from itertools import groupby
from pathlib import Path

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import mark_safe

from common.thai import thai_digits
from geo.models import District, Province

from ..sections import SECTIONS, Scope
from ..sections.base import keep_together
from ..spec import ReportSpec
from .charts import bar_chart
from .fetcher import LocalOnlyFetcher, font_url
from .thaifix import fix_sara_am

INLINE_APPENDIX_ROWS = 600  # up to this many councils, the appendix is laid out with the rest
CHUNK_ROWS = 700  # rows per separately laid-out appendix chunk (whole provinces)
ROWS_PER_TABLE = 40  # small tables lay out much faster than one huge table
WORKERS = 2


def _style_context(**flags) -> dict:
    return {
        "font_regular": font_url("Regular"),
        "font_bold": font_url("Bold"),
        "font_italic": font_url("Italic"),
        "thai_numerals": flags.get("thai_numerals", True),
        "page_numbers": flags.get("page_numbers", True),
        "page_labels": flags.get("page_labels", False),
    }


def _numbering(sections, thai_numerals: bool) -> dict[str, str]:
    digits = thai_digits if thai_numerals else str
    numbers, chapter, sub = {}, 0, 0
    for section in sections:
        if not section.in_toc or section.slug == "appendix":
            continue
        if section.chapter:
            chapter, sub = chapter + 1, 0
            numbers[section.slug] = f"{digits(chapter)}."
        else:
            sub += 1
            numbers[section.slug] = f"{digits(chapter)}.{digits(sub)}"
    return numbers


def _groups(rows, *, national: bool) -> list[dict]:
    """Appendix rows in blocks: one per province (or district), each as small tables."""
    key = "province_id" if national else "district_id"
    model = Province if national else District
    names = dict(model.objects.filter(pk__in={getattr(r, key) for r in rows}).values_list("pk", "name_th"))
    label = "จังหวัด" if national else "อำเภอ"
    groups = []
    for area_id, items in groupby(rows, key=lambda r: getattr(r, key)):
        items = list(items)
        tables = [items[i : i + ROWS_PER_TABLE] for i in range(0, len(items), ROWS_PER_TABLE)]
        groups.append({"heading": f"{label}{names.get(area_id, '')}", "tables": tables, "size": len(items)})
    return groups


def _chunks(groups) -> list[list[dict]]:
    chunks, current, size = [], [], 0
    for group in groups:
        if current and size + group["size"] > CHUNK_ROWS:
            chunks.append(current)
            current, size = [], 0
        current.append(group)
        size += group["size"]
    if current:
        chunks.append(current)
    return chunks


def _write(html: str, target=None):
    from weasyprint import HTML

    base = str(settings.STATICFILES_DIRS[0])
    return HTML(string=html, base_url=base, url_fetcher=LocalOnlyFetcher()).write_pdf(target)


def _render_chunk(html: str) -> bytes:  # runs in a worker process
    return _write(html)


def section_parts(spec: ReportSpec, *, generated_at=None, thai_numerals=True, on_section=None):
    """Gather and render every section: (list of HTML parts, appendix groups or None)."""
    scope = Scope(spec)
    numbers = _numbering(SECTIONS, thai_numerals)
    toc = [{"section": s, "number": numbers.get(s.slug, "")} for s in SECTIONS if s.in_toc]
    common = {
        "spec": spec,
        "title": keep_together(spec.title),
        "generated_at": generated_at or timezone.now(),
        "toc": toc,
    }
    parts, big_appendix = [], None
    for done, section in enumerate(SECTIONS, start=1):
        ctx = section.gather(scope)
        extra = {}
        if section.slug == "appendix":
            groups = _groups(ctx["rows"], national=scope.area is None or spec.scope == "region")
            extra = {"inline": len(ctx["rows"]) <= INLINE_APPENDIX_ROWS, "groups": groups}
            if not extra["inline"]:
                big_appendix = groups
        elif "rows" in ctx and ctx.get("total"):
            extra["chart"] = bar_chart(ctx["rows"])
        parts.append(
            render_to_string(
                section.template_name,
                {**common, **extra, "ctx": ctx, "section": section, "number": numbers.get(section.slug, "")},
            )
        )
        if on_section:
            on_section(done)
    return parts, big_appendix


def build_html(spec: ReportSpec, **kwargs) -> str:
    """The whole document as one HTML string (the appendix inline, however long)."""
    flags = {"thai_numerals": kwargs.pop("thai_numerals", True)}
    parts, big = section_parts(spec, thai_numerals=flags["thai_numerals"], **kwargs)
    if big:
        parts.append(render_to_string("reports/pdf/sections/appendix_rows.html", {"groups": big}))
    return render_to_string(
        "reports/pdf/document.html", {"parts": parts, "title": spec.title, **_style_context(**flags)}
    )


def build_pdf(spec: ReportSpec, target, on_progress=None, *, thai_numerals: bool = True, generated_at=None) -> None:
    """Write the report's PDF to ``target`` (a path or a binary file object).

    ``on_progress(done_sections, total_sections)`` is called as sections finish; the last
    step is the layout of the document itself.
    """
    total = len(SECTIONS) + 1
    report = on_progress or (lambda done, total: None)
    parts, big = section_parts(
        spec, generated_at=generated_at, thai_numerals=thai_numerals, on_section=lambda d: report(d, total)
    )
    style = _style_context(thai_numerals=thai_numerals)
    main_html = render_to_string("reports/pdf/document.html", {"parts": parts, "title": spec.title, **style})
    if big:  # lay the appendix out in worker processes while this one lays out the rest
        htmls = _chunk_htmls(big, thai_numerals=thai_numerals, title=spec.title)
        if multiprocessing.current_process().daemon:  # no children allowed: lay out in turn
            main_pdf, chunks = _write(main_html), [_render_chunk(h) for h in htmls]
        else:
            with multiprocessing.get_context("fork").Pool(WORKERS, maxtasksperchild=1) as pool:
                pending = pool.map_async(_render_chunk, htmls, chunksize=1)
                main_pdf = _write(main_html)
                chunks = pending.get()
        main_pdf = _with_appendix(main_pdf, chunks, thai_numerals=thai_numerals, title=spec.title)
    else:
        main_pdf = _write(main_html)
    fix_sara_am(main_pdf, str(target) if isinstance(target, str | Path) else target)
    report(total, total)


def _chunk_htmls(groups, *, thai_numerals: bool, title: str) -> list[str]:
    style = _style_context(thai_numerals=thai_numerals, page_numbers=False)
    return [
        render_to_string(
            "reports/pdf/document.html",
            {
                "parts": [render_to_string("reports/pdf/sections/appendix_rows.html", {"groups": c})],
                "title": title,
                **style,
            },
        )
        for c in _chunks(groups)
    ]


def _with_appendix(main_pdf: bytes, pdfs: list[bytes], *, thai_numerals: bool, title: str) -> bytes:
    """Append the appendix chunks' pages to the main document and stamp their page numbers."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=io.BytesIO(main_pdf))
    first = len(writer.pages) + 1
    for pdf in pdfs:
        writer.append(PdfReader(io.BytesIO(pdf)))
    count = len(writer.pages) - first + 1
    digits = thai_digits if thai_numerals else str
    labels = mark_safe("".join(f'<div class="pno" data-n="{digits(n)}"></div>' for n in range(first, first + count)))
    overlay = PdfReader(
        io.BytesIO(
            _write(
                render_to_string(
                    "reports/pdf/document.html",
                    {"parts": [labels], "title": title, **_style_context(page_numbers=False, page_labels=True)},
                )
            )
        )
    )
    for i in range(count):
        writer.pages[first - 1 + i].merge_page(overlay.pages[i])
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def build_xlsx(spec: ReportSpec, target) -> None:
    """The same figures as XLSX (see reports.rendering.xlsx)."""
    from .xlsx import build_xlsx as _build

    _build(spec, target)
