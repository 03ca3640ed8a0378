"""The district plan (ประมวลแผนระดับอำเภอ) and the provincial roll-up: reads only.

A district plan is the tambon plans of one district for one fiscal year, grouped by theme
then tambon: each item with its alignment (the LAO project or agency mission it went
into), the subsidy proposals made from it and its budgets; totals per theme, per tambon
and for the district; and what missed the LAO's budget window (``plans.budget_calendar``).
It is built in a fixed number of queries whatever the district's size.

Counting rules, the same on the page, in the XLSX, the PDF, the provincial roll-up and the
annual report (``plans.reporting``):
- an item never reviewed counts as pending;
- a proposal is *asked* once submitted (drafts are the council's own, withdrawn ones are
  listed but not counted); *approved* when its decision granted money (approved, partly
  approved, then carried out and reported), with ``amount_approved``;
- a proposal *missed the window* when the budget calendar of its recipient put it in a
  later fiscal year than it asked for (``considered_in_year``, recorded on submission;
  worked out from ``submitted_at`` for a row that lacks it);
- a plan item *missed the window* when its plan reached the LAO (adopted by the council,
  else the day the item was written) after the draft of that fiscal year's budget of the
  LAO it is meant for.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Prefetch, Q, QuerySet
from django.utils import timezone

from accounts.scoping import scope_for
from common.thai import thai_truncate
from geo.models import District, Province

from ..budget_calendar import BudgetCalendar, Window
from ..choices import PROPOSAL_DECIDED_STATUSES, AlignmentStatus, ProposalStatus
from ..models import DistrictPlanPdf, LocalPlanProjectBudget, PlanItem, SubsidyProposal

ZERO = Decimal("0")
# The proposals a district officer sees: the council's drafts stay the council's own.
NOT_SHOWN = (ProposalStatus.DRAFT,)
NOT_ASKED = (ProposalStatus.DRAFT, ProposalStatus.WITHDRAWN)
APPROVED_STATUSES = tuple(sorted(PROPOSAL_DECIDED_STATUSES - {ProposalStatus.NOT_APPROVED}))


# Finding the district and the province: touching the scope is enough to be told "not allowed"


def district_for_compile(*, user, code: str) -> District:
    """The district when the user's scope touches it: covers it, or holds a tambon (a
    council's staff, an LAO's staff) or an agency of it. Otherwise DoesNotExist (a 404):
    the rule (``can_compile_district_plan``) then refuses those who only touch it (403)."""
    district = District.objects.select_related("province").get(code=code)
    scope = scope_for(user)
    if scope.covers_district(district):
        return district
    if scope.subdistrict_ids and district.subdistricts.filter(pk__in=scope.subdistrict_ids).exists():
        return district
    raise District.DoesNotExist(code)


def province_for_rollup(*, user, code: str) -> Province:
    """The province when the user's scope touches it (any area or agency in it), else
    DoesNotExist (a 404); ``can_view_provincial_plan`` then lets only CODI staff in."""
    province = Province.objects.get(code=code)
    scope = scope_for(user)
    if scope.covers_province(province.pk):
        return province
    if scope.district_ids and province.districts.filter(pk__in=scope.district_ids).exists():
        return province
    if scope.subdistrict_ids and province.districts.filter(subdistricts__pk__in=scope.subdistrict_ids).exists():
        return province
    raise Province.DoesNotExist(code)


def compile_fiscal_year(value) -> int:
    """The fiscal year asked for in the query string (BE, Thai digits accepted), else the
    current one. A CE year (2026) is read as its BE year."""
    from common.thai import arabic_digits, ce_to_be, current_fiscal_year, looks_like_be, looks_like_ce

    try:
        year = int(arabic_digits(str(value or "")).strip())
    except ValueError:
        return current_fiscal_year()
    if looks_like_ce(year):
        year = ce_to_be(year)
    return year if looks_like_be(year) else current_fiscal_year()


def district_plan_pdfs_of(*, user) -> QuerySet[DistrictPlanPdf]:
    """The district plan PDF jobs a user asked for: nobody else's (another's is a 404)."""
    if not user.is_authenticated:
        return DistrictPlanPdf.objects.none()
    return DistrictPlanPdf.objects.filter(requested_by=user).select_related("district__province")


# The shapes a compiled plan is made of ---------------------------------------------------


@dataclass
class Totals:
    items: int = 0
    aligned: int = 0
    partial: int = 0
    not_adopted: int = 0
    pending: int = 0
    budget_needed: Decimal = ZERO
    project_budget: Decimal = ZERO  # the aligned LAO projects' budget for the year
    proposals: int = 0  # asked (submitted, not withdrawn)
    approved: int = 0
    amount_requested: Decimal = ZERO
    amount_approved: Decimal = ZERO
    missed: int = 0  # proposals that missed the budget window

    def add_item(self, item: ItemRow) -> None:
        self.items += 1
        setattr(self, item.status_key, getattr(self, item.status_key) + 1)
        self.budget_needed += item.budget_needed
        self.project_budget += item.project_budget or ZERO

    def add_proposal(self, proposal: ProposalRow) -> None:
        if not proposal.asked:
            return
        self.proposals += 1
        self.amount_requested += proposal.amount_requested
        if proposal.approved:
            self.approved += 1
            self.amount_approved += proposal.amount_approved or ZERO
        if proposal.missed:
            self.missed += 1

    def share(self, n: int) -> float:
        return round(100 * n / self.items, 1) if self.items else 0.0

    @property
    def percent_aligned(self) -> float:
        return self.share(self.aligned)

    @property
    def percent_partial(self) -> float:
        return self.share(self.partial)

    @property
    def percent_not_adopted(self) -> float:
        return self.share(self.not_adopted)

    @property
    def percent_pending(self) -> float:
        return self.share(self.pending)


@dataclass
class ProposalRow:
    pk: int
    title: str
    status: str
    status_label: str
    recipient: str
    council_id: int
    theme_id: int
    tambon: str
    fiscal_year: int
    amount_requested: Decimal
    amount_approved: Decimal | None
    window: Window | None  # set when it missed the budget window
    considered_in: int | None

    @property
    def asked(self) -> bool:
        return self.status not in NOT_ASKED

    @property
    def approved(self) -> bool:
        return self.status in APPROVED_STATUSES

    @property
    def missed(self) -> bool:
        return self.asked and self.considered_in is not None and self.considered_in > self.fiscal_year


@dataclass
class ItemRow:
    pk: int
    title: str
    description: str
    tambon: str
    tambon_code: str
    council: str
    theme: str
    priority: str
    target_agency: str
    target_group: str
    location: str
    budget_needed: Decimal
    status: str
    status_label: str
    project: str  # "อบต.บ้านหลวง: โครงการ... (2569)" when aligned to an LAO project
    project_budget: Decimal | None  # that project's budget line for the fiscal year
    mission: str  # "หน่วยงาน: ภารกิจ" when aligned to an agency mission
    note: str
    proposals: list[ProposalRow] = field(default_factory=list)
    window: Window | None = None  # set when the item missed the budget window

    @property
    def status_key(self) -> str:
        return {
            AlignmentStatus.ALIGNED: "aligned",
            AlignmentStatus.PARTIAL: "partial",
            AlignmentStatus.NOT_ADOPTED: "not_adopted",
        }.get(self.status, "pending")


@dataclass
class TambonGroup:
    code: str
    name: str
    council: str
    items: list[ItemRow] = field(default_factory=list)
    totals: Totals = field(default_factory=Totals)


@dataclass
class ThemeGroup:
    pk: int
    name: str
    tambons: list[TambonGroup] = field(default_factory=list)
    totals: Totals = field(default_factory=Totals)


@dataclass
class DistrictPlan:
    district: District
    fiscal_year: int
    themes: list[ThemeGroup]
    tambons: list[TambonGroup]  # per tambon totals (items left empty)
    totals: Totals
    missed_items: list[ItemRow]
    missed_proposals: list[ProposalRow]
    proposals_without_items: list[ProposalRow]

    @property
    def item_count(self) -> int:
        return self.totals.items


# Building it ------------------------------------------------------------------------------


def _plan_items(*, district: District, fiscal_year: int) -> QuerySet[PlanItem]:
    return (
        PlanItem.objects.filter(plan__council__subdistrict__district=district, plan__fiscal_year=fiscal_year)
        .select_related(
            "plan__council__subdistrict",
            "theme",
            "target_agency",
            "alignment__local_plan_project__lao",
            "alignment__mission__agency",
        )
        .prefetch_related(Prefetch("subsidy_proposals", queryset=SubsidyProposal.objects.only("pk")))
        .order_by("theme__name_th", "theme_id", "plan__council__subdistrict__code", "priority", "pk")
    )


def proposals_of(subdistricts_q: Q, *, fiscal_year: int) -> QuerySet[SubsidyProposal]:
    """The year's proposals of the councils matched by ``subdistricts_q`` (a Q on
    ``council__subdistrict``), drafts left out."""
    return (
        SubsidyProposal.objects.filter(subdistricts_q, fiscal_year=fiscal_year)
        .exclude(status__in=NOT_SHOWN)
        .select_related("recipient", "council__subdistrict", "theme")
        .order_by("council__subdistrict__code", "pk")
    )


def proposal_windows(proposals, calendar: BudgetCalendar | None = None) -> dict[int, tuple[int | None, Window | None]]:
    """Proposal id → (the fiscal year it will be considered in, the window it missed or
    None). The year recorded on submission wins; a submitted row without one is worked
    out from the recipient's budget calendar (loaded once for all of them)."""
    proposals = list(proposals)
    if calendar is None:
        calendar = BudgetCalendar.load(
            lao_ids={p.recipient_id for p in proposals}, fiscal_years={p.fiscal_year for p in proposals}
        )
    result = {}
    for p in proposals:
        on = timezone.localdate(p.submitted_at) if p.submitted_at else None
        considered = p.considered_in_year
        window = calendar.window(p.recipient_id, p.fiscal_year, on) if on else None
        if considered is None and window is not None:
            considered = window.considered_in
        missed = considered is not None and considered > p.fiscal_year and p.status not in NOT_ASKED
        if missed and window is not None and window.considered_in != considered:
            window = Window(p.fiscal_year, window.deadline, on, considered)
        result[p.pk] = (considered, window if missed else None)
    return result


def _proposal_row(p: SubsidyProposal, considered: int | None, window: Window | None) -> ProposalRow:
    return ProposalRow(
        pk=p.pk,
        title=p.title,
        status=p.status,
        status_label=str(p.get_status_display()),
        recipient=p.recipient.name,
        council_id=p.council_id,
        theme_id=p.theme_id,
        tambon=p.council.subdistrict.name_th,
        fiscal_year=p.fiscal_year,
        amount_requested=p.amount_requested,
        amount_approved=p.amount_approved,
        window=window,
        considered_in=considered,
    )


def _item_row(item: PlanItem, *, project_budgets: dict[int, Decimal]) -> ItemRow:
    alignment = getattr(item, "alignment", None)
    status = alignment.status if alignment else AlignmentStatus.PENDING
    project = alignment.local_plan_project if alignment else None
    mission = alignment.mission if alignment else None
    council = item.plan.council
    return ItemRow(
        pk=item.pk,
        title=item.title or thai_truncate(item.description, 80),
        description=item.description,
        tambon=council.subdistrict.name_th,
        tambon_code=council.subdistrict.code,
        council=council.name,
        theme=item.theme.name_th,
        priority=str(item.get_priority_display()),
        target_agency=item.target_agency.name if item.target_agency else "",
        target_group=item.target_group,
        location=item.location,
        budget_needed=item.budget_needed,
        status=status,
        status_label=str(AlignmentStatus(status).label),
        project=f"{project.lao.name}: {project.title}" + (f" ({project.number})" if project.number else "")
        if project
        else "",
        project_budget=project_budgets.get(project.pk) if project else None,
        mission=f"{mission.agency.name}: {mission.title}" if mission else "",
        note=alignment.note if alignment else "",
    )


def _item_window(item: PlanItem, calendar: BudgetCalendar) -> Window:
    plan = item.plan
    on = plan.adopted_on or timezone.localdate(item.created_at)
    return calendar.window(item.target_agency_id, plan.fiscal_year, on)


def district_plan(*, district: District, fiscal_year: int) -> DistrictPlan:
    """The district plan of ``fiscal_year`` (see the module's docstring), in five queries."""
    items = list(_plan_items(district=district, fiscal_year=fiscal_year))
    proposals = list(proposals_of(Q(council__subdistrict__district=district), fiscal_year=fiscal_year))
    project_ids = {i.alignment.local_plan_project_id for i in items if getattr(i, "alignment", None)} - {None}
    project_budgets = dict(
        LocalPlanProjectBudget.objects.filter(project_id__in=project_ids, fiscal_year=fiscal_year).values_list(
            "project_id", "amount"
        )
    ) if project_ids else {}
    calendar = BudgetCalendar.load(
        lao_ids={i.target_agency_id for i in items if i.target_agency_id} | {p.recipient_id for p in proposals},
        fiscal_years={fiscal_year},
    )
    windows = proposal_windows(proposals, calendar)
    proposal_rows = {p.pk: _proposal_row(p, *windows[p.pk]) for p in proposals}

    themes: dict[int, ThemeGroup] = {}
    tambons: dict[str, TambonGroup] = {}
    totals = Totals()
    linked: set[int] = set()
    missed_items = []
    for item in items:
        row = _item_row(item, project_budgets=project_budgets)
        row.proposals = [proposal_rows[p.pk] for p in item.subsidy_proposals.all() if p.pk in proposal_rows]
        linked.update(p.pk for p in row.proposals)
        window = _item_window(item, calendar)
        if window.missed:
            row.window = window
            missed_items.append(row)
        theme = themes.setdefault(item.theme_id, ThemeGroup(pk=item.theme_id, name=row.theme))
        if not theme.tambons or theme.tambons[-1].code != row.tambon_code:
            theme.tambons.append(TambonGroup(code=row.tambon_code, name=row.tambon, council=row.council))
        group = theme.tambons[-1]
        group.items.append(row)
        for t in (group.totals, theme.totals, totals):
            t.add_item(row)
        tambons.setdefault(row.tambon_code, TambonGroup(row.tambon_code, row.tambon, row.council)).totals.add_item(row)

    # Proposals count once each, under their own theme and council (one may cover several items).
    council_codes = {p.council_id: p.council.subdistrict for p in proposals}
    for p in proposal_rows.values():
        totals.add_proposal(p)
        if p.theme_id in themes:
            themes[p.theme_id].totals.add_proposal(p)
        sub = council_codes[p.council_id]
        tambons.setdefault(sub.code, TambonGroup(sub.code, sub.name_th, "")).totals.add_proposal(p)
        for group in (themes[p.theme_id].tambons if p.theme_id in themes else ()):
            if group.code == sub.code:
                group.totals.add_proposal(p)
    return DistrictPlan(
        district=district,
        fiscal_year=fiscal_year,
        themes=list(themes.values()),
        tambons=sorted(tambons.values(), key=lambda g: g.code),
        totals=totals,
        missed_items=sorted(missed_items, key=lambda r: (r.tambon_code, r.pk)),
        missed_proposals=[p for p in proposal_rows.values() if p.missed],
        proposals_without_items=[p for p in proposal_rows.values() if p.pk not in linked],
    )


# The provincial roll-up ---------------------------------------------------------------------


@dataclass
class DistrictRollup:
    code: str
    name: str
    totals: Totals = field(default_factory=Totals)
    themes: dict[int, Totals] = field(default_factory=lambda: defaultdict(Totals))


@dataclass
class ProvincialPlan:
    province: Province
    fiscal_year: int
    districts: list[DistrictRollup]
    themes: list[tuple[int, str, Totals]]  # per theme, over the province
    totals: Totals


_STATUS_KEYS = {
    AlignmentStatus.ALIGNED.value: "aligned",
    AlignmentStatus.PARTIAL.value: "partial",
    AlignmentStatus.NOT_ADOPTED.value: "not_adopted",
}


def add_item_counts(totals: Totals, *, status: str | None, n: int, budget: Decimal | None) -> None:
    key = _STATUS_KEYS.get(status, "pending")
    totals.items += n
    setattr(totals, key, getattr(totals, key) + n)
    totals.budget_needed += budget or ZERO


def provincial_plan(*, province: Province, fiscal_year: int) -> ProvincialPlan:
    """Per district and theme: items by alignment status, budgets, proposals asked and
    approved with their amounts, proposals that missed the window. Four queries."""
    from django.db.models import Count, Sum

    districts = {
        d.pk: DistrictRollup(d.code, d.name_th) for d in District.objects.filter(province=province).order_by("code")
    }
    theme_names: dict[int, str] = {}
    theme_totals: dict[int, Totals] = defaultdict(Totals)
    totals = Totals()
    counts = (
        PlanItem.objects.filter(plan__council__subdistrict__district__province=province, plan__fiscal_year=fiscal_year)
        .order_by()
        .values_list("plan__council__subdistrict__district_id", "theme_id", "theme__name_th", "alignment__status")
        .annotate(n=Count("pk"), budget=Sum("budget_needed"))
    )
    for district_id, theme_id, theme_name, status, n, budget in counts:
        theme_names[theme_id] = theme_name
        rollup = districts[district_id]
        for t in (rollup.totals, rollup.themes[theme_id], theme_totals[theme_id], totals):
            add_item_counts(t, status=status, n=n, budget=budget)
    proposals = list(
        proposals_of(Q(council__subdistrict__district__province=province), fiscal_year=fiscal_year)
    )
    windows = proposal_windows(proposals)
    for p in proposals:
        considered, _window = windows[p.pk]
        row = ProposalRow(
            p.pk, p.title, p.status, "", "", p.council_id, p.theme_id, "", p.fiscal_year,
            p.amount_requested, p.amount_approved, None, considered,
        )  # fmt: skip
        theme_names.setdefault(p.theme_id, p.theme.name_th)
        rollup = districts[p.council.subdistrict.district_id]
        for t in (rollup.totals, rollup.themes[p.theme_id], theme_totals[p.theme_id], totals):
            t.add_proposal(row)
    themes = sorted(((pk, theme_names[pk], t) for pk, t in theme_totals.items()), key=lambda r: r[1])
    return ProvincialPlan(
        province=province, fiscal_year=fiscal_year, districts=list(districts.values()), themes=themes, totals=totals
    )


__all__ = [
    "DistrictPlan",
    "ProvincialPlan",
    "Totals",
    "compile_fiscal_year",
    "district_for_compile",
    "district_plan",
    "proposal_windows",
    "provincial_plan",
    "province_for_rollup",
]
