"""Latency of the coordination pages at national scale: the district officer's district
page (the shared place) and overdue obstacles, the agency inbox, and the public meeting
list, with 928 district mechanisms, 4 meetings a year for 5 years each (18,560), 10 action
items per meeting (185,600) and 50,000 obstacles. Prints p50/p95/max and the query count
per page side by side with the 150 ms budget.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/portal_bench \\
        .venv/bin/python bench/coordination_bench.py [-n 30]

Needs the national world (bench/seed_national.sh) migrated to this code's schema. The
coordination records are bulk-created inside one transaction that is rolled back at the
end, so the database is left as it was.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.local")
os.environ.setdefault("DEBUG", "false")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.utils import timezone  # noqa: E402

from accounts.choices import Role  # noqa: E402
from accounts.models import RoleAssignment, User  # noqa: E402
from agencies.models import Agency  # noqa: E402
from councils.models import Council  # noqa: E402
from geo.models import District, Theme  # noqa: E402
from meetings.choices import ActionStatus, MeetingKind, MeetingStatus, ObstacleStatus  # noqa: E402
from meetings.models import ActionItem, AgendaItem, DistrictMechanism, Meeting, Obstacle, Resolution  # noqa: E402

YEARS = 5
MEETINGS_PER_YEAR = 4
ACTIONS_PER_MEETING = 10
OBSTACLES = 50_000
BUDGET_MS = 150


class Rollback(Exception):
    pass


def _bulk(model, rows, size=5000):
    created = []
    for start in range(0, len(rows), size):
        created += model.objects.bulk_create(rows[start : start + size], batch_size=size)
    return created


def seed(rng: random.Random) -> dict:
    today = timezone.localdate()
    districts = list(District.objects.order_by("code"))
    mechanisms = _bulk(DistrictMechanism, [DistrictMechanism(district=d, name=f"กลไกอำเภอ{d.name_th}") for d in districts])
    meetings = []
    for mechanism in mechanisms:
        for n in range(YEARS * MEETINGS_PER_YEAR):
            day = today - dt.timedelta(days=91 * n + rng.randrange(20))
            status = MeetingStatus.PUBLISHED if n % 2 else MeetingStatus.HELD
            meetings.append(Meeting(
                kind=MeetingKind.DISTRICT, title=f"ประชุมกลไกระดับอำเภอ ครั้งที่ {n + 1}", date=day,
                district_id=mechanism.district_id, mechanism=mechanism, status=status,
                minutes="<p>ที่ประชุมรับทราบและมีมติ</p>",
                published_at=timezone.now() if status == MeetingStatus.PUBLISHED else None,
            ))
    meetings = _bulk(Meeting, meetings)
    agenda = _bulk(AgendaItem, [AgendaItem(meeting=m, order=2, title="เรื่องเพื่อพิจารณา") for m in meetings])
    resolutions = _bulk(Resolution, [Resolution(agenda_item=a, text="มอบหมายหน่วยงานดำเนินการ") for a in agenda])
    laos_by_district: dict[int, list[int]] = {}
    for agency_id, district_id in Agency.objects.exclude(district__isnull=True).values_list("pk", "district_id"):
        laos_by_district.setdefault(district_id, []).append(agency_id)
    meeting_of = {m.pk: m for m in meetings}
    agenda_of = {a.pk: a for a in agenda}
    actions = []
    for resolution in resolutions:
        meeting = meeting_of[agenda_of[resolution.agenda_item_id].meeting_id]
        agencies = laos_by_district.get(meeting.district_id) or [None]
        for k in range(ACTIONS_PER_MEETING):
            actions.append(ActionItem(
                resolution=resolution, title=f"ดำเนินการตามมติ ข้อ {k + 1}", assignee_agency_id=rng.choice(agencies),
                due_date=meeting.date + dt.timedelta(days=30 + k),
                status=rng.choice([ActionStatus.OPEN, ActionStatus.IN_PROGRESS, ActionStatus.DONE]),
            ))
    _bulk(ActionItem, actions)
    councils = list(Council.objects.exclude(lao__isnull=True).values_list("pk", "lao_id"))
    if not councils:  # the national seed links no LAO: address the tambon's own agency
        by_sub = dict(Agency.objects.exclude(subdistrict__isnull=True).values_list("subdistrict_id", "pk"))
        councils = [(c, by_sub[s]) for c, s in Council.objects.values_list("pk", "subdistrict_id") if s in by_sub]
    themes = list(Theme.objects.values_list("pk", flat=True))
    raiser = User.objects.order_by("pk").first()
    obstacles = []
    for i in range(OBSTACLES):
        council_id, agency_id = councils[rng.randrange(len(councils))]
        obstacles.append(Obstacle(
            council_id=council_id, agency_id=agency_id, theme_id=rng.choice(themes), title=f"ข้อติดขัดที่ {i + 1}",
            detail="รายละเอียดของข้อติดขัด", raised_by=raiser,
            status=rng.choice([ObstacleStatus.RAISED, ObstacleStatus.RECEIVED, ObstacleStatus.RESOLVED]),
        ))
    _bulk(Obstacle, obstacles)
    return {"mechanisms": len(mechanisms), "meetings": len(meetings), "actions": len(actions), "obstacles": OBSTACLES}


def _user(username, role, **target):
    user, _ = User.objects.get_or_create(username=username)
    user.role_assignments.all().delete()
    RoleAssignment.objects.create(user=user, role=role, **target)
    return User.objects.get(pk=user.pk)


def _time(client, url, n, warmup=3):
    for _ in range(warmup):
        client.get(url)
    executed = []

    def count(execute, sql, params, many, context):
        executed.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(count):
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    times = []
    for _ in range(n):
        began = time.perf_counter()
        client.get(url)
        times.append((time.perf_counter() - began) * 1000)
    times.sort()
    return {"p50": statistics.median(times), "p95": times[max(0, round(0.95 * len(times)) - 1)],
            "max": times[-1], "queries": len(executed)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-n", type=int, default=30, help="requests per page (default 30)")
    args = parser.parse_args()
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    rng = random.Random(2569)
    results = {}
    try:
        with transaction.atomic():
            began = time.perf_counter()
            counts = seed(rng)
            print(f"seeded in {time.perf_counter() - began:.0f} s: " + ", ".join(f"{v:,} {k}" for k, v in counts.items()))
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
            # The first district and agency holding records (every district has 20 meetings and
            # 200 action items; agencies hold about 7 obstacles each).
            district = District.objects.get(pk=Meeting.objects.values("district_id").order_by("district_id")[0]["district_id"])
            agency = Agency.objects.get(pk=Obstacle.objects.values_list("agency_id", flat=True).order_by("agency_id")[0])
            officer = _user("bench_officer", Role.DISTRICT_OFFICER, district=district)
            agency_staff = _user("bench_agency", Role.AGENCY_STAFF, agency=agency)
            pages = [
                ("district page (officer)", officer, f"/meetings/place/district/{district.code}/"),
                ("district meetings (officer)", officer, f"/meetings/district/{district.code}/"),
                ("overdue obstacles (officer)", officer, f"/meetings/obstacles/overdue/{district.code}/"),
                ("agency inbox", agency_staff, "/meetings/inbox/"),
                ("public meeting list", None, "/meetings/public/"),
            ]
            for label, user, url in pages:
                client = Client()
                if user is not None:
                    client.force_login(user)
                results[label] = _time(client, url, args.n)
            raise Rollback
    except Rollback:
        pass
    print(f"{'page':<30}{'p50 ms':>9}{'p95 ms':>9}{'max ms':>9}{'queries':>9}  budget {BUDGET_MS} ms")
    for label, r in results.items():
        verdict = "OK" if r["p95"] <= BUDGET_MS else "OVER"
        print(f"{label:<30}{r['p50']:>9.1f}{r['p95']:>9.1f}{r['max']:>9.1f}{r['queries']:>9}  {verdict}")


if __name__ == "__main__":
    main()
