"""Quality assessment: computing level and pass, refusing bad input in Thai with nothing
written, who may assess (403 inside the area, 404 outside it), the level history page and
the API."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from rest_framework.test import APIClient

from accounts.choices import Role
from common.thai import current_fiscal_year, format_date
from councils.choices import AssessmentLevel
from councils.models import Assessment, AssessmentScore, Council
from councils.selectors.assessments import latest_assessments, with_latest_assessment
from councils.services.assessments import assessment_record

from ..factories import (
    CouncilFactory,
    IndicatorFactory,
    IndicatorSetFactory,
    SubdistrictFactory,
    ThemeFactory,
    user_with_role,
)

pytestmark = pytest.mark.django_db

FY = current_fiscal_year()
TODAY = dt.date.today()
FORM = "/councils/{}/assessment/"
HISTORY = "/councils/{}/assessments/"


@pytest.fixture
def iset(db):
    """Four indicators of 5 points: each point is 5%. Strong ≥ 80, medium ≥ 60, pass ≥ 70."""
    s = IndicatorSetFactory(name="ชุดทดสอบ")
    welfare = ThemeFactory(code="welfare", name_th="สวัสดิการชุมชน")
    for i, (code, name) in enumerate(
        [("A1", "การประชุมสภา"), ("A2", "แผนพัฒนาตำบล"), ("A3", "กองทุนสวัสดิการ"), ("A4", "การมีส่วนร่วม")]
    ):
        IndicatorFactory(indicator_set=s, code=code, name=name, order=i, theme=welfare if code == "A3" else None)
    return s


def _ids(s):
    return [i.pk for i in s.indicators.order_by("order")]


def _scores(s, *values):
    return {pk: Decimal(str(v)) for pk, v in zip(_ids(s), values, strict=True)}


def record(s, council, by, *values, fiscal_year=FY, **kw):
    return assessment_record(
        council=council, fiscal_year=fiscal_year, scores=_scores(s, *values), by=by, assessed_on=TODAY, **kw
    )


# Computing --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("values", "percent", "level", "passed"),
    [
        ((5, 5, 5, 5), "100.00", AssessmentLevel.STRONG, True),
        ((4, 4, 4, 4), "80.00", AssessmentLevel.STRONG, True),  # strong boundary
        ((4, 4, 4, 3.5), "77.50", AssessmentLevel.MEDIUM, True),
        ((4, 4, 3, 3), "70.00", AssessmentLevel.MEDIUM, True),  # pass boundary
        ((4, 4, 3, 2.5), "67.50", AssessmentLevel.MEDIUM, False),
        ((3, 3, 3, 3), "60.00", AssessmentLevel.MEDIUM, False),  # medium boundary
        ((3, 3, 3, 2.5), "57.50", AssessmentLevel.NEEDS_DEVELOPMENT, False),
        ((0, 0, 0, 0), "0.00", AssessmentLevel.NEEDS_DEVELOPMENT, False),
    ],
)
def test_level_and_pass_are_computed_at_the_boundaries(world, codi_staff, iset, values, percent, level, passed):
    a = record(iset, world.council_x, codi_staff, *values)
    a.refresh_from_db()
    assert (a.percent, a.level, a.passed) == (Decimal(percent), level, passed)
    assert (a.total_score, a.max_score) == (Decimal(str(sum(values))), Decimal("20"))
    assert sorted(a.scores.values_list("score", flat=True)) == sorted(Decimal(str(v)) for v in values)
    assert (a.assessed_by, a.indicator_set, a.fiscal_year) == (codi_staff, iset, FY)


def test_percent_is_truncated_so_a_near_miss_is_not_strong(world, codi_staff):
    s = IndicatorSetFactory()
    for code in ("B1", "B2", "B3"):
        IndicatorFactory(indicator_set=s, code=code, max_score=999)
    a = record(s, world.council_x, codi_staff, "999", "999", "399.59")  # 79.9996…%
    assert (a.percent, a.level) == (Decimal("79.99"), AssessmentLevel.MEDIUM)


def test_thresholds_come_from_the_indicator_set(world, codi_staff, iset):
    iset.strong_min, iset.medium_min, iset.pass_min = Decimal("90"), Decimal("50"), Decimal("50")
    iset.save()
    a = record(iset, world.council_x, codi_staff, 4, 4, 4, 4)
    assert (a.level, a.passed) == (AssessmentLevel.MEDIUM, True)


def test_reassessing_the_same_year_updates_it_and_keeps_history(world, codi_staff, iset):
    first = record(iset, world.council_x, codi_staff, 2, 2, 2, 2)
    again = record(iset, world.council_x, codi_staff, 5, 4, 4, 4, note="ประเมินซ้ำหลังลงพื้นที่")
    assert again.pk == first.pk
    assert Assessment.objects.count() == 1 and AssessmentScore.objects.count() == 4
    again.refresh_from_db()
    assert (again.level, again.percent, again.note) == (AssessmentLevel.STRONG, Decimal("85.00"), "ประเมินซ้ำหลังลงพื้นที่")
    levels = list(again.history.order_by("history_date").values_list("level", flat=True))
    assert levels == [AssessmentLevel.NEEDS_DEVELOPMENT, AssessmentLevel.STRONG]


# Refusals: Thai messages, nothing written --------------------------------------------------


@pytest.mark.parametrize(
    ("scores", "message"),
    [
        (lambda s: dict(list(_scores(s, 4, 4, 4, 4).items())[:3]), "ตัวชี้วัด A4 การมีส่วนร่วม: กรุณาให้คะแนน"),
        (lambda s: _scores(s, 4, 6, 4, 4), "ตัวชี้วัด A2 แผนพัฒนาตำบล: คะแนนต้องอยู่ระหว่าง 0 ถึง 5"),
        (lambda s: _scores(s, -1, 4, 4, 4), "ตัวชี้วัด A1 การประชุมสภา: คะแนนต้องอยู่ระหว่าง 0 ถึง 5"),
        (lambda s: _scores(s, 4, 4, "4.125", 4), "ตัวชี้วัด A3 กองทุนสวัสดิการ: คะแนนมีทศนิยมได้ไม่เกิน 2 ตำแหน่ง"),
        (lambda s: {**_scores(s, 4, 4, 4, 4), _ids(s)[0]: "สี่"}, "ตัวชี้วัด A1 การประชุมสภา: คะแนนต้องเป็นตัวเลข"),
        (lambda s: {**_scores(s, 4, 4, 4, 4), 999999: 3}, "ตัวชี้วัด “999999” ไม่อยู่ในชุดตัวชี้วัด ชุดทดสอบ"),
    ],
)
def test_bad_scores_are_refused_in_thai_and_nothing_is_written(world, codi_staff, iset, scores, message):
    with pytest.raises(ValidationError) as exc:
        assessment_record(
            council=world.council_x, fiscal_year=FY, scores=scores(iset), by=codi_staff, assessed_on=TODAY
        )
    assert message in exc.value.message_dict["scores"]
    assert Assessment.objects.count() == 0 and AssessmentScore.objects.count() == 0


def test_every_problem_is_reported_at_once(world, codi_staff, iset):
    with pytest.raises(ValidationError) as exc:
        assessment_record(council=world.council_x, fiscal_year=2025, scores={}, by=codi_staff, assessed_on=TODAY)
    errors = exc.value.message_dict
    assert errors["fiscal_year"] == ["ปี 2025 ดูเหมือนเป็นปี ค.ศ. กรุณากรอกเป็นปี พ.ศ. (เช่น 2568)"]
    assert len(errors["scores"]) == 4


def test_a_bad_reassessment_leaves_the_earlier_one_untouched(world, codi_staff, iset):
    first = record(iset, world.council_x, codi_staff, 2, 2, 2, 2)
    with pytest.raises(ValidationError):
        record(iset, world.council_x, codi_staff, 5, 5, 5, 9)
    first.refresh_from_db()
    assert (first.level, first.total_score) == (AssessmentLevel.NEEDS_DEVELOPMENT, Decimal("8.00"))
    assert sorted(first.scores.values_list("score", flat=True)) == [Decimal("2.00")] * 4
    assert first.history.count() == 1


@pytest.mark.parametrize(
    ("year", "message"),
    [
        (2026, "ปี 2026 ดูเหมือนเป็นปี ค.ศ. กรุณากรอกเป็นปี พ.ศ. (เช่น 2569)"),
        (FY + 1, f"ปีงบประมาณ {FY + 1} ยังมาไม่ถึง ประเมินได้ถึงปีงบประมาณปัจจุบันเท่านั้น"),
    ],
)
def test_fiscal_year_must_be_buddhist_era_and_not_ahead(world, codi_staff, iset, year, message):
    with pytest.raises(ValidationError) as exc:
        record(iset, world.council_x, codi_staff, 4, 4, 4, 4, fiscal_year=year)
    assert exc.value.message_dict["fiscal_year"] == [message]
    assert Assessment.objects.count() == 0


def test_assessed_on_in_buddhist_era_or_future_is_refused(world, codi_staff, iset):
    for day, fragment in ((dt.date(2568, 11, 20), "ดูเหมือนเป็นปี พ.ศ."), (TODAY + dt.timedelta(days=3), "อนาคต")):
        with pytest.raises(ValidationError) as exc:
            assessment_record(
                council=world.council_x,
                fiscal_year=FY,
                scores=_scores(iset, 4, 4, 4, 4),
                by=codi_staff,
                assessed_on=day,
            )
        assert fragment in exc.value.message_dict["assessed_on"][0]
    assert Assessment.objects.count() == 0


def test_service_refuses_non_codi_and_councils_outside_the_region(world, iset, staff_x, officer_d, codi_regional):
    for user in (staff_x, officer_d):
        with pytest.raises(PermissionDenied):
            record(iset, world.council_x, user, 4, 4, 4, 4)
    with pytest.raises(PermissionDenied):
        record(iset, world.council_w, codi_regional, 4, 4, 4, 4)
    assert Assessment.objects.count() == 0
    assert record(iset, world.council_x, codi_regional, 4, 4, 4, 4).level == AssessmentLevel.STRONG


# The form ---------------------------------------------------------------------------------


def _post(iset, *values, **overrides):
    data = {"fiscal_year": str(FY), "assessed_on": format_date(TODAY), "note": ""}
    data.update({f"score_{pk}": str(v) for pk, v in zip(_ids(iset), values, strict=True)})
    data.update(overrides)
    return data


def test_codi_records_an_assessment_through_the_form(client, world, codi_staff, iset):
    client.force_login(codi_staff)
    page = client.get(FORM.format("500203"))
    assert page.status_code == 200
    html = page.content.decode()
    for code in ("A1", "A2", "A3", "A4"):
        assert code in html
    assert html.count('<div class="score-row') == 4
    response = client.post(FORM.format("500203"), _post(iset, 4, 4, 3, 3), follow=True)
    assert response.redirect_chain == [("/councils/500203/assessments/", 302)]
    a = Assessment.objects.get()
    assert (a.council, a.level, a.passed, a.percent) == (
        world.council_x,
        AssessmentLevel.MEDIUM,
        True,
        Decimal("70.00"),
    )
    html = response.content.decode()
    assert f"บันทึกผลการประเมินปีงบประมาณ {FY} แล้ว: ระดับปานกลาง (ร้อยละ 70.00) ผ่านการประเมิน" in html


def test_the_form_is_prefilled_when_reassessing(client, world, codi_staff, iset):
    record(iset, world.council_x, codi_staff, 1, 2, 3, 4, note="ครั้งแรก")
    client.force_login(codi_staff)
    form = client.get(FORM.format("500203") + f"?fiscal_year={FY}").context["form"]
    assert [form[f"score_{pk}"].value() for pk in _ids(iset)] == [
        Decimal("1.00"),
        Decimal("2.00"),
        Decimal("3.00"),
        Decimal("4.00"),
    ]
    assert form["note"].value() == "ครั้งแรก"


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"fiscal_year": "2025"}, "fiscal_year", "ดูเหมือนเป็นปี ค.ศ."),
        ({"fiscal_year": ""}, "fiscal_year", "กรุณาระบุปีงบประมาณ"),
        ({"assessed_on": "20/11/2025"}, "assessed_on", "เป็นปี ค.ศ."),
        ({"score_A2": ""}, "score_A2", "กรุณาให้คะแนน"),
        ({"score_A2": "6"}, "score_A2", "คะแนนต้องไม่เกิน 5"),
        ({"score_A2": "-1"}, "score_A2", "คะแนนต้องไม่ต่ำกว่า 0"),
        ({"score_A2": "สี่"}, "score_A2", "คะแนนต้องเป็นตัวเลข"),
    ],
)
def test_form_refuses_bad_input_in_thai(client, world, codi_staff, iset, overrides, field, message):
    a2 = iset.indicators.get(code="A2").pk
    overrides = {k.replace("score_A2", f"score_{a2}"): v for k, v in overrides.items()}
    field = field.replace("score_A2", f"score_{a2}")
    client.force_login(codi_staff)
    response = client.post(FORM.format("500203"), _post(iset, 4, 4, 4, 4) | overrides)
    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors[field])
    assert message in response.content.decode()
    assert Assessment.objects.count() == 0


def test_form_refusals_by_role(client, world, iset, staff_x, staff_y, officer_d, agency_officer, codi_regional):
    for user, expected in ((staff_x, 403), (officer_d, 403), (agency_officer, 403), (staff_y, 404)):
        client.force_login(user)
        assert client.get(FORM.format("500203")).status_code == expected, user
        assert client.post(FORM.format("500203"), _post(iset, 4, 4, 4, 4)).status_code == expected, user
    client.force_login(codi_regional)
    assert client.get(FORM.format("570101")).status_code == 404
    assert client.post(FORM.format("570101"), _post(iset, 4, 4, 4, 4)).status_code == 404
    assert Assessment.objects.count() == 0


def test_anonymous_is_sent_to_login(client, world, iset):
    for url in (FORM, HISTORY):
        response = client.get(url.format("500203"))
        assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")


def test_without_an_active_indicator_set_the_form_says_so(client, world, codi_staff):
    client.force_login(codi_staff)
    response = client.get(FORM.format("500203"), follow=True)
    assert response.redirect_chain == [("/councils/500203/", 302)]
    assert "ยังไม่มีชุดตัวชี้วัดที่ใช้งานอยู่" in response.content.decode()


def test_council_page_links_for_codi_only(client, world, codi_staff, staff_x):
    links = ("ประเมินคุณภาพ", "ประวัติระดับ", "แนะนำตำบลพี่เลี้ยง")
    client.force_login(codi_staff)
    html = client.get("/councils/500203/").content.decode()
    assert all(text in html for text in links)
    assert "/councils/500203/assessment/" in html and "/councils/500203/mentor-suggestions/" in html
    client.force_login(staff_x)
    html = client.get("/councils/500203/").content.decode()
    assert not any(text in html for text in links)


# History -----------------------------------------------------------------------------------


def test_history_shows_the_level_per_fiscal_year(client, world, codi_staff, iset, staff_x):
    record(iset, world.council_x, codi_staff, 2, 2, 2, 2, fiscal_year=FY - 1)
    record(iset, world.council_x, codi_staff, 4, 4, 4, 4)
    client.force_login(staff_x)
    response = client.get(HISTORY.format("500203"))
    assert [(a.fiscal_year, a.level) for a in response.context["assessments"]] == [
        (FY, AssessmentLevel.STRONG),
        (FY - 1, AssessmentLevel.NEEDS_DEVELOPMENT),
    ]
    html = response.content.decode()
    assert "เข้มแข็ง" in html and "ต้องพัฒนา" in html
    assert "แก้ไข" not in html  # council staff can't assess


def test_history_visibility(
    client, world, codi_staff, iset, staff_x, staff_y, officer_d, officer_e, agency_officer, codi_regional
):
    record(iset, world.council_x, codi_staff, 4, 4, 4, 4)
    for user, expected in (
        (codi_staff, 200), (codi_regional, 200), (officer_d, 200), (staff_x, 200),
        (agency_officer, 403), (staff_y, 404), (officer_e, 404),
    ):  # fmt: skip
        client.force_login(user)
        assert client.get(HISTORY.format("500203")).status_code == expected, user
    client.force_login(codi_regional)
    assert client.get(HISTORY.format("570101")).status_code == 404


@pytest.mark.parametrize("years", [2, 9])
def test_history_query_count_is_fixed(client, world, codi_staff, iset, django_assert_num_queries, years):
    for k in range(years):
        record(iset, world.council_x, codi_staff, 3, 3, 3, 3, fiscal_year=FY - k)
    client.force_login(codi_staff)
    # session, user, role assignments, their provinces, council, assessments
    with django_assert_num_queries(6):
        response = client.get(HISTORY.format("500203"))
    assert len(response.context["assessments"]) == years


# Latest assessment for many councils ------------------------------------------------------


@pytest.mark.parametrize("extra", [2, 12])
def test_latest_assessment_for_many_councils_in_one_query(world, codi_staff, iset, django_assert_num_queries, extra):
    councils = [CouncilFactory(subdistrict=SubdistrictFactory(district=world.district)) for _ in range(extra)]
    for c in councils:
        record(iset, c, codi_staff, 2, 2, 2, 2, fiscal_year=FY - 1)
        record(iset, c, codi_staff, 4, 4, 4, 4)
    record(iset, world.council_x, codi_staff, 1, 1, 1, 1, fiscal_year=FY - 2)
    with django_assert_num_queries(1):
        latest = latest_assessments(councils=[*councils, world.council_x, world.council_y])
    assert {c.pk: latest[c.pk].fiscal_year for c in councils} == {c.pk: FY for c in councils}
    assert latest[world.council_x.pk].fiscal_year == FY - 2 and world.council_y.pk not in latest
    with django_assert_num_queries(1):
        rows = list(
            with_latest_assessment(
                Council.objects.filter(pk__in=[c.pk for c in councils] + [world.council_y.pk])
            ).order_by("pk")
        )
    assert {r.pk: r.latest_level for r in rows} == {c.pk: AssessmentLevel.STRONG for c in councils} | {
        world.council_y.pk: None
    }


# API ---------------------------------------------------------------------------------------


def api(user=None):
    client = APIClient()
    if user is not None:
        client.force_authenticate(user)
    return client


def _payload(iset, *values, council="500203", **kw):
    data = {
        "council": council,
        "fiscal_year": FY,
        "assessed_on": TODAY.isoformat(),
        "scores": [{"indicator": pk, "score": str(v)} for pk, v in zip(_ids(iset), values, strict=True)],
    }
    data.update(kw)
    return data


def test_api_codi_creates_an_assessment(world, codi_staff, iset):
    response = api(codi_staff).post("/api/v1/assessments/", _payload(iset, 4, 4, 4, 4), format="json")
    assert response.status_code == 201, response.content
    body = response.json()
    assert (body["council"], body["level"], body["passed"], body["percent"]) == ("500203", "strong", True, "80.00")
    assert len(body["scores"]) == 4


def test_api_refusals(world, iset, staff_x, staff_y, officer_d, codi_regional):
    assert api(staff_x).post("/api/v1/assessments/", _payload(iset, 4, 4, 4, 4), format="json").status_code == 403
    assert api(officer_d).post("/api/v1/assessments/", _payload(iset, 4, 4, 4, 4), format="json").status_code == 403
    assert api(staff_y).post("/api/v1/assessments/", _payload(iset, 4, 4, 4, 4), format="json").status_code == 404
    outside = _payload(iset, 4, 4, 4, 4, council="570101")
    assert api(codi_regional).post("/api/v1/assessments/", outside, format="json").status_code == 404
    assert api().post("/api/v1/assessments/", _payload(iset, 4, 4, 4, 4), format="json").status_code in (401, 403)
    assert Assessment.objects.count() == 0


@pytest.mark.parametrize(
    ("change", "field", "fragment"),
    [
        ({"fiscal_year": 2025}, "fiscal_year", "ดูเหมือนเป็นปี ค.ศ."),
        ({"scores": []}, "scores", "กรุณาให้คะแนน"),
        ("out_of_range", "scores", "คะแนนต้องอยู่ระหว่าง 0 ถึง 5"),
        ("duplicate", "scores", "ถูกให้คะแนนซ้ำ"),
    ],
)
def test_api_bad_input_is_thai_and_nothing_is_written(world, codi_staff, iset, change, field, fragment):
    payload = _payload(iset, 4, 4, 4, 4)
    if change == "out_of_range":
        payload["scores"][1]["score"] = "7"
    elif change == "duplicate":
        payload["scores"][1]["indicator"] = payload["scores"][0]["indicator"]
    else:
        payload.update(change)
    response = api(codi_staff).post("/api/v1/assessments/", payload, format="json")
    assert response.status_code == 400
    assert fragment in str(response.json()[field])
    assert Assessment.objects.count() == 0


def test_api_list_is_scoped_to_who_may_see_assessments(world, codi_staff, iset, staff_x, officer_d, agency_officer):
    for council in (world.council_x, world.council_y, world.council_z):
        record(iset, council, codi_staff, 4, 4, 4, 4)

    def codes(user):
        return sorted(r["council"] for r in api(user).get("/api/v1/assessments/").json()["results"])

    assert codes(codi_staff) == ["500203", "500204", "500401"]
    assert codes(officer_d) == ["500203", "500204"]
    assert codes(staff_x) == ["500203"]
    assert codes(agency_officer) == []


def test_api_indicator_sets_are_readable_by_signed_in_users(world, staff_x, iset):
    body = api(staff_x).get("/api/v1/indicator-sets/").json()["results"]
    assert [i["code"] for i in body[0]["indicators"]] == ["A1", "A2", "A3", "A4"]
    assert body[0]["indicators"][2]["theme_name"] == "สวัสดิการชุมชน"
    assert api().get("/api/v1/indicator-sets/").status_code in (401, 403)


def test_administrator_may_assess(world, iset):
    admin = user_with_role("admin_x", Role.ADMINISTRATOR)
    assert record(iset, world.council_w, admin, 5, 5, 5, 5).level == AssessmentLevel.STRONG
