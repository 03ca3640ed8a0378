"""Latency of the council list, organization search, council page and council dashboard
against the national world (7,436 councils, 150,000 organizations), as a CODI national
user and as a district officer, through Django's test Client (the whole stack but the
network). Prints p50/p95 per page side by side, and each page's query count.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/portal_bench \\
        .venv/bin/python bench/lists_bench.py [-n 50]

Read only: everything (the logins' session rows included) runs in one transaction that is
rolled back. The database must be migrated to the code's schema; if it is not, the script
says so and stops (make a copy and migrate that, e.g.
``createdb copy && pg_dump portal_bench | psql -q copy`` then ``manage.py migrate``).
Uses the demo users seed_demo made (codi_national, district_d1); missing ones are made
inside the rolled-back transaction.
"""

from __future__ import annotations

import argparse
import os
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
from django.db import connection, reset_queries, transaction  # noqa: E402
from django.db.migrations.executor import MigrationExecutor  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from accounts.choices import Role  # noqa: E402
from accounts.models import RoleAssignment, User  # noqa: E402
from councils.models import Council  # noqa: E402
from geo.models import District  # noqa: E402

# Thai substrings people type: a kind of group, a common place-name part, a rare one.
SEARCHES = ["ออมทรัพย์", "หลวง", "สวัสดิการ", "ป่าแดด", "กลุ่มอาชีพบ้าน", "ทอผ้า", "เวียง", "น้ำ"]
PAGES = ("council list", "organization search", "council page", "council dashboard")


class Rollback(Exception):
    pass


def _check_schema() -> None:
    executor = MigrationExecutor(connection)
    plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    if plan:
        pending = ", ".join(f"{m.app_label}.{m.name}" for m, _ in plan[:5])
        sys.exit(
            f"{settings.DATABASES['default']['NAME']}: {len(plan)} migration(s) not applied ({pending}...).\n"
            "This benchmark only reads; run it on a migrated copy (see the module docstring)."
        )


def _user(username: str, role: str, **target) -> User:
    user = User.objects.filter(username=username, role_assignments__role=role).first()
    if user is None:  # a throwaway user, gone with the rollback
        user = User.objects.create(username=f"bench_{username}")
        RoleAssignment.objects.create(user=user, role=role, **target)
    return user


def _urls(councils: list[str], district: str | None) -> dict[str, list[str]]:
    searches = [f"/councils/organizations/?q={q}" for q in SEARCHES]
    if district:
        searches = [f"{u}&district={district}" for u in searches]
    return {
        "council list": ["/councils/", "/councils/?status=active", "/councils/?q=หลวง", "/councils/?level=none"]
        + ([] if district else ["/councils/?page=40", "/councils/?province=30&status=dormant"]),
        "organization search": searches,
        "council page": [f"/councils/{code}/" for code in councils],
        "council dashboard": [f"/councils/{code}/dashboard/" for code in councils],
    }


def _run(client: Client, urls: dict[str, list[str]], n: int, warmup: int = 3) -> dict[str, dict]:
    results = {}
    for page, choices in urls.items():
        for i in range(warmup):
            client.get(choices[i % len(choices)])
        reset_queries()  # each request resets the log, so start the count from empty
        with CaptureQueriesContext(connection) as queries:
            response = client.get(choices[0])
        query_count = len(queries.captured_queries)  # now: later requests reset the log
        assert response.status_code == 200, (choices[0], response.status_code)
        times = []
        for i in range(n):
            url = choices[i % len(choices)]
            began = time.perf_counter()
            response = client.get(url)
            times.append((time.perf_counter() - began) * 1000)
            assert response.status_code == 200, (url, response.status_code)
        times.sort()
        results[page] = {
            "p50": statistics.median(times),
            "p95": times[max(0, round(0.95 * len(times)) - 1)],
            "max": times[-1],
            "queries": query_count,
        }
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-n", type=int, default=50, help="requests per page and user (default 50)")
    args = parser.parse_args()
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    _check_schema()
    print(
        f"database {settings.DATABASES['default']['NAME']}: {Council.objects.count():,} councils, "
        f"{Council.objects.model.organizations.rel.related_model.objects.count():,} organizations; "
        f"{args.n} requests per page and user"
    )
    try:
        with transaction.atomic():
            codi = _user("codi_national", Role.CODI_STAFF)
            officer = User.objects.filter(username="district_d1").first()
            district = (
                officer.role_assignments.get(role=Role.DISTRICT_OFFICER).district
                if officer
                else District.objects.order_by("code").first()
            )
            officer = _user("district_d1", Role.DISTRICT_OFFICER, district=district)
            local = list(
                Council.objects.filter(subdistrict__district=district)
                .order_by("subdistrict__code")
                .values_list("subdistrict__code", flat=True)[:10]
            )
            # Councils across the country for the national user: every 500th by code.
            national = list(Council.objects.order_by("subdistrict__code").values_list("subdistrict__code", flat=True))
            national = national[::500][:15]
            results = {}
            for label, user, councils, scope_district in (
                ("CODI national", codi, national, None),
                (f"district officer ({district.code} {district.name_th})", officer, local, district.code),
            ):
                client = Client()
                client.force_login(user)
                results[label] = _run(client, _urls(councils, scope_district), args.n)
            raise Rollback
    except Rollback:
        pass

    labels = list(results)
    head = f"{'page':<22}" + "".join(f"| {label[:38]:<38}" for label in labels)
    sub = f"{'':<22}" + "".join(f"| {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8} {'queries':>8}   " for _ in labels)
    print(head)
    print(sub)
    print("-" * len(sub))
    for page in PAGES:
        row = f"{page:<22}"
        for label in labels:
            r = results[label][page]
            row += f"| {r['p50']:>8.1f} {r['p95']:>8.1f} {r['max']:>8.1f} {r['queries']:>8}   "
        print(row)
    worst = max(results[label][page]["p95"] for label in labels for page in PAGES)
    print(f"worst p95: {worst:.1f} ms (budget 150 ms): {'OK' if worst < 150 else 'OVER BUDGET'}")


if __name__ == "__main__":
    main()
