"""Reports are three pure steps: gather (selectors) → HTML (render_to_string) → PDF (WeasyPrint)."""

from .pdf import render_annual_html, render_pdf

__all__ = ["render_annual_html", "render_pdf"]
