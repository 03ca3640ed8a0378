"""Demo worlds: a small one for trying the portal, a national-size one for benchmarks.

Lives in ``reports`` because it is the top of the dependency chain (it may import every
app and nothing imports it). Everything is deterministic (seeded random) and idempotent.
"""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from accounts.choices import Role
from accounts.models import RoleAssignment, User
from agencies.choices import AgencyKind
from agencies.models import Agency
from common.thai import current_fiscal_year, fiscal_year_bounds
from councils.choices import ActivityKind, OrganizationKind
from councils.models import Activity, Assessment, CommunityOrganization, Council, Indicator, IndicatorSet, Mentorship
from councils.selectors.mentorships import mentor_suggestions
from councils.services.assessments import IndicatorSpec, assessment_record, indicator_set_create
from councils.services.mentorships import mentoring_visit_log, mentorship_start
from geo.models import District, Province, Subdistrict, Theme
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
