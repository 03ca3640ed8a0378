"""The API's filters of agencies and missions (the HTML list uses agencies.forms)."""

from __future__ import annotations

import django_filters as filters
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

from .choices import AgencyKind
from .forms import MAX_SEARCH_LENGTH
from .models import Agency, Mission
from .selectors import search_names


class AgencyFilter(filters.FilterSet):
    q = filters.CharFilter(method="search", label=_("ค้นหาชื่อหน่วยงาน"), max_length=MAX_SEARCH_LENGTH)
    kind = filters.ChoiceFilter(choices=AgencyKind.choices, label=_("ประเภท"))
    province = filters.CharFilter(
        field_name="province__code",
        label=_("รหัสจังหวัด"),
        validators=[RegexValidator(r"^\d{2}$", _("รหัสจังหวัดต้องเป็นตัวเลข 2 หลัก"))],
    )
    district = filters.CharFilter(
        field_name="district__code",
        label=_("รหัสอำเภอ"),
        validators=[RegexValidator(r"^\d{4}$", _("รหัสอำเภอต้องเป็นตัวเลข 4 หลัก"))],
    )

    class Meta:
        model = Agency
        fields = ["q", "kind", "province", "district"]

    def search(self, queryset, name, value):
        return search_names(queryset, value)


class MissionFilter(filters.FilterSet):
    agency = filters.NumberFilter(field_name="agency_id", label=_("หน่วยงาน"))
    fiscal_year = filters.NumberFilter(label=_("ปีงบประมาณ (พ.ศ.)"))
    theme = filters.CharFilter(field_name="theme__code", label=_("รหัสประเด็นงาน"))

    class Meta:
        model = Mission
        fields = ["agency", "fiscal_year", "theme"]
