"""Gathered report data (reports.sections) → HTML (templates/reports/pdf) → PDF (WeasyPrint), and XLSX."""

from .build import build_pdf
from .xlsx import build_xlsx

__all__ = ["build_pdf", "build_xlsx"]
