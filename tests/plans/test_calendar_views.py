"""The budget calendar's pages: read in scope, set by administrators only, kept in order."""

import datetime as dt

from accounts.choices import Role
from plans.choices import BudgetDateKind
from plans.models import BudgetCalendarDate
from plans.services.calendar import budget_calendar_set

from ..conftest import client_for
from ..factories import user_with_role

FORM = {
    "date_plan_forum": "31/03/2569", "note_plan_forum": "", "date_plan_adopted": "30/06/2569", "note_plan_adopted": "",
    "date_budget_draft": "31/07/2569", "note_budget_draft": "สภาท้องถิ่นประชุมเร็ว",
    "date_fiscal_year_start": "01/10/2569", "note_fiscal_year_start": "",
}  # fmt: skip


def test_the_page_shows_defaults_and_the_lao_s_own_dates_in_buddhist_era(client, world, staff_x):
    BudgetCalendarDate.objects.create(
        lao=world.lao, fiscal_year=2570, kind=BudgetDateKind.BUDGET_DRAFT, date=dt.date(2026, 7, 31), note="เร็วขึ้น"
    )
    text = client_for(client, staff_x).get(f"/plans/calendar/{world.lao.pk}/2570/").content.decode()
    assert "31 กรกฎาคม 2569" in text and "เร็วขึ้น" in text  # the LAO's own
    assert "31 มีนาคม 2569" in text and "ค่าเริ่มต้น" in text  # a default
    assert "บันทึกปฏิทิน" not in text  # no form for council staff


def test_administrators_set_dates_others_are_refused(client, world, staff_x, agency_officer, staff_y):
    admin = user_with_role("admin", Role.ADMINISTRATOR)
    url = f"/plans/calendar/{world.lao.pk}/2570/"
    assert client_for(client, agency_officer).post(url, FORM).status_code == 403
    assert client_for(client, staff_x).post(url, FORM).status_code == 403
    assert client_for(client, staff_y).get(url).status_code == 404  # outside the scope
    assert BudgetCalendarDate.objects.count() == 0
    response = client_for(client, admin).post(url, FORM)
    assert response.status_code == 302
    # Equal to the default without a note: no override; the changed one: an override.
    assert list(BudgetCalendarDate.objects.values_list("kind", "date", "note", "updated_by")) == [
        (BudgetDateKind.BUDGET_DRAFT, dt.date(2026, 7, 31), "สภาท้องถิ่นประชุมเร็ว", admin.pk)
    ]


def test_dates_out_of_order_are_refused_in_thai(client, world):
    admin = user_with_role("admin", Role.ADMINISTRATOR)
    response = client_for(client, admin).post(
        f"/plans/calendar/{world.lao.pk}/2570/", {**FORM, "date_budget_draft": "01/05/2569"}
    )
    text = response.content.decode()
    assert response.status_code == 200
    assert "“จัดทำร่างข้อบัญญัติงบประมาณ” ต้องไม่ก่อน “ประกาศใช้แผนพัฒนาท้องถิ่น (เพิ่มเติม/เปลี่ยนแปลง)” (30 มิ.ย. 2569)" in text
    assert BudgetCalendarDate.objects.count() == 0


def test_a_later_budget_draft_moves_the_window(world):
    from plans.budget_calendar import window_for

    admin = user_with_role("admin", Role.ADMINISTRATOR)
    budget_calendar_set(
        lao=world.lao, fiscal_year=2570, by=admin, dates={BudgetDateKind.BUDGET_DRAFT: (dt.date(2026, 8, 31), "")}
    )
    assert window_for(lao=world.lao, fiscal_year=2570, on=dt.date(2026, 8, 20)).considered_in == 2570


def test_the_defaults_page_is_public(client):
    text = client.get("/plans/calendar/").content.decode()
    assert "จัดทำร่างข้อบัญญัติงบประมาณ" in text and "ยื่นหลัง 15 ส.ค. 2569: จะพิจารณาในปีงบประมาณ 2571" in text
