"""The public directory of councils (/councils/public/): anonymous visitors search and filter
published councils only; a council's page shows public fields only."""

import datetime as dt

import pytest
from django.contrib.auth.models import AnonymousUser

from councils import permissions
from councils.choices import AssessmentLevel
from councils.models import Assessment, Council

from ..factories import CouncilFactory, CouncilMemberFactory, IndicatorSetFactory, SubdistrictFactory, ThemeFactory

pytestmark = pytest.mark.django_db

DIRECTORY = "/councils/public/"


def _codes(response) -> list[str]:
    assert response.status_code == 200
    return [c.subdistrict.code for c in response.context["councils"]]


def _assess(council, level, fiscal_year=2569):
    return Assessment.objects.create(
        council=council,
        fiscal_year=fiscal_year,
        indicator_set=IndicatorSetFactory(),
        assessed_on=dt.date(fiscal_year - 544, 12, 1),
        level=level,
    )


def test_anonymous_finds_a_council_by_a_thai_substring(client, world):
    # "หลวง" sits inside "สภาองค์กรชุมชนตำบลบ้านหลวง": Thai has no spaces to split on.
    assert _codes(client.get(DIRECTORY, {"q": "หลวง"})) == ["500203"]
    assert _codes(client.get(DIRECTORY, {"q": "ข่วง"})) == ["500204"]
    assert _codes(client.get(DIRECTORY, {"q": "5002"})) == ["500203", "500204"]
    page = client.get(DIRECTORY, {"q": "ไม่มีชื่อนี้"}).content.decode()
    assert "ไม่พบสภาที่ตรงกับเงื่อนไข" in page


def test_only_published_councils_are_listed_or_found(client, world):
    Council.objects.filter(pk=world.council_x.pk).update(is_published=False)
    assert _codes(client.get(DIRECTORY)) == ["500204", "500401", "570101"]
    assert _codes(client.get(DIRECTORY, {"q": "หลวง"})) == []


def test_filters_by_province_district_level_and_theme(client, world):
    forest = ThemeFactory(code="forest", name_th="ป่าชุมชน")
    world.council_z.themes.add(forest)
    _assess(world.council_y, AssessmentLevel.STRONG)
    assert _codes(client.get(DIRECTORY, {"province": "57"})) == ["570101"]
    assert _codes(client.get(DIRECTORY, {"province": "50", "district": "5004"})) == ["500401"]
    assert _codes(client.get(DIRECTORY, {"level": "strong"})) == ["500204"]
    assert _codes(client.get(DIRECTORY, {"level": "none"})) == ["500203", "500401", "570101"]
    assert _codes(client.get(DIRECTORY, {"theme": "forest"})) == ["500401"]


def test_every_province_is_offered_to_the_public_and_districts_after_one(client, world):
    form = client.get(DIRECTORY).context["filter"].form
    assert [c for c, _ in form.fields["province"].widget.choices] == ["", "50", "57"]
    assert [c for c, _ in form.fields["district"].widget.choices] == [""]  # choose a province first
    form = client.get(DIRECTORY, {"province": "50"}).context["filter"].form
    assert [c for c, _ in form.fields["district"].widget.choices] == ["", "5002", "5004"]
    assert "status" not in form.fields


def test_bad_filters_answer_in_thai_with_an_empty_list(client, world):
    response = client.get(DIRECTORY, {"province": "5", "level": "gold"})
    assert _codes(response) == []
    page = response.content.decode()
    assert "รหัสจังหวัดต้องเป็นตัวเลข 2 หลัก" in page
    assert "ระดับ “gold” ไม่ถูกต้อง" in page


def test_the_list_is_paged(client, world):
    district = world.far_district
    for n in range(25):
        CouncilFactory(subdistrict=SubdistrictFactory(district=district, code=f"5701{n + 10:02d}"))
    first = client.get(DIRECTORY, {"province": "57"})
    assert len(first.context["councils"]) == 20
    assert first.context["paginator"].count == 26
    assert len(_codes(client.get(DIRECTORY, {"province": "57", "page": 2}))) == 6


@pytest.mark.parametrize("size", [3, 30])
def test_directory_query_count_is_fixed(client, world, django_assert_num_queries, size):
    for n in range(size):
        CouncilFactory(subdistrict=SubdistrictFactory(district=world.far_district, code=f"5701{n + 10:02d}"))
    # count, page of councils (level annotated), the province and theme choices
    with django_assert_num_queries(4):
        response = client.get(DIRECTORY)
    assert len(response.context["councils"]) == min(20, size + 4)
    # the same, and the districts of the chosen province
    with django_assert_num_queries(5):
        client.get(DIRECTORY, {"province": "57", "q": "เวียง"})


def test_council_page_hides_the_coordinator_from_the_public(client, world, staff_x):
    Council.objects.filter(pk=world.council_x.pk).update(
        contact_name="นายประสาน งานดี", phone="081-234-5678", email="contact@example.org", address="ศาลาหมู่ 3"
    )
    CouncilMemberFactory(council=world.council_x, person__full_name="นางสมาชิก ลับเฉพาะ")
    page = client.get("/councils/500203/").content.decode()
    assert "ศาลาหมู่ 3" in page
    for private in ("นายประสาน งานดี", "081-234-5678", "contact@example.org", "นางสมาชิก ลับเฉพาะ"):
        assert private not in page
    client.force_login(staff_x)
    page = client.get("/councils/500203/").content.decode()
    assert "นายประสาน งานดี" in page and "081-234-5678" in page


def test_the_contact_rule_refuses_the_public_and_other_areas(world, staff_x, staff_y):
    x = world.council_x
    assert permissions.can_see_council_contact(user=AnonymousUser(), council=x) is False
    assert permissions.can_see_council_contact(user=staff_y, council=x) is False
    assert permissions.can_see_council_contact(user=staff_x, council=x) is True


def test_the_api_gives_the_coordinator_only_inside_the_area(client, world, staff_x, staff_y):
    Council.objects.filter(pk=world.council_x.pk).update(contact_name="นายประสาน งานดี", phone="081-234-5678")
    contact = ("contact_name", "phone")
    body = client.get("/api/v1/councils/500203/").json()
    assert [body[k] for k in contact] == ["", ""]
    client.force_login(staff_y)
    body = client.get("/api/v1/councils/500203/").json()
    assert [body[k] for k in contact] == ["", ""]
    client.force_login(staff_x)
    body = client.get("/api/v1/councils/500203/").json()
    assert [body[k] for k in contact] == ["นายประสาน งานดี", "081-234-5678"]
