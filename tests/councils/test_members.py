"""Council members and people: the HTML pages, each permission from the refused side too
(404 outside the scope, 403 inside but not allowed), Thai answers to bad input, pinned
query counts. The API is in test_members_api.py."""

import datetime as dt
import io
import json

import pytest
from django.contrib.admin.models import DELETION, LogEntry
from django.utils import timezone
from openpyxl import load_workbook

from councils import pdpa
from councils.choices import MemberPosition
from councils.models import CommunityOrganization, CouncilMember, NationalIdReveal, Person
from councils.services import members as services

from ..factories import CouncilMemberFactory, PersonFactory

pytestmark = pytest.mark.django_db

VALID = "1234567890121"
VALID_FORMATTED = "1-2345-67890-12-1"
MEMBERS = "/councils/{}/members/"
NEW = "/councils/{}/members/new/"
PERSON = "/councils/people/{}/"


@pytest.fixture
def chair_x(world, staff_x):
    """The chair of council X, with a national ID on file."""
    return services.member_add(
        council=world.council_x, by=staff_x, full_name="นายสมชาย ใจดี", phone="081-000-1111",
        national_id=VALID, position=MemberPosition.CHAIR, term_start=dt.date(2024, 1, 15),
    )


@pytest.fixture
def member_w(world, codi_staff):
    """A member of council W, in province 57 (outside codi_regional's province 50)."""
    return services.member_add(
        council=world.council_w, by=codi_staff, full_name="นางเวียง ไกลบ้าน", national_id="3100600001231",
        term_start=dt.date(2024, 1, 15),
    )


def _new_member(**overrides):
    data = {
        "full_name": "นางสาวมาลี ศรีสุข",
        "phone": "089-111-2222",
        "national_id": "",
        "organization": "",
        "position": "member",
        "term_start": "01/06/2567",
        "term_end": "",
    }
    data.update(overrides)
    return data


# The member list ----------------------------------------------------------------------------


def test_council_staff_sees_current_and_past_terms(client, world, staff_x, chair_x):
    today = timezone.localdate()
    ended = CouncilMemberFactory(council=world.council_x, person=PersonFactory(full_name="นายอดีต กรรมการ"),
                                 term_start=dt.date(2020, 1, 1), term_end=today - dt.timedelta(days=1))
    ends_today = CouncilMemberFactory(council=world.council_x, person=PersonFactory(full_name="นางวันนี้ ยังอยู่"),
                                      term_start=dt.date(2022, 1, 1), term_end=today)
    client.force_login(staff_x)
    response = client.get(MEMBERS.format("500203"))
    assert response.status_code == 200
    assert [m.pk for m in response.context["current"]] == [chair_x.pk, ends_today.pk]  # chair first
    assert [m.pk for m in response.context["past"]] == [ended.pk]
    page = response.content.decode()
    assert "วาระปัจจุบัน (2 คน)" in page and "วาระที่ผ่านมา (1 รายการ)" in page
    assert "+ เพิ่มสมาชิก" in page
    assert VALID not in page and "0121" not in page  # no ID on the list at all


@pytest.mark.parametrize(("persona", "status"), [
    ("staff_x", 200), ("officer_d", 200), ("codi_staff", 200), ("codi_regional", 200),
    ("staff_y", 404), ("officer_e", 404), ("agency_officer", 403), ("plain_user", 404),
])
def test_who_may_open_the_member_list(client, world, chair_x, request, persona, status):
    client.force_login(request.getfixturevalue(persona))
    assert client.get(MEMBERS.format("500203")).status_code == status


def test_district_officer_reads_but_may_not_add(client, world, officer_d, chair_x):
    client.force_login(officer_d)
    assert "+ เพิ่มสมาชิก" not in client.get(MEMBERS.format("500203")).content.decode()
    assert client.get(NEW.format("500203")).status_code == 403
    assert client.post(NEW.format("500203"), _new_member()).status_code == 403
    assert CouncilMember.objects.count() == 1


def test_anonymous_is_sent_to_login(client, world):
    response = client.get(MEMBERS.format("500203"))
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")


@pytest.mark.parametrize("size", [3, 30])
def test_member_list_query_count_is_fixed(client, world, staff_x, django_assert_num_queries, size):
    organization = CommunityOrganization.objects.create(council=world.council_x, code="X-1", name="กลุ่มออมทรัพย์",
                                                        kind="savings_group")
    for i in range(size):
        CouncilMemberFactory(council=world.council_x, organization=organization,
                             term_end=dt.date(2020, 1, 1) if i % 3 == 0 else None, term_start=dt.date(2019, 1, 1))
    client.force_login(staff_x)
    # session, user, role assignments (+ their provinces), council, members (joined to
    # person and organization): the same six whatever the number of members
    with django_assert_num_queries(6):
        response = client.get(MEMBERS.format("500203"))
    assert len(response.context["current"]) + len(response.context["past"]) == size


def test_council_page_links_the_member_list_for_those_who_manage(client, world, staff_x, officer_d, codi_staff):
    link = MEMBERS.format("500203")
    assert link not in client.get("/councils/500203/").content.decode()
    client.force_login(officer_d)
    assert link not in client.get("/councils/500203/").content.decode()
    for user in (staff_x, codi_staff):
        client.force_login(user)
        assert link in client.get("/councils/500203/").content.decode()


# Adding and changing terms ------------------------------------------------------------------


def test_council_staff_adds_a_member_with_a_national_id_in_thai_digits(client, world, staff_x):
    client.force_login(staff_x)
    response = client.post(NEW.format("500203"), _new_member(national_id="๑-๒๓๔๕-๖๗๘๙๐-๑๒-๑", phone="๐๘๙ ๑๑๑ ๒๒๒๒"))
    assert response.status_code == 302 and response["Location"] == MEMBERS.format("500203")
    member = CouncilMember.objects.select_related("person").get()
    person = member.person
    assert (member.council, member.position, member.term_start, member.term_end) == (
        world.council_x, "member", dt.date(2024, 6, 1), None
    )
    assert (person.full_name, person.phone, person.national_id_last4) == ("นางสาวมาลี ศรีสุข", "089 111 2222", "0121")
    assert pdpa.decrypt(person.national_id_ciphertext) == VALID
    assert person.history.get().history_user == staff_x
    page = client.get(PERSON.format(person.pk)).content.decode()
    assert "x-xxxx-xxxxx-12-1" in page
    assert VALID_FORMATTED not in page and VALID not in page


def test_staff_of_another_council_gets_404(client, world, staff_y):
    client.force_login(staff_y)
    assert client.get(NEW.format("500203")).status_code == 404
    assert client.post(NEW.format("500203"), _new_member()).status_code == 404
    assert Person.objects.count() == 0


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"national_id": "1234567890123"}, "national_id", "เลขหลักสุดท้าย (เลขตรวจสอบ) ไม่ตรง"),
        ({"national_id": "12345-ABC"}, "national_id", "เลขประจำตัวประชาชนต้องเป็นตัวเลข 13 หลัก"),
        ({"term_end": "31/05/2567"}, "term_end", "วันสิ้นสุดวาระต้องไม่ก่อนวันเริ่มวาระ"),
        ({"term_start": "01/06/2024"}, "term_start", "เป็นปี ค.ศ."),
        ({"term_end": "01/06/2025"}, "term_end", "เป็นปี ค.ศ."),
        ({"term_start": ""}, "term_start", "กรุณาระบุวันเริ่มวาระ"),
        ({"term_start": "1/6/2024x"}, "term_start", "รูปแบบวันที่ไม่ถูกต้อง"),
        ({"full_name": ""}, "full_name", "กรุณาระบุชื่อ-สกุล"),
        ({"position": "king"}, "position", "กรุณาเลือกตำแหน่งจากรายการ"),
        ({"phone": "โทรหาที่บ้าน"}, "phone", "หมายเลขโทรศัพท์ใช้ได้เฉพาะตัวเลข"),
    ],
)
def test_bad_input_is_refused_in_thai_and_nothing_is_written(client, world, staff_x, overrides, field, message):
    client.force_login(staff_x)
    response = client.post(NEW.format("500203"), _new_member(**overrides))
    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors[field])
    assert message in response.content.decode()
    assert (Person.objects.count(), CouncilMember.objects.count()) == (0, 0)


def test_a_duplicate_national_id_is_refused_in_thai(client, world, staff_x, member_w):
    client.force_login(staff_x)
    response = client.post(NEW.format("500203"), _new_member(national_id="3-1006-00001-23-1"))
    assert response.status_code == 200
    assert "เลขประจำตัวประชาชนนี้มีอยู่แล้วในระบบ" in " ".join(response.context["form"].errors["national_id"])
    assert Person.objects.count() == 1
    assert "นางเวียง" not in response.content.decode()  # says nothing about who holds it


def test_an_organization_of_another_council_is_refused(client, world, staff_x):
    other = CommunityOrganization.objects.create(council=world.council_y, code="Y-1", name="กลุ่มตำบลอื่น",
                                                 kind="network")
    client.force_login(staff_x)
    response = client.post(NEW.format("500203"), _new_member(organization=str(other.pk)))
    assert "องค์กรที่เลือกไม่ใช่องค์กรชุมชนของสภานี้" in " ".join(response.context["form"].errors["organization"])
    assert Person.objects.count() == 0


def test_a_new_term_for_a_past_member_and_no_overlap(client, world, staff_x):
    past = CouncilMemberFactory(council=world.council_x, term_start=dt.date(2020, 1, 1), term_end=dt.date(2023, 12, 31))
    client.force_login(staff_x)
    url = NEW.format("500203") + f"?person={past.person_id}"
    overlapping = client.post(url, {"position": "chair", "term_start": "01/06/2566", "term_end": ""})
    assert "ทับซ้อน" in " ".join(overlapping.context["form"].errors["term_start"])
    response = client.post(url, {"position": "chair", "term_start": "01/01/2567", "term_end": ""})
    assert response.status_code == 302
    assert list(past.person.terms.order_by("term_start").values_list("position", "term_end")) == [
        ("member", dt.date(2023, 12, 31)), ("chair", None)
    ]
    assert Person.objects.count() == 1


def test_council_staff_edits_and_ends_a_term(client, world, staff_x, chair_x):
    client.force_login(staff_x)
    edit = f"/councils/500203/members/{chair_x.pk}/edit/"
    assert client.get(edit).status_code == 200
    response = client.post(edit, {"organization": "", "position": "vice_chair", "term_start": "15/01/2567", "term_end": ""})
    assert response.status_code == 302
    end = f"/councils/500203/members/{chair_x.pk}/end/"
    bad = client.post(end, {"term_end": "01/01/2566"})
    assert "วันสิ้นสุดวาระต้องไม่ก่อนวันเริ่มวาระ" in " ".join(bad.context["form"].errors["term_end"])
    assert client.post(end, {"term_end": "31/03/2568"}).status_code == 302
    chair_x.refresh_from_db()
    assert (chair_x.position, chair_x.term_end) == ("vice_chair", dt.date(2025, 3, 31))
    assert [h.history_user for h in chair_x.history.all()] == [staff_x, staff_x, staff_x]
    again = client.post(end, {"term_end": "30/04/2568"})
    assert "วาระนี้สิ้นสุดไปแล้ว" in " ".join(again.context["form"].errors["term_end"])


def test_editing_a_term_is_refused_from_the_outside(client, world, staff_y, officer_d, chair_x):
    edit = f"/councils/500203/members/{chair_x.pk}/edit/"
    data = {"position": "member", "term_start": "15/01/2567"}
    client.force_login(staff_y)
    assert client.post(edit, data).status_code == 404
    client.force_login(officer_d)
    assert client.post(edit, data).status_code == 403
    chair_x.refresh_from_db()
    assert chair_x.position == "chair"
    # a term of council X under council Y's address is not found either
    client.force_login(staff_y)
    assert client.get(f"/councils/500204/members/{chair_x.pk}/edit/").status_code == 404


# The person page: masked ID, reveal, export, erase ------------------------------------------


@pytest.mark.parametrize(("persona", "status"), [
    ("staff_x", 200), ("officer_d", 200), ("codi_staff", 200), ("codi_regional", 200),
    ("staff_y", 404), ("officer_e", 404), ("agency_officer", 403),
])
def test_who_may_open_the_person_page(client, chair_x, request, persona, status):
    client.force_login(request.getfixturevalue(persona))
    response = client.get(PERSON.format(chair_x.person_id))
    assert response.status_code == status
    if status == 200:
        page = response.content.decode()
        assert "x-xxxx-xxxxx-12-1" in page and VALID_FORMATTED not in page
        assert "no-store" in response["Cache-Control"]


def test_codi_staff_reveals_the_number_and_the_reveal_is_logged(client, chair_x, codi_staff):
    client.force_login(codi_staff)
    assert "เปิดดูเลขแบบเต็ม" in client.get(PERSON.format(chair_x.person_id)).content.decode()
    response = client.post(f"{PERSON.format(chair_x.person_id)}reveal/", {"purpose": "ตรวจสอบสิทธิรับเงินอุดหนุน"})
    assert response.status_code == 200
    assert VALID_FORMATTED in response.content.decode()
    assert "no-store" in response["Cache-Control"]
    reveal = NationalIdReveal.objects.get()
    assert (reveal.person_id, reveal.revealed_by, reveal.purpose) == (
        chair_x.person_id, codi_staff, "ตรวจสอบสิทธิรับเงินอุดหนุน"
    )
    # the next page view is masked again
    assert VALID_FORMATTED not in client.get(PERSON.format(chair_x.person_id)).content.decode()


def test_a_reveal_needs_a_purpose(client, chair_x, codi_staff):
    client.force_login(codi_staff)
    response = client.post(f"{PERSON.format(chair_x.person_id)}reveal/", {"purpose": " "})
    assert "กรุณาระบุวัตถุประสงค์ของการเปิดดูเลขประจำตัวประชาชน" in response.content.decode()
    assert VALID_FORMATTED not in response.content.decode()
    assert NationalIdReveal.objects.count() == 0


@pytest.mark.parametrize(("persona", "status"), [
    ("staff_x", 403), ("officer_d", 403), ("agency_officer", 403), ("staff_y", 404), ("officer_e", 404),
])
def test_reveal_is_refused_to_everyone_else(client, chair_x, request, persona, status):
    client.force_login(request.getfixturevalue(persona))
    response = client.post(f"{PERSON.format(chair_x.person_id)}reveal/", {"purpose": "อยากรู้เฉย ๆ ครับ"})
    assert response.status_code == status
    assert VALID_FORMATTED not in response.content.decode()
    assert NationalIdReveal.objects.count() == 0


def test_regional_codi_staff_cannot_reveal_outside_their_provinces(client, member_w, codi_regional):
    client.force_login(codi_regional)
    response = client.post(f"{PERSON.format(member_w.person_id)}reveal/", {"purpose": "ตรวจสอบข้อมูลสมาชิก"})
    assert response.status_code == 404
    assert NationalIdReveal.objects.count() == 0


def test_council_staff_exports_json_without_the_number(client, chair_x, staff_x):
    client.force_login(staff_x)
    response = client.post(f"{PERSON.format(chair_x.person_id)}export/", {"format": "json"})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response["Content-Disposition"].startswith(f'attachment; filename="person-{chair_x.person_id}-')
    data = json.loads(response.content)
    assert data["person"]["full_name"] == "นายสมชาย ใจดี"
    assert data["person"]["national_id_masked"] == "x-xxxx-xxxxx-12-1"
    assert "national_id" not in data["person"]
    assert [t["position"] for t in data["terms"]] == ["chair"]
    assert len(data["person_history"]) == 1 and len(data["term_history"]) == 1
    assert VALID not in response.content.decode() and VALID_FORMATTED not in response.content.decode()
    # asking for the number anyway is refused
    refused = client.post(f"{PERSON.format(chair_x.person_id)}export/",
                          {"format": "json", "include_national_id": "on", "purpose": "ตามคำขอของเจ้าของ"})
    assert refused.status_code == 403
    assert NationalIdReveal.objects.count() == 0


def test_codi_staff_exports_xlsx_with_the_number_and_it_is_logged(client, chair_x, codi_staff):
    client.force_login(codi_staff)
    response = client.post(f"{PERSON.format(chair_x.person_id)}export/",
                           {"format": "xlsx", "include_national_id": "on", "purpose": "ตามคำขอของเจ้าของข้อมูล"})
    assert response.status_code == 200
    workbook = load_workbook(io.BytesIO(response.content))
    assert workbook.sheetnames == ["บุคคล", "วาระ", "ประวัติบุคคล", "ประวัติวาระ", "การเปิดดูเลข"]
    facts = {row[0]: row[1] for row in workbook["บุคคล"].iter_rows(min_row=2, values_only=True)}
    assert facts["ชื่อ-สกุล"] == "นายสมชาย ใจดี"
    assert facts["เลขประจำตัวประชาชน"] == VALID_FORMATTED
    assert [row[4] for row in workbook["วาระ"].iter_rows(min_row=2, values_only=True)] == ["ประธาน"]
    start = workbook["วาระ"].cell(2, 6)
    assert start.is_date and start.number_format == "[$-107041E]d/m/yyyy"  # a date cell shown in the Buddhist era
    reveal = NationalIdReveal.objects.get()
    assert (reveal.revealed_by, reveal.purpose) == (codi_staff, "ส่งออกข้อมูลส่วนบุคคล: ตามคำขอของเจ้าของข้อมูล")


def test_export_with_the_number_needs_a_purpose(client, chair_x, codi_staff):
    client.force_login(codi_staff)
    response = client.post(f"{PERSON.format(chair_x.person_id)}export/", {"format": "json", "include_national_id": "on"})
    assert response.status_code == 200
    assert "กรุณาระบุวัตถุประสงค์ของการส่งออกเลขประจำตัวประชาชน" in response.content.decode()
    assert NationalIdReveal.objects.count() == 0


@pytest.mark.parametrize(("persona", "status"), [("officer_d", 403), ("agency_officer", 403), ("staff_y", 404)])
def test_export_and_erase_are_refused_to_others(client, chair_x, request, persona, status):
    client.force_login(request.getfixturevalue(persona))
    assert client.post(f"{PERSON.format(chair_x.person_id)}export/", {"format": "json"}).status_code == status
    assert client.post(f"{PERSON.format(chair_x.person_id)}erase/", {"confirm": "on"}).status_code == status
    assert Person.objects.filter(pk=chair_x.person_id).exists()


def test_erase_needs_confirmation_then_removes_everything(client, world, chair_x, staff_x):
    client.force_login(staff_x)
    url = f"{PERSON.format(chair_x.person_id)}erase/"
    unconfirmed = client.post(url, {})
    assert unconfirmed.status_code == 200
    assert "กรุณาติ๊กยืนยันก่อนลบข้อมูล" in unconfirmed.content.decode()
    assert Person.objects.filter(pk=chair_x.person_id).exists()

    response = client.post(url, {"confirm": "on"})
    assert response.status_code == 302 and response["Location"] == MEMBERS.format("500203")
    assert (Person.objects.count(), CouncilMember.objects.count()) == (0, 0)
    assert (Person.history.count(), CouncilMember.history.count()) == (0, 0)
    entry = LogEntry.objects.get(action_flag=DELETION)
    assert entry.object_repr == f"Person #{chair_x.person_id}" and "สมชาย" not in entry.change_message
    assert client.get(PERSON.format(chair_x.person_id)).status_code == 404


def test_person_edit_replaces_and_clears_the_national_id(client, chair_x, staff_x, officer_d):
    url = f"{PERSON.format(chair_x.person_id)}edit/"
    client.force_login(officer_d)
    assert client.get(url).status_code == 403
    client.force_login(staff_x)
    page = client.get(url).content.decode()
    assert "x-xxxx-xxxxx-12-1" in page and VALID not in page
    bad = client.post(url, {"full_name": "ชื่อใหม่", "phone": "", "national_id": "1101700123450"})
    assert "เลขหลักสุดท้าย (เลขตรวจสอบ) ไม่ตรง" in " ".join(bad.context["form"].errors["national_id"])
    person = Person.objects.get(pk=chair_x.person_id)
    assert person.full_name == "นายสมชาย ใจดี"  # nothing half-written
    assert client.post(url, {"full_name": "ชื่อใหม่", "phone": "", "national_id": "1101700123456"}).status_code == 302
    person.refresh_from_db()
    assert (person.full_name, pdpa.person_national_id(person)) == ("ชื่อใหม่", "1-1017-00123-45-6")
    assert client.post(url, {"full_name": "ชื่อใหม่", "phone": "", "clear_national_id": "on"}).status_code == 302
    person.refresh_from_db()
    assert (person.national_id_ciphertext, person.national_id_hash, person.national_id_last4) == ("", None, "")
