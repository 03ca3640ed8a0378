"""The national-size demo world: a council, an LAO and organizations for every tambon in the
country, with five fiscal years of records (the current one and the four before it:
2566–2570 in 2570), so national reports, dashboards and benchmarks of any of those years
have real volumes to work on.

Per tambon and year: activities (some held with the LAO), the community plan with its items
reviewed against the LAO's plan, an assessment whose level moves from year to year (finished
years only) and, for most councils, a subsidy proposal moved along its statuses with a dated
timeline. Councils and organizations are registered over the years, so the counts grow, and
some councils change status on a dated day. Per district (``demo_national_district``): the
district mechanism's quarterly meetings with minutes and action items, obstacles answered or
left overdue, suggestions, and indicator values approved, returned or waiting.

Everything is written with bulk inserts, one transaction per batch of tambons, and each
history row carries the day the thing happened (``_history_date``), so a report of a past
year counts what stood at its end. Deterministic (one seeded generator per tambon) and
re-runnable: tambons that already have a council are skipped, districts that already have a
mechanism too.
"""

from __future__ import annotations

import datetime as dt
import random
import time
from decimal import ROUND_DOWN, Decimal

from django.db import reset_queries, transaction
from django.utils import timezone

from agencies.choices import AgencyKind
from agencies.models import Agency
from common.thai import current_fiscal_year, fiscal_year_bounds
from councils.choices import AssessmentLevel, CouncilStatus, OrganizationKind
from councils.models import Activity, Assessment, AssessmentScore, CommunityOrganization, Council, IndicatorSet
from geo.models import Subdistrict
from plans.choices import AlignmentStatus as A
from plans.choices import ProposalStatus as S
from plans.demo_local import local_plans_ensure
from plans.models import Alignment, CommunityPlan, PlanItem, ProposalEvent, SubsidyProposal

from .demo_bulk import dated, insert
from .demo_clock import moment
from .demo_years import PLAN_ITEMS, TITLES

YEARS = 5
HUNDRED = Decimal(100)

# Proposal paths: the statuses a proposal went through to reach its last one.
PATHS = {
    S.DRAFT: [],
    S.SUBMITTED: [S.SUBMITTED],
    S.RECEIVED: [S.SUBMITTED, S.RECEIVED],
    S.UNDER_CONSIDERATION: [S.SUBMITTED, S.RECEIVED, S.UNDER_CONSIDERATION],
    S.APPROVED: [S.SUBMITTED, S.RECEIVED, S.UNDER_CONSIDERATION, S.APPROVED],
    S.PARTLY_APPROVED: [S.SUBMITTED, S.RECEIVED, S.UNDER_CONSIDERATION, S.PARTLY_APPROVED],
    S.NOT_APPROVED: [S.SUBMITTED, S.RECEIVED, S.UNDER_CONSIDERATION, S.NOT_APPROVED],
    S.CARRIED_OUT: [S.SUBMITTED, S.RECEIVED, S.UNDER_CONSIDERATION, S.APPROVED, S.CARRIED_OUT],
    S.REPORTED: [S.SUBMITTED, S.RECEIVED, S.UNDER_CONSIDERATION, S.APPROVED, S.CARRIED_OUT, S.REPORTED],
    S.WITHDRAWN: [S.SUBMITTED, S.WITHDRAWN],
}
# How a finished year's proposals end, and the current year's (still on their way).
PAST_ENDINGS = [S.REPORTED, S.CARRIED_OUT, S.PARTLY_APPROVED, S.NOT_APPROVED, S.REPORTED, S.WITHDRAWN, S.APPROVED, S.REPORTED]  # fmt: skip
CURRENT_ENDINGS = [S.DRAFT, S.SUBMITTED, S.RECEIVED, S.UNDER_CONSIDERATION, S.SUBMITTED, S.APPROVED]
DECIDED = {S.APPROVED, S.PARTLY_APPROVED, S.NOT_APPROVED}
PROPOSALS = [
    ("ส่งเสริมกลุ่มอาชีพแปรรูปผลผลิตทางการเกษตร", "community-economy", Decimal("85000")),
    ("ซ่อมแซมบ้านผู้ยากไร้และผู้สูงอายุที่อยู่ลำพัง", "vulnerable-groups", Decimal("120000")),
    ("สร้างฝายชะลอน้ำและแนวกันไฟป่าชุมชน", "natural-resources", Decimal("60000")),
    ("จัดตั้งกองทุนสวัสดิการชุมชนระดับตำบล", "welfare", Decimal("50000")),
]


def seed_national(
    *,
    councils_per_batch: int = 500,
    organizations: int = 150_000,
    provinces: list[str] | None = None,
    today: dt.date | None = None,
    stdout=None,
) -> dict[str, int]:
    """Five years of the whole country, or of the ``provinces`` given by code (see the
    module's docstring). ``organizations`` is the total wanted in the whole database: what
    already exists is counted and only the rest is spread over the new councils. The small
    world is laid down first if it is missing."""
    from .demo import SMALL_DISTRICTS, seed_small, themes_ensure
    from .demo_national_district import districts_ensure

    if not Council.objects.filter(subdistrict__district__code__in=SMALL_DISTRICTS).exists():
        seed_small(today=today)
    today = today or timezone.localdate()
    fy = current_fiscal_year(today)
    years = list(range(fy - YEARS + 1, fy + 1))
    world = World(themes=themes_ensure(), years=years, today=today)
    counts = dict.fromkeys(("councils", "organizations", "activities", "meetings"), 0)
    todo = Subdistrict.objects.filter(council__isnull=True).select_related("district").order_by("code")
    if provinces:
        todo = todo.filter(district__province__code__in=provinces)
    todo = list(todo)
    existing = CommunityOrganization.objects.all()
    if provinces:  # the provinces' share of the country's organizations
        in_provinces = Subdistrict.objects.filter(district__province__code__in=provinces).count()
        organizations = round(organizations * in_provinces / max(1, Subdistrict.objects.count()))
        existing = existing.filter(council__subdistrict__district__province__code__in=provinces)
    remaining = max(0, organizations - existing.count())
    per_council, extra = divmod(remaining, len(todo)) if todo else (0, 0)
    began = time.monotonic()

    def say(text):
        if stdout is not None:
            stdout.write(f"  {text} ({time.monotonic() - began:.1f} s)")
            if hasattr(stdout, "flush"):
                stdout.flush()

    for offset in range(0, len(todo), councils_per_batch):
        batch = todo[offset : offset + councils_per_batch]
        orgs_wanted = [per_council + (offset + k < extra) for k in range(len(batch))]
        with transaction.atomic():
            done = seed_batch(batch, orgs_wanted, world)
        reset_queries()  # with DEBUG on, Django keeps every query's SQL
        for key, n in done.items():
            counts[key] = counts.get(key, 0) + n
        say(f"{offset + len(batch):,}/{len(todo):,} tambons, {counts['activities']:,} activities")
    for key, n in districts_ensure(years=years, today=today, provinces=provinces, say=say).items():
        counts[key] = counts.get(key, 0) + n
    return counts


class World:
    """What every batch shares: themes, the years, today, the assessment's indicators."""

    def __init__(self, *, themes: dict, years: list[int], today: dt.date):
        from .demo import INDICATOR_SET_NAME

        self.themes, self.years, self.today = themes, years, today
        self.now = timezone.now()
        self.indicator_set = IndicatorSet.objects.prefetch_related("indicators").get(name=INDICATOR_SET_NAME)
        self.indicators = sorted(self.indicator_set.indicators.all(), key=lambda i: i.order)
        self.bounds = {year: fiscal_year_bounds(year) for year in years}
        self._moments: dict[tuple[dt.date, int], dt.datetime] = {}

    def last_day(self, year: int) -> dt.date:
        return min(self.bounds[year][1], self.today)

    def day_in(self, rng: random.Random, year: int, *, after: int = 0, before: int = 0) -> dt.date:
        """A random day of ``year`` from ``after`` days past its start to ``before`` days
        before its end (or today)."""
        start = self.bounds[year][0] + dt.timedelta(days=after)
        span = (self.last_day(year) - start).days - before
        return start + dt.timedelta(days=rng.randrange(max(1, span + 1))) if span > 0 else min(start, self.today)

    def at(self, day: dt.date, hour: int = 10) -> dt.datetime:
        key = (min(day, self.today), hour)
        if key not in self._moments:
            self._moments[key] = moment(*key)
        return self._moments[key]


def _registered(rng: random.Random, world: World, *, first: int, new_share: int) -> dt.date:
    """Most registered before the first demo year; ``new_share`` per cent during the five."""
    if rng.randrange(100) < new_share:
        return world.day_in(rng, world.years[rng.randrange(len(world.years))])
    return dt.date(first + rng.randrange(2022 - first), 1 + rng.randrange(12), 1 + rng.randrange(28))


def seed_batch(batch, orgs_wanted, world: World) -> dict[str, int]:
    rngs = {s.pk: random.Random(int(s.code)) for s in batch}
    laos = _laos(batch, world)
    councils = _councils(batch, laos, rngs, world)
    projects = local_plans_ensure(laos=list(laos.values()), fiscal_year=world.years[0], themes=world.themes)
    project_by_key = {(p.lao_id, p.title): p for p in projects}
    counts = {"councils": len(councils), "laos": len(laos), "projects": len(projects)}
    counts["organizations"] = _organizations(batch, orgs_wanted, councils, rngs, world)
    counts["activities"] = _activities(batch, councils, laos, rngs, world)
    counts.update(_plans(batch, councils, laos, project_by_key, rngs, world))
    counts["assessments"] = _assessments(batch, councils, rngs, world)
    counts["proposals"] = _proposals(batch, councils, laos, rngs, world)
    return counts


def _laos(batch, world) -> dict[int, Agency]:
    """One LAO per tambon; one that already exists (made by hand, say) is reused."""
    codes = {s.pk: "6" + s.code for s in batch}  # synthetic 7-digit DLA codes: "6" + the tambon code
    by_code = {a.dla_code: a for a in Agency.objects.filter(dla_code__in=codes.values())}
    new = [
        dated(
            Agency(
                name=f"องค์การบริหารส่วนตำบล{s.name_th}", kind=AgencyKind.SAO, dla_code=codes[s.pk],
                province_id=s.district.province_id, district_id=s.district_id, subdistrict_id=s.pk,
            ),
            moment(dt.date(2021, 10, 1)),
        )
        for s in batch
        if codes[s.pk] not in by_code
    ]  # fmt: skip
    insert(Agency, new)
    by_code.update((a.dla_code, a) for a in new)
    return {s.pk: by_code[codes[s.pk]] for s in batch}


def _councils(batch, laos, rngs, world) -> dict[int, Council]:
    """Councils registered over the years, linked to their LAO, with two or three themes; one
    in seven changes status (falls dormant, or is dissolved) on a day of the five years."""
    themes = list(world.themes.values())
    councils, changes, theme_rows = {}, [], []
    for s in batch:
        rng = rngs[s.pk]
        registered = _registered(rng, world, first=2009, new_share=6)
        council = Council(
            subdistrict=s, name=f"สภาองค์กรชุมชนตำบล{s.name_th}", status=CouncilStatus.ACTIVE,
            registration_number=f"สอช.{s.code}", registered_on=registered, lao=laos[s.pk],
        )  # fmt: skip
        dated(council, world.at(registered), "created_at", "updated_at")
        councils[s.pk] = council
        theme_rows.append((council, rng.sample(themes, 2 + rng.randrange(2))))
        if rng.randrange(7) == 0:
            year = world.years[rng.randrange(len(world.years))]
            day = max(world.day_in(rng, year), registered + dt.timedelta(days=30))
            if day <= world.today:
                status = CouncilStatus.DORMANT if rng.randrange(4) else CouncilStatus.DISSOLVED
                changes.append((council, status, world.at(day)))
    _, first_rows = insert(Council, list(councils.values()))
    live = Council.themes.through.objects.bulk_create(
        [Council.themes.through(council_id=c.pk, theme_id=t.pk) for c, chosen in theme_rows for t in chosen],
        batch_size=5000,
    )
    rows = list(first_rows)
    if changes:
        for council, status, when in changes:
            council.status, council.updated_at = status, when
            council._history_date = when
        Council.objects.bulk_update([c for c, _, _ in changes], ["status", "updated_at"], batch_size=2000)
        _, change_rows = insert(Council, [c for c, _, _ in changes], update=True)
        rows += change_rows
    _m2m_history(Council, "themes", rows, live)
    return councils


def _m2m_history(model, field: str, history_rows, live) -> None:
    """The many-to-many rows simple-history keeps with each of ``history_rows``: a copy of
    the record's ``live`` through rows (as ``HistoricalRecords(m2m_fields=...)`` saves them)."""
    from django.apps import apps

    history = model.history.model
    through = apps.get_model(history._meta.app_label, f"{history.__name__}_{field}")
    own = model._meta.model_name
    other = model._meta.get_field(field).remote_field.model._meta.model_name
    by_record: dict[int, list] = {}
    for row in live:
        by_record.setdefault(getattr(row, f"{own}_id"), []).append(row)
    through.objects.bulk_create(
        [
            through(
                id=row.pk, history_id=h.history_id, **{f"{own}_id": h.id, f"{other}_id": getattr(row, f"{other}_id")}
            )
            for h in history_rows
            for row in by_record.get(h.id, ())
        ],
        batch_size=5000,
    )


def _organizations(batch, orgs_wanted, councils, rngs, world) -> int:
    kinds = list(OrganizationKind)
    from .demo import village_name

    orgs = []
    for s, wanted in zip(batch, orgs_wanted, strict=True):
        rng, council = rngs[s.pk], councils[s.pk]
        for j in range(wanted):
            kind = rng.choice(kinds)
            registered = max(_registered(rng, world, first=2010, new_share=18), council.registered_on)
            org = CommunityOrganization(
                council=council, code=f"CO{s.code}{j:03d}", name=f"{kind.label}{village_name(s.name_th)} {j + 1}",
                kind=kind, member_count=rng.randrange(10, 300), registered_on=registered,
            )  # fmt: skip
            orgs.append(dated(org, world.at(registered), "created_at", "updated_at"))
    insert(CommunityOrganization, orgs)
    return len(orgs)


def _activities(batch, councils, laos, rngs, world) -> int:
    """Five to fifteen activities a year (up to today), one in three held with the LAO."""
    kinds = list(TITLES)
    activities, joint = [], []
    for s in batch:
        rng, council = rngs[s.pk], councils[s.pk]
        for year in world.years:
            if world.bounds[year][1] < council.registered_on:
                continue
            wanted = rng.randrange(5, 16)
            if world.bounds[year][1] > world.today:  # this year: as many as its days so far allow
                wanted = round(wanted * ((world.today - world.bounds[year][0]).days + 1) / 365)
            for _ in range(wanted):
                day = max(world.day_in(rng, year), council.registered_on)
                if day > world.last_day(year):
                    continue
                kind = rng.choice(kinds)
                activity = Activity(
                    council=council, date=day, kind=kind, title=TITLES[kind][rng.randrange(2)],
                    participants=rng.randrange(5, 150), fiscal_year=year,
                )  # fmt: skip
                activities.append(dated(activity, world.at(day, 17), "created_at", "updated_at"))
                joint.append(laos[s.pk].pk if rng.randrange(3) == 0 else None)
    _, rows = insert(Activity, activities)
    live = Activity.agencies.through.objects.bulk_create(
        [
            Activity.agencies.through(activity_id=a.pk, agency_id=lao)
            for a, lao in zip(activities, joint, strict=True)
            if lao
        ],
        batch_size=5000,
    )
    _m2m_history(Activity, "agencies", rows, live)
    return len(activities)


def _plans(batch, councils, laos, project_by_key, rngs, world) -> dict[str, int]:
    """Each year's plan (adopted in the August before the year), four items, each reviewed
    by the district on a day of the year: a finished year has few items left pending."""
    plans, specs = [], []
    for s in batch:
        rng, council = rngs[s.pk], councils[s.pk]
        for year in world.years:
            adopted = world.bounds[year][0] - dt.timedelta(days=45)
            if adopted < council.registered_on or adopted > world.today:
                continue
            plan = CommunityPlan(
                council=council, fiscal_year=year, title=f"แผนพัฒนาตำบล{s.name_th} ปี {year}", adopted_on=adopted
            )
            plans.append(dated(plan, world.at(adopted), "created_at", "updated_at"))
            finished = world.bounds[year][1] < world.today
            weights = [5, 55, 25, 15] if finished else [45, 30, 15, 10]
            for theme_code, title, budget in rng.sample(PLAN_ITEMS, 4):
                status = rng.choices([A.PENDING, A.ALIGNED, A.PARTIAL, A.NOT_ADOPTED], weights=weights)[0]
                reviewed = world.day_in(rng, year, after=20) if status != A.PENDING else None
                specs.append((plan, theme_code, title, budget, status, reviewed, laos[s.pk]))
    insert(CommunityPlan, plans)
    items = [
        dated(
            PlanItem(plan=plan, theme=world.themes[theme_code], title=title, description=title, budget_needed=budget),
            plan._history_date, "created_at", "updated_at",
        )
        for plan, theme_code, title, budget, *_ in specs
    ]  # fmt: skip
    insert(PlanItem, items)
    alignments = []
    for item, (plan, _, title, _, status, reviewed, lao) in zip(items, specs, strict=True):
        alignment = Alignment(plan_item=item, status=status)
        when = world.at(reviewed, 14) if reviewed else plan._history_date
        if reviewed:
            alignment.reviewed_at = when
        if status in (A.ALIGNED, A.PARTIAL):
            # As the review requires: the LAO project it went into, or a note saying where.
            alignment.local_plan_project = project_by_key.get((lao.pk, title))
            if alignment.local_plan_project is None:
                alignment.note = f"บรรจุไว้ในแผนพัฒนาท้องถิ่นของ{lao.name}"
        alignments.append(dated(alignment, when))
    insert(Alignment, alignments)
    return {"plans": len(plans), "plan_items": len(items), "alignments": len(alignments)}


def _assessments(batch, councils, rngs, world) -> int:
    """Finished years only, assessed in September. A council's quality drifts from year to
    year (most improve, some slip back), so levels move."""
    from councils.services.assessments import assessment_compute

    indicators, maximum = world.indicators, Decimal(sum(i.max_score for i in world.indicators))
    assessments, scores = [], []
    for s in batch:
        rng, council = rngs[s.pk], councils[s.pk]
        quality = 0.35 + rng.random() * 0.5
        for year in world.years:
            end = world.bounds[year][1]
            quality = min(0.98, max(0.15, quality + rng.gauss(0.03, 0.08)))
            if end >= world.today or end < council.registered_on:
                continue
            points = [min(i.max_score, max(0, round(quality * i.max_score + rng.uniform(-1, 1)))) for i in indicators]
            total = Decimal(sum(points)).quantize(Decimal("0.01"), rounding=ROUND_DOWN)
            result = assessment_compute(indicator_set=world.indicator_set, total=total, maximum=maximum)
            assessed = end - dt.timedelta(days=20)
            assessment = Assessment(
                council=council, fiscal_year=year, indicator_set=world.indicator_set, assessed_on=assessed,
                total_score=result.total_score, max_score=result.max_score, percent=result.percent,
                level=result.level, passed=result.passed,
                note="" if result.level != AssessmentLevel.NEEDS_DEVELOPMENT else "ควรได้รับการหนุนเสริมจากตำบลพี่เลี้ยง",
            )  # fmt: skip
            assessments.append(dated(assessment, world.at(assessed), "created_at", "updated_at"))
            scores.append(points)
    insert(Assessment, assessments)
    rows = [
        dated(AssessmentScore(assessment=a, indicator=i, score=Decimal(p)), a._history_date)
        for a, points in zip(assessments, scores, strict=True)
        for i, p in zip(indicators, points, strict=True)
    ]
    insert(AssessmentScore, rows)
    return len(assessments)


def _proposals(batch, councils, laos, rngs, world) -> int:
    """Two councils in three ask their LAO for a subsidy each year; a finished year's
    proposals have ended (reported, carried out, approved, partly approved, turned down,
    withdrawn), the current year's are on their way. Each step is a dated event."""
    proposals, paths = [], []
    for s in batch:
        rng, council = rngs[s.pk], councils[s.pk]
        for year in world.years:
            submitted = world.day_in(rng, year, after=10, before=120)
            if rng.randrange(3) == 0 or submitted < council.registered_on or submitted > world.today:
                continue
            finished = world.bounds[year][1] < world.today
            ending = rng.choice(PAST_ENDINGS if finished else CURRENT_ENDINGS)
            title, theme_code, amount = PROPOSALS[rng.randrange(len(PROPOSALS))]
            steps, day = [], submitted
            for status in PATHS[ending]:
                steps.append((status, world.at(day, 11)))
                day = min(day + dt.timedelta(days=rng.randrange(7, 45)), world.last_day(year))
            proposal = SubsidyProposal(
                council=council, recipient=laos[s.pk], theme=world.themes[theme_code], fiscal_year=year,
                title=title, objective="เพื่อแก้ปัญหาตามแผนพัฒนาตำบลที่สภาองค์กรชุมชนเสนอ",
                amount_requested=amount, status=ending,
            )  # fmt: skip
            created = world.at(submitted - dt.timedelta(days=7), 9)
            last = steps[-1][1] if steps else created
            dated(proposal, last, "updated_at")
            proposal.created_at = created
            proposal.submitted_at = steps[0][1] if steps else None
            decision = next(((st, at) for st, at in steps if st in DECIDED), None)
            if decision:
                proposal.considered_in_year, proposal.decided_at = year, decision[1]
                proposal.amount_approved = {S.APPROVED: amount, S.PARTLY_APPROVED: (amount * 6 / 10).quantize(HUNDRED)}.get(decision[0])  # fmt: skip
                if decision[0] == S.NOT_APPROVED:
                    proposal.decision_reason = "งบประมาณปีนี้ไม่เพียงพอ ให้เสนอใหม่ในปีถัดไป"
            if ending == S.REPORTED:
                proposal.result_report = "ดำเนินการแล้วเสร็จตามแผน ผู้ได้รับประโยชน์พึงพอใจ"
            proposals.append(proposal)
            paths.append(steps)
    insert(SubsidyProposal, proposals)
    events = []
    for proposal, steps in zip(proposals, paths, strict=True):
        previous = S.DRAFT
        for status, at in steps:
            amount = proposal.amount_approved if status in DECIDED else None
            events.append(
                ProposalEvent(proposal=proposal, from_status=previous, to_status=status, amount=amount, at=at)
            )
            previous = status
    insert(ProposalEvent, events)
    return len(proposals)
