"""Who may do what with monitoring indicators: one function per rule (see common.rules).

- the catalogue and targets: CODI staff (targets only for areas they cover);
- a value is entered, edited and submitted by its area's own side: a council's staff for
  their council, a district's officers for their district, CODI staff covering the province
  for a province, national CODI staff for the country;
- a submitted value is approved or returned by the level above: a district's officers for
  its councils' values, CODI staff covering the area for any value (district and province
  values are theirs alone; the country's only national CODI staff's).
Administrators may do everything.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from accounts.choices import Role
from accounts.scoping import scope_for
from common.rules import rule

from ..choices import VALUE_EDITABLE, AreaLevel
from .areas import Place, place_of


def _covers(scope, place: Place) -> bool:
    if place.level == AreaLevel.COUNCIL:
        return scope.covers_subdistrict(place.obj.subdistrict)
    if place.level == AreaLevel.DISTRICT:
        return scope.covers_district(place.obj)
    if place.level == AreaLevel.PROVINCE:
        return scope.covers_province(place.obj.pk)
    return scope.national


def can_see_place(*, user, place: Place) -> bool:
    """Not a refusal but the scope: a place outside it is not found (404). The country's
    page is every signed-in user's."""
    scope = scope_for(user)
    if place.level == AreaLevel.NATIONAL:
        return user.is_authenticated
    return _covers(scope, place)


@rule(_("เฉพาะเจ้าหน้าที่ พอช. เท่านั้นที่จัดการรายการตัวชี้วัดได้"))
def can_manage_catalogue(*, user) -> bool:
    return scope_for(user).is_codi()


@rule(_("เฉพาะเจ้าหน้าที่ พอช. ที่รับผิดชอบพื้นที่นี้เท่านั้นที่กำหนดค่าเป้าหมายได้"))
def can_set_target(*, user, place: Place) -> bool:
    scope = scope_for(user)
    return scope.is_codi() and _covers(scope, place)


@rule(_("เฉพาะผู้รับผิดชอบพื้นที่นี้ (เจ้าหน้าที่สภา นายอำเภอหรือเจ้าหน้าที่อำเภอ หรือ พอช.) เท่านั้นที่บันทึกผลตัวชี้วัดได้"))
def can_enter_value(*, user, place: Place) -> bool:
    scope = scope_for(user)
    if scope.has_role(Role.ADMINISTRATOR):
        return True
    if place.level == AreaLevel.COUNCIL:
        return place.obj.pk in scope.council_ids
    if place.level == AreaLevel.DISTRICT:
        return scope.has_role(Role.DISTRICT_OFFICER) and place.obj.pk in scope.district_ids
    return scope.has_role(Role.CODI_STAFF) and _covers(scope, place)


@rule(_("แก้ไขหรือส่งได้เฉพาะผลที่ยังเป็นร่างหรือถูกส่งกลับ โดยผู้รับผิดชอบพื้นที่นั้น"))
def can_edit_value(*, user, value) -> bool:
    return value.status in VALUE_EDITABLE and can_enter_value(user=user, place=place_of(value))


@rule(_("ผู้อนุมัติผลของสภาคือเจ้าหน้าที่อำเภอของสภานั้นหรือ พอช. ผลระดับอำเภอและจังหวัดอนุมัติโดย พอช. เท่านั้น"))
def can_decide_value(*, user, value) -> bool:
    scope = scope_for(user)
    place = place_of(value)
    if scope.has_role(Role.ADMINISTRATOR):
        return True
    if place.level == AreaLevel.COUNCIL and scope.has_role(Role.DISTRICT_OFFICER):
        if place.obj.subdistrict.district_id in scope.district_ids:
            return True
    return scope.has_role(Role.CODI_STAFF) and _covers(scope, place)


@rule(_("เฉพาะเจ้าหน้าที่อำเภอและ พอช. เท่านั้นที่มีรายการรออนุมัติ"))
def can_open_queue(*, user) -> bool:
    scope = scope_for(user)
    return scope.has_role(Role.DISTRICT_OFFICER, Role.CODI_STAFF, Role.ADMINISTRATOR)
