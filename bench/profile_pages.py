"""Where each page of bench/load.py spends its time, in-process (Django's test Client, the
whole stack but the network and gunicorn), with production settings (bench.load_settings):
wall time, query count and time in SQL per page, then the functions that take the most
time over all pages (cProfile, own time and cumulative).

    bench/profile_pages.py --db portal_load [-n 10] [--top 25] [--only "district: plan review"]

Read only: every request runs inside one transaction that is rolled back at the end.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", default="portal_load")
    parser.add_argument("--pg", default="postgres://postgres@127.0.0.1:5432")
    parser.add_argument("-n", type=int, default=10, help="runs of each page (default 10)")
    parser.add_argument("--top", type=int, default=25, help="functions to list (default 25)")
    parser.add_argument("--only", help="profile only pages whose name contains this")
    parser.add_argument("--sort", default="tottime", choices=["tottime", "cumulative"])
    args = parser.parse_args()

    from bench.stack import ROOT, bench_env

    dsn = f"{args.pg.rstrip('/')}/{args.db}"
    os.environ.update(bench_env(database_url=dsn, redis_url="", media_root=ROOT / "var" / "bench-media"))
    os.environ["REDIS_URL"] = "redis://127.0.0.1:6379/4"
    import django

    django.setup()
    from django.db import connection, transaction
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from bench.world import World, load_world

    load_world(dsn)
    pages = page_list(World)
    if args.only:
        pages = [p for p in pages if args.only in p[1]]
    profile = cProfile.Profile()
    rows = []
    try:
        with transaction.atomic():
            clients = {}
            for login, _name, _path in pages:
                if login not in clients:
                    client = Client(HTTP_HOST="127.0.0.1")
                    if login:
                        client.force_login(_user(login))
                    clients[login] = client
            for login, name, path in pages:
                client = clients[login]
                client.get(path)  # warm: caches, template loader
                times, cpu, queries, sql = [], [], 0, 0.0
                page_profile = cProfile.Profile()
                for _ in range(args.n):
                    with CaptureQueriesContext(connection) as captured:
                        t0, c0 = time.perf_counter(), time.process_time()
                        profile.enable()
                        page_profile.enable()
                        response = client.get(path)
                        page_profile.disable()
                        profile.disable()
                        times.append((time.perf_counter() - t0) * 1000)
                        cpu.append((time.process_time() - c0) * 1000)
                    assert response.status_code == 200, (name, path, response.status_code)
                    queries = len(captured.captured_queries)
                    sql += sum(float(q["time"]) for q in captured.captured_queries) * 1000
                times.sort()
                cpu.sort()
                calls = pstats.Stats(page_profile).total_calls // args.n
                rows.append(
                    (name, times[len(times) // 2], cpu[len(cpu) // 2], calls, queries, sql / args.n, len(response.content))
                )
            raise _Rollback
    except _Rollback:
        pass
    print(
        "p50 wall time; python ms: CPU time of this process (the web side, profiler on); calls: Python\n"
        "function calls per view (the same on a busy machine as on a quiet one); sql ms: time in queries"
    )
    print(f"{'page':<30} {'p50 ms':>7} {'python':>7} {'calls':>8} {'queries':>7} {'sql ms':>7} {'KB':>6}")
    for name, p50, cpu_ms, calls, queries, sql, size in sorted(rows, key=lambda r: -r[3]):
        print(f"{name:<30} {p50:>7.1f} {cpu_ms:>7.1f} {calls:>8} {queries:>7} {sql:>7.1f} {size / 1024:>6.0f}")
    print(f"{'all pages, one view each':<30} {'':>7} {sum(r[2] for r in rows):>7.1f} {sum(r[3] for r in rows):>8}")
    out = io.StringIO()
    pstats.Stats(profile, stream=out).sort_stats(args.sort).print_stats(args.top)
    print(out.getvalue().split("ncalls", 1)[-1][:20000])


class _Rollback(Exception):
    pass


def _user(username):
    from accounts.models import User

    return User.objects.get(username=username)


def page_list(world) -> list[tuple[str | None, str, str]]:
    """(login, page name, path): the pages bench/load.py visits, one of each."""
    cx, d1, lao = world.councils["council_x"], world.districts["district_d1"], world.agencies["agency_lao"]
    return [
        ("council_x", "home (signed in)", "/"),
        ("council_x", "council: page", f"/councils/{cx}/"),
        ("council_x", "council: dashboard", f"/councils/{cx}/dashboard/"),
        ("council_x", "council: activity form", f"/councils/{cx}/activities/new/"),
        ("council_x", "council: organizations", f"/councils/organizations/?council={cx}"),
        ("council_x", "council: members", f"/councils/{cx}/members/"),
        ("council_x", "council: meetings", f"/meetings/council/{cx}/"),
        ("council_x", "notifications", "/accounts/notifications/"),
        ("district_d1", "district: councils", f"/councils/?district={d1}"),
        ("district_d1", "district: plan review", f"/plans/review/{d1}/"),
        ("district_d1", "district: meetings", f"/meetings/district/{d1}/"),
        ("district_d1", "district: mechanism", f"/meetings/district/{d1}/mechanism/"),
        ("district_d1", "district: place", f"/meetings/place/district/{d1}/"),
        ("district_d1", "obstacles", "/meetings/obstacles/"),
        ("district_d1", "district: overdue obstacles", f"/meetings/obstacles/overdue/{d1}/"),
        ("agency_lao", "agency: inbox", "/meetings/inbox/"),
        ("agency_lao", "agency: page", f"/agencies/{lao}/"),
        ("agency_lao", "agency: list", "/agencies/"),
        ("codi_national", "codi: reports", "/reports/"),
        ("codi_national", "codi: council search", "/councils/?q=หลวง"),
        ("codi_national", "codi: organization search", "/councils/organizations/?q=ออมทรัพย์"),
        ("codi_national", "api: organization search", "/api/v1/organizations/?q=ออมทรัพย์"),
        ("codi_national", "codi: mentorships", "/councils/mentorships/"),
        (None, "public: home", "/"),
        (None, "public: about", "/about/"),
        (None, "public: meetings", "/meetings/public/"),
        (None, "public: reports", "/reports/public/"),
        (None, "public: district place", f"/meetings/place/district/{d1}/public/"),
        (None, "public: province place", f"/meetings/place/province/{d1[:2]}/public/"),
        (None, "public: suggestion form", f"/meetings/suggestions/{d1}/"),
    ]


if __name__ == "__main__":
    main()
