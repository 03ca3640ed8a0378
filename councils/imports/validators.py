"""Checking an import file row by row, in one streaming pass.

Lookups are loaded once (every tambon with its district, province and council: one
query) and the checks that need the database (a code already registered, an organization
that belongs to another council) run once per batch of rows, so the number of queries
grows with the file in steps of ``BATCH_ROWS``, never per row.

Every problem is reported as ``{"row", "column", "message"}``: the row number as Excel
shows it (the header is row 1), the column's header as written in the file, and a Thai
message. A row is valid only when it has no problem at all.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from django.db import connection
from django.utils.translation import gettext as _

from common.thai import clean_typed_text
from geo.models import Subdistrict

from .. import pdpa
from ..choices import CouncilStatus, ImportKind, MemberPosition
from ..models import CommunityOrganization, Council, CouncilMember, Person
from .cells import CellError
from .columns import (
    COLUMNS,
    NATIONAL_ID,
    ORGANIZATION_CODE,
    TAMBON_CODE,
    BoundColumn,
    match_header,
    unknown_column_problems,
)

BATCH_ROWS = 5000
MAX_REPORTED_ERRORS = 1000
# Problems are collected up to this many, sorted by row, then cut to MAX_REPORTED_ERRORS:
# the database checks of a batch report after the row checks of later rows.
_MAX_COLLECTED = 50_000


class Area(NamedTuple):
    subdistrict_id: int
    district_id: int
    province_id: int
    council_id: int | None
    name: str


def load_areas() -> dict[str, Area]:
    """Every tambon by its DOPA code, with its council if it has one (one query)."""
    rows = Subdistrict.objects.values_list("code", "id", "district_id", "district__province_id", "council__id", "name_th")
    return {code: Area(*rest) for code, *rest in rows}


def _rows_where_in(model, fields: Sequence[str], key: str, values: Iterable) -> list[tuple]:
    """``SELECT fields FROM model WHERE key = ANY(values)``: one array parameter, not
    thousands of IN parameters each prepared by the ORM (a batch is 5,000 rows)."""
    if connection.vendor != "postgresql":  # SQLite (local runs): the ORM, in small batches
        values = list(values)
        found = []
        for start in range(0, len(values), 500):
            chunk = values[start : start + 500]
            found += model.objects.filter(**{f"{key}__in": chunk}).values_list(*fields)
        return found
    meta = model._meta
    quote = connection.ops.quote_name
    columns = ", ".join(quote(meta.get_field(name).column) for name in fields)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT {columns} FROM {quote(meta.db_table)} WHERE {quote(meta.get_field(key).column)} = ANY(%s)",
            [list(values)],
        )
        return cursor.fetchall()


# What people type in a cell to mean "nothing here".
EMPTY_MARKS = frozenset({"", "-", "–", "—"})


def _blank(value) -> bool:
    return value is None or (isinstance(value, str) and value.strip() in EMPTY_MARKS)


@dataclass
class Checked:
    """The outcome of checking a file (or of re-checking staged rows before writing)."""

    total_rows: int = 0
    valid_rows: int = 0
    error_rows: int = 0
    errors: list[dict] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)  # what was assumed about the file, in Thai
    header_row: int | None = None  # the row taken as the header (None: none was found)
    # The file has a national ID column with something typed in it (or a header row that
    # names one): the upload is deleted as soon as the import is over (retention.py).
    holds_national_ids: bool = False
    # Receives every problem, not only the first MAX_REPORTED_ERRORS (the bad-rows file).
    sink: Callable[[int, str, str], None] | None = None

    def add(self, row: int, column: str, message: str) -> None:
        if self.sink is not None:
            self.sink(row, column, message)
        if len(self.errors) < _MAX_COLLECTED:
            self.errors.append({"row": row, "column": column, "message": message})

    def finish(self) -> None:
        self.errors.sort(key=lambda error: error["row"])
        del self.errors[MAX_REPORTED_ERRORS:]


class RowValidator:
    """Checks the rows of one kind. Subclasses define ``finish_row`` and ``check_batch``."""

    kind: str = ""

    def __init__(self, *, scope, areas: dict[str, Area] | None = None):
        self.scope = scope
        self.areas = load_areas() if areas is None else areas
        self.columns: list[BoundColumn] = []
        self.header_of: dict[str, str] = {}
        self.keys = [column.key for column in COLUMNS[self.kind]]  # absent optional columns stay None

    # Header -----------------------------------------------------------------------------
    def bind_header(self, header_row) -> list[tuple[str, str]]:
        """Bind the columns of a header row; returns its problems (none: the row is the
        header). Extra columns it does not know are kept in ``self.unknown``."""
        self.columns, problems, self.unknown = match_header(self.kind, header_row)
        self.header_of = {bound.column.key: bound.header for bound in self.columns}
        # what check_row needs per cell, looked up once rather than per row
        self._cells = [(b.index, b.column.key, b.header, b.column.required, b.parse) for b in self.columns]
        return problems

    def header(self, key: str, default: str) -> str:
        return self.header_of.get(key, default)

    # One row ----------------------------------------------------------------------------
    def check_row(self, row: int, values: tuple) -> tuple[dict, list[tuple[str, str]]]:
        """Parse every cell; then the checks across cells. Returns (cleaned, problems)."""
        cleaned: dict = dict.fromkeys(self.keys)
        cleaned["_row"] = row
        problems: list[tuple[str, str]] = []
        width = len(values)
        for index, key, header, required, parse in self._cells:
            raw = values[index] if index < width else None
            if raw.__class__ is str:
                raw = clean_typed_text(raw).strip()
            if raw is None or raw in EMPTY_MARKS:
                if required:
                    problems.append((header, _("ห้ามเว้นว่าง")))
                continue
            try:
                cleaned[key] = parse(raw)
            except CellError as error:
                problems.append((header, error.message))
        self.finish_row(cleaned, problems)
        return cleaned, problems

    def finish_row(self, cleaned: dict, problems: list) -> None:
        raise NotImplementedError

    def area_for(self, cleaned: dict, problems: list) -> Area | None:
        code = cleaned.get("subdistrict_code")
        if code is None:
            return None
        column = self.header("subdistrict_code", TAMBON_CODE)
        area = self.areas.get(code)
        if area is None:
            problems.append((column, _("ไม่พบรหัสตำบล “%(code)s” ในทะเบียนพื้นที่ของกรมการปกครอง") % {"code": code}))
            return None
        scope = self.scope
        if not (
            scope.national
            or area.province_id in scope.province_ids
            or area.district_id in scope.district_ids
            or area.subdistrict_id in scope.subdistrict_ids
        ):
            problems.append(
                (column, _("ตำบล %(code)s (%(name)s) อยู่นอกพื้นที่ที่คุณรับผิดชอบ") % {"code": code, "name": area.name})
            )
            return None
        return area

    def council_for(self, cleaned: dict, problems: list) -> int | None:
        area = self.area_for(cleaned, problems)
        if area is None:
            return None
        if area.council_id is None:
            problems.append(
                (
                    self.header("subdistrict_code", TAMBON_CODE),
                    _("ตำบล %(code)s (%(name)s) ยังไม่มีสภาองค์กรชุมชนตำบลในระบบ กรุณานำเข้าสภาก่อน")
                    % {"code": cleaned["subdistrict_code"], "name": area.name},
                )
            )
        return area.council_id

    # Duplicates within the file -----------------------------------------------------------
    def first_seen(self, seen: dict, key, row: int) -> int | None:
        """The row that first used ``key``, or None (and remember this row)."""
        earlier = seen.get(key)
        if earlier is None:
            seen[key] = row
        return earlier

    def record(self, cleaned: dict) -> dict:
        """The values the writer stores for a valid row (JSON-ready: dates as ISO text)."""
        raise NotImplementedError

    def check_batch(self, batch: list[tuple[int, dict]]) -> dict[int, list[tuple[str, str]]]:
        """Checks against the database for a batch of ``(row, record)``. They run when the
        file is checked and again, inside the writing transaction, just before writing."""
        return {}


def _json_date(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def _overlap(start: dt.date, end: dt.date | None, other_start: dt.date, other_end: dt.date | None) -> bool:
    return start <= (other_end or dt.date.max) and other_start <= (end or dt.date.max)


class CouncilRows(RowValidator):
    kind = ImportKind.COUNCILS

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.seen: dict = {}

    def finish_row(self, cleaned, problems):
        area = self.area_for(cleaned, problems)
        if area is None:
            return
        column = self.header("subdistrict_code", TAMBON_CODE)
        earlier = self.first_seen(self.seen, area.subdistrict_id, cleaned["_row"])
        if earlier is not None:
            problems.append((column, _("รหัสตำบล “%(code)s” ซ้ำกับแถวที่ %(row)s ในไฟล์") % {
                "code": cleaned["subdistrict_code"], "row": earlier}))
        cleaned["subdistrict_id"] = area.subdistrict_id

    def check_batch(self, batch):
        ids = {record["subdistrict_id"] for _row, record in batch}
        taken = {pk for (pk,) in _rows_where_in(Council, ["subdistrict"], "subdistrict", ids)}
        column = self.header("subdistrict_code", TAMBON_CODE)
        return {
            row: [(column, _("ตำบล %(code)s มีสภาองค์กรชุมชนตำบลในระบบแล้ว") % {"code": record["subdistrict_code"]})]
            for row, record in batch
            if record["subdistrict_id"] in taken
        }

    def record(self, cleaned):
        return {
            "subdistrict_id": cleaned["subdistrict_id"],
            "subdistrict_code": cleaned["subdistrict_code"],
            "name": cleaned["name"],
            "status": cleaned["status"] or CouncilStatus.ACTIVE,
            "registration_number": cleaned["registration_number"] or "",
            "registered_on": _json_date(cleaned["registered_on"]),
            "address": cleaned["address"] or "",
            "phone": cleaned["phone"] or "",
            "email": cleaned["email"] or "",
            "contact_name": cleaned["contact_name"] or "",
        }


class OrganizationRows(RowValidator):
    kind = ImportKind.ORGANIZATIONS

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.seen: dict = {}

    def finish_row(self, cleaned, problems):
        code = cleaned.get("code")
        if code is not None:
            earlier = self.first_seen(self.seen, code, cleaned["_row"])
            if earlier is not None:
                problems.append((self.header("code", ORGANIZATION_CODE),
                                 _("รหัสองค์กร “%(code)s” ซ้ำกับแถวที่ %(row)s ในไฟล์") % {"code": code, "row": earlier}))
        cleaned["council_id"] = self.council_for(cleaned, problems)
        village = cleaned.get("village_code")
        tambon = cleaned.get("subdistrict_code")
        if village and tambon and not village.startswith(tambon):
            problems.append((self.header("village_code", "รหัสหมู่บ้าน"),
                             _("รหัสหมู่บ้าน “%(village)s” ไม่ได้อยู่ในตำบล %(code)s (ต้องขึ้นต้นด้วย %(code)s)")
                             % {"village": village, "code": tambon}))

    def check_batch(self, batch):
        codes = [cleaned["code"] for _row, cleaned in batch]
        taken = {code for (code,) in _rows_where_in(CommunityOrganization, ["code"], "code", codes)}
        council_ids = {c["council_id"] for _r, c in batch}
        councils = {pk for (pk,) in _rows_where_in(Council, ["id"], "id", council_ids)}
        found: dict[int, list] = {}
        for row, cleaned in batch:
            if cleaned["code"] in taken:
                found.setdefault(row, []).append((self.header("code", ORGANIZATION_CODE),
                                                  _("รหัสองค์กร “%(code)s” มีอยู่ในระบบแล้ว") % {"code": cleaned["code"]}))
            if cleaned["council_id"] not in councils:
                found.setdefault(row, []).append((self.header("subdistrict_code", TAMBON_CODE),
                                                  _("ไม่พบสภาของตำบลนี้ในระบบแล้ว")))
        return found

    def record(self, cleaned):
        return {
            "council_id": cleaned["council_id"],
            "code": cleaned["code"],
            "name": cleaned["name"],
            "kind": cleaned["kind"],
            "village_code": cleaned["village_code"] or "",
            "village_name": cleaned["village_name"] or "",
            "founded_on": _json_date(cleaned["founded_on"]),
            "registered_on": _json_date(cleaned["registered_on"]),
            "member_count": cleaned["member_count"] or 0,
        }


class MemberRows(RowValidator):
    kind = ImportKind.MEMBERS

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.seen: dict = {}
        # national ID digits -> (first row, name key, [(council, start, end, row), ...]) of this file
        self.ids_seen: dict[str, tuple[int, str, list]] = {}
        self.holds_national_ids = False
        self.linked_rows = 0  # rows whose national ID matched a person already in the portal

    def bind_header(self, header_row):
        problems = super().bind_header(header_row)
        self._id_index = next((b.index for b in self.columns if b.column.key == "national_id"), None)
        return problems

    def check_row(self, row, values):
        index = self._id_index
        if index is not None and index < len(values) and not _blank(values[index]):
            self.holds_national_ids = True
        return super().check_row(row, values)

    @staticmethod
    def _person_key(name: str) -> str:
        return " ".join(name.split()).casefold()

    def finish_row(self, cleaned, problems):
        cleaned["council_id"] = council_id = self.council_for(cleaned, problems)
        start, end = cleaned.get("term_start"), cleaned.get("term_end")
        if start and end and end < start:
            problems.append((self.header("term_end", "สิ้นสุดวาระ (พ.ศ.)"), _("วันสิ้นสุดวาระต้องไม่ก่อนวันเริ่มวาระ")))
        if council_id and start and cleaned.get("full_name"):
            key = (council_id, self._person_key(cleaned["full_name"]), start)
            earlier = self.first_seen(self.seen, key, cleaned["_row"])
            if earlier is not None:
                problems.append((self.header("full_name", "ชื่อ-สกุล"),
                                 _("สมาชิกคนนี้ในวาระเดียวกันซ้ำกับแถวที่ %(row)s ในไฟล์") % {"row": earlier}))
        if cleaned.get("national_id") and cleaned.get("full_name") and start:
            self._same_person_in_file(cleaned, problems)

    def _same_person_in_file(self, cleaned, problems) -> None:
        """One person on several rows (terms on two councils, or two terms of one council)
        is one person: the rows are merged into one Person when written. The same number
        under another name, or two overlapping terms on one council, is a row error."""
        digits, row = cleaned["national_id"], cleaned["_row"]
        column = self.header("national_id", NATIONAL_ID)
        name = self._person_key(cleaned["full_name"])
        council_id, start, end = cleaned.get("council_id"), cleaned["term_start"], cleaned.get("term_end")
        earlier = self.ids_seen.get(digits)
        if earlier is None:
            self.ids_seen[digits] = (row, name, [(council_id, start, end, row)])
            return
        first_row, first_name, terms = earlier
        if name != first_name:
            problems.append((column, _("เลขประจำตัวประชาชนเดียวกับแถวที่ %(row)s แต่ชื่อ-สกุลไม่ตรงกัน "
                                       "กรุณาตรวจสอบว่าพิมพ์เลขหรือชื่อผิด") % {"row": first_row}))
            return
        for other_council, other_start, other_end, other_row in terms:
            if other_council == council_id and _overlap(start, end, other_start, other_end):
                problems.append((column, _("บุคคลเดียวกัน (เลขประจำตัวประชาชนเดียวกัน) มีวาระในสภาเดียวกัน"
                                           "ที่ทับซ้อนกับแถวที่ %(row)s") % {"row": other_row}))
                return
        terms.append((council_id, start, end, row))

    def check_batch(self, batch):
        council_ids = {c["council_id"] for _r, c in batch}
        codes = {c["organization_code"] for _r, c in batch if c["organization_code"]}
        organizations = {
            code: (pk, council_id)
            for code, pk, council_id in _rows_where_in(CommunityOrganization, ["code", "id", "council"], "code", codes)
        }
        existing = {
            (council_id, self._person_key(name), start)
            for council_id, name, start in CouncilMember.objects.filter(
                council_id__in=council_ids, term_start__in={c["term_start"] for _r, c in batch}
            ).values_list("council_id", "person__full_name", "term_start")
        }
        councils = {pk for (pk,) in _rows_where_in(Council, ["id"], "id", council_ids)}
        people, their_terms = self._people_by_hash(batch, council_ids)
        found: dict[int, list] = {}
        org_column = self.header("organization_code", ORGANIZATION_CODE)
        id_column = self.header("national_id", NATIONAL_ID)
        for row, record in batch:
            problems = found.setdefault(row, [])
            if record["council_id"] not in councils:
                problems.append((self.header("subdistrict_code", TAMBON_CODE), _("ไม่พบสภาของตำบลนี้ในระบบแล้ว")))
            code = record["organization_code"]
            if code:
                org = organizations.get(code)
                if org is None:
                    problems.append((org_column, _("ไม่พบองค์กรรหัส “%(code)s” ในระบบ") % {"code": code}))
                elif org[1] != record["council_id"]:
                    problems.append((org_column, _("องค์กรรหัส “%(code)s” ไม่ได้อยู่ในสภาของตำบล %(tambon)s")
                                     % {"code": code, "tambon": record["subdistrict_code"]}))
                else:
                    record["organization_id"] = org[0]
            start = dt.date.fromisoformat(record["term_start"])
            key = (record["council_id"], self._person_key(record["full_name"]), start)
            if key in existing:
                problems.append((self.header("full_name", "ชื่อ-สกุล"),
                                 _("สมาชิกคนนี้ในวาระที่เริ่มวันเดียวกันมีอยู่ในระบบแล้ว")))
            person_id = people.get(record.get("national_id_hash"))
            record["person_id"] = person_id
            if person_id is not None:
                end = dt.date.fromisoformat(record["term_end"]) if record["term_end"] else None
                if any(
                    council_id == record["council_id"] and _overlap(start, end, other_start, other_end)
                    for council_id, other_start, other_end in their_terms.get(person_id, ())
                ):
                    problems.append((id_column, _("บุคคลนี้ (ตรงกับเลขประจำตัวประชาชนในระบบ) มีวาระในสภานี้"
                                                  "ที่ทับซ้อนกับช่วงเวลานี้อยู่แล้ว")))
                elif not problems:
                    self.linked_rows += 1
            if not problems:
                del found[row]
        return found

    @staticmethod
    def _people_by_hash(batch, council_ids) -> tuple[dict[str, int], dict[int, list]]:
        """People already in the portal with a national ID of this batch (by keyed hash,
        never by the number), and their terms on the batch's councils."""
        hashes = {record["national_id_hash"] for _row, record in batch if record.get("national_id_hash")}
        if not hashes:
            return {}, {}
        people = dict(_rows_where_in(Person, ["national_id_hash", "id"], "national_id_hash", hashes))
        terms: dict[int, list] = {}
        for person_id, council_id, start, end in CouncilMember.objects.filter(
            person_id__in=people.values(), council_id__in=council_ids
        ).values_list("person_id", "council_id", "term_start", "term_end"):
            terms.setdefault(person_id, []).append((council_id, start, end))
        return people, terms

    def record(self, cleaned):
        digits = cleaned.get("national_id")
        # Staged encrypted, as the person page stores it: the number itself is never staged.
        identity = pdpa.national_id_fields(digits) if digits else {}
        return {
            **identity,
            "person_id": None,  # an existing person with this number: resolved by check_batch
            "council_id": cleaned["council_id"],
            "full_name": " ".join(cleaned["full_name"].split()),
            "phone": cleaned["phone"] or "",
            "organization_id": None,  # resolved by check_batch
            "organization_code": cleaned["organization_code"],
            "position": cleaned["position"] or MemberPosition.MEMBER,
            "term_start": _json_date(cleaned["term_start"]),
            "term_end": _json_date(cleaned["term_end"]),
            "subdistrict_code": cleaned["subdistrict_code"],
        }


VALIDATORS: dict[str, type[RowValidator]] = {
    ImportKind.COUNCILS: CouncilRows,
    ImportKind.ORGANIZATIONS: OrganizationRows,
    ImportKind.MEMBERS: MemberRows,
}


# A title line, a date or a merged heading may stand above the header: it is looked for
# in the first rows.
HEADER_SEARCH_ROWS = 10


def holds_header(kind: str, rows) -> bool:
    """Whether one of these rows is a whole header of ``kind`` (for choosing a worksheet)."""
    return any(not match_header(kind, values)[1] for values in rows if not all(_blank(v) for v in values))


def _find_header(validator: RowValidator, iterator, checked: Checked) -> int | None:
    """Read up to HEADER_SEARCH_ROWS rows for the first one that is a whole header (every
    required column, no repeated or era-less date column). Returns its row number, the
    validator bound to it; or None with the first non-blank row's problems in ``checked``."""
    first = None
    named_ids = False
    for count, (row, values) in enumerate(iterator, start=1):
        if not all(_blank(value) for value in values):
            problems = validator.bind_header(values)
            # a refused header naming a national ID column: the file may hold the numbers
            named_ids = named_ids or any(bound.column.key == "national_id" for bound in validator.columns)
            if not problems:
                return row
            if first is None:  # reported in the reader's order: unknown columns, then what is missing
                first = (row, unknown_column_problems(validator.kind, validator.unknown) + problems)
        if count >= HEADER_SEARCH_ROWS:
            break
    checked.holds_national_ids = named_ids
    if first is None:
        checked.add(1, "", _("แถวแรกต้องเป็นหัวตาราง แต่แถวที่ 1 ว่างหรือไม่มีข้อมูลในไฟล์"))
        return None
    row, problems = first
    for column, message in problems:
        checked.add(row, column, message)
    return None


def check_rows(
    *,
    kind: str,
    scope,
    rows: Iterable[tuple[int, tuple]],
    keep: Callable[[int, dict], None],
    progress: Callable[[int], None] | None = None,
    progress_every: int = 2000,
    checked: Checked | None = None,
    validator: RowValidator | None = None,
) -> Checked:
    """Check the rows of a file (header first). ``keep(row, record)`` receives each valid
    row; the returned Checked holds the counts and the first problems, by row order
    (pass ``checked`` with a ``sink`` to receive every problem as it is found).
    A registered kind (``kinds.py``) passes its own ``validator``, whose ``check_row`` may
    answer None for a row that is not data (a header's second line, a section heading)."""
    validator = validator or VALIDATORS[kind](scope=scope)
    checked = checked or Checked()
    iterator = iter(rows)
    header_row = checked.header_row = _find_header(validator, iterator, checked)
    if header_row is None:
        return checked
    if header_row > 1:
        checked.notices.append(
            _("ใช้แถวที่ %(row)s เป็นหัวตาราง แถวก่อนหน้านั้นถือเป็นชื่อเรื่องและไม่นำเข้า") % {"row": header_row}
        )
    if validator.unknown:
        checked.notices.append(
            _("ไม่นำเข้าคอลัมน์ที่ระบบไม่รู้จัก: %(columns)s") % {"columns": ", ".join(validator.unknown)}
        )

    batch: list[tuple[int, dict]] = []

    def flush():
        db_problems = validator.check_batch(batch) if batch else {}
        for row, record in batch:
            problems = db_problems.get(row)
            if problems:
                checked.error_rows += 1
                for column, message in problems:
                    checked.add(row, column, message)
            else:
                checked.valid_rows += 1
                keep(row, record)
        batch.clear()

    processed = 0
    for row, values in iterator:
        processed += 1
        if progress and processed % progress_every == 0:
            progress(processed)
        if all(_blank(value) for value in values):
            continue
        outcome = validator.check_row(row, values)
        if outcome is None:
            continue
        checked.total_rows += 1
        cleaned, problems = outcome
        if problems:
            checked.error_rows += 1
            for column, message in problems:
                checked.add(row, column, message)
        else:
            batch.append((row, validator.record(cleaned)))
            if len(batch) >= BATCH_ROWS:
                flush()
    flush()
    checked.holds_national_ids = checked.holds_national_ids or getattr(validator, "holds_national_ids", False)
    if getattr(validator, "linked_rows", 0):
        checked.notices.append(
            _("%(count)s แถวเป็นบุคคลที่มีอยู่ในระบบแล้ว (ตรงกันด้วยเลขประจำตัวประชาชน) ระบบจะเพิ่มวาระให้บุคคลเดิม "
              "ไม่สร้างบุคคลซ้ำ และคงชื่อ-สกุลกับโทรศัพท์ที่บันทึกไว้เดิม") % {"count": validator.linked_rows}
        )
    if checked.total_rows == 0:
        checked.add(2, "", _("ไม่พบข้อมูลในไฟล์ (มีแต่หัวตาราง)"))
    checked.finish()
    if progress:
        progress(processed)
    return checked

