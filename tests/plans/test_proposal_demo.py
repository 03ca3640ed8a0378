"""The demo's proposals: every status, made through the services, once."""

from collections import Counter

from common.thai import current_fiscal_year
from plans.choices import ProposalStatus
from plans.models import Alignment, SubsidyProposal

from ..factories import DistrictFactory, ProvinceFactory, SubdistrictFactory


def test_the_demo_seed_gives_proposals_in_every_status_once(db):
    from reports.demo import seed_small

    chiang_mai = ProvinceFactory(code="50", name_th="เชียงใหม่")
    for district_code, tambons in (("5002", 5), ("5004", 4)):
        district = DistrictFactory(province=chiang_mai, code=district_code)
        for k in range(1, tambons + 1):
            SubdistrictFactory(district=district, code=f"{district_code}{k:02d}")
    seed_small()
    every = set(ProposalStatus.values)
    fy = current_fiscal_year()  # the past years' proposals and reviews: tests/reports/test_demo_years.py
    for code in ("5002", "5004"):  # each district's councils show every status
        of_district = SubsidyProposal.objects.filter(council__subdistrict__district__code=code, fiscal_year=fy)
        assert set(of_district.values_list("status", flat=True)) == every, code
    assert SubsidyProposal.objects.filter(fiscal_year=fy).count() == 20
    total = SubsidyProposal.objects.count()
    submitted = SubsidyProposal.objects.exclude(status=ProposalStatus.DRAFT)
    assert not submitted.filter(considered_in_year__isnull=True).exists()
    # the demo district officer's reviews: most items reviewed, through the service
    d1 = Alignment.objects.filter(
        plan_item__plan__council__subdistrict__district__code="5002", plan_item__plan__fiscal_year=fy
    )
    statuses = Counter(d1.values_list("status", flat=True))
    assert statuses == {"aligned": 7, "partial": 3, "not_adopted": 2, "pending": 3}  # 5 tambons x 3 items
    aligned = d1.filter(status="aligned")
    assert aligned.filter(local_plan_project__isnull=False).count() == 7
    assert all(a.local_plan_project.title == a.plan_item.title for a in aligned)
    reviewed = d1.exclude(status="pending")
    assert reviewed.filter(reviewed_by__username="district_d1", reviewed_at__isnull=False).count() == 12
    assert reviewed.filter(status="not_adopted", local_plan_project__isnull=True).count() == 2
    assert (
        not Alignment.objects.filter(
            plan_item__plan__council__subdistrict__district__code="5004", plan_item__plan__fiscal_year=fy
        )
        .exclude(status="pending")
        .exists()
    )
    histories = Alignment.history.count()
    seed_small()  # again: nothing new
    assert SubsidyProposal.objects.count() == total
    assert Counter(d1.values_list("status", flat=True)) == statuses
    assert Alignment.history.count() == histories
