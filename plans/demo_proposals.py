"""Demo subsidy proposals for the small demo world (reports/demo.py calls
``proposals_ensure``): the councils of the given districts each ask their LAO, through
the services, and the LAO's answers put them in every status: a draft, submitted,
received, under consideration, approved, partly approved, not approved, carried out,
reported and withdrawn, in every district. Idempotent: a council that already has a
proposal is left alone."""

from __future__ import annotations

from contextlib import nullcontext
from decimal import Decimal

from django.db import transaction

from agencies.models import Agency
from common.thai import thai_truncate
from councils.models import Council

from .choices import ProposalStatus as S
from .models import PlanItem, SubsidyProposal
from .services import proposals as services

# Dealt to each district's councils in code order: the first (the demo's council_x) gets a
# submitted proposal and a draft, the others the rest in turn (a council may get two), so
# every district's councils show every status.
FIRST_COUNCIL = (S.SUBMITTED, S.DRAFT)
OTHER_STATUSES = [
    S.RECEIVED, S.UNDER_CONSIDERATION, S.APPROVED, S.PARTLY_APPROVED, S.NOT_APPROVED, S.CARRIED_OUT, S.REPORTED,
    S.WITHDRAWN,
]  # fmt: skip


def deal(councils: list) -> list[tuple]:
    """[(council, statuses)] for one district's councils in code order."""
    if not councils:
        return []
    others = councils[1:] or councils[:1]
    dealt = {c.pk: [] for c in councils}
    dealt[councils[0].pk].extend(FIRST_COUNCIL)
    for n, status in enumerate(OTHER_STATUSES):
        dealt[others[n % len(others)].pk].append(status)
    return [(c, tuple(dealt[c.pk])) for c in councils]


TITLES = {
    "quality-of-life": "โครงการพัฒนาคุณภาพชีวิตผู้สูงอายุตำบล{name}",
    "vulnerable-groups": "โครงการดูแลกลุ่มเปราะบางตำบล{name}",
}


def _lao_of(council) -> Agency | None:
    if council.lao_id:
        return council.lao
    return Agency.objects.local_governments().filter(subdistrict=council.subdistrict).order_by("pk").first()


def move_to(proposal, status, *, by, step=nullcontext) -> None:
    """Move a draft to ``status`` through the services; each move runs inside ``step()``
    (the past years' demo passes a clock that moves on a few weeks a move)."""
    pk = proposal.pk
    if status == S.DRAFT:
        return
    with step():
        services.proposal_submit(proposal_id=pk, by=by)
    if status == S.SUBMITTED:
        return
    if status == S.WITHDRAWN:
        with step():
            services.proposal_withdraw(proposal_id=pk, by=by, note="ได้รับงบจากกองทุนหลักประกันสุขภาพตำบลแล้ว")
        return
    with step():
        services.proposal_receive(proposal_id=pk, by=by, note="รับเรื่องไว้พิจารณา")
    if status == S.RECEIVED:
        return
    with step():
        services.proposal_consider(proposal_id=pk, by=by, note="เสนอคณะกรรมการพัฒนาท้องถิ่น")
    if status == S.UNDER_CONSIDERATION:
        return
    asked = proposal.amount_requested
    if status == S.NOT_APPROVED:
        with step():
            services.proposal_reject(proposal_id=pk, by=by, note="ซ้ำกับโครงการในแผนพัฒนาท้องถิ่นที่ดำเนินการอยู่แล้ว")
        return
    if status == S.PARTLY_APPROVED:
        with step():
            services.proposal_partly_approve(
                proposal_id=pk, by=by, amount=(asked * Decimal("0.6")).quantize(Decimal("1")), note="งบอุดหนุนปีนี้มีจำกัด"
            )
        return
    with step():
        services.proposal_approve(proposal_id=pk, by=by, amount=asked)
    if status == S.APPROVED:
        return
    with step():
        services.proposal_carry_out(proposal_id=pk, by=by, note="โอนงบอุดหนุนแล้ว")
    if status == S.CARRIED_OUT:
        return
    with step():
        services.proposal_report(proposal_id=pk, by=by, result="ดำเนินการครบตามแผน ผู้ได้รับประโยชน์ 120 คน")


@transaction.atomic
def proposals_ensure(*, districts, by, fiscal_year: int) -> int:
    """Proposals for the councils of ``districts`` (made and moved by ``by``, an
    administrator). Returns how many were created."""
    councils = list(
        Council.objects.filter(subdistrict__district__in=districts)
        .select_related("subdistrict", "lao")
        .order_by("subdistrict__code")
    )
    by_district: dict[int, list] = {}
    for council in councils:
        by_district.setdefault(council.subdistrict.district_id, []).append(council)
    made = 0
    for council, statuses in (pair for group in by_district.values() for pair in deal(group)):
        if SubsidyProposal.objects.filter(council=council, fiscal_year=fiscal_year).exists():
            continue
        lao = _lao_of(council)
        items = list(PlanItem.objects.filter(plan__council=council).select_related("plan", "theme").order_by("pk"))
        if lao is None or not items:
            continue
        for n, status in enumerate(statuses):
            item = items[n % len(items)]
            name = council.subdistrict.name_th
            title = TITLES.get(item.theme.code, "โครงการ{title} ตำบล{name}").format(
                name=name, title=thai_truncate(item.title, 80)
            )
            budget = item.budget_needed
            lines = [("ค่าวัสดุอุปกรณ์", (budget * Decimal("0.5")).quantize(Decimal("1"))),
                     ("ค่าอาหารและเครื่องดื่มผู้เข้าร่วม", (budget * Decimal("0.3")).quantize(Decimal("1")))]  # fmt: skip
            proposal = services.proposal_create(
                council=council, by=by, recipient=lao, theme=item.theme, plan_items=[item], fiscal_year=fiscal_year,
                title=title, budget_lines=lines, target_group="ผู้สูงอายุและผู้พิการในตำบล",
                objective="เพื่อแก้ปัญหาตามแผนพัฒนาชุมชนที่สภาองค์กรชุมชนตำบลจัดทำร่วมกับชาวบ้าน",
            )  # fmt: skip
            move_to(proposal, status, by=by)
            made += 1
    return made
