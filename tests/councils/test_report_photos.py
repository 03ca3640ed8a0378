"""Photos for the annual report: a caption and the "use in the annual report" choice when
logging or editing an activity, CODI staff choosing photos on the council page, who is
refused, and the fair pick of the chosen photos (councils.reporting.report_photos)."""

import datetime as dt
import io

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from common.thai import format_date
from councils import permissions
from councils.models import ActivityPhoto
from councils.reporting import report_photos
from councils.services import activities as activity_services

from ..factories import ActivityFactory, CouncilFactory, SubdistrictFactory

pytestmark = pytest.mark.django_db

NEW = "/councils/500203/activities/new/"


def _png(name="photo.png", size=(40, 30)) -> SimpleUploadedFile:
    buf = io.BytesIO()
    Image.new("RGB", size, (11, 93, 59)).save(buf, "PNG")
    return SimpleUploadedFile(name, buf.getvalue(), content_type="image/png")


def photo_of(activity, *, caption="", in_report=False) -> ActivityPhoto:
    photo = ActivityPhoto(activity=activity, caption=caption, in_report=in_report)
    photo.image.save("p.png", _png(), save=True)
    return photo


def _form(**overrides):
    data = {
        "date": format_date(dt.date.today() - dt.timedelta(days=2)),
        "kind": "forum",
        "title": "เวทีประชาคมเรื่องไฟป่า",
        "participants": "60",
    }
    return {**data, **overrides}


def _toggle_url(photo):
    a = photo.activity
    return f"/councils/{a.council.subdistrict.code}/activities/{a.pk}/photos/{photo.pk}/report/"


# --- Logging and editing ------------------------------------------------------------------


def test_logging_gives_the_new_photos_their_caption_and_report_choice(client, world, staff_x):
    client.force_login(staff_x)
    data = _form(photo_caption="  ชาวบ้านช่วยกันทำแนวกันไฟ ", photos_in_report="on")
    data["photos"] = [_png("a.png"), _png("b.png")]
    assert client.post(NEW, data).status_code == 302
    assert sorted(ActivityPhoto.objects.values_list("caption", "in_report")) == [
        ("ชาวบ้านช่วยกันทำแนวกันไฟ", True), ("ชาวบ้านช่วยกันทำแนวกันไฟ", True),
    ]  # fmt: skip


def test_logging_without_the_choice_leaves_photos_out_of_the_report(client, world, staff_x):
    client.force_login(staff_x)
    assert client.post(NEW, {**_form(), "photos": [_png()]}).status_code == 302
    assert list(ActivityPhoto.objects.values_list("caption", "in_report")) == [("", False)]


def test_a_too_long_caption_is_refused_in_thai(client, world, staff_x):
    client.force_login(staff_x)
    response = client.post(NEW, {**_form(photo_caption="ก" * 256), "photos": [_png()]})
    assert response.status_code == 200
    assert "คำบรรยายภาพต้องยาวไม่เกิน 255 ตัวอักษร" in response.content.decode()
    assert ActivityPhoto.objects.count() == 0


def test_the_edit_page_edits_each_photo_caption_and_choice(client, world, staff_x):
    activity = ActivityFactory(council=world.council_x, participants=5)
    first, second = photo_of(activity, caption="เดิม"), photo_of(activity, in_report=True)
    client.force_login(staff_x)
    url = f"/councils/500203/activities/{activity.pk}/edit/"
    page = client.get(url).content.decode()
    assert f'name="caption_{first.pk}"' in page and 'value="เดิม"' in page
    assert f'name="in_report_{second.pk}"' in page
    data = {
        "date": format_date(activity.date), "kind": activity.kind, "title": activity.title, "participants": "5",
        f"caption_{first.pk}": "เยาวชนปลูกป่า", f"in_report_{first.pk}": "on", f"caption_{second.pk}": "",
    }  # fmt: skip
    response = client.post(url, data)
    assert response.status_code == 302, response.context["form"].errors
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.caption, first.in_report, second.caption, second.in_report) == ("เยาวชนปลูกป่า", True, "", False)
    assert activity.history.latest().history_change_reason == "แก้คำบรรยายหรือการเลือกลงรายงาน 2 ภาพ"


def test_editing_nothing_about_the_photos_writes_no_history(world, staff_x):
    activity = ActivityFactory(council=world.council_x)
    photo = photo_of(activity, caption="ภาพ")
    before = activity.history.count()
    activity_services.activity_update(
        activity=activity, by=staff_x, photo_edits={photo.pk: {"caption": "ภาพ", "in_report": False}}
    )
    assert activity.history.count() == before


def test_a_photo_of_another_activity_cannot_be_edited(world, staff_x):
    activity, other = ActivityFactory(council=world.council_x), ActivityFactory(council=world.council_x)
    foreign = photo_of(other)
    with pytest.raises(ValidationError):
        activity_services.activity_update(activity=activity, by=staff_x, photo_edits={foreign.pk: {"in_report": True}})
    foreign.refresh_from_db()
    assert foreign.in_report is False


# --- Choosing for the report (council staff and CODI staff) -----------------------------------


def test_codi_staff_choose_and_unchoose_a_photo_on_the_council_page(client, world, codi_staff):
    activity = ActivityFactory(council=world.council_x)
    photo = photo_of(activity, caption="เวทีประชาคม")
    client.force_login(codi_staff)
    page = client.get("/councils/500203/").content.decode()
    assert _toggle_url(photo) in page and "เลือกลงรายงานประจำปี" in page
    response = client.post(_toggle_url(photo), {"in_report": "1"})
    assert response.status_code == 302 and response["Location"].endswith(f"#activity-{activity.pk}")
    photo.refresh_from_db()
    assert photo.in_report is True
    assert "นำออกจากรายงาน" in client.get("/councils/500203/").content.decode()
    client.post(_toggle_url(photo), {"in_report": "0"})
    photo.refresh_from_db()
    assert photo.in_report is False


def test_those_who_may_not_choose_see_no_button_and_are_refused(client, world, officer_d, agency_officer):
    photo = photo_of(ActivityFactory(council=world.council_x), caption="เวทีประชาคม")
    for user in (officer_d, agency_officer):
        client.force_login(user)
        page = client.get("/councils/500203/").content.decode()
        assert _toggle_url(photo) not in page and "เวทีประชาคม" in page  # the caption, without the button
        assert client.post(_toggle_url(photo), {"in_report": "1"}).status_code == 403
    photo.refresh_from_db()
    assert photo.in_report is False


def test_the_rule_refuses_codi_staff_outside_their_area_and_other_councils_staff(
    world, staff_x, staff_y, codi_staff, codi_regional, officer_d, agency_officer
):
    x_activity = ActivityFactory(council=world.council_x)
    w_activity = ActivityFactory(council=world.council_w)  # province Q, outside codi_regional's P
    allowed = permissions.can_choose_report_photos
    assert allowed(user=staff_x, activity=x_activity) and allowed(user=codi_staff, activity=w_activity)
    assert allowed(user=codi_regional, activity=x_activity)
    assert not allowed(user=codi_regional, activity=w_activity)
    assert not allowed(user=staff_y, activity=x_activity)
    assert not allowed(user=officer_d, activity=x_activity)
    assert not allowed(user=agency_officer, activity=x_activity)


def test_the_service_refuses_whom_the_rule_refuses(world, officer_d):
    photo = photo_of(ActivityFactory(council=world.council_x))
    with pytest.raises(PermissionDenied):
        activity_services.activity_photo_choose(photo=photo, by=officer_d, in_report=True)
    photo.refresh_from_db()
    assert photo.in_report is False


def test_a_photo_of_another_activity_is_not_found_through_this_one(client, world, codi_staff):
    activity, other = ActivityFactory(council=world.council_x), ActivityFactory(council=world.council_x)
    foreign = photo_of(other)
    client.force_login(codi_staff)
    url = f"/councils/500203/activities/{activity.pk}/photos/{foreign.pk}/report/"
    assert client.post(url, {"in_report": "1"}).status_code == 404


# --- The fair pick ------------------------------------------------------------------------------


def test_report_photos_takes_the_chosen_of_the_year_in_turn_across_provinces_and_councils(world):
    fy_day = dt.date(2026, 1, 10)  # fiscal year 2569
    x1 = ActivityFactory(council=world.council_x, date=fy_day)
    x2 = ActivityFactory(council=world.council_x, date=fy_day + dt.timedelta(days=1))
    y1 = ActivityFactory(council=world.council_y, date=fy_day)
    w1 = ActivityFactory(council=world.council_w, date=fy_day)
    picks = {
        "x_old": photo_of(x1, caption="x old", in_report=True),
        "x_new_a": photo_of(x2, caption="x new a", in_report=True),
        "x_new_b": photo_of(x2, caption="x new b", in_report=True),
        "y": photo_of(y1, caption="y", in_report=True),
        "w": photo_of(w1, caption="w", in_report=True),
    }
    photo_of(x1, caption="not chosen")
    photo_of(ActivityFactory(council=world.council_x, date=dt.date(2025, 9, 1)), caption="last year", in_report=True)
    captions = [p["caption"] for p in report_photos(subdistricts=None, fiscal_year=2569, limit=24)]
    # P then Q; in P, X then Y; X's newest first: each province and council gets its turn.
    assert captions == ["x new b", "w", "y", "x new a", "x old"]
    assert [p["caption"] for p in report_photos(subdistricts=None, fiscal_year=2569, limit=3)] == ["x new b", "w", "y"]
    first = report_photos(subdistricts=None, fiscal_year=2569, limit=1)[0]
    assert (first["council"], first["date"], first["id"]) == (world.council_x.name, x2.date, picks["x_new_b"].pk)


def test_report_photos_keeps_to_the_area(world, django_assert_num_queries):
    from geo.models import Subdistrict

    other = CouncilFactory(subdistrict=SubdistrictFactory(district=world.far_district, code="570102"))
    photo_of(ActivityFactory(council=world.council_x, date=dt.date(2026, 2, 1)), caption="P", in_report=True)
    photo_of(ActivityFactory(council=other, date=dt.date(2026, 2, 1)), caption="Q", in_report=True)
    area = Subdistrict.objects.filter(district__province=world.province).values("pk")
    with django_assert_num_queries(1):
        picked = report_photos(subdistricts=area, fiscal_year=2569, limit=24)
    assert [p["caption"] for p in picked] == ["P"]


@pytest.mark.parametrize("activities", [1, 6])
def test_the_council_page_with_choice_buttons_keeps_its_query_count(
    client, world, codi_staff, activities, django_assert_max_num_queries
):
    for _ in range(activities):
        photo_of(ActivityFactory(council=world.council_x), caption="เวที", in_report=True)
    client.force_login(codi_staff)
    client.get("/councils/500203/")  # warm the session and scope
    with django_assert_max_num_queries(10):  # the same at 1 and 6 activities: no query per photo
        page = client.get("/councils/500203/").content.decode()
    assert page.count("นำออกจากรายงาน") == activities
