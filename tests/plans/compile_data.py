"""Data for the district plan tests and bench: tambons of one district with plan items in
every alignment status, LAO projects, proposals in several statuses (made here, not by a
factory, so no other part's factory is needed)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.utils import timezone

from plans.choices import AlignmentStatus, ProposalStatus
from plans.models import Alignment, CommunityPlan, PlanItem, SubsidyProposal
from tests.factories import (
    AgencyFactory,
    CommunityPlanFactory,
    CouncilFactory,
    LocalPlanProjectFactory,
    MissionFactory,
    PlanItemFactory,
    SubdistrictFactory,
    ThemeFactory,
)

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


def _review(item, status, **fields):
    Alignment.objects.filter(plan_item=item).update(status=status, **fields)


def district_data(world):
    """District D: X has 3 items (welfare: aligned to the LAO's project, partial; water: pending),
    Y has 2 (welfare: not adopted, with a mission; water: aligned). Z (district E) has one.
    Proposals of 2569: X welfare approved 25,000 of 30,000 over two items; Y water submitted
    late (considered in 2570); X water withdrawn; Y welfare a draft (not shown); Z one."""
    welfare = ThemeFactory(code="welfare", name_th="สวัสดิการสังคม")
    water = ThemeFactory(code="water", name_th="การจัดการน้ำ")
    adopted = dt.date(2025, 6, 1)  # before 15 Aug 2568 (CE 2025): in time for 2569
    plan_x = CommunityPlanFactory(council=world.council_x, fiscal_year=2569, adopted_on=adopted)
    plan_y = CommunityPlanFactory(council=world.council_y, fiscal_year=2569, adopted_on=dt.date(2025, 8, 20))
    plan_z = CommunityPlanFactory(council=world.council_z, fiscal_year=2569, adopted_on=adopted)
    project = LocalPlanProjectFactory(lao=world.lao, title="โครงการซ่อมแซมบ้านผู้ยากไร้", budget=Decimal("80000"))
    cdd = AgencyFactory(subdistrict=world.council_y.subdistrict, name="สำนักงานพัฒนาชุมชนอำเภอจอมทอง")
    mission = MissionFactory(agency=cdd, theme=welfare, fiscal_year=2569, title="ส่งเสริมสวัสดิการชุมชน")
    items = {
        "x1": PlanItemFactory(plan=plan_x, theme=welfare, title="ซ่อมบ้านผู้สูงอายุ", budget_needed=Decimal("40000")),
        "x2": PlanItemFactory(plan=plan_x, theme=welfare, title="=HYPERLINK(\"http://x\")", budget_needed=Decimal("10000")),
        "x3": PlanItemFactory(plan=plan_x, theme=water, title="ขุดลอกลำเหมือง", budget_needed=Decimal("60000")),
        "y1": PlanItemFactory(plan=plan_y, theme=welfare, title="กองทุนสวัสดิการ", budget_needed=Decimal("20000")),
        "y2": PlanItemFactory(plan=plan_y, theme=water, title="ฝายชะลอน้ำ", budget_needed=Decimal("15000")),
        "z1": PlanItemFactory(plan=plan_z, theme=water, title="ประปาหมู่บ้าน", budget_needed=Decimal("99000")),
    }
    _review(items["x1"], AlignmentStatus.ALIGNED, local_plan_project=project)
    _review(items["x2"], AlignmentStatus.PARTIAL)
    _review(items["y1"], AlignmentStatus.NOT_ADOPTED, mission=mission)
    _review(items["y2"], AlignmentStatus.ALIGNED)
    lao = world.lao
    proposals = {
        "approved": proposal(council=world.council_x, recipient=lao, theme=welfare, items=[items["x1"], items["x2"]],
                             status=ProposalStatus.APPROVED, requested="30000", approved="25000", considered_in=2569,
                             title="ซ่อมบ้านผู้สูงอายุ 2 หลัง"),
        "late": proposal(council=world.council_y, recipient=lao, theme=water, items=[items["y2"]],
                         requested="15000", considered_in=2570, submitted_on=dt.date(2025, 9, 1), title="ฝายชะลอน้ำ"),
        "withdrawn": proposal(council=world.council_x, recipient=lao, theme=water, items=[items["x3"]],
                              status=ProposalStatus.WITHDRAWN, requested="60000", title="ขุดลอก"),
        "draft": proposal(council=world.council_y, recipient=lao, theme=welfare, items=[items["y1"]],
                          status=ProposalStatus.DRAFT, requested="20000", submitted_on=None, title="ร่าง"),
        "z": proposal(council=world.council_z, recipient=lao, theme=water, items=[items["z1"]], requested="99000",
                      title="ประปา"),
    }  # fmt: skip
    return type("Data", (), {"items": items, "proposals": proposals, "welfare": welfare, "water": water,
                             "project": project})  # fmt: skip
