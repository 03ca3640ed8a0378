"""A ``Place``: the area an indicator's target or value belongs to, or an indicator page or
report section is about: one council, a district, a province, a CODI region (reports only)
or the whole country. Its ``subdistricts`` feed the apps' reporting selectors."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from councils.models import Council
from geo.models import District, Province, Subdistrict

from ..choices import AreaLevel

NATIONAL_CODE = "TH"
REGION = "region"  # a report's area only; no indicator is reported at it
# Finest first; a region lies between a province and the country.
RANK = {AreaLevel.COUNCIL: 0, AreaLevel.DISTRICT: 1, AreaLevel.PROVINCE: 2, REGION: 2.5, AreaLevel.NATIONAL: 3}


@dataclass(frozen=True)
class Place:
    level: str
    obj: object = None  # Council, District, Province, Region or None (the country)

    @property
    def code(self) -> str:
        if self.level == AreaLevel.NATIONAL:
            return NATIONAL_CODE
        if self.level == AreaLevel.COUNCIL:
            return self.obj.subdistrict.code
        return self.obj.code

    @property
    def key(self) -> str:
        return "national" if self.level == AreaLevel.NATIONAL else f"{self.level}:{self.code}"

    @property
    def label(self) -> str:
        if self.level == AreaLevel.COUNCIL:
            return self.obj.name
        if self.level == AreaLevel.DISTRICT:
            return _("อำเภอ%(name)s จังหวัด%(province)s") % {
                "name": self.obj.name_th,
                "province": self.obj.province.name_th,
            }
        if self.level == AreaLevel.PROVINCE:
            return _("จังหวัด%(name)s") % {"name": self.obj.name_th}
        if self.level == REGION:
            return self.obj.name_th
        return _("ทั้งประเทศ")

    def area_fields(self) -> dict:
        """The fields of a target or value at this place."""
        return {
            "level": self.level,
            "council": self.obj if self.level == AreaLevel.COUNCIL else None,
            "district": self.obj if self.level == AreaLevel.DISTRICT else None,
            "province": self.obj if self.level == AreaLevel.PROVINCE else None,
            "area_key": self.key,
        }

    @cached_property
    def subdistricts(self) -> QuerySet | None:
        """The place's subdistricts as a subquery of ids; None for the whole country."""
        filters = {
            AreaLevel.COUNCIL: lambda: {"council": self.obj.pk},
            AreaLevel.DISTRICT: lambda: {"district": self.obj.pk},
            AreaLevel.PROVINCE: lambda: {"district__province": self.obj.pk},
            REGION: lambda: {"district__province__regions": self.obj.pk},
        }.get(self.level)
        return None if filters is None else Subdistrict.objects.filter(**filters()).values("pk")

    def holds(self, level: str) -> Q:
        """Q over targets or values: rows at ``level`` whose area lies in this place."""
        subs = self.subdistricts
        if subs is None:
            return Q(level=level)
        if level == AreaLevel.COUNCIL:
            return Q(level=level, council__subdistrict__in=subs)
        if level == AreaLevel.DISTRICT:
            return Q(level=level, district__in=Subdistrict.objects.filter(pk__in=subs).values("district_id"))
        if level == AreaLevel.PROVINCE:
            return Q(level=level, province__in=Subdistrict.objects.filter(pk__in=subs).values("district__province_id"))
        return Q(pk__in=[])

    def areas_at(self, level: str) -> int:
        """How many areas of ``level`` lie in this place (councils, districts, provinces)."""
        subs = self.subdistricts
        if level == AreaLevel.COUNCIL:
            return Council.objects.in_subdistricts(subs).count()
        if level == AreaLevel.DISTRICT:
            qs = District.objects.all()
            return qs.count() if subs is None else qs.filter(subdistricts__in=subs).distinct().count()
        if level == AreaLevel.PROVINCE:
            qs = Province.objects.all()
            return qs.count() if subs is None else qs.filter(districts__subdistricts__in=subs).distinct().count()
        return 1


def place_get(level: str, code: str) -> Place:
    """The place named in a URL; ``DoesNotExist`` (a 404) when there is none."""
    if level == AreaLevel.NATIONAL and code == NATIONAL_CODE:
        return Place(AreaLevel.NATIONAL)
    if level == AreaLevel.COUNCIL:
        council = Council.objects.select_related("subdistrict__district__province").get(subdistrict__code=code)
        return Place(level, council)
    if level == AreaLevel.DISTRICT:
        return Place(level, District.objects.select_related("province").get(code=code))
    if level == AreaLevel.PROVINCE:
        return Place(level, Province.objects.get(code=code))
    raise Province.DoesNotExist(code)


def place_of(row) -> Place:
    """The place of a target or value (its area loaded)."""
    return Place(row.level, row.council or row.district or row.province)
