"""The areas moved from councils to geo by renaming their tables: a database filled at
the previous state migrates forward with every row, id and reference kept."""

import hashlib

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

# The state of main before the move: the last migration of every app that pointed at areas.
BEFORE_MOVE = [
    ("councils", "0004_report_scopes_versions_regions"),
    ("agencies", "0001_initial"),
    ("accounts", "0002_initial"),
    ("plans", "0001_initial"),
    ("meetings", "0001_initial"),
    ("reports", "0004_schedule_quarterly_and_annual_reports"),
]

# (table suffix, columns): the rows and references the move must keep, read by SQL.
AREA_TABLES = [
    ("province", "id, code, name_th"),
    ("district", "id, code, province_id"),
    ("subdistrict", "id, code, district_id, postal_codes"),
    ("theme", "id, code, name_th"),
    ("region", "id, code"),
    ("region_provinces", "region_id, province_id"),
    ("historicalprovince", "history_id, id, code"),
    ("historicaltheme", "history_id, id, code"),
]
REFERENCES = [
    ("councils_council", "id, subdistrict_id, name"),
    ("councils_council_themes", "council_id, theme_id"),
    ("agencies_agency", "id, province_id, district_id, subdistrict_id"),
    ("accounts_roleassignment", "id, district_id"),
    ("accounts_roleassignment_provinces", "roleassignment_id, province_id"),
]


def _fingerprint(prefix: str) -> dict[str, tuple[int, str]]:
    """Row count and an MD5 of every row, per table, read in id order."""
    tables = [(t, f"{prefix}_{t}", cols) for t, cols in AREA_TABLES] + [(t, t, cols) for t, cols in REFERENCES]
    out = {}
    with connection.cursor() as cursor:
        for key, table, cols in tables:
            cursor.execute(f"SELECT {cols} FROM {table} ORDER BY {cols}")  # noqa: S608 (fixed names)
            rows = cursor.fetchall()
            digest = hashlib.md5(repr(rows).encode(), usedforsecurity=False).hexdigest()
            out[key] = (len(rows), digest)
    return out


def _fill(apps):
    Province = apps.get_model("councils", "Province")
    District = apps.get_model("councils", "District")
    Subdistrict = apps.get_model("councils", "Subdistrict")
    Theme = apps.get_model("councils", "Theme")
    Region = apps.get_model("councils", "Region")
    HistoricalProvince = apps.get_model("councils", "HistoricalProvince")
    HistoricalTheme = apps.get_model("councils", "HistoricalTheme")
    Council = apps.get_model("councils", "Council")
    Agency = apps.get_model("agencies", "Agency")
    User = apps.get_model("accounts", "User")
    RoleAssignment = apps.get_model("accounts", "RoleAssignment")

    themes = [Theme.objects.create(code=f"t{i}", name_th=f"ประเด็นที่ {i}") for i in range(3)]
    for t in themes:
        HistoricalTheme.objects.create(id=t.id, code=t.code, name_th=t.name_th, history_date=timezone.now(), history_type="+")
    provinces = []
    for p in ("50", "57"):
        province = Province.objects.create(code=p, name_th=f"จังหวัด {p}", name_en=p)
        HistoricalProvince.objects.create(
            id=province.id, code=p, name_th=province.name_th, name_en=p, history_date=timezone.now(), history_type="+"
        )
        provinces.append(province)
        for d in ("01", "02"):
            district = District.objects.create(code=p + d, name_th=f"อำเภอ {p}{d}", name_en="", province=province)
            for s in ("01", "02"):
                sub = Subdistrict.objects.create(
                    code=p + d + s, name_th=f"ตำบล {p}{d}{s}", name_en="", district=district, postal_codes="50160"
                )
                council = Council.objects.create(subdistrict=sub, name=f"สภาองค์กรชุมชนตำบล {sub.code}")
                council.themes.set(themes[: int(s)])
                Agency.objects.create(
                    name=f"อบต. {sub.code}", kind="sao", dla_code=f"6{sub.code}", province=province,
                    district=district, subdistrict=sub,
                )
    region = Region.objects.create(code="north", name_th="ภาคเหนือ")
    region.provinces.set(provinces)
    user = User.objects.create(username="officer")
    RoleAssignment.objects.create(user=user, role="district_officer", district=District.objects.get(code="5001"))
    codi = RoleAssignment.objects.create(user=user, role="codi_staff")
    codi.provinces.set(provinces[:1])


@pytest.mark.django_db(transaction=True)
def test_a_filled_database_migrates_to_geo_without_losing_a_row():
    executor = MigrationExecutor(connection)
    executor.migrate([*BEFORE_MOVE, ("geo", None)])
    _fill(executor.loader.project_state(BEFORE_MOVE).apps)
    before = _fingerprint("councils")

    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())

    after = _fingerprint("geo")
    assert after == before
    assert before["subdistrict"][0] == 8 and before["councils_council_themes"][0] == 12

    # The moved models work through the ORM: references resolve, new ids do not collide.
    from agencies.models import Agency
    from councils.models import Council
    from geo.models import Province, Region, Theme

    council = Council.objects.select_related("subdistrict__district__province").get(subdistrict__code="500202")
    assert council.subdistrict.district.province.code == "50"
    assert sorted(council.themes.values_list("code", flat=True)) == ["t0", "t1"]
    assert Agency.objects.get(dla_code="6570101").province.code == "57"
    assert sorted(Region.objects.get(code="north").provinces.values_list("code", flat=True)) == ["50", "57"]
    assert Theme.objects.create(code="new", name_th="ใหม่").pk > max(Theme.objects.exclude(code="new").values_list("pk", flat=True))
    assert Province.history.count() == 2
    from django.contrib.contenttypes.models import ContentType

    assert ContentType.objects.get_for_model(Province).app_label == "geo"
    assert not ContentType.objects.filter(app_label="councils", model__in=["province", "theme", "region"]).exists()
