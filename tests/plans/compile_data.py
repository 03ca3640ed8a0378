"""Data for the district plan tests and bench: tambons of one district with plan items in
every alignment status, LAO projects, proposals in several statuses (made here, not by a
factory, so no other part's factory is needed)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.utils import timezone

from plans.choices import AlignmentStatus, ProposalStatus
from plans.models import Alignment, CommunityPlan, PlanItem, SubsidyProposal
from tests.factories import AgencyFactory, CouncilFactory, LocalPlanProjectFactory, SubdistrictFactory, ThemeFactory

STATUSES = [AlignmentStatus.ALIGNED, AlignmentStatus.PARTIAL, AlignmentStatus.NOT_ADOPTED, AlignmentStatus.PENDING]
TITLES = [
    "ซ่อมแซมบ้านผู้สูงอายุที่อยู่ลำพัง",
    "ขุดลอกลำเหมืองสาธารณะหมู่ที่ ๓",
    "ฝึกอาชีพทำขนมไทยให้กลุ่มแม่บ้าน",
    "ตั้งกองทุนสวัสดิการชุมชนเพื่อผู้พิการ",
    "ปลูกป่าชุมชนต้นน้ำน้ำแม่กลาง",
]


def proposal(*, council, recipient, theme, items=(), status=ProposalStatus.SUBMITTED, requested="30000",
             approved=None, fiscal_year=2569, considered_in=None, submitted_on=dt.date(2025, 7, 1), title="โครงการ"):
    p = SubsidyProposal.objects.create(
        council=council, recipient=recipient, theme=theme, fiscal_year=fiscal_year, title=title,
        amount_requested=Decimal(requested), amount_approved=Decimal(approved) if approved is not None else None,
        status=status, considered_in_year=considered_in,
        submitted_at=timezone.make_aware(dt.datetime.combine(submitted_on, dt.time(10))) if submitted_on else None,
    )  # fmt: skip
    p.plan_items.set(items)
    return p


def big_district(district, *, tambons: int, items: int, themes: int = 5, fiscal_year: int = 2569) -> list:
    """``tambons`` councils in ``district``, each with one plan of ``items`` items spread over
    ``themes`` themes and the four statuses; half the aligned ones to an LAO project; one
    proposal per tambon per theme. Bulk writes: fast enough for 20 × 30."""
    theme_rows = [ThemeFactory(code=f"bench-{k}", name_th=f"ประเด็นทดสอบ {k}") for k in range(themes)]
    councils = []
    for t in range(tambons):
        council = CouncilFactory(subdistrict=SubdistrictFactory(district=district))
        lao = AgencyFactory(subdistrict=council.subdistrict)
        project = LocalPlanProjectFactory(lao=lao, fiscal_year=fiscal_year)
        # Most plans are adopted before the budget draft (15 Aug of the year before); every
        # fifth tambon's late, so its items miss the window.
        adopted = dt.date(2568 - 543 + (fiscal_year - 2569), 8, 20 if t % 5 == 4 else 1)
        plan = CommunityPlan.objects.create(
            council=council, fiscal_year=fiscal_year, title="แผนพัฒนาชุมชน", adopted_on=adopted
        )
        rows = PlanItem.objects.bulk_create(
            PlanItem(
                plan=plan, theme=theme_rows[i % themes], title=f"{TITLES[i % len(TITLES)]} ({i + 1})",
                description="รายละเอียดของรายการ", target_group="ผู้สูงอายุ", location=f"หมู่ที่ {i % 9 + 1}",
                budget_needed=Decimal(10000 + 1000 * i), target_agency=lao,
            )
            for i in range(items)
        )  # fmt: skip
        Alignment.objects.bulk_create(
            Alignment(
                plan_item=item, status=STATUSES[i % 4],
                local_plan_project=project if STATUSES[i % 4] == AlignmentStatus.ALIGNED else None,
            )
            for i, item in enumerate(rows)
        )  # fmt: skip
        for k, theme in enumerate(theme_rows):
            proposal(council=council, recipient=lao, theme=theme, items=rows[k::themes][:2],
                     status=ProposalStatus.APPROVED if k % 2 else ProposalStatus.SUBMITTED,
                     approved="20000" if k % 2 else None, title=f"โครงการขอรับงบ {theme.name_th}")
        councils.append(council)
    return councils
