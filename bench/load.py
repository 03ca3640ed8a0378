"""Load on the national-size world: the portal's main journeys as a mix of users, through
gunicorn on PostgreSQL and Redis with a real Celery worker, driven by Locust (as a library,
in this process, with its fast HTTP client so the load tool takes as little of the machine
as it can).

    bench/load.py --db portal_load                # start the stack, both phases, 5 min + steps
    bench/load.py --db portal_load --quick        # 60 s phase a, 20 s steps: a smoke run
    bench/load.py --host http://127.0.0.1:8104    # a server already running (its own worker)

Who takes part (logins seed_demo made; password demo-pass-2569), by weight:
- council staff (council_x/y/z): their council's page and dashboard, log an activity (form,
  then save), their organizations and members, meetings, notifications;
- district officers (district_d1/d2): the district's councils, plan alignment review,
  meetings, mechanism, the shared place, obstacles;
- agency staff (agency_lao/cdd): the inbox of obstacles, the agency's page;
- CODI staff (codi_national/north): reports (and at most once a minute each, asks for a
  council's report, which the Celery worker renders), national council and organization
  searches (HTML and the API), dashboards, mentorships;
- the public, signed out: front page, public meetings, reports and places, suggestion form.

Phase a: --users (16) users each pausing 1–3 s between pages for --duration (300 s).
Goal: 0 errors, p95 ≤ 150 ms.
Phase b: users with no pause, stepped up (4, 8, 16, 24, 32, 48...) for --step (60 s) each,
until the rate stops rising (a step under 3 % above the best so far, twice). Prints the
most page views per second and the per-page times at that step.

Each user signs in once when it starts (PBKDF2 by design: ~0.4 s of CPU); sign-ins are
counted apart and left out of the page figures. Rates and percentiles count from the
end of the first 5 s of each phase/step (users still arriving), to its end. A database
with no planner statistics is analysed first (bench/world.py says why).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import re
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import gevent  # noqa: E402
import psutil  # noqa: E402
from locust import FastHttpUser, between, constant, events, task  # noqa: E402
from locust.env import Environment  # noqa: E402

from bench.stack import Stack  # noqa: E402
from bench.world import World, ensure_statistics, load_world  # noqa: E402
from common.thai import format_date  # noqa: E402

PASSWORD = "demo-pass-2569"
SEARCHES = ["ออมทรัพย์", "หลวง", "สวัสดิการ", "ป่าแดด", "กลุ่มอาชีพบ้าน", "ทอผ้า", "เวียง", "น้ำ"]
WARMUP = 5.0
LOGIN = "sign in"

# ---------------------------------------------------------------------------------------
# The users.

CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
FIRST_OPTION = re.compile(r'<select name="kind"[^>]*>.*?<option value="([^"]+)"', re.S)


class PortalUser(FastHttpUser):
    abstract = True
    logins: tuple[str, ...] = ()
    wait_time = between(1, 3)
    _counter = 0

    def on_start(self):
        type(self)._counter += 1
        self.login = self.logins[type(self)._counter % len(self.logins)] if self.logins else None
        if self.login:
            page = self.client.get("/accounts/login/", name=LOGIN)
            with self.client.post(
                "/accounts/login/",
                data={"username": self.login, "password": PASSWORD, "csrfmiddlewaretoken": _csrf(page.text)},
                name=LOGIN,
                allow_redirects=False,
                catch_response=True,
            ) as resp:
                if resp.status_code != 302:
                    resp.failure(f"{self.login} could not sign in ({resp.status_code})")

    def post_form(self, path: str, data: dict, name: str):
        """A form post that must succeed: the portal answers a saved form with a redirect,
        and a refused one with the form again (200), which counts as an error here."""
        with self.client.post(path, data=data, name=name, allow_redirects=False, catch_response=True) as resp:
            if resp.status_code != 302:
                resp.failure(f"{name}: {resp.status_code} instead of a redirect")

    def page(self, path: str, name: str):
        """One page view: anything but 200 (a redirect to the sign-in page included) is an error."""
        with self.client.get(path, name=name, allow_redirects=False, catch_response=True) as resp:
            if resp.status_code != 200:
                resp.failure(f"{name}: {resp.status_code}")
            return resp


def _csrf(html: str) -> str:
    found = CSRF.search(html or "")
    return found.group(1) if found else ""


class CouncilStaff(PortalUser):
    weight = 5
    logins = ("council_x", "council_y", "council_z")

    @property
    def code(self):
        return World.councils[self.login]

    @task(2)
    def home(self):
        self.page("/", "home (signed in)")

    @task(3)
    def council(self):
        self.page(f"/councils/{self.code}/", "council: page")

    @task(2)
    def dashboard(self):
        self.page(f"/councils/{self.code}/dashboard/", "council: dashboard")

    @task(2)
    def log_activity(self):
        form = self.page(f"/councils/{self.code}/activities/new/", "council: activity form")
        kind = FIRST_OPTION.search(form.text or "")
        self.post_form(
            f"/councils/{self.code}/activities/new/",
            {
                "csrfmiddlewaretoken": _csrf(form.text),
                "date": format_date(dt.date.today()),  # dd/mm/BBBB, as people type it
                "kind": kind.group(1) if kind else "",
                "title": f"ประชุมประจำเดือน (โหลดทดสอบ {random.randrange(10**6)})",
                "participants": str(random.randrange(5, 60)),
                "description": "ทดสอบภาระงาน",
                "outcomes": "",
            },
            "council: activity save",
        )

    @task(2)
    def organizations(self):
        self.page(f"/councils/organizations/?council={self.code}", "council: organizations")

    @task(1)
    def members(self):
        self.page(f"/councils/{self.code}/members/", "council: members")

    @task(1)
    def meetings(self):
        self.page(f"/meetings/council/{self.code}/", "council: meetings")

    @task(1)
    def notifications(self):
        self.page("/accounts/notifications/", "notifications")


class DistrictOfficer(PortalUser):
    weight = 3
    logins = ("district_d1", "district_d2")

    @property
    def code(self):
        return World.districts[self.login]

    @task(1)
    def home(self):
        self.page("/", "home (signed in)")

    @task(3)
    def councils(self):
        self.page(f"/councils/?district={self.code}", "district: councils")

    @task(2)
    def council(self):
        self.page(f"/councils/{random.choice(World.district_councils[self.code])}/", "council: page")

    @task(3)
    def review(self):
        self.page(f"/plans/review/{self.code}/", "district: plan review")

    @task(1)
    def meetings(self):
        self.page(f"/meetings/district/{self.code}/", "district: meetings")

    @task(1)
    def mechanism(self):
        self.page(f"/meetings/district/{self.code}/mechanism/", "district: mechanism")

    @task(1)
    def place(self):
        self.page(f"/meetings/place/district/{self.code}/", "district: place")

    @task(1)
    def obstacles(self):
        self.page("/meetings/obstacles/", "obstacles")

    @task(1)
    def overdue(self):
        self.page(f"/meetings/obstacles/overdue/{self.code}/", "district: overdue obstacles")


class AgencyStaff(PortalUser):
    weight = 2
    logins = ("agency_lao", "agency_cdd")

    @task(1)
    def home(self):
        self.page("/", "home (signed in)")

    @task(3)
    def inbox(self):
        self.page("/meetings/inbox/", "agency: inbox")

    @task(2)
    def obstacles(self):
        self.page("/meetings/obstacles/", "obstacles")

    @task(2)
    def agency(self):
        self.page(f"/agencies/{World.agencies[self.login]}/", "agency: page")

    @task(1)
    def agencies(self):
        self.page("/agencies/", "agency: list")


class CodiStaff(PortalUser):
    weight = 2
    logins = ("codi_national", "codi_north")

    @task(2)
    def reports(self):
        self.page("/reports/", "codi: reports")

    @task(1)
    def report(self):
        # Reports of any area are CODI national's; codi_north sees its region's only.
        if World.reports and self.login == "codi_national":
            self.page(f"/reports/{random.choice(World.reports)}/", "codi: report page")
        else:
            self.page("/reports/", "codi: reports")

    @task(2)
    def councils(self):
        self.page(f"/councils/?q={random.choice(SEARCHES)}", "codi: council search")

    @task(2)
    def organizations(self):
        self.page(f"/councils/organizations/?q={random.choice(SEARCHES)}", "codi: organization search")

    @task(2)
    def api_organizations(self):
        self.page(f"/api/v1/organizations/?q={random.choice(SEARCHES)}", "api: organization search")

    @property
    def councils_in_scope(self):
        return World.north_councils if self.login == "codi_north" else World.all_councils

    @task(1)
    def dashboard(self):
        self.page(f"/councils/{random.choice(self.councils_in_scope)}/dashboard/", "council: dashboard")

    @task(1)
    def mentorships(self):
        self.page("/councils/mentorships/", "codi: mentorships")

    last_report = 0.0

    @task(1)
    def ask_report(self):
        """At most once a minute per CODI user, ask for one council's annual report: the
        Celery worker renders it while the pages go on (a person does not ask for reports
        as fast as a load tool could)."""
        form = self.page("/reports/", "codi: reports")
        if time.monotonic() - self.last_report < 60:
            return
        self.last_report = time.monotonic()
        code = random.choice(self.councils_in_scope)
        self.post_form(
            "/reports/",
            {
                "csrfmiddlewaretoken": _csrf(form.text),
                "kind": "annual",
                "fiscal_year": str(World.fiscal_year),
                "scope": "council",
                "council_code": code,
            },
            "codi: ask for a report",
        )


class Public(PortalUser):
    weight = 4

    @task(3)
    def home(self):
        self.page("/", "public: home")

    @task(1)
    def about(self):
        self.page("/about/", "public: about")

    @task(2)
    def meetings(self):
        self.page("/meetings/public/", "public: meetings")

    @task(1)
    def meeting(self):
        if World.public_meetings:
            self.page(f"/meetings/public/{random.choice(World.public_meetings)}/", "public: meeting")

    @task(2)
    def reports(self):
        self.page("/reports/public/", "public: reports")

    @task(2)
    def place_district(self):
        self.page(f"/meetings/place/district/{random.choice(World.all_districts)}/public/", "public: district place")

    @task(1)
    def place_province(self):
        self.page(f"/meetings/place/province/{random.choice(World.provinces)}/public/", "public: province place")

    @task(1)
    def suggestion(self):
        self.page(f"/meetings/suggestions/{random.choice(World.all_districts)}/", "public: suggestion form")


USER_CLASSES = [CouncilStaff, DistrictOfficer, AgencyStaff, CodiStaff, Public]

# ---------------------------------------------------------------------------------------
# Recording: every request's name, time and outcome, into the window being measured.


class Recorder:
    def __init__(self):
        self.samples: list[tuple[float, str, float, str | None]] = []  # (end, name, ms, error)

    def on_request(self, request_type, name, response_time, response_length, exception=None, response=None, **kw):
        error = None
        if exception is not None:
            code = getattr(response, "status_code", None) if response is not None else None
            error = f"{code} {exception}" if code else str(exception)
        self.samples.append((time.monotonic(), name, response_time, error))

    def window(self, start: float, end: float):
        return [s for s in self.samples if start <= s[0] <= end]


class CpuMeter:
    """CPU seconds spent by each side while a window is measured: gunicorn (master and
    workers), the Celery worker, the PostgreSQL backends serving the database, and this
    load tool. Divided by the page views, it says what a page costs whatever else the
    machine is doing (wall times and rates depend on the other processes; CPU per page
    much less so)."""

    def __init__(self, stack: Stack | None, db: str):
        self.stack, self.db = stack, db

    def _tree(self, pid: int | None) -> list[psutil.Process]:
        if not pid:
            return []
        try:
            root = psutil.Process(pid)
            return [root, *root.children(recursive=True)]
        except psutil.NoSuchProcess:
            return []

    def snapshot(self) -> dict[str, float]:
        groups = {"load tool": [psutil.Process()], "postgres": []}
        if self.stack:
            groups["gunicorn"] = self._tree(self.stack.web.pid if self.stack.web else None)
            groups["celery"] = self._tree(self.stack.worker.pid if self.stack.worker else None)
        for proc in psutil.process_iter(["name", "cmdline"]):
            cmd = " ".join(proc.info["cmdline"] or [])
            if proc.info["name"] == "postgres" and f" {self.db} " in f"{cmd} ":
                groups["postgres"].append(proc)
        out = {}
        for name, procs in groups.items():
            total = 0.0
            for proc in procs:
                try:
                    t = proc.cpu_times()
                    total += t.user + t.system
                except psutil.NoSuchProcess:
                    pass
            out[name] = total
        return out

    @staticmethod
    def per_page(before: dict, after: dict, pages: int) -> str:
        """CPU ms per page view by side (a backend or worker that ended in between is not counted)."""
        if not pages:
            return "-"
        parts = [f"{name} {max(0.0, after[name] - before.get(name, 0.0)) * 1000 / pages:.1f}" for name in after]
        server = sum(max(0.0, after[n] - before.get(n, 0.0)) for n in after if n != "load tool") * 1000 / pages
        return f"{', '.join(parts)} ms; server side {server:.1f} ms per page view"


def pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, round(q / 100 * len(ordered) + 0.5) - 1))
    return ordered[k]


def summarise(samples, seconds: float) -> dict:
    pages = [s for s in samples if s[1] != LOGIN]
    times = [s[2] for s in pages]
    return {
        "pages": len(pages),
        "rate": len(pages) / seconds if seconds else 0.0,
        "errors": sum(1 for s in pages if s[3]),
        "logins": sum(1 for s in samples if s[1] == LOGIN),
        "login_errors": sum(1 for s in samples if s[1] == LOGIN and s[3]),
        "p50": pct(times, 50),
        "p95": pct(times, 95),
        "p99": pct(times, 99),
    }


def print_pages(samples, seconds: float) -> None:
    by_name = defaultdict(list)
    errors = defaultdict(list)
    for _end, name, ms, error in samples:
        by_name[name].append(ms)
        if error:
            errors[name].append(error)
    width = max(len(n) for n in by_name) if by_name else 10
    print(f"  {'page':<{width}} {'count':>6} {'/s':>6} {'p50 ms':>7} {'p95 ms':>7} {'p99 ms':>7} {'errors':>6}")
    for name in sorted(by_name, key=lambda n: -pct(by_name[n], 95)):
        t = by_name[name]
        print(
            f"  {name:<{width}} {len(t):>6} {len(t) / seconds:>6.2f} {pct(t, 50):>7.0f} {pct(t, 95):>7.0f} "
            f"{pct(t, 99):>7.0f} {len(errors[name]):>6}"
        )
    shown = {e for errs in errors.values() for e in errs}
    for error in sorted(shown)[:8]:
        print(f"  ! {error[:160]}")


def run(env: Environment, recorder: Recorder, meter: CpuMeter, users: int, seconds: float, spawn_rate: float):
    """Run ``users`` users for ``seconds`` (after they all arrived); returns the samples of
    the measured window, its length and the CPU each side spent per page view in it."""
    runner = env.runner
    runner.start(users, spawn_rate=spawn_rate)
    arrive = users / spawn_rate
    gevent.sleep(arrive + WARMUP)
    cpu_before = meter.snapshot()
    start = time.monotonic()
    gevent.sleep(seconds)
    end = time.monotonic()
    samples = recorder.window(start, end)
    cpu = CpuMeter.per_page(cpu_before, meter.snapshot(), sum(1 for s in samples if s[1] != LOGIN))
    return samples, end - start, cpu


def set_pause(paused: bool) -> None:
    for cls in USER_CLASSES:
        cls.wait_time = between(1, 3) if paused else constant(0)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--db", default="portal_load", help="PostgreSQL database with the national world (default portal_load)"
    )
    parser.add_argument(
        "--pg", default="postgres://postgres@127.0.0.1:5432", help="PostgreSQL server URL without the database"
    )
    parser.add_argument("--redis", default="redis://127.0.0.1:6379/4", help="Redis URL (broker) for the started stack")
    parser.add_argument("--host", help="use this running server instead of starting one (e.g. http://127.0.0.1:8104)")
    parser.add_argument("--port", type=int, default=8104)
    parser.add_argument(
        "--workers", type=int, default=int(os.environ.get("WEB_CONCURRENCY", 4)), help="gunicorn workers (default 4)"
    )
    parser.add_argument("--worker-class", default="sync", help="gunicorn worker class (default sync)")
    parser.add_argument("--threads", type=int, default=1, help="threads per gunicorn worker (>1 means gthread)")
    parser.add_argument("--users", type=int, default=16, help="phase a users (default 16)")
    parser.add_argument("--duration", type=float, default=300, help="phase a seconds (default 300)")
    parser.add_argument("--step", type=float, default=60, help="phase b seconds per step (default 60)")
    parser.add_argument("--steps", default="4,8,16,24,32,48,64", help="phase b user counts to try, in order")
    parser.add_argument("--phase", choices=["a", "b", "both"], default="both")
    parser.add_argument("--quick", action="store_true", help="60 s phase a, 20 s steps")
    parser.add_argument("--seed", type=int, default=2569)
    args = parser.parse_args()
    sys.stdout.reconfigure(line_buffering=True)
    if args.quick:
        args.duration, args.step = min(args.duration, 60), min(args.step, 20)
    random.seed(args.seed)

    dsn = f"{args.pg.rstrip('/')}/{args.db}"
    load_world(dsn)
    statistics = ensure_statistics(dsn)
    stack = None
    if args.host:
        host = args.host.rstrip("/")
    else:
        stack = Stack(
            database_url=dsn,
            redis_url=args.redis,
            port=args.port,
            workers=args.workers,
            worker_class=args.worker_class,
            threads=args.threads,
        ).start()
        host = stack.url
    print(
        f"== bench/load.py on {args.db} at {host}: gunicorn {args.workers} x {args.worker_class}"
        f"{f' ({args.threads} threads)' if args.threads > 1 else ''}, 1 Celery worker; "
        f"{os.cpu_count()} cores, load average at start {os.getloadavg()[0]:.2f}; {statistics}"
    )
    try:
        best = measure(host, args, CpuMeter(stack, args.db))
    finally:
        if stack:
            stack.stop()
    if best:
        print(best)


def new_env(host: str, recorder: Recorder) -> Environment:
    env = Environment(user_classes=USER_CLASSES, host=host, events=events)
    env.events.request.add_listener(recorder.on_request)
    env.create_local_runner()
    return env


def measure(host: str, args, meter: CpuMeter) -> str:
    result = ""
    if args.phase in ("a", "both"):
        set_pause(True)
        recorder = Recorder()
        env = new_env(host, recorder)
        samples, seconds, cpu = run(env, recorder, meter, args.users, args.duration, spawn_rate=4)
        env.runner.quit()
        env.events.request.remove_listener(recorder.on_request)
        s = summarise(samples, seconds)
        verdict = "MET" if s["errors"] == 0 and s["p95"] <= 150 else "NOT MET"
        print(f"\n== phase a: {args.users} users pausing 1-3 s, {seconds:.0f} s measured")
        print_pages([x for x in samples if x[1] != LOGIN], seconds)
        print(
            f"  all pages: {s['pages']} views, {s['rate']:.1f}/s, p50 {s['p50']:.0f} ms, p95 {s['p95']:.0f} ms, "
            f"p99 {s['p99']:.0f} ms, {s['errors']} errors (goal 0 errors, p95 <= 150 ms: {verdict})"
        )
        gevent.sleep(2)
    if args.phase in ("b", "both"):
        set_pause(False)
        print(f"\n== phase b: no pauses, users stepped up, {args.step:.0f} s measured per step")
        print(f"  {'users':>5} {'pages/s':>8} {'p50 ms':>7} {'p95 ms':>7} {'p99 ms':>7} {'errors':>6}  load avg")
        best, best_samples, flat = None, None, 0
        recorder = Recorder()
        env = new_env(host, recorder)
        for users in [int(u) for u in args.steps.split(",")]:
            samples, seconds, cpu = run(env, recorder, meter, users, args.step, spawn_rate=8)
            s = summarise(samples, seconds)
            print(
                f"  {users:>5} {s['rate']:>8.1f} {s['p50']:>7.0f} {s['p95']:>7.0f} {s['p99']:>7.0f} {s['errors']:>6}"
                f"  {os.getloadavg()[0]:.1f}"
            )
            print(f"        CPU per page view: {cpu}")
            if best is None or s["rate"] > best[1]["rate"] * 1.03:
                best, best_samples, best_cpu, flat = (users, s, seconds), samples, cpu, 0
            else:
                flat += 1
                if flat >= 2:
                    break
        env.runner.quit()
        users, s, seconds = best
        print(f"\n  per page at the best step ({users} users); CPU per page view: {best_cpu}")
        print_pages([x for x in best_samples if x[1] != LOGIN], seconds)
        result = (
            f"\n== most page views per second: {s['rate']:.1f}/s with {users} users without pauses "
            f"(p50 {s['p50']:.0f} ms, p95 {s['p95']:.0f} ms, p99 {s['p99']:.0f} ms, {s['errors']} errors)"
        )
    return result


if __name__ == "__main__":
    main()
