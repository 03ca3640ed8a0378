"""The deepened activity log: agencies, participants by group, outcomes, several photos,
editing (own council's staff only), the edit history, and the form's weight on a phone."""

import datetime as dt
import io
import re

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from common.thai import format_date
from councils.models import Activity, ActivityPhoto
from councils.services import activities as activity_services
from councils.services.activities import clean_participants_by_group

from ..factories import ActivityFactory, AgencyFactory, DistrictFactory, SubdistrictFactory, national_agency

pytestmark = pytest.mark.django_db

NEW = "/councils/500203/activities/new/"
PAGE_BUDGET_BYTES = 200 * 1024


def _png(name="photo.png", size=(40, 30), color=(11, 93, 59)) -> SimpleUploadedFile:
    buf = io.BytesIO()
    Image.new("RGB", size, color).save(buf, "PNG")
    return SimpleUploadedFile(name, buf.getvalue(), content_type="image/png")


def _form(**overrides):
    data = {
        "date": format_date(dt.date.today() - dt.timedelta(days=2)),
        "kind": "forum",
        "title": "เวทีประชาคมเรื่องไฟป่า",
        "description": "ชาวบ้านวางแผนทำแนวกันไฟ",
        "outcomes": "ตกลงทำแนวกันไฟ 3 กิโลเมตร เสนอ อบต. บรรจุในแผนปี 2570",
        "participants": "60",
        "group_youth": "12",
        "group_elderly": "8",
    }
    data.update(overrides)
    return data


def _url(activity, action):
    return f"/councils/{activity.council.subdistrict.code}/activities/{activity.pk}/{action}/"


@pytest.fixture
def agencies(world):
    """The LAO of tambon X (world.lao), a district office of D, an agency of district E in the
    same province, and one in another province (not offered, refused if sent)."""
    district_office = AgencyFactory(
        name="ที่ว่าการอำเภอจอมทอง",
        kind="district_office",
        subdistrict=None,
        district=world.district,
        province=world.province,
        dla_code=None,
    )
    other_district = AgencyFactory(subdistrict=world.council_z.subdistrict)
    far = AgencyFactory(subdistrict=world.council_w.subdistrict)
    return type("Agencies", (), {"lao": world.lao, "office": district_office, "other": other_district, "far": far})


# --- Logging -------------------------------------------------------------------------------


def test_staff_log_an_activity_with_photos_agencies_groups_and_outcomes(client, world, staff_x, agencies):
    client.force_login(staff_x)
    data = _form(agencies=[agencies.lao.pk, agencies.office.pk])
    data["photos"] = [_png("a.png"), _png("b.png", size=(80, 60))]
    response = client.post(NEW, data)
    assert response.status_code == 302, response.context["form"].errors if response.context else ""
    activity = Activity.objects.get()
    assert activity.participants_by_group == {"youth": 12, "elderly": 8}
    assert activity.outcomes.startswith("ตกลงทำแนวกันไฟ")
    assert set(activity.agencies.all()) == {agencies.lao, agencies.office}
    assert sorted((p.width, p.height) for p in activity.photos.all()) == [(40, 30), (80, 60)]
    # One history record for one write, and it already knows the agencies.
    record = activity.history.get()
    assert (record.history_type, record.history_user) == ("+", staff_x)
    assert {row.agency_id for row in record.agencies.all()} == {agencies.lao.pk, agencies.office.pk}

    page = client.get("/councils/500203/").content.decode()
    assert "เด็กและเยาวชน 12 คน" in page and "ผู้สูงอายุ 8 คน" in page
    assert agencies.lao.name in page and "ที่ว่าการอำเภอจอมทอง" in page
    assert "ผลที่เกิดขึ้น:" in page and "ตกลงทำแนวกันไฟ 3 กิโลเมตร" in page
    assert len(re.findall(r'<img src="/media/activities/', page)) == 2


def test_the_form_offers_the_province_agencies_nearest_first(client, world, staff_x, agencies):
    client.force_login(staff_x)
    form = client.get(NEW).context["form"]
    offered = list(form.fields["agencies"].queryset)
    assert offered == [agencies.lao, agencies.office, agencies.other]  # tambon, district, then E
    assert agencies.far not in offered
    groups = form.agency_groups()
    assert [(title, is_open, len(boxes)) for title, is_open, boxes in groups] == [
        ("ในอำเภอจอมทอง", True, 2),
        ("อำเภอเชียงดาว", False, 1),
    ]


def test_a_national_department_is_offered_in_its_own_group_and_may_be_named(client, world, staff_x, agencies):
    cdd = national_agency(kind="cdd_department", name="กรมการพัฒนาชุมชน")
    client.force_login(staff_x)
    form = client.get(NEW).context["form"]
    assert list(form.fields["agencies"].queryset) == [agencies.lao, agencies.office, cdd, agencies.other]
    assert [(title, len(boxes)) for title, _open, boxes in form.agency_groups()] == [
        ("ในอำเภอจอมทอง", 2), ("หน่วยงานส่วนกลาง", 1), ("อำเภอเชียงดาว", 1),
    ]  # fmt: skip
    response = client.post(NEW, _form(agencies=[cdd.pk]))
    assert response.status_code == 302
    assert list(Activity.objects.get().agencies.all()) == [cdd]


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"group_youth": "70"}, "group_youth", "จำนวนเด็กและเยาวชน (70 คน) มากกว่าจำนวนผู้เข้าร่วมทั้งหมด (60 คน)"),
        ({"group_women": "-1"}, "group_women", "จำนวนสตรีต้องไม่ติดลบ"),
        ({"group_disabled": "สาม"}, "group_disabled", "จำนวนคนพิการต้องเป็นตัวเลข"),
        ({"participants": "", "group_youth": "3"}, "group_youth", "มากกว่าจำนวนผู้เข้าร่วมทั้งหมด (0 คน)"),
    ],
)
def test_bad_group_counts_are_refused_in_thai(client, world, staff_x, overrides, field, message):
    client.force_login(staff_x)
    response = client.post(NEW, _form(**overrides))
    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors[field])
    assert message in response.content.decode()
    assert Activity.objects.count() == 0


def test_an_agency_of_another_province_is_refused(client, world, staff_x, agencies):
    client.force_login(staff_x)
    response = client.post(NEW, _form(agencies=[agencies.lao.pk, agencies.far.pk]))
    assert response.status_code == 200
    assert "หน่วยงานในจังหวัดเดียวกับสภาหรือหน่วยงานส่วนกลาง" in " ".join(response.context["form"].errors["agencies"])
    assert Activity.objects.count() == 0


def test_more_than_five_photos_are_refused_and_nothing_is_written(client, world, staff_x):
    client.force_login(staff_x)
    response = client.post(NEW, {**_form(), "photos": [_png(f"{i}.png") for i in range(6)]})
    assert response.status_code == 200
    assert "แนบภาพได้ไม่เกิน 5 ภาพต่อกิจกรรม" in " ".join(response.context["form"].errors["photos"])
    assert (Activity.objects.count(), ActivityPhoto.objects.count()) == (0, 0)


def test_a_bad_file_among_good_ones_names_the_file(client, world, staff_x):
    client.force_login(staff_x)
    bad = SimpleUploadedFile("notes.png", b"not a picture", content_type="image/png")
    response = client.post(NEW, {**_form(), "photos": [_png("ok.png"), bad]})
    assert response.status_code == 200
    errors = " ".join(response.context["form"].errors["photos"])
    assert "ไฟล์ “notes.png”" in errors and "ไม่ใช่รูปภาพ" in errors
    assert (Activity.objects.count(), ActivityPhoto.objects.count()) == (0, 0)


def test_services_check_groups_agencies_and_permission_themselves(world, staff_x, officer_d, agencies):
    with pytest.raises(ValidationError) as error:
        clean_participants_by_group({"pets": 3}, 10)
    assert "ไม่รู้จักกลุ่มผู้เข้าร่วม “pets”" in str(error.value)
    assert clean_participants_by_group({"youth": "๑๒", "women": 0, "elderly": None}, 20) == {"youth": 12}
    common = {"council": world.council_x, "date": dt.date.today(), "kind": "forum", "title": "ประชุม", "participants": 5}
    with pytest.raises(ValidationError) as error:
        activity_services.activity_log(by=staff_x, agencies=[agencies.far], **common)
    assert "agencies" in error.value.message_dict
    with pytest.raises(PermissionDenied):
        activity_services.activity_log(by=officer_d, **common)
    assert Activity.objects.count() == 0


# --- Editing ---------------------------------------------------------------------------------


@pytest.fixture
def logged(client, world, staff_x, agencies):
    client.force_login(staff_x)
    data = _form(agencies=[agencies.lao.pk])
    data["photos"] = [_png("a.png"), _png("b.png")]
    assert client.post(NEW, data).status_code == 302
    return Activity.objects.get()


def test_staff_edit_their_activity_and_the_history_shows_each_change(
    client, world, staff_x, agencies, logged, django_capture_on_commit_callbacks
):
    keep, drop = list(logged.photos.all())
    edit = _form(
        title="เวทีประชาคมเรื่องไฟป่าและหมอกควัน",
        participants="65",
        group_youth="15",
        group_elderly="",
        agencies=[agencies.lao.pk, agencies.office.pk],
        remove_photos=[drop.pk],
    )
    edit["photos"] = [_png("c.png", size=(50, 50))]
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(_url(logged, "edit"), edit)
    assert response.status_code == 302 and response["Location"] == f"/councils/500203/#activity-{logged.pk}"
    logged.refresh_from_db()
    assert (logged.title, logged.participants, logged.participants_by_group) == (
        "เวทีประชาคมเรื่องไฟป่าและหมอกควัน",
        65,
        {"youth": 15},
    )
    assert set(logged.agencies.all()) == {agencies.lao, agencies.office}
    assert sorted(p.pk for p in logged.photos.all())[0] == keep.pk and logged.photos.count() == 2
    assert not drop.image.storage.exists(drop.image.name)  # the file went with the row, after commit
    assert logged.history.count() == 2

    page = client.get(_url(logged, "history"))
    assert page.status_code == 200
    latest = page.context["entries"][0]
    assert (latest.action, latest.who, latest.reason) == ("แก้ไข", staff_x.display_name, "เพิ่มภาพ 1 ภาพ, ลบภาพ 1 ภาพ")
    changes = {c.label: (c.old, c.new) for c in latest.changes}
    assert changes == {
        "ชื่อกิจกรรม": ("เวทีประชาคมเรื่องไฟป่า", "เวทีประชาคมเรื่องไฟป่าและหมอกควัน"),
        "จำนวนผู้เข้าร่วม (คน)": ("60 คน", "65 คน"),
        "ผู้เข้าร่วมจำแนกตามกลุ่ม": ("เด็กและเยาวชน 12 คน, ผู้สูงอายุ 8 คน", "เด็กและเยาวชน 15 คน"),
        "หน่วยงานที่ร่วมกิจกรรม": (agencies.lao.name, f"{agencies.lao.name}, ที่ว่าการอำเภอจอมทอง"),
    }
    first = page.context["entries"][1]
    assert first.action == "บันทึกกิจกรรม"
    assert ("หน่วยงานที่ร่วมกิจกรรม", "–", agencies.lao.name) in [(c.label, c.old, c.new) for c in first.changes]
    html = page.content.decode()
    assert "เวทีประชาคมเรื่องไฟป่าและหมอกควัน" in html and "ผู้เข้าร่วมจำแนกตามกลุ่ม" in html


def test_saving_an_unchanged_activity_writes_no_history(client, world, staff_x, agencies, logged):
    form = client.get(_url(logged, "edit")).context["form"]
    assert form["group_youth"].value() == 12 and form["agencies"].value() == [agencies.lao.pk]
    response = client.post(_url(logged, "edit"), _form(agencies=[agencies.lao.pk]))
    assert response.status_code == 302
    assert logged.history.count() == 1


def test_edit_photo_limit_counts_the_photos_kept(client, world, staff_x, logged):
    response = client.post(_url(logged, "edit"), {**_form(), "photos": [_png(f"{i}.png") for i in range(4)]})
    assert response.status_code == 200
    assert "เพิ่มได้อีกไม่เกิน 3 ภาพ" in " ".join(response.context["form"].errors["photos"])
    assert logged.photos.count() == 2 and logged.history.count() == 1


def test_edit_is_refused_outside_the_council(client, world, logged, staff_y, officer_d, officer_e):
    url = _url(logged, "edit")
    client.force_login(staff_y)  # another council: does not even see the activity
    assert client.get(url).status_code == 404
    assert client.post(url, _form(title="ถูกแก้")).status_code == 404
    client.force_login(officer_d)  # sees it (district), may not change it
    assert client.get(url).status_code == 403
    assert client.post(url, _form(title="ถูกแก้")).status_code == 403
    client.logout()
    assert client.get(url)["Location"].startswith("/accounts/login/")
    logged.refresh_from_db()
    assert logged.title == "เวทีประชาคมเรื่องไฟป่า" and logged.history.count() == 1
    # An activity id of another council under this council's code is not found either.
    other = ActivityFactory(council=world.council_y)
    client.force_login(officer_d)
    assert client.get(f"/councils/500203/activities/{other.pk}/history/").status_code == 404


def test_history_is_for_those_whose_area_covers_the_council(client, world, logged, officer_d, officer_e, staff_y):
    url = _url(logged, "history")
    client.force_login(officer_d)
    page = client.get(url)
    assert page.status_code == 200
    assert "/edit/" not in page.content.decode()  # no edit link for the district officer
    for outsider in (officer_e, staff_y):
        client.force_login(outsider)
        assert client.get(url).status_code == 404
    client.logout()
    assert client.get(url).status_code == 302


# --- A phone on a slow link -------------------------------------------------------------------


def _assets(html: str) -> list[str]:
    links = re.findall(r'<link[^>]+href="(/static/[^"]+)"', html)
    scripts = re.findall(r'<script[^>]+src="(/static/[^"]+)"', html)
    return sorted(set(links + scripts))


def test_the_activity_form_page_weighs_under_200_kb_with_its_assets(client, world, staff_x):
    """HTML + CSS + JS + fonts, uncompressed (what is sent can only be smaller), with a big
    province's agency list: 350 agencies, like Nakhon Ratchasima's LAOs and offices."""
    for i in range(350):
        district = DistrictFactory(province=world.province, code=f"50{(i % 40) + 10:02d}")
        AgencyFactory(
            subdistrict=SubdistrictFactory(district=district, code=f"{district.code}{(i // 40) + 10:02d}"),
            name=f"องค์การบริหารส่วนตำบลทดสอบที่มีชื่อยาวพอสมควร {i}",
        )
    client.force_login(staff_x)
    response = client.get(NEW)
    html = response.content.decode()
    assert len(response.context["form"].fields["agencies"].queryset) == 351
    sizes = {"page": len(response.content)}
    assets = _assets(html)
    css_urls = [a for a in assets if a.endswith(".css")]
    assert css_urls and any(a.endswith(".js") for a in assets)
    for url in assets:
        body = b"".join(client.get(url).streaming_content) if url else b""
        assert body, url
        sizes[url] = len(body)
        if url.endswith(".css"):  # fonts and images the stylesheet pulls in
            base = url.rsplit("/", 1)[0]
            for ref in re.findall(r'url\("?([^")]+)"?\)', body.decode()):
                font = f"{base}/{ref}" if not ref.startswith("/") else ref
                font = re.sub(r"/[^/]+/\.\./", "/", font)
                sizes.setdefault(font, len(b"".join(client.get(font).streaming_content)))
    assert any(k.endswith(".woff2") for k in sizes), sizes
    total = sum(sizes.values())
    assert total < PAGE_BUDGET_BYTES, f"{total:,} bytes: {sizes}"


def test_a_date_typed_as_dd_mm_be_is_stored_as_the_ce_date_and_shown_back_in_be(client, world, staff_x):
    """The form reads Buddhist-era years (Thai digits too) and never offers <input type=date>."""
    client.force_login(staff_x)
    page = client.get(NEW).content.decode()
    assert 'type="date"' not in page and 'name="date"' in page and "data-be-date" in page
    response = client.post(NEW, _form(date="๒๒/๐๒/๒๕๖๕", title="เวทีประชาคม ๒๕๖๕"))
    assert response.status_code == 302, response.context["form"].errors
    activity = Activity.objects.get(title="เวทีประชาคม ๒๕๖๕")
    assert activity.date == dt.date(2022, 2, 22)
    edit = client.get(f"/councils/500203/activities/{activity.pk}/edit/").content.decode()
    assert 'value="22/02/2565"' in edit
    refused = client.post(NEW, _form(date="02/22/2022", title="ปี ค.ศ."))
    assert refused.status_code == 200 and not Activity.objects.filter(title="ปี ค.ศ.").exists()
    assert refused.context["form"].errors["date"] == [
        "ปี 2022 เป็นปี ค.ศ. แต่ช่องนี้ใช้ปี พ.ศ. กรุณาพิมพ์ปี พ.ศ. (เช่น 2565)"
    ]
