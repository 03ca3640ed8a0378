"""Coordination through a real browser: council staff raise an obstacle on a phone, the
LAO's staff answer it from their inbox, the council reads the answer; staff of another
council and of another agency are refused."""

import re

import pytest
from playwright.sync_api import expect

from accounts.choices import Role
from agencies.choices import AgencyKind
from geo.models import Theme
from meetings.choices import ObstacleStatus
from meetings.models import Obstacle
from tests.factories import AgencyFactory, user_with_role

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PHONE = {"viewport": {"width": 360, "height": 740}, "is_mobile": True, "has_touch": True, "device_scale_factor": 2}


def test_an_obstacle_raised_on_a_phone_is_answered_from_the_lao_inbox(world, new_page, log_in, tmp_path):
    theme = Theme.objects.create(code="water", name_th="การจัดการน้ำ")
    staff = user_with_role("staff_x", Role.COUNCIL_STAFF, council=world.council_x)
    lao_staff = user_with_role("lao", Role.AGENCY_STAFF, agency=world.lao)
    district_office = AgencyFactory(  # its area, the district, covers council X: inside the scope
        name="ที่ว่าการอำเภอจอมทอง", kind=AgencyKind.DISTRICT_OFFICE, subdistrict=None, district=world.district,
        province=world.province, dla_code=None,
    )
    office_staff = user_with_role("district_office", Role.AGENCY_STAFF, agency=district_office)
    staff_z = user_with_role("staff_z", Role.COUNCIL_STAFF, council=world.council_z)

    # 1. Council staff on a phone.
    phone = log_in(new_page(**PHONE), staff.username)
    phone.goto(f"/meetings/obstacles/new/{world.council_x.subdistrict.code}/")
    phone.get_by_label("ถึงหน่วยงาน").select_option(str(world.lao.pk))
    phone.get_by_label("ประเด็นงาน").select_option(str(theme.pk))
    phone.get_by_label("เรื่อง").fill("ฝายน้ำล้นหมู่ 4 ชำรุด")
    phone.get_by_label("รายละเอียด").fill("น้ำกัดเซาะตลิ่ง ชาวบ้านสัญจรไม่ได้ ขอให้ อบต. ช่วยซ่อม")
    with phone.expect_navigation():
        phone.get_by_role("button", name="ส่งข้อติดขัด").click()
    expect(phone.locator("h1")).to_contain_text("ฝายน้ำล้นหมู่ 4 ชำรุด")
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360
    phone.screenshot(path=str(tmp_path / "obstacle_phone.png"), full_page=True)
    obstacle = Obstacle.objects.get()
    assert (obstacle.council, obstacle.agency, obstacle.status) == (world.council_x, world.lao, ObstacleStatus.RAISED)

    # 2. The LAO's staff answer from their inbox.
    desk = log_in(new_page(), lao_staff.username)
    desk.goto("/meetings/inbox/")
    desk.get_by_role("link", name=re.compile("ฝายน้ำล้นหมู่ 4 ชำรุด")).click()
    desk.get_by_label("สถานะ").select_option(ObstacleStatus.RESOLVED.value)
    desk.get_by_label("คำตอบ").fill("ซ่อมฝายเสร็จแล้วเมื่อ 20 ก.ย. 2569 ใช้งบกองช่าง")
    with desk.expect_navigation():
        desk.get_by_role("button", name="บันทึกคำตอบ").click()
    expect(desk.locator("body")).to_contain_text("แก้ไขแล้ว")

    # 3. The council reads the answer.
    phone.reload()
    expect(phone.locator("body")).to_contain_text("ซ่อมฝายเสร็จแล้วเมื่อ 20 ก.ย. 2569")
    expect(phone.locator("body")).to_contain_text("แก้ไขแล้ว")

    # Refused: another agency whose area covers the council is not the one addressed (403, to
    # read and to answer); another district's council staff do not find it (404).
    other = log_in(new_page(), office_staff.username)
    assert other.goto(f"/meetings/obstacles/{obstacle.pk}/").status == 403
    csrf = next(c["value"] for c in other.context.cookies() if c["name"] == "csrftoken")
    answer = other.request.post(
        f"/meetings/obstacles/{obstacle.pk}/answer/", form={"status": "received"},
        headers={"X-CSRFToken": csrf, "Referer": other.url},
    )
    assert answer.status == 403 and "คุณไม่มีสิทธิ์ทำรายการนี้" in answer.text()  # the rule, not CSRF
    far = log_in(new_page(), staff_z.username)
    assert far.goto(f"/meetings/obstacles/{obstacle.pk}/").status == 404
    assert far.goto(f"/meetings/obstacles/new/{world.council_x.subdistrict.code}/").status == 404
