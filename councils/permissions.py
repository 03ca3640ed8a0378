"""Who may do what with councils and their records: one function per rule.

Every door (HTML views, API views, exports, reports, services) asks these functions, so a
page and its export can never disagree. Each takes the user and the object already found
inside the user's scope (a lookup outside the scope is a 404 before any rule is asked);
a False answer is a 403. Each answers from what is loaded: no queries when the council's
area is joined.

PDPA: the fewest people see personal data. A council's members are seen by its own staff,
the district officers and CODI staff whose area covers it, never by agency staff; they
are managed by the council's own staff and CODI staff in scope; a national ID number is
revealed in full only to CODI staff in scope, and every reveal is logged.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from accounts.choices import Role
from accounts.scoping import scope_for
from common.rules import rule

MEMBER_VIEW_ROLES = (Role.COUNCIL_STAFF, Role.DISTRICT_OFFICER, Role.CODI_STAFF, Role.ADMINISTRATOR)


def covers_council(*, user, council) -> bool:
    return scope_for(user).covers_subdistrict(council.subdistrict)


# The council's own records -------------------------------------------------------------------


@rule(_("คุณไม่มีสิทธิ์แก้ไขข้อมูลของสภานี้"))
def can_edit_council(*, user, council) -> bool:
    """Profile, organizations and activities: the council's own staff (and administrators)."""
    scope = scope_for(user)
    return scope.has_role(Role.ADMINISTRATOR) or council.pk in scope.council_ids


@rule(_("คุณไม่มีสิทธิ์แก้ไขกิจกรรมของสภานี้"))
def can_edit_activity(*, user, activity) -> bool:
    return can_edit_council(user=user, council=activity.council)


@rule(_("คุณไม่มีสิทธิ์เลือกภาพลงรายงานประจำปีของสภานี้"))
def can_choose_report_photos(*, user, activity) -> bool:
    """Which of an activity's photos go into the annual report: the council's own staff
    (they also write the captions) and CODI staff whose area covers the council."""
    scope = scope_for(user)
    return can_edit_council(user=user, council=activity.council) or (
        scope.is_codi() and scope.covers_subdistrict(activity.council.subdistrict)
    )


@rule(_("คุณไม่มีสิทธิ์แก้ไของค์กรชุมชนของสภานี้"))
def can_edit_organization(*, user, organization) -> bool:
    return can_edit_council(user=user, council=organization.council)


# Members and people (PDPA) ---------------------------------------------------------------------


@rule(_("คุณไม่มีสิทธิ์ดูหรือจัดการรายชื่อสมาชิกของสภานี้"))
def can_view_members(*, user, council) -> bool:
    scope = scope_for(user)
    return scope.has_role(*MEMBER_VIEW_ROLES) and scope.covers_subdistrict(council.subdistrict)


@rule(_("คุณไม่มีสิทธิ์ดูรายชื่อสมาชิกสภา"))
def can_list_members(*, user) -> bool:
    """Lists of members (the API list, the export) hold the same rows as the members pages:
    only roles that may view members get them (their rows are then narrowed to the scope)."""
    return scope_for(user).has_role(*MEMBER_VIEW_ROLES)


@rule(_("คุณไม่มีสิทธิ์จัดการสมาชิกของสภานี้"))
def can_manage_members(*, user, council) -> bool:
    scope = scope_for(user)
    return can_edit_council(user=user, council=council) or (
        scope.is_codi() and scope.covers_subdistrict(council.subdistrict)
    )


def _councils_of(person) -> list:
    """The councils of every term of the person (all of them, in scope or not: erasure
    needs them all). Uses the prefetched terms when the selector loaded them."""
    cache = getattr(person, "_prefetched_objects_cache", {})
    terms = cache["terms"] if "terms" in cache else person.terms.select_related("council__subdistrict__district")
    return [term.council for term in terms]


@rule(_("คุณไม่มีสิทธิ์ดูข้อมูลของบุคคลนี้"))
def can_view_person(*, user, person) -> bool:
    scope = scope_for(user)
    if not scope.has_role(*MEMBER_VIEW_ROLES):
        return False
    councils = _councils_of(person)
    return any(scope.covers_subdistrict(c.subdistrict) for c in councils) if councils else scope.national


@rule(_("คุณไม่มีสิทธิ์จัดการข้อมูลของบุคคลนี้"))
def can_manage_person(*, user, person) -> bool:
    """Edit the person, set the ID, export: allowed to manage at least one of their councils."""
    councils = _councils_of(person)
    if not councils:
        return scope_for(user).is_codi() and scope_for(user).national
    return any(can_manage_members(user=user, council=c) for c in councils)


@rule(_("คุณไม่มีสิทธิ์ลบข้อมูลของบุคคลนี้ (บุคคลนี้มีวาระในสภาที่คุณไม่ได้ดูแล ติดต่อ พอช.)"))
def can_erase_person(*, user, person) -> bool:
    """Erasure removes every term, so the user must be allowed to manage all of them."""
    councils = _councils_of(person)
    if not councils:
        return scope_for(user).is_codi() and scope_for(user).national
    return all(can_manage_members(user=user, council=c) for c in councils)


@rule(_("คุณไม่มีสิทธิ์เปิดดูเลขประจำตัวประชาชนแบบเต็ม"))
def can_reveal_national_id(*, user, person) -> bool:
    scope = scope_for(user)
    if not scope.is_codi():
        return False
    councils = _councils_of(person)
    return any(scope.covers_subdistrict(c.subdistrict) for c in councils) if councils else scope.national


# Assessment, mentoring, imports ----------------------------------------------------------------


@rule(_("คุณไม่มีสิทธิ์ดูผลการประเมินของสภานี้"))
def can_see_assessments(*, user, council) -> bool:
    """CODI staff in scope, the district officer of the council's district, its own staff."""
    scope = scope_for(user)
    if scope.is_codi():
        return scope.covers_subdistrict(council.subdistrict)
    if council.pk in scope.council_ids:
        return True
    return scope.has_role(Role.DISTRICT_OFFICER) and council.subdistrict.district_id in scope.district_ids


@rule(_("เฉพาะเจ้าหน้าที่ พอช. ที่รับผิดชอบพื้นที่เท่านั้นที่บันทึกผลการประเมินคุณภาพได้"))
def can_assess(*, user, council=None) -> bool:
    """CODI staff (and administrators), for a council inside their area."""
    scope = scope_for(user)
    return scope.is_codi() and (council is None or scope.covers_subdistrict(council.subdistrict))


@rule(_("เฉพาะเจ้าหน้าที่ พอช. ที่รับผิดชอบพื้นที่เท่านั้นที่จัดการตำบลพี่เลี้ยงได้"))
def can_manage_mentorships(*, user, councils=()) -> bool:
    """CODI staff pair mentors, log visits and end mentorships, for councils in their area."""
    scope = scope_for(user)
    return scope.is_codi() and all(scope.covers_subdistrict(c.subdistrict) for c in councils)


@rule(_("เฉพาะเจ้าหน้าที่ พอช. ที่รับผิดชอบพื้นที่เท่านั้นที่จัดการตำบลพี่เลี้ยงได้"))
def can_change_mentorship(*, user, mentorship) -> bool:
    """Log a visit or end a mentorship: CODI staff whose area covers the mentee."""
    return can_manage_mentorships(user=user, councils=[mentorship.mentee])


@rule(_("เฉพาะเจ้าหน้าที่ พอช. เท่านั้นที่จับคู่ตำบลพี่เลี้ยงได้"))
def can_find_mentors(*, user, council) -> bool:
    """The mentor suggestions for a weak council: CODI staff whose area covers it."""
    return can_manage_mentorships(user=user, councils=[council])


@rule(_("เฉพาะเจ้าหน้าที่ พอช. และผู้ดูแลระบบเท่านั้นที่นำเข้าข้อมูลได้"))
def can_import(*, user) -> bool:
    return scope_for(user).is_codi()


def sees_every_import_job(*, user) -> bool:
    """Administrators follow every import job; CODI staff their own uploads."""
    return scope_for(user).has_role(Role.ADMINISTRATOR)


@rule(_("ยืนยันได้เฉพาะงานนำเข้าที่คุณอัปโหลดเอง"))
def can_confirm_import(*, user, job) -> bool:
    return can_import(user=user) and (job.requested_by_id == user.pk or sees_every_import_job(user=user))


@rule(_("ไม่พบข้อมูลนี้"))
def can_see_unpublished(*, user, council) -> bool:
    """An unpublished council (and its photos) is seen only by users whose scope covers it."""
    return user.is_authenticated and covers_council(user=user, council=council)


# The public ------------------------------------------------------------------------------------
# What anyone may read without signing in: published councils, and of them only the fields in
# PUBLIC_COUNCIL_FIELDS. The directory, the council's page, the dashboard and the open data all
# take their councils from ``public_councils`` (selectors.councils.councils_public), so they
# never disagree about which councils are public.

PUBLIC_COUNCIL_FIELDS = (
    "code", "name", "status", "subdistrict", "district", "province", "registration_number", "registered_on",
    "address", "lao", "themes", "latest_level",
)  # fmt: skip


def public_councils(qs):
    """The published councils of ``qs``: the one rule of what the public sees."""
    return qs.filter(is_published=True)


@rule(_("ข้อมูลผู้ประสานงานเปิดให้เฉพาะผู้ที่ดูแลพื้นที่ของสภานี้"))
def can_see_council_contact(*, user, council) -> bool:
    """The coordinator's name, phone and e-mail are a person's data (PDPA): users whose area
    covers the council see them; the public sees the office address only."""
    return user.is_authenticated and covers_council(user=user, council=council)
