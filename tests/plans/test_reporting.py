"""plans.reporting: the figures plans give to reports."""

import pytest

from geo.models import Subdistrict
from plans import reporting

from ..factories import CommunityPlanFactory, PlanItemFactory

pytestmark = pytest.mark.django_db


def _item(plan, status=None):
    item = PlanItemFactory(plan=plan)
    if status:
        item.alignment.status = status
        item.alignment.save()
    return item


@pytest.fixture
def data(world):
    x = CommunityPlanFactory(council=world.council_x, fiscal_year=2569)
    _item(x, "aligned")
    _item(x, "aligned")
    _item(x, "partial")
    no_review = _item(x)
    no_review.alignment.delete()  # never reviewed: counts as pending
    _item(CommunityPlanFactory(council=world.council_w, fiscal_year=2569))
    _item(CommunityPlanFactory(council=world.council_y, fiscal_year=2568), "aligned")  # another year
    return world


def test_plan_items_by_alignment(data):
    assert reporting.plan_items_by_alignment(subdistricts=None, fiscal_year=2569) == [
        ("รอพิจารณา", 2), ("บรรจุในแผนท้องถิ่นแล้ว", 2), ("บรรจุบางส่วน", 1), ("ไม่ได้บรรจุ", 0),
    ]
    district = Subdistrict.objects.filter(district=data.district).values("pk")
    assert reporting.plan_items_by_alignment(subdistricts=district, fiscal_year=2568)[1] == ("บรรจุในแผนท้องถิ่นแล้ว", 1)


def test_plan_items_per_council(data):
    assert reporting.plan_items_per_council(subdistricts=None, fiscal_year=2569) == {
        data.council_x.pk: (4, 2),
        data.council_w.pk: (1, 0),
    }
    far = Subdistrict.objects.filter(district=data.far_district).values("pk")
    assert reporting.plan_items_per_council(subdistricts=far, fiscal_year=2569) == {data.council_w.pk: (1, 0)}


def test_a_past_period_counts_reviews_and_decisions_as_they_stood(world):
    """FY 2569 ended on 30 Sep 2026: a review, a decision, a submission or a withdrawal
    recorded after that stays out of its figures; today's figures show them."""
    import datetime as dt
    from decimal import Decimal

    from django.utils import timezone

    from accounts.choices import Role
    from plans.choices import ProposalStatus as S
    from plans.models import ProposalEvent, SubsidyProposal

    from ..factories import subsidy_proposal, user_with_role

    def at(y, m, d):
        return timezone.make_aware(dt.datetime(y, m, d, 10, 0))

    end = dt.date(2026, 9, 30)
    plan = CommunityPlanFactory(council=world.council_x, fiscal_year=2569)
    in_time, late = _item(plan, "aligned"), _item(plan, "aligned")
    in_time.alignment.reviewed_at = at(2026, 5, 1)
    in_time.alignment.save()
    late.alignment.reviewed_at = at(2026, 11, 1)
    late.alignment.save()
    assert reporting.plan_items_by_alignment(subdistricts=None, fiscal_year=2569, as_of=end)[:2] == [
        ("รอพิจารณา", 1), ("บรรจุในแผนท้องถิ่นแล้ว", 1),
    ]
    assert reporting.plan_items_by_alignment(subdistricts=None, fiscal_year=2569)[:2] == [
        ("รอพิจารณา", 0), ("บรรจุในแผนท้องถิ่นแล้ว", 2),
    ]
    assert reporting.plan_items_per_council(subdistricts=None, fiscal_year=2569, as_of=end) == {world.council_x.pk: (2, 1)}

    staff = user_with_role("staff_x_r", Role.COUNCIL_STAFF, council=world.council_x)

    def proposal(status, moves, amount_approved=None):
        p = subsidy_proposal(council=world.council_x, recipient=world.lao, by=staff, status=status, fiscal_year=2569,
                             title=f"โครงการ {status} {len(moves)}")
        SubsidyProposal.objects.filter(pk=p.pk).update(submitted_at=moves[0][1], amount_approved=amount_approved)
        for to_status, when, amount in moves:
            event = ProposalEvent.objects.create(proposal=p, to_status=to_status, amount=amount)
            ProposalEvent.objects.filter(pk=event.pk).update(at=when)
        return p

    # approved after the end: asked then, not yet approved
    proposal(S.APPROVED, [(S.SUBMITTED, at(2026, 6, 1), None), (S.APPROVED, at(2026, 10, 15), Decimal("30000"))],
             amount_approved=Decimal("30000"))
    # approved in time
    proposal(S.APPROVED, [(S.SUBMITTED, at(2026, 2, 1), None), (S.APPROVED, at(2026, 4, 1), Decimal("20000"))],
             amount_approved=Decimal("20000"))
    # submitted after the end: not asked in the period
    proposal(S.SUBMITTED, [(S.SUBMITTED, at(2026, 10, 5), None)])
    # withdrawn after the end: still asked at the end
    proposal(S.WITHDRAWN, [(S.SUBMITTED, at(2026, 3, 1), None), (S.WITHDRAWN, at(2026, 11, 1), None)])
    [then] = reporting.plan_figures_by_district(subdistricts=None, fiscal_year=2569, as_of=end)
    assert (then.items, then.aligned, then.pending) == (6, 1, 5)  # + one new item in each proposal
    assert (then.proposals, then.approved, then.amount_requested, then.amount_approved) == (
        3, 1, Decimal("120000"), Decimal("20000"),
    )
    [now] = reporting.plan_figures_by_district(subdistricts=None, fiscal_year=2569)
    assert (now.items, now.aligned, now.pending) == (6, 2, 4)
    assert (now.proposals, now.approved, now.amount_approved) == (3, 2, Decimal("50000"))
