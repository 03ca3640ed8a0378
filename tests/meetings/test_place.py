"""The shared place of a district and a province: who reaches it, what each block shows,
the theme filter, the public part, and fixed query counts."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from meetings.choices import MeetingKind
from meetings.models import ActionItem
from meetings.services.actions import action_item_create, resolution_add
from meetings.services.lessons import lesson_write
from meetings.services.meetings import meeting_call, meeting_mark_held, meeting_publish_minutes, minutes_save

from ..conftest import client_for
from ..factories import ActivityFactory, ThemeFactory
from .conftest import days


def district_url(world, public=False):
    name = "meetings:place_district_public" if public else "meetings:place_district"
    return reverse(name, kwargs={"code": world.district.code})


def province_url(world, public=False):
    name = "meetings:place_province_public" if public else "meetings:place_province"
    return reverse(name, kwargs={"code": world.province.code})


def fill(world, staff, officer, raise_obstacle, n: int, tag: str = ""):
    """``n`` of every kind of thing in council X and district D (one published meeting with
    an action item each), and one of each in Z (another district)."""
    for i in range(n):
        activity = ActivityFactory(council=world.council_x, title=f"กิจกรรม{tag}{i}", date=days(-i - 1))
        lesson_write(by=staff, activity=activity, what_worked=f"ได้ผล{tag}{i}", what_did_not="ไม่ได้ผล",
                     is_published=i % 2 == 0)  # fmt: skip
        meeting = meeting_call(by=staff, kind=MeetingKind.COUNCIL, title=f"ประชุม{tag}{i}", date=days(-i - 1),
                               council=world.council_x, agenda=[("แจ้ง", "")])  # fmt: skip
        meeting = meeting_mark_held(meeting=meeting, by=staff)
        resolution = resolution_add(agenda_item=meeting.agenda.get(), by=staff, text="มอบหมาย")
        action_item_create(resolution=resolution, by=staff, title=f"งาน{tag}{i}", due_date=days(10 + i),
                           agency=world.lao)  # fmt: skip
        minutes_save(meeting=meeting, by=staff, minutes="<p>รับทราบ</p>")
        meeting_publish_minutes(meeting=meeting, by=staff)
        meeting_call(by=staff, kind=MeetingKind.COUNCIL, title=f"นัด{tag}{i}", date=days(i + 1), council=world.council_x)
        raise_obstacle(title=f"ข้อติดขัด{tag}{i}")


@pytest.fixture
def elsewhere(world, db):
    from accounts.choices import Role

    from ..factories import user_with_role

    staff_z = user_with_role("staff_z", Role.COUNCIL_STAFF, council=world.council_z)
    activity = ActivityFactory(council=world.council_z, title="กิจกรรมเชียงดาว")
    lesson_write(by=staff_z, activity=activity, what_worked="บทเรียนเชียงดาว", what_did_not="-", is_published=True)
    return activity


def test_the_district_page_shows_every_block_of_the_district_only(
    client, world, staff_x, officer_d, raise_obstacle, elsewhere
):
    fill(world, staff_x, officer_d, raise_obstacle, 1)
    page = client_for(client, officer_d).get(district_url(world)).content.decode()
    for text in ("กิจกรรม0", "ได้ผล0", "ประชุม0", "นัด0", "งาน0", "ข้อติดขัด0"):
        assert text in page, text
    assert "กิจกรรมเชียงดาว" not in page and "บทเรียนเชียงดาว" not in page


@pytest.mark.parametrize("persona", ["officer_e", "staff_x", "agency_officer"])
def test_outside_the_district_is_404(client, world, request, persona):
    assert client_for(client, request.getfixturevalue(persona)).get(district_url(world)).status_code == 404


def test_anonymous_is_sent_to_sign_in_from_the_signed_in_page(client, world):
    response = client.get(district_url(world))
    assert response.status_code == 302 and response["Location"].startswith(reverse("accounts:login"))


def test_the_public_part_shows_only_published_things_of_published_councils(
    client, world, staff_x, officer_d, raise_obstacle
):
    fill(world, staff_x, officer_d, raise_obstacle, 2)
    page = client.get(district_url(world, public=True)).content.decode()
    assert "ได้ผล0" in page and "ได้ผล1" not in page  # lesson 1 is not published
    assert "ประชุม0" in page and "นัด0" not in page  # a planned meeting is not public
    assert "งาน0" in page and "กิจกรรม0" in page
    assert "ข้อติดขัด0" not in page  # obstacles are never public
    assert staff_x.username not in page
    world.council_x.is_published = False
    world.council_x.save(update_fields=["is_published"])
    page = client.get(district_url(world, public=True)).content.decode()
    for text in ("ได้ผล0", "ประชุม0", "งาน0", "กิจกรรม0"):
        assert text not in page, text


def test_the_theme_filter_narrows_every_block(client, world, staff_x, officer_d, raise_obstacle, theme):
    other = ThemeFactory(code="forest", name_th="ป่า")
    world.council_x.themes.add(theme)
    activity = ActivityFactory(council=world.council_x, title="กิจกรรมน้ำ")
    lesson_write(by=staff_x, activity=activity, what_worked="บทเรียนน้ำ", what_did_not="-", theme=theme)
    lesson_write(by=staff_x, activity=activity, what_worked="บทเรียนป่า", what_did_not="-", theme=other)
    anchor = f"#activity-{activity.pk}"  # the activities block links each activity
    client_for(client, officer_d)
    page = client.get(district_url(world), {"theme": "water"}).content.decode()
    assert "บทเรียนน้ำ" in page and "บทเรียนป่า" not in page and anchor in page
    page = client.get(district_url(world), {"theme": "forest"}).content.decode()
    assert "บทเรียนป่า" in page and "บทเรียนน้ำ" not in page and anchor not in page
    page = client.get(district_url(world), {"theme": "nosuch"}).content.decode()
    assert "บทเรียนป่า" in page and "บทเรียนน้ำ" in page


def test_action_items_due_list_the_overdue_first_and_mark_them(client, world, staff_x, officer_d, raise_obstacle):
    fill(world, staff_x, officer_d, raise_obstacle, 2)
    ActionItem.objects.filter(title="งาน1").update(due_date=days(-5))
    page = client_for(client, officer_d).get(district_url(world)).content.decode()
    assert page.index("งาน1") < page.index("งาน0")
    assert page.count("เกินกำหนด</strong>") == 1


def test_the_province_page_is_for_codi_staff_of_the_province(client, world, codi_regional, codi_staff, officer_d):
    ActivityFactory(council=world.council_z, title="กิจกรรมเชียงดาว")
    ActivityFactory(council=world.council_w, title="กิจกรรมเชียงราย")
    page = client_for(client, codi_regional).get(province_url(world)).content.decode()
    assert "กิจกรรมเชียงดาว" in page and "กิจกรรมเชียงราย" not in page
    assert client_for(client, codi_staff).get(province_url(world)).status_code == 200
    assert client_for(client, officer_d).get(province_url(world)).status_code == 404
    assert client.logout() is None and client.get(province_url(world, public=True)).status_code == 200


@pytest.mark.parametrize("public", [False, True])
def test_query_counts_do_not_grow_with_the_data(client, world, staff_x, officer_d, raise_obstacle, public):
    if not public:
        client_for(client, officer_d)

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(district_url(world, public=public)).status_code == 200
        return len(queries)

    fill(world, staff_x, officer_d, raise_obstacle, 1, tag="a")
    small = count()
    fill(world, staff_x, officer_d, raise_obstacle, 4, tag="b")
    assert count() == small
    assert small <= (12 if public else 22)


def test_home_shortcuts_link_the_places(client, officer_d, codi_regional, world):
    page = client_for(client, officer_d).get("/").content.decode()
    assert district_url(world) in page
    page = client_for(client, codi_regional).get("/").content.decode()
    assert province_url(world) in page
