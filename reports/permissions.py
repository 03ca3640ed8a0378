"""Who may do what with reports: one function per rule (see ``common.rules``)."""

from django.utils.translation import gettext_lazy as _

from accounts.scoping import scope_for
from common.rules import rule

from . import selectors


@rule(_("เฉพาะเจ้าหน้าที่ พอช. เท่านั้นที่ขอสร้างรายงานได้"))
def can_request_report(*, user) -> bool:
    return scope_for(user).is_codi()


@rule(_("เฉพาะเจ้าหน้าที่ พอช. ที่รับผิดชอบพื้นที่ของรายงานเท่านั้นที่เผยแพร่รายงานได้"))
def can_manage_report(*, user, report) -> bool:
    """Make a new version of a report or publish it: CODI staff whose area covers the
    report's (a published report is visible to everyone, managed by few)."""
    return can_request_report(user=user) and selectors.area_requestable(
        user=user,
        scope=report.scope,
        region=report.region,
        province=report.province,
        district=report.district,
        council=report.council,
    )


@rule(_("เฉพาะเจ้าหน้าที่ พอช. เท่านั้นที่เขียนบทสรุปรายงานได้"))
def can_write_narrative(*, user) -> bool:
    return scope_for(user).is_codi()
