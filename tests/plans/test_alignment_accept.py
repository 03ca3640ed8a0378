"""One click accepts a suggestion; a mission may take an item up; the refused sides."""

import pytest

from agencies.choices import AgencyKind
from plans.choices import AlignmentStatus
from plans.models import Alignment
from plans.selectors.suggestions import forget_district_projects
from plans.services import alignment_review

from ..factories import (
    AgencyFactory,
    CommunityOrganizationFactory,
    CommunityPlanFactory,
    LocalPlanProjectFactory,
    MissionFactory,
    PlanItemFactory,
    ThemeFactory,
    national_agency,
)

pytestmark = pytest.mark.django_db

REVIEW = "/plans/review/{}/"
ACCEPT = "/plans/review/items/{}/accept/"


@pytest.fixture
def setting(world):
    water = ThemeFactory(code="water", name_th="ทรัพยากรน้ำ")
    for number, name in ((2, "บ้านหนองบัว"), (4, "บ้านป่าตึง")):
        CommunityOrganizationFactory(council=world.council_x, village_code=f"500203{number:02d}", village_name=name)
    plan = CommunityPlanFactory(council=world.council_x, fiscal_year=2569)
    item = PlanItemFactory(plan=plan, theme=water, title="ปรับปรุงประปาหมู่บ้านบ้านป่าตึง",
                           description="หน้าแล้งน้ำประปาไม่ไหล ถังกรองเก่า", budget_needed=300_000)
    right = LocalPlanProjectFactory(lao=world.lao, theme=water, title="โครงการปรับปรุงระบบประปาหมู่บ้าน หมู่ที่ 4",
                                    budget=350_000)
    sibling = LocalPlanProjectFactory(lao=world.lao, theme=water, title="โครงการปรับปรุงระบบประปาหมู่บ้าน หมู่ที่ 2",
                                      budget=350_000)
    LocalPlanProjectFactory(lao=world.lao, theme=water, title="โครงการก่อสร้างถนนคอนกรีตเสริมเหล็ก หมู่ที่ 4")
    far = LocalPlanProjectFactory(lao=AgencyFactory(subdistrict=world.council_z.subdistrict), theme=water,
                                  title="โครงการปรับปรุงระบบประปาหมู่บ้าน หมู่ที่ 4")
    mission = MissionFactory(agency=national_agency(), theme=water, title="ขุดเจาะบ่อน้ำบาดาลแก้ปัญหาภัยแล้ง")
    return type("S", (), {"item": item, "right": right, "sibling": sibling, "far": far, "mission": mission})


def test_the_page_suggests_the_right_village_first_with_why(client, officer_d, setting):
    client.force_login(officer_d)
    response = client.get(REVIEW.format("5002"))
    assert response.status_code == 200
    (item,) = [i for i in response.context["items"] if i.pk == setting.item.pk]
    keys = [s.candidate.key for s in item.suggested]
    assert keys[0] == setting.right.pk and setting.far.pk not in keys
    assert item.suggested[0].confident
    page = response.content.decode()
    assert "หมู่บ้านเดียวกัน: หมู่ที่ 4 บ้านป่าตึง" in page and "ระบบแนะนำ" in page


def test_one_click_accepts_a_suggested_project(client, officer_d, setting):
    client.force_login(officer_d)
    response = client.post(ACCEPT.format(setting.item.pk), {
        "local_plan_project": setting.right.pk, "from_suggestion": "on", "back": "year=2569&status=pending"})
    assert response.status_code == 302
    assert response["Location"] == f"/plans/review/5002/?year=2569&status=pending#item-{setting.item.pk}"
    alignment = Alignment.objects.get(plan_item=setting.item)
    assert (alignment.status, alignment.local_plan_project, alignment.mission, alignment.from_suggestion,
            alignment.reviewed_by) == (AlignmentStatus.ALIGNED, setting.right, None, True, officer_d)


def test_a_mission_may_take_an_item_up(client, officer_d, setting):
    client.force_login(officer_d)
    client.post(ACCEPT.format(setting.item.pk), {"mission": setting.mission.pk, "from_suggestion": "on"})
    alignment = Alignment.objects.get(plan_item=setting.item)
    assert (alignment.status, alignment.mission, alignment.local_plan_project, alignment.from_suggestion) == (
        AlignmentStatus.ALIGNED, setting.mission, None, True)
    assert "ภารกิจ" in client.get(REVIEW.format("5002")).content.decode()


def test_a_mission_of_an_agency_not_covering_the_tambon_is_refused_in_thai(officer_d, setting, world):
    from django.core.exceptions import ValidationError

    other = MissionFactory(agency=AgencyFactory(subdistrict=world.council_z.subdistrict, dla_code="6500499"))
    with pytest.raises(ValidationError) as error:
        alignment_review(plan_item=setting.item, by=officer_d, status=AlignmentStatus.ALIGNED, mission=other)
    assert "ไม่ได้ดูแลพื้นที่ตำบล" in str(error.value)
    assert Alignment.objects.get(plan_item=setting.item).status == AlignmentStatus.PENDING


def test_searched_project_is_picked_not_from_suggestion(client, officer_d, setting):
    client.force_login(officer_d)
    page = client.get(REVIEW.format("5002"), {"find": setting.item.pk, "q": "ถนนคอนกรีต"})
    results = page.context["page"].search_results
    assert [p.title for p in results] == ["โครงการก่อสร้างถนนคอนกรีตเสริมเหล็ก หมู่ที่ 4"]
    client.post(ACCEPT.format(setting.item.pk), {"local_plan_project": results[0].pk})
    alignment = Alignment.objects.get(plan_item=setting.item)
    assert (alignment.local_plan_project, alignment.from_suggestion) == (results[0], False)


def test_search_stays_inside_the_district(client, officer_d, setting):
    client.force_login(officer_d)
    page = client.get(REVIEW.format("5002"), {"find": setting.item.pk, "q": "ประปา"})
    assert setting.far.pk not in [p.pk for p in page.context["page"].search_results]
    response = client.post(ACCEPT.format(setting.item.pk), {"local_plan_project": setting.far.pk}, follow=True)
    assert "ไม่ได้อยู่ในแผนของ อปท. ในอำเภอเดียวกัน" in response.content.decode()
    assert Alignment.objects.get(plan_item=setting.item).status == AlignmentStatus.PENDING


def test_nothing_chosen_is_refused_in_thai(client, officer_d, setting):
    client.force_login(officer_d)
    response = client.post(ACCEPT.format(setting.item.pk), {}, follow=True)
    assert "กรุณาเลือกโครงการในแผนท้องถิ่นหรือภารกิจของหน่วยงาน" in response.content.decode()


@pytest.mark.parametrize("persona, code", [("officer_e", 404), ("staff_x", 403), ("agency_officer", 403),
                                           ("codi_staff", 403), ("staff_y", 404)])
def test_refused_sides_of_accept(client, request, setting, persona, code):
    client.force_login(request.getfixturevalue(persona))
    response = client.post(ACCEPT.format(setting.item.pk), {"local_plan_project": setting.right.pk})
    assert response.status_code == code
    if code == 403:
        assert "คุณไม่มีสิทธิ์พิจารณาการเชื่อมโยงแผนของอำเภอนี้" in response.content.decode()
    assert Alignment.objects.get(plan_item=setting.item).status == AlignmentStatus.PENDING


def test_filters_narrow_the_items(client, officer_d, world, setting):
    plan_y = CommunityPlanFactory(council=world.council_y, fiscal_year=2568)
    PlanItemFactory(plan=plan_y, title="กองทุนสวัสดิการ")
    client.force_login(officer_d)
    titles = lambda r: [i.title for i in r.context["items"]]  # noqa: E731
    assert titles(client.get(REVIEW.format("5002"), {"year": "2568"})) == ["กองทุนสวัสดิการ"]
    assert titles(client.get(REVIEW.format("5002"), {"tambon": "500203"})) == [setting.item.title]
    assert titles(client.get(REVIEW.format("5002"), {"status": "aligned"})) == []
    assert client.get(REVIEW.format("5002"), {"year": "๒๕๖๘"}).context["page"].year == 2568


def test_the_theme_filter_narrows_the_items(client, officer_d, world, setting):
    roads = ThemeFactory(code="roads", name_th="ถนนและการคมนาคม")
    plan = CommunityPlanFactory(council=world.council_y, fiscal_year=setting.item.plan.fiscal_year)
    PlanItemFactory(plan=plan, title="ซ่อมถนนลูกรัง", theme=roads)
    client.force_login(officer_d)
    page = client.get(REVIEW.format("5002"), {"theme": "roads"})
    assert [i.title for i in page.context["items"]] == ["ซ่อมถนนลูกรัง"]
    assert '<option value="roads" selected>ถนนและการคมนาคม</option>' in page.content.decode()
    assert {t.code for t in page.context["page"].themes} == {"roads", "water"}
    others = client.get(REVIEW.format("5002"), {"theme": setting.item.theme.code})
    assert [i.title for i in others.context["items"]] == [setting.item.title]
    assert client.get(REVIEW.format("5002"), {"theme": "nothing"}).context["items"] == []


def test_items_that_will_miss_the_budget_window_are_listed(client, officer_d, setting):
    import datetime as dt

    from plans.selectors.alignment import review_page

    page = review_page(user=officer_d, district=setting.item.plan.council.subdistrict.district, filters={},
                       on=dt.date(2025, 9, 1))
    assert [(m["pk"], m["message"]) for m in page.missed] == [
        (setting.item.pk, "ยื่นหลัง 15 ส.ค. 2568: จะพิจารณาในปีงบประมาณ 2570")]
    early = review_page(user=officer_d, district=setting.item.plan.council.subdistrict.district, filters={},
                        on=dt.date(2025, 3, 1))
    assert early.missed == []


@pytest.mark.parametrize("per_council, projects", [(2, 3), (25, 60)])
def test_page_with_suggestions_query_count_is_fixed(client, officer_d, world, django_assert_num_queries,
                                                    per_council, projects):
    theme = ThemeFactory(code="roads")
    for council in (world.council_x, world.council_y):
        PlanItemFactory.create_batch(per_council, plan=CommunityPlanFactory(council=council), theme=theme)
    LocalPlanProjectFactory.create_batch(projects, lao=world.lao, theme=theme)
    MissionFactory.create_batch(2, agency=national_agency(), theme=theme)
    CommunityOrganizationFactory(council=world.council_x, village_code="50020301", village_name="บ้านหลวง")
    client.force_login(officer_d)
    forget_district_projects()  # a cold process: the LAOs, the projects' fingerprint, the projects
    with django_assert_num_queries(18):
        response = client.get(REVIEW.format("5002"))
    assert response.status_code == 200
    assert all(len(i.suggested) == 3 for i in response.context["items"])
    with django_assert_num_queries(17):  # warm: the LAOs and the fingerprint alone, unchanged
        assert client.get(REVIEW.format("5002")).status_code == 200


def test_memoised_projects_are_never_stale(client, officer_d, world):
    """A project added (or an LAO renamed) after the page was read shows on the next read."""
    theme = ThemeFactory(code="roads")
    item = PlanItemFactory(plan=CommunityPlanFactory(council=world.council_x), theme=theme,
                           title="ซ่อมถนนลูกรังสายหนองบัว")
    LocalPlanProjectFactory(lao=world.lao, theme=theme, title="ขุดลอกคลองส่งน้ำ")
    client.force_login(officer_d)
    forget_district_projects()
    first = client.get(REVIEW.format("5002")).context["items"][0].suggested
    assert "ซ่อมถนนลูกรังสายหนองบัว" not in [s.candidate.title for s in first]
    LocalPlanProjectFactory(lao=world.lao, theme=theme, title="ซ่อมถนนลูกรังสายหนองบัว",
                            fiscal_year=item.plan.fiscal_year)
    again = client.get(REVIEW.format("5002")).context["items"][0].suggested
    assert again[0].candidate.title == "ซ่อมถนนลูกรังสายหนองบัว"
    world.lao.name = "อบต. ชื่อใหม่"
    world.lao.save()
    renamed = client.get(REVIEW.format("5002")).context["items"][0].suggested
    assert renamed[0].candidate.owner_name == "อบต. ชื่อใหม่"
    # A municipality newly covering the district (its area the district itself) brings its
    # projects on the next read.
    municipality = AgencyFactory(kind=AgencyKind.TOWN_MUNICIPALITY, name="เทศบาลเมืองใหม่",
                                 province=world.province, district=world.district, subdistrict=None,
                                 dla_code="5050002")
    LocalPlanProjectFactory(lao=municipality, theme=theme, title="ซ่อมถนนลูกรังสายหนองบัว หมู่บ้านใหม่",
                            fiscal_year=item.plan.fiscal_year)
    titles = [s.candidate.owner_name for s in client.get(REVIEW.format("5002")).context["items"][0].suggested]
    assert "เทศบาลเมืองใหม่" in titles
