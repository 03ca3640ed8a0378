"""The public pages of figures (no sign-in): the dashboard with its province map, and the
open data page with its downloads."""

from __future__ import annotations

from django import forms
from django.http import FileResponse, Http404, StreamingHttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import TemplateView

from common.thai import current_fiscal_year
from geo.models import Province

from . import dashboard, public_charts
from .indicators.public import nationally, per_province, public_indicators
from .opendata import writers
from .opendata.datasets import DATASETS, DICTIONARY, DOWNLOADS, LICENCE, LICENCE_URL, TYPE_LABELS

YEARS_SHOWN = 5


class DashboardForm(forms.Form):
    measure = forms.ChoiceField(
        label=gettext_lazy("ระบายสีแผนที่ตาม"),
        required=False,
        error_messages={"invalid_choice": gettext_lazy("ไม่มีตัวชี้วัด “%(value)s” ให้เลือก")},
    )
    year = forms.TypedChoiceField(
        label=gettext_lazy("ปีงบประมาณ"),
        coerce=int,
        required=False,
        error_messages={"invalid_choice": gettext_lazy("เลือกปีงบประมาณ %(value)s ไม่ได้ เลือกจากรายการ")},
    )
    quarter = forms.TypedChoiceField(
        label=gettext_lazy("ไตรมาส (ตัวชี้วัดรายไตรมาส)"),
        coerce=int,
        required=False,
        empty_value=None,
        choices=[("", gettext_lazy("ไตรมาสล่าสุดที่มีผล"))] + [(q, f"{q}") for q in range(1, 5)],
        error_messages={"invalid_choice": gettext_lazy("ไม่มีไตรมาส %(value)s เลือก 1 ถึง 4")},
    )

    def __init__(self, *args, this_year: int, measures: dict, **kwargs):
        super().__init__(*args, **kwargs)
        groups: dict = {}
        for m in measures.values():
            groups.setdefault(str(m.group), []).append((m.slug, m.label))
        self.fields["measure"].choices = [
            *groups.pop("", []), *[(group, choices) for group, choices in groups.items()]
        ]  # fmt: skip
        self.fields["year"].choices = [(y, str(y)) for y in range(this_year, this_year - YEARS_SHOWN, -1)]


class PublicDashboardView(TemplateView):
    template_name = "reports/public_dashboard.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        this_year = current_fiscal_year()
        measures = dashboard.measures()
        form = DashboardForm(self.request.GET or None, this_year=this_year, measures=measures)
        valid = form.is_valid() if form.is_bound else False
        data = form.cleaned_data if valid else {}
        measure = measures.get(data.get("measure") or "", next(iter(measures.values())))
        year = data.get("year") or this_year
        ctx.update(
            form=form,
            measure=measure,
            fiscal_year=year,
            figures=dashboard.headline(fiscal_year=year),
            map=dashboard.tile_map(measure, fiscal_year=year, quarter=data.get("quarter")),
        )
        return ctx


class ChartsForm(forms.Form):
    indicator = forms.ChoiceField(
        label=gettext_lazy("ตัวชี้วัด"),
        required=False,
        error_messages={"invalid_choice": gettext_lazy("ไม่มีตัวชี้วัด “%(value)s” ที่เผยแพร่")},
    )
    province = forms.ChoiceField(
        label=gettext_lazy("จังหวัด"),
        required=False,
        error_messages={"invalid_choice": gettext_lazy("ไม่มีจังหวัดรหัส “%(value)s”")},
    )
    year = forms.TypedChoiceField(
        label=gettext_lazy("ถึงปีงบประมาณ"),
        coerce=int,
        required=False,
        error_messages={"invalid_choice": gettext_lazy("เลือกปีงบประมาณ %(value)s ไม่ได้ เลือกจากรายการ")},
    )

    def __init__(self, *args, this_year: int, indicators: list, provinces: list, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["indicator"].choices = [(i.code, f"{i.code} {i.name_th}") for i in indicators]
        self.fields["province"].choices = [("", _("ทั้งประเทศเท่านั้น"))] + [(p.code, p.name_th) for p in provinces]
        self.fields["year"].choices = [(y, str(y)) for y in range(this_year, this_year - YEARS_SHOWN, -1)]


class PublicChartsView(TemplateView):
    """Charts of published figures: an indicator's target against its approved actual, and
    year-on-year comparisons, for the country and (chosen) one province."""

    template_name = "reports/public_charts.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        this_year = current_fiscal_year()
        indicators = [i for i in public_indicators() if nationally(i) or per_province(i)]
        provinces = list(Province.objects.order_by("name_th"))
        form = ChartsForm(self.request.GET or None, this_year=this_year, indicators=indicators, provinces=provinces)
        data = form.cleaned_data if form.is_bound and form.is_valid() else {}
        indicator = next(
            (i for i in indicators if i.code == data.get("indicator")), indicators[0] if indicators else None
        )
        province = next((p for p in provinces if p.code == data.get("province")), None)
        last = data.get("year") or this_year
        years = list(range(last - YEARS_SHOWN + 1, last + 1))
        ctx.update(
            form=form,
            indicator=indicator,
            province=province,
            years=years,
            indicator_charts=public_charts.indicator_charts(indicator, years=years, province=province)
            if indicator
            else [],
            province_missing=bool(indicator and province and not per_province(indicator)),
            year_charts=public_charts.year_on_year_charts(years=years, province=province),
        )
        return ctx


class OpenDataView(TemplateView):
    template_name = "reports/open_data.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            datasets=[(d, reverse(f"open-{d.slug}-list")) for d in DATASETS.values()],
            dictionary=DICTIONARY,
            type_labels={k: str(v) for k, v in TYPE_LABELS.items()},
            licence=LICENCE,
            licence_url=LICENCE_URL,
            formats=FORMATS,
            **kwargs,
        )


FORMATS = ("csv", "xlsx", "json")
CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "json": "application/json; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


class OpenDataDownloadView(View):
    """One dataset in one format, streamed (a 404 for an unknown dataset or format)."""

    def get(self, request, dataset, fmt):
        found = DOWNLOADS.get(dataset)
        if found is None or fmt not in FORMATS:
            raise Http404(_("ไม่พบชุดข้อมูลนี้"))
        base = request.build_absolute_uri("/").rstrip("/")
        filename = f"{found.slug}-{timezone.localdate():%Y%m%d}.{fmt}"
        if fmt == "xlsx":
            return FileResponse(
                writers.xlsx_file(found, base=base),
                as_attachment=True,
                filename=filename,
                content_type=CONTENT_TYPES[fmt],
            )
        lines = writers.csv_lines(found, base=base) if fmt == "csv" else writers.json_chunks(found, base=base)
        response = StreamingHttpResponse(lines, content_type=CONTENT_TYPES[fmt])
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response
