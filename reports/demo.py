"""Demo worlds: a small one for trying the portal, a national-size one for benchmarks.

Lives in ``reports`` because it is the top of the dependency chain (it may import every
app and nothing imports it). Everything is deterministic (seeded random) and idempotent.
"""

from __future__ import annotations

import datetime as dt
import random
import time
from decimal import Decimal

from django.db import reset_queries, transaction
from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from accounts.choices import Role
from accounts.models import RoleAssignment, User
from agencies.choices import AgencyKind
from agencies.models import Agency
from common.thai import current_fiscal_year, fiscal_year_bounds
from councils.choices import ActivityKind, CouncilStatus, OrganizationKind
from councils.models import Activity, Assessment, CommunityOrganization, Council, Indicator, IndicatorSet, Mentorship
from councils.selectors.mentorships import mentor_suggestions
from councils.services.assessments import IndicatorSpec, assessment_record, indicator_set_create
from councils.services.mentorships import mentoring_visit_log, mentorship_start
from geo.models import District, Province, Subdistrict, Theme
from plans.choices import AlignmentStatus
from plans.demo_alignment import alignments_ensure
from plans.demo_local import local_plans_ensure
from plans.demo_proposals import proposals_ensure
from plans.models import Alignment, CommunityPlan, PlanItem

from .demo_agencies import agencies_ensure
from .demo_clock import clock_at, moment
from .demo_meetings import meetings_ensure
from .demo_narrative import narrative_ensure
from .demo_photos import photos_ensure
from .demo_years import past_years, past_years_ensure
from .indicators.demo import indicators_ensure

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
    # Write only what differs, so a re-run adds no history rows.
    existing = {t.code: t for t in Theme.objects.all()}
    for code, name in THEMES:
        theme = existing.get(code)
        if theme is None:
            existing[code] = Theme.objects.create(code=code, name_th=name)
        elif theme.name_th != name:
            theme.name_th = name
            theme.save(update_fields=["name_th"])
    return existing


def village_name(tambon_name: str) -> str:
    """ "บ้าน" and the tambon's name, never "บ้านบ้านหลวง" for a tambon named บ้านหลวง."""
    return "บ้าน" + tambon_name.removeprefix("บ้าน")


def _lao_code(subdistrict_code: str) -> str:
    # Synthetic 7-digit DLA codes: "6" + the DOPA tambon code (demo data only).
    return "6" + subdistrict_code


def _user(username, display_name, *, superuser=False) -> User:
    # Saved only when something differs, so a re-run adds no history rows.
    user = User.objects.filter(username=username).first()
    changed = user is None
    if user is None:
        user = User(username=username)
    if changed or not user.check_password(DEMO_PASSWORD):
        user.set_password(DEMO_PASSWORD)
        changed = True
    for attr, value in (("display_name", display_name), ("is_staff", superuser), ("is_superuser", superuser)):
        if getattr(user, attr) != value:
            setattr(user, attr, value)
            changed = True
    if changed:
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
            council.lao = lao  # the tambon's own LAO: its plan items meet this LAO's budget calendar
            council.save(update_fields=["lao"])
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
                    name=f"กลุ่มออมทรัพย์{village_name(sub.name_th)} {j + 1}",
                    kind=OrganizationKind.SAVINGS_GROUP,
                    member_count=rng.randrange(15, 200),
                    registered_on=dt.date(2014 + j * 3, 1 + rng.randrange(12), 1 + rng.randrange(28)),
                )
            plan = CommunityPlan.objects.create(council=council, fiscal_year=fy, title=f"แผนพัฒนาตำบล{sub.name_th}")
            for theme_code, description, budget in PLAN_ITEMS[:3]:
                item = PlanItem.objects.create(
                    plan=plan,
                    theme=themes[theme_code],
                    title=description[:255],
                    description=description,
                    budget_needed=budget,
                    target_agency=lao,
                )
                Alignment.objects.create(plan_item=item)
    districts = list(District.objects.filter(code__in=SMALL_DISTRICTS).order_by("code"))
    agencies_ensure(districts=districts, fiscal_year=fy, themes=themes)
    local_plans_ensure(
        laos=Agency.objects.local_governments().filter(district__in=districts), fiscal_year=fy, themes=themes
    )
    logins = _seed_users()
    indicator_set_ensure()
    assessments_ensure(fiscal_year=fy, today=today)
    proposals_ensure(districts=districts, by=User.objects.get(username="admin"), fiscal_year=fy)
    alignments_ensure(district=districts[0], by=User.objects.get(username="district_d1"), fiscal_year=fy)
    indicators_ensure(fiscal_year=fy)
    past_years_ensure(
        districts=districts,
        fiscal_year=fy,
        themes=themes,
        profiles=SCORE_PROFILES,
        indicator_set_name=INDICATOR_SET_NAME,
    )
    meetings_ensure(districts=districts, fiscal_year=fy, today=today)
    photos_ensure(districts=districts, fiscal_years=[*past_years(fy), fy])
    with clock_at(moment(fiscal_year_bounds(fy - 1)[1] - dt.timedelta(days=20))):
        indicators_ensure(fiscal_year=fy - 1)  # the last finished year's values, entered before it closed
    narrative_ensure(fiscal_year=fy - 1)
    return logins


def _seed_users() -> list[tuple[str, str]]:
    d1, d2 = (District.objects.get(code=c) for c in SMALL_DISTRICTS)
    c_x, c_y = Council.objects.filter(subdistrict__district=d1).order_by("subdistrict__code")[:2]
    c_other = Council.objects.filter(subdistrict__district=d2).order_by("subdistrict__code").first()
    lao = Agency.objects.get(dla_code=_lao_code(c_x.subdistrict.code))
    chiang_mai = Province.objects.get(code="50")
    cdd = Agency.objects.get(kind=AgencyKind.PROVINCIAL_CDD_OFFICE, name=f"สำนักงานพัฒนาชุมชนจังหวัด{chiang_mai.name_th}")
    people = [
        ("council_x", f"เจ้าหน้าที่{c_x.name}", Role.COUNCIL_STAFF, {"council": c_x}),
        ("council_y", f"เจ้าหน้าที่{c_y.name}", Role.COUNCIL_STAFF, {"council": c_y}),
        ("council_z", f"เจ้าหน้าที่{c_other.name}", Role.COUNCIL_STAFF, {"council": c_other}),
        ("district_d1", f"ปลัดอำเภอ{d1.name_th}", Role.DISTRICT_OFFICER, {"district": d1}),
        ("district_d2", f"ปลัดอำเภอ{d2.name_th}", Role.DISTRICT_OFFICER, {"district": d2}),
        ("agency_lao", f"เจ้าหน้าที่{lao.name}", Role.AGENCY_STAFF, {"agency": lao}),
        ("agency_cdd", f"เจ้าหน้าที่{cdd.name}", Role.AGENCY_STAFF, {"agency": cdd}),
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


INDICATOR_SET_NAME = "ชุดตัวชี้วัดการประเมินคุณภาพสภาองค์กรชุมชนตำบล (ตัวอย่าง)"
INDICATORS = [  # code, name, theme code; 5 points each
    ("Q01", "มีแผนพัฒนาคุณภาพชีวิตที่จัดทำร่วมกับชุมชนและเสนอต่อ อปท.", "quality-of-life"),
    ("Q02", "มีข้อมูลและการดูแลกลุ่มเปราะบางในตำบล", "vulnerable-groups"),
    ("Q03", "แก้ปัญหาที่อยู่อาศัยและที่ดินทำกินร่วมกับหน่วยงาน", "housing"),
    ("Q04", "จัดการทรัพยากรธรรมชาติและสิ่งแวดล้อมโดยชุมชน", "natural-resources"),
    ("Q05", "ส่งเสริมกลุ่มอาชีพและเศรษฐกิจชุมชน", "community-economy"),
    ("Q06", "มีกองทุนสวัสดิการชุมชนที่ดำเนินงานต่อเนื่อง", "welfare"),
    ("Q07", "ร่วมดูแลสุขภาวะของคนในตำบล", "health"),
    ("Q08", "มีกลไกเฝ้าระวังและต่อต้านการทุจริตในพื้นที่", "anti-corruption"),
]
# Score profiles (Q01..Q08, out of 5 each), dealt to the small world's councils in code order:
# strong 87.5% (passed), needs development 42.5%, medium 72.5% (passed), medium 62.5% (not passed).
SCORE_PROFILES = [
    (5, 4, 4, 5, 4, 5, 4, 4),
    (3, 2, 2, 3, 1, 1, 3, 2),
    (4, 3, 4, 3, 4, 3, 3, 5),
    (3, 3, 3, 3, 3, 3, 3, 4),
]


def indicator_set_ensure() -> IndicatorSet:
    """The demo's indicator set: 8 Thai indicators tagged with the demo themes. Writes only
    what is missing or differs, so a re-run adds no history rows."""
    themes = themes_ensure()
    found = IndicatorSet.objects.filter(name=INDICATOR_SET_NAME).first()
    if found is None:
        return indicator_set_create(
            name=INDICATOR_SET_NAME,
            indicators=[IndicatorSpec(code=code, name=name, theme=themes[theme]) for code, name, theme in INDICATORS],
        )
    existing = {i.code: i for i in found.indicators.all()}
    for order, (code, name, theme) in enumerate(INDICATORS, start=1):
        indicator = existing.get(code) or Indicator(indicator_set=found, code=code)
        wanted = {"name": name, "theme_id": themes[theme].pk, "max_score": 5, "order": order}
        if indicator.pk is None or any(getattr(indicator, k) != v for k, v in wanted.items()):
            for key, value in wanted.items():
                setattr(indicator, key, value)
            indicator.save()
    return found


def assessments_ensure(*, fiscal_year: int, today: dt.date) -> None:
    """Assessments for the small world's councils (a mix of levels; in จอมทอง the first
    council is strong and the second weak) and one mentorship between those two, with a
    visit. Councils already assessed for the year are left alone."""
    codi = User.objects.get(username="codi_national")
    indicator_set = IndicatorSet.objects.prefetch_related("indicators").get(name=INDICATOR_SET_NAME)
    indicators = sorted(indicator_set.indicators.all(), key=lambda i: i.order)
    day = min(today, timezone.localdate())
    councils = list(
        Council.objects.filter(subdistrict__district__code__in=SMALL_DISTRICTS).order_by("subdistrict__code")
    )
    done = set(
        Assessment.objects.filter(fiscal_year=fiscal_year, council__in=councils).values_list("council_id", flat=True)
    )
    for i, council in enumerate(councils):
        if council.pk in done:
            continue
        profile = SCORE_PROFILES[i % len(SCORE_PROFILES)]
        assessment_record(
            council=council,
            fiscal_year=fiscal_year,
            scores={ind.pk: Decimal(score) for ind, score in zip(indicators, profile, strict=True)},
            by=codi,
            assessed_on=day,
            note="ผลการประเมินตัวอย่าง",
            indicator_set=indicator_set,
        )
    mentor, mentee = councils[0], councils[1]  # both in จอมทอง: strong and weak
    if Mentorship.objects.filter(mentee=mentee).exists():
        return
    reason = next(
        (s.reason for s in mentor_suggestions(user=codi, mentee=mentee, limit=20) if s.council.pk == mentor.pk), ""
    )
    # Paired in the last finished year (its report shows it), visited then and this year.
    started = min(day, fiscal_year_bounds(fiscal_year - 1)[0] + dt.timedelta(days=75))
    with clock_at(moment(started)):
        mentorship = mentorship_start(mentor=mentor, mentee=mentee, by=codi, started_on=started, reason=reason)
    visits = [
        (started + dt.timedelta(days=30), "ตำบลพี่เลี้ยงช่วยทบทวนแผนพัฒนาตำบลและจัดลำดับความสำคัญของปัญหา", 12),
        (day, "ตำบลพี่เลี้ยงพาแกนนำไปดูงานกองทุนสวัสดิการชุมชนและกลุ่มอาชีพ แลกเปลี่ยนวิธีระดมเงินออมและจัดทำระเบียบกองทุน", 18),
    ]
    for date, notes, participants in visits:
        with clock_at(moment(min(date, day))):
            mentoring_visit_log(
                mentorship=mentorship, by=codi, date=min(date, day), notes=notes, participants=participants
            )


NATIONAL_CHANGE_REASON = "seed_demo --scale national"


def seed_national(
    *,
    councils_per_batch: int = 500,
    organizations: int = 150_000,
    today: dt.date | None = None,
    stdout=None,
) -> dict[str, int]:
    """A council, an LAO, organizations, activities and a plan for every tambon in the country.

    Bulk writes with simple-history's ``bulk_create_with_history`` (so every row has its
    "+" history record), one transaction per batch of tambons.

    Re-runnable: tambons that already have a council (the small world's, or an earlier
    run's, even an interrupted one) are skipped. ``organizations`` is the total wanted in
    the whole database: what already exists is counted and only the rest is spread over
    the new councils. The small world is laid down first if it is missing, so its tambons
    and demo logins are never taken over by national data.
    """
    if not Council.objects.filter(subdistrict__district__code__in=SMALL_DISTRICTS).exists():
        seed_small(today=today)
    themes = themes_ensure()
    today = today or timezone.localdate()
    fy = current_fiscal_year(today)
    start, _ = fiscal_year_bounds(fy)
    days_so_far = max(1, (today - start).days + 1)  # activities fall between 1 Oct and today
    counts = dict.fromkeys(
        ("councils", "organizations", "activities", "plans", "plan_items", "alignments", "laos", "projects"), 0
    )
    todo = list(Subdistrict.objects.filter(council__isnull=True).select_related("district").order_by("code"))
    if not todo:
        return counts
    remaining = max(0, organizations - CommunityOrganization.objects.count())
    per_council, extra = divmod(remaining, len(todo))  # the first `extra` new councils get one more
    began = time.monotonic()
    for offset in range(0, len(todo), councils_per_batch):
        batch = todo[offset : offset + councils_per_batch]
        orgs_wanted = [per_council + (offset + k < extra) for k in range(len(batch))]
        with transaction.atomic():
            done = _seed_national_batch(batch, orgs_wanted, themes=themes, fy=fy, start=start, days=days_so_far)
        # With DEBUG on, Django keeps the SQL of every query (megabytes per bulk insert).
        reset_queries()
        for key, n in done.items():
            counts[key] += n
        if stdout is not None:
            stdout.write(
                f"  {offset + len(batch):,}/{len(todo):,} tambons, "
                f"{counts['organizations']:,} organizations ({time.monotonic() - began:.1f} s)"
            )
            if hasattr(stdout, "flush"):
                stdout.flush()
    return counts


def _seed_national_batch(batch, orgs_wanted, *, themes, fy, start, days) -> dict[str, int]:
    history = {"default_date": timezone.now(), "default_change_reason": NATIONAL_CHANGE_REASON}
    kinds = list(ActivityKind)
    org_kinds = list(OrganizationKind)
    council_statuses = list(CouncilStatus)
    alignment_statuses = list(AlignmentStatus)
    # One generator per tambon: its data doesn't depend on what else was already seeded.
    rngs = {s.pk: random.Random(int(s.code)) for s in batch}

    councils = bulk_create_with_history(
        [
            Council(
                subdistrict=s,
                name=f"สภาองค์กรชุมชนตำบล{s.name_th}",
                status=rngs[s.pk].choices(council_statuses, weights=[85, 12, 3])[0],
                registration_number=f"สอช.{s.code}",
                registered_on=dt.date(
                    2009 + rngs[s.pk].randrange(14), 1 + rngs[s.pk].randrange(12), 1 + rngs[s.pk].randrange(28)
                ),
            )
            for s in batch
        ],
        Council,
        batch_size=1000,
        **history,
    )
    # bulk_create returns primary keys on PostgreSQL (and bulk_create_with_history re-reads
    # them elsewhere), so no re-query of what was just written.
    council_by_sub = {c.subdistrict_id: c for c in councils}

    # One LAO per tambon; one that already exists (made by hand, say) is reused.
    lao_codes = {s.pk: _lao_code(s.code) for s in batch}
    lao_by_code = {a.dla_code: a for a in Agency.objects.filter(dla_code__in=lao_codes.values())}
    new_laos = bulk_create_with_history(
        [
            Agency(
                name=f"องค์การบริหารส่วนตำบล{s.name_th}",
                kind=AgencyKind.SAO,
                dla_code=lao_codes[s.pk],
                province_id=s.district.province_id,
                district_id=s.district_id,
                subdistrict_id=s.pk,
            )
            for s in batch
            if lao_codes[s.pk] not in lao_by_code
        ],
        Agency,
        batch_size=1000,
        **history,
    )
    lao_by_code.update((a.dla_code, a) for a in new_laos)
    projects = local_plans_ensure(laos=[lao_by_code[lao_codes[s.pk]] for s in batch], fiscal_year=fy, themes=themes)
    project_by_key = {(p.lao_id, p.title): p for p in projects}

    orgs, activities, plans, item_specs = [], [], [], []
    for s, n_orgs in zip(batch, orgs_wanted, strict=True):
        rng, council = rngs[s.pk], council_by_sub[s.pk]
        for j in range(n_orgs):
            kind = rng.choice(org_kinds)
            orgs.append(
                CommunityOrganization(
                    council=council,
                    code=f"CO{s.code}{j:03d}",
                    name=f"{kind.label}{village_name(s.name_th)} {j + 1}",
                    kind=kind,
                    member_count=rng.randrange(10, 300),
                    registered_on=dt.date(2010 + rng.randrange(15), 1 + rng.randrange(12), 1 + rng.randrange(28)),
                )
            )
        for _ in range(rng.randrange(5, 16)):
            kind = rng.choice(kinds)
            activities.append(
                Activity(
                    council=council,
                    date=start + dt.timedelta(days=rng.randrange(days)),
                    kind=kind,
                    title=ACTIVITY_TITLES[kind],
                    participants=rng.randrange(5, 150),
                    fiscal_year=fy,
                )
            )
        plans.append(CommunityPlan(council=council, fiscal_year=fy, title=f"แผนพัฒนาตำบล{s.name_th}"))
        lao = lao_by_code[lao_codes[s.pk]]
        for theme_code, description, budget in rng.sample(PLAN_ITEMS, 4):
            status = rng.choices(alignment_statuses, weights=[40, 30, 15, 15])[0]
            item_specs.append((len(plans) - 1, theme_code, description, budget, status, lao))
    bulk_create_with_history(orgs, CommunityOrganization, batch_size=5000, **history)
    bulk_create_with_history(activities, Activity, batch_size=5000, **history)
    plans = bulk_create_with_history(plans, CommunityPlan, batch_size=2000, **history)

    # bulk_create_with_history keeps the order it was given, so plans[i] is the i-th plan
    # built above and items[k] the item of item_specs[k].
    items = bulk_create_with_history(
        [
            PlanItem(
                plan=plans[i],
                theme=themes[theme_code],
                title=description[:255],
                description=description,
                budget_needed=budget,
            )
            for i, theme_code, description, budget, _, _ in item_specs
        ],
        PlanItem,
        batch_size=5000,
        **history,
    )
    reviewed_at = timezone.now()
    alignments = []
    for item, (_, _, description, _, status, lao) in zip(items, item_specs, strict=True):
        alignment = Alignment(plan_item=item, status=status)
        if status != AlignmentStatus.PENDING:
            alignment.reviewed_at = reviewed_at
        if status in (AlignmentStatus.ALIGNED, AlignmentStatus.PARTIAL):
            # As alignment_review requires: the LAO project it went into, or a note saying where.
            alignment.local_plan_project = project_by_key.get((lao.pk, description))
            if alignment.local_plan_project is None:
                alignment.note = f"บรรจุไว้ในแผนพัฒนาท้องถิ่นของ{lao.name}"
        alignments.append(alignment)
    bulk_create_with_history(alignments, Alignment, batch_size=5000, **history)
    return {
        "councils": len(councils),
        "organizations": len(orgs),
        "activities": len(activities),
        "plans": len(plans),
        "plan_items": len(items),
        "alignments": len(alignments),
        "laos": len(new_laos),
        "projects": len(projects),
    }
