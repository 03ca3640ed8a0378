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
