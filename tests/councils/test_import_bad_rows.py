"""The bad rows as the user's own file: same format, header and column order, only the
refused rows, an error column naming column and problem; fixed and uploaded again, it imports."""

import csv
import datetime as dt
import io

import openpyxl
import pytest

from common.jobs.choices import JobStatus
from councils.choices import ImportMode
from councils.imports.columns import ERRORS_HEADER
from councils.models import CommunityOrganization, CouncilMember, ImportJob, Person

from . import import_corpus as corpus
from .test_import_national_ids import MANEE, SOMCHAI, THAI, bad_checksum, dashed

pytestmark = pytest.mark.django_db

URL = "/councils/imports/"


@pytest.fixture
def upload(client, django_capture_on_commit_callbacks):
    def do(user, name, content, kind):
        client.force_login(user)
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(URL, {"kind": kind, "file": _named(name, content)})
        assert response.status_code == 302
        return ImportJob.objects.order_by("-pk").first()

    return do


def _named(name, content):
    handle = io.BytesIO(content)
    handle.name = name
    return handle


@pytest.fixture
def confirm(client, django_capture_on_commit_callbacks):
    def do(job, mode):
        with django_capture_on_commit_callbacks(execute=True):
            client.post(f"{URL}{job.pk}/confirm/", {"mode": mode})
        job.refresh_from_db()

    return do


def _workbook_bytes(rows) -> bytes:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "รายชื่อ"
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


MEMBERS = [
    ["ทะเบียนสมาชิกสภาองค์กรชุมชน จังหวัดเชียงใหม่"],  # a title row above the header
    ["ลำดับ", "รหัสตำบล", "ชื่อ-สกุล", "เลขประจำตัวประชาชน", "ตำแหน่ง", "เริ่มวาระ (พ.ศ.)", "หมายเหตุ"],
    [1, "500203", "นายสมชาย ใจดี", dashed(SOMCHAI).translate(THAI), "ประธาน", "๑๕ มี.ค. ๒๕๖๖", "ตรวจแล้ว"],
    [2, "500203", "นางมานี มีนา", bad_checksum(MANEE), "กรรมการ", "1/1/2566", None],
    [3, "999999", "นายผิดตำบล", None, "กรรมการ", dt.datetime(2023, 1, 1), "-"],
]


def test_the_bad_rows_come_back_as_an_xlsx_to_fix_and_upload_again(world, codi_staff, upload, confirm, client):
    job = upload(codi_staff, "สมาชิก 2566.xlsx", _workbook_bytes(MEMBERS), "members")
    assert (job.valid_rows, job.error_rows) == (1, 2)
    page = client.get(f"{URL}{job.pk}/").content.decode()
    assert f'href="{URL}{job.pk}/bad-rows/"' in page and "ดาวน์โหลดแถวที่ต้องแก้ไข (2 แถว)" in page
    assert "ระบบจะลบไฟล์ที่อัปโหลดทันทีเมื่อนำเข้าเสร็จ" in page  # it holds national IDs: download first

    response = client.get(f"{URL}{job.pk}/bad-rows/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert "filename*=utf-8''" in response["Content-Disposition"].lower()
    assert response["Cache-Control"] == "no-store"
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert sheet.title == "รายชื่อ"
    assert rows[0] == [*MEMBERS[1], ERRORS_HEADER]  # the user's header, their order, the error column last
    assert rows[1][:7] == [2, "500203", "นางมานี มีนา", bad_checksum(MANEE), "กรรมการ", "1/1/2566", None]
    assert rows[1][7] == ("คอลัมน์ “เลขประจำตัวประชาชน”: เลขประจำตัวประชาชนไม่ถูกต้อง: เลขหลักสุดท้าย "
                          "(เลขตรวจสอบ) ไม่ตรง กรุณาตรวจสอบอีกครั้ง")
    assert rows[2][:7] == [3, "999999", "นายผิดตำบล", None, "กรรมการ", dt.datetime(2023, 1, 1), "-"]
    assert rows[2][7] == "คอลัมน์ “รหัสตำบล”: ไม่พบรหัสตำบล “999999” ในทะเบียนพื้นที่ของกรมการปกครอง"
    assert sheet.cell(3, 6).is_date and len(rows) == 3  # a date cell stays a date cell; no good row, no title
    note = sheet.cell(3, 7)  # "-" as typed: a text cell, quote-prefixed, no apostrophe added
    assert (note.value, note.data_type, note.quotePrefix) == ("-", "s", True)

    # the user downloads it before confirming the good row; the upload is then deleted
    confirm(job, ImportMode.VALID_ONLY)
    assert job.file.name == "" and client.get(f"{URL}{job.pk}/bad-rows/").status_code == 404
    assert "ไฟล์ที่อัปโหลดถูกลบแล้วเพราะมีเลขประจำตัวประชาชน" in client.get(f"{URL}{job.pk}/").content.decode()

    # fixed in Excel: the number retyped, the tambon corrected; uploaded as it is
    sheet.cell(2, 4).value = dashed(MANEE)
    sheet.cell(3, 2).value = "500204"
    buffer = io.BytesIO()
    sheet.parent.save(buffer)
    again = upload(codi_staff, "สมาชิก 2566-แถวที่ต้องแก้ไข.xlsx", buffer.getvalue(), "members")
    assert (again.valid_rows, again.error_rows, again.errors, again.notices) == (
        2, 0, [], ["ไม่นำเข้าคอลัมน์ที่ระบบไม่รู้จัก: ลำดับ, หมายเหตุ"]
    )  # the error column is not an unknown column
    confirm(again, ImportMode.ALL_OR_NOTHING)
    assert again.imported_rows == 2
    assert Person.objects.filter(national_id_hash__isnull=False).count() == 2
    assert set(CouncilMember.objects.values_list("person__full_name", "council__subdistrict__code")) == {
        ("นายสมชาย ใจดี", "500203"), ("นางมานี มีนา", "500203"), ("นายผิดตำบล", "500204")
    }


@pytest.mark.parametrize("encoding,delimiter", [("utf-8-sig", ","), ("cp874", ";"), ("utf-16", "\t")])
def test_a_csv_comes_back_in_its_encoding_and_separator(encoding, delimiter, world, codi_staff, upload, confirm,
                                                        client):
    text = io.StringIO(newline="")
    writer = csv.writer(text, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(corpus.ORG_HEADERS)
    writer.writerow(corpus.org_row(code="CO1"))
    writer.writerow(corpus.org_row(code="CO2", founded="15/03/66"))  # a two-digit year
    writer.writerow(corpus.org_row(code="CO3", members="๑๒.๕"))
    job = upload(codi_staff, "orgs.csv", text.getvalue().encode(encoding), "organizations")
    assert (job.valid_rows, job.error_rows) == (1, 2)

    response = client.get(f"{URL}{job.pk}/bad-rows/")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    content = response.content
    if encoding == "utf-8-sig":
        assert content.startswith(b"\xef\xbb\xbf")
    elif encoding == "utf-16":
        assert content.startswith(b"\xff\xfe")
    decoded = content.decode({"cp874": "cp874", "utf-16": "utf-16"}.get(encoding, "utf-8-sig"))
    rows = list(csv.reader(io.StringIO(decoded, newline=""), delimiter=delimiter))
    assert rows[0] == [*corpus.ORG_HEADERS, ERRORS_HEADER]
    assert rows[1][:9] == [str(v) for v in corpus.org_row(code="CO2", founded="15/03/66")]
    assert rows[1][9].startswith("คอลัมน์ “วันที่ก่อตั้ง (พ.ศ.)”: ปีต้องมี 4 หลัก")
    assert rows[2][0] == "CO3" and rows[2][9].startswith("คอลัมน์ “จำนวนสมาชิก”: ต้องเป็นจำนวนเต็ม")
    assert len(rows) == 3

    confirm(job, ImportMode.VALID_ONLY)
    assert job.file.name  # no national IDs: kept for the retention period, the file still there
    assert client.get(f"{URL}{job.pk}/bad-rows/").status_code == 200
    fixed = decoded.replace("15/03/66", "15/03/2566").replace("๑๒.๕", "๑๒")
    again = upload(codi_staff, "orgs-fixed.csv", fixed.encode(encoding), "organizations")
    assert (again.valid_rows, again.error_rows, again.notices) == (2, 0, [])
    confirm(again, ImportMode.ALL_OR_NOTHING)
    assert set(CommunityOrganization.objects.values_list("code", "member_count")) == {
        ("CO1", 42), ("CO2", 42), ("CO3", 12)
    }


def test_another_users_bad_rows_are_not_found(world, codi_staff, codi_regional, upload, client):
    rows = [corpus.ORG_HEADERS, corpus.org_row(code="CO2", founded="15/03/66")]
    job = upload(codi_staff, "orgs.xlsx", _workbook_bytes(rows), "organizations")
    assert client.get(f"{URL}{job.pk}/bad-rows/").status_code == 200
    client.force_login(codi_regional)
    assert client.get(f"{URL}{job.pk}/bad-rows/").status_code == 404


def test_a_file_without_bad_rows_has_no_bad_rows_file(world, codi_staff, upload, client):
    job = upload(codi_staff, "orgs.xlsx", _workbook_bytes([corpus.ORG_HEADERS, corpus.org_row()]), "organizations")
    assert job.status == JobStatus.WAITING and job.error_rows == 0
    assert client.get(f"{URL}{job.pk}/bad-rows/").status_code == 404
    assert "bad-rows" not in client.get(f"{URL}{job.pk}/").content.decode()
