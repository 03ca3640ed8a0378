"""A meeting's photos: added with a caption and the report choice on the meeting's page by
whoever manages the meeting (others in scope 403, out of scope 404), their caption edited,
removed with their file; served to whoever may see the meeting (a published one: anyone);
the chosen ones of held meetings go into the annual report beside the activities'."""

import datetime as dt
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from councils.models import ActivityPhoto
from geo.models import Subdistrict
from meetings import reporting
from meetings.choices import MeetingKind
from meetings.models import MeetingPhoto
from meetings.services import meetings as meeting_services
from meetings.services import photos as photo_services
from tests.conftest import client_for

from ..factories import ActivityFactory

pytestmark = pytest.mark.django_db


def _jpeg(name="meeting.jpg", size=(1600, 1200)) -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", size, (40, 120, 60)).save(buffer, format="JPEG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")


def _messages(response) -> list[str]:
    return [str(m) for m in response.context["messages"]] if response.context else []


def _urls(meeting, photo=None) -> dict:
    urls = {"add": reverse("meetings:photo_add", kwargs={"pk": meeting.pk})}
    if photo is not None:
        kwargs = {"pk": meeting.pk, "photo_id": photo.pk}
        urls.update(
            update=reverse("meetings:photo_update", kwargs=kwargs),
            remove=reverse("meetings:photo_remove", kwargs=kwargs),
        )
    return urls


def test_the_keeper_adds_edits_and_removes_a_photo_on_the_meeting_page(
    client, past_meeting, officer_d, django_capture_on_commit_callbacks
):
    client_for(client, officer_d)
    data = {"image": _jpeg(), "caption": "  ที่ประชุมกลไกอำเภอ  ", "in_report": "on"}
    response = client.post(_urls(past_meeting)["add"], data, follow=True)
    assert _messages(response) == ["เพิ่มภาพการประชุมแล้ว"]
    photo = MeetingPhoto.objects.get()
    assert (photo.caption, photo.in_report, photo.added_by, photo.width) == ("ที่ประชุมกลไกอำเภอ", True, officer_d, 1280)
    assert photo.image.name.startswith("meetings/photos/") and photo.image.name.endswith(".jpg")
    page = client.get(past_meeting.get_absolute_url())
    assert page.context["photos"] == [photo]
    assert photo.image.url in page.content.decode() and "ลงรายงานประจำปี" in page.content.decode()

    client.post(_urls(past_meeting, photo)["update"], {"caption": "คำบรรยายใหม่"})
    photo.refresh_from_db()
    assert (photo.caption, photo.in_report) == ("คำบรรยายใหม่", False)

    storage, name = photo.image.storage, photo.image.name
    with django_capture_on_commit_callbacks(execute=True):
        client.post(_urls(past_meeting, photo)["remove"])
    assert not MeetingPhoto.objects.exists() and not storage.exists(name)


def test_a_file_that_is_not_an_image_is_refused_in_thai(client, past_meeting, officer_d):
    client_for(client, officer_d)
    fake = SimpleUploadedFile("photo.jpg", b"%PDF-1.4 not a photo")
    response = client.post(_urls(past_meeting)["add"], {"image": fake, "caption": ""}, follow=True)
    assert _messages(response) == ["ไฟล์ที่อัปโหลดไม่ใช่รูปภาพ หรือไฟล์เสียหาย"]
    assert not MeetingPhoto.objects.exists()


def test_a_caption_too_long_is_refused(past_meeting, officer_d):
    with pytest.raises(Exception, match="คำบรรยายภาพต้องยาวไม่เกิน 255 ตัวอักษร"):
        photo_services.photo_add(meeting=past_meeting, by=officer_d, upload=_jpeg(), caption="ก" * 256)


def test_others_in_scope_are_refused_and_others_out_of_it_do_not_find_the_meeting(
    client, past_meeting, officer_d, officer_e, codi_staff, staff_x
):
    photo = photo_services.photo_add(meeting=past_meeting, by=officer_d, upload=_jpeg(), caption="เดิม")
    urls = _urls(past_meeting, photo)
    bodies = {"add": {"image": _jpeg(), "caption": "x"}, "update": {"caption": "แก้"}, "remove": {}}
    # CODI staff see D's meeting but do not keep it: 403. Officer of E and X's council staff: 404.
    for user, status in ((codi_staff, 403), (officer_e, 404), (staff_x, 404)):
        client_for(client, user)
        for action, url in urls.items():
            body = dict(bodies[action])
            if "image" in body:
                body["image"] = _jpeg()
            assert client.post(url, body).status_code == status, (user, action)
    client.logout()
    assert client.post(urls["update"], {"caption": "แก้"}).status_code == 302  # to the login page
    photo.refresh_from_db()
    assert photo.caption == "เดิม" and MeetingPhoto.objects.count() == 1


def test_a_council_meeting_photo_is_kept_by_the_councils_staff_only(client, world, staff_x, staff_y, officer_d):
    meeting = meeting_services.meeting_call(
        by=staff_x, kind=MeetingKind.COUNCIL, title="ประชุมสภา", date=dt.date(2026, 1, 10), council=world.council_x
    )
    photo = photo_services.photo_add(meeting=meeting, by=staff_x, upload=_jpeg(), caption="สภา")
    url = _urls(meeting, photo)["update"]
    for user, status in ((officer_d, 403), (staff_y, 404), (staff_x, 302)):
        client_for(client, user)
        assert client.post(url, {"caption": "แก้", "in_report": "on"}).status_code == status


def test_a_photo_of_another_meeting_is_not_found(client, past_meeting, future_meeting, officer_d):
    photo = photo_services.photo_add(meeting=future_meeting, by=officer_d, upload=_jpeg())
    client_for(client, officer_d)
    url = reverse("meetings:photo_update", kwargs={"pk": past_meeting.pk, "photo_id": photo.pk})
    assert client.post(url, {"caption": "x"}).status_code == 404


def test_a_photo_is_served_to_who_may_see_the_meeting_and_to_all_once_published(
    client, past_meeting, officer_d, officer_e
):
    photo = photo_services.photo_add(meeting=past_meeting, by=officer_d, upload=_jpeg(), caption="เวทีอำเภอ")
    url = photo.image.url
    assert url.startswith("/media/meetings/photos/")
    assert client.get(url).status_code == 404
    client_for(client, officer_e)
    assert client.get(url).status_code == 404
    client_for(client, officer_d)
    response = client.get(url)
    assert (response.status_code, response["Cache-Control"]) == (200, "no-cache, private")
    meeting_services.meeting_mark_held(meeting=past_meeting, by=officer_d)
    past_meeting.refresh_from_db()
    meeting_services.minutes_save(meeting=past_meeting, by=officer_d, minutes="<p>ที่ประชุมรับทราบ</p>")
    meeting_services.meeting_publish_minutes(meeting=past_meeting, by=officer_d)
    client.logout()
    response = client.get(url)
    assert (response.status_code, response["Cache-Control"]) == (200, "no-cache, public")
    page = client.get(reverse("meetings:public_detail", kwargs={"pk": past_meeting.pk}))
    assert url in page.content.decode() and "เวทีอำเภอ" in page.content.decode()
    assert reverse("meetings:photo_update", kwargs={"pk": past_meeting.pk, "photo_id": photo.pk}) not in (
        page.content.decode()
    )


def test_the_report_takes_the_chosen_photos_of_held_meetings_of_the_area_and_year(
    world, past_meeting, future_meeting, officer_d, django_assert_num_queries
):
    meeting_services.meeting_mark_held(meeting=past_meeting, by=officer_d)
    past_meeting.date = dt.date(2026, 2, 1)  # fiscal year 2569
    past_meeting.save(update_fields=["date"])
    photo_services.photo_add(meeting=past_meeting, by=officer_d, upload=_jpeg(), caption="กลไก", in_report=True)
    photo_services.photo_add(meeting=past_meeting, by=officer_d, upload=_jpeg(), caption="ไม่เลือก")
    photo_services.photo_add(meeting=future_meeting, by=officer_d, upload=_jpeg(), caption="ยังไม่ประชุม", in_report=True)
    activity = ActivityFactory(council=world.council_x, date=dt.date(2026, 1, 5))
    chosen = ActivityPhoto(activity=activity, caption="กิจกรรม", in_report=True)
    chosen.image.save("a.jpg", _jpeg(), save=True)
    with django_assert_num_queries(2):
        picked = reporting.report_photos(subdistricts=None, fiscal_year=2569, limit=24)
    assert [(p["caption"], p["place"]) for p in picked] == [("กลไก", "อำเภอจอมทอง"), ("กิจกรรม", world.council_x.name)]
    assert reporting.report_photos(subdistricts=None, fiscal_year=2568, limit=24) == []
    far = Subdistrict.objects.filter(district=world.far_district).values("pk")
    assert reporting.report_photos(subdistricts=far, fiscal_year=2569, limit=24) == []


@pytest.mark.parametrize("count", [1, 4])
def test_the_meeting_page_reads_its_photos_in_one_query(
    client, past_meeting, officer_d, count, django_assert_num_queries
):
    for i in range(count):
        photo_services.photo_add(meeting=past_meeting, by=officer_d, upload=_jpeg(size=(40, 30)), caption=f"ภาพ {i}")
    client_for(client, officer_d)
    client.get(past_meeting.get_absolute_url())  # warm the session and caches
    with django_assert_num_queries(15):
        response = client.get(past_meeting.get_absolute_url())
    assert len(response.context["photos"]) == count
