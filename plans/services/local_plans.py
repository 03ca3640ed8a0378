"""Writes to LAO local development plans (the LAO's own staff, and administrators).

    local_plan_create            a plan for one 5-year cycle (2566–2570)
    local_plan_project_add       a project with its budget per year, in the plan itself or
                                 brought in by an addition ("เพิ่มเติม ครั้งที่ 1/2568")
    local_plan_amendment_create  a dated amendment document (addition or change)
    local_plan_project_change    a change amendment replaces a project: the old row is
                                 superseded (kept, with its alignments) and a new row
                                 ``replaces`` it
    local_plan_project_withdraw  a change amendment withdraws a project (no replacement)
    local_plan_project_update    corrects a current project in place (a typo, a wrong figure)
    local_plan_project_delete    removes a project typed by mistake (not one in the history)
    local_plan_amendment_apply   an amendment and the projects it adds, changes or withdraws,
                                 all or nothing (the API's one call)

A project's ``fiscal_year`` is its first budgeted year and ``budget`` the sum of its
per-year lines: set here, from the lines, every time.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from agencies.choices import LOCAL_GOVERNMENT_KINDS
from agencies.files import check_agreement_pdf
from common.rules import require

from .. import permissions
from ..choices import AmendmentKind
from ..models import LocalPlan, LocalPlanAmendment, LocalPlanProject, LocalPlanProjectBudget
from ..models.local import PLAN_CYCLE_YEARS

PROJECT_TEXT_FIELDS = (
    "number", "strategy", "work_plan", "objective", "target", "location", "indicator", "expected_result",
    "responsible_unit",
)  # fmt: skip


def _cycle_error(start_year: int) -> str:
    return _(
        "แผนพัฒนาท้องถิ่นมีรอบ %(years)s ปี: แผนที่เริ่มปี %(start)s ต้องสิ้นสุดปี %(end)s"
    ) % {"years": PLAN_CYCLE_YEARS, "start": start_year, "end": start_year + PLAN_CYCLE_YEARS - 1}


@transaction.atomic
def local_plan_create(
    *, lao, by, start_year: int, end_year: int | None = None, title: str = "", adopted_on=None, note: str = ""
) -> LocalPlan:
    """A plan of one 5-year cycle. A cycle that is not 5 years, or that overlaps another
    plan of the same LAO, is refused in Thai."""
    require(permissions.can_edit_local_plan, user=by, lao=lao)
    if lao.kind not in LOCAL_GOVERNMENT_KINDS:
        raise ValidationError(_("แผนพัฒนาท้องถิ่นเป็นของ อปท. เท่านั้น"))
    end_year = start_year + PLAN_CYCLE_YEARS - 1 if end_year is None else end_year
    if end_year != start_year + PLAN_CYCLE_YEARS - 1:
        raise ValidationError({"end_year": _cycle_error(start_year)})
    overlapping = LocalPlan.objects.filter(lao=lao, start_year__lte=end_year, end_year__gte=start_year).first()
    if overlapping is not None:
        raise ValidationError(
            {"start_year": _("ปี %(start)s–%(end)s ซ้อนกับแผนที่มีอยู่แล้ว (%(other)s)")
             % {"start": start_year, "end": end_year, "other": overlapping}}
        )
    plan = LocalPlan(
        lao=lao, start_year=start_year, end_year=end_year, adopted_on=adopted_on, note=note.strip(),
        title=title.strip() or _("แผนพัฒนาท้องถิ่น (พ.ศ. %(start)s–%(end)s)") % {"start": start_year, "end": end_year},
    )
    plan.full_clean()
    plan.save()
    return plan


def clean_budgets(plan: LocalPlan, budgets: Mapping) -> dict[int, Decimal]:
    """``{year: amount}`` with years inside the plan's cycle and amounts not negative; at
    least one year. Amounts None or "" are no budget that year."""
    cleaned: dict[int, Decimal] = {}
    for year, amount in budgets.items():
        if amount is None or amount == "":
            continue
        year = int(year)
        if year not in plan.years:
            raise ValidationError(
                {"budgets": _("ปีงบประมาณ %(year)s อยู่นอกช่วงปีของแผน (%(start)s–%(end)s)")
                 % {"year": year, "start": plan.start_year, "end": plan.end_year}}
            )
        try:
            value = Decimal(str(amount))
        except InvalidOperation:
            raise ValidationError({"budgets": _("งบประมาณปี %(year)s ต้องเป็นตัวเลข") % {"year": year}}) from None
        if value < 0:
            raise ValidationError({"budgets": _("งบประมาณปี %(year)s ต้องไม่ติดลบ") % {"year": year}})
        cleaned[year] = value.quantize(Decimal("0.01"))
    if not cleaned:
        raise ValidationError({"budgets": _("กรุณาระบุงบประมาณอย่างน้อยหนึ่งปี (ปีที่ไม่มีงบประมาณเว้นว่างหรือใส่ -)")})
    return cleaned


def _require_amendment_of(plan: LocalPlan, amendment: LocalPlanAmendment | None, kind: str) -> None:
    if amendment is None:
        return
    if amendment.local_plan_id != plan.pk:
        raise ValidationError(_("การแก้ไขแผนนี้เป็นของแผนอื่น"))
    if amendment.kind != kind:
        if kind == AmendmentKind.ADDITION:
            raise ValidationError(_("โครงการใหม่เพิ่มได้ด้วยการแก้ไขแผนแบบ “เพิ่มเติม” เท่านั้น"))
        raise ValidationError(_("การเปลี่ยนแปลงหรือยกเลิกโครงการทำได้ด้วยการแก้ไขแผนแบบ “เปลี่ยนแปลง” เท่านั้น"))


def _new_project(*, plan, title, budgets, theme=None, added_by=None, replaces=None, **fields) -> LocalPlanProject:
    lines = clean_budgets(plan, budgets)
    title = " ".join((title or "").split())
    project = LocalPlanProject(
        lao=plan.lao, local_plan=plan, title=title, theme=theme, added_by=added_by, replaces=replaces,
        fiscal_year=min(lines), budget=sum(lines.values(), Decimal("0")),
        **{name: (fields.get(name) or "").strip() for name in PROJECT_TEXT_FIELDS},
    )
    project.full_clean()
    project.save()
    LocalPlanProjectBudget.objects.bulk_create(
        LocalPlanProjectBudget(project=project, fiscal_year=year, amount=amount) for year, amount in sorted(lines.items())
    )
    return project


@transaction.atomic
def local_plan_project_add(
    *, plan: LocalPlan, by, title: str, budgets: Mapping, amendment: LocalPlanAmendment | None = None, theme=None,
    **fields,
) -> LocalPlanProject:
    """A project in the plan as adopted, or brought in by an addition amendment."""
    require(permissions.can_edit_local_plan, user=by, lao=plan.lao)
    _require_amendment_of(plan, amendment, AmendmentKind.ADDITION)
    return _new_project(plan=plan, title=title, budgets=budgets, theme=theme, added_by=amendment, **fields)


@transaction.atomic
def local_plan_amendment_create(
    *, plan: LocalPlan, by, kind: str, number: int, year: int, effective_on, note: str = "", document=None
) -> LocalPlanAmendment:
    """A dated amendment document. Its PDF (optional) is judged by its content."""
    require(permissions.can_edit_local_plan, user=by, lao=plan.lao)
    if kind not in AmendmentKind.values:
        raise ValidationError({"kind": _("กรุณาเลือกประเภทการแก้ไขแผน")})
    if plan.adopted_on and effective_on < plan.adopted_on:
        raise ValidationError(
            {"effective_on": _("วันที่ประกาศใช้การแก้ไขต้องไม่ก่อนวันที่ประกาศใช้แผน")}
        )
    if LocalPlanAmendment.objects.filter(local_plan=plan, kind=kind, number=number, year=year).exists():
        raise ValidationError(
            {"number": _("มี%(kind)s ครั้งที่ %(number)s/%(year)s ในแผนนี้แล้ว")
             % {"kind": AmendmentKind(kind).label, "number": number, "year": year}}
        )
    if document:
        try:
            check_agreement_pdf(document)
        except ValidationError as error:
            if any("ไม่ใช่ PDF" in m for m in error.messages):  # the agreement's wording names an agreement
                messages = [_("ไฟล์นี้ไม่ใช่ PDF กรุณาแนบประกาศการแก้ไขแผนเป็นไฟล์ PDF")]
            else:
                messages = error.message_dict.get("file", error.messages)
            raise ValidationError({"document": messages}) from None
    amendment = LocalPlanAmendment(
        local_plan=plan, kind=kind, number=number, year=year, effective_on=effective_on, note=note.strip(),
        created_by=by,
    )
    if document:
        amendment.document = document
    amendment.full_clean()
    amendment.save()
    return amendment


def _supersede(*, amendment: LocalPlanAmendment, project: LocalPlanProject, by) -> LocalPlanProject:
    plan = amendment.local_plan
    require(permissions.can_edit_local_plan, user=by, lao=plan.lao)
    project = LocalPlanProject.objects.select_for_update(of=("self",)).select_related("added_by").get(pk=project.pk)
    if project.lao_id != plan.lao_id:
        raise ValidationError(
            _("โครงการ “%(title)s” เป็นของ อปท. อื่น การแก้ไขแผนของ %(lao)s เปลี่ยนแปลงโครงการนี้ไม่ได้")
            % {"title": project.title, "lao": plan.lao.name}
        )
    if project.local_plan_id != plan.pk:
        raise ValidationError(_("โครงการ “%(title)s” ไม่ได้อยู่ในแผนนี้") % {"title": project.title})
    _require_amendment_of(plan, amendment, AmendmentKind.CHANGE)
    if project.superseded_by_id is not None:
        raise ValidationError(_("โครงการนี้ถูกเปลี่ยนแปลงหรือยกเลิกไปแล้ว"))
    if project.added_by is not None and project.added_by.effective_on > amendment.effective_on:
        raise ValidationError(_("โครงการนี้ยังไม่อยู่ในแผน ณ วันที่ประกาศใช้การแก้ไขนี้"))
    project.superseded_by = amendment
    project.save(update_fields=["superseded_by", "updated_at"])
    return project


@transaction.atomic
def local_plan_project_change(
    *, amendment: LocalPlanAmendment, project: LocalPlanProject, by, title: str, budgets: Mapping, theme=None,
    **fields,
) -> LocalPlanProject:
    """Replace ``project`` from the amendment's date: the old row stays (superseded, with
    the alignments that point at it) and the new row ``replaces`` it."""
    old = _supersede(amendment=amendment, project=project, by=by)
    return _new_project(
        plan=amendment.local_plan, title=title, budgets=budgets, theme=theme, added_by=amendment, replaces=old,
        **fields,
    )


@transaction.atomic
def local_plan_project_withdraw(*, amendment: LocalPlanAmendment, project: LocalPlanProject, by) -> LocalPlanProject:
    """Take ``project`` out of the plan from the amendment's date (no replacement)."""
    return _supersede(amendment=amendment, project=project, by=by)


def _lock_current_project(*, project: LocalPlanProject, by) -> LocalPlanProject:
    project = (
        LocalPlanProject.objects.select_for_update(of=("self",)).select_related("local_plan__lao").get(pk=project.pk)
    )
    require(permissions.can_edit_local_plan, user=by, lao=project.lao)
    if project.superseded_by_id is not None:
        raise ValidationError(_("โครงการนี้ถูกเปลี่ยนแปลงหรือยกเลิกไปแล้ว แก้ไขหรือลบไม่ได้ (เก็บไว้เป็นประวัติ)"))
    return project


@transaction.atomic
def local_plan_project_update(*, project: LocalPlanProject, by, budgets: Mapping | None = None, **fields):
    """Correct a project as typed (a wrong figure, a typo): the same row, in place. A change
    the council adopted goes through a change amendment (``local_plan_project_change``)
    instead; a project already replaced or withdrawn is history and is not edited. Fields
    not given stay as they are; ``budgets`` given replaces every budget line."""
    project = _lock_current_project(project=project, by=by)
    plan = project.local_plan
    if "title" in fields:
        project.title = " ".join((fields.pop("title") or "").split())
    if "theme" in fields:
        project.theme = fields.pop("theme")
    for name in PROJECT_TEXT_FIELDS:
        if name in fields:
            setattr(project, name, (fields.pop(name) or "").strip())
    if fields:
        raise TypeError(f"unknown project fields: {sorted(fields)}")
    lines = clean_budgets(plan, budgets) if budgets is not None else None
    if lines is not None:
        project.fiscal_year = min(lines)
        project.budget = sum(lines.values(), Decimal("0"))
    project.full_clean()
    project.save()
    if lines is not None:
        project.budgets.all().delete()
        LocalPlanProjectBudget.objects.bulk_create(
            LocalPlanProjectBudget(project=project, fiscal_year=year, amount=amount)
            for year, amount in sorted(lines.items())
        )
    return project


@transaction.atomic
def local_plan_project_delete(*, project: LocalPlanProject, by) -> None:
    """Remove a project typed by mistake. A project that is part of the plan's history (a
    community plan item is aligned to it, or it replaced another) is refused: a change
    amendment withdraws it instead."""
    project = _lock_current_project(project=project, by=by)
    if project.alignments.exists():
        raise ValidationError(
            _("โครงการ “%(title)s” มีรายการในแผนชุมชนเชื่อมโยงอยู่ ลบไม่ได้ ให้ยกเลิกด้วยการแก้ไขแผนแบบ “เปลี่ยนแปลง”")
            % {"title": project.title}
        )
    if project.replaces_id is not None:
        raise ValidationError(
            _("โครงการ “%(title)s” มาแทนโครงการเดิมตามการแก้ไขแผน ลบไม่ได้ ให้ยกเลิกด้วยการแก้ไขแผนแบบ “เปลี่ยนแปลง”")
            % {"title": project.title}
        )
    project.delete()


@transaction.atomic
def local_plan_amendment_apply(
    *,
    plan: LocalPlan,
    by,
    kind: str,
    number: int,
    year: int,
    effective_on,
    note: str = "",
    document=None,
    additions=(),
    changes=(),
    withdrawals=(),
) -> LocalPlanAmendment:
    """One amendment document with what it does, all or nothing: an addition brings in
    ``additions`` (project fields with ``budgets``); a change replaces each of ``changes``
    (``project`` plus the new fields) and withdraws each of ``withdrawals`` (projects).
    Any refusal (a project of another LAO, a year outside the plan's cycle, …) leaves
    nothing written; the message names the row."""
    amendment = local_plan_amendment_create(
        plan=plan, by=by, kind=kind, number=number, year=year, effective_on=effective_on, note=note, document=document
    )
    if kind == AmendmentKind.ADDITION and (changes or withdrawals):
        raise ValidationError(_("การแก้ไขแผนแบบ “เพิ่มเติม” เพิ่มโครงการได้เท่านั้น ไม่เปลี่ยนแปลงหรือยกเลิกโครงการ"))
    if kind == AmendmentKind.CHANGE and additions:
        raise ValidationError(_("โครงการใหม่เพิ่มได้ด้วยการแก้ไขแผนแบบ “เพิ่มเติม” เท่านั้น"))

    def numbered(field: str, index: int, error: ValidationError) -> ValidationError:
        messages = error.messages
        return ValidationError(
            {field: [_("รายการที่ %(n)s: %(message)s") % {"n": index, "message": m} for m in messages]}
        )

    for index, values in enumerate(additions, start=1):
        values = dict(values)
        try:
            local_plan_project_add(plan=plan, by=by, amendment=amendment, **values)
        except ValidationError as error:
            raise numbered("additions", index, error) from None
    for index, values in enumerate(changes, start=1):
        values = dict(values)
        project = values.pop("project")
        try:
            local_plan_project_change(amendment=amendment, project=project, by=by, **values)
        except ValidationError as error:
            raise numbered("changes", index, error) from None
    for index, project in enumerate(withdrawals, start=1):
        try:
            local_plan_project_withdraw(amendment=amendment, project=project, by=by)
        except ValidationError as error:
            raise numbered("withdrawals", index, error) from None
    return amendment
