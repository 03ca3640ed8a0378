import datetime as dt
import threading

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import close_old_connections
from django.utils import timezone

from accounts.choices import Role
from accounts.models import Notification
from meetings.choices import MeetingKind, ObstacleStatus
from meetings.models import Obstacle, Response
from meetings.services import obstacles as services

from ..factories import ActivityFactory, AgencyFactory, AgendaItemFactory, PlanItemFactory, user_with_role

pytestmark = pytest.mark.django_db


def test_raise_records_the_obstacle_and_tells_the_agency_staff(raise_obstacle, agency_officer, world):
    obstacle = raise_obstacle()
    assert (obstacle.status, obstacle.council, obstacle.agency) == (ObstacleStatus.RAISED, world.council_x, world.lao)
    assert list(Notification.objects.values_list("user__username", "url")) == [
        ("agency_officer", f"/meetings/obstacles/{obstacle.pk}/")
    ]


def test_raise_keeps_evidence_sniffed_by_content(raise_obstacle):
    upload = SimpleUploadedFile("scan.txt", b"%PDF-1.7 a scan", content_type="text/plain")
    obstacle = raise_obstacle(evidence=upload)
    assert obstacle.evidence.name.startswith("obstacles/") and obstacle.evidence.name.endswith(".pdf")


def test_raise_refuses_a_file_that_is_not_pdf_or_image_and_writes_nothing(raise_obstacle):
    upload = SimpleUploadedFile("evil.pdf", b"MZ\x90\x00 not a pdf", content_type="application/pdf")
    with pytest.raises(ValidationError) as error:
        raise_obstacle(evidence=upload)
    assert error.value.message_dict == {"evidence": ["ไฟล์หลักฐานต้องเป็น PDF หรือรูปภาพ (JPEG, PNG, GIF, WebP) เท่านั้น"]}
    assert Obstacle.objects.count() == 0


def test_raise_refuses_a_file_over_the_size_cap(raise_obstacle, settings):
    settings.OBSTACLE_EVIDENCE_MAX_BYTES = 10
    with pytest.raises(ValidationError) as error:
        raise_obstacle(evidence=SimpleUploadedFile("a.pdf", b"%PDF-1.4 too big for ten bytes"))
    assert list(error.value.message_dict) == ["evidence"]
    assert Obstacle.objects.count() == 0


def test_raise_refuses_an_activity_or_plan_item_of_another_council(raise_obstacle, world):
    with pytest.raises(ValidationError) as error:
        raise_obstacle(
            activity=ActivityFactory(council=world.council_y), plan_item=PlanItemFactory(plan__council=world.council_y)
        )
    assert error.value.message_dict == {
        "activity": ["กิจกรรมนี้ไม่ใช่ของสภานี้"], "plan_item": ["รายการในแผนนี้ไม่ใช่ของสภานี้"],
    }  # fmt: skip
    assert Obstacle.objects.count() == 0


def test_raise_accepts_an_activity_and_plan_item_of_the_same_council(raise_obstacle, world):
    activity, item = ActivityFactory(council=world.council_x), PlanItemFactory(plan__council=world.council_x)
    obstacle = raise_obstacle(activity=activity, plan_item=item)
    assert (obstacle.activity, obstacle.plan_item) == (activity, item)


def test_raise_about_an_agenda_item_of_a_meeting_the_council_took_part_in(raise_obstacle, world, client, staff_x):
    own = AgendaItemFactory(meeting__kind=MeetingKind.COUNCIL, meeting__council=world.council_x,
                            meeting__district=world.district, title="ขุดลอกคลองหมู่ 3")
    mechanism = AgendaItemFactory(meeting__kind=MeetingKind.DISTRICT, meeting__district=world.district)
    obstacle = raise_obstacle(agenda_item=own)
    assert obstacle.agenda_item == own
    assert raise_obstacle(agenda_item=mechanism).agenda_item == mechanism
    client.force_login(staff_x)
    page = client.get(f"/meetings/obstacles/{obstacle.pk}/").content.decode()
    assert "วาระที่" in page and "ขุดลอกคลองหมู่ 3" in page


def test_raise_refuses_an_agenda_item_of_another_council_or_district(raise_obstacle, world):
    for item in (
        AgendaItemFactory(meeting__kind=MeetingKind.COUNCIL, meeting__council=world.council_y,
                          meeting__district=world.district),
        AgendaItemFactory(meeting__kind=MeetingKind.DISTRICT, meeting__district=world.other_district),
    ):
        with pytest.raises(ValidationError) as error:
            raise_obstacle(agenda_item=item)
        assert error.value.message_dict == {"agenda_item": ["ระเบียบวาระนี้ไม่ใช่ของการประชุมที่สภานี้เข้าร่วม"]}
    assert Obstacle.objects.count() == 0


def test_raise_refuses_an_agency_outside_the_councils_province(raise_obstacle, world):
    far = AgencyFactory(subdistrict=world.council_w.subdistrict)
    with pytest.raises(ValidationError) as error:
        raise_obstacle(agency=far)
    assert error.value.message_dict == {"agency": ["หน่วยงานนี้ไม่ได้ดูแลพื้นที่ของสภานี้"]}


def test_raise_refused_to_staff_of_another_council(raise_obstacle, staff_y):
    with pytest.raises(PermissionDenied):
        raise_obstacle(by=staff_y)
    assert Obstacle.objects.count() == 0


def test_each_move_records_a_response_and_tells_the_council(raise_obstacle, agency_officer, staff_x):
    obstacle = raise_obstacle()
    services.obstacle_receive(obstacle_id=obstacle.pk, by=agency_officer, text="รับเรื่อง")
    services.obstacle_start(obstacle_id=obstacle.pk, by=agency_officer)
    services.obstacle_resolve(obstacle_id=obstacle.pk, by=agency_officer, text="ซ่อมถนนแล้ว")
    obstacle.refresh_from_db()
    assert obstacle.status == ObstacleStatus.RESOLVED
    assert obstacle.first_answered_at is not None
    assert list(obstacle.responses.values_list("status", "text", "by")) == [
        ("received", "รับเรื่อง", agency_officer.pk), ("in_progress", "", agency_officer.pk),
        ("resolved", "ซ่อมถนนแล้ว", agency_officer.pk),
    ]  # fmt: skip
    assert Notification.objects.filter(user=staff_x).count() == 3


def test_an_illegal_move_is_refused_in_thai_and_writes_nothing(raise_obstacle, agency_officer):
    obstacle = raise_obstacle()
    services.obstacle_resolve(obstacle_id=obstacle.pk, by=agency_officer, text="แก้แล้ว")
    with pytest.raises(ValidationError) as error:
        services.obstacle_receive(obstacle_id=obstacle.pk, by=agency_officer)
    assert error.value.messages == ["เปลี่ยนสถานะจาก “แก้ไขแล้ว” เป็น “หน่วยงานรับเรื่องแล้ว” ไม่ได้"]
    assert Response.objects.count() == 1


def test_cannot_act_needs_a_reason(raise_obstacle, agency_officer):
    obstacle = raise_obstacle()
    with pytest.raises(ValidationError) as error:
        services.obstacle_decline(obstacle_id=obstacle.pk, by=agency_officer, text="  ")
    assert error.value.message_dict == {"text": ["กรุณาระบุเหตุผลที่ไม่สามารถดำเนินการได้"]}
    obstacle.refresh_from_db()
    assert (obstacle.status, Response.objects.count()) == (ObstacleStatus.RAISED, 0)


@pytest.mark.parametrize("persona", ["staff_x", "officer_d", "codi_staff"])
def test_only_the_addressed_agency_answers(raise_obstacle, persona, request):
    obstacle = raise_obstacle()
    with pytest.raises(PermissionDenied):
        services.obstacle_receive(obstacle_id=obstacle.pk, by=request.getfixturevalue(persona))
    assert Response.objects.count() == 0


def test_staff_of_another_agency_in_the_area_cannot_answer(raise_obstacle, world):
    other = AgencyFactory(subdistrict=world.council_x.subdistrict, dla_code="6999999")
    stranger = user_with_role("stranger", Role.AGENCY_STAFF, agency=other)
    obstacle = raise_obstacle()
    with pytest.raises(PermissionDenied):
        services.obstacle_receive(obstacle_id=obstacle.pk, by=stranger)


@pytest.mark.django_db(transaction=True)
def test_two_answers_racing_move_the_obstacle_once(world, staff_x, agency_officer, theme):
    obstacle = services.obstacle_raise(
        council=world.council_x, by=staff_x, agency=world.lao, theme=theme, title="ไฟฟ้าดับ", detail="ทั้งหมู่บ้าน"
    )
    barrier = threading.Barrier(2)
    outcomes = []

    def answer():
        try:
            barrier.wait()
            services.obstacle_receive(obstacle_id=obstacle.pk, by=agency_officer, text="รับเรื่อง")
            outcomes.append("moved")
        except ValidationError as error:
            outcomes.append(error.messages[0])
        finally:
            close_old_connections()

    threads = [threading.Thread(target=answer) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["moved", "เปลี่ยนสถานะจาก “หน่วยงานรับเรื่องแล้ว” เป็น “หน่วยงานรับเรื่องแล้ว” ไม่ได้"]
    assert Response.objects.filter(obstacle=obstacle).count() == 1


def test_overdue_sweep_marks_once_and_tells_the_district_officers(raise_obstacle, officer_d, officer_e, settings):
    settings.OBSTACLE_ANSWER_DAYS = 15
    late = raise_obstacle(title="เก่า")
    fresh = raise_obstacle(title="ใหม่")
    Obstacle.objects.filter(pk=late.pk).update(created_at=timezone.now() - dt.timedelta(days=16))
    assert services.obstacles_mark_overdue() == 1
    assert services.obstacles_mark_overdue() == 0
    assert list(Notification.objects.filter(user__in=[officer_d, officer_e]).values_list("user__username", "url")) == [
        ("officer_d", "/meetings/obstacles/overdue/5002/")
    ]
    late.refresh_from_db(), fresh.refresh_from_db()
    assert late.overdue_notified_at is not None and fresh.overdue_notified_at is None


def test_the_overdue_task_is_scheduled_by_the_migration():
    from django_celery_beat.models import PeriodicTask

    assert PeriodicTask.objects.filter(task="meetings.tasks.mark_overdue_obstacles", enabled=True).count() == 1


def test_the_overdue_task_calls_the_sweep(raise_obstacle, officer_d):
    from meetings.tasks import mark_overdue_obstacles

    late = raise_obstacle()
    Obstacle.objects.filter(pk=late.pk).update(created_at=timezone.now() - dt.timedelta(days=30))
    assert mark_overdue_obstacles.apply().get() == 1
