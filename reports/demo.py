"""Demo worlds: a small one for trying the portal, a national-size one for benchmarks.

Lives in ``reports`` because it is the top of the dependency chain (it may import every
app and nothing imports it). Everything is deterministic (seeded random) and idempotent.
"""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal

from django.db import transaction
from simple_history.utils import bulk_create_with_history

from accounts.choices import Role
from accounts.models import RoleAssignment, User
from agencies.choices import AgencyKind
from agencies.models import Agency
from common.thai import current_fiscal_year, fiscal_year_bounds
from councils.choices import ActivityKind, CouncilStatus, OrganizationKind
from councils.models import Activity, CommunityOrganization, Council, District, Province, Subdistrict, Theme
from plans.choices import AlignmentStatus
from plans.models import Alignment, CommunityPlan, LocalPlanProject, PlanItem

DEMO_PASSWORD = "demo-pass-2569"
SMALL_DISTRICTS = ("5002", "5004")  # จอมทอง, เชียงดาว (เชียงใหม่)

THEMES = [
    ("quality-of-life", "คุณภาพชีวิต"),
    ("vulnerable-groups", "กลุ่มเปราะบาง"),
    ("housing", "ที่อยู่อาศัยและที่ดิน"),
    ("natural-resources", "ทรัพยากรธรรมชาติและสิ่งแวดล้อม"),
    ("community-economy", "เศรษฐกิจชุมชน"),
    ("welfare", "สวัสดิการชุมชน"),
    ("health", "สุขภาวะ"),
    ("anti-corruption", "ต่อต้านการทุจริต"),
]

ACTIVITY_TITLES = {
    ActivityKind.COUNCIL_MEETING: "ประชุมสภาองค์กรชุมชนตำบลประจำไตรมาส",
    ActivityKind.FORUM: "เวทีปรึกษาหารือแผนพัฒนาตำบลร่วมกับ อบต.",
    ActivityKind.PROJECT: "ปลูกป่าชุมชนและทำแนวกันไฟ",
    ActivityKind.TRAINING: "อบรมการจัดทำแผนพัฒนาชุมชน",
    ActivityKind.ANTI_CORRUPTION: "เวทีเฝ้าระวังการทุจริตในโครงการท้องถิ่น",
    ActivityKind.ELECTION_SUPPORT: "รณรงค์การเลือกตั้งสมาชิกสภาองค์กรชุมชน",
    ActivityKind.LEARNING_EXCHANGE: "แลกเปลี่ยนเรียนรู้กับตำบลพี่เลี้ยง",
    ActivityKind.OTHER: "ซ่อมแซมบ้านผู้สูงอายุที่อยู่ลำพัง",
}

PLAN_ITEMS = [
    ("vulnerable-groups", "ซ่อมแซมที่อยู่อาศัยผู้ยากไร้และผู้สูงอายุ", Decimal("150000")),
    ("natural-resources", "จัดทำแนวกันไฟและฝายชะลอน้ำ", Decimal("80000")),
    ("community-economy", "ส่งเสริมกลุ่มอาชีพแปรรูปผลผลิตทางการเกษตร", Decimal("120000")),
    ("welfare", "จัดตั้งกองทุนสวัสดิการชุมชนระดับตำบล", Decimal("50000")),
    ("health", "คัดกรองสุขภาพและดูแลผู้ป่วยติดเตียง", Decimal("60000")),
]


def themes_ensure() -> dict[str, Theme]:
    for code, name in THEMES:
        Theme.objects.update_or_create(code=code, defaults={"name_th": name})
    return {t.code: t for t in Theme.objects.all()}


def _lao_code(subdistrict_code: str) -> str:
    # Synthetic 7-digit DLA codes: "6" + the DOPA tambon code (demo data only).
    return "6" + subdistrict_code


def _user(username, display_name, *, superuser=False) -> User:
    user, created = User.objects.get_or_create(username=username, defaults={"display_name": display_name})
    if created or not user.check_password(DEMO_PASSWORD):
        user.set_password(DEMO_PASSWORD)
    user.display_name = display_name
    user.is_staff = superuser
    user.is_superuser = superuser
    user.save()
    return user


def _assign(user, role, **target) -> None:
    provinces = target.pop("provinces", None)
    assignment, _ = RoleAssignment.objects.get_or_create(user=user, role=role, **target)
    if provinces is not None:
        assignment.provinces.set(provinces)


@transaction.atomic
def seed_small(*, today: dt.date | None = None) -> list[tuple[str, str]]:
    """Two districts of Chiang Mai with councils, LAOs, plans and every role. Returns logins."""
    rng = random.Random(2569)
    themes = themes_ensure()
    fy = current_fiscal_year(today)
    start, _ = fiscal_year_bounds(fy)
    today = today or dt.date.today()
    for district in District.objects.filter(code__in=SMALL_DISTRICTS).select_related("province"):
        for sub in Subdistrict.objects.filter(district=district):
            council, created = Council.objects.get_or_create(
                subdistrict=sub,
                defaults={
                    "name": f"สภาองค์กรชุมชนตำบล{sub.name_th}",
                    "registration_number": f"สอช.{sub.code}",
                    "registered_on": dt.date(2010, 3, 1),
                },
            )
            lao, _ = Agency.objects.get_or_create(
                dla_code=_lao_code(sub.code),
                defaults={
                    "name": f"องค์การบริหารส่วนตำบล{sub.name_th}",
                    "kind": AgencyKind.SAO,
                    "province": district.province,
                    "district": district,
                    "subdistrict": sub,
                },
            )
            if not created:
                continue
            for i, kind in enumerate(ActivityKind):
                day = start + dt.timedelta(days=rng.randrange(0, max(1, (today - start).days)))
                Activity.objects.create(
                    council=council,
                    date=day,
                    kind=kind,
                    title=ACTIVITY_TITLES[kind],
                    description="บันทึกตัวอย่างสำหรับทดลองใช้งาน",
                    participants=rng.randrange(10, 120),
                    fiscal_year=fy,
                )
                if i >= 4:
                    break
            for j in range(3):
                CommunityOrganization.objects.create(
                    council=council,
                    code=f"CO{sub.code}{j:03d}",
                    name=f"กลุ่มออมทรัพย์บ้าน{sub.name_th} {j + 1}",
                    kind=OrganizationKind.SAVINGS_GROUP,
                    member_count=rng.randrange(15, 200),
                )
            plan = CommunityPlan.objects.create(council=council, fiscal_year=fy, title=f"แผนพัฒนาตำบล{sub.name_th}")
            projects = [
                LocalPlanProject.objects.create(lao=lao, fiscal_year=fy, title=title, budget=budget)
                for _, title, budget in PLAN_ITEMS[:2]
            ]
            for theme_code, description, budget in PLAN_ITEMS[:3]:
                item = PlanItem.objects.create(
                    plan=plan, theme=themes[theme_code], description=description, budget_needed=budget
                )
                Alignment.objects.create(plan_item=item)
            del projects
    return _seed_users()


def _seed_users() -> list[tuple[str, str]]:
    d1, d2 = (District.objects.get(code=c) for c in SMALL_DISTRICTS)
    c_x, c_y = Council.objects.filter(subdistrict__district=d1).order_by("subdistrict__code")[:2]
    c_other = Council.objects.filter(subdistrict__district=d2).order_by("subdistrict__code").first()
    lao = Agency.objects.get(dla_code=_lao_code(c_x.subdistrict.code))
    chiang_mai = Province.objects.get(code="50")
    people = [
        ("council_x", f"เจ้าหน้าที่{c_x.name}", Role.COUNCIL_STAFF, {"council": c_x}),
        ("council_y", f"เจ้าหน้าที่{c_y.name}", Role.COUNCIL_STAFF, {"council": c_y}),
        ("council_z", f"เจ้าหน้าที่{c_other.name}", Role.COUNCIL_STAFF, {"council": c_other}),
        ("district_d1", f"ปลัดอำเภอ{d1.name_th}", Role.DISTRICT_OFFICER, {"district": d1}),
        ("district_d2", f"ปลัดอำเภอ{d2.name_th}", Role.DISTRICT_OFFICER, {"district": d2}),
        ("agency_lao", f"เจ้าหน้าที่{lao.name}", Role.AGENCY_STAFF, {"agency": lao}),
        ("codi_national", "เจ้าหน้าที่ พอช. ส่วนกลาง", Role.CODI_STAFF, {}),
        ("codi_north", "เจ้าหน้าที่ พอช. ภาคเหนือ", Role.CODI_STAFF, {"provinces": [chiang_mai]}),
    ]
    logins = []
    for username, name, role, target in people:
        _assign(_user(username, name), role, **target)
        logins.append((username, f"{Role(role).label}: {name}"))
    _user("admin", "ผู้ดูแลระบบ", superuser=True)
    logins.append(("admin", "ผู้ดูแลระบบ (หน้า /admin/)"))
    return logins


def seed_national(*, councils_per_batch: int = 500, organizations: int = 150_000, stdout=None) -> dict[str, int]:
    """A council, an LAO, organizations, activities and a plan for every tambon in the country.

    Bulk writes (with simple-history's bulk helpers), in batches, so it finishes in minutes.
    Subdistricts that already have a council are skipped, so it can be re-run."""
    rng = random.Random(7436)
    themes = themes_ensure()
    theme_list = list(themes.values())
    fy = current_fiscal_year()
    start, _ = fiscal_year_bounds(fy)
    kinds = list(ActivityKind)
    org_kinds = list(OrganizationKind)
    todo = list(
        Subdistrict.objects.filter(council__isnull=True).select_related("district").order_by("code")
    )
    per_council = max(1, organizations // max(1, Subdistrict.objects.count()))
    extra = organizations - per_council * Subdistrict.objects.count()
    counts = {"councils": 0, "organizations": 0, "activities": 0, "plan_items": 0, "laos": 0, "projects": 0}
    for offset in range(0, len(todo), councils_per_batch):
        batch = todo[offset : offset + councils_per_batch]
        with transaction.atomic():
            councils = bulk_create_with_history(
                [
                    Council(
                        subdistrict=s,
                        name=f"สภาองค์กรชุมชนตำบล{s.name_th}",
                        status=rng.choices(list(CouncilStatus), weights=[85, 12, 3])[0],
                        registration_number=f"สอช.{s.code}",
                    )
                    for s in batch
                ],
                Council,
                batch_size=1000,
            )
            councils = list(Council.objects.filter(subdistrict__in=batch).select_related("subdistrict"))
            laos = bulk_create_with_history(
                [
                    Agency(
                        name=f"องค์การบริหารส่วนตำบล{c.subdistrict.name_th}",
                        kind=AgencyKind.SAO,
                        dla_code=_lao_code(c.subdistrict.code),
                        province_id=c.subdistrict.district.province_id,
                        district_id=c.subdistrict.district_id,
                        subdistrict_id=c.subdistrict_id,
                    )
                    for c in councils
                ],
                Agency,
                batch_size=1000,
            )
            orgs, activities, plans = [], [], []
            for c in councils:
                n_orgs = per_council + (1 if extra > 0 else 0)
                for j in range(n_orgs):
                    orgs.append(
                        CommunityOrganization(
                            council=c,
                            code=f"CO{c.subdistrict.code}{j:03d}",
                            name=f"{rng.choice(org_kinds).label}บ้าน{c.subdistrict.name_th} {j + 1}",
                            kind=rng.choice(org_kinds),
                            member_count=rng.randrange(10, 300),
                        )
                    )
                for _ in range(rng.randrange(4, 16)):
                    kind = rng.choice(kinds)
                    day = start + dt.timedelta(days=rng.randrange(0, 365))
                    activities.append(
                        Activity(
                            council=c,
                            date=min(day, dt.date.today()),
                            kind=kind,
                            title=ACTIVITY_TITLES[kind],
                            participants=rng.randrange(5, 150),
                            fiscal_year=fy,
                        )
                    )
                plans.append(CommunityPlan(council=c, fiscal_year=fy, title=f"แผนพัฒนาตำบล{c.subdistrict.name_th}"))
            extra -= len(councils)
            bulk_create_with_history(orgs, CommunityOrganization, batch_size=5000)
            bulk_create_with_history(activities, Activity, batch_size=5000)
            bulk_create_with_history(plans, CommunityPlan, batch_size=2000)
            lao_by_sub = {a.subdistrict_id: a for a in Agency.objects.filter(subdistrict__in=batch)}
            projects = bulk_create_with_history(
                [
                    LocalPlanProject(lao=lao, fiscal_year=fy, title=title, budget=budget)
                    for lao in lao_by_sub.values()
                    for _, title, budget in PLAN_ITEMS[:2]
                ],
                LocalPlanProject,
                batch_size=5000,
            )
            items = []
            for plan in CommunityPlan.objects.filter(council__in=councils, fiscal_year=fy):
                for theme_code, description, budget in rng.sample(PLAN_ITEMS, 4):
                    items.append(PlanItem(plan=plan, theme=themes[theme_code], description=description, budget_needed=budget))
            bulk_create_with_history(items, PlanItem, batch_size=5000)
            statuses = list(AlignmentStatus)
            bulk_create_with_history(
                [
                    Alignment(plan_item=item, status=rng.choices(statuses, weights=[40, 30, 15, 15])[0])
                    for item in PlanItem.objects.filter(plan__council__in=councils)
                ],
                Alignment,
                batch_size=5000,
            )
        counts["councils"] += len(councils)
        counts["organizations"] += len(orgs)
        counts["activities"] += len(activities)
        counts["plan_items"] += len(items)
        counts["laos"] += len(laos)
        counts["projects"] += len(projects)
        if stdout is not None:
            stdout.write(f"  {offset + len(batch):,}/{len(todo):,} tambons")
    del theme_list
    return counts
