import datetime as dt
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from meetings.models import Obstacle, Response

from ..conftest import client_for
from ..factories import AgencyFactory

pytestmark = pytest.mark.django_db


def test_raise_form_offers_agencies_near_the_council_only(client, world, staff_x, theme):
    far = AgencyFactory(subdistrict=world.council_w.subdistrict, name="อบต.ไกล")
    response = client_for(client, staff_x).get(reverse("meetings:obstacle_create", args=[world.council_x.code]))
    assert response.status_code == 200
    agencies = list(response.context["form"].fields["agency"].queryset)
    assert world.lao in agencies and far not in agencies


def test_raise_through_the_page_with_evidence(client, world, staff_x, theme):
    url = reverse("meetings:obstacle_create", args=[world.council_x.code])
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4)).save(buffer, format="PNG")
    png = SimpleUploadedFile("photo.png", buffer.getvalue(), content_type="image/png")
    response = client_for(client, staff_x).post(
        url, {"agency": world.lao.pk, "theme": theme.pk, "title": "น้ำท่วม", "detail": "ท่วมทุกปี", "evidence": png}
    )
    obstacle = Obstacle.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/meetings/obstacles/{obstacle.pk}/"
    assert obstacle.evidence.name.endswith(".png")


def test_bad_input_shows_thai_errors_and_writes_nothing(client, world, staff_x, theme):
    url = reverse("meetings:obstacle_create", args=[world.council_x.code])
    response = client_for(client, staff_x).post(url, {"agency": "", "theme": theme.pk, "title": "", "detail": ""})
    assert response.status_code == 200
    assert response.context["form"].errors == {
        "agency": ["กรุณาเลือกหน่วยงาน"], "title": ["กรุณาระบุเรื่อง"], "detail": ["กรุณาระบุรายละเอียดของข้อติดขัด"],
    }  # fmt: skip
    assert Obstacle.objects.count() == 0


def test_evidence_is_served_to_readers_only(client, raise_obstacle, staff_x, staff_y):
    obstacle = raise_obstacle(evidence=SimpleUploadedFile("a.pdf", b"%PDF-1.4 hello"))
    url = reverse("meetings:obstacle_evidence", args=[obstacle.pk])
    response = client_for(client, staff_x).get(url)
    assert response.status_code == 200 and b"".join(response.streaming_content) == b"%PDF-1.4 hello"
    assert "private" in response["Cache-Control"]
    assert client_for(client, staff_y).get(url).status_code == 404


def test_another_agency_of_the_area_is_refused_the_page(client, world, raise_obstacle):
    from accounts.choices import Role

    from ..factories import user_with_role

    other = AgencyFactory(subdistrict=world.council_x.subdistrict, dla_code="6999998")
    stranger = user_with_role("stranger", Role.AGENCY_STAFF, agency=other)
    obstacle = raise_obstacle()
    response = client_for(client, stranger).get(reverse("meetings:obstacle_detail", args=[obstacle.pk]))
    assert response.status_code == 403
    assert "คุณไม่มีสิทธิ์ดูข้อติดขัดนี้" in response.content.decode()
    assert list(client.get(reverse("meetings:obstacle_list")).context["obstacles"]) == []


def test_answer_form_refuses_an_illegal_move_on_the_page(client, raise_obstacle, agency_officer):
    obstacle = raise_obstacle()
    client_for(client, agency_officer)
    url = reverse("meetings:obstacle_answer", args=[obstacle.pk])
    assert client.post(url, {"status": "resolved", "text": "เสร็จแล้ว"}).status_code == 302
    response = client.post(url, {"status": "received", "text": ""})
    assert response.status_code == 200
    assert response.context["form"].non_field_errors() == ["เปลี่ยนสถานะจาก “แก้ไขแล้ว” เป็น “หน่วยงานรับเรื่องแล้ว” ไม่ได้"]
    assert Response.objects.count() == 1


@pytest.mark.parametrize("count", [2, 8])
def test_list_queries_do_not_grow(client, raise_obstacle, officer_d, count, django_assert_max_num_queries):
    for n in range(count):
        raise_obstacle(title=f"เรื่อง {n}")
    client_for(client, officer_d)
    with django_assert_max_num_queries(9):
        response = client.get(reverse("meetings:obstacle_list"))
    assert len(response.context["obstacles"]) == count


@pytest.mark.parametrize("count", [2, 8])
def test_inbox_lists_what_waits_and_what_is_overdue(
    client, raise_obstacle, agency_officer, count, django_assert_max_num_queries
):
    made = [raise_obstacle(title=f"เรื่อง {n}") for n in range(count)]
    Obstacle.objects.filter(pk=made[0].pk).update(created_at=timezone.now() - dt.timedelta(days=20))
    client_for(client, agency_officer)
    with django_assert_max_num_queries(9):
        response = client.get(reverse("meetings:agency_inbox"))
    section = response.context["sections"][0]
    assert (section.key, len(section.entries), section.overdue_count) == ("obstacles", count, 1)


@pytest.mark.parametrize("count", [1, 6])
def test_overdue_page_lists_the_districts_late_obstacles(
    client, raise_obstacle, officer_d, count, django_assert_max_num_queries
):
    made = [raise_obstacle(title=f"เรื่อง {n}") for n in range(count + 1)]
    Obstacle.objects.filter(pk__in=[o.pk for o in made[:count]]).update(
        created_at=timezone.now() - dt.timedelta(days=16)
    )
    client_for(client, officer_d)
    with django_assert_max_num_queries(9):
        response = client.get(reverse("meetings:obstacle_overdue", args=["5002"]))
    assert [o.pk for o in response.context["obstacles"]] == sorted(o.pk for o in made[:count])


def test_overdue_page_refused_to_council_staff_of_the_district(client, staff_x):
    assert client_for(client, staff_x).get(reverse("meetings:obstacle_overdue", args=["5002"])).status_code == 404
