"""Checking e-Plan rows for one LAO's plan (the councils engine's RowValidator, bound to
the import job's plan and, when given, the addition amendment that brings the rows in)."""

from __future__ import annotations

from django.utils.translation import gettext as _

from common.thai import clean_typed_text, thai_truncate
from councils.imports.columns import normalise_header
from councils.imports.validators import EMPTY_MARKS, RowValidator
from geo.models import Theme

from ..choices import AmendmentKind
from ..models import LocalPlanImport, LocalPlanProject
from . import KIND
from .columns import (
    BUDGET,
    BUDGET_PARENT,
    BY_HEADER,
    LAO,
    STRATEGY_LINE,
    TITLE,
    TOTAL_LINE,
    WORK_PLAN_LINE,
    budget_cell,
    compact,
    lao_key,
    year_of_header,
)


def _blank(value) -> bool:
    return value is None or (isinstance(value, str) and value.strip() in EMPTY_MARKS)


def _cell_text(value) -> str:
    return clean_typed_text(str(value)).strip() if value is not None else ""


class LocalPlanRows(RowValidator):
    kind = KIND

    @classmethod
    def for_job(cls, *, job, scope):
        link = LocalPlanImport.objects.select_related("local_plan__lao", "amendment").get(job=job)
        return cls(scope=scope, plan=link.local_plan, amendment=link.amendment)

    def __init__(self, *, scope, plan, amendment=None):
        super().__init__(scope=scope, areas={})
        self.plan = plan
        self.lao = plan.lao
        self.amendment = amendment
        self.years: dict[int, str] = {}  # year -> header as written
        self.awaiting_years = False
        self.strategy = ""
        self.work_plan = ""
        self.seen: dict = {}
        self.themes = {compact(name): pk for pk, name in Theme.objects.values_list("pk", "name_th")}
        self.themes.update({compact(code): pk for pk, code in Theme.objects.values_list("pk", "code")})

    # Header -------------------------------------------------------------------------------
    def bind_header(self, header_row) -> list[tuple[str, str]]:
        """e-Plan's header: known titles (and their other spellings), budget years as
        columns ("2566 (บาท)"), or a merged "งบประมาณ" whose years are on the next row."""
        self._cells, self.unknown, self.years, self.header_of = [], [], {}, {}
        self.awaiting_years = False
        self._year_cells: list[tuple[int, int, str]] = []
        problems: list[tuple[str, str]] = []
        parent_at = None
        for index, raw in enumerate(header_row):
            header = normalise_header(raw)
            if not header:
                continue
            column = BY_HEADER.get(compact(header))
            year = year_of_header(header)
            if column is not None:
                if column.key in self.header_of:
                    problems.append((header, _("คอลัมน์ “%(header)s” ซ้ำกันในหัวตาราง") % {"header": header}))
                    continue
                self.header_of[column.key] = header
                self._cells.append((index, column.key, header, column.required, column.parse))
            elif year is not None:
                self._bind_year(index, year, header, problems)
            elif BUDGET_PARENT.match(compact(header)):
                parent_at = index
            else:
                self.unknown.append(header)
        if "title" not in self.header_of:
            problems.append((TITLE, _("ไม่พบคอลัมน์ “%(header)s” ในแถวหัวตาราง") % {"header": TITLE}))
        elif not self.years:
            if parent_at is None:
                problems.append(
                    (BUDGET, _("ไม่พบคอลัมน์งบประมาณรายปี เช่น “%(year)s (บาท)” ในแถวหัวตาราง") % {"year": self.plan.start_year})
                )
            else:
                self.awaiting_years = True  # the years are on the header's second line
        self.keys = [key for _i, key, *_rest in self._cells] + [f"y{year}" for year in self.years]
        return problems

    def _bind_year(self, index, year, header, problems) -> None:
        shown = header if BUDGET in header else f"{BUDGET} {header}"
        if year in self.years:
            problems.append((shown, _("ปีงบประมาณ %(year)s ซ้ำกันในหัวตาราง") % {"year": year}))
            return
        self.years[year] = shown
        self._cells.append((index, f"y{year}", shown, False, budget_cell))

    def _bind_year_row(self, values) -> bool:
        found = [(i, year_of_header(normalise_header(v))) for i, v in enumerate(values) if not _blank(v)]
        if not found or any(year is None for _i, year in found):
            return False
        problems: list = []
        for index, year in found:
            self._bind_year(index, year, normalise_header(values[index]), problems)
        self.keys = [key for _i, key, *_rest in self._cells]
        return not problems

    # Rows ---------------------------------------------------------------------------------
    def check_row(self, row: int, values: tuple):
        if self.awaiting_years:
            self.awaiting_years = False
            if self._bind_year_row(values):
                return None  # the header's second line
            return {"_row": row}, [(BUDGET, _("ไม่พบปีงบประมาณใต้หัวคอลัמน์ “งบประมาณ” (เช่น 2566 (บาท))"))]
        title_index = next(index for index, key, *_rest in self._cells if key == "title")
        if _blank(values[title_index] if title_index < len(values) else None):
            if self._section_line(values):
                return None
        return super().check_row(row, values)

    def _section_line(self, values) -> bool:
        """A line naming the strategy or work plan of the projects below it, or a total."""
        texts = [_cell_text(v) for v in values if not _blank(v)]
        if len(texts) != 1:
            return False
        text = " ".join(texts[0].split())
        if TOTAL_LINE.match(text):
            return True
        if match := WORK_PLAN_LINE.match(text):
            self.work_plan = match[1][:255]
            return True
        if match := STRATEGY_LINE.match(text):
            self.strategy, self.work_plan = match[1][:255], ""
            return True
        return False

    def finish_row(self, cleaned, problems):
        # strategy and work plan: their own columns, one "ยุทธศาสตร์/แผนงาน" column, or the
        # section lines above the row
        combined = cleaned.pop("strategy_work_plan", None)
        if combined:
            parts = [p.strip() for p in combined.replace("\n", "/").split("/") if p.strip()]
            cleaned["strategy"] = cleaned.get("strategy") or (parts[0] if parts else "")
            if len(parts) > 1:
                cleaned["work_plan"] = cleaned.get("work_plan") or " / ".join(parts[1:])
        cleaned["strategy"] = (cleaned.get("strategy") or self.strategy)[:255]
        cleaned["work_plan"] = (cleaned.get("work_plan") or self.work_plan)[:255]
        self._check_lao(cleaned, problems)
        self._check_theme(cleaned, problems)
        budgets = {}
        for year, header in self.years.items():
            amount = cleaned.pop(f"y{year}", None)
            if amount is None:
                continue
            if year not in self.plan.years:
                problems.append(
                    (header, _("ปี %(year)s อยู่นอกช่วงปีของแผน (%(start)s–%(end)s) ใส่ - ถ้าไม่มีงบประมาณปีนี้")
                     % {"year": year, "start": self.plan.start_year, "end": self.plan.end_year})
                )
                continue
            budgets[year] = amount
        cleaned["budgets"] = budgets
        if not budgets and not any(header in {p[0] for p in problems} for header in self.years.values()):
            problems.append((BUDGET, _("ไม่มีงบประมาณปีใดเลย ต้องมีงบประมาณอย่างน้อยหนึ่งปีในช่วงปีของแผน")))
        if cleaned.get("title") and budgets:
            key = (compact(cleaned["title"]), compact(cleaned.get("target") or ""), tuple(sorted(budgets.items())))
            earlier = self.first_seen(self.seen, key, cleaned["_row"])
            if earlier is not None:
                problems.append(
                    (self.header("title", TITLE),
                     _("ซ้ำกับแถวที่ %(row)s ในไฟล์ (ชื่อโครงการ เป้าหมาย และงบประมาณเหมือนกัน)") % {"row": earlier})
                )

    def _check_lao(self, cleaned, problems) -> None:
        named = cleaned.pop("lao", None)
        if not named:
            return
        digits = "".join(ch for ch in named if ch.isdigit())
        if digits and len(digits) == len(compact(named).replace(".", "")):
            same = digits == (self.lao.dla_code or "")
        else:
            same = lao_key(named) == lao_key(self.lao.name)
        if not same:
            problems.append(
                (self.header("lao", LAO),
                 _("โครงการนี้เป็นของ อปท. อื่น (“%(named)s”) นำเข้าได้เฉพาะโครงการของ %(lao)s (รหัส %(code)s)")
                 % {"named": thai_truncate(named, 60), "lao": self.lao.name, "code": self.lao.dla_code or "-"})
            )

    def _check_theme(self, cleaned, problems) -> None:
        named = cleaned.pop("theme", None)
        cleaned["theme_id"] = None
        if named:
            theme_id = self.themes.get(compact(named))
            if theme_id is None:
                problems.append((self.header("theme", "ประเด็น"), _("ไม่รู้จักประเด็น “%(name)s”") % {"name": thai_truncate(named, 60)}))
            cleaned["theme_id"] = theme_id

    def record(self, cleaned):
        return {
            "number": cleaned.get("number") or "",
            "strategy": cleaned["strategy"],
            "work_plan": cleaned["work_plan"],
            "title": " ".join(cleaned["title"].split()),
            "objective": cleaned.get("objective") or "",
            "target": cleaned.get("target") or "",
            "location": cleaned.get("location") or "",
            "indicator": cleaned.get("indicator") or "",
            "expected_result": cleaned.get("expected_result") or "",
            "responsible_unit": cleaned.get("responsible_unit") or "",
            "theme_id": cleaned["theme_id"],
            "budgets": {str(year): str(amount) for year, amount in sorted(cleaned["budgets"].items())},
        }

    def check_batch(self, batch):
        """Against the plan as it is: a project already in it (same title and target, not
        superseded) is not imported twice; the amendment must still be an addition."""
        found: dict[int, list] = {}
        if self.amendment is not None and self.amendment.kind != AmendmentKind.ADDITION:
            message = _("โครงการใหม่เพิ่มได้ด้วยการแก้ไขแผนแบบ “เพิ่มเติม” เท่านั้น")
            return {row: [("", message)] for row, _record in batch}
        titles = {record["title"] for _row, record in batch}
        existing = {
            (compact(title), compact(target))
            for title, target in LocalPlanProject.objects.filter(
                local_plan=self.plan, superseded_by__isnull=True, title__in=titles
            ).values_list("title", "target")
        }
        for row, record in batch:
            if (compact(record["title"]), compact(record["target"])) in existing:
                found[row] = [
                    (self.header("title", TITLE), _("มีโครงการ “%(title)s” (เป้าหมายเดียวกัน) ในแผนนี้แล้ว")
                     % {"title": thai_truncate(record["title"], 60)})
                ]
        return found

