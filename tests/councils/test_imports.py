"""Importing from XLSX and CSV through the page for CODI staff: preview first, every bad row
named by row, column and a Thai message, nothing written until the user chooses."""

import datetime as dt

import openpyxl
import pytest

from common.jobs.choices import JobStatus
from councils.choices import ImportMode, ImportStage, MemberPosition, OrganizationKind
from councils.models import CommunityOrganization, Council, CouncilMember, ImportJob, Person
from councils.services import imports as services

from ..factories import CommunityOrganizationFactory, SubdistrictFactory
from . import import_corpus as corpus

pytestmark = pytest.mark.django_db

URL = "/councils/imports/"
KINDS_LABELS = "กลุ่มในหมู่บ้าน, กลุ่มอาชีพ, กองทุนสวัสดิการ, กลุ่มออมทรัพย์, เครือข่าย, อื่น ๆ"


@pytest.fixture
def upload(client, django_capture_on_commit_callbacks):
    """upload(user, path, kind) -> (response, job): the form post, with the check job run
    (Celery is eager in tests; the job is queued on commit)."""

    def do(user, path, kind="organizations"):
        client.force_login(user)
        with path.open("rb") as handle, django_capture_on_commit_callbacks(execute=True):
            response = client.post(URL, {"kind": kind, "file": handle})
        job = ImportJob.objects.order_by("-pk").first()
        return response, job

    return do


@pytest.fixture
def confirm(client, django_capture_on_commit_callbacks):
    def do(job, mode):
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(f"{URL}{job.pk}/confirm/", {"mode": mode})
        job.refresh_from_db()
        return response

    return do


def _build(fmt, tmp_path, rows, header=None, kind="organizations"):
    write = corpus.write_xlsx if fmt == "xlsx" else corpus.write_csv
    return write(tmp_path / f"{kind}.{fmt}", rows, header, kind=kind)


# The whole happy path ----------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_a_valid_file_is_previewed_then_imported_whole_with_history(
    fmt, tmp_path, world, codi_staff, upload, confirm, client
):
    rows = corpus.good_org_rows()
    if fmt == "csv":
        rows[1][7] = "20/05/2564"  # a CSV has no date cells
    response, job = upload(codi_staff, _build(fmt, tmp_path, rows))
    assert response.status_code == 302 and response["Location"] == f"{URL}{job.pk}/"
    assert (job.status, job.total_rows, job.valid_rows, job.error_rows, job.errors) == (
        JobStatus.WAITING, 3, 3, 0, []
    )
    assert CommunityOrganization.objects.count() == 0, "nothing is written before the user confirms"
    page = client.get(f"{URL}{job.pk}/").content.decode()
    assert ">นำเข้าทั้งหมด</button>" in page and "นำเข้าเฉพาะแถวที่ถูกต้อง (" not in page

    response = confirm(job, ImportMode.ALL_OR_NOTHING)
    assert response.status_code == 302
    assert (job.status, job.imported_rows, job.mode) == (JobStatus.DONE, 3, ImportMode.ALL_OR_NOTHING)
    orgs = {o.code: o for o in CommunityOrganization.objects.select_related("council")}
    first = orgs["CO500203001"]
    assert (first.council, first.name, first.kind, first.village_code, first.village_name) == (
        world.council_x, "กลุ่มออมทรัพย์บ้านหลวง", OrganizationKind.SAVINGS_GROUP, "50020301", "บ้านหลวง"
    )
    assert (first.founded_on, first.registered_on, first.member_count) == (dt.date(1997, 3, 15), dt.date(2023, 10, 1), 42)
    second = orgs["CO500204001"]
    assert (second.council, second.kind, second.founded_on, second.registered_on, second.member_count) == (
        world.council_y, OrganizationKind.OCCUPATION_GROUP, dt.date(1992, 6, 1), dt.date(2021, 5, 20), 1200
    )
    third = orgs["CO500401001"]
    assert (third.kind, third.founded_on, third.village_code, third.member_count) == (
        OrganizationKind.NETWORK, None, "", 0
    )
    history = CommunityOrganization.history.filter(code="CO500203001").get()
    assert (history.history_type, history.history_user, history.history_change_reason) == (
        "+", codi_staff, f"นำเข้าจากไฟล์ (งานนำเข้า #{job.pk})"
    )
    assert CommunityOrganization.history.count() == 3
    # a second confirmation does nothing
    confirm(job, ImportMode.ALL_OR_NOTHING)
    assert CommunityOrganization.objects.count() == 3


# Every bad case: exact row, column and Thai message, and nothing written --------------------

BAD_CASES = {
    "unknown area code": (
        corpus.org_row(code="CO9", tambon="999999", village=""),
        [(5, "รหัสตำบล", "ไม่พบรหัสตำบล “999999” ในทะเบียนพื้นที่ของกรมการปกครอง")],
    ),
    "christian-era year in a buddhist-era column": (
        corpus.org_row(code="CO9", founded="15/03/2023"),
        [(5, "วันที่ก่อตั้ง (พ.ศ.)", "ปี 2023 เป็นปี ค.ศ. แต่คอลัมน์นี้ใช้ปี พ.ศ. (เช่น 2566)")],
    ),
    "two-digit year": (
        corpus.org_row(code="CO9", founded="15/03/66"),
        [(5, "วันที่ก่อตั้ง (พ.ศ.)", "ปีต้องมี 4 หลัก ค่าที่พบ “15/03/66” กำกวมว่าเป็นปีใด (เช่น 15/03/2566)")],
    ),
    "impossible date": (
        corpus.org_row(code="CO9", founded="31/02/2566"),
        [(5, "วันที่ก่อตั้ง (พ.ศ.)", "ไม่มีวันที่นี้ในปฏิทิน ค่าที่พบ “31/02/2566”")],
    ),
    "thai digits in a number that is not whole": (
        corpus.org_row(code="CO9", members="๑๒.๕"),
        [(5, "จำนวนสมาชิก", "ต้องเป็นจำนวนเต็ม ค่าที่พบ “๑๒.๕”")],  # shown as the user typed it
    ),
    "a thai month name with a two-digit year": (
        corpus.org_row(code="CO9", founded="15 มี.ค. 67"),
        [(5, "วันที่ก่อตั้ง (พ.ศ.)", "ปีต้องมี 4 หลัก ค่าที่พบ “15 มี.ค. 67” กำกวมว่าเป็นปีใด (เช่น 15/03/2566)")],
    ),
    "not a whole number": (
        corpus.org_row(code="CO9", members="12.5"),
        [(5, "จำนวนสมาชิก", "ต้องเป็นจำนวนเต็ม ค่าที่พบ “12.5”")],
    ),
    "blank required field": (
        corpus.org_row(code="CO9", name=""),
        [(5, "ชื่อองค์กร", "ห้ามเว้นว่าง")],
    ),
    "unknown kind": (
        corpus.org_row(code="CO9", kind="สหกรณ์"),
        [(5, "ประเภท", f"ไม่รู้จักค่า “สหกรณ์” ค่าที่ใช้ได้: {KINDS_LABELS}")],
    ),
    "duplicate code in the file": (
        corpus.org_row(code="CO500203001", name="ซ้ำ"),
        [(5, "รหัสองค์กร (พอช.)", "รหัสองค์กร “CO500203001” ซ้ำกับแถวที่ 2 ในไฟล์")],
    ),
    "a code with a hidden zero-width space duplicates one in the file": (
        corpus.org_row(code="CO500203\u200b001", name="ซ้ำ"),
        [(5, "รหัสองค์กร (พอช.)", "รหัสองค์กร “CO500203001” ซ้ำกับแถวที่ 2 ในไฟล์")],
    ),
    "a code with a hidden byte-order mark and soft hyphen duplicates one in the database": (
        corpus.org_row(code="\ufeffCO500203\u00ad999"),
        [(5, "รหัสองค์กร (พอช.)", "รหัสองค์กร “CO500203999” มีอยู่ในระบบแล้ว")],
    ),
    "duplicate code in the database": (
        corpus.org_row(code="CO500203999"),
        [(5, "รหัสองค์กร (พอช.)", "รหัสองค์กร “CO500203999” มีอยู่ในระบบแล้ว")],
    ),
    "village outside the tambon": (
        corpus.org_row(code="CO9", village="50040101"),
        [(5, "รหัสหมู่บ้าน", "รหัสหมู่บ้าน “50040101” ไม่ได้อยู่ในตำบล 500203 (ต้องขึ้นต้นด้วย 500203)")],
    ),
    "tambon without a council": (
        corpus.org_row(code="CO9", tambon="500299", village=""),
        [(5, "รหัสตำบล", "ตำบล 500299 (ตำบลไร้สภา) ยังไม่มีสภาองค์กรชุมชนตำบลในระบบ กรุณานำเข้าสภาก่อน")],
    ),
    "several problems in one row": (
        corpus.org_row(code="CO9", name="", members="-3"),
        [(5, "ชื่อองค์กร", "ห้ามเว้นว่าง"), (5, "จำนวนสมาชิก", "ต้องไม่น้อยกว่า 0 ค่าที่พบ -3")],
    ),
}


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
@pytest.mark.parametrize("case", list(BAD_CASES))
def test_each_bad_row_is_named_and_nothing_is_written(case, fmt, tmp_path, world, codi_staff, upload, client):
    CommunityOrganizationFactory(council=world.council_x, code="CO500203999")
    SubdistrictFactory(district=world.district, code="500299", name_th="ตำบลไร้สภา")
    bad_row, expected = BAD_CASES[case]
    rows = [*corpus.good_org_rows(), bad_row]
    rows[1][7] = "20/05/2564"
    _response, job = upload(codi_staff, _build(fmt, tmp_path, rows))
    assert job.status == JobStatus.WAITING
    assert job.errors == [{"row": r, "column": c, "message": m} for r, c, m in expected]
    assert (job.total_rows, job.valid_rows, job.error_rows) == (4, 3, 1)
    assert CommunityOrganization.objects.count() == 1  # only the one made above
    page = client.get(f"{URL}{job.pk}/").content.decode()
    assert all(message in page for _row, _column, message in expected)
    assert ">นำเข้าทั้งหมด</button>" not in page
    assert ">นำเข้าเฉพาะแถวที่ถูกต้อง (3 แถว)</button>" in page


DATE_CELL_CASES = {
    "buddhist-era year typed into an excel date cell": (
        corpus.org_row(code="CO9", registered=dt.date(2566, 3, 15)),
        "เซลล์วันที่ของ Excel มีปี ค.ศ. 2566 ซึ่งน่าจะเป็นปี พ.ศ. ที่พิมพ์ลงในเซลล์วันที่ กรุณาพิมพ์วันที่เป็นข้อความ "
        "เช่น 15/03/2566",
    ),
    "date in the future": (
        corpus.org_row(code="CO9", registered=dt.date.today() + dt.timedelta(days=30)),
        "วันที่ต้องไม่เป็นวันในอนาคต",
    ),
}


@pytest.mark.parametrize("case", list(DATE_CELL_CASES))
def test_excel_date_cells_are_checked(case, tmp_path, world, codi_staff, upload):
    bad_row, message = DATE_CELL_CASES[case]
    _response, job = upload(codi_staff, _build("xlsx", tmp_path, [corpus.org_row(), bad_row]))
    assert job.errors == [{"row": 3, "column": "วันที่จดแจ้ง (พ.ศ.)", "message": message}]
    assert CommunityOrganization.objects.count() == 0


def test_a_christian_era_column_refuses_buddhist_era_years(tmp_path, world, codi_staff, upload):
    header = [h.replace("วันที่ก่อตั้ง (พ.ศ.)", "วันที่ก่อตั้ง (ค.ศ.)") for h in corpus.ORG_HEADERS]
    rows = [corpus.org_row(founded="15/03/1997"), corpus.org_row(code="CO9", founded="15/03/2566")]
    _response, job = upload(codi_staff, _build("csv", tmp_path, rows, header))
    assert job.errors == [
        {"row": 3, "column": "วันที่ก่อตั้ง (ค.ศ.)", "message": "ปี 2566 เป็นปี พ.ศ. แต่คอลัมน์นี้ใช้ปี ค.ศ. (เช่น 2023)"}
    ]
    assert job.valid_rows == 1


def test_a_wrong_header_is_reported_on_row_one(tmp_path, world, codi_staff, upload):
    header = [h.replace("ชื่อองค์กร", "ชื่อองกร") for h in corpus.ORG_HEADERS]
    _response, job = upload(codi_staff, _build("xlsx", tmp_path, corpus.good_org_rows(), header))
    allowed = ", ".join(corpus.ORG_HEADERS)
    assert job.errors == [
        {"row": 1, "column": "ชื่อองกร", "message": f"ไม่รู้จักคอลัมน์ “ชื่อองกร” หัวตารางที่ใช้ได้: {allowed}"},
        {"row": 1, "column": "ชื่อองค์กร", "message": "ไม่พบคอลัมน์ “ชื่อองค์กร” ในแถวหัวตาราง (แถวที่ 1)"},
    ]
    assert (job.valid_rows, job.status) == (0, JobStatus.WAITING)


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_title_rows_a_wrapped_header_and_extra_columns_are_accepted_and_said(
    fmt, tmp_path, world, codi_staff, upload, client
):
    """The shape offices send: a title line and a blank line above the header, a header
    typed over two lines in its cell, ลำดับ and หมายเหตุ columns of their own."""
    header = ["ลำดับ", *[h.replace("ชื่อองค์กร", "ชื่อ\nองค์กร") for h in corpus.ORG_HEADERS], "หมายเหตุ"]
    good = corpus.good_org_rows()
    good[1][7] = "20/05/2564"  # a CSV has no date cells
    rows = [[n, *row, "ตรวจแล้ว"] for n, row in enumerate(good, start=1)]
    title = ["ทะเบียนองค์กรชุมชน จังหวัดเชียงใหม่ ปี 2567"] + [None] * (len(header) - 1)
    path = _build(fmt, tmp_path, [[None] * len(header), header, *rows], header=title)
    response, job = upload(codi_staff, path)
    assert (job.total_rows, job.valid_rows, job.errors) == (3, 3, [])
    assert job.notices == [
        "ใช้แถวที่ 3 เป็นหัวตาราง แถวก่อนหน้านั้นถือเป็นชื่อเรื่องและไม่นำเข้า",
        "ไม่นำเข้าคอลัมน์ที่ระบบไม่รู้จัก: ลำดับ, หมายเหตุ",
    ]
    page = client.get(f"{URL}{job.pk}/").content.decode()
    assert "ใช้แถวที่ 3 เป็นหัวตาราง" in page and "ไม่นำเข้าคอลัมน์ที่ระบบไม่รู้จัก: ลำดับ, หมายเหตุ" in page


def test_the_worksheet_holding_the_header_is_read_and_named(tmp_path, world, codi_staff, upload):
    workbook = openpyxl.Workbook()
    notes = workbook.active
    notes.title = "คำอธิบาย"
    notes.append(["กรอกข้อมูลในแผ่นงานถัดไป"])
    data = workbook.create_sheet("ข้อมูลองค์กร")
    data.append(corpus.ORG_HEADERS)
    for row in corpus.good_org_rows():
        data.append(row)
    path = tmp_path / "orgs.xlsx"
    workbook.save(path)
    _response, job = upload(codi_staff, path)
    assert (job.valid_rows, job.errors) == (3, [])
    assert job.notices == ["ไฟล์มี 2 แผ่นงาน อ่านแผ่นงาน “ข้อมูลองค์กร” ซึ่งมีหัวตารางตรงกับแบบฟอร์ม"]


def test_a_date_header_must_name_its_era(tmp_path, world, codi_staff, upload):
    header = [h.replace("วันที่ก่อตั้ง (พ.ศ.)", "วันที่ก่อตั้ง") for h in corpus.ORG_HEADERS]
    _response, job = upload(codi_staff, _build("csv", tmp_path, corpus.good_org_rows(), header))
    assert job.errors == [{
        "row": 1, "column": "วันที่ก่อตั้ง",
        "message": "หัวคอลัมน์วันที่ “วันที่ก่อตั้ง” ต้องระบุปีเป็น (พ.ศ.) หรือ (ค.ศ.) เช่น “วันที่ก่อตั้ง (พ.ศ.)”",
    }]


def test_a_file_with_only_a_header_says_so(tmp_path, world, codi_staff, upload):
    _response, job = upload(codi_staff, _build("xlsx", tmp_path, []))
    assert job.errors == [{"row": 2, "column": "", "message": "ไม่พบข้อมูลในไฟล์ (มีแต่หัวตาราง)"}]


def test_rows_outside_a_regional_codi_area_are_errors(tmp_path, world, codi_regional, upload):
    rows = [corpus.org_row(), corpus.org_row(code="CO570101001", tambon="570101", village="57010101")]
    _response, job = upload(codi_regional, _build("xlsx", tmp_path, rows))
    assert job.errors == [
        {"row": 3, "column": "รหัสตำบล", "message": "ตำบล 570101 (เวียง) อยู่นอกพื้นที่ที่คุณรับผิดชอบ"}
    ]


# Whole-file problems: refused at upload, nothing stored ------------------------------------

FILE_CASES = {
    "wrong file type": (corpus.png, "ไฟล์ต้องเป็น Excel (.xlsx) หรือ CSV เท่านั้น ไฟล์ที่ส่งมาไม่ใช่ทั้งสองแบบ"),
    "encrypted workbook": (
        corpus.encrypted_xlsx,
        "ไฟล์ถูกเข้ารหัสด้วยรหัสผ่าน ระบบจึงอ่านไม่ได้ กรุณาเปิดใน Excel เอารหัสผ่านออก แล้วบันทึกใหม่ก่อนนำเข้า",
    ),
    "old xls": (corpus.legacy_xls, "ไฟล์ Excel รุ่นเก่า (.xls) ใช้ไม่ได้ กรุณาเปิดใน Excel แล้วบันทึกเป็น .xlsx"),
}


@pytest.mark.parametrize("case", list(FILE_CASES))
def test_unreadable_files_are_refused_at_upload(case, tmp_path, world, codi_staff, upload):
    make, message = FILE_CASES[case]
    response, job = upload(codi_staff, make(tmp_path / "upload.xlsx"))
    assert response.status_code == 200
    assert job is None and ImportJob.objects.count() == 0
    assert response.context["form"].errors == {"file": [message]}


def test_a_corrupt_workbook_is_refused(tmp_path, world, codi_staff, upload):
    good = corpus.write_xlsx(tmp_path / "good.xlsx", corpus.good_org_rows())
    response, job = upload(codi_staff, corpus.truncated_xlsx(tmp_path / "broken.xlsx", good))
    assert job is None
    assert response.context["form"].errors == {
        "file": ["ไฟล์ Excel เสียหายหรือไม่สมบูรณ์ จึงเปิดอ่านไม่ได้ กรุณาเปิดใน Excel แล้วบันทึกเป็น .xlsx ใหม่"]
    }


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_what_people_type_is_read_thai_digits_thai_months_and_dashes(fmt, tmp_path, world, codi_staff, upload, confirm):
    rows = [
        corpus.org_row(code="CO๕๐๐๒๐๓๐๐๑", tambon="๕๐๐๒๐๓", village="๕๐๐๒๐๓๐๑", founded="๑๕/๐๓/๒๕๔๐",
                       registered="1 ต.ค. 2566", members="๑,๒๐๐"),
        corpus.org_row(code="CO500203002", founded="15 มีนาคม 2540", registered="15 มีค 2566", members="-",
                       village="-", village_name="–"),
    ]
    _response, job = upload(codi_staff, _build(fmt, tmp_path, rows))
    assert (job.valid_rows, job.errors) == (2, [])
    confirm(job, ImportMode.ALL_OR_NOTHING)
    first, second = CommunityOrganization.objects.order_by("code")
    assert (first.code, first.village_code, first.founded_on, first.registered_on, first.member_count) == (
        "CO500203001", "50020301", dt.date(1997, 3, 15), dt.date(2023, 10, 1), 1200
    )
    assert (second.founded_on, second.registered_on, second.member_count, second.village_code, second.village_name) == (
        dt.date(1997, 3, 15), dt.date(2023, 3, 15), 0, "", ""
    )


def test_excel_unicode_text_utf16_tab_separated_is_read(tmp_path, world, codi_staff, upload):
    header = "\t".join(corpus.headers("organizations"))
    line = "\t".join(str(v) for v in corpus.org_row())
    path = tmp_path / "orgs.txt"
    path.write_bytes(("\ufeff" + header + "\r\n" + line + "\r\n").encode("utf-16-le"))
    _response, job = upload(codi_staff, path)
    assert (job.total_rows, job.valid_rows, job.errors) == (1, 1, [])


def test_names_are_stored_without_invisible_characters(tmp_path, world, codi_staff, upload, confirm):
    rows = [corpus.org_row(name="กลุ่มออม\u200bทรัพย์\u00adบ้านหลวง")]
    _response, job = upload(codi_staff, corpus.write_csv(tmp_path / "orgs.csv", rows))
    assert (job.valid_rows, job.errors) == (1, [])
    confirm(job, ImportMode.ALL_OR_NOTHING)
    assert CommunityOrganization.objects.get().name == "กลุ่มออมทรัพย์บ้านหลวง"


def test_a_workbook_with_damaged_deflate_data_is_refused_like_a_truncated_one(tmp_path, world, codi_staff, upload):
    good = corpus.write_xlsx(tmp_path / "good.xlsx", corpus.good_org_rows())
    response, job = upload(codi_staff, corpus.bad_deflate_xlsx(tmp_path / "damaged.xlsx", good))
    assert response.status_code == 200
    assert job is None and ImportJob.objects.count() == 0
    assert response.context["form"].errors == {
        "file": ["ไฟล์ Excel เสียหายหรือไม่สมบูรณ์ จึงเปิดอ่านไม่ได้ กรุณาเปิดใน Excel แล้วบันทึกเป็น .xlsx ใหม่"]
    }


def test_a_file_over_the_size_limit_is_refused(settings, tmp_path, world, codi_staff, upload):
    settings.IMPORT_MAX_UPLOAD_BYTES = 1024 * 1024
    path = corpus.write_csv(tmp_path / "big.csv", [corpus.org_row(code=f"CO{i:07d}") for i in range(16_000)])
    assert path.stat().st_size > 1024 * 1024
    response, job = upload(codi_staff, path)
    assert job is None
    size = f"{path.stat().st_size / (1024 * 1024):.1f}".rstrip("0").rstrip(".")
    assert response.context["form"].errors == {"file": [f"ไฟล์ใหญ่เกิน 1 MB (ไฟล์นี้ {size} MB) กรุณาแบ่งเป็นหลายไฟล์"]}


def test_a_csv_with_a_quote_left_open_is_refused_not_silently_shortened(tmp_path, world, codi_staff, upload):
    """Seven rows, the third with an opening quote never closed: the reader would put rows
    3 to 7 into one cell and say "3 rows". The file is refused, naming where it broke."""
    rows = [corpus.org_row(code=f"CO50020300{i}") for i in range(1, 8)]
    path = corpus.write_csv(tmp_path / "orgs.csv", rows)
    lines = path.read_text(encoding="utf-8-sig").splitlines(keepends=True)
    lines[3] = lines[3].replace("กลุ่มออมทรัพย์บ้านหลวง", '"กลุ่มออมทรัพย์บ้านหลวง', 1)
    path.write_text("".join(lines), encoding="utf-8-sig")
    _response, job = upload(codi_staff, path)
    assert job.status == JobStatus.WAITING
    assert job.valid_rows == 0
    assert job.errors == [{
        "row": 0, "column": "ไฟล์",
        "message": "โครงสร้างไฟล์ CSV ไม่ถูกต้อง (เครื่องหมายคำพูดไม่ครบคู่) ใกล้แถวที่ 4",
    }]


def test_a_csv_cell_with_a_real_line_break_is_kept(tmp_path, world, codi_staff, upload):
    rows = [corpus.org_row(village_name="บ้านหลวง\nหมู่ 1, ใกล้วัด")]
    _response, job = upload(codi_staff, corpus.write_csv(tmp_path / "orgs.csv", rows))
    assert (job.total_rows, job.valid_rows, job.errors) == (1, 1, [])


def test_an_entity_bomb_inside_a_workbook_is_refused_without_expanding(tmp_path, world, codi_staff, upload):
    good = corpus.write_xlsx(tmp_path / "good.xlsx", corpus.good_org_rows())
    _response, job = upload(codi_staff, corpus.entity_bomb_xlsx(tmp_path / "bomb.xlsx", good))
    assert job.status == JobStatus.WAITING
    assert job.errors == [{
        "row": 0, "column": "ไฟล์",
        "message": "ไฟล์ Excel เสียหายหรือไม่สมบูรณ์ จึงเปิดอ่านไม่ได้ กรุณาเปิดใน Excel แล้วบันทึกเป็น .xlsx ใหม่",
    }]
    assert job.valid_rows == 0


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-8", "cp874"])
def test_csv_in_utf8_or_thai_windows_encoding(encoding, tmp_path, world, codi_staff, upload):
    path = corpus.write_csv(tmp_path / "orgs.csv", [corpus.org_row()], encoding=encoding)
    _response, job = upload(codi_staff, path)
    assert (job.valid_rows, job.errors) == (1, [])


# Choosing what to write --------------------------------------------------------------------


def test_all_rows_is_refused_while_a_row_is_wrong_and_valid_only_writes_only_valid_rows(
    tmp_path, world, codi_staff, upload, confirm, client
):
    rows = [corpus.org_row(), corpus.org_row(code="CO9", tambon="999999", village=""),
            corpus.org_row(code="CO500204001", tambon="500204", village="")]
    _response, job = upload(codi_staff, _build("xlsx", tmp_path, rows))
    assert (job.valid_rows, job.error_rows) == (2, 1)

    response = confirm(job, ImportMode.ALL_OR_NOTHING)
    assert job.status == JobStatus.WAITING and CommunityOrganization.objects.count() == 0
    page = client.get(response["Location"]).content.decode()
    assert "ไฟล์ยังมีแถวที่ผิดพลาด 1 แถว จึงนำเข้าทั้งหมดไม่ได้" in page

    confirm(job, ImportMode.VALID_ONLY)
    assert (job.status, job.mode, job.imported_rows) == (JobStatus.DONE, ImportMode.VALID_ONLY, 2)
    assert sorted(CommunityOrganization.objects.values_list("code", flat=True)) == ["CO500203001", "CO500204001"]
    assert CommunityOrganization.history.count() == 2


def test_a_code_registered_after_the_preview_stops_an_all_or_nothing_import(
    tmp_path, world, codi_staff, upload, confirm
):
    _response, job = upload(codi_staff, _build("xlsx", tmp_path, corpus.good_org_rows()))
    CommunityOrganizationFactory(council=world.council_y, code="CO500204001")  # someone else, meanwhile
    confirm(job, ImportMode.ALL_OR_NOTHING)
    assert (job.status, job.valid_rows, job.error_rows) == (JobStatus.WAITING, 2, 1)
    assert job.errors == [{
        "row": 3, "column": "รหัสองค์กร (พอช.)",
        "message": "ข้อมูลในระบบเปลี่ยนไปหลังการตรวจสอบ: รหัสองค์กร “CO500204001” มีอยู่ในระบบแล้ว",
    }]
    assert CommunityOrganization.objects.count() == 1
    confirm(job, ImportMode.VALID_ONLY)
    assert (job.status, job.imported_rows) == (JobStatus.DONE, 2)
    assert CommunityOrganization.objects.count() == 3


# Councils and members ----------------------------------------------------------------------


def test_councils_are_imported_into_tambons_without_one(tmp_path, world, codi_staff, upload, confirm):
    SubdistrictFactory(district=world.district, code="500205", name_th="ดอยแก้ว")
    rows = [corpus.council_row(), corpus.council_row(tambon="500203", name="ซ้ำกับสภาที่มีอยู่")]
    _response, job = upload(codi_staff, _build("xlsx", tmp_path, rows, kind="councils"), kind="councils")
    assert job.errors == [{"row": 3, "column": "รหัสตำบล", "message": "ตำบล 500203 มีสภาองค์กรชุมชนตำบลในระบบแล้ว"}]
    confirm(job, ImportMode.VALID_ONLY)
    council = Council.objects.get(subdistrict__code="500205")
    assert (council.name, council.status, council.registration_number, council.registered_on, council.email,
            council.is_published) == (
        "สภาองค์กรชุมชนตำบลทดสอบ", "active", "สอช.500205", dt.date(2009, 2, 1), "council@example.org", True
    )
    assert council.history.get().history_user == codi_staff


def test_members_are_imported_with_their_people(tmp_path, world, codi_staff, upload, confirm):
    CommunityOrganizationFactory(council=world.council_x, code="CO500203001")
    CommunityOrganizationFactory(council=world.council_z, code="CO500401001")
    rows = [
        corpus.member_row(organization="CO500203001"),
        corpus.member_row(name="นางสมศรี ใจงาม", position="สมาชิก", organization="", end=""),
        corpus.member_row(name="นายผิดสภา", organization="CO500401001"),
        corpus.member_row(name="นายวาระกลับหัว", start="01/01/2569", end="01/01/2566"),
        corpus.member_row(name="นายสมชาย  ใจดี"),  # the same person and term as row 2
    ]
    _response, job = upload(codi_staff, _build("xlsx", tmp_path, rows, kind="members"), kind="members")
    assert job.errors == [
        {"row": 4, "column": "รหัสองค์กร (พอช.)", "message": "องค์กรรหัส “CO500401001” ไม่ได้อยู่ในสภาของตำบล 500203"},
        {"row": 5, "column": "สิ้นสุดวาระ (พ.ศ.)", "message": "วันสิ้นสุดวาระต้องไม่ก่อนวันเริ่มวาระ"},
        {"row": 6, "column": "ชื่อ-สกุล", "message": "สมาชิกคนนี้ในวาระเดียวกันซ้ำกับแถวที่ 2 ในไฟล์"},
    ]
    confirm(job, ImportMode.VALID_ONLY)
    assert job.imported_rows == 2
    chair = CouncilMember.objects.select_related("person", "organization").get(position=MemberPosition.CHAIR)
    assert (chair.council, chair.person.full_name, chair.person.phone, chair.organization.code, chair.term_start,
            chair.term_end) == (world.council_x, "นายสมชาย ใจดี", "081-000-0000", "CO500203001",
                                dt.date(2023, 1, 1), dt.date(2026, 12, 31))
    assert Person.objects.filter(national_id_hash__isnull=True).count() == 2
    assert CouncilMember.history.count() == 2 and Person.history.count() == 2


# Permissions and the page ------------------------------------------------------------------


@pytest.mark.parametrize("persona", ["staff_x", "officer_d", "agency_officer", "plain_user"])
def test_the_import_page_is_refused_to_everyone_but_codi(persona, request, client, tmp_path):
    user = request.getfixturevalue(persona)
    client.force_login(user)
    assert client.get(URL).status_code == 403
    path = corpus.write_xlsx(tmp_path / "o.xlsx", [corpus.org_row()])
    with path.open("rb") as handle:
        assert client.post(URL, {"kind": "organizations", "file": handle}).status_code == 403
    assert ImportJob.objects.count() == 0


def test_anonymous_visitors_are_sent_to_log_in(client):
    response = client.get(URL)
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")


def test_another_users_job_is_not_found(tmp_path, world, codi_staff, codi_regional, upload, client):
    _response, job = upload(codi_staff, _build("xlsx", tmp_path, corpus.good_org_rows()))
    client.force_login(codi_regional)
    assert client.get(f"{URL}{job.pk}/").status_code == 404
    assert client.get(f"{URL}{job.pk}/status/").status_code == 404
    assert client.post(f"{URL}{job.pk}/confirm/", {"mode": ImportMode.ALL_OR_NOTHING}).status_code == 404
    job.refresh_from_db()
    assert job.status == JobStatus.WAITING


def test_the_service_refuses_a_user_who_may_not_import(tmp_path, world, staff_x):
    from django.core.exceptions import PermissionDenied
    from django.core.files.uploadedfile import SimpleUploadedFile

    path = corpus.write_xlsx(tmp_path / "o.xlsx", [corpus.org_row()])
    with pytest.raises(PermissionDenied):
        services.import_job_create(by=staff_x, kind="organizations", file=SimpleUploadedFile("o.xlsx", path.read_bytes()))


def test_the_status_endpoint_reports_progress(tmp_path, world, codi_staff, upload, client):
    _response, job = upload(codi_staff, _build("xlsx", tmp_path, corpus.good_org_rows()))
    data = client.get(f"{URL}{job.pk}/status/").json()
    assert data == {
        "id": job.pk, "status": "waiting", "status_display": "ตรวจสอบแล้ว รอยืนยัน", "running": False,
        "finished": False, "progress": 100, "progress_text": "3 จาก 3 แถว", "error": "",
        "detail_url": f"{URL}{job.pk}/", "download_url": None,
        "stage": "check", "processed_rows": 3, "total_rows": 3, "valid_rows": 3, "error_rows": 0, "imported_rows": 0,
    }


@pytest.mark.parametrize("jobs", [1, 6])
def test_the_import_page_runs_a_fixed_number_of_queries(jobs, world, codi_staff, client, django_assert_num_queries):
    for n in range(jobs):
        ImportJob.objects.create(kind="organizations", file=f"imports/x{n}.xlsx", original_name=f"x{n}.xlsx",
                                 requested_by=codi_staff)
    client.force_login(codi_staff)
    client.get(URL)  # warm the session
    with django_assert_num_queries(5):
        response = client.get(URL)
    assert response.content.decode().count("x0.xlsx") == 1


def test_a_blank_template_has_the_kinds_headers(world, codi_staff, client):
    import io

    import openpyxl

    client.force_login(codi_staff)
    response = client.get(f"{URL}template/organizations.xlsx")
    sheet = openpyxl.load_workbook(io.BytesIO(response.content), read_only=True).worksheets[0]
    assert list(next(sheet.iter_rows(values_only=True))) == corpus.ORG_HEADERS


def test_a_job_that_crashes_is_marked_failed_with_a_thai_reason(tmp_path, world, codi_staff, upload):
    _response, job = upload(codi_staff, _build("xlsx", tmp_path, corpus.good_org_rows()))
    from councils.tasks import run_import

    ImportJob.objects.filter(pk=job.pk).update(status=JobStatus.QUEUED, stage=ImportStage.WRITE)  # nothing staged
    from councils.imports.staging import discard_staged

    discard_staged(job.pk)
    run_import.apply(args=[job.pk])
    job.refresh_from_db()
    assert job.status == JobStatus.FAILED
    assert job.error == (
        f"การนำเข้าข้อมูลไม่สำเร็จเพราะเกิดข้อผิดพลาดในระบบ ไม่มีข้อมูลใดถูกบันทึก "
        f"กรุณาลองใหม่หรือแจ้งผู้ดูแลระบบ (งานนำเข้า #{job.pk})"
    )
    assert CommunityOrganization.objects.count() == 0
