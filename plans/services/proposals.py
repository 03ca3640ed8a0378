"""Writes to subsidy proposals: a council's staff prepare one from their plan items and
submit it; the staff of the agency it was addressed to move it.

    draft ─submit→ submitted ─receive→ received ─consider→ under consideration
    received / under consideration ─approve / partly approve / reject→ decided
    approved / partly approved ─carry out→ carried out ─report→ reported
    draft / submitted / received / under consideration ─withdraw→ withdrawn (council)

One service per move. Each locks the row (SELECT ... FOR UPDATE) and reads its status
again inside the transaction, so a second decision racing the first finds the proposal
already decided and is refused; each writes a ProposalEvent and tells the other side
(``accounts.notifications.notify``).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.choices import Role
from accounts.notifications import notify
from accounts.selectors import users_with_role
from common.rules import require

from .. import permissions
from ..budget_calendar import window_for
from ..choices import PROPOSAL_DECIDED_STATUSES, PROPOSAL_FUNDED_STATUSES, PROPOSAL_OPEN_STATUSES, ProposalStatus
from ..models import ProposalBudgetLine, ProposalEvent, SubsidyProposal
from ..selectors import proposals as selectors
from .documents import stored_document

S = ProposalStatus
# Before a decision the council may take its proposal back.
WITHDRAWABLE = frozenset({S.DRAFT, *PROPOSAL_OPEN_STATUSES})
# No document is added once the proposal is withdrawn, refused or closed by its report.
CLOSED_TO_DOCUMENTS = frozenset({S.WITHDRAWN, S.NOT_APPROVED, S.REPORTED})
EDITABLE_FIELDS = ("title", "background", "objective", "target_group", "expected_result")


def proposal_url(proposal) -> str:
    return reverse("plans:proposal_detail", kwargs={"pk": proposal.pk})


def baht(amount) -> str:
    return f"{Decimal(amount):,.2f}"


# Preparing (the council's staff) ---------------------------------------------------------


def _clean_lines(budget_lines) -> list[tuple[str, Decimal]]:
    lines = []
    for description, amount in budget_lines:
        description = (description or "").strip()
        if not description and not amount:
            continue
        if not description:
            raise ValidationError({"budget_lines": _("กรุณาระบุรายการของงบประมาณทุกบรรทัด")})
        amount = Decimal(amount or 0)
        if amount <= 0:
            raise ValidationError(
                {"budget_lines": _("จำนวนเงินของรายการ “%(line)s” ต้องมากกว่า 0") % {"line": description}}
            )
        lines.append((description[:255], amount))
    return lines


def _check(*, council, recipient, theme, plan_items, lines, title) -> None:
    """Everything a proposal must be, in Thai, all at once."""
    errors = {}
    if not (title or "").strip():
        errors["title"] = _("กรุณาระบุชื่อโครงการ")
    if recipient is None or not selectors.recipients_for(council=council).filter(pk=recipient.pk).exists():
        errors["recipient"] = _("หน่วยงานนี้ไม่ได้ดูแลพื้นที่ของสภานี้ ยื่นโครงการถึงหน่วยงานนี้ไม่ได้")
    if theme is None:
        errors["theme"] = _("กรุณาเลือกประเด็นของโครงการ (หนึ่งโครงการต่อหนึ่งประเด็น)")
    if not plan_items:
        errors["plan_items"] = _("กรุณาเลือกรายการในแผนพัฒนาชุมชนอย่างน้อยหนึ่งรายการ")
    elif any(item.plan.council_id != council.pk for item in plan_items):
        errors["plan_items"] = _("รายการในแผนที่เลือกต้องเป็นของสภานี้เท่านั้น")
    elif theme is not None and any(item.theme_id != theme.pk for item in plan_items):
        errors["plan_items"] = _("หนึ่งโครงการเสนอได้ประเด็นเดียว: รายการในแผนที่เลือกต้องอยู่ในประเด็น “%(theme)s”") % {
            "theme": theme.name_th
        }
    if errors:
        raise ValidationError(errors)
    _check_budget(plan_items=plan_items, asked=sum((amount for _d, amount in lines), Decimal("0")))


def _check_budget(*, plan_items, asked) -> None:
    planned = Decimal(selectors.planned_budget(plan_items=plan_items))
    if asked > planned:
        raise ValidationError(
            {
                "budget_lines": _(
                    "งบประมาณที่ขอ %(asked)s บาท เกินงบประมาณที่ต้องการตามแผน %(planned)s บาท"
                    " ของรายการในแผนที่เลือก กรุณาลดรายการงบประมาณหรือเลือกรายการในแผนเพิ่ม"
                )
                % {"asked": baht(asked), "planned": baht(planned)}
            }
        )


def _write_lines(proposal, lines) -> None:
    proposal.budget_lines.all().delete()
    ProposalBudgetLine.objects.bulk_create(
        [ProposalBudgetLine(proposal=proposal, description=d, amount=a, position=i) for i, (d, a) in enumerate(lines)]
    )


@transaction.atomic
def proposal_create(
    *, council, by, recipient, theme, plan_items, fiscal_year: int, title: str, budget_lines=(), **fields
) -> SubsidyProposal:
    """A draft proposal of the council; ``amount_requested`` is the sum of its budget lines
    and may not pass the total ``budget_needed`` of its plan items."""
    require(permissions.can_prepare_proposal, user=by, council=council)
    plan_items = list(plan_items)
    lines = _clean_lines(budget_lines)
    _check(council=council, recipient=recipient, theme=theme, plan_items=plan_items, lines=lines, title=title)
    proposal = SubsidyProposal(
        council=council, recipient=recipient, theme=theme, fiscal_year=fiscal_year, title=title.strip(),
        amount_requested=sum((a for _d, a in lines), Decimal("0")), created_by=by,
        **{k: (v or "").strip() for k, v in fields.items() if k in EDITABLE_FIELDS},
    )  # fmt: skip
    proposal.full_clean()
    proposal.save()
    proposal.plan_items.set(plan_items)
    _write_lines(proposal, lines)
    ProposalEvent.objects.create(proposal=proposal, to_status=S.DRAFT, amount=proposal.amount_requested, by=by)
    return proposal


@transaction.atomic
def proposal_update(
    *, proposal_id: int, by, recipient, theme, plan_items, fiscal_year: int, title: str, budget_lines=(), **fields
) -> SubsidyProposal:
    """Change a draft (and only a draft: once submitted the agency holds it)."""
    proposal = _locked(proposal_id)
    require(permissions.can_prepare_proposal, user=by, council=proposal.council)
    if proposal.status != S.DRAFT:
        raise ValidationError(
            _("แก้ไขได้เฉพาะร่าง โครงการนี้อยู่ในสถานะ “%(status)s” แล้ว") % {"status": proposal.get_status_display()}
        )
    plan_items = list(plan_items)
    lines = _clean_lines(budget_lines)
    _check(council=proposal.council, recipient=recipient, theme=theme, plan_items=plan_items, lines=lines, title=title)
    proposal.recipient, proposal.theme, proposal.fiscal_year, proposal.title = recipient, theme, fiscal_year, title.strip()
    for name in EDITABLE_FIELDS[1:]:
        if name in fields:
            setattr(proposal, name, (fields[name] or "").strip())
    proposal.amount_requested = sum((a for _d, a in lines), Decimal("0"))
    proposal.full_clean()
    proposal.save()
    proposal.plan_items.set(plan_items)
    _write_lines(proposal, lines)
    return proposal


@transaction.atomic
def proposal_document_add(*, proposal, by, title: str, upload):
    """Attach a document (PDF, an image, XLSX or DOCX by its bytes) while the proposal is
    still alive (not withdrawn, refused or closed by its report)."""
    require(permissions.can_prepare_proposal, user=by, council=proposal.council)
    if proposal.status in CLOSED_TO_DOCUMENTS:
        raise ValidationError(
            _("แนบเอกสารไม่ได้ โครงการนี้อยู่ในสถานะ “%(status)s”") % {"status": proposal.get_status_display()}
        )
    stored, checked = stored_document(upload)
    document = proposal.documents.model(
        proposal=proposal, title=(title or "").strip() or upload.name[:255], content_type=checked.content_type,
        size=checked.size, uploaded_by=by,
    )  # fmt: skip
    document.file.save(stored.name, stored, save=False)
    document.save()
    return document


@transaction.atomic
def proposal_document_delete(*, document, by) -> None:
    """Remove a document from a draft (refused, 403 in Thai, once submitted). The file
    leaves the storage when the transaction commits."""
    proposal = _locked(document.proposal_id)
    require(permissions.can_prepare_proposal, user=by, council=proposal.council)
    require(permissions.can_delete_proposal_document, user=by, proposal=proposal)
    name, storage = document.file.name, document.file.storage
    document.delete()
    if name:
        transaction.on_commit(lambda: storage.delete(name))


# Moves -----------------------------------------------------------------------------------


def _locked(proposal_id: int) -> SubsidyProposal:
    return (
        SubsidyProposal.objects.select_for_update(of=("self",))
        .select_related("council__subdistrict__district", "recipient", "decided_by")
        .get(pk=proposal_id)
    )


def _refuse_move(proposal, to) -> None:
    if to in (S.APPROVED, S.PARTLY_APPROVED, S.NOT_APPROVED) and proposal.status in PROPOSAL_DECIDED_STATUSES:
        raise ValidationError(
            _("โครงการนี้มีผลการพิจารณาแล้ว (“%(status)s” โดย %(by)s) บันทึกผลซ้ำไม่ได้ กรุณาโหลดหน้าใหม่")
            % {"status": proposal.get_status_display(), "by": proposal.decided_by or _("ผู้อื่น")}
        )
    raise ValidationError(
        _("เปลี่ยนสถานะจาก “%(from)s” เป็น “%(to)s” ไม่ได้")
        % {"from": proposal.get_status_display(), "to": S(to).label}
    )


def _move(
    *, proposal_id: int, by, to: str, allowed_from, rule, seen_status: str = "", note: str = "", amount=None,
    notify_council: bool = True,
) -> SubsidyProposal:
    """Lock the row, check the move against its status as it is now (and as the person saw
    it, when the page said), record the event and tell the other side."""
    proposal = _locked(proposal_id)
    rule_kwargs = {"council": proposal.council} if rule is permissions.can_prepare_proposal else {"proposal": proposal}
    require(rule, user=by, **rule_kwargs)
    if proposal.status not in allowed_from:
        _refuse_move(proposal, to)
    if seen_status and seen_status != proposal.status:
        raise ValidationError(
            _("สถานะของโครงการเปลี่ยนเป็น “%(status)s” แล้วระหว่างที่คุณเปิดหน้านี้ กรุณาโหลดหน้าใหม่แล้วทำรายการอีกครั้ง")
            % {"status": proposal.get_status_display()}
        )
    from_status = proposal.status
    proposal.status = to
    proposal.save(update_fields=["status", "updated_at"])
    ProposalEvent.objects.create(
        proposal=proposal, from_status=from_status, to_status=to, amount=amount, note=note.strip(), by=by
    )
    text = _("โครงการ “%(title)s”: %(status)s") % {"title": proposal.title, "status": proposal.get_status_display()}
    if from_status == S.DRAFT and to == S.WITHDRAWN:
        pass  # the agency never saw it
    elif notify_council:
        notify(users=users_with_role(Role.COUNCIL_STAFF, council=proposal.council), text=text, url=proposal_url(proposal))
    else:
        notify(users=users_with_role(Role.AGENCY_STAFF, agency=proposal.recipient), text=text, url=proposal_url(proposal))
    return proposal


@transaction.atomic
def proposal_submit(*, proposal_id: int, by, on: dt.date | None = None) -> SubsidyProposal:
    """Send a draft to its agency. The budget calendar of the recipient says in which
    fiscal year it will be considered (``considered_in_year``); a late one is still
    submitted, and its event says so ("ยื่นหลัง 15 ส.ค. 2569: จะพิจารณาในปีงบประมาณ 2571")."""
    proposal = _locked(proposal_id)
    require(permissions.can_prepare_proposal, user=by, council=proposal.council)
    if proposal.status != S.DRAFT:
        _refuse_move(proposal, S.SUBMITTED)
    lines = [(line.description, line.amount) for line in proposal.budget_lines.all()]
    if not lines or proposal.amount_requested <= 0:
        raise ValidationError({"budget_lines": _("กรุณาใส่รายการงบประมาณอย่างน้อยหนึ่งรายการก่อนยื่น")})
    _check(
        council=proposal.council, recipient=proposal.recipient, theme=proposal.theme,
        plan_items=list(proposal.plan_items.select_related("plan")), lines=lines, title=proposal.title,
    )  # fmt: skip
    now = timezone.now()
    window = window_for(lao=proposal.recipient, fiscal_year=proposal.fiscal_year, on=on or timezone.localdate(now))
    proposal.submitted_at = now
    proposal.considered_in_year = window.considered_in
    proposal.save(update_fields=["submitted_at", "considered_in_year", "updated_at"])
    return _move(
        proposal_id=proposal.pk, by=by, to=S.SUBMITTED, allowed_from=(S.DRAFT,), rule=permissions.can_prepare_proposal,
        note=window.message, amount=proposal.amount_requested, notify_council=False,
    )  # fmt: skip


@transaction.atomic
def proposal_withdraw(*, proposal_id: int, by, note: str = "", seen_status: str = "") -> SubsidyProposal:
    """The council takes its proposal back, any time before a decision."""
    return _move(
        proposal_id=proposal_id, by=by, to=S.WITHDRAWN, allowed_from=WITHDRAWABLE,
        rule=permissions.can_prepare_proposal, note=note, seen_status=seen_status, notify_council=False,
    )  # fmt: skip


@transaction.atomic
def proposal_receive(*, proposal_id: int, by, note: str = "", seen_status: str = "") -> SubsidyProposal:
    return _move(
        proposal_id=proposal_id, by=by, to=S.RECEIVED, allowed_from=(S.SUBMITTED,),
        rule=permissions.can_decide_proposal, note=note, seen_status=seen_status,
    )  # fmt: skip


@transaction.atomic
def proposal_consider(*, proposal_id: int, by, note: str = "", seen_status: str = "") -> SubsidyProposal:
    return _move(
        proposal_id=proposal_id, by=by, to=S.UNDER_CONSIDERATION, allowed_from=(S.SUBMITTED, S.RECEIVED),
        rule=permissions.can_decide_proposal, note=note, seen_status=seen_status,
    )  # fmt: skip


DECIDABLE_FROM = (S.RECEIVED, S.UNDER_CONSIDERATION)


def _decide(*, proposal_id, by, to, amount, note, seen_status) -> SubsidyProposal:
    proposal = _move(
        proposal_id=proposal_id, by=by, to=to, allowed_from=DECIDABLE_FROM, rule=permissions.can_decide_proposal,
        note=note, seen_status=seen_status, amount=amount,
    )  # fmt: skip
    proposal.amount_approved = amount
    proposal.decision_reason = note.strip()
    proposal.decided_at = timezone.now()
    proposal.decided_by = by
    proposal.save(update_fields=["amount_approved", "decision_reason", "decided_at", "decided_by", "updated_at"])
    return proposal


def _amount(amount) -> Decimal:
    if amount in (None, ""):
        raise ValidationError({"amount": _("กรุณาระบุจำนวนเงินที่อนุมัติ")})
    return Decimal(amount)


@transaction.atomic
def proposal_approve(*, proposal_id: int, by, amount, note: str = "", seen_status: str = "") -> SubsidyProposal:
    """Approve an amount. More than was asked only with a note saying why (recorded)."""
    amount = _amount(amount)
    asked = SubsidyProposal.objects.values_list("amount_requested", flat=True).get(pk=proposal_id)
    if amount <= 0:
        raise ValidationError({"amount": _("จำนวนเงินที่อนุมัติต้องมากกว่า 0 บาท (หากไม่อนุมัติ ให้เลือก “ไม่อนุมัติ”)")})
    if amount > asked and not note.strip():
        raise ValidationError(
            {
                "note": _("อนุมัติ %(amount)s บาท มากกว่าที่ขอ %(asked)s บาท ต้องระบุหมายเหตุว่าเหตุใด")
                % {"amount": baht(amount), "asked": baht(asked)}
            }
        )
    return _decide(proposal_id=proposal_id, by=by, to=S.APPROVED, amount=amount, note=note, seen_status=seen_status)


@transaction.atomic
def proposal_partly_approve(*, proposal_id: int, by, amount, note: str, seen_status: str = "") -> SubsidyProposal:
    """Approve part of what was asked: more than 0, less than asked, with the reason."""
    amount = _amount(amount)
    asked = SubsidyProposal.objects.values_list("amount_requested", flat=True).get(pk=proposal_id)
    if not 0 < amount < asked:
        raise ValidationError(
            {"amount": _("อนุมัติบางส่วนต้องมากกว่า 0 และน้อยกว่าที่ขอ (%(asked)s บาท)") % {"asked": baht(asked)}}
        )
    if not (note or "").strip():
        raise ValidationError({"note": _("กรุณาระบุเหตุผลที่อนุมัติบางส่วน")})
    return _decide(
        proposal_id=proposal_id, by=by, to=S.PARTLY_APPROVED, amount=amount, note=note, seen_status=seen_status
    )


@transaction.atomic
def proposal_reject(*, proposal_id: int, by, note: str, seen_status: str = "") -> SubsidyProposal:
    if not (note or "").strip():
        raise ValidationError({"note": _("กรุณาระบุเหตุผลที่ไม่อนุมัติ")})
    return _decide(proposal_id=proposal_id, by=by, to=S.NOT_APPROVED, amount=None, note=note, seen_status=seen_status)


@transaction.atomic
def proposal_carry_out(*, proposal_id: int, by, note: str = "", seen_status: str = "") -> SubsidyProposal:
    return _move(
        proposal_id=proposal_id, by=by, to=S.CARRIED_OUT, allowed_from=tuple(PROPOSAL_FUNDED_STATUSES),
        rule=permissions.can_decide_proposal, note=note, seen_status=seen_status,
    )  # fmt: skip


@transaction.atomic
def proposal_report(*, proposal_id: int, by, result: str, seen_status: str = "") -> SubsidyProposal:
    """Close a carried-out proposal with what it achieved."""
    if not (result or "").strip():
        raise ValidationError({"result": _("กรุณาระบุผลการดำเนินงาน")})
    proposal = _move(
        proposal_id=proposal_id, by=by, to=S.REPORTED, allowed_from=(S.CARRIED_OUT,),
        rule=permissions.can_decide_proposal, note=result, seen_status=seen_status,
    )  # fmt: skip
    proposal.result_report = result.strip()
    proposal.save(update_fields=["result_report", "updated_at"])
    return proposal


# The agency's moves by name: the decision form and the API's actions use these.
AGENCY_MOVES = {
    "receive": proposal_receive,
    "consider": proposal_consider,
    "approve": proposal_approve,
    "partly_approve": proposal_partly_approve,
    "reject": proposal_reject,
    "carry_out": proposal_carry_out,
    "report": proposal_report,
}


def next_agency_moves(proposal) -> list[str]:
    """The agency's moves the proposal's status allows now (for the page's choices)."""
    status = proposal.status
    moves = []
    if status == S.SUBMITTED:
        moves.append("receive")
    if status in (S.SUBMITTED, S.RECEIVED):
        moves.append("consider")
    if status in DECIDABLE_FROM:
        moves += ["approve", "partly_approve", "reject"]
    if status in PROPOSAL_FUNDED_STATUSES:
        moves.append("carry_out")
    if status == S.CARRIED_OUT:
        moves.append("report")
    return moves


def plan_items_total(plan_items) -> Decimal:
    return sum((item.budget_needed for item in plan_items), Decimal("0"))


__all__ = [
    "AGENCY_MOVES",
    "next_agency_moves",
    "proposal_approve",
    "proposal_carry_out",
    "proposal_consider",
    "proposal_create",
    "proposal_document_add",
    "proposal_document_delete",
    "proposal_partly_approve",
    "proposal_receive",
    "proposal_reject",
    "proposal_report",
    "proposal_submit",
    "proposal_update",
    "proposal_withdraw",
]
