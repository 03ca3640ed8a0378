"""Importing e-Plan (แบบ ผ.02) files into an LAO's plan through the councils import engine."""

import datetime as dt
import io
from decimal import Decimal

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from accounts.choices import Role
from councils.models import ImportJob
from plans.local_import.template import header_rows
from plans.models import LocalPlanProject
from plans.services import local_plan_amendment_create, local_plan_create

from ..factories import AgencyFactory, SubdistrictFactory, user_with_role

pytestmark = pytest.mark.django_db
YEARS = [2566, 2567, 2568, 2569, 2570]


@pytest.fixture
def plan(world, agency_officer):
    return local_plan_create(lao=world.lao, by=agency_officer, start_year=2566, adopted_on=dt.date(2022, 10, 1))


def eplan_xlsx(rows, *, extra_header=None) -> bytes:
    """A workbook as e-Plan exports ผ.02: title lines, a two-row header with the years under
    a merged "งบประมาณ", a strategy line and a work plan line, then the projects."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["รายละเอียดโครงการพัฒนา", None, None, None, None, None, None, None, None, None, None, None, "แบบ ผ.02"])
    sheet.append(["แผนพัฒนาท้องถิ่น (พ.ศ. 2566 - 2570)"])
    sheet.append(["องค์การบริหารส่วนตำบลบ้านหลวง อำเภอจอมทอง จังหวัดเชียงใหม่"])
    first, second = header_rows(YEARS)
    if extra_header:
        first, second = [*first, extra_header], [*second, None]
    sheet.append(first)
    sheet.append(second)
    sheet.merge_cells(start_row=4, start_column=6, end_row=4, end_column=10)
    sheet.append([None, "1. ยุทธศาสตร์การพัฒนาด้านโครงสร้างพื้นฐาน"][1:])
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def row(number, title, budgets, *, strategy="", lao=None):
    values = [number, strategy, title, "เพื่อความปลอดภัยในการสัญจร", "ถนนยาว 200 เมตร", *budgets,
              "ความยาวถนนที่ก่อสร้าง", "ประชาชนสัญจรสะดวก", "กองช่าง"]  # fmt: skip
    return [*values, lao] if lao is not None else values


@pytest.fixture
def run_import(client, django_capture_on_commit_callbacks):
    def do(user, plan, content, *, amendment=None, name="eplan.xlsx"):
        client.force_login(user)
        data = {"file": SimpleUploadedFile(name, content)}
        if amendment:
            data["amendment"] = amendment.pk
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(f"/plans/local/{plan.pk}/import/", data)
        assert response.status_code == 302, response.content.decode()[:2000]
        return ImportJob.objects.order_by("-pk").first()

    return do


def confirm(client, job, mode, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/plans/local/imports/{job.pk}/confirm/", {"mode": mode})
    job.refresh_from_db()
    return response


def test_an_eplan_file_is_previewed_with_thai_row_errors_then_valid_rows_imported(
    client, plan, agency_officer, run_import, django_capture_on_commit_callbacks
):
    content = eplan_xlsx([
        [None, "1.1 แผนงานอุตสาหกรรมและการโยธา"],
        row(1, "ก่อสร้างถนนคอนกรีตหมู่ที่ 3", [500000, "-", "๒๕๐,๐๐๐", "-", "-"]),
        row(2, "ขุดลอกลำเหมืองหมู่ที่ 5", ["-", "120,000 บาท", "-", "-", "-"]),
        row(3, "ซ่อมแซมฝายหมู่ที่ 7", ["-", "หนึ่งแสน", "-", "-", "-"]),  # not a number
        row(4, "", [10000, "-", "-", "-", "-"]),  # no title
    ])  # fmt: skip
    job = run_import(agency_officer, plan, content)
    assert (job.status, job.kind) == ("waiting", "local_plan_projects")
    assert (job.total_rows, job.valid_rows, job.error_rows) == (4, 2, 2)
    assert job.errors == [
        {"row": 10, "column": "งบประมาณ 2567 (บาท)",
         "message": "งบประมาณต้องเป็นตัวเลข เช่น 150,000 หรือใส่ - เมื่อไม่มีงบประมาณปีนั้น ค่าที่พบ “หนึ่งแสน”"},
        {"row": 11, "column": "โครงการ", "message": "ห้ามเว้นว่าง"},
    ]  # fmt: skip
    assert "ใช้แถวที่ 4 เป็นหัวตาราง แถวก่อนหน้านั้นถือเป็นชื่อเรื่องและไม่นำเข้า" in job.notices
    page = client.get(f"/plans/local/imports/{job.pk}/").content.decode()
    assert "หนึ่งแสน" in page and "นำเข้าเฉพาะแถวที่ถูกต้อง (2 แถว)" in page
    assert not LocalPlanProject.objects.exists()  # nothing written before the choice

    refused = confirm(client, job, "all_or_nothing", django_capture_on_commit_callbacks)
    assert refused.status_code == 302 and job.status == "waiting" and not LocalPlanProject.objects.exists()
    confirm(client, job, "valid_only", django_capture_on_commit_callbacks)
    assert (job.status, job.imported_rows) == ("done", 2)
    road = LocalPlanProject.objects.get(title="ก่อสร้างถนนคอนกรีตหมู่ที่ 3")
    assert (road.fiscal_year, road.budget, road.lao, road.local_plan) == (2566, Decimal("750000.00"), plan.lao, plan)
    assert list(road.budgets.values_list("fiscal_year", "amount")) == [
        (2566, Decimal("500000.00")), (2568, Decimal("250000.00"))
    ]
    assert (road.strategy, road.work_plan) == ("ยุทธศาสตร์การพัฒนาด้านโครงสร้างพื้นฐาน", "แผนงานอุตสาหกรรมและการโยธา")
    assert (road.number, road.target, road.responsible_unit) == ("1", "ถนนยาว 200 เมตร", "กองช่าง")
    assert road.history.count() == 1


def test_rows_of_another_lao_are_refused_in_thai(plan, world, agency_officer, run_import):
    content = eplan_xlsx([
        row(1, "ถนนของเรา", [1000, "-", "-", "-", "-"], lao=world.lao.dla_code),
        row(2, "ถนนของเราอีกสาย", [1000, "-", "-", "-", "-"], lao="อบต.บ้านหลวง"),
        row(3, "ถนนของเขา", [1000, "-", "-", "-", "-"], lao="6500204"),
        row(4, "ถนนของเขาอีกสาย", [1000, "-", "-", "-", "-"], lao="องค์การบริหารส่วนตำบลข่วงเปา"),
    ], extra_header="รหัส อปท.")  # fmt: skip
    job = run_import(agency_officer, plan, content)
    assert job.valid_rows == 2
    assert [(e["row"], e["column"]) for e in job.errors] == [(9, "รหัส อปท."), (10, "รหัส อปท.")]
    assert job.errors[0]["message"] == (
        f"โครงการนี้เป็นของ อปท. อื่น (“6500204”) นำเข้าได้เฉพาะโครงการของ {world.lao.name} (รหัส {world.lao.dla_code})"
    )


def test_budget_years_outside_the_plan_and_empty_budgets_are_row_errors(plan, agency_officer, run_import):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["ที่", "โครงการ", "2570 (บาท)", "2571 (บาท)"])
    sheet.append([1, "ถนน", "-", 5000])
    sheet.append([2, "ฝาย", "-", "-"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    job = run_import(agency_officer, plan, buffer.getvalue())
    assert [e["message"] for e in job.errors] == [
        "ปี 2571 อยู่นอกช่วงปีของแผน (2566–2570) ใส่ - ถ้าไม่มีงบประมาณปีนี้",
        "ไม่มีงบประมาณปีใดเลย ต้องมีงบประมาณอย่างน้อยหนึ่งปีในช่วงปีของแผน",
    ]


def test_a_csv_with_a_combined_strategy_column_imports_into_an_addition(
    client, plan, agency_officer, run_import, django_capture_on_commit_callbacks
):
    addition = local_plan_amendment_create(
        plan=plan, by=agency_officer, kind="addition", number=1, year=2568, effective_on=dt.date(2025, 2, 1)
    )
    csv = (
        "ที่,ยุทธศาสตร์/แผนงาน,โครงการ,2566 (บาท),2567 (บาท),2568 (บาท),2569 (บาท),2570 (บาท)\n"
        '1,ยุทธศาสตร์ด้านสังคม / แผนงานสังคมสงเคราะห์,ศูนย์ผู้สูงอายุ,-,-,"1,500,000",-,-\n'
    ).encode()
    job = run_import(agency_officer, plan, csv, amendment=addition, name="eplan.csv")
    assert (job.valid_rows, job.error_rows) == (1, 0)
    confirm(client, job, "all_or_nothing", django_capture_on_commit_callbacks)
    project = LocalPlanProject.objects.get()
    assert (project.added_by, project.strategy, project.work_plan, project.budget) == (
        addition, "ยุทธศาสตร์ด้านสังคม", "แผนงานสังคมสงเคราะห์", Decimal("1500000.00")
    )
    again = run_import(agency_officer, plan, csv, amendment=addition, name="eplan.csv")
    assert again.errors[0]["message"] == "มีโครงการ “ศูนย์ผู้สูงอายุ” (เป้าหมายเดียวกัน) ในแผนนี้แล้ว"


def test_the_template_is_the_eplan_shape_and_imports_as_it_is(client, plan, agency_officer, run_import):
    client.force_login(agency_officer)
    response = client.get(f"/plans/local/{plan.pk}/import/template.xlsx")
    assert response.status_code == 200
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    assert sheet["A1"].value == "รายละเอียดโครงการพัฒนา"
    header = [cell.value for cell in sheet[5]]
    assert header[:6] == ["ที่", "ยุทธศาสตร์/แผนงาน", "โครงการ", "วัตถุประสงค์", "เป้าหมาย (ผลผลิตของโครงการ)", "งบประมาณ"]
    assert [cell.value for cell in sheet[6]][5:10] == [f"{year} (บาท)" for year in YEARS]
    job = run_import(agency_officer, plan, response.content)
    assert (job.valid_rows, job.error_rows) == (1, 0)


def test_only_the_laos_own_staff_import(client, plan, world, officer_d, codi_staff):
    for user in (officer_d, codi_staff):
        client.force_login(user)
        assert client.get(f"/plans/local/{plan.pk}/import/").status_code == 403
    outsider = user_with_role(
        "far", Role.AGENCY_STAFF, agency=AgencyFactory(subdistrict=SubdistrictFactory(district=world.far_district))
    )
    client.force_login(outsider)
    assert client.get(f"/plans/local/{plan.pk}/import/").status_code == 404
