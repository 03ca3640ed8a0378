"""Report sections: gather(scope) → context, rendered by templates/reports/pdf/sections/<slug>.html."""

from . import builtin  # noqa: F401  (registers the standard sections)
from .base import SECTIONS, Scope, Section, period_of, register
from .figures import AreaRow, ReportFigures, report_figures

__all__ = ["SECTIONS", "AreaRow", "ReportFigures", "Scope", "Section", "period_of", "register", "report_figures"]
