"""Members files with a national ID column: read as offices type it, checked, stored
encrypted as the person page stores it, matched to people already in the portal by the
keyed hash, never shown in full, and the upload deleted as soon as the import is over."""

import datetime as dt
import os

import openpyxl
import pytest

from common.jobs.choices import JobStatus
from councils import pdpa
from councils.choices import ImportMode
from councils.models import CouncilMember, ImportJob, Person
from councils.services import imports as services
from councils.services import members as member_services
from councils.services.retention import job_files_sweep

pytestmark = pytest.mark.django_db

URL = "/councils/imports/"
HEADER = ["รหัสตำบล", "ชื่อ-สกุล", "เลขบัตรประชาชน", "ตำแหน่ง", "เริ่มวาระ (พ.ศ.)", "สิ้นสุดวาระ (พ.ศ.)"]
THAI = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")


def valid_id(first12: str) -> str:
    return first12 + str(pdpa.check_digit(first12))


def dashed(digits: str) -> str:
    return pdpa.format_national_id(digits)


def bad_checksum(digits: str) -> str:
    return digits[:12] + str((int(digits[12]) + 1) % 10)


SOMCHAI = valid_id("310050012345")
SOMSRI = valid_id("150990001234")
MANEE = valid_id("570120034567")


@pytest.fixture
def upload(client, django_capture_on_commit_callbacks):
    def do(user, path, kind="members"):
        client.force_login(user)
        with path.open("rb") as handle, django_capture_on_commit_callbacks(execute=True):
            response = client.post(URL, {"kind": kind, "file": handle})
        assert response.status_code == 302, response.content.decode()[:2000]
        return ImportJob.objects.order_by("-pk").first()

    return do


@pytest.fixture
def confirm(client, django_capture_on_commit_callbacks):
    def do(job, mode):
        with django_capture_on_commit_callbacks(execute=True):
            client.post(f"{URL}{job.pk}/confirm/", {"mode": mode})
        job.refresh_from_db()

    return do


def members_xlsx(path, rows, header=HEADER):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    workbook.save(path)
    return path


def test_ids_typed_with_thai_digits_dashes_or_as_numbers_are_accepted_and_a_bad_checksum_is_named(
    tmp_path, world, codi_staff, upload, confirm, client
):
    rows = [
        ["500203", "นายสมชาย ใจดี", dashed(SOMCHAI).translate(THAI), "ประธาน", "1/1/2566", "31/12/2569"],
        ["500203", "นางสมศรี ใจงาม", int(SOMSRI), "กรรมการ", "1/1/2566", ""],
        ["500203", "นางมานี มีนา", bad_checksum(MANEE), "เลขาฯ", "๑/๑/๒๕๖๖", "-"],
        ["500203", "นายไม่มีเลข ทดสอบ", "-", "กรรมการ", "1/1/2566", ""],
    ]
    job = upload(codi_staff, members_xlsx(tmp_path / "members.xlsx", rows))
    assert job.holds_national_ids
    assert job.errors == [{
        "row": 4, "column": "เลขบัตรประชาชน",
        "message": "เลขประจำตัวประชาชนไม่ถูกต้อง: เลขหลักสุดท้าย (เลขตรวจสอบ) ไม่ตรง กรุณาตรวจสอบอีกครั้ง",
    }]
    page = client.get(f"{URL}{job.pk}/").content.decode()
    for digits in (SOMCHAI, SOMSRI, MANEE, bad_checksum(MANEE)):
        for shown in (digits, dashed(digits), dashed(digits).translate(THAI)):
            assert shown not in page and shown not in str(job.errors) and shown not in str(job.notices)

    confirm(job, ImportMode.VALID_ONLY)
    assert (job.status, job.imported_rows) == (JobStatus.DONE, 3)
    somchai = Person.objects.get(full_name="นายสมชาย ใจดี")
    # stored exactly as the person page stores it: encrypted, keyed hash, last four digits
    assert pdpa.decrypt(somchai.national_id_ciphertext) == SOMCHAI
    assert somchai.national_id_hash == pdpa.national_id_hash(SOMCHAI)
    assert somchai.national_id_last4 == SOMCHAI[-4:]
    assert pdpa.person_masked_national_id(somchai) == pdpa.mask_national_id(SOMCHAI[-4:])
    assert Person.objects.get(full_name="นางสมศรี ใจงาม").national_id_hash == pdpa.national_id_hash(SOMSRI)
    assert Person.objects.get(full_name="นายไม่มีเลข ทดสอบ").national_id_hash is None
    history = Person.history.get(full_name="นายสมชาย ใจดี")
    assert history.national_id_hash == somchai.national_id_hash and history.national_id_last4 == SOMCHAI[-4:]
    # the person page finds the number taken, as it would for one typed there
    with pytest.raises(Exception, match="มีอยู่แล้วในระบบ"):
        member_services.member_add(council=world.council_y, by=codi_staff, term_start=dt.date(2024, 1, 1),
                                   full_name="คนอื่น", national_id=SOMCHAI)


def test_a_person_already_in_the_portal_gets_a_second_term_not_a_duplicate(
    tmp_path, world, codi_staff, upload, confirm
):
    existing = member_services.member_add(
        council=world.council_x, by=codi_staff, term_start=dt.date(2020, 1, 1), term_end=dt.date(2022, 12, 31),
        full_name="นายสมชาย ใจดี", phone="081-111-1111", national_id=SOMCHAI,
    ).person
    rows = [
        # a term on another council, the name typed a little differently: the same person
        ["500204", "สมชาย ใจดี", SOMCHAI, "กรรมการ", "1/1/2566", ""],
        # a term on X overlapping the one X already has: refused
        ["500203", "สมชาย ใจดี", SOMCHAI, "กรรมการ", "1/6/2565", ""],
    ]
    job = upload(codi_staff, members_xlsx(tmp_path / "m.xlsx", rows))
    assert job.errors == [{
        "row": 3, "column": "เลขบัตรประชาชน",
        "message": "บุคคลนี้ (ตรงกับเลขประจำตัวประชาชนในระบบ) มีวาระในสภานี้ที่ทับซ้อนกับช่วงเวลานี้อยู่แล้ว",
    }]
    assert any("1 แถวเป็นบุคคลที่มีอยู่ในระบบแล้ว" in notice for notice in job.notices)
    confirm(job, ImportMode.VALID_ONLY)
    assert job.imported_rows == 1
    assert Person.objects.count() == 1
    terms = CouncilMember.objects.filter(person=existing).order_by("term_start")
    assert [(t.council, t.term_start) for t in terms] == [
        (world.council_x, dt.date(2020, 1, 1)), (world.council_y, dt.date(2023, 1, 1))
    ]
    existing.refresh_from_db()
    assert (existing.full_name, existing.phone) == ("นายสมชาย ใจดี", "081-111-1111")  # kept as it was


def test_the_same_person_twice_in_one_file_is_one_person_unless_names_or_terms_clash(
    tmp_path, world, codi_staff, upload, confirm
):
    rows = [
        ["500203", "นางสมศรี ใจงาม", SOMSRI, "กรรมการ", "1/1/2560", "31/12/2563"],
        ["500203", "นางสมศรี ใจงาม", dashed(SOMSRI), "ประธาน", "1/1/2564", ""],  # her next term: merged
        ["500204", "นางสมศรี ใจงาม", SOMSRI.translate(THAI), "กรรมการ", "1/1/2564", ""],  # another council: merged
        ["500203", "นางสมศรี ใจงาม", SOMSRI, "กรรมการ", "1/1/2565", ""],  # overlaps row 3
        ["500203", "นายคนอื่น ชื่อไม่ตรง", SOMSRI, "กรรมการ", "1/1/2560", ""],  # same number, another name
    ]
    job = upload(codi_staff, members_xlsx(tmp_path / "m.xlsx", rows))
    assert job.errors == [
        {"row": 5, "column": "เลขบัตรประชาชน",
         "message": "บุคคลเดียวกัน (เลขประจำตัวประชาชนเดียวกัน) มีวาระในสภาเดียวกันที่ทับซ้อนกับแถวที่ 3"},
        {"row": 6, "column": "เลขบัตรประชาชน",
         "message": "เลขประจำตัวประชาชนเดียวกับแถวที่ 2 แต่ชื่อ-สกุลไม่ตรงกัน กรุณาตรวจสอบว่าพิมพ์เลขหรือชื่อผิด"},
    ]
    confirm(job, ImportMode.VALID_ONLY)
    assert job.imported_rows == 3
    person = Person.objects.get()
    assert person.national_id_hash == pdpa.national_id_hash(SOMSRI)
    assert person.terms.count() == 3 and Person.history.count() == 1


@pytest.mark.parametrize("spelling", ["เลขประจำตัวประชาชน", "เลขที่บัตรประชาชน", "เลขประจําตัวประชาชน 13 หลัก",
                                      "เลขบัตร ปชช.", "บัตรประจำตัวประชาชน"])
def test_common_header_spellings_are_the_national_id_column(spelling, tmp_path, world, codi_staff, upload):
    header = [*HEADER[:2], spelling, *HEADER[3:]]
    job = upload(codi_staff, members_xlsx(tmp_path / "m.xlsx", [["500203", "ก ข", SOMCHAI, "", "1/1/2566", ""]],
                                          header=header))
    assert (job.errors, job.valid_rows, job.notices, job.holds_national_ids) == ([], 1, [], True)


def test_a_file_with_national_ids_is_deleted_when_its_import_finishes(
    tmp_path, world, codi_staff, upload, confirm, caplog
):
    job = upload(codi_staff, members_xlsx(tmp_path / "m.xlsx", [["500203", "ก ข", SOMCHAI, "", "1/1/2566", ""]]))
    path = job.file.path
    assert os.path.exists(path)
    with caplog.at_level("INFO", logger="councils.services.retention"):
        confirm(job, ImportMode.ALL_OR_NOTHING)
    assert job.status == JobStatus.DONE and job.file.name == "" and not os.path.exists(path)
    assert f"of import job {job.pk} (import finished, holds national ID numbers)" in caplog.text
    assert SOMCHAI not in caplog.text


def test_a_members_file_without_national_ids_keeps_the_retention_period(tmp_path, world, codi_staff, upload, confirm):
    job = upload(codi_staff, members_xlsx(tmp_path / "m.xlsx", [["500203", "ก ข", "", "", "1/1/2566", ""]]))
    assert not job.holds_national_ids
    confirm(job, ImportMode.ALL_OR_NOTHING)
    assert job.status == JobStatus.DONE and job.file.name and os.path.exists(job.file.path)


def test_a_refused_file_with_national_ids_is_deleted_at_once(tmp_path, world, codi_staff, upload):
    # no tambon column: the header is refused, the whole file with it
    header = ["ชื่อ-สกุล", "เลขประจำตัวประชาชน", "เริ่มวาระ (พ.ศ.)"]
    job = upload(codi_staff, members_xlsx(tmp_path / "m.xlsx", [["ก ข", SOMCHAI, "1/1/2566"]], header=header))
    assert job.status == JobStatus.WAITING and job.valid_rows == 0
    assert job.holds_national_ids and job.file.name == ""


def test_a_failed_import_with_national_ids_loses_its_file(tmp_path, world, codi_staff, upload):
    job = upload(codi_staff, members_xlsx(tmp_path / "m.xlsx", [["500203", "ก ข", SOMCHAI, "", "1/1/2566", ""]]))
    path = job.file.path
    services.import_job_fail(job_id=job.pk, reason="ทดสอบ")
    job.refresh_from_db()
    assert job.status == JobStatus.FAILED and job.file.name == "" and not os.path.exists(path)


def test_the_sweep_removes_files_with_national_ids_left_at_the_preview(
    settings, tmp_path, world, codi_staff, upload, caplog
):
    settings.IMPORT_NATIONAL_ID_HOLD_HOURS = 24
    job = upload(codi_staff, members_xlsx(tmp_path / "m.xlsx", [["500203", "ก ข", SOMCHAI, "", "1/1/2566", ""]]))
    plain = upload(codi_staff, members_xlsx(tmp_path / "p.xlsx", [["500203", "ก ข", "", "", "1/1/2566", ""]]))
    path = job.file.path
    assert job_files_sweep(now=job.requested_at + dt.timedelta(hours=23)) == {"imports": 0, "exports": 0}
    with caplog.at_level("INFO", logger="councils.services.retention"):
        assert job_files_sweep(now=job.requested_at + dt.timedelta(hours=25)) == {"imports": 1, "exports": 0}
    job.refresh_from_db()
    plain.refresh_from_db()
    assert job.file.name == "" and not os.path.exists(path)
    assert plain.file.name and os.path.exists(plain.file.path)  # no national IDs: the 7 days apply
    assert f"of import job {job.pk} (holds national ID numbers)" in caplog.text
