"""The small demo's past fiscal years (the four before the current one: 2566–2569 in 2570),
so a report of a finished year has something in every section.

For each past year and each council of the demo districts: activities spread over the year
(some held with the LAO or the district office), the year's community plan with its items
reviewed by the district officer (most aligned, a few partly or not adopted, one in ten
left pending), an assessment whose level moves from year to year (most councils improving,
one in three slipping back), and a subsidy proposal moved through the services into a
status of its year. Everything is written inside ``clock_at`` (reports/demo_clock.py), so
its history rows, ``created_at``, ``reviewed_at``, ``submitted_at`` and the proposals'
timelines carry dates of that year. Idempotent: each kind of record is skipped for a
council (or a district) that already has it for the year.
"""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal

from accounts.models import User
from agencies.choices import AgencyKind
from agencies.models import Agency
from common.thai import fiscal_year_bounds, thai_truncate
from councils.choices import ActivityKind
from councils.models import Activity, Assessment, Council, IndicatorSet
from councils.services.assessments import assessment_record
from plans.choices import AlignmentStatus as A
from plans.choices import ProposalStatus as S
from plans.demo_alignment import alignments_ensure
from plans.demo_proposals import move_to
from plans.models import Alignment, CommunityPlan, PlanItem, SubsidyProposal
from plans.services import proposals as proposal_services

from .demo_clock import clock_at, moment

PAST_YEARS = 4  # 2566–2569 when the current fiscal year is 2570

# Two titles a kind, so a council's years don't read the same.
TITLES = {
    ActivityKind.COUNCIL_MEETING: ("ประชุมสภาองค์กรชุมชนตำบลประจำไตรมาส", "ประชุมสภาองค์กรชุมชนตำบลเพื่อทบทวนแผนพัฒนาตำบล"),
    ActivityKind.FORUM: ("เวทีปรึกษาหารือแผนพัฒนาตำบลร่วมกับ อบต.", "เวทีประชาคมตำบลจัดลำดับปัญหาและความต้องการ"),
    ActivityKind.PROJECT: ("ปลูกป่าชุมชนและทำแนวกันไฟ", "สร้างฝายชะลอน้ำร่วมกับโรงเรียนและ อบต."),
    ActivityKind.TRAINING: ("อบรมการจัดทำแผนพัฒนาชุมชน", "อบรมการจัดทำบัญชีกองทุนสวัสดิการชุมชน"),
    ActivityKind.ANTI_CORRUPTION: ("เวทีเฝ้าระวังการทุจริตในโครงการท้องถิ่น", "ตรวจติดตามโครงการก่อสร้างถนนร่วมกับอำเภอ"),
    ActivityKind.ELECTION_SUPPORT: ("รณรงค์การเลือกตั้งสมาชิกสภาองค์กรชุมชน", "ประชาสัมพันธ์การเลือกตั้งผู้แทนชุมชน"),
    ActivityKind.LEARNING_EXCHANGE: ("แลกเปลี่ยนเรียนรู้กับตำบลพี่เลี้ยง", "ศึกษาดูงานธนาคารต้นไม้ตำบลข้างเคียง"),
    ActivityKind.OTHER: ("ซ่อมแซมบ้านผู้สูงอายุที่อยู่ลำพัง", "สำรวจข้อมูลครัวเรือนเปราะบางในตำบล"),
}
OUTCOMES = [A.ALIGNED, A.ALIGNED, A.PARTIAL, A.ALIGNED, A.NOT_ADOPTED, A.ALIGNED, A.PARTIAL, A.ALIGNED, A.ALIGNED, A.PENDING]  # fmt: skip
STATUSES = [S.REPORTED, S.CARRIED_OUT, S.PARTLY_APPROVED, S.NOT_APPROVED, S.REPORTED, S.WITHDRAWN, S.APPROVED, S.UNDER_CONSIDERATION]  # fmt: skip
PLAN_ITEMS = [
    ("vulnerable-groups", "ซ่อมแซมที่อยู่อาศัยผู้ยากไร้และผู้สูงอายุ", Decimal("150000")),
    ("natural-resources", "จัดทำแนวกันไฟและฝายชะลอน้ำ", Decimal("80000")),
    ("community-economy", "ส่งเสริมกลุ่มอาชีพแปรรูปผลผลิตทางการเกษตร", Decimal("120000")),
    ("welfare", "จัดตั้งกองทุนสวัสดิการชุมชนระดับตำบล", Decimal("50000")),
    ("health", "คัดกรองสุขภาพและดูแลผู้ป่วยติดเตียง", Decimal("60000")),
]


def past_years(fiscal_year: int) -> list[int]:
    return list(range(fiscal_year - PAST_YEARS, fiscal_year))


def past_years_ensure(*, districts, fiscal_year: int, themes: dict, profiles, indicator_set_name: str) -> None:
    councils = list(
        Council.objects.filter(subdistrict__district__in=districts)
        .select_related("subdistrict__district", "lao")
        .order_by("subdistrict__code")
    )
    offices = {a.district_id: a for a in Agency.objects.filter(kind=AgencyKind.DISTRICT_OFFICE, district__in=districts)}
    users = {
        u.username: u
        for u in User.objects.filter(username__in=["admin", "codi_national", "district_d1", "district_d2"])
    }
    officers = {districts[0].pk: users["district_d1"], districts[1].pk: users["district_d2"]}
    indicator_set = IndicatorSet.objects.prefetch_related("indicators").get(name=indicator_set_name)
    _council_themes(councils, themes, since=fiscal_year_bounds(fiscal_year - PAST_YEARS)[0])
    for year in past_years(fiscal_year):
        start, end = fiscal_year_bounds(year)
        _activities(councils, year, start, offices)
        _plans(councils, year, start, themes)
        for district in districts:
            step = _stepper(moment(start + dt.timedelta(days=20)), days=9)
            alignments_ensure(
                district=district, by=officers[district.pk], fiscal_year=year, outcomes=OUTCOMES, step=step
            )
        _assessments(councils, year, end, indicator_set, profiles, by=users["codi_national"], back=fiscal_year - year)
        _proposals(councils, year, start, by=users["admin"])


def _council_themes(councils, themes, *, since: dt.date) -> None:
    """Two themes each council works on, given before the first past year (so the reports
    of every year rank the activities by theme); a council with themes is left alone."""
    codes = [code for code, *_ in PLAN_ITEMS]
    with_themes = set(Council.themes.through.objects.filter(council__in=councils).values_list("council_id", flat=True))
    for i, council in enumerate(councils):
        if council.pk not in with_themes:
            with clock_at(moment(since)):
                council.themes.set([themes[codes[i % len(codes)]], themes[codes[(i + 2) % len(codes)]]])


def _stepper(first: dt.datetime, *, days: int):
    """A ``step`` for the demo's moves: each call a clock some ``days`` after the last."""
    now = [first]

    def step():
        when = now[0]
        now[0] = when + dt.timedelta(days=days)
        return clock_at(when)

    return step


def _activities(councils, year, start, offices) -> None:
    have = set(Activity.objects.filter(council__in=councils, fiscal_year=year).values_list("council_id", flat=True))
    kinds = list(ActivityKind)
    for i, council in enumerate(councils):
        if council.pk in have:
            continue
        rng = random.Random(f"{council.subdistrict.code}-{year}")
        for q in range(4):  # one a quarter, and a second in two quarters
            for extra in range(1 + (q % 2)):
                kind = kinds[(i + q * 2 + extra + year) % len(kinds)]
                day = start + dt.timedelta(days=q * 91 + rng.randrange(5, 85))
                with clock_at(moment(day, 16)):
                    activity = Activity.objects.create(
                        council=council,
                        date=day,
                        kind=kind,
                        title=TITLES[kind][(year + extra) % 2],
                        description="บันทึกผลการดำเนินงานของสภาองค์กรชุมชนตำบล (ข้อมูลตัวอย่าง)",
                        participants=rng.randrange(15, 140),
                        fiscal_year=year,
                    )
                    if kind in (ActivityKind.FORUM, ActivityKind.PROJECT) and council.lao_id:
                        activity.agencies.add(council.lao)
                    elif kind == ActivityKind.ANTI_CORRUPTION and council.subdistrict.district_id in offices:
                        activity.agencies.add(offices[council.subdistrict.district_id])


def _plans(councils, year, start, themes) -> None:
    have = set(
        CommunityPlan.objects.filter(council__in=councils, fiscal_year=year).values_list("council_id", flat=True)
    )
    for i, council in enumerate(councils):
        if council.pk in have:
            continue
        adopted = start - dt.timedelta(days=120)  # the council adopts next year's plan in June
        with clock_at(moment(adopted, 14)):
            plan = CommunityPlan.objects.create(
                council=council,
                fiscal_year=year,
                title=f"แผนพัฒนาตำบล{council.subdistrict.name_th} ปีงบประมาณ {year}",
                adopted_on=adopted,
            )
            for n in range(3):
                theme_code, description, budget = PLAN_ITEMS[(i + year + n) % len(PLAN_ITEMS)]
                item = PlanItem.objects.create(
                    plan=plan,
                    theme=themes[theme_code],
                    title=description,
                    description=description,
                    budget_needed=budget,
                    target_agency=council.lao,
                )
                Alignment.objects.create(plan_item=item)


def _scores(profile, *, council_index: int, years_back: int) -> list[int]:
    """A council's scores ``years_back`` years before its current profile: most councils
    scored lower then (they improved), one in three scored higher (it slipped back)."""
    if council_index % 3 == 2:
        return [min(5, s + (years_back + 1) // 2) for s in profile]
    return [max(1, s - (years_back + 1) // 2) for s in profile]


def _assessments(councils, year, end, indicator_set, profiles, *, by, back: int) -> None:
    have = set(Assessment.objects.filter(council__in=councils, fiscal_year=year).values_list("council_id", flat=True))
    indicators = sorted(indicator_set.indicators.all(), key=lambda i: i.order)
    day = end - dt.timedelta(days=45)  # assessed in August
    for i, council in enumerate(councils):
        if council.pk in have:
            continue
        scores = _scores(profiles[i % len(profiles)], council_index=i, years_back=back)
        with clock_at(moment(day)):
            assessment_record(
                council=council,
                fiscal_year=year,
                scores={ind.pk: Decimal(s) for ind, s in zip(indicators, scores, strict=True)},
                by=by,
                assessed_on=day,
                note="ผลการประเมินตนเองร่วมกับทีมประเมินระดับจังหวัด",
                indicator_set=indicator_set,
            )


def _proposals(councils, year, start, *, by) -> None:
    have = set(
        SubsidyProposal.objects.filter(council__in=councils, fiscal_year=year).values_list("council_id", flat=True)
    )
    for i, council in enumerate(councils):
        if council.pk in have or council.lao is None:
            continue
        item = PlanItem.objects.filter(plan__council=council, plan__fiscal_year=year).select_related("theme").first()
        if item is None:
            continue
        budget = item.budget_needed
        lines = [
            ("ค่าวัสดุอุปกรณ์", (budget * Decimal("0.5")).quantize(Decimal("1"))),
            ("ค่าอาหารและเครื่องดื่มผู้เข้าร่วม", (budget * Decimal("0.3")).quantize(Decimal("1"))),
        ]
        # Asked in May for the LAO's budget of the coming year, answered over the year.
        step = _stepper(moment(start - dt.timedelta(days=140)), days=45)
        with step():
            proposal = proposal_services.proposal_create(
                council=council,
                by=by,
                recipient=council.lao,
                theme=item.theme,
                plan_items=[item],
                fiscal_year=year,
                title=f"โครงการ{thai_truncate(item.title, 80)} ตำบล{council.subdistrict.name_th} ปี {year}",
                budget_lines=lines,
                target_group="ครัวเรือนเปราะบางและผู้สูงอายุในตำบล",
                objective="เพื่อดำเนินการตามแผนพัฒนาชุมชนที่สภาองค์กรชุมชนตำบลจัดทำร่วมกับชาวบ้าน",
            )
        move_to(proposal, STATUSES[(i + year) % len(STATUSES)], by=by, step=step)
