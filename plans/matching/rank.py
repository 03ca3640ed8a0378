"""Rank the LAO projects and agency missions that could take up a council's plan items.

Pure functions over plain data (``ItemDoc``, ``CandidateDoc``, ``Area``): no database.
The score of a candidate for an item adds, to the TF-IDF cosine of their words (after the
field's lexicon made synonyms one word), what the domain knows:

  same theme               + THEME
  same village             + VILLAGE_SAME  (the item names หมู่ที่ 3, the project บ้านหนองบัว)
  another village only     − VILLAGE_OTHER (sibling projects that differ by village)
  budgeted in the item's year + YEAR_SAME (only in the year before or after: nothing)
  budget close             + BUDGET × min/max of the two amounts
  the tambon's own LAO     + OWN_LAO (or the agency the item was meant for: + TARGET)

Candidates outside the item's area or year window are never scored. A suggestion at or
above ``CONFIDENCE_LINE`` is shown as a match; below it the page says no project fits.
Weights were tuned on the even half of tests/data/alignment_labelled.json and are
reported on both halves by bench/alignment_bench.py.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from . import text as thai

PROJECT, MISSION = "project", "mission"

THEME = 0.05
VILLAGE_SAME = 0.12
VILLAGE_OTHER = 0.50
YEAR_SAME = 0.03
BUDGET = 0.05
OWN_LAO = 0.20
TARGET = 0.06
TITLE_WEIGHT = 2  # the title's words count twice
CONFIDENCE_LINE = 0.64
SHORTLIST = 15  # candidates per item re-scored with villages after the vectorised pass
YEAR_BASE = 2540  # fiscal years are kept as bits from here (2540–2601)
YEAR_WINDOW = 1  # a project budgeted within ±1 year of the item's fiscal year


@dataclass(frozen=True)
class Area:
    """Where a plan item's council is (ids of geo rows)."""

    tambon_id: int
    district_id: int
    province_id: int


@dataclass(frozen=True)
class ItemDoc:
    key: int
    title: str
    text: str  # description, target group, location
    theme_id: int | None
    fiscal_year: int
    budget: float
    area: Area
    target_agency_id: int | None = None


@dataclass(frozen=True)
class CandidateDoc:
    """An LAO project (``years`` it has budget in) or an agency mission (its one year).
    The owner's area: tambon, district, province ids, the narrowest set; none = national."""

    kind: str
    key: int
    title: str
    text: str
    theme_id: int | None
    years: frozenset[int]
    budget: float
    owner_id: int
    owner_name: str
    tambon_id: int | None = None
    district_id: int | None = None
    province_id: int | None = None


@dataclass(frozen=True)
class Suggestion:
    candidate: CandidateDoc
    score: float
    why: tuple[str, ...]
    shared_words: tuple[str, ...] = ()
    text_score: float = 0.0  # the TF-IDF cosine alone

    @property
    def confident(self) -> bool:
        return self.score >= CONFIDENCE_LINE

    @property
    def years_label(self) -> str:
        return ", ".join(str(y) for y in sorted(self.candidate.years))

    @property
    def percent(self) -> int:
        return max(0, min(100, round(self.score * 100)))


@dataclass
class Context:
    """What the domain knows around the items: each tambon's villages {number: name}."""

    villages: dict[int, dict[int, str]] = field(default_factory=dict)


# Eligibility: area and year window -----------------------------------------------------


def covers(candidate: CandidateDoc, area: Area) -> bool:
    """An LAO project counts when its LAO's area covers the item's tambon or lies in its
    district; a mission when its agency's area covers the tambon (national included)."""
    c = candidate
    if c.tambon_id is not None:
        if c.tambon_id == area.tambon_id:
            return True
        return c.kind == PROJECT and c.district_id == area.district_id
    if c.district_id is not None:
        return c.district_id == area.district_id
    if c.province_id is not None:
        return c.province_id == area.province_id
    return c.kind == MISSION  # a national agency's mission; an LAO always has an area


def in_window(candidate: CandidateDoc, fiscal_year: int) -> bool:
    if candidate.kind == MISSION:
        return any(fiscal_year - YEAR_WINDOW <= y <= fiscal_year for y in candidate.years)
    return any(abs(y - fiscal_year) <= YEAR_WINDOW for y in candidate.years)


# Villages ------------------------------------------------------------------------------


def learn_villages(context: Context, items: Iterable[ItemDoc], candidates: Iterable[CandidateDoc]) -> None:
    """Add to the tambons' villages the "หมู่ที่ 3 บ้านหนองบัว" pairs the texts write."""
    for item in items:
        known = context.villages.setdefault(item.area.tambon_id, {})
        for number, name in thai.village_pairs(f"{item.title} {item.text}").items():
            known.setdefault(number, name)
    for cand in candidates:
        if cand.tambon_id is not None:
            known = context.villages.setdefault(cand.tambon_id, {})
            for number, name in thai.village_pairs(f"{cand.title} {cand.text}").items():
                known.setdefault(number, name)


def _village_label(number: int, villages: dict[int, str]) -> str:
    name = villages.get(number)
    return f"หมู่ที่ {number} บ้าน{name}" if name else f"หมู่ที่ {number}"


# Ranking -------------------------------------------------------------------------------


def _doc_tokens(title: str, body: str, villages: dict[int, str]) -> tuple[str, ...]:
    return _doc_tokens_cached(title, body, tuple(sorted(villages.items())))


@lru_cache(maxsize=200_000)
def _doc_tokens_cached(title: str, body: str, villages: tuple[tuple[int, str], ...]) -> tuple[str, ...]:
    """Memoised per text and village list: a district's projects are read once per process."""
    names = dict(villages)
    words = thai.tokens(thai.strip_villages(title, names))
    return tuple(words * TITLE_WEIGHT + thai.tokens(thai.strip_villages(body, names)))


def suggest(
    items: Sequence[ItemDoc],
    candidates: Sequence[CandidateDoc],
    *,
    context: Context | None = None,
    limit: int = 3,
) -> dict[int, list[Suggestion]]:
    """The ``limit`` best candidates for each item, best first: {item.key: [Suggestion]}."""
    import numpy as np

    context = context or Context()
    learn_villages(context, items, candidates)
    result: dict[int, list[Suggestion]] = {item.key: [] for item in items}
    if not items or not candidates:
        return result

    village_keys: dict = {}  # tambon id -> its villages as the memo's key, sorted once per call

    def villages_key(tambon_id):
        key = village_keys.get(tambon_id)
        if key is None:
            villages = context.villages.get(tambon_id, {}) if tambon_id is not None else {}
            key = village_keys[tambon_id] = tuple(sorted(villages.items()))
        return key

    cand_tokens = [_doc_tokens_cached(c.title, c.text, villages_key(c.tambon_id)) for c in candidates]
    item_tokens = [_doc_tokens_cached(i.title, i.text, villages_key(i.area.tambon_id)) for i in items]
    vectorizer, cand_matrix, idf = _fitted(tuple(cand_tokens))
    item_matrix = vectorizer.transform(item_tokens)
    similarity = (item_matrix @ cand_matrix.T).toarray()

    cand_theme = np.array([c.theme_id if c.theme_id is not None else -1 for c in candidates])
    cand_budget = np.array([c.budget for c in candidates], dtype=float)
    cand_owner = np.array([c.owner_id for c in candidates])
    cand_village_sets = [None] * len(candidates)

    # Eligibility is the same for every item of one tambon and year: computed once per group.
    groups: dict[tuple[Area, int], list[int]] = defaultdict(list)
    for index, item in enumerate(items):
        groups[(item.area, item.fiscal_year)].append(index)
    def ids(values):
        return np.array([-1 if v is None else v for v in values])

    is_project = np.array([c.kind == PROJECT for c in candidates])
    c_tambon = ids(c.tambon_id for c in candidates)
    c_district = ids(c.district_id for c in candidates)
    c_province = ids(c.province_id for c in candidates)
    year_bits = np.array([sum(1 << (y - YEAR_BASE) for y in c.years if 0 <= y - YEAR_BASE < 62) for c in candidates], dtype=np.int64)
    for (area, fiscal_year), indexes in groups.items():
        # covers() and in_window(), for every candidate at once
        covered = np.where(
            c_tambon >= 0,
            (c_tambon == area.tambon_id) | (is_project & (c_district == area.district_id)),
            np.where(
                c_district >= 0,
                c_district == area.district_id,
                np.where(c_province >= 0, c_province == area.province_id, ~is_project),
            ),
        )
        window = lambda low, high: sum(1 << (y - YEAR_BASE) for y in range(low, high + 1))  # noqa: E731
        in_years = np.where(
            is_project,
            (year_bits & window(fiscal_year - YEAR_WINDOW, fiscal_year + YEAR_WINDOW)) != 0,
            (year_bits & window(fiscal_year - YEAR_WINDOW, fiscal_year)) != 0,
        )
        eligible = covered & in_years
        if not eligible.any():
            continue
        cols = np.flatnonzero(eligible)
        rows = np.array(indexes)
        same_year = (year_bits[cols] & (1 << (fiscal_year - YEAR_BASE))) != 0
        # The LAO whose area covers the tambon (its own อบต./เทศบาล, or a district- or
        # province-wide one), not a neighbouring tambon's LAO of the same district.
        own_lao_cols = is_project[cols] & ((c_tambon[cols] == area.tambon_id) | (c_tambon[cols] < 0))
        own_lao = np.zeros(len(candidates), dtype=bool)
        own_lao[cols] = own_lao_cols
        villages = context.villages.get(area.tambon_id, {})
        # Every item of the group against every eligible candidate at once.
        item_theme = np.array([items[i].theme_id if items[i].theme_id is not None else -2 for i in indexes])
        item_budget = np.array([items[i].budget for i in indexes], dtype=float)
        item_target = np.array([items[i].target_agency_id or -2 for i in indexes])
        budget = cand_budget[cols][None, :]
        ratio = np.where(
            (budget > 0) & (item_budget[:, None] > 0),
            np.minimum(budget, item_budget[:, None]) / np.maximum(np.maximum(budget, item_budget[:, None]), 1e-9),
            0,
        )
        scores = (
            similarity[np.ix_(rows, cols)]
            + THEME * (cand_theme[cols][None, :] == item_theme[:, None])
            + YEAR_SAME * same_year[None, :]
            + OWN_LAO * own_lao_cols[None, :]
            + BUDGET * ratio
            + TARGET * (cand_owner[cols][None, :] == item_target[:, None])
        )
        keep = min(SHORTLIST, len(cols))
        for row, index in enumerate(indexes):
            item = items[index]
            part = np.argpartition(-scores[row], keep - 1)[:keep] if keep < len(cols) else np.arange(len(cols))
            top = cols[part]
            score = np.full(len(candidates), -np.inf)
            score[top] = scores[row, part]
            item_villages = thai.villages_named(f"{item.title} {item.text}", villages)
            scored = []
            for j in top:
                if not np.isfinite(score[j]):
                    break
                cand = candidates[j]
                value, why = float(score[j]), []
                if item_villages and cand.kind == PROJECT and cand.tambon_id not in (None, area.tambon_id):
                    # A neighbouring tambon's project for its own หมู่ที่ N is not this village's.
                    if thai.VILLAGE_NUMBER_RE.search(thai.normalize(f"{cand.title} {cand.text}")):
                        value -= VILLAGE_OTHER
                        why.append("โครงการของหมู่บ้านในตำบลอื่น")
                elif item_villages and cand.tambon_id == area.tambon_id:
                    if cand_village_sets[j] is None:
                        cand_village_sets[j] = thai.villages_named(f"{cand.title} {cand.text}", villages)
                    cand_villages = cand_village_sets[j]
                    if cand_villages & item_villages:
                        value += VILLAGE_SAME
                        why.append(
                            "หมู่บ้านเดียวกัน: "
                            + ", ".join(_village_label(n, villages) for n in sorted(cand_villages & item_villages))
                        )
                    elif cand_villages:
                        value -= VILLAGE_OTHER
                        why.append("คนละหมู่บ้าน: " + ", ".join(_village_label(n, villages) for n in sorted(cand_villages)))
                scored.append((value, j, why))
            scored.sort(key=lambda row: (-row[0], candidates[row[1]].kind, candidates[row[1]].key))
            item_words = set(item_tokens[index])
            for value, j, village_why in scored[:limit]:
                cand = candidates[j]
                shared = sorted(item_words & set(cand_tokens[j]), key=lambda w: (-idf.get(w, 0), w))[:5]
                why = []
                if shared:
                    why.append("คำที่ตรงกัน: " + " ".join(shared))
                if item.theme_id is not None and cand.theme_id == item.theme_id:
                    why.append("ประเด็นเดียวกัน")
                why.extend(village_why)
                if cand.kind == PROJECT and fiscal_year in cand.years:
                    why.append(f"มีงบประมาณปี {fiscal_year}")
                if item.budget > 0 and cand.budget > 0 and min(item.budget, cand.budget) / max(item.budget, cand.budget) >= 0.5:
                    why.append("งบประมาณใกล้เคียง")
                if item.target_agency_id is not None and cand.owner_id == item.target_agency_id:
                    why.append("หน่วยงานที่เสนอให้ดำเนินการ")
                elif own_lao[j]:
                    why.append("อปท. ของตำบลนี้")
                result[item.key].append(
                    Suggestion(cand, round(value, 4), tuple(why), tuple(shared), round(float(similarity[index, j]), 4))
                )
    return result


def _identity(tokens):
    return tokens


@lru_cache(maxsize=16)
def _fitted(cand_tokens: tuple[tuple[str, ...], ...]):
    """The TF-IDF vectoriser fitted on these candidates' words, their matrix and the idf of
    each word. Keyed by the words themselves, so never stale: the review page of one
    district asks again with the same candidates and skips the fit (the memoised tokens are
    the same tuples, so the key compares by identity)."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    vectorizer = TfidfVectorizer(analyzer=_identity, sublinear_tf=True, norm="l2")
    cand_matrix = vectorizer.fit_transform(cand_tokens)
    idf = dict(zip(vectorizer.get_feature_names_out(), vectorizer.idf_, strict=True))
    return vectorizer, cand_matrix, idf


# The baseline the bench compares against: plain TF-IDF over newmm words ------------------


def baseline_suggest(
    items: Sequence[ItemDoc], candidates: Sequence[CandidateDoc], *, limit: int = 3
) -> dict[int, list[tuple[CandidateDoc, float]]]:
    """TF-IDF cosine over plain newmm words of title and text, within the item's area only
    (no lexicon, no theme, village, year or budget)."""
    import numpy as np
    from sklearn.feature_extraction.text import TfidfVectorizer

    vectorizer = TfidfVectorizer(analyzer=_identity)
    cand_matrix = vectorizer.fit_transform([thai.plain_tokens(f"{c.title} {c.text}") for c in candidates])
    item_matrix = vectorizer.transform([thai.plain_tokens(f"{i.title} {i.text}") for i in items])
    similarity = (item_matrix @ cand_matrix.T).toarray()
    out = {}
    for index, item in enumerate(items):
        eligible = np.array([covers(c, item.area) for c in candidates])
        score = np.where(eligible, similarity[index], -np.inf)
        top = np.argsort(-score)[:limit]
        out[item.key] = [(candidates[j], float(score[j])) for j in top if np.isfinite(score[j])]
    return out
