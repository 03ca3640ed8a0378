"""Every rule of meetings/permissions.py, from the side that must be refused."""

import pytest

from accounts.choices import Role
from meetings import permissions
from meetings.choices import MeetingKind, MeetingStatus
from meetings.models import ActionItem, MechanismMember, Meeting
from meetings.services.meetings import meeting_call
from tests.factories import user_with_role

from .conftest import days

pytestmark = pytest.mark.django_db


def test_mechanism_rules(world, officer_d, officer_e, codi_staff, codi_regional, staff_x, agency_officer):
    d = world.district
    assert [permissions.can_manage_mechanism(user=u, district=d) for u in (officer_d, officer_e, codi_staff, staff_x)] == [
        True, False, False, False,
    ]
    assert [permissions.can_view_mechanism(user=u, district=d) for u in (officer_d, codi_staff, codi_regional)] == [
        True, True, True,
    ]
    assert [permissions.can_view_mechanism(user=u, district=d) for u in (officer_e, staff_x, agency_officer)] == [
        False, False, False,
    ]
    admin = user_with_role("adm", Role.ADMINISTRATOR)
    assert permissions.can_manage_mechanism(user=admin, district=d) is True


def test_meeting_rules_by_kind(world, staff_x, staff_y, officer_d, codi_staff, codi_regional):
    council_meeting = Meeting(kind=MeetingKind.COUNCIL, council=world.council_x, district=world.district)
    assert permissions.can_manage_meeting(user=staff_x, meeting=council_meeting) is True
    assert [permissions.can_manage_meeting(user=u, meeting=council_meeting) for u in (staff_y, officer_d, codi_staff)] == [
        False, False, False,
    ]
    forum = Meeting(kind=MeetingKind.FORUM, district=world.district)
    assert permissions.can_manage_meeting(user=officer_d, meeting=forum) is True
    assert permissions.can_manage_meeting(user=staff_x, meeting=forum) is False
    national = Meeting(kind=MeetingKind.NATIONAL)
    assert permissions.can_manage_meeting(user=codi_staff, meeting=national) is True
    assert [permissions.can_manage_meeting(user=u, meeting=national) for u in (codi_regional, officer_d)] == [False, False]


def test_view_meeting(world, staff_x, staff_y, officer_e, client):
    from django.contrib.auth.models import AnonymousUser

    meeting = Meeting(kind=MeetingKind.COUNCIL, council=world.council_x, district=world.district, status=MeetingStatus.HELD)
    assert permissions.can_view_meeting(user=staff_x, meeting=meeting) is True
    assert [permissions.can_view_meeting(user=u, meeting=meeting) for u in (staff_y, officer_e, AnonymousUser())] == [
        False, False, False,
    ]
    meeting.status = MeetingStatus.PUBLISHED
    assert permissions.can_view_meeting(user=AnonymousUser(), meeting=meeting) is True


def test_querysets_narrow_to_scope(world, mechanism, officer_d, officer_e, staff_x, staff_y, codi_regional):
    meeting_call(by=officer_d, kind=MeetingKind.FORUM, title="เวที", date=days(1), district=world.district)
    council_meeting = meeting_call(
        by=staff_x, kind=MeetingKind.COUNCIL, title="ประชุมสภา X", date=days(1), council=world.council_x
    )
    assert Meeting.objects.visible_to(officer_d).count() == 2
    assert list(Meeting.objects.visible_to(staff_x)) == [council_meeting]
    assert Meeting.objects.visible_to(officer_e).count() == 0
    assert Meeting.objects.visible_to(staff_y).count() == 0
    assert Meeting.objects.visible_to(codi_regional).count() == 2
    assert MechanismMember.objects.visible_to(officer_e).count() == 0
    assert MechanismMember.objects.visible_to(officer_d).count() == 4
    assert ActionItem.objects.visible_to(officer_e).count() == 0


def test_report_action_refused_to_others(world, past_meeting, officer_d, staff_y, officer_e, agency_officer):
    from meetings.services.actions import action_item_create, resolution_add
    from meetings.services.meetings import meeting_mark_held

    meeting_mark_held(meeting=past_meeting, by=officer_d)
    past_meeting.refresh_from_db()
    resolution = resolution_add(agenda_item=past_meeting.agenda.first(), by=officer_d, text="มติ")
    action = action_item_create(resolution=resolution, by=officer_d, title="งาน", due_date=days(9), agency=world.lao)
    assert permissions.can_report_action(user=agency_officer, action=action) is True
    assert permissions.can_report_action(user=officer_d, action=action) is True
    assert permissions.can_report_action(user=staff_y, action=action) is False
    assert permissions.can_report_action(user=officer_e, action=action) is False
    assert list(ActionItem.objects.visible_to(agency_officer)) == [action]
