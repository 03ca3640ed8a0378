import datetime as dt

import pytest
from django.utils import timezone

from meetings.choices import MechanismCategory, MechanismRole, MeetingKind
from meetings.services.mechanism import mechanism_establish, mechanism_member_add
from meetings.services.meetings import meeting_call
from meetings.services.obstacles import obstacle_raise

from ..factories import ActivityFactory, AgencyFactory, PlanItemFactory, ThemeFactory


@pytest.fixture
def theme(db):
    return ThemeFactory(code="water", name_th="น้ำ")


@pytest.fixture
def raise_obstacle(world, staff_x, theme):
    def make(**overrides):
        kwargs = {
            "council": world.council_x, "by": staff_x, "agency": world.lao, "theme": theme,
            "title": "ถนนขาด", "detail": "ฝนตกหนัก ถนนเข้าหมู่บ้านขาด",
        }  # fmt: skip
        kwargs.update(overrides)
        return obstacle_raise(**kwargs)

    return make


def days(n: int) -> dt.date:
    return timezone.localdate() + dt.timedelta(days=n)


@pytest.fixture
def mechanism(world, officer_d):
    mechanism = mechanism_establish(district=world.district, by=officer_d, name="กลไกอำเภอจอมทอง")
    for name, category, role in (
        ("นายอำเภอ ทดสอบ", MechanismCategory.DISTRICT_OFFICE, MechanismRole.CHAIR),
        ("นางผู้แทน สภา", MechanismCategory.COUNCIL, MechanismRole.MEMBER),
        ("นายนายก อบต.", MechanismCategory.LAO, MechanismRole.MEMBER),
        ("นางสาวปลัด อำเภอ", MechanismCategory.DISTRICT_OFFICE, MechanismRole.SECRETARY),
    ):
        mechanism_member_add(
            mechanism=mechanism, by=officer_d, full_name=name, category=category, role=role, term_start=days(-400)
        )
    return mechanism


@pytest.fixture
def past_meeting(mechanism, officer_d, world):
    return meeting_call(
        by=officer_d, kind=MeetingKind.DISTRICT, title="ประชุมกลไกครั้งที่ 1/2569", date=days(-2),
        start_time=dt.time(9, 30), end_time=dt.time(12, 0), place="ห้องประชุมอำเภอ", district=world.district,
        agenda=[("เรื่องที่ประธานแจ้ง", ""), ("ติดตามแผนชุมชน", "รายละเอียด")],
    )


@pytest.fixture
def future_meeting(mechanism, officer_d, world):
    return meeting_call(
        by=officer_d, kind=MeetingKind.DISTRICT, title="ประชุมกลไกครั้งที่ 2/2569", date=days(10),
        district=world.district, agenda=[("เรื่องแจ้ง", "")],
    )


__all__ = ["ActivityFactory", "AgencyFactory", "PlanItemFactory"]
