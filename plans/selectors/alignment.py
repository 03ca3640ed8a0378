"""Every read of plans and alignments, scoped to the user."""

from dataclasses import dataclass, field

from django.db.models import Count, Q, QuerySet

from geo.models import Theme

from ..choices import AlignmentStatus
from ..models import Alignment, CommunityPlan, LocalPlanProject, PlanItem


def plan_items_visible_to(*, user) -> QuerySet[PlanItem]:
    qs = PlanItem.objects.select_related(
        "plan__council__subdistrict__district__province", "theme", "alignment__local_plan_project__lao",
        "alignment__mission__agency",
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


# The review page (filters, page, suggestions, search, budget window) ---------------------

REVIEW_PAGE_SIZE = 20
MISSED_SHOWN = 50  # items listed as missing their budget window (all are counted)


@dataclass
class ReviewPage:
    years: list[int]
    year: int | None
    summary: list[dict]
    page: object  # django Page of PlanItem
    items: list[PlanItem]
    suggestions: dict[int, list]  # item pk -> [matching.Suggestion]
    search_item: int | None
    search_query: str
    search_results: list[LocalPlanProject]
    missed: list[dict]  # items that will miss their LAO's budget window
    missed_total: int
    confidence_line: float = 0.0
    tambons: list[dict] = field(default_factory=list)
    themes: list = field(default_factory=list)  # the themes of the year's items (the theme filter)


def review_page(*, user, district, filters: dict, on=None) -> ReviewPage:
    """Everything the district review page shows, in a fixed number of queries whatever
    the district's size: years, summary, the themes, one page of items, the suggestion pool (five),
    the search, and the budget window (three)."""
    from django.core.paginator import Paginator
    from django.utils import timezone

    from ..budget_calendar import BudgetCalendar
    from ..matching import CONFIDENCE_LINE
    from .suggestions import lao_projects_search, suggestion_pool, suggestions_for_items, tambon_laos

    on = on or timezone.localdate()
    base = plan_items_for_review(user=user, district=district)
    years = sorted(
        CommunityPlan.objects.filter(council__subdistrict__district=district)
        .order_by()  # the model's ordering (tambon code) would make DISTINCT one year per council
        .values_list("fiscal_year", flat=True)
        .distinct(),
        reverse=True,
    )
    year = filters.get("year") if filters.get("year") in years else None
    in_year = base.filter(plan__fiscal_year=year) if year else base
    summary = alignment_summary_by_tambon(district=district, items=in_year)
    items = in_year
    if filters.get("tambon"):
        items = items.filter(plan__council__subdistrict__code=filters["tambon"])
    themes = list(Theme.objects.filter(pk__in=in_year.values("theme_id")).order_by("name_th"))
    if filters.get("theme"):
        items = items.filter(theme__code=filters["theme"])
    if filters.get("status"):
        status = filters["status"]
        items = items.filter(alignment__status=status) if status != AlignmentStatus.PENDING else items.filter(
            Q(alignment__status=status) | Q(alignment__isnull=True)
        )
    page = Paginator(items, REVIEW_PAGE_SIZE).get_page(filters.get("page") or 1)
    page_items = list(page.object_list)

    pending = [i for i in page_items if _is_pending(i)]
    suggestions = {}
    if pending and filters.get("suggest") != "0":
        pool = suggestion_pool(district=district, fiscal_years={i.plan.fiscal_year for i in pending})
        suggestions = suggestions_for_items(items=pending, pool=pool)
        for item in pending:
            item.suggested = suggestions.get(item.pk, [])
            item.suggested_confident = [s for s in item.suggested if s.confident]
            item.suggested_low = [s for s in item.suggested if not s.confident]

    search_item, query, results = filters.get("find"), (filters.get("q") or "").strip(), []
    if search_item and query and any(i.pk == search_item for i in page_items):
        results = lao_projects_search(district=district, query=query)

    # The budget window: pending items whose request would reach the LAO after its draft.
    rows = list(
        items.filter(Q(alignment__status=AlignmentStatus.PENDING) | Q(alignment__isnull=True))
        .order_by("plan__council__subdistrict__code", "id")
        .values(
            "pk", "title", "plan__fiscal_year", "plan__council__subdistrict_id", "plan__council__subdistrict__name_th",
            "target_agency_id", "target_agency__name", "target_agency__kind",
        )
    )
    own_laos = tambon_laos(district=district) if rows else {}
    missed = []
    if rows:
        from agencies.choices import LOCAL_GOVERNMENT_KINDS

        def recipient(row):  # the item's target agency of any kind, else the tambon's LAO
            if row["target_agency_id"]:
                of_lao = row["target_agency__kind"] in LOCAL_GOVERNMENT_KINDS
                return row["target_agency_id"], row["target_agency__name"], of_lao
            lao = own_laos.get(row["plan__council__subdistrict_id"])
            return (lao.pk, lao.name, True) if lao else (None, None, True)

        targets = [(row, *recipient(row)) for row in rows]
        calendar = BudgetCalendar.load(
            lao_ids={t[1] for t in targets if t[1]}, fiscal_years={row["plan__fiscal_year"] for row in rows}
        )
        for row, lao_id, lao_name, of_lao in targets:
            if lao_id is None:
                continue
            window = calendar.window(lao_id, row["plan__fiscal_year"], on, of_lao=of_lao)
            if window.missed:
                missed.append(row)
                if len(missed) <= MISSED_SHOWN:  # the message (a Thai date) only for those shown
                    missed[-1] = {"pk": row["pk"], "title": row["title"], "tambon": row["plan__council__subdistrict__name_th"],
                                  "fiscal_year": row["plan__fiscal_year"], "lao": lao_name, "message": window.message}
    return ReviewPage(
        years=years, year=year, summary=summary, page=page, items=page_items, suggestions=suggestions,
        search_item=search_item, search_query=query, search_results=results, missed=missed[:MISSED_SHOWN],
        missed_total=len(missed), confidence_line=CONFIDENCE_LINE,
        tambons=[{"code": r["code"], "name": r["tambon"]} for r in summary], themes=themes,
    )


def _is_pending(item: PlanItem) -> bool:
    alignment = getattr(item, "alignment", None)
    return alignment is None or alignment.status == AlignmentStatus.PENDING
