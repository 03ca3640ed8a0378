import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile

from accounts.choices import Role
from agencies.choices import AgencyKind
from agencies.models import CooperationAgreement, Mission
from common.thai import current_fiscal_year

from ..factories import AgencyFactory, AgreementFactory, MissionFactory, ThemeFactory, national_agency, user_with_role
from .test_services import pdf_bytes

pytestmark = pytest.mark.django_db
LIST = "/agencies/"


def _page(client, url, **query):
    response = client.get(url, query)
    assert response.status_code == 200
    return response


# The list ------------------------------------------------------------------------------------


def test_the_public_list_shows_every_level_national_first(client, world):
    dopa = national_agency()
    response = _page(client, LIST)
    agencies = list(response.context["agencies"])
    assert agencies == [dopa, world.lao]
    text = response.content.decode()
    assert "ทั้งประเทศ (หน่วยงานส่วนกลาง)" in text and "ตำบลบ้านหลวง อำเภอจอมทอง จังหวัดเชียงใหม่" in text


def test_the_list_filters_by_kind_province_district_and_thai_search(client, world):
    dopa = national_agency()
    office = AgencyFactory(name="ที่ว่าการอำเภอเชียงดาว", kind=AgencyKind.DISTRICT_OFFICE, dla_code=None,
                           subdistrict=None, district=world.other_district, province=world.province)  # fmt: skip
    assert list(_page(client, LIST, kind="dopa").context["agencies"]) == [dopa]
    assert list(_page(client, LIST, province="50").context["agencies"]) == [office, world.lao]
    assert list(_page(client, LIST, province="50", district="5004").context["agencies"]) == [office]
    assert list(_page(client, LIST, q="เชียงดาว").context["agencies"]) == [office]
    assert list(_page(client, LIST, q="ส่วนตำบล บ้านหลวง").context["agencies"]) == [world.lao]  # every word


@pytest.mark.parametrize(
    ("query", "field", "message"),
    [
        ({"kind": "ministry"}, "kind", "ไม่มีตัวเลือกนี้ กรุณาเลือกจากรายการ"),
        ({"province": "99"}, "province", "ไม่มีตัวเลือกนี้ กรุณาเลือกจากรายการ"),
        ({"province": "57", "district": "5002"}, "district", "ไม่มีตัวเลือกนี้ กรุณาเลือกจากรายการ"),
        ({"q": "ก" * 101}, "q", "คำค้นยาวเกิน 100 ตัวอักษร"),
    ],
)
def test_bad_filters_answer_in_thai_with_an_empty_list(client, world, query, field, message):
    response = _page(client, LIST, **query)
    assert response.context["form"].errors[field] == [message]
    assert list(response.context["agencies"]) == []
    assert message in response.content.decode()


def test_the_list_is_paginated(client, world):
    for i in range(55):
        AgencyFactory(subdistrict=world.council_y.subdistrict, dla_code=f"7{i:06d}", name=f"กองทุนทดสอบ {i:02d}")
    first = _page(client, LIST)
    assert (len(first.context["agencies"]), first.context["paginator"].count) == (50, 56)
    assert len(_page(client, LIST, page=2).context["agencies"]) == 6


@pytest.mark.parametrize("size", [3, 30])
def test_the_list_query_count_does_not_grow(client, world, django_assert_max_num_queries, size):
    for i in range(size):
        AgencyFactory(subdistrict=world.council_y.subdistrict, dla_code=f"7{i:06d}")
        national_agency(name=f"กรมทดสอบ {i}")
    with django_assert_max_num_queries(4):  # count, page (areas joined), and the filter form's provinces
        assert len(_page(client, LIST, province="").context["agencies"]) == min(50, 1 + 2 * size)


# The agency's page ------------------------------------------------------------------------------


@pytest.fixture
def theme(db):
    return ThemeFactory(code="welfare", name_th="สวัสดิการชุมชน")


def test_the_page_shows_missions_current_year_first_and_hides_contacts_from_visitors(client, world, staff_x, theme):
    fy = current_fiscal_year()
    old = MissionFactory(agency=world.lao, theme=theme, fiscal_year=fy - 1, title="ภารกิจปีก่อน")
    current = MissionFactory(agency=world.lao, theme=theme, fiscal_year=fy, title="ภารกิจปีนี้",
                             contact_name="คุณพร", contact_phone="053-112-233", contact_email="porn@example.org")  # fmt: skip
    response = _page(client, f"/agencies/{world.lao.pk}/")
    assert response.context["missions"] == [current, old]
    text = response.content.decode()
    assert "คุณพร" in text and "053-112-233" not in text and "porn@example.org" not in text
    assert "เข้าสู่ระบบเพื่อดูเบอร์โทรและอีเมล" in text
    assert "เพิ่มภารกิจ" not in text  # no editing for visitors

    client.force_login(staff_x)
    text = _page(client, f"/agencies/{world.lao.pk}/").content.decode()
    assert "053-112-233" in text and "porn@example.org" in text
    assert "เพิ่มภารกิจ" not in text  # nor for a council's staff


def test_the_page_lists_agreements_made_and_joined(client, world, agency_officer):
    dopa = national_agency()
    own = AgreementFactory(agency=world.lao, title="ข้อตกลงของ อบต.")
    joined = AgreementFactory(agency=dopa, title="ข้อตกลงของกรม", signed_on="2024-01-10", starts_on="2024-02-01")
    joined.other_agencies.set([world.lao])
    client.force_login(agency_officer)
    response = _page(client, f"/agencies/{world.lao.pk}/")
    assert response.context["agreements"] == [own, joined]
    text = response.content.decode()
    assert f"/agencies/{world.lao.pk}/agreements/{own.pk}/edit/" in text
    assert f"/agreements/{joined.pk}/edit/" not in text  # the department's own to edit
    assert "ลงนามวันที่ 15 กันยายน 2568" in text


def test_the_page_query_count(client, world, theme, django_assert_max_num_queries):
    for i in range(5):
        MissionFactory(agency=world.lao, theme=theme)
        AgreementFactory(agency=world.lao).other_agencies.set([national_agency(name=f"กรม {i}")])
    with django_assert_max_num_queries(5):
        _page(client, f"/agencies/{world.lao.pk}/")


def test_an_unknown_agency_is_404(client, world):
    assert client.get("/agencies/999999/").status_code == 404


# Keeping missions ------------------------------------------------------------------------------


def test_agency_staff_add_a_mission_through_the_page(client, world, agency_officer, theme):
    client.force_login(agency_officer)
    assert client.get(f"/agencies/{world.lao.pk}/missions/new/").context["form"].initial["fiscal_year"] == current_fiscal_year()
    response = client.post(
        f"/agencies/{world.lao.pk}/missions/new/",
        {"theme": theme.pk, "fiscal_year": "2569", "title": "ซ่อมบ้านผู้ยากไร้", "budget_amount": "150000"},
    )
    assert response.status_code == 302 and response["Location"] == f"/agencies/{world.lao.pk}/"
    assert Mission.objects.get().history.get().history_user == agency_officer


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"fiscal_year": "2026"}, "fiscal_year", "ปี 2026 ดูเหมือนเป็นปี ค.ศ. กรุณากรอกเป็นปี พ.ศ. (เช่น 2569)"),
        ({"fiscal_year": "สองห้าหกเก้า"}, "fiscal_year", "ปีงบประมาณต้องเป็นตัวเลข พ.ศ. เช่น 2569"),
        ({"title": ""}, "title", "กรุณากรอกภารกิจ"),
        ({"budget_amount": "-5"}, "budget_amount", "วงเงินต้องไม่ติดลบ"),
    ],
)
def test_bad_mission_input_is_refused_in_thai_and_nothing_is_written(client, world, agency_officer, theme, data, field, message):
    client.force_login(agency_officer)
    form = {"theme": theme.pk, "fiscal_year": "2569", "title": "ซ่อมบ้าน", **data}
    response = client.post(f"/agencies/{world.lao.pk}/missions/new/", form)
    assert response.status_code == 200
    assert message in response.context["form"].errors[field]
    assert message in response.content.decode()
    assert Mission.objects.count() == 0


def test_staff_of_another_agency_are_refused_and_a_mission_of_another_agency_is_404(client, world, theme):
    other = AgencyFactory(subdistrict=world.council_y.subdistrict)
    user = user_with_role("other_lao", Role.AGENCY_STAFF, agency=other)
    mission = MissionFactory(agency=world.lao, theme=theme)
    client.force_login(user)
    response = client.post(f"/agencies/{world.lao.pk}/missions/{mission.pk}/delete/")
    assert response.status_code == 403
    assert "เฉพาะเจ้าหน้าที่ของหน่วยงานนี้จึงจะแก้ไขพันธกิจและข้อตกลงของหน่วยงานได้" in response.content.decode()
    # Through their own agency's URL, the other agency's mission is not found.
    assert client.post(f"/agencies/{other.pk}/missions/{mission.pk}/delete/").status_code == 404
    assert Mission.objects.count() == 1


# Agreements and their PDF -------------------------------------------------------------------------


def _agreement_form(**extra):
    return {"title": "ข้อตกลงกลไกอำเภอ", "signed_on": "15/09/2568", "starts_on": "01/10/2568", **extra}


def test_agency_staff_upload_a_signed_pdf(client, world, agency_officer):
    dopa = national_agency()
    client.force_login(agency_officer)
    form = client.get(f"/agencies/{world.lao.pk}/agreements/new/").context["form"]
    assert dopa in form.fields["other_agencies"].queryset and world.lao not in form.fields["other_agencies"].queryset
    pdf = SimpleUploadedFile("mou.pdf", pdf_bytes(), content_type="application/pdf")
    response = client.post(
        f"/agencies/{world.lao.pk}/agreements/new/",
        _agreement_form(other_agencies=[dopa.pk], other_parties="พอช.", province=world.province.pk, file=pdf),
    )
    assert response.status_code == 302, response.context["form"].errors
    agreement = CooperationAgreement.objects.get()
    assert list(agreement.other_agencies.all()) == [dopa] and agreement.file


def test_a_renamed_file_that_is_not_a_pdf_is_refused_in_thai(client, world, agency_officer):
    client.force_login(agency_officer)
    fake = SimpleUploadedFile("mou.pdf", b"\x89PNG\r\n\x1a\n fake", content_type="application/pdf")
    response = client.post(f"/agencies/{world.lao.pk}/agreements/new/", _agreement_form(file=fake))
    assert response.status_code == 200
    assert "ไฟล์นี้ไม่ใช่ PDF กรุณาแนบไฟล์ข้อตกลงที่ลงนามแล้วเป็น PDF" in response.context["form"].errors["file"]
    assert CooperationAgreement.objects.count() == 0


def test_a_district_outside_the_chosen_province_is_refused(client, world, agency_officer):
    client.force_login(agency_officer)
    response = client.post(
        f"/agencies/{world.lao.pk}/agreements/new/",
        _agreement_form(province=world.other_province.pk, district=world.district.pk),
    )
    assert response.status_code == 200
    assert response.context["form"].errors["district"] == ["อำเภอไม่อยู่ในจังหวัดที่เลือก"]
    assert CooperationAgreement.objects.count() == 0


@pytest.fixture
def with_file(world):
    agreement = AgreementFactory(agency=world.lao)
    agreement.file.save("mou.pdf", ContentFile(pdf_bytes()))
    return agreement


def test_the_pdf_is_served_to_users_in_the_agencys_area(client, world, with_file, officer_d):
    url = f"/agencies/agreements/{with_file.pk}/file/"
    assert client.get(url)["Location"].startswith("/accounts/login/")
    client.force_login(officer_d)
    response = client.get(url)
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response["Cache-Control"] == "private, no-cache"
    assert b"".join(response.streaming_content).startswith(b"%PDF-")


def test_the_pdf_is_404_outside_the_area_and_without_a_file(client, world, with_file, officer_e):
    client.force_login(officer_e)
    assert client.get(f"/agencies/agreements/{with_file.pk}/file/").status_code == 404
    bare = AgreementFactory(agency=world.lao)
    assert client.get(f"/agencies/agreements/{bare.pk}/file/").status_code == 404


def test_a_public_pdf_is_served_to_everyone(client, world, with_file):
    CooperationAgreement.objects.filter(pk=with_file.pk).update(is_public=True)
    response = client.get(f"/agencies/agreements/{with_file.pk}/file/")
    assert response.status_code == 200 and response["Cache-Control"] == "public, no-cache"


def test_a_national_departments_pdf_is_served_to_every_signed_in_user(client, world, staff_x):
    agreement = AgreementFactory(agency=national_agency())
    agreement.file.save("mou.pdf", ContentFile(pdf_bytes()))
    client.force_login(staff_x)
    assert client.get(f"/agencies/agreements/{agreement.pk}/file/").status_code == 200
