"""agencies 0003 makes the province optional (national agencies) and checks the area is a
chain: every row stored before keeps the level its fields imply; a tambon row saved without
its district gets it filled in rather than being lost."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("agencies", "0002_areas_point_at_geo")]
AFTER = [("agencies", "0003_national_agencies_missions_agreements")]


@pytest.mark.django_db(transaction=True)
def test_existing_agencies_keep_their_rows_and_levels():
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    apps = executor.loader.project_state(BEFORE).apps
    Province, District, Subdistrict = (apps.get_model("geo", m) for m in ("Province", "District", "Subdistrict"))
    Agency = apps.get_model("agencies", "Agency")
    p = Province.objects.create(code="50", name_th="เชียงใหม่", name_en="Chiang Mai")
    d = District.objects.create(code="5002", name_th="จอมทอง", name_en="", province=p)
    t = Subdistrict.objects.create(code="500203", name_th="บ้านหลวง", name_en="", district=d, postal_codes="")
    ids = [
        Agency.objects.create(name="อบต.บ้านหลวง", kind="sao", dla_code="6500203", province=p, district=d, subdistrict=t).pk,
        Agency.objects.create(name="กองทุน", kind="fund", province=p, subdistrict=t).pk,  # no district
        Agency.objects.create(name="ที่ว่าการอำเภอจอมทอง", kind="district_office", province=p, district=d).pk,
        Agency.objects.create(name="สำนักงานจังหวัด", kind="provincial_office", province=p).pk,
    ]

    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())

    from agencies.models import Agency as Current

    rows = {a.pk: a for a in Current.objects.all()}
    assert sorted(rows) == sorted(ids)
    assert [rows[i].area_level for i in ids] == ["tambon", "tambon", "district", "province"]
    assert rows[ids[1]].district_id == d.pk  # filled in from its tambon
    assert all(rows[i].province_id == p.pk for i in ids)
