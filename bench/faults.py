"""A fault drill: the portal as production runs it (bench/stack.py: gunicorn, a Celery worker,
bench.load_settings), each fault made on purpose while people use it, then a table of
fault → what users saw → what was lost.

    bench/faults.py            # all drills (about 4 minutes)
    bench/faults.py --quick    # skips the slowest drill (the whole worker killed: ~70 s wait)

Everything is private to the drill, so nobody else on the machine is disturbed:
- its own PostgreSQL (initdb + pg_ctl from /usr/lib/postgresql/*/bin, run as the postgres
  user) on --pg-port (8105), data under /tmp/portal-faults/pg, the small demo world seeded;
- its own redis-server on --redis-port (8106), nothing kept on disk;
- gunicorn on --port (8107) and one Celery worker;
- the media folder on an 8 MB tmpfs mounted for the drill (needs root; the drill says if it
  could not mount one and skips the disk-full drill).

The faults:
1. PostgreSQL restarted (pg_ctl restart -m fast) while 4 people browse and an import of
   300 organizations is checked and written;
2. Redis stopped while a report and an import are asked for, then started; the stale-job
   sweeps (the beat tasks) then re-send what the broker never got;
3. the Celery worker's pool process killed (SIGKILL, what the OOM killer does) in the middle
   of a report and of an import;
4. the whole worker (main process and pool) killed in the middle of a report: the job is
   taken over by the stale-job sweep (run with CELERY_TASK_TIME_LIMIT=5 so the drill waits
   about a minute instead of 21: the threshold is the only thing shortened);
5. the media disk full during an activity photo upload, then space freed and the same
   upload sent again.
What was lost is counted in the database: organizations written by each import (expected
exactly the file's rows), report rows and versions per key, activities with the drill's title.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import os
import re
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import psycopg2  # noqa: E402
import requests  # noqa: E402

from bench.fault_tools import (  # noqa: E402
    BASE,
    Person,
    PrivatePostgres,
    PrivateRedis,
    Traffic,
    after_post,
    csrf,
    describe,
    mount_media,
    sh,
    wait_for,
    wait_ok,
)
from bench.stack import PY, ROOT, Stack  # noqa: E402
from common.thai import format_date  # noqa: E402

# ---------------------------------------------------------------------------------------
# Jobs, as CODI staff ask for them, and what the database says about them.


class Drill:
    def __init__(self, pg: PrivatePostgres, redis: PrivateRedis, stack: Stack):
        self.pg, self.redis, self.stack = pg, redis, stack
        self.codi = Person(stack.url, "codi_national")
        self.council_code = pg.query(
            "SELECT s.code FROM accounts_roleassignment ra JOIN accounts_user u ON u.id = ra.user_id "
            "JOIN councils_council c ON c.id = ra.council_id JOIN geo_subdistrict s ON s.id = c.subdistrict_id "
            "WHERE u.username = 'council_x'"
        )[0][0]
        self.headers = self._headers()
        self.batch = 0
        self.rows: list[tuple[str, str, str, str]] = []

    def _headers(self) -> list[str]:
        import openpyxl

        xlsx = self.codi.get("/councils/imports/template/organizations.xlsx")
        return [c.value for c in next(openpyxl.load_workbook(io.BytesIO(xlsx.content)).active.iter_rows(max_row=1))]

    # imports ----------------------------------------------------------------------------
    def upload(self, rows=300) -> tuple[str, object, int | None]:
        """Upload an organizations file of ``rows`` new organizations; returns (prefix, response, job id)."""
        self.batch += 1
        prefix = f"FD{os.getpid() % 1000:03d}{self.batch:02d}"
        out = io.StringIO()
        writer = csv.writer(out)
        writer.writerow(self.headers)
        for i in range(rows):
            values = {"รหัส": f"{prefix}{i:04d}", "ชื่อองค์กร": f"กลุ่มซ้อมเหตุขัดข้อง {prefix} {i}", "ประเภท": "กลุ่มออมทรัพย์"}
            row = []
            for header in self.headers:
                if header.startswith("รหัสตำบล"):
                    row.append(self.council_code)
                elif header.startswith("รหัส") and "หมู่บ้าน" not in header:
                    row.append(values["รหัส"])
                elif header in values:
                    row.append(values[header])
                else:
                    row.append("")
            writer.writerow(row)
        try:
            resp = self.codi.post_form(
                "/councils/imports/",
                {"kind": "organizations"},
                files={"file": (f"{prefix}.csv", out.getvalue().encode("utf-8-sig"), "text/csv")},
            )
        except requests.RequestException as exc:
            return prefix, exc, None
        found = re.search(r"/imports/(\d+)/", resp.headers.get("Location", ""))
        return prefix, resp, int(found.group(1)) if found else None

    def import_job(self, pk):
        rows = self.pg.query(
            "SELECT status, stage, attempts, imported_rows, error FROM councils_importjob WHERE id = %s", pk
        )
        return dict(zip(("status", "stage", "attempts", "imported", "error"), rows[0], strict=True)) if rows else None

    def confirm_when_checked(self, pk, timeout=120):
        job = wait_for(lambda: (j := self.import_job(pk)) and j["status"] in ("waiting", "failed") and j, timeout)
        if job and job["status"] == "waiting":
            page = self.codi.get(f"/councils/imports/{pk}/")
            self.codi.http.post(
                f"{self.stack.url}/councils/imports/{pk}/confirm/",
                data={"mode": "all_or_nothing", "csrfmiddlewaretoken": csrf(page.text)},
                allow_redirects=False,
                timeout=60,
            )

    def finished_import(self, pk, timeout=180):
        return wait_for(lambda: (j := self.import_job(pk)) and j["status"] in ("done", "failed") and j, timeout)

    def organizations(self, prefix) -> int:
        return self.pg.query("SELECT count(*) FROM councils_communityorganization WHERE code LIKE %s", prefix + "%")[0][
            0
        ]

    def import_outcome(self, prefix, pk, rows=300) -> str:
        job = self.import_job(pk) if pk else None
        written = self.organizations(prefix)
        state = f"import {job['status']} (attempts {job['attempts']})" if job else "no import job"
        lost = f"{written}/{rows} organizations written"
        return f"{state}; {lost}" + ("" if written in (0, rows) else " (PARTIAL!)")

    # reports ----------------------------------------------------------------------------
    def ask_report(self, scope="national"):
        data = {"kind": "annual", "fiscal_year": str(fiscal_year()), "scope": scope}
        if scope == "council":
            data["council_code"] = self.council_code
        try:
            resp = self.codi.post_form("/reports/", data)
        except requests.RequestException as exc:
            return exc, None
        found = re.search(r"/reports/(\d+)/", resp.headers.get("Location", ""))
        return resp, int(found.group(1)) if found else None

    def report(self, pk):
        rows = self.pg.query("SELECT status, attempts, key, version, error FROM reports_report WHERE id = %s", pk)
        return dict(zip(("status", "attempts", "key", "version", "error"), rows[0], strict=True)) if rows else None

    def finished_report(self, pk, timeout=180):
        return wait_for(lambda: (r := self.report(pk)) and r["status"] in ("done", "failed") and r, timeout)

    def report_outcome(self, pk) -> str:
        r = self.report(pk)
        if not r:
            return "no report row"
        return f"report {r['status']} (attempts {r['attempts']})"

    def sweep(self, time_limit: int | None = None):
        """What django-celery-beat runs every few minutes: re-send jobs the broker lost."""
        env = {**self.stack.env, "JOB_QUEUED_GRACE_SECONDS": "0", "REPORT_QUEUED_GRACE_SECONDS": "0"}
        if time_limit is not None:
            env["CELERY_TASK_TIME_LIMIT"] = str(time_limit)
            env["CELERY_TASK_SOFT_TIME_LIMIT"] = str(max(1, time_limit - 1))
        code = (
            "from reports.tasks import requeue_stale_reports; from councils.tasks import requeue_stale_exports; "
            "print(requeue_stale_reports(), requeue_stale_exports())"
        )
        return (
            sh(PY, "manage.py", "shell", "--no-imports", "-c", code, cwd=ROOT, env=env).stdout.strip().splitlines()[-1]
        )


def fiscal_year() -> int:
    import datetime as dt

    today = dt.date.today()
    return today.year + 543 + (1 if today.month >= 10 else 0)


# ---------------------------------------------------------------------------------------
# The drills: each returns (fault, what users saw, what was lost).


def drill_postgres(d: Drill):
    base = d.stack.url
    traffic = Traffic(base).start()
    time.sleep(2)
    prefix, _resp, pk = d.upload(300)
    d.pg.restart()  # while the file is being checked
    recovered = wait_ok(base)
    if pk:
        d.confirm_when_checked(pk)
        wait_for(lambda: (j := d.import_job(pk)) and j["stage"] == "write" and j, 30, 0.05)
        d.pg.restart()  # while the rows are being written
        recovered = wait_ok(base)
    time.sleep(4)
    traffic.stop()
    saw, lasting = traffic.summary(recovered)
    job = d.finished_import(pk) if pk else None
    if job and job["status"] == "failed":
        saw += f"; the import page said: {job['error'][:110]}"
    saw += f"; {lasting} error(s) once PostgreSQL was back"
    return "PostgreSQL restarted twice (pages + an import: checking, then writing)", saw, d.import_outcome(prefix, pk)


def drill_redis(d: Drill):
    d.redis.stop()
    resp, rpk = d.ask_report("council")
    saw = f"asking for a report: {after_post(d.codi, resp)}"
    prefix, iresp, ipk = d.upload(300)
    saw += f"; uploading an import: {after_post(d.codi, iresp)}"
    d.redis.start()
    time.sleep(3)  # the worker reconnects
    swept = d.sweep()
    report = d.finished_report(rpk) if rpk else None
    if ipk:
        d.confirm_when_checked(ipk)
        d.finished_import(ipk)
    lost = f"{d.report_outcome(rpk)}; {d.import_outcome(prefix, ipk)}; sweep re-sent {swept}"
    return (
        "Redis stopped during a report and an import request, then started",
        saw,
        lost + ("" if report else " (report never finished)"),
    )


def _kill_pool(stack: Stack) -> bool:
    children = sh("pgrep", "-P", str(stack.worker.pid), check=False).stdout.split()
    for pid in children:
        os.kill(int(pid), 9)
    return bool(children)


def drill_worker_pool(d: Drill):
    _resp, rpk = d.ask_report("national")
    running = wait_for(lambda: (r := d.report(rpk)) and r["status"] == "running", 60, 0.05)
    killed_report = running and _kill_pool(d.stack)
    report = d.finished_report(rpk)
    prefix, _iresp, ipk = d.upload(2000)
    d.confirm_when_checked(ipk)
    writing = wait_for(
        lambda: (j := d.import_job(ipk)) and j["stage"] == "write" and j["status"] == "running", 60, 0.02
    )
    killed_import = writing and _kill_pool(d.stack)
    job = d.finished_import(ipk)
    saw = (
        f"report page: {'killed while running, ' if killed_report else 'not killed in time, '}"
        f"then {report['status'] if report else 'still running'}; import: "
        f"{'killed while writing, ' if killed_import else 'not killed in time, '}then {job['status'] if job else 'still running'}"
    )
    return (
        "Celery pool process SIGKILLed (as the OOM killer does) during a report and an import",
        saw,
        (f"{d.report_outcome(rpk)}; {d.import_outcome(prefix, ipk, rows=2000)}"),
    )


def drill_worker_whole(d: Drill):
    _resp, rpk = d.ask_report("national")
    wait_for(lambda: (r := d.report(rpk)) and r["status"] == "running", 60, 0.05)
    d.stack.kill_worker()
    d.stack.start_worker()
    stuck = d.report(rpk)["status"]
    time.sleep(66)  # past CELERY_TASK_TIME_LIMIT (5 s in the sweep below) + 60 s
    swept = d.sweep(time_limit=5)
    report = d.finished_report(rpk)
    saw = f"report page showed “{stuck}” until the stale-job sweep re-sent it, then {report['status'] if report else 'still running'}"
    return (
        "whole Celery worker SIGKILLed during a report (new worker started)",
        saw,
        f"{d.report_outcome(rpk)}; sweep {swept}",
    )


def drill_disk_full(d: Drill, media: Path | None):
    if media is None:
        return "media disk full during a photo upload", "skipped: could not mount a tmpfs (needs root)", "-"
    from PIL import Image

    staff = Person(d.stack.url, "council_x")
    buffer = io.BytesIO()
    Image.effect_noise((1200, 900), 80).convert("RGB").save(buffer, "JPEG", quality=95)
    title = f"ซ้อมดิสก์เต็ม {os.getpid()}"
    path = f"/councils/{d.council_code}/activities/new/"

    def post():
        form = staff.get(path)
        kind = re.search(r'<select name="kind"[^>]*>.*?<option value="([^"]+)"', form.text, re.S).group(1)
        data = {
            "csrfmiddlewaretoken": csrf(form.text),
            "date": format_date(dt.date.today()),  # dd/mm/BBBB, as the form reads it
            "kind": kind,
            "title": title,
            "participants": "12",
            "description": "",
            "outcomes": "",
        }
        files = {"photos": ("photo.jpg", buffer.getvalue(), "image/jpeg")}
        return staff.http.post(d.stack.url + path, data=data, files=files, allow_redirects=False, timeout=60)

    filler = media / "filler"
    with open(filler, "wb", buffering=0) as f:  # unbuffered: the write that fills the disk fails here, not at close
        try:
            while True:
                f.write(b"\0" * 65536)
        except OSError:
            pass
    before = {p for p in media.rglob("*") if p.is_file()}
    full = post()
    rows_full = d.pg.query("SELECT count(*) FROM councils_activity WHERE title = %s", title)[0][0]
    left = [p for p in media.rglob("*") if p.is_file() and p not in before]
    filler.unlink()
    again = post()
    rows = d.pg.query(
        "SELECT count(DISTINCT a.id), count(p.id) FROM councils_activity a LEFT JOIN councils_activityphoto p "
        "ON p.activity_id = a.id WHERE a.title = %s",
        title,
    )[0]
    saw = f"disk full: {describe(full)}; after space was freed, the same upload: {describe(again)}"
    lost = (
        f"{rows_full} activity saved while full, {len(left)} file(s) left on the disk by it; "
        f"after: {rows[0]} activity with {rows[1]} photo(s)"
    )
    return "media disk full (8 MB tmpfs) during an activity photo upload", saw, lost


# ---------------------------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pg-port", type=int, default=8105)
    parser.add_argument("--redis-port", type=int, default=8106)
    parser.add_argument("--port", type=int, default=8107)
    parser.add_argument("--quick", action="store_true", help="skip the whole-worker kill (waits ~70 s)")
    parser.add_argument(
        "--only", help="run only the drills whose name contains this (postgres, redis, pool, whole, disk)"
    )
    args = parser.parse_args()
    sys.stdout.reconfigure(line_buffering=True)
    if os.geteuid() != 0:
        sys.exit("the drill runs its own PostgreSQL as the postgres user and mounts a tmpfs: run it as root")

    pg, redis = PrivatePostgres(args.pg_port), PrivateRedis(args.redis_port)
    media = mount_media()
    stack = None
    try:
        print(
            f"== private PostgreSQL on {args.pg_port} ({pg.bin}), Redis on {args.redis_port}, gunicorn on {args.port}"
        )
        pg.start()
        redis.start()
        stack = Stack(
            database_url=pg.url,
            redis_url=f"redis://127.0.0.1:{args.redis_port}/0",
            port=args.port,
            workers=2,
            media_root=media or BASE / "media-disk",
            log_dir=BASE / "logs",
        )
        if not _database_exists(pg):
            sh("createdb", "-h", "127.0.0.1", "-p", str(args.pg_port), "-U", "postgres", "portal_faults")
            print("== migrate and seed the small demo world")
            sh(PY, "manage.py", "migrate", "-v0", cwd=ROOT, env=stack.env)
            sh(PY, "manage.py", "seed_demo", cwd=ROOT, env=stack.env)
        stack.start()
        drill = Drill(pg, redis, stack)
        drills = [
            ("postgres", lambda: drill_postgres(drill)),
            ("redis", lambda: drill_redis(drill)),
            ("pool", lambda: drill_worker_pool(drill)),
            ("whole", lambda: drill_worker_whole(drill)),
            ("disk", lambda: drill_disk_full(drill, media)),
        ]
        rows = []
        for name, run in drills:
            if (args.only and args.only not in name) or (args.quick and name == "whole"):
                continue
            print(f"== drill: {name}")
            started = time.monotonic()
            rows.append(run())
            print(f"   {rows[-1][1]}\n   -> {rows[-1][2]}  ({time.monotonic() - started:.0f} s)")
        print_table(rows)
    finally:
        if stack:
            stack.stop()
        redis.stop()
        try:
            pg.stop()
        except subprocess.CalledProcessError:
            pass
        if media is not None:
            sh("umount", str(media), check=False)


def _database_exists(pg: PrivatePostgres) -> bool:
    try:
        return bool(pg.query("SELECT 1 FROM accounts_user WHERE username = 'council_x'"))
    except psycopg2.Error:
        return False


def print_table(rows) -> None:
    import textwrap

    widths = (34, 62, 50)
    print(
        "\n" + " | ".join(h.ljust(w) for h, w in zip(("fault", "what users saw", "what was lost"), widths, strict=True))
    )
    print("-+-".join("-" * w for w in widths))
    for row in rows:
        cells = [textwrap.wrap(str(cell), w) or [""] for cell, w in zip(row, widths, strict=True)]
        for i in range(max(len(c) for c in cells)):
            print(" | ".join((c[i] if i < len(c) else "").ljust(w) for c, w in zip(cells, widths, strict=True)))
        print("-+-".join("-" * w for w in widths))


if __name__ == "__main__":
    main()
