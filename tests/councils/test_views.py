import datetime as dt
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from common.thai import format_date
from councils.choices import CouncilStatus
from councils.models import Activity

from ..factories import ActivityFactory, CouncilFactory, SubdistrictFactory

pytestmark = pytest.mark.django_db

NEW = "/councils/{}/activities/new/"


def _png() -> SimpleUploadedFile:
    buf = io.BytesIO()
    Image.new("RGB", (40, 30), (11, 93, 59)).save(buf, "PNG")
    return SimpleUploadedFile("photo.png", buf.getvalue(), content_type="image/png")


def _activity(**overrides):
    data = {
        "date": format_date(dt.date.today() - dt.timedelta(days=1)),
        "kind": "forum",
        "title": "เวทีประชาคมเรื่องน้ำท่วม",
        "description": "ชาวบ้านร่วมกันวางแผนรับมือน้ำท่วม",
        "participants": "42",
    }
    data.update(overrides)
    return data


def test_council_staff_logs_an_activity_and_sees_it(client, world, staff_x):
    client.force_login(staff_x)
    response = client.post(NEW.format("500203"), {**_activity(), "photos": _png()})
    assert response.status_code == 302
    assert response["Location"] == "/councils/500203/"
    activity = Activity.objects.get()
    assert (activity.council, activity.title, activity.participants, activity.created_by) == (
        world.council_x, "เวทีประชาคมเรื่องน้ำท่วม", 42, staff_x
    )
    photo = activity.photos.get()
    assert photo.image.name.startswith("activities/") and photo.image.name.endswith(".jpg")
    assert (photo.width, photo.height) == (40, 30)
    page = client.get("/councils/500203/").content.decode()
    assert "เวทีประชาคมเรื่องน้ำท่วม" in page
    assert "บันทึกกิจกรรมเรียบร้อยแล้ว" in page
    assert activity.history.count() == 1


def test_staff_of_another_council_gets_404_on_the_edit_page(client, world, staff_y):
    client.force_login(staff_y)
    assert client.get(NEW.format("500203")).status_code == 404
    assert client.post(NEW.format("500203"), _activity()).status_code == 404
    assert Activity.objects.count() == 0


def test_district_officer_sees_the_council_but_may_not_log_for_it(client, world, officer_d):
    client.force_login(officer_d)
    assert client.get(NEW.format("500203")).status_code == 403
    assert client.post(NEW.format("500203"), _activity()).status_code == 403
    assert Activity.objects.count() == 0


def test_anonymous_is_sent_to_login(client, world):
    response = client.get(NEW.format("500203"))
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_unknown_council_is_404(client, world, staff_x):
    client.force_login(staff_x)
    assert client.get(NEW.format("999999")).status_code == 404


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"title": ""}, "title", "กรุณาระบุชื่อกิจกรรม"),
        ({"date": ""}, "date", "กรุณาระบุวันที่จัดกิจกรรม"),
        ({"kind": "party"}, "kind", "ประเภทกิจกรรมไม่ถูกต้อง"),
        ({"participants": "สิบ"}, "participants", "จำนวนผู้เข้าร่วมต้องเป็นตัวเลข"),
        ({"date": "20/11/2025"}, "date", "เป็นปี ค.ศ."),
        ({"date": format_date(dt.date.today() + dt.timedelta(days=2))}, "date", "ต้องไม่เป็นวันในอนาคต"),
    ],
)
def test_bad_input_is_refused_in_thai_and_nothing_is_written(client, world, staff_x, overrides, field, message):
    client.force_login(staff_x)
    response = client.post(NEW.format("500203"), _activity(**overrides))
    assert response.status_code == 200
    errors = " ".join(response.context["form"].errors[field])
    assert message in errors
    assert message in response.content.decode()
    assert Activity.objects.count() == 0


def test_a_file_that_is_not_an_image_is_refused(client, world, staff_x):
    client.force_login(staff_x)
    fake = SimpleUploadedFile("photo.png", b"not really a picture", content_type="image/png")
    response = client.post(NEW.format("500203"), {**_activity(), "photos": fake})
    assert response.status_code == 200
    assert "ไม่ใช่รูปภาพ" in " ".join(response.context["form"].errors["photos"])
    assert Activity.objects.count() == 0


def test_public_council_page_is_readable_without_login(client, world):
    ActivityFactory(council=world.council_x, title="ประชุมสภาประจำไตรมาส", date=dt.date(2025, 11, 25))
    page = client.get("/councils/500203/").content.decode()
    assert "ประชุมสภาประจำไตรมาส" in page
    assert "25 พฤศจิกายน 2568" in page
    assert "บันทึกกิจกรรม" not in page


def test_unpublished_council_is_hidden_from_outsiders(client, world, staff_x, staff_y):
    world.council_x.is_published = False
    world.council_x.save()
    assert client.get("/councils/500203/").status_code == 404
    client.force_login(staff_y)
    assert client.get("/councils/500203/").status_code == 404
    client.force_login(staff_x)
    assert client.get("/councils/500203/").status_code == 200


def test_council_list_is_scoped(client, world, officer_d):
    client.force_login(officer_d)
    page = client.get("/councils/").content.decode()
    assert world.council_x.name in page and world.council_y.name in page
    assert world.council_z.name not in page and world.council_w.name not in page


@pytest.mark.parametrize("size", [3, 30])
def test_council_list_query_count_is_fixed(client, world, codi_staff, django_assert_num_queries, size):
    for _ in range(size):
        CouncilFactory(subdistrict=SubdistrictFactory(district=world.district), status=CouncilStatus.DORMANT)
    client.force_login(codi_staff)
    # session, user, role assignments, their provinces, count, province and theme choices,
    # page of councils (more sizes and filters in test_lists.py)
    with django_assert_num_queries(8):
        assert client.get("/councils/").status_code == 200


@pytest.mark.parametrize("size", [2, 25])
def test_council_page_query_count_is_fixed(client, world, staff_x, django_assert_num_queries, size):
    ActivityFactory.create_batch(size, council=world.council_x)
    client.force_login(staff_x)
    # session, user, roles, their provinces, council, its themes, activities, their photos,
    # their agencies, summary
    with django_assert_num_queries(10):
        assert client.get("/councils/500203/").status_code == 200


def test_activity_photos_are_served_but_nothing_else_from_media(client, world, staff_x, settings):
    client.force_login(staff_x)
    client.post(NEW.format("500203"), {**_activity(), "photos": _png()})
    url = Activity.objects.get().photos.get().image.url
    client.logout()
    response = client.get(url)
    assert response.status_code == 200 and response["Content-Type"] == "image/jpeg"
    (settings.MEDIA_ROOT / "reports").mkdir(parents=True)
    (settings.MEDIA_ROOT / "reports" / "secret.pdf").write_bytes(b"%PDF-")
    assert client.get("/media/reports/secret.pdf").status_code == 404
    assert client.get("/media/activities/../reports/secret.pdf").status_code == 404


# --- Council profile, public page and dashboard -----------------------------------------------

EDIT = "/councils/500203/edit/"
DASHBOARD = "/councils/500203/dashboard/"


def _profile(world, **overrides):
    data = {
        "registration_number": "สอช.500203/2551",
        "registered_on": "15/03/2552",
        "status": "active",
        "address": "ศาลาเอนกประสงค์ หมู่ที่ 3 ตำบลบ้านหลวง",
        "phone": "053-123 456",
        "email": "banluang@example.org",
        "contact_name": "นายสมชาย ใจดี",
        "lao": str(world.lao.pk),
        "is_published": "on",
    }
    data.update(overrides)
    return data


def test_staff_edit_the_profile_and_the_public_page_shows_it(client, world, staff_x):
    from geo.models import Theme

    forest = Theme.objects.create(code="forest", name_th="ทรัพยากรธรรมชาติ")
    client.force_login(staff_x)
    response = client.post(EDIT, {**_profile(world), "themes": [forest.pk]})
    assert response.status_code == 302 and response["Location"] == "/councils/500203/"
    council = world.council_x
    council.refresh_from_db()
    assert (council.registration_number, council.registered_on, council.lao) == (
        "สอช.500203/2551", dt.date(2009, 3, 15), world.lao
    )
    record = council.history.first()
    assert record.history_user == staff_x and council.history.count() == 1 + 1  # created, then this edit
    assert [row.theme_id for row in record.themes.all()] == [forest.pk]
    contact = ("053-123 456", "banluang@example.org", "นายสมชาย ใจดี")
    page = client.get("/councils/500203/").content.decode()
    assert all(text in page for text in contact)  # the council's own staff see the coordinator
    client.logout()
    page = client.get("/councils/500203/").content.decode()
    for text in ("สอช.500203/2551", "15 มีนาคม 2552", world.lao.name, "ทรัพยากรธรรมชาติ", "ยังไม่ได้ประเมิน"):
        assert text in page, text
    for text in contact:  # the public does not (PDPA: a person's name and phone)
        assert text not in page, text
    assert "/edit/" not in page and "/councils/500203/dashboard/" not in page


def test_profile_edit_with_nothing_changed_writes_no_history(client, world, staff_x):
    client.force_login(staff_x)
    client.post(EDIT, _profile(world))
    before = world.council_x.history.count()
    assert client.post(EDIT, _profile(world)).status_code == 302
    assert world.council_x.history.count() == before


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"email": "not-an-email"}, "email", "รูปแบบอีเมลไม่ถูกต้อง"),
        ({"registered_on": "15/03/2008"}, "registered_on", "เป็นปี ค.ศ."),
        ({"status": "asleep"}, "status", "สถานะไม่ถูกต้อง"),
        ({"lao": "999999"}, "lao", "กรุณาเลือก อปท. จากรายการ"),
    ],
)
def test_bad_profile_input_is_refused_in_thai(client, world, staff_x, overrides, field, message):
    client.force_login(staff_x)
    response = client.post(EDIT, _profile(world, **overrides))
    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors[field])
    world.council_x.refresh_from_db()
    assert world.council_x.registration_number == ""


def test_an_lao_of_another_district_is_not_offered(client, world, staff_x):
    from ..factories import AgencyFactory

    far_lao = AgencyFactory(subdistrict=world.council_z.subdistrict)
    client.force_login(staff_x)
    form = client.get(EDIT).context["form"]
    assert list(form.fields["lao"].queryset) == [world.lao]
    response = client.post(EDIT, _profile(world, lao=str(far_lao.pk)))
    assert "กรุณาเลือก อปท. จากรายการ" in " ".join(response.context["form"].errors["lao"])


def test_profile_edit_refusals(client, world, staff_y, officer_d):
    client.force_login(staff_y)
    assert client.get(EDIT).status_code == 404
    assert client.post(EDIT, _profile(world)).status_code == 404
    client.force_login(officer_d)
    assert client.get(EDIT).status_code == 403
    assert client.post(EDIT, _profile(world)).status_code == 403
    client.logout()
    assert client.get(EDIT)["Location"].startswith("/accounts/login/")
    world.council_x.refresh_from_db()
    assert world.council_x.registration_number == ""


def test_dashboard_shows_this_years_figures_level_and_mentor(client, world, staff_x):
    from common.thai import current_fiscal_year
    from councils.models import Assessment, Mentorship

    from ..factories import CommunityOrganizationFactory, CouncilMemberFactory, IndicatorSetFactory

    fy = current_fiscal_year()
    ActivityFactory(council=world.council_x, kind="council_meeting", participants=30)
    ActivityFactory(council=world.council_x, participants=12)
    ActivityFactory(council=world.council_x, date=dt.date(2020, 5, 1), fiscal_year=2563)  # another year
    CommunityOrganizationFactory(council=world.council_x, member_count=40)
    CommunityOrganizationFactory(council=world.council_x, member_count=25)
    CouncilMemberFactory(council=world.council_x)
    CouncilMemberFactory(council=world.council_x, term_end=dt.date(2024, 12, 31))  # term over
    Assessment.objects.create(council=world.council_x, fiscal_year=fy - 1, indicator_set=IndicatorSetFactory(),
                              assessed_on=dt.date(2025, 1, 10), level="needs_development", percent=48)
    Mentorship.objects.create(mentor=world.council_z, mentee=world.council_x, started_on=dt.date(2025, 2, 1))
    client.force_login(staff_x)
    response = client.get(DASHBOARD)
    assert response.status_code == 200
    f = response.context["figures"]
    assert (f["activities_this_year"], f["meetings_this_year"], f["participants_this_year"]) == (2, 1, 42)
    assert (f["members_current"], f["organizations_total"], f["organization_members"]) == (1, 2, 65)
    assert (f["level"], f["level_year"], f["mentorship"].mentor) == ("needs_development", fy - 1, world.council_z)
    page = response.content.decode()
    assert "ต้องพัฒนา" in page and world.council_z.name in page
    assert "ปีนี้สภาประชุมแล้ว 1 ครั้ง" in page
    assert "/councils/500203/activities/new/" in page


def test_dashboard_refusals(client, world, staff_y, officer_d, officer_e):
    client.force_login(officer_d)  # the district officer may look, without the staff buttons
    page = client.get(DASHBOARD)
    assert page.status_code == 200 and "/activities/new/" not in page.content.decode()
    for outsider in (staff_y, officer_e):
        client.force_login(outsider)
        assert client.get(DASHBOARD).status_code == 404
    client.logout()
    assert client.get(DASHBOARD)["Location"].startswith("/accounts/login/")


# --- Community organizations: add and edit --------------------------------------------------

ORG_NEW = "/councils/500203/organizations/new/"


def _org(**overrides):
    data = {
        "code": "co50020399",
        "name": "กลุ่มเกษตรอินทรีย์บ้านหลวง",
        "kind": "occupation_group",
        "founded_on": "01/06/2558",
        "registered_on": "20/01/2559",
        "village_code": "50020303",
        "village_name": "บ้านหลวงใต้",
        "member_count": "35",
    }
    data.update(overrides)
    return data


def test_staff_add_and_edit_an_organization_with_history(client, world, staff_x):
    from councils.models import CommunityOrganization
    from geo.models import Theme

    organic = Theme.objects.create(code="organic", name_th="เกษตรอินทรีย์")
    client.force_login(staff_x)
    response = client.post(ORG_NEW, {**_org(), "themes": [organic.pk]})
    assert response.status_code == 302 and response["Location"] == "/councils/organizations/?council=500203"
    org = CommunityOrganization.objects.get()
    assert (org.code, org.council, org.member_count, list(org.themes.all())) == (
        "CO50020399", world.council_x, 35, [organic]
    )
    assert org.history.get().history_user == staff_x
    edit_url = "/councils/organizations/CO50020399/edit/"
    response = client.post(edit_url, {**_org(member_count="41"), "themes": []})
    assert response.status_code == 302
    org.refresh_from_db()
    assert (org.member_count, list(org.themes.all())) == (41, [])
    assert org.history.count() == 2 and list(org.history.first().themes.all()) == []


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"code": ""}, "code", "กรุณาระบุรหัส พอช."),
        ({"name": ""}, "name", "กรุณาระบุชื่อองค์กร"),
        ({"kind": "club"}, "kind", "ประเภทองค์กรไม่ถูกต้อง"),
        ({"village_code": "57010101"}, "village_code", "ต้องขึ้นต้นด้วยรหัสตำบลของสภา (500203)"),
        ({"village_code": "5002"}, "village_code", "รหัสหมู่บ้านต้องเป็นตัวเลข 8 หลัก"),
        ({"member_count": "-4"}, "member_count", "จำนวนสมาชิกต้องไม่ติดลบ"),
        ({"registered_on": "01/01/2557"}, "registered_on", "วันที่จดแจ้งต้องไม่ก่อนวันที่ก่อตั้ง"),
        ({"founded_on": "01/06/2015"}, "founded_on", "เป็นปี ค.ศ."),
    ],
)
def test_bad_organization_input_is_refused_in_thai(client, world, staff_x, overrides, field, message):
    from councils.models import CommunityOrganization

    client.force_login(staff_x)
    response = client.post(ORG_NEW, _org(**overrides))
    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors[field])
    assert message in response.content.decode()
    assert CommunityOrganization.objects.count() == 0


def test_a_duplicate_codi_code_is_refused_by_name(client, world, staff_x):
    from ..factories import CommunityOrganizationFactory

    CommunityOrganizationFactory(council=world.council_w, code="CO50020399")
    client.force_login(staff_x)
    response = client.post(ORG_NEW, _org())
    assert response.status_code == 200
    assert "รหัส พอช. CO50020399 มีอยู่ในทะเบียนแล้ว" in " ".join(response.context["form"].errors["code"])


def test_organization_add_and_edit_refusals(client, world, staff_y, officer_d):
    from councils.models import CommunityOrganization

    from ..factories import CommunityOrganizationFactory

    org = CommunityOrganizationFactory(council=world.council_x, code="CO50020301", name="กลุ่มเดิม")
    edit_url = "/councils/organizations/CO50020301/edit/"
    client.force_login(staff_y)
    assert client.get(ORG_NEW).status_code == 404
    assert client.post(ORG_NEW, _org()).status_code == 404
    assert client.get(edit_url).status_code == 404
    assert client.post(edit_url, _org(name="ถูกแก้")).status_code == 404
    client.force_login(officer_d)
    assert client.get(ORG_NEW).status_code == 403
    assert client.post(edit_url, _org(name="ถูกแก้")).status_code == 403
    org.refresh_from_db()
    assert org.name == "กลุ่มเดิม" and CommunityOrganization.objects.count() == 1
