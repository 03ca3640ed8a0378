"""Report sections: each kind of report lists its own, in order, and a report's figures are
gathered once (``gather_report``) to make both its PDF and its XLSX.

A coming app (meetings, obstacles, proposals, indicators) plugs in by giving its figures in
its own ``reporting.py``, adding a Section whose gather asks for them, and listing that
section in the kinds that show it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..choices import ReportKind
from ..spec import ReportSpec
from . import builtin as b
from .appendix import APPENDIX
from .base import ReportArea, Section, period_of
from .indicators import INDICATORS, YEAR_ON_YEAR
from .meetings import COORDINATION
from .photos import PHOTOS
from .plans import ALIGNMENT

ANNUAL = (
    b.COVER, b.TOC, b.BACKGROUND,
    b.RESULTS, b.COUNCILS, b.ORGANIZATIONS, b.ACTIVITIES, b.AGENCIES, ALIGNMENT, b.ASSESSMENTS, b.MENTORSHIPS,
    PHOTOS,  # the chosen activity photos close the results chapter
    b.LESSONS, *COORDINATION, INDICATORS, YEAR_ON_YEAR,
    b.FUTURE,
    APPENDIX,
)
# The quarterly progress report has no lessons and future chapters: CODI staff write those
# (ReportNarrative) for the fiscal year's annual report. Its coordination figures (the
# quarter's meetings, follow-up, obstacles and suggestions) close the results chapter.
QUARTERLY = (
    b.COVER, b.TOC, b.BACKGROUND,
    b.RESULTS, b.COUNCILS, b.ORGANIZATIONS, b.ACTIVITIES, b.AGENCIES, ALIGNMENT, b.ASSESSMENTS, b.MENTORSHIPS,
    *COORDINATION, INDICATORS,
    APPENDIX,
)
SECTIONS = {ReportKind.ANNUAL: ANNUAL, ReportKind.QUARTERLY: QUARTERLY}


def progress_steps(sections) -> int:
    """A report's progress steps: one per section gathered, then one for laying out the PDF."""
    return len(sections) + 1


@dataclass(frozen=True)
class ReportData:
    """Everything a report shows, gathered once: what its PDF and its XLSX are made from."""

    spec: ReportSpec
    area: ReportArea
    sections: tuple[tuple[Section, dict], ...]  # each section with what its gather returned

    @property
    def steps(self) -> int:
        return progress_steps(self.sections)


def gather_report(spec: ReportSpec, on_progress: Callable[[int, int], None] | None = None) -> ReportData:
    """Gather every section of the spec's kind of report; ``on_progress(done, steps)`` is
    called as each section is gathered (the last step, the PDF layout, is build_pdf's)."""
    area = ReportArea(spec)
    sections = SECTIONS[spec.kind]
    gathered = []
    for done, section in enumerate(sections, start=1):
        gathered.append((section, section.gather(area)))
        if on_progress:
            on_progress(done, progress_steps(sections))
    return ReportData(spec=spec, area=area, sections=tuple(gathered))


__all__ = ["ANNUAL", "QUARTERLY", "SECTIONS", "ReportArea", "ReportData", "Section", "gather_report", "period_of"]
