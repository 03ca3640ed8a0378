"""Browser journeys: Debian's chromium driven by Playwright's sync API against live_server.

No browser is downloaded: Playwright launches /usr/bin/chromium. When it is missing the
journeys fail under CI=true (a browser test that silently skips in CI proves nothing) and
are skipped elsewhere.
"""

import os
import re
from pathlib import Path

import pytest

from tests.factories import PASSWORD

# Playwright's sync API keeps an asyncio loop in this thread; Django would otherwise refuse
# ORM calls made from the test body ("You cannot call this from an async context").
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
DEFAULT_TIMEOUT_MS = 10_000


def _in_ci() -> bool:
    return os.environ.get("CI", "").lower() == "true"


def _unavailable(reason: str):
    if _in_ci():
        pytest.fail(f"CI=true and the browser journeys cannot run: {reason}", pytrace=False)
    pytest.skip(f"browser journeys skipped: {reason}")


@pytest.fixture(scope="session")
def browser():
    if not (CHROMIUM.is_file() and os.access(CHROMIUM, os.X_OK)):
        _unavailable(f"{CHROMIUM} is missing (apt-get install chromium)")
    try:
        from playwright.sync_api import expect, sync_playwright
    except ImportError:
        _unavailable("the Python package 'playwright' is not installed")
    expect.set_options(timeout=DEFAULT_TIMEOUT_MS)
    pw = sync_playwright().start()
    try:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
    except Exception:
        pw.stop()
        raise
    yield browser
    browser.close()
    pw.stop()


@pytest.fixture
def new_page(browser, live_server):
    """new_page(**context_options) -> a page in a fresh context (own cookies) on live_server."""
    contexts = []

    def make(**options):
        options = {"locale": "th-TH", "timezone_id": "Asia/Bangkok", "accept_downloads": True, **options}
        context = browser.new_context(base_url=live_server.url, **options)
        context.set_default_timeout(DEFAULT_TIMEOUT_MS)
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def log_in():
    """Log in through the real form, the way a person does: open it, type, submit."""
    from playwright.sync_api import expect

    def do(page, username: str, password: str = PASSWORD):
        page.goto("/accounts/login/")
        page.get_by_label("ชื่อผู้ใช้").fill(username)
        page.get_by_label("รหัสผ่าน").fill(password)
        with page.expect_navigation():
            page.get_by_role("button", name="เข้าสู่ระบบ").click()
        # A refused login re-renders the form (and counts towards the axes lockout): say so.
        expect(page.locator(".form-errors")).to_have_count(0)
        expect(page.get_by_role("button", name=re.compile("ออกจากระบบ"))).to_be_visible()
        return page

    return do


@pytest.fixture
def celery_queue_only(settings):
    """Reports are only *sent* to the broker (in-memory), not run at request time, so the
    page really starts "queued" and the test plays the worker. Yields the Celery app."""
    from kombu import pools

    from config.celery_app import app

    def forget_broker_connections():  # a pooled connection may still point at another broker
        pools.reset()
        app._pool = None
        if "amqp" in app.__dict__:
            app.amqp._producer_pool = None

    settings.CELERY_BROKER_URL = "memory://"
    settings.CELERY_TASK_ALWAYS_EAGER = False
    forget_broker_connections()
    # The app reads Django's settings lazily; if it ever stops doing so, set it directly.
    pushed = False
    if app.conf.task_always_eager:
        app.conf.task_always_eager = False
        pushed = True
    assert app.conf.broker_url == "memory://", app.conf.broker_url
    yield app
    with app.connection_for_write() as conn:
        conn.default_channel.queue_purge(app.conf.task_default_queue)
    if pushed:
        app.conf.changes.pop("task_always_eager", None)
    forget_broker_connections()
