"""agencies.reporting: the figures agencies give to reports."""

import pytest

from agencies import reporting
from agencies.models import Agency

from ..factories import AgencyFactory

pytestmark = pytest.mark.django_db


def test_agencies_by_kind_among_the_ids_given(world):
    cdd = AgencyFactory(subdistrict=world.council_y.subdistrict, kind="cdd", dla_code=None)
    AgencyFactory(subdistrict=world.council_z.subdistrict)  # an SAO not among the ids
    rows = reporting.agencies_by_kind(agency_ids=[world.lao.pk, cdd.pk])
    assert [label for label, _n in rows][:5] == [
        "องค์การบริหารส่วนจังหวัด (อบจ.)", "เทศบาลนคร", "เทศบาลเมือง", "เทศบาลตำบล", "องค์การบริหารส่วนตำบล (อบต.)",
    ]
    assert {label: n for label, n in rows if n} == {"องค์การบริหารส่วนตำบล (อบต.)": 1, "สำนักงานพัฒนาชุมชนอำเภอ": 1}
    subquery = Agency.objects.filter(kind="sao").values("pk")
    assert dict(reporting.agencies_by_kind(agency_ids=subquery))["องค์การบริหารส่วนตำบล (อบต.)"] == 2
