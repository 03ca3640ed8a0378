"""The national demo world's districts over its five fiscal years (see ``demo_national``):
each district that has no mechanism yet gets one, with its members, four meetings a year
(up to today) with minutes, agenda, resolutions and action items (some done on time, some
late, some still open), obstacles its councils raised to their LAO (most answered, some
resolved, some left unanswered past the 30 days and marked overdue), suggestions from the
public, and its councils' indicator values (approved, a few returned with a reason, the
current year's waiting for approval). A district's coordinator (a user without a role,
``coordinator_<district code>``) stands in for the people who typed them.

Bulk inserts with dated history rows, a transaction per batch of districts; districts that
already have a mechanism (the small world's, an earlier run's) are left alone.
"""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal

from django.db import reset_queries, transaction

from accounts.models import User
from common.thai import fiscal_year_bounds
from councils.models import Council
from geo.models import District
from meetings.choices import (
    ActionStatus,
    MechanismCategory,
    MechanismRole,
    MeetingKind,
    MeetingStatus,
    SuggestionStatus,
)
from meetings.models import (
    ActionItem,
    AgendaItem,
    DistrictMechanism,
    MechanismMember,
    Meeting,
    Obstacle,
    Resolution,
    Response,
    Suggestion,
)

from .choices import AreaLevel, ValueStatus
from .demo_bulk import dated, insert
from .demo_clock import moment
from .demo_meetings import ANSWERS, ENDINGS, MATTERS, MINUTES, OBSTACLES, SUGGESTIONS
from .indicators.demo import _catalogue
from .indicators.models import IndicatorTarget, IndicatorValue, Period

DISTRICTS_PER_BATCH = 100
RETURN_REASON = "ตัวเลขไม่ตรงกับทะเบียนสมาชิกกองทุน กรุณาตรวจสอบและแนบหลักฐาน"


def districts_ensure(*, years: list[int], today: dt.date, provinces=None, say=None) -> dict[str, int]:
    bounds = {year: fiscal_year_bounds(year) for year in years}
    todo = District.objects.filter(mechanism__isnull=True, subdistricts__council__isnull=False)
    if provinces:
        todo = todo.filter(province__code__in=provinces)
    todo = list(todo.distinct().order_by("code"))
    catalogue = _catalogue()
    periods = {
        (year, q): Period.objects.get_or_create(fiscal_year=year, quarter=q)[0] for year in years for q in range(5)
    }
    counts = {"meetings": 0, "indicator_targets": _targets(todo, years, catalogue, periods)}
    for offset in range(0, len(todo), DISTRICTS_PER_BATCH):
        batch = todo[offset : offset + DISTRICTS_PER_BATCH]
        with transaction.atomic():
            done = _batch(batch, years, bounds, today, catalogue, periods)
        reset_queries()
        for key, n in done.items():
            counts[key] = counts.get(key, 0) + n
        if say:
            say(f"{offset + len(batch):,}/{len(todo):,} districts, {counts['meetings']:,} meetings")
    return counts


def _targets(districts, years, catalogue, periods) -> int:
    """Targets of the councils' satisfaction share (M03) for the country and for each
    province of ``districts``, each year, where none is set yet."""
    from geo.models import Province

    indicator = catalogue["M03"]
    places = [(AreaLevel.NATIONAL, None, "national")] + [
        (AreaLevel.PROVINCE, p, f"province:{p.code}")
        for p in Province.objects.filter(pk__in={d.province_id for d in districts}).order_by("code")
    ]
    have = set(
        IndicatorTarget.objects.filter(indicator=indicator, period__quarter=0).values_list(
            "period__fiscal_year", "area_key"
        )
    )
    targets = [
        dated(
            IndicatorTarget(indicator=indicator, period=periods[(year, 0)], level=level, province=province,
                            area_key=key, value=Decimal(75 + 2 * (year - years[0]))),
            moment(fiscal_year_bounds(year)[0] - dt.timedelta(days=20)), "updated_at",
        )
        for year in years
        for level, province, key in places
        if (year, key) not in have
    ]  # fmt: skip
    insert(IndicatorTarget, targets)
    return len(targets)


def _batch(districts, years, bounds, today, catalogue, periods) -> dict[str, int]:
    coordinators = _coordinators(districts)
    councils: dict[int, list[Council]] = {d.pk: [] for d in districts}
    for council in (
        Council.objects.filter(subdistrict__district__in=districts)
        .select_related("subdistrict", "lao")
        .order_by("subdistrict__code")
    ):
        councils[council.subdistrict.district_id].append(council)
    first = bounds[years[0]][0] - dt.timedelta(days=45)
    at = lambda day, hour=10: moment(min(day, today), hour)  # noqa: E731
    mechanisms = [
        dated(
            DistrictMechanism(
                district=d, name=f"กลไกการเชื่อมโยงงานระดับอำเภอ{d.name_th}", established_on=first,
                note="แต่งตั้งตามคำสั่งอำเภอ ประกอบด้วยผู้แทนสภาองค์กรชุมชนตำบลทุกตำบล อปท. และหน่วยงานในอำเภอ",
            ),
            at(first), "created_at", "updated_at",
        )
        for d in districts
    ]  # fmt: skip
    insert(DistrictMechanism, mechanisms)
    members = []
    for mechanism, d in zip(mechanisms, districts, strict=True):
        people = [
            MechanismMember(mechanism=mechanism, full_name=f"นายอำเภอ{d.name_th}", position="นายอำเภอ",
                            category=MechanismCategory.DISTRICT_OFFICE, role=MechanismRole.CHAIR, term_start=first),
            MechanismMember(mechanism=mechanism, full_name=coordinators[d.pk].display_name, position="ปลัดอำเภอ",
                            category=MechanismCategory.DISTRICT_OFFICE, role=MechanismRole.SECRETARY,
                            term_start=first),
        ]  # fmt: skip
        for council in councils[d.pk][:3]:
            people.append(MechanismMember(
                mechanism=mechanism, full_name=f"ประธาน{council.name}", position="ประธานสภาองค์กรชุมชนตำบล",
                category=MechanismCategory.COUNCIL, council=council, term_start=first,
            ))  # fmt: skip
        members += [dated(m, at(first), "created_at", "updated_at") for m in people]
    insert(MechanismMember, members)
    counts = _meetings(districts, mechanisms, councils, coordinators, years, bounds, today, at)
    counts["obstacles"] = _obstacles(districts, councils, coordinators, years, bounds, today, at)
    counts["suggestions"] = _suggestions(districts, coordinators, years, bounds, today, at)
    counts["indicator_values"] = _indicator_values(districts, councils, coordinators, years, bounds, today, catalogue, periods)  # fmt: skip
    return counts


def _coordinators(districts) -> dict[int, User]:
    names = {f"coordinator_{d.code}": d for d in districts}
    found = {u.username: u for u in User.objects.filter(username__in=names)}
    new = []
    for username, d in names.items():
        if username not in found:
            user = User(username=username, display_name=f"ผู้ประสานงานกลไกอำเภอ{d.name_th}")
            user.set_unusable_password()
            new.append(user)
    insert(User, new)
    found.update((u.username, u) for u in new)
    return {d.pk: found[username] for username, d in names.items()}


def _meetings(districts, mechanisms, councils, coordinators, years, bounds, today, at) -> dict[str, int]:
    meetings, specs = [], []
    for mechanism, d in zip(mechanisms, districts, strict=True):
        officer = coordinators[d.pk]
        for year in years:
            for q in range(4):
                day = bounds[year][0] + dt.timedelta(days=q * 91 + 40)  # mid-November, February, May and August
                if day > today:
                    break
                published = day + dt.timedelta(days=7)
                meeting = Meeting(
                    kind=MeetingKind.DISTRICT, district=d, mechanism=mechanism, created_by=officer,
                    title=f"การประชุม{mechanism.name} ครั้งที่ {q + 1}/{year}", date=day,
                    start_time=dt.time(9, 30), end_time=dt.time(12, 0), place=f"ห้องประชุมที่ว่าการอำเภอ{d.name_th}",
                    status=MeetingStatus.PUBLISHED if published <= today else MeetingStatus.HELD,
                    recorder=officer.display_name, checker=f"นายอำเภอ{d.name_th}",
                )  # fmt: skip
                matters = [MATTERS[(year + q + k) % len(MATTERS)] for k in range(2)]
                meeting.minutes = MINUTES.format(matter=matters[0][0])
                if published <= today:
                    meeting.published_at = at(published, 15)
                meeting.created_at = at(day - dt.timedelta(days=14))
                meetings.append(dated(meeting, at(min(published, today), 15), "updated_at"))
                specs.append((meeting, matters, d, q, year))
    insert(Meeting, meetings)
    agenda, resolutions, actions, done = [], [], [], []
    for meeting, matters, d, q, year in specs:
        when = meeting._history_date
        agenda.append(dated(AgendaItem(meeting=meeting, order=1, title="เรื่องที่ประธานแจ้งให้ที่ประชุมทราบ"), when))
        for order, (matter, resolution_text, action, who) in enumerate(matters, start=2):
            item = dated(AgendaItem(meeting=meeting, order=order, title=matter), when)
            agenda.append(item)
            resolution = dated(Resolution(agenda_item=item, text=resolution_text), when, "created_at", "updated_at")
            resolutions.append(resolution)
            if not councils[d.pk]:
                continue
            council = councils[d.pk][(q + order + year) % len(councils[d.pk])]
            assignee = (
                {"assignee_agency": council.lao} if who == "lao" and council.lao_id else {"assignee_council": council}
            )
            due = meeting.date + dt.timedelta(days=45)
            action_item = ActionItem(
                resolution=resolution, title=action, due_date=due, created_by=coordinators[d.pk], **assignee
            )
            actions.append(dated(action_item, when, "created_at", "updated_at"))
            ending = ENDINGS[(len(actions) + year) % len(ENDINGS)]
            finished = due + dt.timedelta(days=ending) if ending is not None else None
            if finished is not None and finished <= today:
                done.append((action_item, at(finished, 16)))
    insert(AgendaItem, agenda)
    insert(Resolution, resolutions)
    insert(ActionItem, actions)
    for item, when in done:
        item.status, item.updated_at = ActionStatus.DONE, when
        item._history_date = when
    ActionItem.objects.bulk_update([item for item, _ in done], ["status", "updated_at"], batch_size=2000)
    insert(ActionItem, [item for item, _ in done], update=True)
    return {"meetings": len(meetings), "action_items": len(actions)}


def _obstacles(districts, councils, coordinators, years, bounds, today, at) -> int:
    """A third of a district's councils raise an obstacle to their LAO each year."""
    from geo.models import Theme

    themes = {t.code: t for t in Theme.objects.all()}
    obstacles, answers = [], []
    for d in districts:
        rng = random.Random(int(d.code))
        for year in years:
            for n, council in enumerate(councils[d.pk]):
                if rng.randrange(3) or not council.lao_id:
                    continue
                theme, title, detail = OBSTACLES[(n + year) % len(OBSTACLES)]
                raised = bounds[year][0] + dt.timedelta(days=rng.randrange(20, 330))
                if raised > today or raised < council.registered_on:
                    continue
                obstacle = Obstacle(
                    council=council, agency=council.lao, theme=themes[theme], title=title, detail=detail,
                    raised_by=coordinators[d.pk],
                )  # fmt: skip
                dated(obstacle, at(raised), "created_at", "updated_at")
                days, status, answer = ANSWERS[rng.randrange(len(ANSWERS))]
                answered = raised + dt.timedelta(days=days) if days is not None else None
                if answered is not None and answered <= today:
                    obstacle.status, obstacle.first_answered_at = status, at(answered, 14)
                    answers.append((obstacle, answer, status, at(answered, 14)))
                elif raised + dt.timedelta(days=30) <= today:
                    obstacle.overdue_notified_at = at(raised + dt.timedelta(days=30), 8)
                obstacles.append(obstacle)
    insert(Obstacle, obstacles)
    responses = [
        dated(Response(obstacle=o, by=o.raised_by, text=text, status=status), when, "created_at")
        for o, text, status, when in answers
    ]
    insert(Response, responses)
    return len(obstacles)


def _suggestions(districts, coordinators, years, bounds, today, at) -> int:
    suggestions = []
    for d in districts:
        officer = coordinators[d.pk]
        for year in years:
            for n, (text, publish, answer) in enumerate(SUGGESTIONS):
                sent = bounds[year][0] + dt.timedelta(days=60 + n * 100)
                if sent > today:
                    continue
                suggestion = Suggestion(district=d, name="ชาวบ้านในอำเภอ", text=text)
                suggestion.created_at = at(sent, 19)
                last = sent
                if sent + dt.timedelta(days=3) <= today:
                    suggestion.moderated_by = officer
                    last = sent + dt.timedelta(days=3)
                    if publish:
                        suggestion.status = SuggestionStatus.PUBLISHED
                    else:
                        suggestion.status, suggestion.reject_reason = SuggestionStatus.REJECTED, "เป็นข้อความโฆษณา"
                    if publish and sent + dt.timedelta(days=12) <= today:
                        last = sent + dt.timedelta(days=12)
                        suggestion.answer, suggestion.answered_by = answer, officer
                        suggestion.answered_at = at(last)
                suggestions.append(dated(suggestion, at(last), "updated_at"))
    insert(Suggestion, suggestions)
    return len(suggestions)


def _indicator_values(districts, councils, coordinators, years, bounds, today, catalogue, periods) -> int:
    """Each council's yearly satisfaction share (M03) every finished year, and its welfare
    fund households (M01) each quarter of the last finished and the current year: most
    approved, one in twenty returned with a reason, the current year's submitted."""
    yearly, quarterly = catalogue["M03"], catalogue["M01"]
    values = []
    for d in districts:
        rng = random.Random(int(d.code) * 7)
        officer = coordinators[d.pk]
        for council in councils[d.pk]:
            households = rng.randrange(40, 400)
            wanted = [(yearly, year, 0) for year in years if bounds[year][1] < today]
            wanted += [(quarterly, year, q) for year in years[-2:] for q in range(1, 5)]
            for indicator, year, q in wanted:
                first, last = periods[(year, q)].dates
                if last >= today or last < council.registered_on:
                    continue
                submitted = last + dt.timedelta(days=10)
                value = Decimal(rng.randrange(55, 98)) if indicator is yearly else Decimal(households + 10 * q)
                row = IndicatorValue(
                    indicator=indicator, period=periods[(year, q)], level=AreaLevel.COUNCIL, council=council,
                    area_key=f"council:{council.subdistrict.code}", value=value, entered_by=officer,
                    comment="จากทะเบียนของสภาองค์กรชุมชนตำบล", status=ValueStatus.SUBMITTED,
                    submitted_by=officer, submitted_at=moment(min(submitted, today), 11),
                )  # fmt: skip
                decided = submitted + dt.timedelta(days=14)
                if decided <= today:
                    row.decided_by, row.decided_at = officer, moment(decided, 15)
                    if rng.randrange(20) == 0:
                        row.status, row.return_reason = ValueStatus.RETURNED, RETURN_REASON
                    else:
                        row.status = ValueStatus.APPROVED
                when = row.decided_at or row.submitted_at
                values.append(dated(row, when, "created_at", "updated_at"))
    insert(IndicatorValue, values)
    return len(values)
