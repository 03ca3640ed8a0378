import io
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from pypdf import PdfWriter

from accounts.choices import Role
from agencies import services
from agencies.models import CooperationAgreement, Mission

from ..factories import AgencyFactory, AgreementFactory, MissionFactory, ThemeFactory, national_agency, user_with_role

pytestmark = pytest.mark.django_db


def pdf_bytes() -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def upload(content: bytes, name="mou.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/pdf")


@pytest.fixture
def theme(db):
    return ThemeFactory(code="welfare", name_th="สวัสดิการชุมชน")


def _mission(**overrides):
    return {"fiscal_year": 2569, "title": "สนับสนุนกองทุนสวัสดิการ", **overrides}


def test_agency_staff_add_a_mission_with_history(world, agency_officer, theme):
    mission = services.mission_create(
        agency=world.lao, by=agency_officer, theme=theme, budget_amount=Decimal("450000"), contact_name="คุณพร", **_mission()
    )
    assert (mission.agency, mission.fiscal_year, mission.budget_amount) == (world.lao, 2569, Decimal("450000"))
    record = mission.history.get()
    assert (record.history_type, record.history_user) == ("+", agency_officer)


@pytest.mark.parametrize("persona", ["staff_x", "officer_d", "codi_staff"])
def test_others_may_not_keep_an_agencys_missions(request, world, theme, persona):
    user = request.getfixturevalue(persona)
    with pytest.raises(PermissionDenied, match="เฉพาะเจ้าหน้าที่ของหน่วยงานนี้"):
        services.mission_create(agency=world.lao, by=user, theme=theme, **_mission())
    assert Mission.objects.count() == 0


def test_staff_of_another_agency_may_not_edit_or_remove_a_mission(world, theme):
    mission = MissionFactory(agency=world.lao, theme=theme)
    other = user_with_role("other_lao", Role.AGENCY_STAFF, agency=AgencyFactory(subdistrict=world.council_y.subdistrict))
    with pytest.raises(PermissionDenied):
        services.mission_update(mission=mission, by=other, title="ยึดภารกิจ")
    with pytest.raises(PermissionDenied):
        services.mission_delete(mission=mission, by=other)
    mission.refresh_from_db()
    assert mission.title.startswith("ภารกิจสนับสนุนชุมชน")


def test_national_department_staff_act_on_their_own_agency_only(world, theme):
    dopa = national_agency()
    staff = user_with_role("dopa_staff", Role.AGENCY_STAFF, agency=dopa)
    assert services.mission_create(agency=dopa, by=staff, theme=theme, **_mission()).agency == dopa
    with pytest.raises(PermissionDenied):
        services.mission_create(agency=world.lao, by=staff, theme=theme, **_mission())
    assert Mission.objects.count() == 1


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"fiscal_year": 2026}, "fiscal_year", "ปี 2026 ดูเหมือนเป็นปี ค.ศ. กรุณากรอกเป็นปี พ.ศ. (เช่น 2569)"),
        ({"budget_amount": Decimal("-1")}, "budget_amount", "วงเงินต้องไม่ติดลบ"),
        ({"contact_email": "ไม่ใช่อีเมล"}, "contact_email", "กรอกอีเมลให้ถูกต้อง"),
    ],
)
def test_bad_mission_values_are_refused_in_thai_and_nothing_is_written(world, agency_officer, theme, overrides, field, message):
    with pytest.raises(ValidationError) as error:
        services.mission_create(agency=world.lao, by=agency_officer, theme=theme, **_mission(**overrides))
    assert message in " ".join(error.value.message_dict[field])
    assert Mission.objects.count() == 0


def test_mission_update_and_delete_by_its_staff(world, agency_officer, theme):
    mission = MissionFactory(agency=world.lao, theme=theme)
    services.mission_update(mission=mission, by=agency_officer, title="ภารกิจใหม่")
    assert Mission.objects.get().title == "ภารกิจใหม่"
    services.mission_delete(mission=mission, by=agency_officer)
    assert Mission.objects.count() == 0
    assert Mission.history.filter(history_type="-").get().history_user == agency_officer


def _agreement(**overrides):
    return {"title": "ข้อตกลงขับเคลื่อนกลไกอำเภอ", "signed_on": "2025-09-15", "starts_on": "2025-10-01", **overrides}


def test_an_agreement_with_parties_and_a_real_pdf(world, agency_officer):
    dopa = national_agency()
    agreement = services.agreement_create(
        agency=world.lao, by=agency_officer, other_agencies=[dopa], other_parties="พอช.\n\nสภาองค์กรชุมชน",
        file=upload(pdf_bytes()), province=world.province, district=world.district, **_agreement(),
    )  # fmt: skip
    assert list(agreement.other_agencies.all()) == [dopa]
    assert agreement.other_party_lines == ["พอช.", "สภาองค์กรชุมชน"]
    assert agreement.file.name.startswith(f"agreements/{world.lao.pk}/")
    assert list(dopa.agreements_joined.all()) == [agreement]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"MZ\x90\x00 not a pdf at all", "ไฟล์นี้ไม่ใช่ PDF"),
        (b"%PDF-1.4\n1 0 obj broken", "เปิดไฟล์ PDF นี้ไม่ได้"),
    ],
)
def test_a_file_that_is_not_a_real_pdf_is_refused(world, agency_officer, content, message):
    with pytest.raises(ValidationError) as error:
        services.agreement_create(agency=world.lao, by=agency_officer, file=upload(content), **_agreement())
    assert message in " ".join(error.value.message_dict["file"])
    assert CooperationAgreement.objects.count() == 0


def test_a_pdf_over_the_size_cap_is_refused(world, agency_officer, settings):
    settings.AGREEMENT_MAX_BYTES = 100
    with pytest.raises(ValidationError) as error:
        services.agreement_create(agency=world.lao, by=agency_officer, file=upload(pdf_bytes()), **_agreement())
    assert error.value.message_dict["file"] == ["ไฟล์ใหญ่เกินไป (ไม่เกิน 100\xa0ไบต์)"]
    assert CooperationAgreement.objects.count() == 0


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"starts_on": "2025-10-01", "ends_on": "2025-01-01"}, "ends_on", "วันสิ้นสุดต้องไม่ก่อนวันเริ่มมีผล"),
        ({"signed_on": "2568-09-15"}, "signed_on", "ดูเหมือนเป็นปี พ.ศ."),
    ],
)
def test_bad_agreement_dates_are_refused_in_thai(world, agency_officer, overrides, field, message):
    with pytest.raises(ValidationError) as error:
        services.agreement_create(agency=world.lao, by=agency_officer, **_agreement(**overrides))
    assert message in " ".join(error.value.message_dict[field])
    assert CooperationAgreement.objects.count() == 0


def test_the_agency_is_not_its_own_other_party(world, agency_officer):
    with pytest.raises(ValidationError) as error:
        services.agreement_create(agency=world.lao, by=agency_officer, other_agencies=[world.lao], **_agreement())
    assert error.value.message_dict["other_agencies"] == ["หน่วยงานเจ้าของข้อตกลงไม่ต้องเลือกซ้ำในหน่วยงานที่ร่วมลงนาม"]
    assert CooperationAgreement.objects.count() == 0


def test_others_may_not_edit_or_remove_an_agreement(world, officer_d):
    agreement = AgreementFactory(agency=world.lao)
    with pytest.raises(PermissionDenied, match="เฉพาะเจ้าหน้าที่ของหน่วยงานนี้จึงจะแก้ไขข้อตกลงนี้ได้"):
        services.agreement_update(agreement=agreement, by=officer_d, title="เปลี่ยนชื่อ")
    with pytest.raises(PermissionDenied):
        services.agreement_delete(agreement=agreement, by=officer_d)
    assert CooperationAgreement.objects.get().title == agreement.title


def test_agreement_update_keeps_parties_and_file_unless_given(world, agency_officer):
    dopa = national_agency()
    agreement = services.agreement_create(
        agency=world.lao, by=agency_officer, other_agencies=[dopa], file=upload(pdf_bytes()), **_agreement()
    )
    name = agreement.file.name
    services.agreement_update(agreement=agreement, by=agency_officer, title="ชื่อใหม่")
    agreement.refresh_from_db()
    assert (agreement.title, agreement.file.name, list(agreement.other_agencies.all())) == ("ชื่อใหม่", name, [dopa])
