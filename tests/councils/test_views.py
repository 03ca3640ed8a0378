import datetime as dt
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from councils.models import Activity
from councils.choices import CouncilStatus

from ..factories import ActivityFactory, CouncilFactory, SubdistrictFactory

pytestmark = pytest.mark.django_db

NEW = "/councils/{}/activities/new/"


def _png() -> SimpleUploadedFile:
    buf = io.BytesIO()
    Image.new("RGB", (40, 30), (11, 93, 59)).save(buf, "PNG")
    return SimpleUploadedFile("photo.png", buf.getvalue(), content_type="image/png")


def _activity(**overrides):
    data = {
        "date": (dt.date.today() - dt.timedelta(days=1)).isoformat(),
        "kind": "forum",
        "title": "เวทีประชาคมเรื่องน้ำท่วม",
        "description": "ชาวบ้านร่วมกันวางแผนรับมือน้ำท่วม",
        "participants": "42",
    }
    data.update(overrides)
    return data


def test_council_staff_logs_an_activity_and_sees_it(client, world, staff_x):
    client.force_login(staff_x)
    response = client.post(NEW.format("500203"), {**_activity(), "photo": _png()})
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
        ({"date": "2568-11-20"}, "date", "ดูเหมือนเป็นปี พ.ศ."),
        ({"date": (dt.date.today() + dt.timedelta(days=2)).isoformat()}, "date", "ต้องไม่เป็นวันในอนาคต"),
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
    response = client.post(NEW.format("500203"), {**_activity(), "photo": fake})
    assert response.status_code == 200
    assert "ไม่ใช่รูปภาพ" in " ".join(response.context["form"].errors["photo"])
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
    # session, user, role assignments, count, page of councils (+ savepoint pair)
    with django_assert_num_queries(6):
        assert client.get("/councils/").status_code == 200


@pytest.mark.parametrize("size", [2, 25])
def test_council_page_query_count_is_fixed(client, world, staff_x, django_assert_num_queries, size):
    ActivityFactory.create_batch(size, council=world.council_x)
    client.force_login(staff_x)
    # session, user, roles, council, summary, activities, their photos (+ savepoints)
    with django_assert_num_queries(8):
        assert client.get("/councils/500203/").status_code == 200


def test_activity_photos_are_served_but_nothing_else_from_media(client, world, staff_x, settings):
    client.force_login(staff_x)
    client.post(NEW.format("500203"), {**_activity(), "photo": _png()})
    url = Activity.objects.get().photos.get().image.url
    client.logout()
    response = client.get(url)
    assert response.status_code == 200 and response["Content-Type"] == "image/jpeg"
    (settings.MEDIA_ROOT / "reports").mkdir(parents=True)
    (settings.MEDIA_ROOT / "reports" / "secret.pdf").write_bytes(b"%PDF-")
    assert client.get("/media/reports/secret.pdf").status_code == 404
    assert client.get("/media/activities/../reports/secret.pdf").status_code == 404
