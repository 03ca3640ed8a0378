"""Demo review outcomes: the demo district officer has reviewed most of the district's plan
items (reports/demo.py calls ``alignments_ensure`` for the small world's first district).

Items are dealt, in tambon-code then id order, along ``OUTCOMES``: most are aligned to the
tambon LAO's project of the same title (some by one click on a suggestion), some partly,
one in ten not adopted (with the reason), two in ten left pending. Every review goes
through ``alignment_review`` (the officer's own rule and checks). Idempotent: an item
already reviewed is left alone, and the items dealt "pending" stay so, so a re-run
changes nothing."""

from __future__ import annotations

from contextlib import nullcontext

from django.db import transaction

from .choices import AlignmentStatus as A
from .models import LocalPlanProject, PlanItem
from .services import alignment_review

# The demo's council_x (the first tambon) shows one of each: aligned, partly, pending.
OUTCOMES = [A.ALIGNED, A.PARTIAL, A.PENDING, A.ALIGNED, A.NOT_ADOPTED, A.ALIGNED, A.ALIGNED, A.PARTIAL, A.PENDING, A.ALIGNED]  # fmt: skip
NOTES = {
    A.ALIGNED: "บรรจุในแผนพัฒนาท้องถิ่นตามที่สภาองค์กรชุมชนเสนอ",
    A.PARTIAL: "บรรจุบางส่วน: ดำเนินการก่อนในบางหมู่บ้าน งบประมาณปีแรกน้อยกว่าที่เสนอ",
    A.NOT_ADOPTED: "ไม่ได้บรรจุ: งบประมาณของ อปท. ไม่เพียงพอ แนะนำเสนอขอรับการสนับสนุนจากหน่วยงานอื่น",
}


@transaction.atomic
def alignments_ensure(*, district, by, fiscal_year: int, outcomes=OUTCOMES, step=nullcontext) -> int:
    """Review the district's plan items of ``fiscal_year`` as ``by`` (one of its district
    officers) would, dealing ``outcomes``; each review runs inside ``step()`` (the past
    years' demo passes a clock). Returns how many reviews were recorded."""
    items = list(
        PlanItem.objects.filter(plan__council__subdistrict__district=district, plan__fiscal_year=fiscal_year)
        .select_related("plan__council__subdistrict__district__province", "plan__council__lao", "alignment")
        .order_by("plan__council__subdistrict__code", "pk")
    )
    lao_ids = {item.plan.council.lao_id for item in items} - {None}
    projects = {
        (p.lao_id, p.title): p
        for p in LocalPlanProject.objects.current().filter(lao_id__in=lao_ids).select_related("lao__subdistrict")
    }
    made = 0
    for index, item in enumerate(items):
        outcome = outcomes[index % len(outcomes)]
        alignment = getattr(item, "alignment", None)
        if outcome == A.PENDING or (alignment is not None and alignment.reviewed_at is not None):
            continue
        project = projects.get((item.plan.council.lao_id, item.title)) if outcome != A.NOT_ADOPTED else None
        note = NOTES[outcome]
        if project is None and outcome != A.NOT_ADOPTED:
            lao = item.plan.council.lao
            note = f"{note} (บรรจุไว้ในแผนพัฒนาท้องถิ่นของ{lao.name if lao else 'อปท.'})"
        with step():
            alignment_review(
            plan_item=item, by=by, status=outcome, note=note, local_plan_project=project,
            from_suggestion=project is not None and index % 2 == 0,
        )  # fmt: skip
        made += 1
    return made
