"""What bench/faults.py drills with: its own PostgreSQL and Redis, a tmpfs for media, people
browsing and sending forms, and how an answer looked to them."""

from __future__ import annotations

import glob
import os
import random
import re
import shutil
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path

import psycopg2
import requests

PASSWORD = "demo-pass-2569"
BASE = Path("/tmp/portal-faults")
THAI = re.compile(r"[\u0e00-\u0e7f]")


def sh(*cmd, check=True, **kw):
    return subprocess.run(cmd, check=check, capture_output=True, text=True, **kw)


# ---------------------------------------------------------------------------------------
# The private services.


class PrivatePostgres:
    def __init__(self, port: int):
        self.port, self.data = port, BASE / "pg"
        found = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"))
        if not found:
            sys.exit("no PostgreSQL server binaries under /usr/lib/postgresql/*/bin: cannot run the drill")
        self.bin = Path(found[-1]).parent

    def _pg(self, *args):
        return sh("runuser", "-u", "postgres", "--", *args)

    def start(self):
        if not (self.data / "PG_VERSION").exists():
            self.data.mkdir(parents=True, exist_ok=True)
            shutil.chown(self.data, "postgres", "postgres")
            self._pg(
                str(self.bin / "initdb"),
                "-D",
                str(self.data),
                "-A",
                "trust",
                "-U",
                "postgres",
                "-E",
                "UTF8",
                "--locale=C.UTF-8",
            )
        self._ctl("start")

    def _ctl(self, action):
        opts = f"-p {self.port} -k /tmp -c listen_addresses=127.0.0.1 -c fsync=off"
        self._pg(
            str(self.bin / "pg_ctl"),
            "-D",
            str(self.data),
            "-o",
            opts,
            "-l",
            str(self.data / "log"),
            "-w",
            "-m",
            "fast",
            action,
        )

    def restart(self):
        self._ctl("restart")

    def stop(self):
        self._pg(str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", "fast", "-w", "stop")

    @property
    def url(self):
        return f"postgres://postgres@127.0.0.1:{self.port}/portal_faults"

    def query(self, sql, *params):
        with psycopg2.connect(self.url) as conn, conn.cursor() as cur:
            cur.execute(sql, params)
            return cur.fetchall()


class PrivateRedis:
    def __init__(self, port: int):
        self.port, self.proc = port, None

    def start(self):
        self.proc = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
            stdout=subprocess.DEVNULL,
        )
        for _ in range(50):
            if sh("redis-cli", "-p", str(self.port), "ping", check=False).stdout.strip() == "PONG":
                return
            time.sleep(0.1)

    def stop(self):
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            self.proc.wait()


def mount_media(size="8m") -> Path | None:
    media = BASE / "media"
    media.mkdir(parents=True, exist_ok=True)
    if os.path.ismount(media):
        return media
    done = sh("mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(media), check=False)
    return media if done.returncode == 0 else None


# ---------------------------------------------------------------------------------------
# People.


class Person:
    def __init__(self, base: str, login: str | None):
        self.base, self.http = base, requests.Session()
        if login:
            page = self.http.get(f"{base}/accounts/login/", timeout=30)
            resp = self.http.post(
                f"{base}/accounts/login/",
                data={"username": login, "password": PASSWORD, "csrfmiddlewaretoken": csrf(page.text)},
                allow_redirects=False,
                timeout=30,
            )
            assert resp.status_code == 302, f"{login} could not sign in"

    def get(self, path, **kw):
        return self.http.get(self.base + path, timeout=30, **kw)

    def post_form(self, path, data, files=None):
        form = self.get(path)
        data = {**data, "csrfmiddlewaretoken": csrf(form.text)}
        return self.http.post(self.base + path, data=data, files=files, allow_redirects=False, timeout=60)


def csrf(html: str) -> str:
    found = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html or "")
    return found.group(1) if found else ""


def describe(resp) -> str:
    """A response as a person saw it: status and the page's heading (or the API detail)."""
    if isinstance(resp, Exception):
        return f"no answer ({type(resp).__name__})"
    text = resp.text or ""
    heading = re.search(r"<h1[^>]*>(.*?)</h1>", text, re.S)
    said = re.sub(r"<[^>]+>|\s+", " ", heading.group(1)).strip() if heading else text[:60]
    return f"{resp.status_code} “{said}”" + ("" if THAI.search(said) or resp.status_code < 400 else " (not Thai)")


STATUS_WORDS = ("รอคิว", "กำลังดำเนินการ", "รอยืนยัน", "เสร็จแล้ว", "ล้มเหลว")


def after_post(person: Person, resp) -> str:
    """What the person read after sending a form: the page it led to, its message and the
    job's status word on it."""
    if isinstance(resp, Exception) or resp.status_code != 302:
        return describe(resp)
    page = person.get(resp.headers["Location"]).text
    message = re.search(r'<p class="message[^"]*">(.*?)</p>', page, re.S)
    status = next((word for word in STATUS_WORDS if word in page), "")
    said = re.sub(r"<[^>]+>|\s+", " ", message.group(1)).strip() if message else ""
    return f"302 → “{said}”" + (f", status “{status}”" if status else "")


class Traffic:
    """People browsing while a fault happens: every answer's status, by time."""

    PAGES = ["/", "/meetings/public/", "/reports/public/", "/about/", "/healthz/"]

    def __init__(self, base: str, people: int = 4):
        self.base, self.people, self.stop_flag = base, people, threading.Event()
        self.seen: list[tuple[float, str]] = []
        self.examples: dict[str, str] = {}
        self.threads = []

    def _run(self, person: Person):
        while not self.stop_flag.is_set():
            path = random.choice(self.PAGES)
            try:
                resp = person.get(path)
                key = str(resp.status_code)
            except requests.RequestException as exc:
                resp, key = exc, "no answer"
            self.seen.append((time.monotonic(), key))
            if key != "200" and key not in self.examples:
                self.examples[key] = describe(resp)
            time.sleep(0.1)

    def start(self, signed_in: Person | None = None):
        for i in range(self.people):
            person = signed_in if (i == 0 and signed_in) else Person(self.base, None)
            thread = threading.Thread(target=self._run, args=(person,), daemon=True)
            thread.start()
            self.threads.append(thread)
        return self

    def stop(self):
        self.stop_flag.set()
        for thread in self.threads:
            thread.join()

    def summary(self, recovered_at: float) -> tuple[str, int]:
        during = Counter(k for t, k in self.seen if t < recovered_at)
        after = [k for t, k in self.seen if t >= recovered_at + 2]
        saw = ", ".join(f"{n}× {self.examples.get(k, k)}" for k, n in during.most_common() if k != "200")
        return saw or "nothing unusual", sum(1 for k in after if k != "200")


def wait_ok(base: str, timeout=60) -> float:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if requests.get(base + "/healthz/", timeout=5).status_code == 200:
                return time.monotonic()
        except requests.RequestException:
            pass
        time.sleep(0.2)
    return time.monotonic()


def wait_for(fn, timeout=120, every=0.5):
    deadline = time.monotonic() + timeout
    value = fn()
    while not value and time.monotonic() < deadline:
        time.sleep(every)
        value = fn()
    return value
