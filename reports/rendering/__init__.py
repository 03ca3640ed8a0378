"""Reports: gather (reports.sections) → HTML (templates/reports/pdf) → PDF (WeasyPrint) / XLSX."""

from .build import build_html, build_pdf, build_xlsx
from .pdf import render_pdf

__all__ = ["build_html", "build_pdf", "build_xlsx", "render_pdf"]
