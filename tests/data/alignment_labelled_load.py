"""Reads tests/data/alignment_labelled.json back as the matcher's plain data (used by
tests/plans/test_matching.py and bench/alignment_bench.py)."""

from __future__ import annotations

import json
from pathlib import Path

OUT = Path(__file__).with_name("alignment_labelled.json")




def load(path: Path = OUT):
    """(items, candidates, context, gold) from the JSON: gold maps an item's key to
    "project:<id>" / "mission:<id>" or None."""
    from plans.matching import MISSION, PROJECT, Area, CandidateDoc, Context, ItemDoc

    data = json.loads(path.read_text(encoding="utf-8"))
    tambons = {int(k): v for k, v in data["tambons"].items()}
    agencies = {a["id"]: a for a in data["agencies"]}
    province = data["province"]

    def area_of(agency):
        return agency["tambon"], agency["district"], agency["province"]

    candidates = []
    for p in data["projects"]:
        lao = agencies[p["lao"]]
        tambon, district, prov = area_of(lao)
        candidates.append(CandidateDoc(
            kind=PROJECT, key=p["id"], title=p["title"], text=f"{p['objective']} {p['location']}",
            theme_id=p["theme"], years=frozenset(p["years"]), budget=float(p["budget"]), owner_id=lao["id"],
            owner_name=lao["name"], tambon_id=tambon, district_id=district, province_id=prov,
        ))
    for m in data["missions"]:
        agency = agencies[m["agency"]]
        tambon, district, prov = area_of(agency)
        candidates.append(CandidateDoc(
            kind=MISSION, key=m["id"], title=m["title"], text=m["description"], theme_id=m["theme"],
            years=frozenset([m["fiscal_year"]]), budget=float(m["budget"]), owner_id=agency["id"],
            owner_name=agency["name"], tambon_id=tambon, district_id=district, province_id=prov,
        ))
    items, gold = [], {}
    for i in data["items"]:
        tambon = i["tambon"]
        items.append(ItemDoc(
            key=i["id"], title=i["title"], text=f"{i['description']} {i['location']}", theme_id=i["theme"],
            fiscal_year=i["fiscal_year"], budget=float(i["budget"]),
            area=Area(tambon_id=tambon, district_id=tambons[tambon]["district"], province_id=province),
            target_agency_id=i["target_agency"],
        ))
        gold[i["id"]] = i["gold"]
    context = Context()
    for row in data["registry_villages"]:
        context.villages.setdefault(row["tambon"], {})[int(row["village_code"][-2:])] = row["village_name"].removeprefix("บ้าน")
    return items, candidates, context, gold
