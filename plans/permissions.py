"""Who may do what with plans and their alignment: one function per rule (see
``common.rules``). Asked with objects already found inside the user's scope."""

from django.utils.translation import gettext_lazy as _

from accounts.choices import Role
from accounts.scoping import scope_for
from common.rules import rule

from .choices import ProposalStatus


@rule(_("คุณไม่มีสิทธิ์พิจารณาการเชื่อมโยงแผนของอำเภอนี้"))
def can_review_alignment(*, user, district) -> bool:
    """The district officers of the district (and administrators) record how its tambons'
    plan items are taken up by LAO plans; others in scope only read."""
    scope = scope_for(user)
    return scope.has_role(Role.ADMINISTRATOR) or (
        scope.has_role(Role.DISTRICT_OFFICER) and district.pk in scope.district_ids
    )


@rule(_("คุณไม่มีสิทธิ์พิจารณาการเชื่อมโยงแผนของอำเภอนี้"))
def can_review_plan_item(*, user, plan_item) -> bool:
    return can_review_alignment(user=user, district=plan_item.plan.council.subdistrict.district)


# Community plans: the council's own staff write them ------------------------------------


@rule(_("คุณไม่มีสิทธิ์แก้ไขแผนพัฒนาชุมชนของสภานี้"))
def can_edit_community_plan(*, user, council) -> bool:
    """The council's own staff (and administrators) write its plans and items; district
    officers, agency staff and CODI staff whose area covers it read them."""
    scope = scope_for(user)
    return scope.has_role(Role.ADMINISTRATOR) or (
        scope.has_role(Role.COUNCIL_STAFF) and council.pk in scope.council_ids
    )


# LAO local plans: the LAO's own staff keep them ------------------------------------------


@rule(_("คุณไม่มีสิทธิ์แก้ไขแผนพัฒนาท้องถิ่นของหน่วยงานนี้"))
def can_edit_local_plan(*, user, lao) -> bool:
    """The LAO's own staff (and administrators) keep its local plan, amendments and
    projects, and import them; everyone else in scope reads."""
    scope = scope_for(user)
    return scope.has_role(Role.ADMINISTRATOR) or (scope.has_role(Role.AGENCY_STAFF) and lao.pk in scope.agency_ids)


# Subsidy proposals --------------------------------------------------------------------


@rule(_("คุณไม่มีสิทธิ์จัดทำหรือยื่นโครงการขอรับงบอุดหนุนของสภานี้"))
def can_prepare_proposal(*, user, council) -> bool:
    """The council's staff prepare, edit, submit and withdraw its proposals."""
    return can_edit_community_plan(user=user, council=council)


@rule(_("คุณไม่มีสิทธิ์พิจารณาโครงการขอรับงบอุดหนุนนี้"))
def can_decide_proposal(*, user, proposal) -> bool:
    """The staff of the agency it was submitted to (and administrators) receive it,
    consider it, decide it and record it carried out."""
    scope = scope_for(user)
    return scope.has_role(Role.ADMINISTRATOR) or (
        scope.has_role(Role.AGENCY_STAFF) and proposal.recipient_id in scope.agency_ids
    )


# The budget calendar ------------------------------------------------------------------


@rule(_("เฉพาะผู้ดูแลระบบแก้ไขปฏิทินงบประมาณได้"))
def can_edit_budget_calendar(*, user) -> bool:
    return scope_for(user).has_role(Role.ADMINISTRATOR)


# District and provincial plans -----------------------------------------------------------


@rule(_("คุณไม่มีสิทธิ์ประมวลแผนระดับอำเภอนี้"))
def can_compile_district_plan(*, user, district) -> bool:
    """The district's officers, CODI staff whose area covers it, and administrators."""
    scope = scope_for(user)
    if scope.has_role(Role.ADMINISTRATOR):
        return True
    if scope.has_role(Role.DISTRICT_OFFICER) and district.pk in scope.district_ids:
        return True
    return scope.is_codi() and scope.covers_district(district)


@rule(_("คุณไม่มีสิทธิ์ดูแผนระดับจังหวัดนี้"))
def can_view_provincial_plan(*, user, province) -> bool:
    """The provincial roll-up of district plans: CODI staff whose area covers the province."""
    scope = scope_for(user)
    return scope.is_codi() and scope.covers_province(province.pk)


# Subsidy proposals: who reads one (helper D's block) -----------------------------------


@rule(_("คุณไม่มีสิทธิ์ดูโครงการขอรับงบอุดหนุนนี้"))
def can_view_proposal(*, user, proposal) -> bool:
    """A draft: the council's staff (and administrators) only. Once submitted: also the
    staff of the agency it was addressed to, the district officers of the council's
    district and CODI staff whose area covers it. Staff of another agency do not read it."""
    scope = scope_for(user)
    if scope.has_role(Role.ADMINISTRATOR) or proposal.council_id in scope.council_ids:
        return True
    if proposal.status == ProposalStatus.DRAFT:
        return False
    if proposal.recipient_id in scope.agency_ids:
        return True
    subdistrict = proposal.council.subdistrict
    if scope.has_role(Role.DISTRICT_OFFICER) and subdistrict.district_id in scope.district_ids:
        return True
    return scope.has_role(Role.CODI_STAFF) and scope.covers_subdistrict(subdistrict)


@rule(_("คุณไม่มีสิทธิ์จัดทำหรือยื่นโครงการขอรับงบอุดหนุนของสภานี้"))
def can_prepare_this_proposal(*, user, proposal) -> bool:
    """``can_prepare_proposal`` asked about a proposal's council (edit, submit, withdraw,
    attach documents)."""
    return can_prepare_proposal(user=user, council=proposal.council)


@rule(_("ลบเอกสารได้เฉพาะขณะโครงการยังเป็นร่าง เมื่อยื่นแล้วหน่วยงานได้รับเอกสารไปพร้อมโครงการ"))
def can_delete_proposal_document(*, user, proposal) -> bool:
    """The council's staff remove a document while the proposal is a draft (the only state
    in which they may edit it); once submitted the agency holds what was sent."""
    return can_prepare_this_proposal(user=user, proposal=proposal) and proposal.status == ProposalStatus.DRAFT
