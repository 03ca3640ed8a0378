import pytest

from plans.choices import AlignmentStatus
from plans.models import Alignment, PlanItem
from plans.selectors.suggestions import forget_district_projects

from ..factories import CommunityPlanFactory, LocalPlanProjectFactory, PlanItemFactory

pytestmark = pytest.mark.django_db

REVIEW = "/plans/review/{}/"
UPDATE = "/plans/review/{}/items/{}/"


@pytest.fixture
def items(world):
    plan_x = CommunityPlanFactory(council=world.council_x)
    plan_y = CommunityPlanFactory(council=world.council_y)
    plan_z = CommunityPlanFactory(council=world.council_z)
    return {
        "x1": PlanItemFactory(plan=plan_x, description="ซ่อมแซมบ้านผู้สูงอายุ"),
        "x2": PlanItemFactory(plan=plan_x, description="ฝายชะลอน้ำ"),
        "y1": PlanItemFactory(plan=plan_y, description="กองทุนสวัสดิการ"),
        "z1": PlanItemFactory(plan=plan_z, description="ตลาดชุมชน"),
    }


@pytest.fixture
def project(world):
    return LocalPlanProjectFactory(lao=world.lao, title="โครงการซ่อมแซมบ้านผู้ยากไร้ ปี 2569")


def test_officer_sees_every_item_of_the_district_with_status(client, officer_d, items):
    client.force_login(officer_d)
    response = client.get(REVIEW.format("5002"))
    assert response.status_code == 200
    shown = {item.description for item in response.context["items"]}
    assert shown == {"ซ่อมแซมบ้านผู้สูงอายุ", "ฝายชะลอน้ำ", "กองทุนสวัสดิการ"}
    summary = {row["code"]: row for row in response.context["summary"]}
    assert summary["500203"]["total"] == 2 and summary["500203"]["pending"] == 2
    assert summary["500203"]["percent_aligned"] == 0.0


def test_officer_sets_status_and_percentage_follows(client, officer_d, items, project):
    client.force_login(officer_d)
    response = client.post(
        UPDATE.format("5002", items["x1"].pk),
        {"status": AlignmentStatus.ALIGNED, "local_plan_project": project.pk, "note": "บรรจุแล้ว"},
    )
    assert response.status_code == 302
    alignment = Alignment.objects.get(plan_item=items["x1"])
    assert (alignment.status, alignment.local_plan_project, alignment.note, alignment.reviewed_by) == (
        AlignmentStatus.ALIGNED, project, "บรรจุแล้ว", officer_d
    )
    assert alignment.reviewed_at is not None
    page = client.get(REVIEW.format("5002"))
    summary = {row["code"]: row for row in page.context["summary"]}
    assert (summary["500203"]["aligned"], summary["500203"]["percent_aligned"]) == (1, 50.0)
    assert summary["500204"]["percent_aligned"] == 0.0
    assert "50.0%" in page.content.decode()
    assert alignment.history.count() == 2  # created, then reviewed


def test_officer_of_another_district_gets_404(client, officer_e, items):
    client.force_login(officer_e)
    assert client.get(REVIEW.format("5002")).status_code == 404
    assert client.post(UPDATE.format("5002", items["x1"].pk), {"status": "aligned", "note": "x"}).status_code == 404
    assert Alignment.objects.get(plan_item=items["x1"]).status == AlignmentStatus.PENDING


def test_item_of_another_district_through_my_district_url_is_404(client, officer_d, items):
    client.force_login(officer_d)
    response = client.post(UPDATE.format("5002", items["z1"].pk), {"status": "aligned", "note": "x"})
    assert response.status_code == 404
    assert Alignment.objects.get(plan_item=items["z1"]).status == AlignmentStatus.PENDING


def test_council_staff_cannot_review(client, staff_x, items):
    client.force_login(staff_x)
    assert client.get(REVIEW.format("5002")).status_code == 404


def test_codi_staff_may_read_the_review_but_not_change_it(client, codi_staff, items):
    client.force_login(codi_staff)
    response = client.get(REVIEW.format("5002"))
    assert response.status_code == 200
    assert response.context["can_review"] is False
    page = response.content.decode()
    assert 'id="status-' not in page and "/accept/" not in page and 'name="q"' not in page
    assert client.post(UPDATE.format("5002", items["x1"].pk), {"status": "aligned", "note": "x"}).status_code == 403


def test_bad_status_is_refused_in_thai(client, officer_d, items):
    client.force_login(officer_d)
    response = client.post(UPDATE.format("5002", items["x1"].pk), {"status": "maybe"}, follow=True)
    assert "สถานะ: สถานะไม่ถูกต้อง" in response.content.decode()
    assert Alignment.objects.get(plan_item=items["x1"]).status == AlignmentStatus.PENDING


def test_aligned_needs_a_project_or_a_note(client, officer_d, items):
    client.force_login(officer_d)
    response = client.post(UPDATE.format("5002", items["x1"].pk), {"status": "aligned"}, follow=True)
    assert "กรุณาเลือกโครงการในแผนท้องถิ่น" in response.content.decode()
    assert Alignment.objects.get(plan_item=items["x1"]).status == AlignmentStatus.PENDING


def test_a_refused_review_keeps_what_was_chosen_on_that_item_only(client, officer_d, items):
    client.force_login(officer_d)
    response = client.post(UPDATE.format("5002", items["x1"].pk), {"status": "aligned", "note": "  "})
    assert response.status_code == 200
    page = response.content.decode()
    x1 = page.split(f'id="item-{items["x1"].pk}"')[1].split("</article>")[0]
    assert '<option value="aligned" selected>' in x1
    assert "กรุณาเลือกโครงการในแผนท้องถิ่น" in x1
    others = page.split(f'id="item-{items["x1"].pk}"')[0]
    assert "กรุณาเลือกโครงการในแผนท้องถิ่น" not in others and '<option value="aligned" selected>' not in others


def test_project_of_another_district_is_refused(client, officer_d, items, world):
    from ..factories import AgencyFactory

    far_project = LocalPlanProjectFactory(lao=AgencyFactory(subdistrict=world.council_z.subdistrict))
    client.force_login(officer_d)
    response = client.post(
        UPDATE.format("5002", items["x1"].pk), {"status": "aligned", "local_plan_project": far_project.pk}, follow=True
    )
    assert "ไม่พบโครงการที่เลือก" in response.content.decode()
    assert Alignment.objects.get(plan_item=items["x1"]).status == AlignmentStatus.PENDING


@pytest.mark.parametrize("per_council", [1, 12])
def test_review_page_query_count_is_fixed(client, officer_d, world, django_assert_num_queries, per_council):
    for council in (world.council_x, world.council_y):
        plan = CommunityPlanFactory(council=council)
        PlanItemFactory.create_batch(per_council, plan=plan)
    LocalPlanProjectFactory.create_batch(3, lao=world.lao)
    client.force_login(officer_d)
    # session, user, roles, district, years, summary, themes, count, items (joined); the suggestion
    # pool (the district's LAOs, their projects' fingerprint, projects with budget years,
    # missions, villages); the budget window (pending items, tambon LAOs, calendar
    # overrides); savepoint
    forget_district_projects()
    with django_assert_num_queries(18):
        assert client.get(REVIEW.format("5002")).status_code == 200
    theme = PlanItem.objects.filter(plan__council=world.council_x).first().theme
    forget_district_projects()
    with django_assert_num_queries(18):  # filtered by theme: the same queries
        response = client.get(REVIEW.format("5002"), {"theme": theme.code})
    assert response.context["items"] and {i.theme_id for i in response.context["items"]} == {theme.pk}


def test_year_filter_lists_each_year_once(client, officer_d, world):
    """Two councils with plans for the same two years: the filter offers each year once
    (the plans' ordering by tambon used to make the DISTINCT one year per council)."""
    for council in (world.council_x, world.council_y):
        for year in (2569, 2570):
            PlanItemFactory(plan=CommunityPlanFactory(council=council, fiscal_year=year))
    client.force_login(officer_d)
    response = client.get(REVIEW.format("5002"))
    assert response.context["page"].years == [2570, 2569]
    assert response.content.decode().count('<option value="2569"') == 1


def test_the_saved_review_message_shortens_an_untitled_item_between_words(client, officer_d, world):
    """The message names an item by its description when it has no title; a slice of 60
    characters used to end it mid-word ("…อบต.บ้านหลวงเพ” แล้ว")."""
    description = "ทำฝายชะลอน้ำห้วยแม่ยางและขุดลอกคลองส่งน้ำเสนอ อบต.บ้านหลวงเพชรบูรณ์ บรรจุในแผนพัฒนาท้องถิ่นปี 2570"
    item = PlanItemFactory(plan=CommunityPlanFactory(council=world.council_x), title="", description=description)
    client.force_login(officer_d)
    response = client.post(UPDATE.format("5002", item.pk), {"status": "not_adopted", "note": "งบไม่พอ"}, follow=True)
    assert response.status_code == 200
    shown = [str(m) for m in response.context["messages"]]
    assert shown == ["บันทึกสถานะของรายการ “ทำฝายชะลอน้ำห้วยแม่ยางและขุดลอกคลองส่งน้ำเสนอ อบต.บ้านหลวง…” แล้ว"]
    assert "หลวงเพ”" not in response.content.decode()
