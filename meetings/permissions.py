"""Who may do what in coordination: obstacles and suggestions, the district mechanism,
meetings and their follow-up. One function per rule (see ``common.rules``), asked with
objects already found inside the user's scope (outside it: 404 before any rule is asked).

Meetings:
- The mechanism of a district and its meetings and forums: the district's officers.
- A council's meetings: the council's own staff.
- A national consultation: CODI staff with a national scope.
- Administrators: everything. Everyone in scope reads; a published meeting is public.
- An action item's progress: whoever manages its meeting, and the agency or council it
  is assigned to.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from accounts.choices import Role
from accounts.scoping import scope_for
from common.rules import rule

from .choices import MeetingStatus


@rule(_("คุณไม่มีสิทธิ์แจ้งข้อติดขัดในนามของสภานี้"))
def can_raise_obstacle(*, user, council) -> bool:
    """The council's own staff (and administrators)."""
    scope = scope_for(user)
    return scope.has_role(Role.ADMINISTRATOR) or council.pk in scope.council_ids


@rule(_("คุณไม่มีสิทธิ์ดูข้อติดขัดนี้"))
def can_view_obstacle(*, user, obstacle) -> bool:
    """The council's staff, the staff of the addressed agency, the district officers of the
    council's district and CODI staff covering it (and administrators)."""
    scope = scope_for(user)
    if scope.has_role(Role.ADMINISTRATOR) or obstacle.council_id in scope.council_ids:
        return True
    if obstacle.agency_id in scope.agency_ids:
        return True
    subdistrict = obstacle.council.subdistrict
    if scope.has_role(Role.DISTRICT_OFFICER) and subdistrict.district_id in scope.district_ids:
        return True
    return scope.has_role(Role.CODI_STAFF) and scope.covers_subdistrict(subdistrict)


@rule(_("เฉพาะเจ้าหน้าที่ของหน่วยงานที่รับเรื่องเท่านั้นที่ตอบข้อติดขัดนี้ได้"))
def can_answer_obstacle(*, user, obstacle) -> bool:
    scope = scope_for(user)
    return scope.has_role(Role.ADMINISTRATOR) or obstacle.agency_id in scope.agency_ids


@rule(_("เฉพาะเจ้าหน้าที่อำเภอเท่านั้นที่ดูรายการข้อติดขัดเกินกำหนดของอำเภอนี้ได้"))
def can_follow_district_obstacles(*, user, district) -> bool:
    """The district officers of the district, CODI staff covering it, administrators."""
    scope = scope_for(user)
    if scope.has_role(Role.ADMINISTRATOR):
        return True
    if scope.has_role(Role.DISTRICT_OFFICER) and district.pk in scope.district_ids:
        return True
    return scope.has_role(Role.CODI_STAFF) and scope.covers_district(district)


@rule(_("หน้านี้สำหรับเจ้าหน้าที่หน่วยงานภาคี"))
def can_use_agency_inbox(*, user) -> bool:
    return bool(scope_for(user).agency_ids)


@rule(_("คุณไม่มีสิทธิ์ดูข้อเสนอแนะที่รอตรวจสอบของอำเภอนี้"))
def can_read_suggestions(*, user, district) -> bool:
    return can_follow_district_obstacles(user=user, district=district)


@rule(_("เฉพาะเจ้าหน้าที่อำเภอนี้เท่านั้นที่ตรวจสอบและตอบข้อเสนอแนะได้"))
def can_moderate_suggestions(*, user, district) -> bool:
    scope = scope_for(user)
    return scope.has_role(Role.ADMINISTRATOR) or (
        scope.has_role(Role.DISTRICT_OFFICER) and district.pk in scope.district_ids
    )


@rule(_("เฉพาะเจ้าหน้าที่อำเภอนี้เท่านั้นที่ตรวจสอบและตอบข้อเสนอแนะได้"))
def can_moderate_suggestion(*, user, suggestion) -> bool:
    return can_moderate_suggestions(user=user, district=suggestion.district)


# The district mechanism and meetings ---------------------------------------------------------


def _admin(scope) -> bool:
    return scope.has_role(Role.ADMINISTRATOR)


@rule(_("ไม่พบข้อมูลกลไกระดับอำเภอนี้"))
def can_view_mechanism(*, user, district) -> bool:
    """Anyone whose scope covers the district (district officers, CODI staff)."""
    return scope_for(user).covers_district(district)


@rule(_("เฉพาะนายอำเภอหรือเจ้าหน้าที่อำเภอของอำเภอนี้เท่านั้นที่จัดการกลไกระดับอำเภอได้"))
def can_manage_mechanism(*, user, district) -> bool:
    scope = scope_for(user)
    return _admin(scope) or (scope.has_role(Role.DISTRICT_OFFICER) and district.pk in scope.district_ids)


@rule(_("เฉพาะเจ้าหน้าที่ของสภานี้เท่านั้นที่บันทึกการประชุมของสภาได้"))
def can_call_council_meeting(*, user, council) -> bool:
    scope = scope_for(user)
    return _admin(scope) or council.pk in scope.council_ids


@rule(_("เฉพาะเจ้าหน้าที่ พอช. ส่วนกลางเท่านั้นที่บันทึกการปรึกษาหารือระดับประเทศได้"))
def can_call_national_meeting(*, user) -> bool:
    scope = scope_for(user)
    return scope.is_codi() and scope.national


@rule(_("คุณไม่มีสิทธิ์แก้ไขการประชุมนี้"))
def can_manage_meeting(*, user, meeting) -> bool:
    if meeting.council_id:
        return can_call_council_meeting(user=user, council=meeting.council)
    if meeting.district_id:
        return can_manage_mechanism(user=user, district=meeting.district)
    return can_call_national_meeting(user=user)


@rule(_("ไม่พบการประชุมนี้"))
def can_view_meeting(*, user, meeting) -> bool:
    """A published meeting is public; any other is seen by whoever's scope covers it."""
    if meeting.status == MeetingStatus.PUBLISHED:
        return True
    scope = scope_for(user)
    if scope.national:
        return True
    if meeting.council_id and scope.covers_subdistrict(meeting.council.subdistrict):
        return True
    if meeting.district_id is not None and scope.covers_district(meeting.district):
        return True
    return bool(scope.agency_ids) and meeting.invitations.filter(member__agency_id__in=scope.agency_ids).exists()


@rule(_("คุณไม่มีสิทธิ์รายงานความคืบหน้าของงานนี้"))
def can_report_action(*, user, action) -> bool:
    scope = scope_for(user)
    if action.assignee_agency_id and action.assignee_agency_id in scope.agency_ids:
        return True
    if action.assignee_council_id and action.assignee_council_id in scope.council_ids:
        return True
    return can_manage_meeting(user=user, meeting=action.meeting)


# Lessons and the shared place ----------------------------------------------------------------


@rule(_("เฉพาะเจ้าหน้าที่ของสภานี้เท่านั้นที่เขียนบทเรียนของสภาได้"))
def can_write_lesson(*, user, council) -> bool:
    """The council's own staff (and administrators)."""
    scope = scope_for(user)
    return _admin(scope) or council.pk in scope.council_ids


@rule(_("ไม่พบบทเรียนนี้"))
def can_view_lesson(*, user, lesson) -> bool:
    """A published lesson of a published council is public; any other is read by whoever's
    scope covers the council's tambon."""
    if lesson.is_published and lesson.council.is_published:
        return True
    return scope_for(user).covers_subdistrict(lesson.council.subdistrict)


@rule(_("ไม่พบพื้นที่ติดตามงานของอำเภอนี้"))
def can_follow_district_place(*, user, district) -> bool:
    """Whoever's scope covers the district: its officers, CODI staff of its province."""
    return scope_for(user).covers_district(district)


@rule(_("ไม่พบพื้นที่ติดตามงานของจังหวัดนี้"))
def can_follow_province_place(*, user, province) -> bool:
    """Whoever's scope covers the whole province: CODI staff of it (or national)."""
    return scope_for(user).covers_province(province.pk)
