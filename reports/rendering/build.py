"""Gathered report data (reports.sections.gather_report) → PDF.

Every section's context is rendered to HTML; WeasyPrint lays out the document. A big
appendix (national or regional reports: thousands of councils) is laid out apart, in
chunks of whole provinces rendered by worker processes, then merged with pypdf; its page
numbers are stamped from a light overlay document. Finally the SARA AM text fix (common.thaipdf)
runs over the whole file.
"""

from __future__ import annotations

import io
import multiprocessing
from itertools import groupby
from pathlib import Path

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from common.thai import thai_digits
from common.thaipdf import fix_sara_am, font_context, write_pdf

from ..choices import ReportScope
from ..sections import ReportData
from ..sections.appendix import province_rows
from ..sections.base import keep_together
from .charts import bar_chart
from .numerals import in_numerals

INLINE_APPENDIX_ROWS = 600  # up to this many councils, the appendix is laid out with the rest
CHUNK_ROWS = 700  # rows per separately laid-out appendix chunk (whole provinces)
ROWS_PER_TABLE = 40  # small tables lay out much faster than one huge table
WORKERS = 2


def _style_context(**flags) -> dict:
    return {
        **font_context(),
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


def _groups(rows, *, by_province: bool) -> list[dict]:
    """Appendix rows in blocks: one per province (or district), each as small tables."""
    key, name, heading = (
        ("province_id", "province", _("จังหวัด%(name)s")) if by_province else ("district_id", "district", _("อำเภอ%(name)s"))
    )
    groups = []
    for _area_id, items in groupby(rows, key=lambda r: getattr(r, key)):
        items = list(items)
        tables = [items[i : i + ROWS_PER_TABLE] for i in range(0, len(items), ROWS_PER_TABLE)]
        groups.append({"heading": heading % {"name": getattr(items[0], name)}, "tables": tables, "size": len(items)})
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
    return write_pdf(html, target)


def _render_chunk(html: str) -> bytes:  # runs in a worker process
    return _write(html)


def section_parts(data: ReportData, *, generated_at=None, thai_numerals=True):
    """Render every gathered section: (list of HTML parts, appendix groups laid out apart or None)."""
    spec, sections = data.spec, [section for section, _ctx in data.sections]
    numbers = _numbering(sections, thai_numerals)
    toc = [{"section": s, "number": numbers.get(s.slug, "")} for s in sections if s.in_toc]
    common = {
        "spec": spec,
        "title": keep_together(spec.title),
        "generated_at": generated_at or timezone.now(),
        "toc": toc,
    }
    parts, big_appendix = [], None
    for section, ctx in data.sections:
        extra = {}
        if section.slug == "appendix" and data.area.is_national:
            # The country's PDF sums its councils up per province (77 rows, not 7,436): every
            # council's row is in the XLSX and in each province's report.
            extra = {"inline": False, "provinces": province_rows(ctx["rows"])}
        elif section.slug == "appendix":
            by_province = spec.scope == ReportScope.REGION
            groups = _groups(ctx["rows"], by_province=by_province)
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
    return parts, big_appendix


def build_pdf(data: ReportData, target, on_progress=None, *, thai_numerals: bool = True, generated_at=None) -> None:
    """Write the report's PDF to ``target`` (a path or a binary file object);
    ``on_progress(steps, steps)`` is called once the document is laid out (the steps before
    it are the sections gathered, see gather_report)."""
    spec = data.spec
    parts, big = section_parts(data, generated_at=generated_at, thai_numerals=thai_numerals)
    style = _style_context(thai_numerals=thai_numerals)
    main_html = in_numerals(
        render_to_string("reports/pdf/document.html", {"parts": parts, "title": spec.title, **style}), thai=thai_numerals
    )
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
    if on_progress:
        on_progress(data.steps, data.steps)


def _chunk_htmls(groups, *, thai_numerals: bool, title: str) -> list[str]:
    style = _style_context(thai_numerals=thai_numerals, page_numbers=False)
    return [
        in_numerals(render_to_string(
            "reports/pdf/document.html",
            {
                "parts": [render_to_string("reports/pdf/sections/appendix_rows.html", {"groups": c})],
                "title": title,
                **style,
            },
        ), thai=thai_numerals)
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
