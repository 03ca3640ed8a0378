"""The matcher on its own (no database): the labelled set's targets, on the half the
weights were tuned on and on the half they were not, and the pieces it is made of."""

import pytest

from plans import matching
from plans.matching import text as thai
from plans.matching.rank import Area, CandidateDoc, ItemDoc, suggest

from ..data.alignment_labelled_load import load


@pytest.fixture(scope="module")
def labelled():
    items, candidates, context, gold = load()
    result = suggest(items, candidates, context=context)
    ranked = {k: [(f"{s.candidate.kind}:{s.candidate.key}", s.score) for s in v] for k, v in result.items()}
    return ranked, gold


def test_the_labelled_set_is_big_and_varied_enough(labelled):
    _ranked, gold = labelled
    assert len(gold) >= 200
    assert sum(1 for g in gold.values() if g is None) >= 40


@pytest.mark.parametrize("half", ["all", "tuned", "held_out"])
def test_quality_targets_on_the_labelled_set(labelled, half):
    ranked, gold = labelled
    part = {"all": gold, "tuned": {k: g for k, g in gold.items() if k % 2 == 0},
            "held_out": {k: g for k, g in gold.items() if k % 2 == 1}}[half]
    quality = matching.measure(ranked, part, matching.CONFIDENCE_LINE)
    assert quality.top1 >= 0.80, quality.line(half)
    assert quality.top3 >= 0.90, quality.line(half)
    assert quality.abstention >= 0.70, quality.line(half)


def test_the_domain_knowledge_beats_plain_tfidf(labelled):
    ranked, gold = labelled
    items, candidates, _context, _gold = load()
    base = matching.baseline_suggest(items, candidates)
    base_ranked = {k: [(f"{c.kind}:{c.key}", s) for c, s in v] for k, v in base.items()}
    ours = matching.measure(ranked, gold, matching.CONFIDENCE_LINE)
    plain = matching.measure(base_ranked, gold, 0.3)
    assert ours.top1 > plain.top1 + 0.2 and ours.top3 > plain.top3


def test_measure_counts_exactly():
    ranked = {1: [("project:1", 0.9)], 2: [("project:3", 0.9), ("project:2", 0.5)], 3: [("project:4", 0.1)], 4: []}
    gold = {1: "project:1", 2: "project:2", 3: None, 4: None}
    q = matching.measure(ranked, gold, 0.5)
    assert (q.top1, q.top3, q.abstention, q.matched, q.unmatched) == (0.5, 1.0, 1.0, 2, 2)


def test_synonyms_become_one_word():
    assert "ผู้สูงอายุ" in thai.tokens("ดูแลผู้เฒ่าผู้แก่ที่ติดบ้านติดเตียง")
    assert "คนพิการ" in thai.tokens("ทำทางลาดให้ผู้พิการ")
    assert "ถนนลูกรัง" in thai.tokens("ซ่อมถนนดินเข้าไร่")
    assert "ฝาย" in thai.tokens("โครงการก่อสร้างฝายชะลอน้ำ") and "ฝาย" in thai.tokens("ทำฝายกั้นลำห้วย")
    assert "ระบบประปา" in thai.tokens("ปรับปรุงประปาหมู่บ้าน")
    assert "โครงการ" not in thai.tokens("โครงการก่อสร้างถนน")


def test_villages_by_number_and_by_name():
    villages = {3: "หนองบัว", 5: "ห้วยทราย"}
    assert thai.villages_named("ซ่อมถนนที่บ้านหนองบัว", villages) == {3}
    assert thai.villages_named("โครงการก่อสร้างถนน คสล. หมู่ที่ ๕", villages) == {5}
    assert thai.villages_named("ม.3 และหมู่ 5", villages) == {3, 5}
    assert thai.village_pairs("ก่อสร้างฝาย หมู่ที่ 7 บ้านทุ่งหลวง ตำบลบ้านกาด") == {7: "ทุ่งหลวง"}


AREA = Area(tambon_id=1, district_id=10, province_id=100)


def project(key, title, *, tambon=1, district=10, years=(2569,), theme=1, budget=100_000, owner=None):
    return CandidateDoc(
        kind=matching.PROJECT, key=key, title=title, text="", theme_id=theme, years=frozenset(years),
        budget=budget, owner_id=owner or tambon, owner_name="อบต.", tambon_id=tambon, district_id=district,
        province_id=100,
    )


def item(title, **kw):
    return ItemDoc(key=1, title=title, text="", theme_id=1, fiscal_year=2569, budget=100_000, area=AREA, **kw)


def test_siblings_are_told_apart_by_village_and_why_says_so():
    context = matching.Context(villages={1: {2: "หนองบัว", 4: "ป่าตึง"}})
    candidates = [project(1, "โครงการก่อสร้างถนนคอนกรีตเสริมเหล็ก หมู่ที่ 2"), project(2, "โครงการก่อสร้างถนนคอนกรีตเสริมเหล็ก หมู่ที่ 4")]
    best = suggest([item("เทถนนปูนในซอยบ้านป่าตึง")], candidates, context=context)[1]
    assert [s.candidate.key for s in best] == [2, 1]
    assert "หมู่บ้านเดียวกัน: หมู่ที่ 4 บ้านป่าตึง" in best[0].why
    assert "คนละหมู่บ้าน: หมู่ที่ 2 บ้านหนองบัว" in best[1].why
    assert any(w.startswith("คำที่ตรงกัน: ") and "ถนนคอนกรีต" in w for w in best[0].why)


def test_outside_the_area_or_the_year_window_is_never_suggested():
    candidates = [
        project(1, "โครงการขุดลอกหนองสาธารณะ", tambon=9, district=99),  # another district's LAO
        project(2, "โครงการขุดลอกหนองสาธารณะ", years=(2566,)),  # budgeted years ago only
        project(3, "โครงการขุดลอกหนองสาธารณะ", years=(2570,)),
    ]
    best = suggest([item("ลอกหนองน้ำที่ตื้นเขิน")], candidates)[1]
    assert [s.candidate.key for s in best] == [3]


def test_nothing_fits_stays_below_the_confidence_line():
    candidates = [project(1, "โครงการก่อสร้างถนนคอนกรีตเสริมเหล็ก"), project(2, "โครงการป้องกันโรคไข้เลือดออก")]
    best = suggest([item("ติดตั้งไวไฟฟรีที่ศาลาหมู่บ้าน")], candidates)[1]
    assert best and not any(s.confident for s in best)
