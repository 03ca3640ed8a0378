"""What the plans hub offers a user: the councils, districts, LAOs and provinces their
scope holds, each with the plan pages they may open. A fixed number of queries."""

from dataclasses import dataclass, field

from accounts.choices import Role
from accounts.scoping import scope_for
from agencies.choices import LOCAL_GOVERNMENT_KINDS
from agencies.models import Agency
from councils.models import Council
from geo.models import District, Province


@dataclass
class PlansHome:
    councils: list = field(default_factory=list)
    districts: list = field(default_factory=list)
    laos: list = field(default_factory=list)
    agencies: list = field(default_factory=list)
    provinces: list = field(default_factory=list)
    national: bool = False


def plans_home_for(*, user) -> PlansHome:
    scope = scope_for(user)
    home = PlansHome()
    if scope.council_ids:
        home.councils = list(
            Council.objects.filter(pk__in=scope.council_ids).select_related("subdistrict").order_by("subdistrict__code")
        )
    if scope.has_role(Role.DISTRICT_OFFICER) and scope.district_ids:
        home.districts = list(
            District.objects.filter(pk__in=scope.district_ids).select_related("province").order_by("code")
        )
    if scope.agency_ids:
        agencies = list(Agency.objects.filter(pk__in=scope.agency_ids).order_by("name"))
        home.laos = [a for a in agencies if a.kind in LOCAL_GOVERNMENT_KINDS]
        home.agencies = agencies
    if scope.is_codi():
        home.national = scope.national
        provinces = Province.objects.order_by("code")
        if not scope.national:
            provinces = provinces.filter(pk__in=scope.province_ids)
        home.provinces = list(provinces)
    return home
