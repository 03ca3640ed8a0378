"""The open datasets: what each holds, column by column (the data dictionary), and where its
rows come from. Only published data, and no person's data: councils through
councils.permissions.public_councils, meetings and reports through their published selectors.

A dataset's rows are read with ``iterator()`` in chunks, so the national size (7,436 councils,
150,000 organizations counted into them, every activity counted per council and year) is
never held in memory; the same querysets are paginated by the API.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from django.db.models import QuerySet
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from councils import reporting as council_figures
from councils.choices import AssessmentLevel
from meetings.reporting import open_meetings

from .. import selectors

CHUNK = 2000

# Column types: the name used in the dictionary and the JSON/OpenAPI type it stands for.
TEXT, INTEGER, DATE, DATETIME = "text", "integer", "date", "datetime"
TYPE_LABELS = {
    TEXT: _("ข้อความ"),
    INTEGER: _("จำนวนเต็ม"),
    DATE: _("วันที่ (ISO 8601 ปี ค.ศ. เช่น 2025-11-20; ใน XLSX เป็นเซลล์วันที่แสดงปี พ.ศ.)"),
    DATETIME: _("วันเวลา (ISO 8601 พร้อมเขตเวลา)"),
}

LICENCE = _(
    "เผยแพร่ภายใต้สัญญาอนุญาตครีเอทีฟคอมมอนส์ แบบแสดงที่มา 4.0 (CC BY 4.0) "
    "นำไปใช้ ดัดแปลง และเผยแพร่ต่อได้ โดยระบุที่มาว่า “พอร์ทัลสภาองค์กรชุมชนตำบล สถาบันพัฒนาองค์กรชุมชน (องค์การมหาชน)”"
)
LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/deed.th"


@dataclass(frozen=True)
class Column:
    name: str
    label: object
    type: str
    meaning: object


@dataclass(frozen=True)
class Dataset:
    slug: str
    title: object
    description: object
    columns: tuple[Column, ...]
    queryset: Callable[[], QuerySet]
    row: Callable[[object, str], tuple]  # (object, the site's base URL) -> values in column order
    # A dataset of several rows per object (a report's figures): (object, base) -> rows.
    expand: Callable[[object, str], Iterator[tuple]] | None = None

    def rows(self, *, base: str = "") -> Iterator[tuple]:
        for obj in self.queryset().iterator(chunk_size=CHUNK):
            yield from self.rows_of(obj, base)

    def rows_of(self, obj, base: str = "") -> Iterator[tuple]:
        if self.expand is not None:
            yield from self.expand(obj, base)
        else:
            yield self.row(obj, base)

    @property
    def names(self) -> list[str]:
        return [c.name for c in self.columns]


def _label(choices, value) -> str:
    return str(dict(choices).get(value, value)) if value else ""


# Councils -------------------------------------------------------------------------------------


def _council_row(council, base: str) -> tuple:
    area = council.subdistrict
    return (
        area.code,
        council.name,
        council.get_status_display(),
        area.name_th,
        area.district.code,
        area.district.name_th,
        area.district.province.code,
        area.district.province.name_th,
        council.registration_number,
        council.registered_on,
        council.address,
        council.lao.name if council.lao_id else "",
        ", ".join(t.name_th for t in council.themes.all()),
        _label(AssessmentLevel.choices, council.latest_level),
        council.organization_count,
        council.organization_member_total,
        base + council.get_absolute_url(),
    )


COUNCILS = Dataset(
    slug="councils",
    title=_("ทะเบียนสภาองค์กรชุมชนตำบล"),
    description=_(
        "สภาองค์กรชุมชนตำบลที่เผยแพร่ต่อสาธารณะ พื้นที่ องค์กรปกครองส่วนท้องถิ่น ประเด็นงาน ระดับการประเมินล่าสุด และจำนวนองค์กรชุมชนที่จดแจ้งกับสภา (ไม่มีข้อมูลส่วนบุคคล)"
    ),
    columns=(
        Column("code", _("รหัสตำบล"), TEXT, _("รหัสตำบลตามกรมการปกครอง 6 หลัก ใช้เป็นรหัสของสภา")),
        Column("name", _("ชื่อสภา"), TEXT, _("ชื่อสภาองค์กรชุมชนตำบล")),
        Column("status", _("สถานะ"), TEXT, _("สถานะการดำเนินงานของสภา")),
        Column("subdistrict", _("ตำบล"), TEXT, _("ชื่อตำบล")),
        Column("district_code", _("รหัสอำเภอ"), TEXT, _("รหัสอำเภอ 4 หลัก")),
        Column("district", _("อำเภอ"), TEXT, _("ชื่ออำเภอหรือเขต")),
        Column("province_code", _("รหัสจังหวัด"), TEXT, _("รหัสจังหวัด 2 หลัก")),
        Column("province", _("จังหวัด"), TEXT, _("ชื่อจังหวัด")),
        Column("registration_number", _("เลขทะเบียนจัดตั้ง"), TEXT, _("เลขทะเบียนการจัดตั้งสภา (ว่างถ้าไม่มี)")),
        Column("registered_on", _("วันที่จดแจ้งจัดตั้ง"), DATE, _("วันที่จดแจ้งการจัดตั้งกับ พอช. (ว่างถ้าไม่ทราบ)")),
        Column("address", _("ที่ตั้งสำนักงาน"), TEXT, _("ที่ตั้งสำนักงานของสภา")),
        Column("lao", _("องค์กรปกครองส่วนท้องถิ่น"), TEXT, _("อปท. ที่สภาทำงานร่วมด้วย")),
        Column("themes", _("ประเด็นงาน"), TEXT, _("ประเด็นงานของสภา คั่นด้วยจุลภาค")),
        Column("latest_level", _("ระดับการประเมินล่าสุด"), TEXT, _("ระดับจากการประเมินคุณภาพครั้งล่าสุด (ว่างถ้ายังไม่ได้ประเมิน)")),
        Column("organizations", _("จำนวนองค์กรชุมชน"), INTEGER, _("จำนวนองค์กรชุมชนที่จดแจ้งกับสภา")),
        Column("organization_members", _("สมาชิกองค์กรชุมชน"), INTEGER, _("ผลรวมจำนวนสมาชิกขององค์กรชุมชนเหล่านั้น (คน)")),
        Column("url", _("หน้าเว็บ"), TEXT, _("หน้าสาธารณะของสภาในพอร์ทัล")),
    ),
    queryset=council_figures.open_councils,
    row=_council_row,
)


# Activities per council and fiscal year --------------------------------------------------------


def _activity_row(row: dict, base: str) -> tuple:
    return (
        row["council__subdistrict__code"],
        row["council__name"],
        row["fiscal_year"],
        row["activities"],
        row["council_meetings"],
        row["participants"],
    )


ACTIVITIES = Dataset(
    slug="activities",
    title=_("จำนวนกิจกรรมรายสภาและปีงบประมาณ"),
    description=_("จำนวนกิจกรรมที่สภาที่เผยแพร่บันทึกไว้ แยกตามปีงบประมาณ รวมการประชุมสภาและจำนวนผู้เข้าร่วม"),
    columns=(
        Column("council_code", _("รหัสตำบล"), TEXT, _("รหัสตำบล 6 หลักของสภา")),
        Column("council_name", _("ชื่อสภา"), TEXT, _("ชื่อสภาองค์กรชุมชนตำบล")),
        Column("fiscal_year", _("ปีงบประมาณ (พ.ศ.)"), INTEGER, _("ปีงบประมาณแบบไทย 1 ต.ค.–30 ก.ย. เรียกตามปีที่สิ้นสุด")),
        Column("activities", _("จำนวนกิจกรรม"), INTEGER, _("กิจกรรมทุกประเภทที่บันทึกในปีงบประมาณ")),
        Column("council_meetings", _("การประชุมสภา"), INTEGER, _("กิจกรรมประเภทการประชุมสภา (ควรมีอย่างน้อย 4 ครั้งต่อปี)")),
        Column("participants", _("ผู้เข้าร่วม (คน-ครั้ง)"), INTEGER, _("ผลรวมจำนวนผู้เข้าร่วมของทุกกิจกรรม")),
    ),
    queryset=council_figures.open_activity_counts,
    row=_activity_row,
)


# Published meetings ------------------------------------------------------------------------------


def _meeting_row(meeting, base: str) -> tuple:
    district = meeting.district or (meeting.council.subdistrict.district if meeting.council_id else None)
    return (
        meeting.pk,
        meeting.date,
        meeting.get_kind_display(),
        meeting.title,
        district.code if district else "",
        district.name_th if district else "",
        district.province.name_th if district else "",
        meeting.council.subdistrict.code if meeting.council_id else "",
        meeting.council.name if meeting.council_id else "",
        meeting.place,
        meeting.published_at,
        base + reverse("meetings:public_detail", kwargs={"pk": meeting.pk}),
    )


MEETINGS = Dataset(
    slug="meetings",
    title=_("การประชุมที่เผยแพร่"),
    description=_("การประชุมสภา การประชุมกลไกระดับอำเภอ และเวทีต่าง ๆ ที่เผยแพร่รายงานการประชุมแล้ว"),
    columns=(
        Column("id", _("รหัสการประชุม"), INTEGER, _("เลขประจำการประชุมในพอร์ทัล")),
        Column("date", _("วันที่ประชุม"), DATE, _("วันที่ประชุม")),
        Column("kind", _("ประเภท"), TEXT, _("ประเภทการประชุม")),
        Column("title", _("เรื่อง"), TEXT, _("ชื่อการประชุม")),
        Column("district_code", _("รหัสอำเภอ"), TEXT, _("อำเภอของการประชุม (ว่างถ้าเป็นการประชุมระดับประเทศ)")),
        Column("district", _("อำเภอ"), TEXT, _("ชื่ออำเภอหรือเขต")),
        Column("province", _("จังหวัด"), TEXT, _("ชื่อจังหวัด")),
        Column("council_code", _("รหัสตำบลของสภา"), TEXT, _("สภาที่จัดการประชุม (ว่างถ้าไม่ใช่การประชุมสภา)")),
        Column("council_name", _("ชื่อสภา"), TEXT, _("ชื่อสภาที่จัดการประชุม")),
        Column("place", _("สถานที่"), TEXT, _("สถานที่ประชุม")),
        Column("published_at", _("เผยแพร่เมื่อ"), DATETIME, _("วันเวลาที่เผยแพร่รายงานการประชุม")),
        Column("url", _("หน้าเว็บ"), TEXT, _("หน้าสาธารณะของการประชุมพร้อมรายงานการประชุม")),
    ),
    queryset=open_meetings,
    row=_meeting_row,
)


# Published reports -----------------------------------------------------------------------------


def _report_area(report) -> str:
    for field in ("council", "district", "province", "region"):
        area = getattr(report, field)
        if area is not None:
            return str(getattr(area, "name_th", None) or area)
    return report.get_scope_display()


def _report_row(report, base: str) -> tuple:
    return (
        report.pk,
        report.get_kind_display(),
        report.fiscal_year,
        report.quarter,
        report.get_scope_display(),
        _report_area(report),
        report.version,
        report.published_at,
        base + reverse("reports:public_download", kwargs={"pk": report.pk}) if report.file else "",
        base + reverse("reports:public_download_xlsx", kwargs={"pk": report.pk}) if report.xlsx else "",
    )


# What a published report's rows (the reports and their figures) say of its period and area.
REPORT_PERIOD_AND_AREA = (
    Column("fiscal_year", _("ปีงบประมาณ (พ.ศ.)"), INTEGER, _("ปีงบประมาณที่รายงาน")),
    Column("quarter", _("ไตรมาส"), INTEGER, _("ไตรมาสของปีงบประมาณ 1–4 (ว่างถ้าเป็นรายงานทั้งปี)")),
    Column("scope", _("ขอบเขต"), TEXT, _("ระดับพื้นที่ของรายงาน")),
    Column("area", _("พื้นที่"), TEXT, _("ชื่อพื้นที่ที่รายงานครอบคลุม")),
)


def _published_reports():
    return selectors.reports_published().select_related("council", "district", "province", "region")


REPORTS = Dataset(
    slug="reports",
    title=_("รายงานที่เผยแพร่"),
    description=_("รายงานผลการดำเนินงานที่ พอช. เผยแพร่ พร้อมลิงก์ไฟล์ PDF และไฟล์ตัวเลข XLSX ของแต่ละรายงาน"),
    columns=(
        Column("id", _("รหัสรายงาน"), INTEGER, _("เลขประจำรายงานในพอร์ทัล")),
        Column("kind", _("ประเภท"), TEXT, _("ประเภทรายงาน (ประจำปี รายไตรมาส …)")),
        *REPORT_PERIOD_AND_AREA,
        Column("version", _("ฉบับที่"), INTEGER, _("ฉบับของรายงาน (สร้างใหม่ได้หลายฉบับ)")),
        Column("published_at", _("เผยแพร่เมื่อ"), DATETIME, _("วันเวลาที่เผยแพร่")),
        Column("pdf_url", _("ไฟล์ PDF"), TEXT, _("ลิงก์ดาวน์โหลดรายงานฉบับ PDF")),
        Column("xlsx_url", _("ไฟล์ตัวเลข XLSX"), TEXT, _("ลิงก์ดาวน์โหลดตัวเลขของรายงาน (XLSX) ถ้ามี")),
    ),
    queryset=_published_reports,
    row=_report_row,
)


def _figure_rows(report, base: str) -> Iterator[tuple]:
    """The figures a published report was made from (Report.figures, frozen with it): one row
    per figure, with its section, line and the line's label."""
    area = _report_area(report)
    for block in report.figures or []:
        for number, line in enumerate(block.get("lines", []), start=1):
            if not line:
                continue
            label, *values = line
            for column, value in enumerate(values, start=1):
                if value is None or value == "":
                    continue
                yield (
                    report.pk, report.fiscal_year, report.quarter, report.get_scope_display(), area,
                    block.get("section", ""), number, str(label), column, str(value),
                )  # fmt: skip


REPORT_FIGURES = Dataset(
    slug="report_figures",
    title=_("ตัวเลขในรายงานที่เผยแพร่"),
    description=_(
        "ตัวเลขสรุปของรายงานที่เผยแพร่ทุกฉบับ ตามที่บันทึกไว้เมื่อสร้างรายงาน (ข้อมูลที่บันทึกภายหลังไม่เปลี่ยนตัวเลขเหล่านี้) "
        "หนึ่งแถวต่อหนึ่งตัวเลข: หัวข้อ บรรทัด ชื่อรายการ และคอลัมน์ของตัวเลขในบรรทัดนั้น "
        "(ใน API แต่ละหน้าและจำนวน count นับเป็นรายงาน หน้าหนึ่งจึงมีตัวเลขของรายงานในหน้านั้นทุกตัว)"
    ),
    columns=(
        Column("report_id", _("รหัสรายงาน"), INTEGER, _("เลขประจำรายงานในพอร์ทัล (ชุดข้อมูล reports)")),
        *REPORT_PERIOD_AND_AREA,
        Column("section", _("หัวข้อ"), TEXT, _("หัวข้อของรายงานที่ตัวเลขอยู่")),
        Column("line", _("บรรทัด"), INTEGER, _("ลำดับบรรทัดในหัวข้อ")),
        Column("label", _("รายการ"), TEXT, _("ชื่อรายการของบรรทัด")),
        Column("column", _("คอลัมน์"), INTEGER, _("ลำดับตัวเลขในบรรทัด (1 คือตัวเลขแรกหลังชื่อรายการ)")),
        Column("value", _("ค่า"), TEXT, _("ตัวเลข (หรือข้อความ) ตามที่แสดงในรายงาน")),
    ),
    queryset=_published_reports,
    row=lambda report, base: (),
    expand=_figure_rows,
)


def _approved_values():
    """Approved indicator values; a council's only when the council is published."""
    from ..indicators.selectors import public_values

    return (
        public_values()
        .select_related("indicator", "period", "council__subdistrict", "district", "province")
        .order_by("indicator__code", "period__fiscal_year", "period__quarter", "area_key")
    )


def _indicator_row(value, base: str) -> tuple:
    return (
        value.indicator.code,
        value.indicator.name_th,
        value.indicator.unit,
        value.period.fiscal_year,
        value.period.quarter or None,
        value.get_level_display(),
        value.area_key,
        value.area_label,
        "" if value.value is None else str(value.value),
        value.text,
        value.decided_at,
    )


INDICATORS = Dataset(
    slug="indicators",
    title=_("ผลตามตัวชี้วัดที่อนุมัติแล้ว"),
    description=_(
        "ผลการดำเนินงานตามตัวชี้วัดการติดตามผลที่ผ่านการอนุมัติแล้ว รายพื้นที่และช่วงเวลา "
        "(ผลของสภาแสดงเฉพาะสภาที่เผยแพร่ต่อสาธารณะ ไม่มีข้อมูลบุคคลหรือไฟล์หลักฐาน)"
    ),
    columns=(
        Column("indicator_code", _("รหัสตัวชี้วัด"), TEXT, _("รหัสในบัญชีตัวชี้วัดของ พอช.")),
        Column("indicator", _("ตัวชี้วัด"), TEXT, _("ชื่อตัวชี้วัด")),
        Column("unit", _("หน่วย"), TEXT, _("หน่วยนับของค่า")),
        Column("fiscal_year", _("ปีงบประมาณ (พ.ศ.)"), INTEGER, _("ปีงบประมาณของผล")),
        Column("quarter", _("ไตรมาส"), INTEGER, _("ไตรมาสของปีงบประมาณ 1–4 (ว่างถ้าเป็นผลทั้งปี)")),
        Column("level", _("ระดับพื้นที่"), TEXT, _("สภา อำเภอ จังหวัด หรือประเทศ")),
        Column("area_code", _("รหัสพื้นที่"), TEXT, _("ระดับและรหัสพื้นที่ เช่น council:500203")),
        Column("area", _("พื้นที่"), TEXT, _("ชื่อพื้นที่")),
        Column("value", _("ค่า"), TEXT, _("ผลเชิงปริมาณ (ว่างถ้าเป็นตัวชี้วัดเชิงคุณภาพ)")),
        Column("text", _("ผลเชิงคุณภาพ"), TEXT, _("ผลที่บันทึกเป็นข้อความ")),
        Column("approved_at", _("อนุมัติเมื่อ"), DATETIME, _("วันเวลาที่อนุมัติผล")),
    ),
    queryset=_approved_values,
    row=_indicator_row,
)

DATASETS = {d.slug: d for d in (COUNCILS, ACTIVITIES, MEETINGS, REPORTS, REPORT_FIGURES, INDICATORS)}


# The data dictionary, itself a dataset -------------------------------------------------------


def dictionary_rows() -> Iterator[tuple]:
    for dataset in DATASETS.values():
        for column in dataset.columns:
            yield (dataset.slug, column.name, str(column.label), column.type, str(column.meaning))


class _Rows(list):
    """A list standing in for a queryset (the dictionary is a few dozen rows in code)."""

    def iterator(self, chunk_size=None):
        return iter(self)


DICTIONARY = Dataset(
    slug="dictionary",
    title=_("พจนานุกรมข้อมูล"),
    description=_("คำอธิบายทุกคอลัมน์ของชุดข้อมูลเปิด: ชื่อคอลัมน์ ชื่อภาษาไทย ชนิดข้อมูล และความหมาย"),
    columns=(
        Column("dataset", _("ชุดข้อมูล"), TEXT, _("รหัสชุดข้อมูล")),
        Column("column", _("คอลัมน์"), TEXT, _("ชื่อคอลัมน์ในไฟล์และใน API")),
        Column("label", _("ชื่อภาษาไทย"), TEXT, _("ชื่อคอลัมน์ภาษาไทย")),
        Column("type", _("ชนิดข้อมูล"), TEXT, _("text ข้อความ, integer จำนวนเต็ม, date วันที่, datetime วันเวลา")),
        Column("meaning", _("ความหมาย"), TEXT, _("ความหมายของข้อมูลในคอลัมน์")),
    ),
    queryset=lambda: _Rows(dictionary_rows()),
    row=lambda row, base: row,
)

DOWNLOADS = {**DATASETS, DICTIONARY.slug: DICTIONARY}
