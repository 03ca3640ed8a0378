"""The public dashboard: headline figures and a tile-grid map of the 77 provinces, drawn as
SVG by the portal (geo.tilegrid's fixed layout; no map tiles, no outside scripts).

Only published data: councils through councils.permissions.public_councils, meetings and
reports through their own "published" selectors.

A measure colours the map: a share per province (numerator of denominator). Two ship here
(the assessment pass share and the plan alignment share); another app's figure joins with
``register_measure`` (e.g. an indicator's share of councils meeting its target), without
this module knowing it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from councils import reporting as council_figures
from geo.models import Province
from geo.tilegrid import COLUMNS, ROWS, tiles
from meetings.reporting import open_meetings
from plans import reporting as plan_figures

from . import selectors


@dataclass(frozen=True)
class Share:
    """A province's value of a measure: ``part`` of ``whole``."""

    part: int
    whole: int

    @property
    def percent(self) -> float | None:
        return round(100 * self.part / self.whole, 1) if self.whole else None


@dataclass(frozen=True)
class Measure:
    slug: str
    label: object  # a lazy Thai string
    explanation: object  # what the share counts, shown under the map
    part_label: object  # "%(part)s of %(whole)s ..." for a tile's title
    compute: Callable[[int], dict[str, Share]]  # fiscal year (BE) -> province code -> share
    uses_fiscal_year: bool = True


MEASURES: dict[str, Measure] = {}


def register_measure(measure: Measure) -> None:
    """Add a measure to the map's choices (the extension point for indicators)."""
    MEASURES[measure.slug] = measure


def _assessment_shares(fiscal_year: int) -> dict[str, Share]:
    return {
        code: Share(passed, assessed)
        for code, (passed, assessed, _total) in council_figures.assessment_pass_by_province().items()
    }


def _alignment_shares(fiscal_year: int) -> dict[str, Share]:
    districts = plan_figures.plan_figures_by_district(
        subdistricts=council_figures.public_subdistricts(), fiscal_year=fiscal_year
    )
    return {row.code: Share(row.aligned, row.items) for row in plan_figures.plan_figures_by_province(districts)}


register_measure(
    Measure(
        slug="assessment",
        label=gettext_lazy("ผ่านการประเมินคุณภาพ"),
        explanation=gettext_lazy("ร้อยละของสภาที่ผลการประเมินคุณภาพครั้งล่าสุดผ่านเกณฑ์ จากสภาที่เผยแพร่และเคยได้รับการประเมิน"),
        part_label=gettext_lazy("ผ่าน %(part)s จาก %(whole)s สภาที่ประเมิน"),
        compute=_assessment_shares,
        uses_fiscal_year=False,
    )
)
register_measure(
    Measure(
        slug="alignment",
        label=gettext_lazy("แผนชุมชนที่บรรจุในแผนท้องถิ่น"),
        explanation=gettext_lazy("ร้อยละของรายการในแผนพัฒนาชุมชนของปีงบประมาณที่บรรจุในแผนพัฒนาท้องถิ่นแล้ว (สภาที่เผยแพร่)"),
        part_label=gettext_lazy("บรรจุ %(part)s จาก %(whole)s รายการ"),
        compute=_alignment_shares,
    )
)

# The legend: five equal bins of the share, light to dark, and grey for no data.
BINS = (
    (0, 20, "#edf8e9", "#1a1a1a"),
    (20, 40, "#bae4b3", "#1a1a1a"),
    (40, 60, "#74c476", "#1a1a1a"),
    (60, 80, "#31a354", "#ffffff"),
    (80, 100, "#006d2c", "#ffffff"),
)
NO_DATA = ("#d9d9d9", "#1a1a1a")
TILE, GAP = 44, 4


def _colours(percent: float | None) -> tuple[str, str]:
    if percent is None:
        return NO_DATA
    for _low, high, fill, text in BINS:
        if percent < high or high == BINS[-1][1]:
            return fill, text
    return NO_DATA


@dataclass(frozen=True)
class Tile:
    code: str
    name: str
    x: int
    y: int
    fill: str
    text_fill: str
    title: str
    percent: float | None
    share: Share | None
    href: str


def tile_map(measure: Measure, *, fiscal_year: int) -> dict:
    """The map of one measure: tiles (position, colour, accessible title, link to the
    province's councils), the SVG's size and the legend."""
    shares = measure.compute(fiscal_year)
    names = dict(Province.objects.values_list("code", "name_th"))
    directory = reverse("councils:public_list")
    out = []
    for code, col, row in tiles():
        share = shares.get(code)
        percent = share.percent if share else None
        fill, text_fill = _colours(percent)
        name = names.get(code, code)
        if percent is None:
            title = _("จังหวัด%(name)s: ไม่มีข้อมูล") % {"name": name}
        else:
            title = _("จังหวัด%(name)s: ร้อยละ %(percent)s (%(detail)s)") % {
                "name": name,
                "percent": percent,
                "detail": measure.part_label % {"part": share.part, "whole": share.whole},
            }
        out.append(
            Tile(
                code=code,
                name=name,
                x=col * (TILE + GAP),
                y=row * (TILE + GAP),
                fill=fill,
                text_fill=text_fill,
                title=title,
                percent=percent,
                share=share,
                href=f"{directory}?{urlencode({'province': code})}",
            )
        )
    legend = [(fill, text, _("%(low)s–%(high)s%%") % {"low": low, "high": high}) for low, high, fill, text in BINS]
    legend.append((*NO_DATA, _("ไม่มีข้อมูล")))
    return {
        "tiles": out,
        "width": COLUMNS * (TILE + GAP) - GAP,
        "height": len(ROWS) * (TILE + GAP) - GAP,
        "tile": TILE,
        "legend": legend,
    }


def headline(*, fiscal_year: int) -> dict:
    """The dashboard's headline figures, all of published data."""
    return {
        **council_figures.public_headline(fiscal_year=fiscal_year),
        "meetings": open_meetings().count(),
        "reports": selectors.reports_published().count(),
    }
