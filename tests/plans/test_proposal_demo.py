"""The demo's proposals: every status, made through the services, once."""

from plans.choices import ProposalStatus
from plans.models import SubsidyProposal

from ..factories import DistrictFactory, ProvinceFactory, SubdistrictFactory


def test_the_demo_seed_gives_proposals_in_every_status_once(db):
    from reports.demo import seed_small

    chiang_mai = ProvinceFactory(code="50", name_th="เชียงใหม่")
    for district_code, tambons in (("5002", 5), ("5004", 4)):
        district = DistrictFactory(province=chiang_mai, code=district_code)
        for k in range(1, tambons + 1):
            SubdistrictFactory(district=district, code=f"{district_code}{k:02d}")
    seed_small()
    assert set(SubsidyProposal.objects.values_list("status", flat=True)) == set(ProposalStatus.values) - {
        ProposalStatus.WITHDRAWN
    }
    assert SubsidyProposal.objects.count() == 9
    submitted = SubsidyProposal.objects.exclude(status=ProposalStatus.DRAFT)
    assert not submitted.filter(considered_in_year__isnull=True).exists()
    seed_small()  # again: nothing new
    assert SubsidyProposal.objects.count() == 9
