"""Who may do what with obstacles and suggestions: one function per rule (see
``common.rules``). Asked with objects already found inside the user's scope."""

from django.utils.translation import gettext_lazy as _

from accounts.choices import Role
from accounts.scoping import scope_for
from common.rules import rule


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
