"""Mentor tambons: pairing rules, who may pair (403 inside the area, 404 outside it), the
suggestions' ranking and reasons, the mentee's level before and after, visits, the API,
query counts, and the demo seed."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from rest_framework.test import APIClient

from common.thai import current_fiscal_year, format_date
from councils.choices import AssessmentLevel, CouncilStatus, MentorshipStatus
from councils.models import Assessment, Council, IndicatorSet, MentoringVisit, Mentorship
from councils.selectors.mentorships import mentor_suggestions, mentorship_detail
from councils.services.assessments import assessment_record
from councils.services.mentorships import mentoring_visit_log, mentorship_end, mentorship_start

from ..factories import (
    CouncilFactory,
    DistrictFactory,
    IndicatorFactory,
    IndicatorSetFactory,
    ProvinceFactory,
    SubdistrictFactory,
    ThemeFactory,
    user_with_role,
)

pytestmark = pytest.mark.django_db

FY = current_fiscal_year()
TODAY = dt.date.today()
DAY = dt.timedelta(days=1)


@pytest.fixture
def iset(db):
    """W1, W2 welfare; E1 community economy; H1 health; G1 no theme. 5 points each (25)."""
    s = IndicatorSetFactory(name="ชุดทดสอบพี่เลี้ยง")
    welfare = ThemeFactory(code="welfare", name_th="สวัสดิการชุมชน")
    economy = ThemeFactory(code="community-economy", name_th="เศรษฐกิจชุมชน")
    health = ThemeFactory(code="health", name_th="สุขภาวะ")
    for order, (code, theme) in enumerate(
        [("W1", welfare), ("W2", welfare), ("E1", economy), ("H1", health), ("G1", None)]
    ):
        IndicatorFactory(indicator_set=s, code=code, name=f"ตัวชี้วัด {code}", theme=theme, order=order)
    return s


def assess(council, by, *values, fiscal_year=FY, on=TODAY):
    indicators = IndicatorSet.objects.get(name="ชุดทดสอบพี่เลี้ยง").indicators.order_by("order")
    return assessment_record(
        council=council,
        fiscal_year=fiscal_year,
        scores={i.pk: Decimal(str(v)) for i, v in zip(indicators, values, strict=True)},
        by=by,
        assessed_on=on,
    )


def council_in(district, name):
    return CouncilFactory(subdistrict=SubdistrictFactory(district=district, name_th=name))


STRONG = (5, 5, 5, 5, 5)  # 100%
WEAK = (1, 2, 2, 4, 1)  # 40%: welfare and economy weak


# Pairing rules ----------------------------------------------------------------------------


def test_codi_pairs_a_passed_mentor_with_a_weak_mentee(world, codi_staff, iset):
    assess(world.council_y, codi_staff, *STRONG)
    assess(world.council_x, codi_staff, *WEAK)
    m = mentorship_start(
        mentor=world.council_y, mentee=world.council_x, by=codi_staff, started_on=TODAY, reason="ใกล้กัน"
    )
    assert (m.mentor, m.mentee, m.status, m.created_by, m.reason) == (
        world.council_y,
        world.council_x,
        MentorshipStatus.ACTIVE,
        codi_staff,
        "ใกล้กัน",
    )


@pytest.mark.parametrize(
    ("mentor_values", "message"),
    [
        (None, "สภาองค์กรชุมชนตำบลข่วงเปา ยังไม่เคยได้รับการประเมินคุณภาพ จึงเป็นตำบลพี่เลี้ยงไม่ได้"),
        ((3, 3, 3, 3, 4), f"สภาองค์กรชุมชนตำบลข่วงเปา ไม่ผ่านการประเมินคุณภาพปีงบประมาณ {FY} จึงเป็นตำบลพี่เลี้ยงไม่ได้"),
    ],
)
def test_a_mentor_that_did_not_pass_is_refused(world, codi_staff, iset, mentor_values, message):
    if mentor_values:
        assess(world.council_y, codi_staff, *mentor_values)  # 64%: medium, not passed
    with pytest.raises(ValidationError) as exc:
        mentorship_start(mentor=world.council_y, mentee=world.council_x, by=codi_staff, started_on=TODAY)
    assert exc.value.message_dict == {"mentor": [message]}
    assert Mentorship.objects.count() == 0


def test_only_the_latest_assessment_counts_for_a_mentor(world, codi_staff, iset):
    assess(world.council_y, codi_staff, *STRONG, fiscal_year=FY - 1)
    assess(world.council_y, codi_staff, 1, 1, 1, 1, 1)
    with pytest.raises(ValidationError):
        mentorship_start(mentor=world.council_y, mentee=world.council_x, by=codi_staff, started_on=TODAY)


def test_a_council_cannot_mentor_itself(world, codi_staff, iset):
    assess(world.council_x, codi_staff, *STRONG)
    with pytest.raises(ValidationError) as exc:
        mentorship_start(mentor=world.council_x, mentee=world.council_x, by=codi_staff, started_on=TODAY)
    assert exc.value.message_dict == {"mentor": ["สภาไม่สามารถเป็นตำบลพี่เลี้ยงให้ตนเองได้"]}


def test_a_second_active_mentorship_for_a_mentee_is_refused_in_thai(world, codi_staff, iset):
    assess(world.council_y, codi_staff, *STRONG)
    assess(world.council_z, codi_staff, *STRONG)
    first = mentorship_start(mentor=world.council_y, mentee=world.council_x, by=codi_staff, started_on=TODAY - 9 * DAY)
    with pytest.raises(ValidationError) as exc:
        mentorship_start(mentor=world.council_z, mentee=world.council_x, by=codi_staff, started_on=TODAY)
    assert exc.value.message_dict == {
        "mentee": ["สภาองค์กรชุมชนตำบลบ้านหลวง มีตำบลพี่เลี้ยงอยู่แล้ว (สภาองค์กรชุมชนตำบลข่วงเปา) ต้องสิ้นสุดการจับคู่เดิมก่อน"]
    }
    assert Mentorship.objects.count() == 1
    mentorship_end(mentorship=first, by=codi_staff, ended_on=TODAY - DAY)
    second = mentorship_start(mentor=world.council_z, mentee=world.council_x, by=codi_staff, started_on=TODAY)
    assert list(Mentorship.objects.order_by("pk").values_list("status", flat=True)) == ["ended", "active"]
    assert second.mentor == world.council_z


def test_ending_twice_or_before_the_start_is_refused(world, codi_staff, iset):
    assess(world.council_y, codi_staff, *STRONG)
    m = mentorship_start(mentor=world.council_y, mentee=world.council_x, by=codi_staff, started_on=TODAY - 5 * DAY)
    with pytest.raises(ValidationError) as exc:
        mentorship_end(mentorship=m, by=codi_staff, ended_on=TODAY - 6 * DAY)
    assert exc.value.message_dict == {"ended_on": ["วันที่สิ้นสุดต้องไม่ก่อนวันที่เริ่มจับคู่"]}
    mentorship_end(mentorship=m, by=codi_staff, ended_on=TODAY)
    with pytest.raises(ValidationError) as exc:
        mentorship_end(mentorship=m, by=codi_staff, ended_on=TODAY)
    assert exc.value.message_dict == {"status": ["การจับคู่นี้สิ้นสุดไปแล้ว"]}


def test_only_codi_in_the_area_may_pair(world, iset, codi_staff, staff_x, officer_d, codi_regional):
    assess(world.council_y, codi_staff, *STRONG)
    assess(world.council_w, codi_staff, *STRONG)
    for user in (staff_x, officer_d):
        with pytest.raises(PermissionDenied):
            mentorship_start(mentor=world.council_y, mentee=world.council_x, by=user, started_on=TODAY)
    with pytest.raises(PermissionDenied):  # the mentor lies outside the region
        mentorship_start(mentor=world.council_w, mentee=world.council_x, by=codi_regional, started_on=TODAY)
    assert Mentorship.objects.count() == 0


# Visits -----------------------------------------------------------------------------------


def test_visits_are_dated_within_the_mentorship_and_need_notes(world, codi_staff, iset, staff_x):
    assess(world.council_y, codi_staff, *STRONG)
    m = mentorship_start(mentor=world.council_y, mentee=world.council_x, by=codi_staff, started_on=TODAY - 10 * DAY)
    with pytest.raises(ValidationError) as exc:
        mentoring_visit_log(mentorship=m, by=codi_staff, date=TODAY - 11 * DAY, notes="  ", participants=-1)
    assert exc.value.message_dict == {
        "date": ["วันที่เยี่ยมต้องไม่ก่อนวันที่เริ่มจับคู่"],
        "notes": ["กรุณาบันทึกสิ่งที่ทำระหว่างการเยี่ยม"],
        "participants": ["จำนวนผู้เข้าร่วมต้องไม่ติดลบ"],
    }
    with pytest.raises(PermissionDenied):
        mentoring_visit_log(mentorship=m, by=staff_x, date=TODAY, notes="เยี่ยม")
    visit = mentoring_visit_log(mentorship=m, by=codi_staff, date=TODAY - 2 * DAY, notes="ดูงานกองทุน", participants=12)
    assert (visit.recorded_by, visit.participants) == (codi_staff, 12)
    assert MentoringVisit.objects.count() == 1


# Before and after -------------------------------------------------------------------------


def test_mentee_level_before_and_after(world, codi_staff, iset):
    assess(world.council_y, codi_staff, *STRONG)
    assess(world.council_x, codi_staff, *WEAK, fiscal_year=FY - 1, on=TODAY - 40 * DAY)
    m = mentorship_start(mentor=world.council_y, mentee=world.council_x, by=codi_staff, started_on=TODAY - 30 * DAY)
    detail = mentorship_detail(user=codi_staff, pk=m.pk)
    assert (detail.before.fiscal_year, detail.before.level, detail.after) == (
        FY - 1,
        AssessmentLevel.NEEDS_DEVELOPMENT,
        None,
    )
    assess(world.council_x, codi_staff, 4, 4, 3, 3, 4, on=TODAY - DAY)  # 72%
    detail = mentorship_detail(user=codi_staff, pk=m.pk)
    assert (detail.before.level, detail.after.level, detail.after.fiscal_year, detail.after.percent) == (
        AssessmentLevel.NEEDS_DEVELOPMENT,
        AssessmentLevel.MEDIUM,
        FY,
        Decimal("72.00"),
    )
    assert detail.change == 1


def test_before_survives_a_reassessment_of_the_same_year(world, codi_staff, iset):
    """Same fiscal year assessed weak, paired, then re-assessed: 'before' is read from history."""
    assess(world.council_y, codi_staff, *STRONG)
    assess(world.council_x, codi_staff, *WEAK, on=TODAY - 20 * DAY)
    m = mentorship_start(mentor=world.council_y, mentee=world.council_x, by=codi_staff, started_on=TODAY - 19 * DAY)
    assess(world.council_x, codi_staff, 5, 4, 4, 4, 4, on=TODAY)  # 84%, same year, same row
    assert Assessment.objects.filter(council=world.council_x).count() == 1
    detail = mentorship_detail(user=codi_staff, pk=m.pk)
    assert (detail.before.level, detail.before.percent) == (AssessmentLevel.NEEDS_DEVELOPMENT, Decimal("40.00"))
    assert (detail.after.level, detail.after.percent) == (AssessmentLevel.STRONG, Decimal("84.00"))
    assert detail.change == 2


# Suggestions: a small world ---------------------------------------------------------------


@pytest.fixture
def candidates(world, codi_staff, iset):
    """Mentee: council X (district D, province 50), weak in welfare and community economy.

    y2 D  welfare 80%  economy 100%  pooled 86.67  total 76% medium, passed
    y  D  welfare 90%  economy 60%   pooled 80.00  total 88% strong
    z  E  welfare 100% economy 80%   pooled 93.33  total 96% (same province)
    p  E  welfare 60%  economy 60%   pooled 60.00  total 76% (no strong weak theme)
    w  F  welfare 100% economy 90%   pooled 96.67  total 98% (province 57)
    b  D  welfare 100% economy 80%   busy: already mentoring 3 councils
    Left out: f (latest not passed though passed the year before), d (dormant), x itself.
    """
    d, e, far = world.district, world.other_district, world.far_district
    c = type("C", (), {})()
    c.x, c.y, c.z, c.w = world.council_x, world.council_y, world.council_z, world.council_w
    c.y2, c.p, c.b = council_in(d, "ดอยแก้ว"), council_in(e, "เมืองนะ"), council_in(d, "สบเตี๊ยะ")
    c.f, c.d = council_in(d, "แม่สอย"), council_in(d, "ยางคราม")
    c.d.status = CouncilStatus.DORMANT
    c.d.save()
    assess(c.x, codi_staff, *WEAK)
    assess(c.y, codi_staff, 5, 4, 3, 5, 5)
    assess(c.y2, codi_staff, 4, 4, 5, 3, 3)
    assess(c.z, codi_staff, 5, 5, 4, 5, 5)
    assess(c.p, codi_staff, 3, 3, 3, 5, 5)
    assess(c.w, codi_staff, 5, 5, 4.5, 5, 5)
    assess(c.b, codi_staff, 5, 5, 4, 5, 5)
    assess(c.f, codi_staff, *STRONG, fiscal_year=FY - 1)
    assess(c.f, codi_staff, 3, 3, 3, 3, 3)
    assess(c.d, codi_staff, *STRONG)
    for name in ("หนึ่ง", "สอง", "สาม"):
        mentorship_start(mentor=c.b, mentee=council_in(far, name), by=codi_staff, started_on=TODAY)
    return c


def test_suggestions_are_ranked_with_reasons(world, codi_staff, candidates):
    c = candidates
    items = mentor_suggestions(user=codi_staff, mentee=c.x)
    assert [(i.council, i.reason) for i in items] == [
        (c.y2, "อยู่อำเภอเดียวกัน · เข้มแข็งด้านเศรษฐกิจชุมชน (100%) · เข้มแข็งด้านสวัสดิการชุมชน (80%)"),
        (c.y, "อยู่อำเภอเดียวกัน · เข้มแข็งด้านสวัสดิการชุมชน (90%)"),
        (c.z, "อยู่จังหวัดเดียวกัน · เข้มแข็งด้านสวัสดิการชุมชน (100%) · เข้มแข็งด้านเศรษฐกิจชุมชน (80%)"),
        (c.p, f"อยู่จังหวัดเดียวกัน · ผ่านการประเมินปี {FY} ระดับปานกลาง (76%)"),
        (c.w, "อยู่ต่างจังหวัด (เชียงราย) · เข้มแข็งด้านสวัสดิการชุมชน (100%) · เข้มแข็งด้านเศรษฐกิจชุมชน (90%)"),
        (c.b, "อยู่อำเภอเดียวกัน · เข้มแข็งด้านสวัสดิการชุมชน (100%) · เข้มแข็งด้านเศรษฐกิจชุมชน (80%) · เป็นพี่เลี้ยงอยู่แล้ว 3 ตำบล"),
    ]
    assert [round(i.strength, 2) for i in items] == [
        Decimal("86.67"),
        Decimal("80.00"),
        Decimal("93.33"),
        Decimal("60.00"),
        Decimal("96.67"),
        Decimal("93.33"),
    ]
    assert [(i.nearness, i.active_mentorships) for i in items] == [(0, 0), (0, 0), (1, 0), (1, 0), (2, 0), (0, 3)]


def test_suggestions_stay_in_the_users_region_and_respect_the_limit(world, codi_regional, codi_staff, candidates):
    c = candidates
    assert [i.council for i in mentor_suggestions(user=codi_regional, mentee=c.x)] == [c.y2, c.y, c.z, c.p, c.b]
    assert [i.council for i in mentor_suggestions(user=codi_staff, mentee=c.x, limit=2)] == [c.y2, c.y]


def test_suggestions_for_a_council_without_assessment_rank_by_overall_result(world, codi_staff, candidates):
    c = candidates
    mentee = council_in(world.district, "บ้านแปะ")
    items = mentor_suggestions(user=codi_staff, mentee=mentee, limit=3)
    assert [(i.council, i.reason) for i in items] == [
        (c.y, f"อยู่อำเภอเดียวกัน · ผ่านการประเมินปี {FY} ระดับเข้มแข็ง (88%)"),
        (c.y2, f"อยู่อำเภอเดียวกัน · ผ่านการประเมินปี {FY} ระดับปานกลาง (76%)"),
        (c.z, f"อยู่จังหวัดเดียวกัน · ผ่านการประเมินปี {FY} ระดับเข้มแข็ง (96%)"),
    ]


# Pages ------------------------------------------------------------------------------------

SUGGEST = "/councils/{}/mentor-suggestions/"


def test_suggestions_page_shows_reasons_and_pair_links(client, world, codi_staff, candidates):
    client.force_login(codi_staff)
    response = client.get(SUGGEST.format("500203"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "อยู่อำเภอเดียวกัน · เข้มแข็งด้านสวัสดิการชุมชน (90%)" in html
    assert "สวัสดิการชุมชน" in html and "เศรษฐกิจชุมชน" in html  # the weak themes
    assert f"/councils/mentorships/new/?mentee=500203&amp;mentor={candidates.y.subdistrict.code}" in html


def test_suggestions_page_refusals(client, world, iset, staff_x, staff_y, officer_d, agency_officer, codi_regional):
    for user, expected in ((staff_x, 403), (officer_d, 403), (agency_officer, 403), (staff_y, 404)):
        client.force_login(user)
        assert client.get(SUGGEST.format("500203")).status_code == expected, user
    client.force_login(codi_regional)
    assert client.get(SUGGEST.format("570101")).status_code == 404


@pytest.mark.parametrize("extra", [2, 10])
def test_suggestions_page_query_count_is_fixed(client, world, codi_staff, iset, django_assert_num_queries, extra):
    assess(world.council_x, codi_staff, *WEAK)
    for k in range(extra):
        mentor = council_in(world.district if k % 2 else world.other_district, f"พี่เลี้ยง{k}")
        assess(mentor, codi_staff, 5, 4, 4, 5, 5)
        if k < 3:
            mentorship_start(mentor=mentor, mentee=council_in(world.far_district, f"น้อง{k}"), by=codi_staff)
    client.force_login(codi_staff)
    # session, user, roles, their provinces, mentee council, its latest assessment, its scores,
    # ranked candidates, their theme shares, the mentee's current mentorship
    with django_assert_num_queries(10):
        response = client.get(SUGGEST.format("500203"))
    assert len(response.context["suggestions"]) == extra


def test_pairing_through_the_form(client, world, codi_staff, iset):
    assess(world.council_y, codi_staff, *STRONG)
    assess(world.council_x, codi_staff, *WEAK)
    client.force_login(codi_staff)
    page = client.get("/councils/mentorships/new/?mentee=500203&mentor=500204&reason=ใกล้กัน")
    assert page.context["form"].initial == {"mentee": "500203", "mentor": "500204", "reason": "ใกล้กัน"}
    data = {"mentee": "500203", "mentor": "500204", "started_on": format_date(TODAY), "reason": "ใกล้กัน"}
    response = client.post("/councils/mentorships/new/", data)
    m = Mentorship.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/councils/mentorships/{m.pk}/"
    again = client.post("/councils/mentorships/new/", {**data, "mentor": "500401"})
    assert again.status_code == 200
    assert "มีตำบลพี่เลี้ยงอยู่แล้ว" in " ".join(again.context["form"].errors["mentee"])
    outside = client.post("/councils/mentorships/new/", {**data, "mentee": "999999"})
    assert "ไม่พบสภารหัสตำบล 999999 ในพื้นที่ของคุณ" in outside.content.decode()
    assert Mentorship.objects.count() == 1


def test_pairing_form_is_codi_only(client, world, staff_x, officer_d):
    for user in (staff_x, officer_d):
        client.force_login(user)
        assert client.get("/councils/mentorships/new/").status_code == 403
        assert client.post("/councils/mentorships/new/", {"mentee": "500203", "mentor": "500204"}).status_code == 403


@pytest.fixture
def paired(world, codi_staff, iset):
    assess(world.council_y, codi_staff, *STRONG)
    assess(world.council_x, codi_staff, *WEAK, on=TODAY - 20 * DAY)
    return mentorship_start(mentor=world.council_y, mentee=world.council_x, by=codi_staff, started_on=TODAY - 10 * DAY)


def test_detail_page_with_visits_and_levels(client, world, codi_staff, paired, staff_x):
    client.force_login(codi_staff)
    url = f"/councils/mentorships/{paired.pk}/"
    visit = {"date": format_date(TODAY - DAY), "notes": "ดูงานกองทุนสวัสดิการ", "participants": "15"}
    response = client.post(url + "visits/", visit, follow=True)
    assert response.redirect_chain == [(url, 302)]
    html = response.content.decode()
    assert "ดูงานกองทุนสวัสดิการ" in html and "ผู้เข้าร่วม 15 คน" in html
    assert "ก่อนจับคู่" in html and "ต้องพัฒนา" in html and "ยังไม่มีผลการประเมินหลังจับคู่" in html
    bad = client.post(url + "visits/", {**visit, "date": format_date(TODAY - 30 * DAY)})
    assert bad.status_code == 200
    assert "วันที่เยี่ยมต้องไม่ก่อนวันที่เริ่มจับคู่" in bad.content.decode()
    assert MentoringVisit.objects.count() == 1
    client.force_login(staff_x)  # the mentee's own staff may read, not write
    page = client.get(url)
    assert page.status_code == 200 and page.context["can_manage"] is False
    assert f'action="{url}visits/"' not in page.content.decode()
    assert client.post(url + "visits/", visit).status_code == 403
    assert client.post(url + "end/", {"ended_on": format_date(TODAY)}).status_code == 403
    client.force_login(codi_staff)
    assert client.post(url + "end/", {"ended_on": format_date(TODAY)}).status_code == 302
    paired.refresh_from_db()
    assert (paired.status, paired.ended_on) == (MentorshipStatus.ENDED, TODAY)


def test_detail_is_404_outside_the_area(client, world, paired, officer_e):
    client.force_login(officer_e)
    url = f"/councils/mentorships/{paired.pk}/"
    assert client.get(url).status_code == 404
    assert client.post(url + "visits/", {"date": format_date(TODAY), "notes": "x"}).status_code == 404


def test_list_is_scoped(client, world, paired, officer_d, officer_e, staff_x):
    for user, count in ((officer_d, 1), (staff_x, 1), (officer_e, 0)):
        client.force_login(user)
        response = client.get("/councils/mentorships/")
        assert len(response.context["mentorships"]) == count, user
    client.force_login(officer_d)
    html = client.get("/councils/mentorships/").content.decode()
    assert "สภาองค์กรชุมชนตำบลข่วงเปา" in html and "ต้องพัฒนา" in html


@pytest.mark.parametrize("size", [2, 12])
def test_list_query_count_is_fixed(client, world, codi_staff, iset, django_assert_num_queries, size):
    mentor = world.council_y
    assess(mentor, codi_staff, *STRONG)
    for k in range(size):
        mentee = council_in(world.district, f"น้อง{k}")
        assess(mentee, codi_staff, *WEAK)
        m = mentorship_start(mentor=mentor, mentee=mentee, by=codi_staff)
        mentoring_visit_log(mentorship=m, by=codi_staff, date=TODAY, notes="เยี่ยม")
    client.force_login(codi_staff)
    # session, user, roles, their provinces, count, page of mentorships
    with django_assert_num_queries(6):
        response = client.get("/councils/mentorships/")
    assert len(response.context["mentorships"]) == size


# API --------------------------------------------------------------------------------------


def api(user=None):
    client = APIClient()
    if user is not None:
        client.force_authenticate(user)
    return client


def test_api_suggestions_create_visit_and_end(world, codi_staff, candidates):
    c = candidates
    response = api(codi_staff).get("/api/v1/mentorships/suggestions/?mentee=500203&limit=2")
    assert response.status_code == 200, response.content
    body = response.json()
    assert [(i["mentor"]["code"], i["reason"]) for i in body] == [
        (c.y2.subdistrict.code, "อยู่อำเภอเดียวกัน · เข้มแข็งด้านเศรษฐกิจชุมชน (100%) · เข้มแข็งด้านสวัสดิการชุมชน (80%)"),
        ("500204", "อยู่อำเภอเดียวกัน · เข้มแข็งด้านสวัสดิการชุมชน (90%)"),
    ]
    created = api(codi_staff).post(
        "/api/v1/mentorships/", {"mentor": "500204", "mentee": "500203", "reason": body[1]["reason"]}, format="json"
    )
    assert created.status_code == 201, created.content
    pk = created.json()["id"]
    visit = api(codi_staff).post(
        f"/api/v1/mentorships/{pk}/visits/", {"date": TODAY.isoformat(), "notes": "เยี่ยมครั้งแรก"}, format="json"
    )
    assert visit.status_code == 201, visit.content
    detail = api(codi_staff).get(f"/api/v1/mentorships/{pk}/").json()
    assert detail["level_before"]["level"] == "needs_development" and detail["level_after"] is None
    assert [v["notes"] for v in detail["visits"]] == ["เยี่ยมครั้งแรก"]
    twice = api(codi_staff).post(
        "/api/v1/mentorships/", {"mentor": c.z.subdistrict.code, "mentee": "500203"}, format="json"
    )
    assert twice.status_code == 400
    assert "มีตำบลพี่เลี้ยงอยู่แล้ว" in twice.json()["mentee"][0]
    ended = api(codi_staff).post(f"/api/v1/mentorships/{pk}/end/", {}, format="json")
    assert ended.status_code == 200 and ended.json()["status"] == "ended"


def test_api_refusals(world, codi_staff, candidates, staff_x, officer_d, codi_regional, staff_y):
    c = candidates
    pair = {"mentor": "500204", "mentee": "500203"}
    for user in (staff_x, staff_y, officer_d):
        assert api(user).post("/api/v1/mentorships/", pair, format="json").status_code == 403
    for user in (staff_x, officer_d):
        assert api(user).get("/api/v1/mentorships/suggestions/?mentee=500203").status_code == 403
    assert api(staff_y).get("/api/v1/mentorships/suggestions/?mentee=500203").status_code == 404
    assert api(codi_regional).get("/api/v1/mentorships/suggestions/?mentee=570101").status_code == 404
    outside = {"mentor": c.w.subdistrict.code, "mentee": "500203"}
    assert api(codi_regional).post("/api/v1/mentorships/", outside, format="json").status_code == 404
    failed = api(codi_staff).post(
        "/api/v1/mentorships/", {"mentor": c.f.subdistrict.code, "mentee": "500203"}, format="json"
    )
    assert failed.status_code == 400 and "ไม่ผ่านการประเมินคุณภาพ" in failed.json()["mentor"][0]
    assert Mentorship.objects.filter(mentee=c.x).count() == 0
    m = Mentorship.objects.filter(mentor=c.b).first()
    assert (
        api(staff_x)
        .post(f"/api/v1/mentorships/{m.pk}/visits/", {"date": TODAY.isoformat(), "notes": "x"}, format="json")
        .status_code
        == 404
    )
    assert api(codi_staff).get("/api/v1/mentorships/suggestions/").status_code == 400


# Demo seed --------------------------------------------------------------------------------


def test_demo_seed_gives_assessments_and_a_mentorship(db):
    from reports.demo import seed_small

    chiang_mai = ProvinceFactory(code="50", name_th="เชียงใหม่")
    for district_code, tambons in (("5002", 4), ("5004", 3)):
        district = DistrictFactory(province=chiang_mai, code=district_code)
        for k in range(1, tambons + 1):
            SubdistrictFactory(district=district, code=f"{district_code}{k:02d}")
    seed_small()
    iset = IndicatorSet.objects.get()
    assert iset.indicators.count() == 8 and not iset.indicators.filter(theme__isnull=True).exists()
    assert Assessment.objects.filter(fiscal_year=FY).count() == Council.objects.count() == 7
    levels = set(Assessment.objects.values_list("level", flat=True))
    assert levels == {AssessmentLevel.STRONG, AssessmentLevel.MEDIUM, AssessmentLevel.NEEDS_DEVELOPMENT}
    m = Mentorship.objects.select_related("mentor__subdistrict", "mentee__subdistrict").get()
    assert (m.mentor.subdistrict.code, m.mentee.subdistrict.code) == ("500201", "500202")
    assert m.reason.startswith("อยู่อำเภอเดียวกัน · เข้มแข็งด้าน")
    assert m.visits.count() == 2  # one in the last finished year (it started then), one this year
    counts = (
        Assessment.history.count(),
        Mentorship.history.count(),
        MentoringVisit.objects.count(),
        IndicatorSet.history.count(),
    )
    seed_small()  # again: nothing new
    assert (
        Assessment.history.count(),
        Mentorship.history.count(),
        MentoringVisit.objects.count(),
        IndicatorSet.history.count(),
    ) == counts


def test_administrator_may_pair(world, codi_staff, iset):
    from accounts.choices import Role

    admin = user_with_role("admin_m", Role.ADMINISTRATOR)
    assess(world.council_w, codi_staff, *STRONG)
    assert mentorship_start(mentor=world.council_w, mentee=world.council_x, by=admin).mentor == world.council_w
