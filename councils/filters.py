"""FilterSets shared by the HTML lists and the API (the same filters, the same messages).

The querysets handed to these FilterSets are already scoped by the selectors; filtering
only narrows them. Choices for the selects (provinces, districts, themes) are computed
lazily, when a form is rendered, so the API never pays for them.

Thai search: Thai is written without spaces, so a name is matched by substring
(``name__icontains``, served by the trigram GIN index on UPPER(name) of migration
councils 0003). Words a person separates with spaces must each appear.
"""

from __future__ import annotations

import re

import django_filters as filters
from django import forms
from django.core.validators import RegexValidator
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from common.validators import validate_ce_date

from .choices import ActivityKind, AssessmentLevel, CouncilStatus, OrganizationKind
from .models import Activity, CommunityOrganization, Council
from .selectors.councils import districts_for_choice, provinces_for_choice, themes_for_choice

NOT_ASSESSED = "none"
LEVEL_CHOICES = [*AssessmentLevel.choices, (NOT_ASSESSED, _("ยังไม่ได้ประเมิน"))]
MAX_SEARCH_LENGTH = 100

# Zero-width characters Thai keyboards and copy-paste leave behind.
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff]")


def normalize_search(value: str) -> list[str]:
    """The words of a search: invisible characters dropped, SARA AM typed as NIKHAHIT +
    SARA AA (ํ + า) made one character (ำ) as names are stored, split on spaces."""
    value = _INVISIBLE.sub("", value or "").replace("\u0e4d\u0e32", "\u0e33")
    return [word for word in value.split() if word]


def _code_filter(field_name: str, digits: int, label, message, **kwargs) -> filters.CharFilter:
    return filters.CharFilter(
        field_name=field_name,
        label=label,
        validators=[RegexValidator(rf"^\d{{{digits}}}$", message)],
        widget=forms.Select,
        **kwargs,
    )


class _ScopedChoicesMixin:
    """Fills the selects of the HTML form from the user's scope, only when rendered."""

    public = False  # the public directory: every province, districts of the chosen one

    select_all_labels = {
        "province": _("ทุกจังหวัด"),
        "district": _("ทุกอำเภอ"),
        "theme": _("ทุกประเด็น"),
    }

    @property
    def form(self):
        if not hasattr(self, "_form"):
            form = super().form
            user = getattr(self.request, "user", None)
            province = (self.data.get("province") or "").strip()
            district = (self.data.get("district") or "").strip()
            if not province and len(district) == 4:
                province = district[:2]  # district codes begin with their province's
            lazy = {
                "province": lambda: [(p.code, p.name_th) for p in provinces_for_choice(user=user, public=self.public)],
                "district": lambda: [
                    (d.code, d.name_th)
                    for d in districts_for_choice(user=user, province_code=province or None, public=self.public)
                ],
                "theme": lambda: [(t.code, t.name_th) for t in themes_for_choice()],
            }
            for name, load in lazy.items():
                if name in form.fields:
                    all_label = self.select_all_labels[name]
                    form.fields[name].widget.choices = _LazyChoices(all_label, load)
            form.fields["q"].widget.input_type = "search"
            form.fields["q"].widget.attrs.update({"autocomplete": "off", "enterkeyhint": "search"})
        return self._form

    def search_names(self, queryset, name, value):
        words = normalize_search(value)
        for word in words:
            if word.isdigit():
                queryset = queryset.filter(**{f"{self.code_field}__startswith": word})
            else:
                queryset = queryset.filter(name__icontains=word)
        return queryset

    def filter_district(self, queryset, name, value):
        # A district left over from another province (the person changed the province and
        # searched again) is dropped rather than silently emptying the list.
        province = self.form.cleaned_data.get("province")
        if province and not value.startswith(province):
            return queryset
        return queryset.filter(**{name: value})


class _LazyChoices:
    """Iterable choices that run their query on first iteration (at render), once."""

    def __init__(self, all_label, load):
        self.all_label, self.load, self._cache = all_label, load, None

    def __iter__(self):
        if self._cache is None:
            self._cache = [("", self.all_label), *self.load()]
        return iter(self._cache)

    def __len__(self):
        return len(list(iter(self)))


def _search_filter(label) -> filters.CharFilter:
    return filters.CharFilter(
        method="search_names",
        label=label,
        max_length=MAX_SEARCH_LENGTH,
        error_messages={"max_length": _("คำค้นยาวเกิน %(limit_value)d ตัวอักษร")},
    )


class CouncilFilter(_ScopedChoicesMixin, filters.FilterSet):
    code_field = "subdistrict__code"

    q = _search_filter(_("ค้นหาชื่อสภาหรือรหัสตำบล"))
    province = _code_filter("subdistrict__district__province__code", 2, _("จังหวัด"), _("รหัสจังหวัดต้องเป็นตัวเลข 2 หลัก"))
    district = _code_filter(
        "subdistrict__district__code",
        4,
        _("อำเภอ"),
        _("รหัสอำเภอต้องเป็นตัวเลข 4 หลัก"),
        method="filter_district",
    )
    status = filters.ChoiceFilter(
        choices=CouncilStatus.choices,
        label=_("สถานะ"),
        empty_label=_("ทุกสถานะ"),
        error_messages={"invalid_choice": _("สถานะ “%(value)s” ไม่ถูกต้อง")},
    )
    level = filters.ChoiceFilter(
        choices=LEVEL_CHOICES,
        method="filter_level",
        label=_("ระดับการประเมินล่าสุด"),
        empty_label=_("ทุกระดับ"),
        error_messages={"invalid_choice": _("ระดับ “%(value)s” ไม่ถูกต้อง")},
    )
    theme = filters.CharFilter(field_name="themes__code", label=_("ประเด็นงาน"), widget=forms.Select)

    class Meta:
        model = Council
        fields = ["q", "province", "district", "status", "level", "theme"]

    def filter_level(self, queryset, name, value):
        """Needs ``latest_level`` annotated (selectors.councils.with_latest_level)."""
        if value == NOT_ASSESSED:
            return queryset.filter(latest_level__isnull=True)
        return queryset.filter(latest_level=value)


class PublicCouncilFilter(CouncilFilter):
    """The public directory's filters: the same search and filters as the signed-in list,
    less the status (the public sees published councils, whatever their status)."""

    public = True
    status = None

    class Meta(CouncilFilter.Meta):
        fields = ["q", "province", "district", "level", "theme"]


class OrganizationFilter(_ScopedChoicesMixin, filters.FilterSet):
    code_field = "code"

    q = _search_filter(_("ค้นหาชื่อองค์กร"))
    province = _code_filter(
        "council__subdistrict__district__province__code", 2, _("จังหวัด"), _("รหัสจังหวัดต้องเป็นตัวเลข 2 หลัก")
    )
    district = _code_filter(
        "council__subdistrict__district__code",
        4,
        _("อำเภอ"),
        _("รหัสอำเภอต้องเป็นตัวเลข 4 หลัก"),
        method="filter_district",
    )
    council = filters.CharFilter(
        field_name="council__subdistrict__code",
        label=_("รหัสตำบลของสภา"),
        validators=[RegexValidator(r"^\d{6}$", _("รหัสตำบลต้องเป็นตัวเลข 6 หลัก"))],
    )
    kind = filters.ChoiceFilter(
        choices=OrganizationKind.choices,
        label=_("ประเภทองค์กร"),
        empty_label=_("ทุกประเภท"),
        error_messages={"invalid_choice": _("ประเภทองค์กร “%(value)s” ไม่ถูกต้อง")},
    )
    theme = filters.CharFilter(field_name="themes__code", label=_("ประเด็นงาน"), widget=forms.Select)

    class Meta:
        model = CommunityOrganization
        fields = ["q", "province", "district", "council", "kind", "theme"]

    def search_names(self, queryset, name, value):
        # An organization's CODI code ("CO50020301") is found as typed, in any case.
        for word in normalize_search(value):
            if re.fullmatch(r"[A-Za-z]{1,4}\d+", word):
                queryset = queryset.filter(code__startswith=word.upper())
            elif word.isdigit():
                queryset = queryset.filter(Q(code__startswith=word) | Q(name__icontains=word))
            else:
                queryset = queryset.filter(name__icontains=word)
        return queryset


class ActivityFilter(filters.FilterSet):
    """The API's activity filters (the HTML shows activities on council pages)."""

    council = filters.CharFilter(
        field_name="council__subdistrict__code",
        label=_("รหัสตำบลของสภา"),
        validators=[RegexValidator(r"^\d{6}$", _("รหัสตำบลต้องเป็นตัวเลข 6 หลัก"))],
    )
    province = filters.CharFilter(
        field_name="council__subdistrict__district__province__code",
        label=_("จังหวัด"),
        validators=[RegexValidator(r"^\d{2}$", _("รหัสจังหวัดต้องเป็นตัวเลข 2 หลัก"))],
    )
    district = filters.CharFilter(
        field_name="council__subdistrict__district__code",
        label=_("อำเภอ"),
        validators=[RegexValidator(r"^\d{4}$", _("รหัสอำเภอต้องเป็นตัวเลข 4 หลัก"))],
    )
    kind = filters.ChoiceFilter(
        choices=ActivityKind.choices,
        label=_("ประเภทกิจกรรม"),
        error_messages={"invalid_choice": _("ประเภทกิจกรรม “%(value)s” ไม่ถูกต้อง")},
    )
    fiscal_year = filters.NumberFilter(
        label=_("ปีงบประมาณ (พ.ศ.)"), error_messages={"invalid": _("ปีงบประมาณต้องเป็นตัวเลข")}
    )
    date_from = filters.DateFilter(
        field_name="date",
        lookup_expr="gte",
        label=_("ตั้งแต่วันที่"),
        validators=[validate_ce_date],
        error_messages={"invalid": _("รูปแบบวันที่ไม่ถูกต้อง ใช้ YYYY-MM-DD (ค.ศ.)")},
    )
    date_to = filters.DateFilter(
        field_name="date",
        lookup_expr="lte",
        label=_("ถึงวันที่"),
        validators=[validate_ce_date],
        error_messages={"invalid": _("รูปแบบวันที่ไม่ถูกต้อง ใช้ YYYY-MM-DD (ค.ศ.)")},
    )
    agency = filters.NumberFilter(
        field_name="agencies",
        label=_("หน่วยงานที่ร่วมกิจกรรม (id)"),
        error_messages={"invalid": _("รหัสหน่วยงานต้องเป็นตัวเลข")},
    )

    class Meta:
        model = Activity
        fields = ["council", "province", "district", "kind", "fiscal_year", "date_from", "date_to", "agency"]
