"""The columns of each import kind, with their Thai headers.

One definition serves the import validator, the blank templates, the exports and the
django-import-export resources (councils/resources.py), so a header is spelt once.
Lengths come from the model fields, so a column cannot accept more than its field holds.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from django.utils.translation import gettext as _

from common.thai import clean_typed_text

from ..choices import CouncilStatus, ImportKind, MemberPosition, OrganizationKind
from ..models import CommunityOrganization, Council, Person
from . import cells
from .cells import Era

_ERA_HEADER = re.compile(r"^(?P<title>.*?)\s*\((?P<era>พ\.ศ\.|ค\.ศ\.)\)$")


@dataclass(frozen=True)
class Column:
    key: str
    title: str  # the header without an era marker
    parse: Callable[..., object]  # parse(raw) -> value, or parse(raw, era=...) for dates
    required: bool = False
    date: bool = False
    # Other spellings offices use for the same header ("เลขบัตรประชาชน" for "เลขประจำตัวประชาชน").
    aliases: tuple[str, ...] = ()
    # In the blank template and the list of headers on the import page. A column people may
    # add when they have it (the national ID number, PDPA: only when needed) is not.
    in_template: bool = True

    @property
    def header(self) -> str:
        """The header written in templates and exports (dates in the Buddhist era)."""
        return f"{self.title} ({Era.BE.value})" if self.date else self.title


def _max(model, name: str) -> int | None:
    return model._meta.get_field(name).max_length


def _text(model, name: str):
    return partial(cells.text, max_length=_max(model, name))


def _choice(choices, synonyms: dict[str, str] | None = None):
    labels = ", ".join(str(label) for label in choices.labels)
    lookup = {**cells.choice_lookup(choices), **{word.casefold(): value for word, value in (synonyms or {}).items()}}
    return partial(cells.choice, lookup=lookup, labels=labels)


# The words councils' own lists use for a member's position, as they type them.
POSITION_WORDS = {
    "กรรมการ": MemberPosition.MEMBER,
    "สมาชิกสภา": MemberPosition.MEMBER,
    "สมาชิกสภาองค์กรชุมชน": MemberPosition.MEMBER,
    "ผู้แทน": MemberPosition.MEMBER,
    "ผู้แทนองค์กรชุมชน": MemberPosition.MEMBER,
    "ประธานสภา": MemberPosition.CHAIR,
    "ประธานสภาองค์กรชุมชน": MemberPosition.CHAIR,
    "ประธานสภาองค์กรชุมชนตำบล": MemberPosition.CHAIR,
    "รองประธานสภา": MemberPosition.VICE_CHAIR,
    "รองประธานสภาองค์กรชุมชนตำบล": MemberPosition.VICE_CHAIR,
    "เลขา": MemberPosition.SECRETARY,
    "เลขาฯ": MemberPosition.SECRETARY,
    "เลขานุการสภา": MemberPosition.SECRETARY,
    "เหรัญญิกสภา": MemberPosition.TREASURER,
}


def _past_date(raw, *, era):
    return cells.date_in_era(raw, era=era, not_future=True)


def _date(raw, *, era):
    return cells.date_in_era(raw, era=era)


TAMBON_CODE = "รหัสตำบล"
NATIONAL_ID = "เลขประจำตัวประชาชน"
# The header of the column the bad-rows file adds (councils/imports/badrows.py): a file
# fixed in Excel and uploaded again is read without it, and without a notice about it.
ERRORS_HEADER = "ข้อผิดพลาดจากการนำเข้า (ระบบไม่อ่านคอลัมน์นี้)"
# How offices head the national ID column in their own member lists.
NATIONAL_ID_ALIASES = (
    "เลขประจำตัวประชาชน 13 หลัก",
    "เลขประจำตัวประชาชน13หลัก",
    "เลขที่ประจำตัวประชาชน",
    "เลขบัตรประชาชน",
    "เลขบัตรประชาชน 13 หลัก",
    "เลขที่บัตรประชาชน",
    "เลขบัตรประจำตัวประชาชน",
    "เลขที่บัตรประจำตัวประชาชน",
    "บัตรประชาชน",
    "บัตรประจำตัวประชาชน",
    "เลขบัตร ปชช.",
    "เลขบัตรปชช",
    "เลข ปชช.",
    "เลขปชช",
    "รหัสประจำตัวประชาชน",
    "รหัสบัตรประชาชน",
)
ORGANIZATION_CODE = "รหัสองค์กร (พอช.)"

COLUMNS: dict[str, tuple[Column, ...]] = {
    ImportKind.COUNCILS: (
        Column("subdistrict_code", TAMBON_CODE, partial(cells.digit_code, length=6), required=True),
        Column("name", "ชื่อสภา", _text(Council, "name"), required=True),
        Column("status", "สถานะ", _choice(CouncilStatus)),
        Column("registration_number", "เลขทะเบียนจัดตั้ง", _text(Council, "registration_number")),
        Column("registered_on", "วันที่จดแจ้งจัดตั้ง", _past_date, date=True),
        Column("address", "ที่ตั้งสำนักงาน", partial(cells.text, max_length=2000)),
        Column("phone", "โทรศัพท์", _text(Council, "phone")),
        Column("email", "อีเมล", cells.email),
        Column("contact_name", "ผู้ประสานงาน", _text(Council, "contact_name")),
    ),
    ImportKind.ORGANIZATIONS: (
        Column(
            "code",
            ORGANIZATION_CODE,
            partial(cells.record_code, max_length=_max(CommunityOrganization, "code")),
            required=True,
        ),
        Column("name", "ชื่อองค์กร", _text(CommunityOrganization, "name"), required=True),
        Column("kind", "ประเภท", _choice(OrganizationKind), required=True),
        Column("subdistrict_code", TAMBON_CODE, partial(cells.digit_code, length=6), required=True),
        Column("village_code", "รหัสหมู่บ้าน", partial(cells.digit_code, length=8)),
        Column("village_name", "ชื่อหมู่บ้าน", _text(CommunityOrganization, "village_name")),
        Column("founded_on", "วันที่ก่อตั้ง", _past_date, date=True),
        Column("registered_on", "วันที่จดแจ้ง", _past_date, date=True),
        Column("member_count", "จำนวนสมาชิก", cells.whole_number),
    ),
    ImportKind.MEMBERS: (
        Column("subdistrict_code", TAMBON_CODE, partial(cells.digit_code, length=6), required=True),
        Column("full_name", "ชื่อ-สกุล", _text(Person, "full_name"), required=True),
        Column("national_id", NATIONAL_ID, cells.national_id, aliases=NATIONAL_ID_ALIASES, in_template=False),
        Column("phone", "โทรศัพท์", _text(Person, "phone")),
        Column("position", "ตำแหน่ง", _choice(MemberPosition, POSITION_WORDS)),
        Column(
            "organization_code",
            ORGANIZATION_CODE,
            partial(cells.record_code, max_length=_max(CommunityOrganization, "code")),
        ),
        Column("term_start", "เริ่มวาระ", _date, required=True, date=True),
        Column("term_end", "สิ้นสุดวาระ", _date, date=True),
    ),
}


def headers(kind: str) -> list[str]:
    """The headers of the blank template (columns people add only when needed are left out)."""
    return [column.header for column in COLUMNS[kind] if column.in_template]


def optional_headers(kind: str) -> list[str]:
    """Columns read when a file has them, though the template leaves them out."""
    return [column.header for column in COLUMNS[kind] if not column.in_template]


@dataclass(frozen=True)
class BoundColumn:
    """A column found in a file's header, at ``index``, with the era its header names."""

    column: Column
    index: int
    header: str  # as written in the file
    era: Era | None

    @property
    def parse(self) -> Callable[[object], object]:
        """The column's parser with the era its header names already applied."""
        return partial(self.column.parse, era=self.era) if self.column.date else self.column.parse


def normalise_header(value) -> str:
    return " ".join(clean_typed_text(str(value)).split()) if value is not None else ""


def _compact(text: str) -> str:
    """A header compared without its white space: one typed over two lines in a cell
    ("ชื่อ⏎องค์กร") is the same header; so is one typed with NIKHAHIT + SARA AA for SARA AM
    ("เลขประจําตัว", as text copied from a PDF arrives), or with or without abbreviation dots."""
    return "".join(text.split()).replace("\u0e4d\u0e32", "\u0e33").replace(".", "").casefold()


def match_header(kind: str, header_row) -> tuple[list[BoundColumn], list[tuple[str, str]], list[str]]:
    """Map a file's header row to the kind's columns.

    Returns the bound columns, a list of (column, Thai message) problems (repeated headers,
    date headers without an era, required columns missing) and the headers it does not
    know (extra columns such as ลำดับ or หมายเหตุ: the caller decides whether they matter)."""
    by_title = {
        _compact(title): column for column in COLUMNS[kind] for title in (column.title, *column.aliases)
    }
    ignored = _compact(ERRORS_HEADER)
    bound: list[BoundColumn] = []
    problems: list[tuple[str, str]] = []
    unknown: list[str] = []
    seen: set[str] = set()
    troubled: set[str] = set()  # columns present but with a bad header: reported once
    for index, raw in enumerate(header_row):
        header = normalise_header(raw)
        if not header:
            continue
        era = None
        title = header
        era_match = _ERA_HEADER.match(header)
        if era_match and _compact(era_match["title"]) in by_title:
            title, era = era_match["title"], Era(era_match["era"])
        column = by_title.get(_compact(title))
        if column is None:
            if _compact(header) != ignored:
                unknown.append(header)
            continue
        if column.key in seen:
            problems.append((header, _("คอลัมน์ “%(header)s” ซ้ำกันในหัวตาราง") % {"header": header}))
            continue
        if column.date and era is None:
            troubled.add(column.key)
            problems.append(
                (header, _("หัวคอลัมน์วันที่ “%(header)s” ต้องระบุปีเป็น (พ.ศ.) หรือ (ค.ศ.) เช่น “%(example)s”")
                 % {"header": header, "example": column.header})
            )
            continue
        seen.add(column.key)
        bound.append(BoundColumn(column=column, index=index, header=header, era=era))
    for column in COLUMNS[kind]:
        if column.required and column.key not in seen | troubled:
            problems.append(
                (column.header, _("ไม่พบคอลัมน์ “%(header)s” ในแถวหัวตาราง (แถวที่ 1)") % {"header": column.header})
            )
    return bound, problems, unknown


def unknown_column_problems(kind: str, unknown: list[str]) -> list[tuple[str, str]]:
    return [
        (header, _("ไม่รู้จักคอลัมน์ “%(header)s” หัวตารางที่ใช้ได้: %(allowed)s")
         % {"header": header, "allowed": ", ".join(headers(kind))})
        for header in unknown
    ]
