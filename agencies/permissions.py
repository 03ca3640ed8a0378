"""Who may do what with agencies, their missions and agreements: one function per rule.

Agencies, their missions and the list of their agreements are public information. A
contact person's phone and e-mail are shown to signed-in users only. An agency's missions
and agreements are kept by the agency's own staff (and administrators): staff of a
national department read the whole country but act only on their own agency's records.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from accounts.choices import Role
from accounts.scoping import scope_for
from common.rules import rule


@rule(_("เฉพาะเจ้าหน้าที่ของหน่วยงานนี้จึงจะแก้ไขพันธกิจและข้อตกลงของหน่วยงานได้"))
def can_manage_agency(*, user, agency) -> bool:
    scope = scope_for(user)
    if scope.has_role(Role.ADMINISTRATOR):
        return True
    return scope.has_role(Role.AGENCY_STAFF) and agency.pk in scope.agency_ids


@rule(_("เฉพาะเจ้าหน้าที่ของหน่วยงานนี้จึงจะแก้ไขพันธกิจนี้ได้"))
def can_edit_mission(*, user, mission) -> bool:
    return can_manage_agency(user=user, agency=mission.agency)


@rule(_("เฉพาะเจ้าหน้าที่ของหน่วยงานนี้จึงจะแก้ไขข้อตกลงนี้ได้"))
def can_edit_agreement(*, user, agreement) -> bool:
    return can_manage_agency(user=user, agency=agreement.agency)


@rule(_("กรุณาเข้าสู่ระบบเพื่อดูข้อมูลติดต่อผู้ประสานงาน"))
def can_see_contacts(*, user) -> bool:
    """A person's phone and e-mail: signed-in users only (PDPA: the least exposure)."""
    return bool(user and user.is_authenticated)


@rule(_("กรุณาเข้าสู่ระบบเพื่อดูข้อมูลหน่วยงานผ่าน API"))
def can_read_api(*, user) -> bool:
    return bool(user and user.is_authenticated)
