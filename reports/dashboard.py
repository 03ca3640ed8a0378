"""The public dashboard: headline figures and a tile-grid map of the 77 provinces, drawn as
SVG by the portal (geo.tilegrid's fixed layout; no map tiles, no outside scripts).

Only published data: councils through councils.permissions.public_councils, meetings and
reports through their own "published" selectors.

A measure colours the map: a share per province (numerator of denominator, five fixed bins
of the percentage) or an amount in a unit (five equal bins between the lowest and the
highest province, the darkest for the best in the measure's direction). Two ship here (the
assessment pass share and the plan alignment share); another part's figure joins with
``register_measure``, or with ``register_measures`` for a family read from the database
at request time (one measure per published indicator, reports.indicators.measures),
without this module knowing it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal

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
from .charts import number


@dataclass(frozen=True)
class Share:
    """A province's value of a measure: ``part`` of ``whole``."""

    part: int
    whole: int

    @property
    def percent(self) -> float | None:
        return round(100 * self.part / self.whole, 1) if self.whole else None


@dataclass(frozen=True)
class Amount:
    """A province's value of a measure in the measure's unit, and what it was made from
    (for the tile's title, e.g. "อนุมัติแล้ว 3 สภา")."""

    value: Decimal
    detail: str = ""


@dataclass(frozen=True)
class Readings:
    """What a measure's ``compute`` may return instead of a plain dict: the provinces'
    values and a note on the period read (e.g. which quarter)."""

    by_province: dict[str, Share | Amount]
    note: str = ""


@dataclass(frozen=True)
class Measure:
    slug: str
    label: object  # a lazy Thai string
    explanation: object  # what the share counts, shown under the map
    part_label: object  # "%(part)s of %(whole)s ..." for a tile's title (shares)
    # fiscal year (BE) [, quarter or None when uses_quarter] -> province code -> Share or
    # Amount (or Readings)
    compute: Callable[..., dict[str, Share | Amount] | Readings]
    uses_fiscal_year: bool = True
    uses_quarter: bool = False
    unit: str = ""  # an Amount's unit; "" for shares (percentages)
    lower_is_better: bool = False
    more: str = ""  # a link to charts of the measure
    group: object = ""  # the heading it is listed under in the choices

    def read(self, *, fiscal_year: int, quarter: int | None = None) -> Readings:
        found = self.compute(fiscal_year, quarter) if self.uses_quarter else self.compute(fiscal_year)
        return found if isinstance(found, Readings) else Readings(found)


MEASURES: dict[str, Measure] = {}
_PROVIDERS: list[Callable[[], Iterable[Measure]]] = []


def register_measure(measure: Measure) -> None:
    """Add a measure to the map's choices."""
    MEASURES[measure.slug] = measure


def register_measures(provider: Callable[[], Iterable[Measure]]) -> None:
    """Add a family of measures read when a page asks (``provider()``, one query or a few
    whatever its size), e.g. one per published indicator."""
    if provider not in _PROVIDERS:
        _PROVIDERS.append(provider)


def measures() -> dict[str, Measure]:
    """Every measure a visitor may choose: the fixed ones first, then the providers'."""
    found = dict(MEASURES)
    for provider in _PROVIDERS:
        found.update((m.slug, m) for m in provider())
    return found


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
class Scale:
    """Five equal bins of an amount between the lowest and highest province, coloured
    light to dark in the measure's better direction."""

    low: Decimal
    high: Decimal
    lower_is_better: bool

    def _bin(self, value: Decimal) -> int:
        if self.high == self.low:
            return len(BINS) - 1
        i = min(int((value - self.low) * len(BINS) / (self.high - self.low)), len(BINS) - 1)
        return len(BINS) - 1 - i if self.lower_is_better else i

    def colours(self, value: Decimal | None) -> tuple[str, str]:
        if value is None:
            return NO_DATA
        _l, _h, fill, text = BINS[self._bin(value)]
        return fill, text

    def legend(self, unit: str) -> list[tuple[str, str, str]]:
        """(fill, text colour, label) per bin, from the best colour down."""
        if self.high == self.low:
            _l, _h, fill, text = BINS[-1]
            return [(fill, text, f"{number(self.low)} {unit}".strip())]
        width = (self.high - self.low) / len(BINS)
        out = []
        for i in range(len(BINS)):
            low, high = self.low + width * i, self.low + width * (i + 1)
            fill, text = BINS[len(BINS) - 1 - i if self.lower_is_better else i][2:]
            out.append((fill, text, f"{number(round(low, 2))}–{number(round(high, 2))} {unit}".strip()))
        return out


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
    amount: Amount | None = None
    short: str = field(default="–")  # the figure written on the tile


def _short(value: Decimal) -> str:
    """An amount that fits a tile: up to five characters (12,345 → 12k)."""
    text = number(value)
    if len(text) <= 5:
        return text
    for size, suffix in ((Decimal(10**6), "M"), (Decimal(10**3), "k")):
        if abs(value) >= size:
            return f"{number(round(value / size, 0 if abs(value) >= size * 10 else 1))}{suffix}"
    return number(round(value))


def tile_map(measure: Measure, *, fiscal_year: int, quarter: int | None = None) -> dict:
    """The map of one measure: tiles (position, colour, accessible title, link to the
    province's councils), the SVG's size and the legend."""
    readings = measure.read(fiscal_year=fiscal_year, quarter=quarter)
    values = readings.by_province
    amounts = [v.value for v in values.values() if isinstance(v, Amount) and v.value is not None]
    scale = Scale(min(amounts), max(amounts), measure.lower_is_better) if amounts else None
    names = dict(Province.objects.values_list("code", "name_th"))
    directory = reverse("councils:public_list")
    out = []
    for code, col, row in tiles():
        found = values.get(code)
        share = found if isinstance(found, Share) else None
        amount = found if isinstance(found, Amount) and found.value is not None else None
        percent = share.percent if share else None
        name = names.get(code, code)
        if amount is not None:
            fill, text_fill = scale.colours(amount.value)
            title = _("จังหวัด%(name)s: %(value)s") % {
                "name": name,
                "value": f"{number(amount.value)} {measure.unit}".strip(),
            }
            if amount.detail:
                title += f" ({amount.detail})"
            short = _short(amount.value)
        elif percent is not None:
            fill, text_fill = _colours(100 - percent if measure.lower_is_better else percent)
            title = _("จังหวัด%(name)s: ร้อยละ %(percent)s (%(detail)s)") % {
                "name": name,
                "percent": percent,
                "detail": measure.part_label % {"part": share.part, "whole": share.whole},
            }
            short = f"{percent:.0f}%"
        else:
            fill, text_fill = NO_DATA
            title = _("จังหวัด%(name)s: ไม่มีข้อมูล") % {"name": name}
            short = "–"
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
                amount=amount,
                short=short,
            )
        )
    if measure.unit:
        legend = scale.legend(measure.unit) if scale else []
    else:
        legend = [(fill, text, _("%(low)s–%(high)s%%") % {"low": low, "high": high}) for low, high, fill, text in BINS]
    if not measure.unit and measure.lower_is_better:
        legend = [(fill, text, label) for (fill, text, _x), (_f, _t, label) in zip(legend[::-1], legend, strict=True)]
    legend.append((*NO_DATA, _("ไม่มีข้อมูล")))
    return {
        "tiles": out,
        "width": COLUMNS * (TILE + GAP) - GAP,
        "height": len(ROWS) * (TILE + GAP) - GAP,
        "tile": TILE,
        "legend": legend,
        "note": readings.note,
        "better": _("ค่าต่ำกว่าดีกว่า (สีเข้มคือค่าต่ำ)") if measure.lower_is_better else _("ค่าสูงกว่าดีกว่า (สีเข้มคือค่าสูง)"),
    }


def headline(*, fiscal_year: int) -> dict:
    """The dashboard's headline figures, all of published data."""
    return {
        **council_figures.public_headline(fiscal_year=fiscal_year),
        "meetings": open_meetings().count(),
        "reports": selectors.reports_published().count(),
    }
