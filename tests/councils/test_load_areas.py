import pytest
from django.core.management import call_command

from geo.models import District, Province, Subdistrict


@pytest.mark.django_db
def test_load_areas_loads_the_whole_country_and_is_idempotent(capsys):
    call_command("load_areas")
    assert (Province.objects.count(), District.objects.count(), Subdistrict.objects.count()) == (77, 928, 7436)
    cm = Province.objects.get(code="50")
    assert (cm.name_th, cm.name_en) == ("เชียงใหม่", "Chiang Mai")
    assert District.objects.get(code="5001").province == cm
    sub = Subdistrict.objects.select_related("district").get(code="500101")
    assert (sub.name_th, sub.district.code) == ("ศรีภูมิ", "5001")
    # every area was recorded in its history, by the bulk helper
    assert Subdistrict.history.count() == 7436

    call_command("load_areas")
    out = capsys.readouterr().out
    assert "(nothing changed)" in out
    assert Subdistrict.history.count() == 7436


@pytest.mark.django_db
def test_load_areas_repairs_a_changed_name():
    call_command("load_areas")
    Province.objects.filter(code="50").update(name_th="ผิด")
    call_command("load_areas")
    assert Province.objects.get(code="50").name_th == "เชียงใหม่"
