"""The sections every report has, in order. Each gather(scope) runs a fixed number of queries."""

from __future__ import annotations

from django.db.models import Count, Q, Sum
from django.utils.translation import gettext_lazy as _

from agencies.choices import AgencyKind
from agencies.models import Agency
from councils.choices import ActivityKind, AssessmentLevel, CouncilStatus, MentorshipStatus, OrganizationKind
from councils.models import Activity, Assessment, CommunityOrganization, Council, Mentorship
from plans.choices import AlignmentStatus
from plans.models import PlanItem

from ..choices import ReportKind
from ..models import ReportNarrative
from .base import Scope, Section, keep_together, register


def _counts(qs, field, choices) -> list[tuple[str, int]]:
    found = dict(qs.order_by().values_list(field).annotate(n=Count("id", distinct=True)))
    return [(str(c.label), found.get(c.value, 0)) for c in choices]


def activities_in(scope: Scope):
    start, end = scope.period
    qs = scope.restrict(Activity.objects.all(), "council__subdistrict")
    if scope.spec.kind == ReportKind.QUARTERLY and scope.spec.quarter:
        return qs.filter(date__range=(start, end))
    return qs.filter(fiscal_year=scope.spec.fiscal_year)


def plan_items_in(scope: Scope):
    return scope.restrict(
        PlanItem.objects.filter(plan__fiscal_year=scope.spec.fiscal_year), "plan__council__subdistrict"
    )


def gather_cover(scope: Scope) -> dict:
    start, end = scope.period
    return {"scope_label": scope.label, "period_start": start, "period_end": end}


def gather_background(scope: Scope) -> dict:
    return {"scope_label": scope.label, "national": scope.area is None}


def gather_councils(scope: Scope) -> dict:
    rows = _counts(scope.restrict(Council.objects.all(), "subdistrict"), "status", CouncilStatus)
    return {"rows": rows, "total": sum(n for _l, n in rows)}


def gather_organizations(scope: Scope) -> dict:
    qs = scope.restrict(CommunityOrganization.objects.all(), "council__subdistrict")
    rows = _counts(qs, "kind", OrganizationKind)
    return {"rows": rows, "total": sum(n for _l, n in rows), "members": qs.aggregate(n=Sum("member_count"))["n"] or 0}


def gather_activities(scope: Scope) -> dict:
    qs = activities_in(scope)
    rows = _counts(qs, "kind", ActivityKind)
    people = qs.aggregate(n=Sum("participants"))["n"] or 0
    themes = list(
        qs.order_by()
        .filter(council__themes__isnull=False)
        .values_list("council__themes__name_th")
        .annotate(n=Count("id", distinct=True))
        .order_by("-n", "council__themes__name_th")[:10]
    )
    return {"rows": rows, "total": sum(n for _l, n in rows), "participants": people, "themes": themes}


def gather_agencies(scope: Scope) -> dict:
    acts = activities_in(scope)
    agencies = Agency.objects.filter(activities__in=acts).distinct()
    found = dict(
        Agency.objects.filter(pk__in=agencies.values("pk")).order_by().values_list("kind").annotate(n=Count("id"))
    )
    rows = [(str(k.label), found.get(k.value, 0)) for k in AgencyKind]
    joint = acts.filter(agencies__isnull=False).values("pk").distinct().count()
    return {"rows": rows, "total": sum(found.values()), "joint_activities": joint}


def gather_alignment(scope: Scope) -> dict:
    items = plan_items_in(scope)
    found = dict(items.order_by().values_list("alignment__status").annotate(n=Count("id")))
    pending = found.pop(None, 0) + found.pop(AlignmentStatus.PENDING.value, 0)
    rows = [(str(s.label), pending if s == AlignmentStatus.PENDING else found.get(s.value, 0)) for s in AlignmentStatus]
    total = sum(n for _l, n in rows)
    aligned = found.get(AlignmentStatus.ALIGNED.value, 0)
    return {"rows": rows, "total": total, "percent_aligned": round(100 * aligned / total, 1) if total else 0.0}


def gather_assessments(scope: Scope) -> dict:
    qs = scope.restrict(Assessment.objects.filter(fiscal_year=scope.spec.fiscal_year), "council__subdistrict")
    rows = _counts(qs, "level", AssessmentLevel)
    return {"rows": rows, "total": sum(n for _l, n in rows)}


def gather_mentorships(scope: Scope) -> dict:
    qs = scope.restrict(Mentorship.objects.all(), "mentee__subdistrict")
    start, end = scope.period
    qs = qs.filter(started_on__lte=end).filter(Q(ended_on__isnull=True) | Q(ended_on__gte=start))
    rows = _counts(qs, "status", MentorshipStatus)
    return {"rows": rows, "total": sum(n for _l, n in rows)}


def _narrative(scope: Scope) -> ReportNarrative | None:
    return ReportNarrative.objects.filter(fiscal_year=scope.spec.fiscal_year).first()


def gather_lessons(scope: Scope) -> dict:
    n = _narrative(scope)
    return {"text": keep_together(n.lessons.strip()) if n else ""}


def gather_future(scope: Scope) -> dict:
    n = _narrative(scope)
    return {
        "expected": keep_together(n.expected_results.strip()) if n else "",
        "directions": keep_together(n.future_directions.strip()) if n else "",
    }


def gather_appendix(scope: Scope) -> dict:
    from .appendix import council_rows

    return {"rows": council_rows(scope)}


register(Section("cover", _("ปก"), gather_cover, in_toc=False, chapter=False))
register(Section("toc", _("สารบัญ"), lambda scope: {}, in_toc=False, chapter=False))
register(Section("background", _("ความเป็นมา"), gather_background))
register(Section("results", _("ผลการดำเนินงานและความร่วมมือ"), lambda scope: {}))
register(Section("councils", _("สภาองค์กรชุมชนตำบลจำแนกตามสถานะ"), gather_councils, chapter=False))
register(Section("organizations", _("องค์กรชุมชนจำแนกตามประเภท"), gather_organizations, chapter=False))
register(Section("activities", _("กิจกรรมจำแนกตามประเภทและประเด็นงาน"), gather_activities, chapter=False))
register(Section("agencies", _("ความร่วมมือกับหน่วยงานภาคี"), gather_agencies, chapter=False))
register(Section("alignment", _("การเชื่อมโยงแผนพัฒนาชุมชนกับแผนพัฒนาท้องถิ่น"), gather_alignment, chapter=False))
register(Section("assessments", _("ระดับการประเมินศักยภาพสภา"), gather_assessments, chapter=False))
register(Section("mentorships", _("ตำบลพี่เลี้ยง"), gather_mentorships, chapter=False))
register(Section("lessons", _("บทเรียน: ข้อเสนอ ข้อติดขัด และแนวทางแก้ไข"), gather_lessons))
register(Section("future", _("ผลที่คาดว่าจะได้รับและทิศทางในอนาคต"), gather_future))
register(Section("appendix", _("ภาคผนวก: ข้อมูลรายสภาองค์กรชุมชนตำบล"), gather_appendix))
