"""Every status and kind of the plans app: community plans, LAO local plans, alignment,
subsidy proposals and the budget calendar. Code compares against these, never bare strings."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class AlignmentStatus(models.TextChoices):
    PENDING = "pending", _("รอพิจารณา")
    ALIGNED = "aligned", _("บรรจุในแผนท้องถิ่นแล้ว")
    PARTIAL = "partial", _("บรรจุบางส่วน")
    NOT_ADOPTED = "not_adopted", _("ไม่ได้บรรจุ")


class Priority(models.IntegerChoices):
    HIGH = 1, _("สูง")
    MEDIUM = 2, _("กลาง")
    LOW = 3, _("ต่ำ")


class AmendmentKind(models.TextChoices):
    """How an LAO's local plan is changed during its cycle: additions bring new projects
    ("เพิ่มเติม ครั้งที่ 1/2568"), changes replace or withdraw projects ("เปลี่ยนแปลง")."""

    ADDITION = "addition", _("เพิ่มเติม")
    CHANGE = "change", _("เปลี่ยนแปลง")


class ProposalStatus(models.TextChoices):
    """A subsidy proposal's life. Council staff: draft → submitted (or withdrawn before a
    decision). The recipient agency's staff: received → under consideration → approved /
    partly approved / not approved; an approved one is carried out, then reported."""

    DRAFT = "draft", _("ร่าง")
    SUBMITTED = "submitted", _("ยื่นแล้ว")
    RECEIVED = "received", _("รับเรื่องแล้ว")
    UNDER_CONSIDERATION = "under_consideration", _("อยู่ระหว่างพิจารณา")
    APPROVED = "approved", _("อนุมัติ")
    PARTLY_APPROVED = "partly_approved", _("อนุมัติบางส่วน")
    NOT_APPROVED = "not_approved", _("ไม่อนุมัติ")
    CARRIED_OUT = "carried_out", _("ดำเนินการแล้ว")
    REPORTED = "reported", _("รายงานผลแล้ว")
    WITHDRAWN = "withdrawn", _("ถอนเรื่อง")


# The statuses in which a proposal waits on its recipient agency.
PROPOSAL_OPEN_STATUSES = frozenset(
    {ProposalStatus.SUBMITTED, ProposalStatus.RECEIVED, ProposalStatus.UNDER_CONSIDERATION}
)
# The decided statuses that granted money (and may be carried out).
PROPOSAL_FUNDED_STATUSES = frozenset({ProposalStatus.APPROVED, ProposalStatus.PARTLY_APPROVED})
# Every status after a decision.
PROPOSAL_DECIDED_STATUSES = frozenset(
    {
        ProposalStatus.APPROVED,
        ProposalStatus.PARTLY_APPROVED,
        ProposalStatus.NOT_APPROVED,
        ProposalStatus.CARRIED_OUT,
        ProposalStatus.REPORTED,
    }
)


class BudgetDateKind(models.TextChoices):
    """The key dates of an LAO's planning and budget year (the two calendars a community
    plan has to meet). Defaults come from ``plans.budget_calendar.default_date``."""

    PLAN_FORUM = "plan_forum", _("ประชาคมทบทวนแผนพัฒนาท้องถิ่น")
    PLAN_ADOPTED = "plan_adopted", _("ประกาศใช้แผนพัฒนาท้องถิ่น (เพิ่มเติม/เปลี่ยนแปลง)")
    BUDGET_DRAFT = "budget_draft", _("จัดทำร่างข้อบัญญัติงบประมาณ")
    FISCAL_YEAR_START = "fiscal_year_start", _("เริ่มปีงบประมาณ")
