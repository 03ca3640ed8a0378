"""Every read of plans and alignments, scoped to the user."""

from django.db.models import Count, Q, QuerySet

from ..choices import AlignmentStatus
from ..models import Alignment, LocalPlanProject, PlanItem


def plan_items_visible_to(*, user) -> QuerySet[PlanItem]:
    qs = PlanItem.objects.select_related(
        "plan__council__subdistrict__district__province", "theme", "alignment__local_plan_project"
    )
    return qs.visible_to(user)


def plan_items_for_review(*, user, district) -> QuerySet[PlanItem]:
    """Every plan item of the district's tambons with its current alignment, for review.
    Empty when the district is outside the user's scope (the view answers 404 first)."""
    return (
        plan_items_visible_to(user=user)
        .filter(plan__council__subdistrict__district=district)
        .select_related("alignment__reviewed_by")
        .order_by("plan__council__subdistrict__code", "-plan__fiscal_year", "id")
    )


def alignment_summary_by_tambon(*, district, items: QuerySet[PlanItem] | None = None) -> list[dict]:
    """Per council of the district: items, how many aligned/partial/not adopted, % aligned.

    An item with no alignment row yet counts as pending."""
    qs = items if items is not None else PlanItem.objects.filter(plan__council__subdistrict__district=district)
    rows = (
        qs.order_by()
        .values(
            "plan__council_id",
            "plan__council__name",
            "plan__council__subdistrict__code",
            "plan__council__subdistrict__name_th",
        )
        .annotate(
            total=Count("id"),
            aligned=Count("id", filter=Q(alignment__status=AlignmentStatus.ALIGNED)),
            partial=Count("id", filter=Q(alignment__status=AlignmentStatus.PARTIAL)),
            not_adopted=Count("id", filter=Q(alignment__status=AlignmentStatus.NOT_ADOPTED)),
        )
        .order_by("plan__council__subdistrict__code")
    )
    result = []
    for row in rows:
        total = row["total"]
        reviewed = row["aligned"] + row["partial"] + row["not_adopted"]
        result.append(
            {
                "council_id": row["plan__council_id"],
                "council_name": row["plan__council__name"],
                "code": row["plan__council__subdistrict__code"],
                "tambon": row["plan__council__subdistrict__name_th"],
                "total": total,
                "aligned": row["aligned"],
                "partial": row["partial"],
                "not_adopted": row["not_adopted"],
                "pending": total - reviewed,
                "percent_aligned": round(100 * row["aligned"] / total, 1) if total else 0.0,
            }
        )
    return result


def alignments_visible_to(*, user) -> QuerySet[Alignment]:
    qs = Alignment.objects.select_related(
        "plan_item__plan__council__subdistrict__district", "plan_item__theme", "local_plan_project"
    )
    return qs.visible_to(user)


def local_plan_projects_for_district(*, district, fiscal_year: int | None = None) -> QuerySet[LocalPlanProject]:
    qs = LocalPlanProject.objects.select_related("lao").filter(
        Q(lao__district=district) | Q(lao__subdistrict__district=district)
    )
    if fiscal_year:
        qs = qs.filter(fiscal_year=fiscal_year)
    return qs.order_by("lao__name", "-fiscal_year", "title")


def local_plan_projects_visible_to(*, user) -> QuerySet[LocalPlanProject]:
    qs = LocalPlanProject.objects.select_related("lao")
    return qs.visible_to(user)
