"""The parts of the national world bench/load.py and bench/profile_pages.py visit: the demo
logins' council, district and agency, and samples of councils, districts and provinces.
Read once with plain SQL, before any load."""

from __future__ import annotations

import datetime as dt
import sys

import psycopg2


class World:
    councils: dict[str, str] = {}  # login -> council code
    districts: dict[str, str] = {}  # login -> district code
    district_councils: dict[str, list[str]] = {}  # district code -> council codes
    agencies: dict[str, int] = {}  # login -> agency id
    all_councils: list[str] = []
    north_councils: list[str] = []  # Chiang Mai's: codi_north's region
    all_districts: list[str] = []
    provinces: list[str] = []
    reports: list[int] = []
    public_reports: list[int] = []
    public_meetings: list[int] = []
    fiscal_year: int = 0


def load_world(dsn: str) -> None:
    with psycopg2.connect(dsn) as conn, conn.cursor() as cur:

        def rows(sql):
            cur.execute(sql)
            return cur.fetchall()

        base = """
            FROM accounts_roleassignment ra JOIN accounts_user u ON u.id = ra.user_id
        """
        World.councils = dict(
            rows(f"""SELECT u.username, s.code {base}
            JOIN councils_council c ON c.id = ra.council_id JOIN geo_subdistrict s ON s.id = c.subdistrict_id
            WHERE ra.role = 'council_staff'""")
        )
        World.districts = dict(
            rows(f"""SELECT u.username, d.code {base}
            JOIN geo_district d ON d.id = ra.district_id WHERE ra.role = 'district_officer'""")
        )
        World.agencies = dict(rows(f"SELECT u.username, ra.agency_id {base} WHERE ra.role = 'agency_staff'"))
        for code in set(World.districts.values()):
            World.district_councils[code] = [
                r[0]
                for r in rows(f"""SELECT s.code FROM councils_council c
                JOIN geo_subdistrict s ON s.id = c.subdistrict_id JOIN geo_district d ON d.id = s.district_id
                WHERE d.code = '{code}' ORDER BY s.code""")
            ]
        World.all_councils = [
            r[0]
            for r in rows("""SELECT s.code FROM councils_council c
            JOIN geo_subdistrict s ON s.id = c.subdistrict_id ORDER BY random() LIMIT 500""")
        ]
        World.north_councils = [
            r[0]
            for r in rows("""SELECT s.code FROM councils_council c
            JOIN geo_subdistrict s ON s.id = c.subdistrict_id WHERE s.code LIKE '50%%' ORDER BY s.code""")
        ]
        World.all_districts = [r[0] for r in rows("SELECT code FROM geo_district ORDER BY random() LIMIT 200")]
        World.provinces = [r[0] for r in rows("SELECT code FROM geo_province")]
        World.reports = [r[0] for r in rows("SELECT id FROM reports_report ORDER BY id DESC LIMIT 20")]
        World.public_reports = [r[0] for r in rows("SELECT id FROM reports_report WHERE is_published LIMIT 20")]
        World.public_meetings = [
            r[0] for r in rows("SELECT id FROM meetings_meeting WHERE published_at IS NOT NULL LIMIT 50")
        ]
    today = dt.date.today()
    World.fiscal_year = today.year + 543 + (1 if today.month >= 10 else 0)
    missing = [
        name
        for name in ("council_x", "district_d1", "agency_lao")
        if name not in {**World.councils, **World.districts, **World.agencies}
    ]
    if missing or not World.all_councils:
        sys.exit(
            f"the database lacks the demo world (missing logins: {', '.join(missing) or '-'}); "
            "build it with `manage.py seed_demo --scale national`"
        )


def ensure_statistics(dsn: str) -> str:
    """A database never analyzed (a fresh seed or copy where autovacuum is off, as on this
    machine) plans the organization search as if it matched 2 rows and joins 24,605 before
    sorting: 300 ms instead of 3. A live database has been analyzed by autovacuum; make the
    bench world look like one. Returns what it did, to print."""
    with psycopg2.connect(dsn) as conn, conn.cursor() as cur:
        cur.execute(
            "SELECT count(*) FROM pg_stat_user_tables WHERE last_analyze IS NULL AND last_autoanalyze IS NULL "
            "AND relname IN ('councils_communityorganization', 'councils_council', 'councils_activity')"
        )
        if not cur.fetchone()[0]:
            return "planner statistics present"
        conn.commit()
        conn.autocommit = True
        cur.execute("ANALYZE")
        return "ANALYZE run first (the database had no planner statistics)"
