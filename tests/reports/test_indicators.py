"""Monitoring indicators: the value's moves and who may make them (refused sides first),
the roll-up council → district → province → national, targets, and computed indicators."""

from __future__ import annotations

import datetime as dt
import threading
import time
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection, transaction

from accounts.choices import Role
from councils.services.assessments import assessment_record
from meetings.choices import MeetingKind
from meetings.services import meetings as meeting_services
from reports.choices import Aggregation, AreaLevel, ComputedSource, IndicatorKind, Periodicity, ValueStatus
from reports.indicators import services
from reports.indicators.areas import Place
from reports.indicators.selectors import indicator_table, values_to_decide, values_visible_to
from reports.models import Indicator, IndicatorValue

from ..factories import IndicatorFactory, IndicatorSetFactory, user_with_role


def _indicator(code="M01", **fields) -> Indicator:
    defaults = {"name_th": "ครัวเรือนที่ร่วมกองทุน", "unit": "ครัวเรือน", "level": AreaLevel.COUNCIL,
                "periodicity": Periodicity.QUARTER}  # fmt: skip
    return Indicator.objects.create(code=code, **{**defaults, **fields})


def _council(c) -> Place:
    return Place(AreaLevel.COUNCIL, c)


def _enter(indicator, place, by, value=10, quarter=1, submit=True, **extra) -> IndicatorValue:
    row = services.value_save(indicator=indicator, fiscal_year=2569, quarter=quarter, place=place, by=by, value=value,
                              **extra)  # fmt: skip
    return services.value_submit(value_id=row.pk, by=by) if submit else row


# The value's life -----------------------------------------------------------------------------


def test_council_staff_enter_and_submit_the_district_officer_approves(world, staff_x, officer_d):
    indicator = _indicator()
    draft = _enter(indicator, _council(world.council_x), staff_x, value=Decimal("12.5"), submit=False)
    assert (draft.status, draft.value, draft.area_key) == (ValueStatus.DRAFT, Decimal("12.5"), "council:500203")
    submitted = services.value_submit(value_id=draft.pk, by=staff_x)
    assert (submitted.status, submitted.submitted_by) == (ValueStatus.SUBMITTED, staff_x)
    approved = services.value_approve(value_id=draft.pk, by=officer_d)
    approved.refresh_from_db()
    assert (approved.status, approved.decided_by) == (ValueStatus.APPROVED, officer_d)
    assert approved.decided_at is not None
    history = approved.history.order_by("history_date")
    assert [(h.status, h.history_user) for h in history] == [
        ("draft", staff_x), ("submitted", staff_x), ("approved", officer_d),
    ]  # fmt: skip


def test_a_return_needs_a_reason_and_the_council_fixes_and_submits_again(world, staff_x, officer_d):
    value = _enter(_indicator(), _council(world.council_x), staff_x)
    with pytest.raises(ValidationError) as refused:
        services.value_return(value_id=value.pk, by=officer_d, reason="  ")
    assert refused.value.message_dict == {"reason": ["กรุณาระบุเหตุผลที่ส่งกลับ"]}
    returned = services.value_return(value_id=value.pk, by=officer_d, reason="ขาดหลักฐานรายชื่อ")
    assert (returned.status, returned.return_reason, returned.decided_by) == ("returned", "ขาดหลักฐานรายชื่อ", officer_d)
    fixed = services.value_save(indicator=value.indicator, fiscal_year=2569, quarter=1, place=_council(world.council_x),
                                by=staff_x, value=11)  # fmt: skip
    assert (fixed.status, fixed.value) == (ValueStatus.RETURNED, Decimal("11.00"))
    again = services.value_submit(value_id=value.pk, by=staff_x)
    assert (again.status, again.return_reason) == (ValueStatus.SUBMITTED, "")


def test_only_the_councils_own_staff_enter_its_values(world, staff_x, staff_y, officer_d, codi_staff, agency_officer):
    indicator = _indicator()
    for user in (staff_y, officer_d, codi_staff, agency_officer):
        with pytest.raises(PermissionDenied):
            _enter(indicator, _council(world.council_x), user, submit=False)
    assert not IndicatorValue.objects.exists()


def test_only_the_submitters_side_submits(world, staff_x, staff_y, officer_d):
    value = _enter(_indicator(), _council(world.council_x), staff_x, submit=False)
    for user in (staff_y, officer_d):
        with pytest.raises(PermissionDenied):
            services.value_submit(value_id=value.pk, by=user)
    value.refresh_from_db()
    assert value.status == ValueStatus.DRAFT


def test_who_may_not_decide_a_council_value(world, staff_x, staff_y, officer_e, agency_officer):
    value = _enter(_indicator(), _council(world.council_x), staff_x)
    codi_q = user_with_role("codi_q", Role.CODI_STAFF, provinces=[world.other_province])
    for user in (staff_x, staff_y, officer_e, agency_officer, codi_q):
        with pytest.raises(PermissionDenied):
            services.value_approve(value_id=value.pk, by=user)
        with pytest.raises(PermissionDenied):
            services.value_return(value_id=value.pk, by=user, reason="ไม่ครบ")
    value.refresh_from_db()
    assert value.status == ValueStatus.SUBMITTED


def test_a_decided_or_submitted_value_is_not_edited_or_decided_again(world, staff_x, officer_d, codi_regional):
    value = _enter(_indicator(), _council(world.council_x), staff_x)
    with pytest.raises(ValidationError) as refused:
        services.value_save(indicator=value.indicator, fiscal_year=2569, quarter=1, place=_council(world.council_x),
                            by=staff_x, value=99)  # fmt: skip
    assert refused.value.messages == ["แก้ไขไม่ได้: ผลนี้อยู่ในสถานะ “ส่งแล้ว รออนุมัติ” แล้ว"]
    services.value_approve(value_id=value.pk, by=officer_d)
    with pytest.raises(ValidationError) as again:
        services.value_return(value_id=value.pk, by=codi_regional, reason="ตัวเลขไม่ตรง")
    assert again.value.messages == ["ผลนี้ไม่ได้รออนุมัติแล้ว (สถานะปัจจุบัน: อนุมัติแล้ว) อาจมีผู้อื่นพิจารณาไปก่อน"]
    with pytest.raises(ValidationError):
        services.value_submit(value_id=value.pk, by=staff_x)
    value.refresh_from_db()
    assert (value.status, value.value, value.decided_by) == (ValueStatus.APPROVED, Decimal("10.00"), officer_d)


def test_district_values_are_approved_by_codi_not_by_the_district_officer(world, officer_d, officer_e, codi_regional):
    indicator = _indicator("D01", level=AreaLevel.DISTRICT, periodicity=Periodicity.YEAR)
    district = Place(AreaLevel.DISTRICT, world.district)
    with pytest.raises(PermissionDenied):
        _enter(indicator, district, officer_e, quarter=0)
    value = _enter(indicator, district, officer_d, quarter=0)
    with pytest.raises(PermissionDenied):
        services.value_approve(value_id=value.pk, by=officer_d)
    assert services.value_approve(value_id=value.pk, by=codi_regional).status == ValueStatus.APPROVED


def test_the_submitter_does_not_decide_their_own_value(world, codi_staff, codi_regional):
    indicator = _indicator("P01", level=AreaLevel.PROVINCE, periodicity=Periodicity.YEAR)
    value = _enter(indicator, Place(AreaLevel.PROVINCE, world.province), codi_regional, quarter=0)
    with pytest.raises(ValidationError) as refused:
        services.value_approve(value_id=value.pk, by=codi_regional)
    assert refused.value.messages == ["ผู้ส่งผลอนุมัติหรือส่งกลับผลของตนเองไม่ได้"]
    assert services.value_approve(value_id=value.pk, by=codi_staff).status == ValueStatus.APPROVED


def test_entries_that_do_not_fit_the_indicator_are_refused(world, staff_x):
    place = _council(world.council_x)
    with pytest.raises(ValidationError) as whole_year:
        _enter(_indicator(), place, staff_x, quarter=0)
    assert whole_year.value.message_dict == {"quarter": ["ตัวชี้วัดนี้รายงานรายไตรมาส กรุณาเลือกไตรมาส"]}
    with pytest.raises(ValidationError) as no_number:
        _enter(_indicator("M02"), place, staff_x, value=None)
    assert no_number.value.message_dict == {"value": ["กรุณาระบุตัวเลขผลการดำเนินงาน"]}
    qualitative = _indicator("Q01", kind=IndicatorKind.QUALITATIVE, aggregation=Aggregation.NONE)
    with pytest.raises(ValidationError) as no_text:
        _enter(qualitative, place, staff_x, value=None)
    assert no_text.value.message_dict == {"text": ["กรุณาบรรยายผลเชิงคุณภาพ"]}
    computed = _indicator("C01", computed=ComputedSource.MEETINGS_HELD)
    with pytest.raises(ValidationError) as computed_refused:
        _enter(computed, place, staff_x)
    assert computed_refused.value.messages == ["ตัวชี้วัดนี้คำนวณจากระบบ ไม่ต้องบันทึกค่า"]
    district_level = _indicator("D01", level=AreaLevel.DISTRICT)
    with pytest.raises(ValidationError):
        _enter(district_level, place, staff_x)
    assert not IndicatorValue.objects.exists()


def test_evidence_is_checked_by_its_bytes(world, staff_x):
    place, indicator = _council(world.council_x), _indicator()
    with pytest.raises(ValidationError) as refused:
        _enter(indicator, place, staff_x, submit=False, evidence=SimpleUploadedFile("list.pdf", b"MZ not a pdf"))
    assert refused.value.message_dict == {"evidence": ["ไฟล์หลักฐานต้องเป็น PDF รูปภาพ XLSX หรือ DOCX เท่านั้น"]}
    value = _enter(indicator, place, staff_x, submit=False, evidence=SimpleUploadedFile("รายชื่อ.pdf", b"%PDF-1.4 x"),
                   evidence_link="https://example.org/photos")  # fmt: skip
    assert (value.evidence_name, value.evidence_type) == ("รายชื่อ.pdf", "application/pdf")
    assert value.evidence.name.startswith("indicators/2569/") and value.evidence.name.endswith(".pdf")


def test_a_qualitative_indicator_may_not_add_up(world, codi_staff, staff_x):
    with pytest.raises(ValidationError) as refused:
        services.indicator_save(by=codi_staff, code="Q9", name_th="ความเข้มแข็ง", kind=IndicatorKind.QUALITATIVE,
                                level=AreaLevel.COUNCIL, aggregation=Aggregation.SUM)  # fmt: skip
    assert list(refused.value.message_dict) == ["aggregation"]
    with pytest.raises(PermissionDenied):
        services.indicator_save(by=staff_x, code="Q9", name_th="x", level=AreaLevel.COUNCIL)


@pytest.mark.django_db(transaction=True)
def test_a_second_decision_racing_the_first_is_refused(world, staff_x, officer_d, codi_staff):
    """The first decision holds the row's lock until it commits; the second waits for it,
    then reads the value as approved and is refused."""
    if connection.vendor != "postgresql":
        pytest.skip("row locks need PostgreSQL")
    value = _enter(_indicator(), _council(world.council_x), staff_x)
    locked, release, outcome = threading.Event(), threading.Event(), {}

    def first():
        try:
            with transaction.atomic():
                services.value_approve(value_id=value.pk, by=officer_d)
                locked.set()
                release.wait(10)
        finally:
            connection.close()

    def second():
        try:
            services.value_return(value_id=value.pk, by=codi_staff, reason="ตัวเลขไม่ตรง")
            outcome["second"] = "moved"
        except ValidationError as error:
            outcome["second"] = error.messages
        finally:
            connection.close()

    one = threading.Thread(target=first)
    one.start()
    assert locked.wait(10)
    two = threading.Thread(target=second)
    two.start()
    time.sleep(0.5)
    assert "second" not in outcome  # waiting on the lock
    release.set()
    one.join(10)
    two.join(10)
    assert outcome["second"] == ["ผลนี้ไม่ได้รออนุมัติแล้ว (สถานะปัจจุบัน: อนุมัติแล้ว) อาจมีผู้อื่นพิจารณาไปก่อน"]
    value.refresh_from_db()
    assert (value.status, value.decided_by_id, value.return_reason) == ("approved", officer_d.pk, "")


# Who sees what --------------------------------------------------------------------------------


def test_visibility_and_the_approval_queue(world, staff_x, staff_y, officer_d, officer_e, codi_staff, codi_regional):
    admin = user_with_role("adm", Role.ADMINISTRATOR)
    indicator = _indicator()
    x = _enter(indicator, _council(world.council_x), staff_x)
    z_staff = user_with_role("staff_z", Role.COUNCIL_STAFF, council=world.council_z)
    z = _enter(indicator, _council(world.council_z), z_staff)
    w_staff = user_with_role("staff_w", Role.COUNCIL_STAFF, council=world.council_w)
    w = _enter(indicator, _council(world.council_w), w_staff)
    assert set(values_visible_to(user=staff_x)) == {x}
    assert set(values_visible_to(user=staff_y)) == set()
    assert set(values_visible_to(user=officer_d)) == {x}
    assert set(values_to_decide(user=officer_d)) == {x}
    assert set(values_to_decide(user=officer_e)) == {z}
    assert set(values_to_decide(user=staff_x)) == set()
    assert set(values_to_decide(user=codi_regional)) == {x, z}
    assert list(values_to_decide(user=codi_staff)) == [x, z, w]
    assert set(values_to_decide(user=admin)) == {x, z, w}


# Roll-up, targets and computed indicators -------------------------------------------------------


@pytest.fixture
def rolled(world, officer_d, officer_e, codi_staff):
    """A summed and an averaged council indicator: X approved, Y submitted, Z approved."""
    total = _indicator("S01", periodicity=Periodicity.YEAR)
    mean = _indicator("A01", periodicity=Periodicity.YEAR, aggregation=Aggregation.AVERAGE, unit="ร้อยละ")
    staff = {
        c: user_with_role(f"s{c.pk}", Role.COUNCIL_STAFF, council=c)
        for c in (world.council_x, world.council_y, world.council_z)
    }
    for indicator, numbers in ((total, (10, 5, 7)), (mean, (40, 90, 80))):
        x = _enter(indicator, _council(world.council_x), staff[world.council_x], value=numbers[0], quarter=0)
        _enter(indicator, _council(world.council_y), staff[world.council_y], value=numbers[1], quarter=0)
        z = _enter(indicator, _council(world.council_z), staff[world.council_z], value=numbers[2], quarter=0)
        services.value_approve(value_id=x.pk, by=officer_d)
        services.value_approve(value_id=z.pk, by=officer_e)
    return total, mean


def _rows(place, code):
    return [r for r in indicator_table(place=place, fiscal_year=2569) if r.indicator.code == code]


def test_only_approved_values_roll_up_with_how_many_reported(world, rolled):
    district, province = Place(AreaLevel.DISTRICT, world.district), Place(AreaLevel.PROVINCE, world.province)
    (d_sum,) = _rows(district, "S01")
    assert (d_sum.actual, d_sum.reported, d_sum.areas, d_sum.waiting, d_sum.rolled) == (Decimal("10"), 1, 2, 1, True)
    (p_sum,) = _rows(province, "S01")
    assert (p_sum.actual, p_sum.reported, p_sum.areas, p_sum.waiting) == (Decimal("17"), 2, 3, 1)
    (n_sum,) = _rows(Place(AreaLevel.NATIONAL), "S01")
    assert (n_sum.actual, n_sum.reported, n_sum.areas) == (Decimal("17"), 2, 4)
    (p_mean,) = _rows(province, "A01")
    assert p_mean.actual == Decimal("60.00")
    (own,) = _rows(_council(world.council_y), "S01")
    assert (own.own, own.status, own.actual) == (True, ValueStatus.SUBMITTED, Decimal("5.00"))


def test_targets_of_the_area_or_summed_from_below(world, rolled, codi_staff, codi_regional):
    total, _mean = rolled
    services.target_set(indicator=total, fiscal_year=2569, quarter=0, place=_council(world.council_x), by=codi_staff,
                        value=Decimal("12"))  # fmt: skip
    services.target_set(indicator=total, fiscal_year=2569, quarter=0, place=_council(world.council_y), by=codi_staff,
                        value=Decimal("8"))  # fmt: skip
    district = Place(AreaLevel.DISTRICT, world.district)
    (row,) = _rows(district, "S01")
    assert (row.target, row.actual, row.met) == (Decimal("20.00"), Decimal("10.00"), False)
    services.target_set(
        indicator=total, fiscal_year=2569, quarter=0, place=district, by=codi_regional, value=Decimal("9")
    )
    (row,) = _rows(district, "S01")
    assert (row.target, row.met) == (Decimal("9.00"), True)
    codi_q = user_with_role("codi_q", Role.CODI_STAFF, provinces=[world.other_province])
    with pytest.raises(PermissionDenied):
        services.target_set(indicator=total, fiscal_year=2569, quarter=0, place=district, by=codi_q, value=1)


def test_an_indicator_that_does_not_add_up_stays_at_its_level(world, staff_x):
    _indicator("N01", aggregation=Aggregation.NONE)
    assert _rows(Place(AreaLevel.DISTRICT, world.district), "N01") == []
    assert len(_rows(_council(world.council_x), "N01")) == 4  # its four quarters


def test_computed_indicators_fill_themselves_from_the_records(world, staff_x, codi_staff):
    _indicator("C01", computed=ComputedSource.MEETINGS_HELD, unit="ครั้ง")
    passed = _indicator("C02", computed=ComputedSource.COUNCILS_PASSED, level=AreaLevel.DISTRICT,
                        periodicity=Periodicity.YEAR)  # fmt: skip
    held = meeting_services.meeting_call(by=staff_x, kind=MeetingKind.COUNCIL, title="ประชุมสภา", date=dt.date(2025, 11, 10),
                                         council=world.council_x)  # fmt: skip
    meeting_services.meeting_mark_held(meeting=held, by=staff_x)
    meeting_services.meeting_call(by=staff_x, kind=MeetingKind.COUNCIL, title="ยังไม่ได้ประชุม", date=dt.date(2025, 12, 1),
                                  council=world.council_x)  # fmt: skip
    criterion = IndicatorFactory(indicator_set=IndicatorSetFactory(is_active=True), max_score=5)
    assessment_record(council=world.council_x, fiscal_year=2569, scores={criterion.pk: 5}, by=codi_staff)
    assessment_record(council=world.council_y, fiscal_year=2569, scores={criterion.pk: 1}, by=codi_staff)
    council_rows = _rows(_council(world.council_x), "C01")
    assert [(r.period.quarter, r.actual, r.status) for r in council_rows] == [
        (1, Decimal(1), "computed"), (2, Decimal(0), "computed"), (3, Decimal(0), "computed"), (4, Decimal(0), "computed"),
    ]  # fmt: skip
    assert [r.actual for r in _rows(Place(AreaLevel.DISTRICT, world.other_district), "C01")] == [Decimal(0)] * 4
    (district,) = _rows(Place(AreaLevel.DISTRICT, world.district), "C02")
    assert (district.actual, district.note, district.rolled) == (Decimal(1), "1/2", False)
    assert passed.is_computed
