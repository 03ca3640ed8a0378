"""Council and organization lists: filters, Thai substring search, scope, fixed query counts."""

import datetime as dt
import re

import pytest
from django.db import connection

from councils.choices import AssessmentLevel, CouncilStatus, OrganizationKind
from councils.filters import normalize_search
from councils.models import Assessment, Council

from ..factories import (
    ActivityFactory,
    CommunityOrganizationFactory,
    CouncilFactory,
    CouncilMemberFactory,
    IndicatorSetFactory,
    SubdistrictFactory,
    ThemeFactory,
)

pytestmark = pytest.mark.django_db

COUNCILS = "/councils/"
ORGS = "/councils/organizations/"


def _codes(response) -> list[str]:
    return [c.subdistrict.code for c in response.context["councils"]]


def _org_codes(response) -> list[str]:
    return [o.code for o in response.context["organizations"]]


def _assess(council, level, fiscal_year, indicator_set=None):
    return Assessment.objects.create(
        council=council,
        fiscal_year=fiscal_year,
        indicator_set=indicator_set or IndicatorSetFactory(),
        assessed_on=dt.date(fiscal_year - 543 - 1, 12, 1),
        level=level,
    )


# --- Thai search ---------------------------------------------------------------------------


def test_normalize_search_drops_invisible_characters_and_joins_sara_am():
    assert normalize_search("น\u0e4d\u0e32") == ["\u0e19\u0e33"]  # น + ํ + า -> นำ
    assert normalize_search("บ้าน\u200bหลวง") == ["บ้านหลวง"]
    assert normalize_search("  สภา  หลวง ") == ["สภา", "หลวง"]
    assert normalize_search("   ") == []


def test_council_search_finds_a_thai_substring(client, world, codi_staff):
    client.force_login(codi_staff)
    # "หลวง" sits in the middle of "สภาองค์กรชุมชนตำบลบ้านหลวง": no word boundary to split on.
    assert _codes(client.get(COUNCILS, {"q": "หลวง"})) == ["500203"]
    assert _codes(client.get(COUNCILS, {"q": "ข่วง"})) == ["500204"]
    assert _codes(client.get(COUNCILS, {"q": "สภา เปา"})) == ["500204"]  # every word must appear
    assert _codes(client.get(COUNCILS, {"q": "5002"})) == ["500203", "500204"]  # digits: tambon code
    assert _codes(client.get(COUNCILS, {"q": "ไม่มีชื่อนี้"})) == []
    page = client.get(COUNCILS, {"q": "ไม่มีชื่อนี้"}).content.decode()
    assert "ไม่พบสภาที่ตรงกับเงื่อนไข" in page


def test_search_typed_with_nikhahit_and_sara_aa_finds_sara_am(client, world, codi_staff):
    CouncilFactory(subdistrict=SubdistrictFactory(district=world.district, name_th="น้ำแพร่"))
    client.force_login(codi_staff)
    typed = "น\u0e49\u0e4d\u0e32แพร่"  # น + ้ + ํ + า: what some keyboards produce for "น้ำ"
    assert normalize_search(typed) == ["น\u0e49\u0e33แพร่"]
    response = client.get(COUNCILS, {"q": typed})
    assert [c.subdistrict.name_th for c in response.context["councils"]] == ["น้ำแพร่"]


def _plan(qs) -> str:
    """The plan with sequential and plain index scans priced out: what is left for a
    LIKE '%…%' is a bitmap scan of an index on the very same expression, if there is one."""
    with connection.cursor() as cursor:
        for setting in ("enable_seqscan", "enable_indexscan", "enable_indexonlyscan"):
            cursor.execute(f"SET LOCAL {setting} = off")
        return qs.order_by().explain()


def test_icontains_search_is_served_by_the_trigram_index(world):
    """Migration 0003's GIN index is on UPPER(name::text); Django's icontains must produce
    that same expression, or the index is never used (the tables here are tiny, so the
    planner is steered; bench/lists_bench.py and the report show it on 150,000 rows)."""
    from councils.models import CommunityOrganization

    assert "Bitmap Index Scan on council_name_trgm" in _plan(Council.objects.filter(name__icontains="หลวง"))
    plan = _plan(CommunityOrganization.objects.filter(name__icontains="ออมทรัพย์"))
    assert "Bitmap Index Scan on organization_name_trgm" in plan


# --- Council filters ------------------------------------------------------------------------


def test_council_filters_province_district_status_theme(client, world, codi_staff):
    water = ThemeFactory(code="water", name_th="น้ำ")
    world.council_y.status = CouncilStatus.DORMANT
    world.council_y.save()
    world.council_z.themes.add(water)
    client.force_login(codi_staff)
    assert _codes(client.get(COUNCILS, {"province": "57"})) == ["570101"]
    assert _codes(client.get(COUNCILS, {"province": "50"})) == ["500203", "500204", "500401"]
    assert _codes(client.get(COUNCILS, {"district": "5002"})) == ["500203", "500204"]
    assert _codes(client.get(COUNCILS, {"status": "dormant"})) == ["500204"]
    assert _codes(client.get(COUNCILS, {"theme": "water"})) == ["500401"]
    assert _codes(client.get(COUNCILS, {"province": "50", "status": "active"})) == ["500203", "500401"]


def test_council_level_filter_uses_the_latest_assessment(client, world, codi_staff):
    indicators = IndicatorSetFactory()
    _assess(world.council_x, AssessmentLevel.NEEDS_DEVELOPMENT, 2567, indicators)
    _assess(world.council_x, AssessmentLevel.STRONG, 2568, indicators)  # latest: strong
    _assess(world.council_y, AssessmentLevel.STRONG, 2567, indicators)
    _assess(world.council_y, AssessmentLevel.MEDIUM, 2568, indicators)  # latest: medium
    client.force_login(codi_staff)
    assert _codes(client.get(COUNCILS, {"level": "strong"})) == ["500203"]
    assert _codes(client.get(COUNCILS, {"level": "medium"})) == ["500204"]
    assert _codes(client.get(COUNCILS, {"level": "needs_development"})) == []
    assert _codes(client.get(COUNCILS, {"level": "none"})) == ["500401", "570101"]
    page = client.get(COUNCILS).content.decode()
    assert re.search(r'badge-strong">เข้มแข็ง<', page) and re.search(r'badge-medium">ปานกลาง<', page)


def test_a_district_left_over_from_another_province_is_dropped(client, world, codi_staff):
    client.force_login(codi_staff)
    # The person chose district 5002, then changed the province to 57 and searched again.
    assert _codes(client.get(COUNCILS, {"province": "57", "district": "5002"})) == ["570101"]


def test_district_choices_follow_the_province(client, world, codi_staff, officer_d):
    client.force_login(codi_staff)
    form = client.get(COUNCILS).context["filter"].form
    assert [c for c, _ in form.fields["district"].widget.choices] == [""]  # national: province first
    form = client.get(COUNCILS, {"province": "50"}).context["filter"].form
    assert [c for c, _ in form.fields["district"].widget.choices] == ["", "5002", "5004"]
    assert [c for c, _ in form.fields["province"].widget.choices][:3] == ["", "50", "57"]
    client.force_login(officer_d)
    form = client.get(COUNCILS).context["filter"].form
    assert [c for c, _ in form.fields["province"].widget.choices] == ["", "50"]
    assert [c for c, _ in form.fields["district"].widget.choices] == ["", "5002"]


@pytest.mark.parametrize(
    ("params", "field", "message"),
    [
        ({"status": "sleeping"}, "status", "สถานะ “sleeping” ไม่ถูกต้อง"),
        ({"level": "gold"}, "level", "ระดับ “gold” ไม่ถูกต้อง"),
        ({"province": "เชียงใหม่"}, "province", "รหัสจังหวัดต้องเป็นตัวเลข 2 หลัก"),
        ({"district": "50"}, "district", "รหัสอำเภอต้องเป็นตัวเลข 4 หลัก"),
        ({"q": "ก" * 101}, "q", "คำค้นยาวเกิน 100 ตัวอักษร"),
    ],
)
def test_bad_council_filters_are_refused_in_thai(client, world, codi_staff, params, field, message):
    client.force_login(codi_staff)
    response = client.get(COUNCILS, params)
    assert response.status_code == 200
    assert message in " ".join(response.context["filter"].errors[field])
    assert message in response.content.decode()
    assert _codes(response) == []  # an invalid filter shows nothing rather than everything


def test_council_list_stays_inside_the_scope_whatever_the_filter(client, world, officer_d, codi_regional):
    client.force_login(officer_d)
    assert _codes(client.get(COUNCILS)) == ["500203", "500204"]
    assert _codes(client.get(COUNCILS, {"province": "57"})) == []
    assert _codes(client.get(COUNCILS, {"q": "เวียง"})) == []
    client.force_login(codi_regional)
    assert _codes(client.get(COUNCILS)) == ["500203", "500204", "500401"]


def test_lists_need_a_login(client, world):
    for url in (COUNCILS, ORGS):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")


# --- Organizations --------------------------------------------------------------------------


@pytest.fixture
def orgs(world):
    water = ThemeFactory(code="water", name_th="น้ำ")
    a = CommunityOrganizationFactory(council=world.council_x, code="CO50020301", name="กลุ่มออมทรัพย์บ้านหลวงใต้")
    b = CommunityOrganizationFactory(
        council=world.council_x, code="CO50020302", name="กลุ่มทอผ้าบ้านหลวงเหนือ", kind=OrganizationKind.OCCUPATION_GROUP
    )
    c = CommunityOrganizationFactory(
        council=world.council_y, code="CO50020401", name="กองทุนสวัสดิการชุมชนข่วงเปา", kind=OrganizationKind.WELFARE_FUND
    )
    d = CommunityOrganizationFactory(council=world.council_w, code="CO57010101", name="กลุ่มออมทรัพย์เวียง")
    b.themes.add(water)
    return a, b, c, d


def test_organization_search_and_filters(client, world, codi_staff, orgs):
    client.force_login(codi_staff)
    assert _org_codes(client.get(ORGS, {"q": "ออมทรัพย์"})) == ["CO50020301", "CO57010101"]
    assert _org_codes(client.get(ORGS, {"q": "หลวงเหนือ"})) == ["CO50020302"]
    assert _org_codes(client.get(ORGS, {"q": "co500204"})) == ["CO50020401"]  # a CODI code, any case
    assert _org_codes(client.get(ORGS, {"kind": "welfare_fund"})) == ["CO50020401"]
    assert _org_codes(client.get(ORGS, {"theme": "water"})) == ["CO50020302"]
    assert _org_codes(client.get(ORGS, {"council": "500203"})) == ["CO50020301", "CO50020302"]
    assert _org_codes(client.get(ORGS, {"province": "57"})) == ["CO57010101"]
    assert _org_codes(client.get(ORGS, {"district": "5002", "q": "กลุ่ม"})) == ["CO50020301", "CO50020302"]
    bad = client.get(ORGS, {"kind": "club"})
    assert "ประเภทองค์กร “club” ไม่ถูกต้อง" in bad.content.decode() and _org_codes(bad) == []


def test_organization_list_is_scoped_and_offers_edits_only_for_own_council(client, world, staff_x, officer_d, orgs):
    client.force_login(officer_d)
    page = client.get(ORGS)
    assert _org_codes(page) == ["CO50020301", "CO50020302", "CO50020401"]
    assert "/councils/organizations/CO50020301/edit/" not in page.content.decode()
    client.force_login(staff_x)
    page = client.get(ORGS)
    html = page.content.decode()
    assert _org_codes(page) == ["CO50020301", "CO50020302"]
    assert "/councils/organizations/CO50020301/edit/" in html
    assert "/councils/500203/organizations/new/" in html


# --- Fixed query counts at two sizes ----------------------------------------------------------


def _grow(world, size):
    """``size`` more councils in district D, each with organizations, activities, members and
    an assessment, so any N+1 shows up as a different count."""
    indicators = IndicatorSetFactory()
    theme = ThemeFactory(code="grow", name_th="ประเด็นขยาย")
    for i in range(size):
        council = CouncilFactory(subdistrict=SubdistrictFactory(district=world.district), status=CouncilStatus.ACTIVE)
        council.themes.add(theme)
        _assess(council, AssessmentLevel.MEDIUM, 2568, indicators)
        org = CommunityOrganizationFactory(council=council, name=f"กลุ่มออมทรัพย์ขยาย{i}")
        org.themes.add(theme)
        CommunityOrganizationFactory(council=world.council_x, name=f"กลุ่มอาชีพบ้านหลวง{i}")
        ActivityFactory(council=world.council_x)
        CouncilMemberFactory(council=world.council_x)


# session, user, role assignments, their provinces, COUNT, province choices, theme choices, page
COUNCIL_LIST_QUERIES = 8
# the same, plus the district choices once a province is chosen
COUNCIL_LIST_FILTERED_QUERIES = 9


@pytest.mark.parametrize("size", [2, 20])
def test_council_list_query_count_is_fixed(client, world, codi_staff, django_assert_num_queries, size):
    _grow(world, size)
    client.force_login(codi_staff)
    with django_assert_num_queries(COUNCIL_LIST_QUERIES):
        response = client.get(COUNCILS)
    assert response.status_code == 200 and len(response.context["councils"]) == 4 + size
    with django_assert_num_queries(COUNCIL_LIST_FILTERED_QUERIES):
        response = client.get(COUNCILS, {"province": "50", "level": "medium", "theme": "grow", "q": "สภา"})
    assert len(response.context["councils"]) == size


@pytest.mark.parametrize("size", [2, 20])
def test_organization_search_query_count_is_fixed(client, world, officer_d, django_assert_num_queries, size):
    _grow(world, size)
    client.force_login(officer_d)
    # session, user, role assignments, their provinces, COUNT, province, district and theme
    # choices, page
    with django_assert_num_queries(9):
        response = client.get(ORGS, {"q": "กลุ่ม", "kind": "savings_group"})
    assert len(response.context["organizations"]) == size * 2


@pytest.mark.parametrize("size", [2, 20])
def test_council_page_query_count_is_fixed(client, world, staff_x, django_assert_num_queries, size):
    _grow(world, size)
    world.council_x.lao = world.lao
    world.council_x.save()
    for activity in world.council_x.activities.all():
        activity.agencies.add(world.lao)
    client.force_login(staff_x)
    # session, user, roles, their provinces, council (+ LAO, level), its themes, activities,
    # their photos, their agencies, summary
    with django_assert_num_queries(10):
        response = client.get("/councils/500203/")
    assert response.status_code == 200 and len(response.context["activities"]) == size


@pytest.mark.parametrize("size", [2, 20])
def test_council_dashboard_query_count_is_fixed(client, world, officer_d, django_assert_num_queries, size):
    _grow(world, size)
    client.force_login(officer_d)
    # session, user, roles, their provinces, council, figures (one query of subqueries),
    # mentor, this year's activities
    with django_assert_num_queries(8):
        response = client.get("/councils/500203/dashboard/")
    assert response.status_code == 200
    figures = response.context["figures"]
    assert (figures["activities_this_year"], figures["members_current"], figures["organizations_total"]) == (
        size,
        size,
        size,
    )


def test_pages_keep_the_filters(client, world, codi_staff):
    for _ in range(55):
        CouncilFactory(subdistrict=SubdistrictFactory(district=world.district), status=CouncilStatus.DORMANT)
    client.force_login(codi_staff)
    response = client.get(COUNCILS, {"status": "dormant"})
    assert len(response.context["councils"]) == 50
    html = response.content.decode()
    assert 'href="?status=dormant&amp;page=2"' in html and "หน้า 1 จาก 2" in html
    assert len(client.get(COUNCILS, {"status": "dormant", "page": 2}).context["councils"]) == 5
