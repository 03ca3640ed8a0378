"""Who may do what with plans and their alignment: one function per rule (see
``common.rules``). Asked with objects already found inside the user's scope."""

from django.utils.translation import gettext_lazy as _

from accounts.choices import Role
from accounts.scoping import scope_for
from common.rules import rule


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
