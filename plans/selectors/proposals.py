"""Every read of subsidy proposals, scoped to the user.

A proposal is inside a user's scope when its council's tambon is (or, for agency staff,
when it was addressed to their agency): outside it, a lookup answers 404. Inside it the
rule ``permissions.can_view_proposal`` decides (a draft is the council's own; another
agency's staff do not read it): the lists apply the same rule in SQL
(``proposals_for``), so a list never shows a row its page would refuse.
"""

from __future__ import annotations

from django.db.models import Prefetch, Q, QuerySet, Sum

from accounts.choices import Role
from accounts.scoping import scope_for
from agencies.models import Agency
from agencies.selectors import agencies_covering
from councils.models import Council

from ..choices import PROPOSAL_OPEN_STATUSES, ProposalStatus
from ..models import PlanItem, ProposalBudgetLine, ProposalDocument, ProposalEvent, SubsidyProposal

PROPOSAL_JOINS = ("council__subdistrict__district__province", "recipient", "theme")


def _readable_q(user) -> Q:
    """The rows of ``can_view_proposal``, as a Q on SubsidyProposal (within visible_to)."""
    scope = scope_for(user)
    if scope.has_role(Role.ADMINISTRATOR):
        return Q()
    own = Q(council_id__in=scope.council_ids)
    shared = Q(pk__in=[])
    if scope.agency_ids:
        shared |= Q(recipient_id__in=scope.agency_ids)
    if scope.has_role(Role.DISTRICT_OFFICER) and scope.district_ids:
        shared |= Q(council__subdistrict__district_id__in=scope.district_ids)
    if scope.has_role(Role.CODI_STAFF):
        shared |= scope.area_q("council__subdistrict")
    return own | (shared & ~Q(status=ProposalStatus.DRAFT))


def proposals_for(
    *, user, status: str = "", fiscal_year: int | None = None, council: Council | None = None, to_mine: bool = False
) -> QuerySet[SubsidyProposal]:
    """The proposals the user may read, newest first, filtered by status, fiscal year,
    council; ``to_mine`` keeps those addressed to the user's own agencies."""
    qs = SubsidyProposal.objects.visible_to(user).filter(_readable_q(user)).select_related(*PROPOSAL_JOINS)
    if status:
        qs = qs.filter(status=status)
    if fiscal_year:
        qs = qs.filter(fiscal_year=fiscal_year)
    if council is not None:
        qs = qs.filter(council=council)
    if to_mine:
        qs = qs.filter(recipient_id__in=scope_for(user).agency_ids)
    return qs.order_by("-fiscal_year", "-submitted_at", "-created_at", "-pk")


def proposal_for(*, user, pk) -> SubsidyProposal:
    """One proposal inside the user's scope (SubsidyProposal.DoesNotExist: a 404), joined."""
    return (
        SubsidyProposal.objects.visible_to(user)
        .select_related(*PROPOSAL_JOINS, "created_by", "decided_by")
        .prefetch_related(
            Prefetch("plan_items", queryset=PlanItem.objects.select_related("plan", "theme").order_by("pk")),
            Prefetch("budget_lines", queryset=ProposalBudgetLine.objects.order_by("position", "pk")),
            Prefetch("documents", queryset=ProposalDocument.objects.order_by("created_at", "pk")),
        )
        .get(pk=pk)
    )


def proposal_events(*, proposal) -> QuerySet[ProposalEvent]:
    return proposal.events.select_related("by").order_by("at", "pk")


def proposal_document_for(*, proposal, pk) -> ProposalDocument:
    return proposal.documents.get(pk=pk)


def council_for_proposal(*, user, code: str) -> Council:
    """The council (by its tambon code) inside the user's scope (Council.DoesNotExist: 404)."""
    return Council.objects.visible_to(user).select_related("subdistrict__district__province").get(subdistrict__code=code)


def recipients_for(*, council) -> QuerySet[Agency]:
    """The agencies a council may address a proposal to: those whose area covers its
    tambon (its LAO and other local governments there, its district's, its province's and
    national ones), the nearest first."""
    return agencies_covering(subdistrict=council.subdistrict)


def plan_items_for_proposal(*, council) -> QuerySet[PlanItem]:
    """The council's plan items a proposal may be drawn from, newest plan first."""
    return (
        PlanItem.objects.filter(plan__council=council)
        .select_related("plan", "theme")
        .order_by("-plan__fiscal_year", "theme__name_th", "pk")
    )


def planned_budget(*, plan_items) -> int:
    """The total budget_needed of some plan items."""
    ids = [item.pk for item in plan_items]
    return PlanItem.objects.filter(pk__in=ids).aggregate(total=Sum("budget_needed"))["total"] or 0


def proposals_waiting_for_agencies(*, agency_ids) -> QuerySet[SubsidyProposal]:
    """Proposals addressed to these agencies that wait on them (submitted, received, under
    consideration), oldest submission first: the agency inbox's section."""
    return (
        SubsidyProposal.objects.filter(recipient_id__in=agency_ids, status__in=PROPOSAL_OPEN_STATUSES)
        .select_related("council", "theme")
        .order_by("submitted_at", "pk")
    )


def councils_preparing(*, user) -> QuerySet[Council]:
    """The councils whose proposals the user prepares (their own as council staff)."""
    return Council.objects.filter(pk__in=scope_for(user).council_ids).select_related("subdistrict").order_by("name")
