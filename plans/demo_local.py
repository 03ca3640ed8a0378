"""Demo LAO local development plans (แผนพัฒนาท้องถิ่น) for the demo worlds.

``local_plans_ensure`` gives each LAO it is handed a plan of the 5-year cycle holding the
current fiscal year (2566–2570 today): the projects of the plan as adopted, each with its
strategy, work plan and budget per year, and one addition "เพิ่มเติม ครั้งที่ 1/2568"
bringing in two more. Written in bulk (with simple-history's "+" rows) so the national
world (7,000+ LAOs) stays fast; ``fiscal_year``/``budget`` of each project are set from its
lines exactly as the services set them. Idempotent: an LAO that already has a plan of
that cycle is left alone. reports/demo.py calls it for the small and the national world.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from .choices import AmendmentKind
from .models import LocalPlan, LocalPlanAmendment, LocalPlanProject, LocalPlanProjectBudget
from .models.local import PLAN_CYCLE_YEARS

FIRST_CYCLE_START = 2566  # แผนพัฒนาท้องถิ่น (พ.ศ. 2566–2570)
INFRA = ("ยุทธศาสตร์การพัฒนาด้านโครงสร้างพื้นฐาน", "แผนงานอุตสาหกรรมและการโยธา")
LIFE = "ยุทธศาสตร์การพัฒนาคุณภาพชีวิต"
NATURE = ("ยุทธศาสตร์การบริหารจัดการทรัพยากรธรรมชาติและสิ่งแวดล้อม", "แผนงานการเกษตร")
ECONOMY = ("ยุทธศาสตร์การพัฒนาเศรษฐกิจชุมชน", "แผนงานสร้างความเข้มแข็งของชุมชน")


def _k(n: int) -> Decimal:
    return Decimal(n * 1000)


# (strategy, work plan, title, theme code, {year offset: budget}, objective, target, indicator, result)
# The first two titles are the demo community plan items the national world aligns to
# (reports/demo.py PLAN_ITEMS), budgeted every year so they meet every year's items.
# fmt: off
ADOPTED = [
    (LIFE, "แผนงานสังคมสงเคราะห์", "ซ่อมแซมที่อยู่อาศัยผู้ยากไร้และผู้สูงอายุ", "vulnerable-groups",
     {0: _k(150), 1: _k(150), 2: _k(200), 3: _k(200), 4: _k(200)},
     "เพื่อให้ผู้ยากไร้และผู้สูงอายุมีที่อยู่อาศัยที่มั่นคงปลอดภัย", "ซ่อมแซมบ้าน ปีละ 10 หลัง",
     "จำนวนหลังคาเรือนที่ได้รับการซ่อมแซม", "ผู้ยากไร้มีคุณภาพชีวิตดีขึ้น"),
    (*NATURE, "จัดทำแนวกันไฟและฝายชะลอน้ำ", "natural-resources",
     {0: _k(80), 1: _k(80), 2: _k(80), 3: _k(100), 4: _k(100)},
     "เพื่อป้องกันไฟป่าและเก็บกักน้ำไว้ใช้ในฤดูแล้ง", "แนวกันไฟ 5 กิโลเมตร ฝายชะลอน้ำ 10 แห่ง",
     "จำนวนฝายและระยะแนวกันไฟ", "ป่าต้นน้ำชุ่มชื้น ลดการเกิดไฟป่า"),
    (*INFRA, "ก่อสร้างถนนคอนกรีตเสริมเหล็ก หมู่ที่ 3", None,
     {0: _k(495), 2: _k(480)},
     "เพื่อให้ประชาชนสัญจรไปมาสะดวกและปลอดภัย", "กว้าง 4 เมตร ยาว 220 เมตร หนา 0.15 เมตร",
     "ความยาวถนนที่ก่อสร้าง", "ประชาชนเดินทางและขนส่งผลผลิตได้สะดวก"),
    (LIFE, "แผนงานสาธารณสุข", "คัดกรองสุขภาพและดูแลผู้ป่วยติดเตียง", "health",
     {1: _k(60), 2: _k(60), 3: _k(60), 4: _k(60)},
     "เพื่อค้นหาผู้ป่วยโรคเรื้อรังและดูแลผู้ป่วยติดเตียงถึงบ้าน", "ผู้สูงอายุและผู้ป่วยติดเตียงทุกหมู่บ้าน",
     "ร้อยละของผู้สูงอายุที่ได้รับการคัดกรอง", "ผู้ป่วยได้รับการดูแลต่อเนื่อง"),
    (LIFE, "แผนงานการศึกษา", "สนับสนุนอาหารกลางวันศูนย์พัฒนาเด็กเล็ก", "quality-of-life",
     {0: _k(245), 1: _k(250), 2: _k(250), 3: _k(260), 4: _k(260)},
     "เพื่อให้เด็กเล็กได้รับอาหารกลางวันที่มีคุณค่าทางโภชนาการ", "เด็กเล็ก 35 คน 245 วัน",
     "ร้อยละของเด็กที่มีน้ำหนักตามเกณฑ์", "เด็กเล็กมีพัฒนาการสมวัย"),
    (*ECONOMY, "ส่งเสริมกลุ่มอาชีพแปรรูปผลผลิตทางการเกษตร", "community-economy",
     {1: _k(40), 3: _k(40)},
     "เพื่อเพิ่มมูลค่าผลผลิตและรายได้ของครัวเรือน", "กลุ่มอาชีพ 3 กลุ่ม 60 คน",
     "จำนวนกลุ่มที่มีผลิตภัณฑ์วางจำหน่าย", "ครัวเรือนมีรายได้เพิ่มขึ้น"),
]
ADDED_2568 = [
    (*INFRA, "ติดตั้งระบบประปาหมู่บ้านพลังงานแสงอาทิตย์ หมู่ที่ 2", None,
     {3: _k(350)},
     "เพื่อให้ประชาชนมีน้ำประปาสะอาดใช้ตลอดปี", "ระบบประปาบาดาลพลังงานแสงอาทิตย์ 1 แห่ง",
     "จำนวนครัวเรือนที่ใช้น้ำประปา", "ประชาชนมีน้ำใช้เพียงพอ ลดค่าไฟฟ้า"),
    (*ECONOMY, "จัดตั้งกองทุนสวัสดิการชุมชนระดับตำบล", "welfare",
     {2: _k(50), 3: _k(50), 4: _k(50)},
     "เพื่อสมทบกองทุนสวัสดิการชุมชนให้ดูแลสมาชิกตั้งแต่เกิดจนตาย", "สมาชิกกองทุน 500 คน",
     "จำนวนสมาชิกที่ได้รับสวัสดิการ", "ชุมชนมีระบบสวัสดิการของตนเอง"),
]
# fmt: on
UNITS = {"แผนงานอุตสาหกรรมและการโยธา": "กองช่าง", "แผนงานสร้างความเข้มแข็งของชุมชน": "สำนักปลัด"}
HISTORY = "demo local plans"


def cycle_start(fiscal_year: int) -> int:
    """First year of the 5-year cycle holding ``fiscal_year`` (2566 for 2566–2570)."""
    return FIRST_CYCLE_START + PLAN_CYCLE_YEARS * ((fiscal_year - FIRST_CYCLE_START) // PLAN_CYCLE_YEARS)


def local_plans_ensure(*, laos, fiscal_year: int, themes: dict) -> list[LocalPlanProject]:
    """A plan (with its projects, budget lines and one addition) for each LAO that has no
    plan of the cycle holding ``fiscal_year``. Returns the projects made."""
    start = cycle_start(fiscal_year)
    laos = list(laos)
    had = set(LocalPlan.objects.filter(lao__in=laos, start_year=start).values_list("lao_id", flat=True))
    laos = [lao for lao in laos if lao.pk not in had]
    if not laos:
        return []
    history = {"default_date": timezone.now(), "default_change_reason": HISTORY}
    adopted_on = dt.date(start - 543 - 1, 6, 30)  # announced in the June before the cycle
    addition_year = start + 2
    plans = bulk_create_with_history(
        [
            LocalPlan(
                lao=lao, start_year=start, end_year=start + PLAN_CYCLE_YEARS - 1, adopted_on=adopted_on,
                title=f"แผนพัฒนาท้องถิ่น (พ.ศ. {start}–{start + PLAN_CYCLE_YEARS - 1}) {lao.name}",
            )
            for lao in laos
        ],
        LocalPlan, batch_size=2000, **history,
    )  # fmt: skip
    amendments = bulk_create_with_history(
        [
            LocalPlanAmendment(
                local_plan=plan, kind=AmendmentKind.ADDITION, number=1, year=addition_year,
                effective_on=dt.date(addition_year - 543, 3, 14),
                note="เพิ่มเติมโครงการประปาหมู่บ้านและกองทุนสวัสดิการชุมชนตามเวทีประชาคม",
            )
            for plan in plans
        ],
        LocalPlanAmendment, batch_size=2000, **history,
    )  # fmt: skip
    specs, projects = [], []
    for plan, amendment in zip(plans, amendments, strict=True):
        rows = [(row, None) for row in ADOPTED] + [(row, amendment) for row in ADDED_2568]
        for number, (row, added_by) in enumerate(rows, start=1):
            strategy, work_plan, title, theme_code, by_offset, objective, target, indicator, result = row
            lines = {start + offset: amount for offset, amount in by_offset.items()}
            specs.append(lines)
            projects.append(
                LocalPlanProject(
                    lao_id=plan.lao_id, local_plan=plan, added_by=added_by, number=str(number), strategy=strategy,
                    work_plan=work_plan, title=title, theme=themes.get(theme_code) if theme_code else None,
                    fiscal_year=min(lines), budget=sum(lines.values(), Decimal("0")), objective=objective,
                    target=target, location="ทุกหมู่บ้านในตำบล" if number % 2 else "หมู่ที่ 3",
                    indicator=indicator, expected_result=result, responsible_unit=UNITS.get(work_plan, work_plan.replace("แผนงาน", "กอง", 1)),
                )
            )  # fmt: skip
    projects = bulk_create_with_history(projects, LocalPlanProject, batch_size=5000, **history)
    LocalPlanProjectBudget.objects.bulk_create(
        [
            LocalPlanProjectBudget(project=project, fiscal_year=year, amount=amount)
            for project, lines in zip(projects, specs, strict=True)
            for year, amount in sorted(lines.items())
        ],
        batch_size=10000,
    )
    return projects
