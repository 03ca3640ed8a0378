"""The indicator pages: the catalogue (CODI staff keep it), an area's targets against
actuals, the entry form of a value, a value's page (its history, submit, approve, return)
and the approval queue. Thin: selectors read, services write, permissions decide."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.db import transaction
from django.http import FileResponse, Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import ListView, TemplateView

from accounts.scoping import scope_for
from common.rules import require
from common.thai import arabic_digits, current_fiscal_year
from common.views import ScopedObjectMixin, ServiceFormView
from councils.models import Council
from geo.models import District, Province

from ..choices import VALUE_EDITABLE, AreaLevel, ValueStatus
from . import permissions, selectors, services
from .areas import Place, place_get, place_of
from .forms import IndicatorForm, ReturnForm, TargetForm, ValueForm
from .models import Indicator

QUEUE_LIMIT = 200


def _fiscal_year(request) -> int:
    try:
        year = int(arabic_digits(request.GET.get("fiscal_year", "")))
    except ValueError:
        return current_fiscal_year()
    return year if 2500 <= year <= 2700 else current_fiscal_year()


def area_url(place: Place, fiscal_year: int | None = None) -> str:
    url = reverse("reports:indicator_area", kwargs={"level": place.level, "code": place.code})
    return f"{url}?fiscal_year={fiscal_year}" if fiscal_year else url


def _my_places(user) -> list[Place]:
    """The areas a user's own indicator pages are about (links on the catalogue)."""
    scope = scope_for(user)
    places = [
        Place(AreaLevel.COUNCIL, c)
        for c in Council.objects.filter(pk__in=scope.council_ids).select_related("subdistrict")
    ]
    places += [
        Place(AreaLevel.DISTRICT, d)
        for d in District.objects.filter(pk__in=scope.district_ids).select_related("province")
    ]
    if scope.is_codi():
        places += [Place(AreaLevel.PROVINCE, p) for p in Province.objects.filter(pk__in=scope.province_ids)]
        if scope.national:
            places.append(Place(AreaLevel.NATIONAL))
    return places


# The catalogue ---------------------------------------------------------------------------


class IndicatorListView(LoginRequiredMixin, ListView):
    template_name = "reports/indicators/indicator_list.html"
    context_object_name = "indicators"

    def get_queryset(self):
        return selectors.indicators_catalogue()

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            can_manage=permissions.can_manage_catalogue(user=self.request.user),
            can_queue=permissions.can_open_queue(user=self.request.user),
            places=[(p, area_url(p)) for p in _my_places(self.request.user)],
            **kwargs,
        )


class _CatalogueMixin(LoginRequiredMixin):
    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            require(permissions.can_manage_catalogue, user=request.user)
        return super().dispatch(request, *args, **kwargs)


class IndicatorCreateView(_CatalogueMixin, ServiceFormView):
    template_name = "reports/indicators/indicator_form.html"
    form_class = IndicatorForm
    success_message = gettext_lazy("บันทึกตัวชี้วัดแล้ว")
    instance = None

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.instance}

    def run_service(self, form):
        fields = {name: form.cleaned_data[name] for name in form.Meta.fields}
        return services.indicator_save(by=self.request.user, instance=self.instance, **fields)

    def get_success_url(self):
        return reverse("reports:indicator_list")


class IndicatorUpdateView(IndicatorCreateView):
    def dispatch(self, request, *args, **kwargs):
        self.instance = Indicator.objects.filter(pk=kwargs["pk"]).first()
        if self.instance is None:
            raise Http404(_("ไม่พบตัวชี้วัดนี้"))
        return super().dispatch(request, *args, **kwargs)


class TargetSetView(IndicatorUpdateView):
    template_name = "reports/indicators/target_form.html"
    form_class = TargetForm
    success_message = gettext_lazy("บันทึกค่าเป้าหมายแล้ว")

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs.pop("instance")
        kwargs.setdefault("initial", {"fiscal_year": current_fiscal_year(), "level": self.instance.level})
        return kwargs

    def get_context_data(self, **kwargs):
        return super().get_context_data(indicator=self.instance, **kwargs)

    def run_service(self, form):
        data = form.cleaned_data
        code = arabic_digits(data["code"].strip()) or "TH"
        try:
            place = place_get(data["level"], code)
        except ObjectDoesNotExist:
            place = None
        if place is None or not permissions.can_see_place(user=self.request.user, place=place):
            raise ValidationError({"code": _("ไม่พบพื้นที่นี้ในพื้นที่ที่คุณรับผิดชอบ")})
        return services.target_set(
            indicator=self.instance, fiscal_year=data["fiscal_year"], quarter=data["quarter"], place=place,
            by=self.request.user, value=data["value"], text=data["text"],
        )  # fmt: skip

    def get_success_url(self):
        return area_url(place_of(self.result), self.result.period.fiscal_year)


# An area's page --------------------------------------------------------------------------


class _PlaceMixin(ScopedObjectMixin):
    not_found_message = gettext_lazy("ไม่พบพื้นที่นี้")

    def get_place(self) -> Place:
        place = place_get(self.kwargs["level"], self.kwargs["code"])
        if not permissions.can_see_place(user=self.request.user, place=place):
            raise Http404(self.not_found_message)
        return place


class AreaView(_PlaceMixin, TemplateView):
    template_name = "reports/indicators/area.html"
    scoped_object_name = "place"

    def get_scoped_object(self):
        return self.get_place()

    def get_context_data(self, **kwargs):
        place, year = self.scoped_object, _fiscal_year(self.request)
        return super().get_context_data(
            fiscal_year=year,
            rows=selectors.indicator_table(place=place, fiscal_year=year),
            can_enter=permissions.can_enter_value(user=self.request.user, place=place),
            years=[year + 1, year, year - 1, year - 2],
            children=[(child, area_url(child, year)) for child in selectors.places_within(place=place)],
            **kwargs,
        )


class ValueEntryView(_PlaceMixin, ServiceFormView):
    """Enter or change the value of an indicator for a period and area; "บันทึกและส่ง"
    saves and submits it in one step."""

    template_name = "reports/indicators/value_form.html"
    form_class = ValueForm
    rule = permissions.can_enter_value

    def get_scoped_object(self):
        self.place = self.get_place()
        self.indicator = Indicator.objects.get(pk=self.kwargs["indicator_id"], is_active=True)
        if (
            self.indicator.level != self.place.level
            or self.indicator.is_computed
            or not 0 <= self.kwargs["quarter"] <= 4
        ):
            raise Http404(_("ตัวชี้วัดนี้ไม่ได้รายงานที่พื้นที่นี้"))
        self.period = selectors.period_for(fiscal_year=self.kwargs["fiscal_year"], quarter=self.kwargs["quarter"])
        self.value = (
            self.indicator.monitoring_values.filter(period=self.period, area_key=self.place.key).first()
            if self.period.pk
            else None
        )
        return self.place

    def rule_kwargs(self):
        return {"user": self.request.user, "place": self.place}

    def get_form_kwargs(self):
        kwargs = {**super().get_form_kwargs(), "indicator": self.indicator}
        if self.value is not None:
            kwargs.setdefault("initial", {
                "value": self.value.value, "text": self.value.text, "comment": self.value.comment,
                "evidence_link": self.value.evidence_link,
            })  # fmt: skip
        return kwargs

    def get_context_data(self, **kwargs):
        editable = self.value is None or self.value.status in VALUE_EDITABLE
        return super().get_context_data(
            place=self.place, indicator=self.indicator, period=self.period, value=self.value, editable=editable,
            area_url=area_url(self.place, self.period.fiscal_year), **kwargs,
        )  # fmt: skip

    def run_service(self, form):
        data = form.cleaned_data
        with transaction.atomic():
            value = services.value_save(
                indicator=self.indicator, fiscal_year=self.period.fiscal_year, quarter=self.period.quarter,
                place=self.place, by=self.request.user, value=data.get("value"), text=data.get("text", ""),
                comment=data["comment"], evidence=data["evidence"], evidence_link=data["evidence_link"],
            )  # fmt: skip
            if "submit" in self.request.POST:
                value = services.value_submit(value_id=value.pk, by=self.request.user)
        return value

    def form_valid(self, form):
        response = super().form_valid(form)
        if hasattr(self, "result"):
            if self.result.status == ValueStatus.SUBMITTED:
                messages.success(self.request, _("ส่งผลตัวชี้วัดแล้ว รอการอนุมัติ"))
            else:
                messages.success(self.request, _("บันทึกร่างแล้ว ยังไม่ได้ส่ง"))
        return response

    def get_success_url(self):
        return services.value_url(self.result)


# A value ---------------------------------------------------------------------------------


class _ValueMixin(ScopedObjectMixin):
    not_found_message = gettext_lazy("ไม่พบผลตัวชี้วัดนี้")
    scoped_object_name = "value"

    def get_scoped_object(self):
        return selectors.values_visible_to(user=self.request.user).get(pk=self.kwargs["pk"])


class ValueDetailView(_ValueMixin, TemplateView):
    template_name = "reports/indicators/value_detail.html"

    def get_context_data(self, **kwargs):
        value, user = self.scoped_object, self.request.user
        place = place_of(value)
        can_decide = (
            value.status == ValueStatus.SUBMITTED
            and value.submitted_by_id != user.pk
            and permissions.can_decide_value(user=user, value=value)
        )
        return super().get_context_data(
            place=place, area_url=area_url(place, value.period.fiscal_year),
            can_edit=permissions.can_edit_value(user=user, value=value), can_decide=can_decide,
            return_form=ReturnForm(), history=selectors.value_history(value=value),
            entry_url=reverse("reports:indicator_entry", kwargs={
                "indicator_id": value.indicator_id, "level": place.level, "code": place.code,
                "fiscal_year": value.period.fiscal_year, "quarter": value.period.quarter,
            }), **kwargs,
        )  # fmt: skip


class _ValueMoveView(_ValueMixin, View):
    done_message = ""

    def move(self, value):
        raise NotImplementedError

    def post(self, request, pk):
        try:
            self.move(self.scoped_object)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, self.done_message)
        return redirect("reports:indicator_value", pk=pk)


class ValueSubmitView(_ValueMoveView):
    done_message = gettext_lazy("ส่งผลตัวชี้วัดแล้ว รอการอนุมัติ")

    def get_rules(self):
        return [permissions.can_enter_value]

    def rule_kwargs(self):
        return {"user": self.request.user, "place": place_of(self.scoped_object)}

    def move(self, value):
        services.value_submit(value_id=value.pk, by=self.request.user)


class ValueApproveView(_ValueMoveView):
    rule = permissions.can_decide_value
    done_message = gettext_lazy("อนุมัติผลตัวชี้วัดแล้ว")

    def move(self, value):
        services.value_approve(value_id=value.pk, by=self.request.user)


class ValueReturnView(_ValueMoveView):
    rule = permissions.can_decide_value
    done_message = gettext_lazy("ส่งกลับให้แก้ไขแล้ว")

    def move(self, value):
        services.value_return(value_id=value.pk, by=self.request.user, reason=self.request.POST.get("reason", ""))


class ValueEvidenceView(_ValueMixin, View):
    def get(self, request, pk):
        value = self.scoped_object
        if not value.evidence:
            raise Http404(_("ผลนี้ไม่มีไฟล์หลักฐาน"))
        return FileResponse(
            value.evidence.open("rb"), as_attachment=True, filename=value.evidence_name or value.evidence.name,
            content_type=value.evidence_type or "application/octet-stream",
        )  # fmt: skip


class QueueView(LoginRequiredMixin, ListView):
    """Submitted values waiting for the user's decision, oldest first."""

    template_name = "reports/indicators/queue.html"
    context_object_name = "values"

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            require(permissions.can_open_queue, user=request.user)
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        return selectors.values_to_decide(user=self.request.user)[:QUEUE_LIMIT]
