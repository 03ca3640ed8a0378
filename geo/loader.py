"""Loading the DOPA area hierarchy from the geothai package (data CC-BY-4.0)."""

from __future__ import annotations

from dataclasses import dataclass

import geothai
from django.db import transaction
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from geo.models import District, Province, Subdistrict


@dataclass
class LoadResult:
    created: dict[str, int]
    updated: dict[str, int]

    @property
    def changed(self) -> bool:
        return any(self.created.values()) or any(self.updated.values())


def _sync(model, rows: dict[str, dict], fields: list[str]) -> tuple[int, int]:
    existing = {obj.code: obj for obj in model.objects.all()}
    to_create, to_update = [], []
    for code, values in rows.items():
        obj = existing.get(code)
        if obj is None:
            to_create.append(model(code=code, **values))
        elif any(getattr(obj, f) != values[f] for f in fields):
            for f in fields:
                setattr(obj, f, values[f])
            to_update.append(obj)
    if to_create:
        bulk_create_with_history(to_create, model, batch_size=2000, default_change_reason="load_areas")
    if to_update:
        bulk_update_with_history(to_update, model, fields, batch_size=2000, default_change_reason="load_areas")
    return len(to_create), len(to_update)


@transaction.atomic
def areas_load() -> LoadResult:
    created, updated = {}, {}
    provinces = {p.code: {"name_th": p.name_th, "name_en": p.name_en} for p in geothai.provinces()}
    created["provinces"], updated["provinces"] = _sync(Province, provinces, ["name_th", "name_en"])

    province_ids = dict(Province.objects.values_list("code", "id"))
    districts = {}
    for p in geothai.provinces():
        for d in geothai.districts(p.code):
            districts[d.code] = {"name_th": d.name_th, "name_en": d.name_en, "province_id": province_ids[d.province_code]}
    created["districts"], updated["districts"] = _sync(District, districts, ["name_th", "name_en", "province_id"])

    district_ids = dict(District.objects.values_list("code", "id"))
    subdistricts = {}
    for code in districts:
        for s in geothai.subdistricts(code):
            subdistricts[s.code] = {
                "name_th": s.name_th,
                "name_en": s.name_en,
                "district_id": district_ids[s.district_code],
                "postal_codes": " ".join(s.postal_codes),
            }
    created["subdistricts"], updated["subdistricts"] = _sync(
        Subdistrict, subdistricts, ["name_th", "name_en", "district_id", "postal_codes"]
    )
    return LoadResult(created=created, updated=updated)
