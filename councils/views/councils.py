"""Council pages: the list with filters, the public page, the dashboard, the profile form."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import DetailView, FormView, ListView, TemplateView

from accounts.scoping import scope_for

from .. import selectors
from ..choices import AssessmentLevel
from ..filters import CouncilFilter
from ..forms import CouncilProfileForm
from ..models import Council
from ..selectors import councils as council_selectors
from ..selectors.activities import group_counts
from ..services import registry


def _not_found():
    return Http404(_("ไม่พบสภาองค์กรชุมชนตำบลนี้"))


class FilteredListMixin:
    """A list narrowed by a FilterSet from the query string; invalid filters show their
    Thai messages above an empty list instead of silently showing everything."""

    filterset_class = None
    paginate_by = 50

    def base_queryset(self):
        raise NotImplementedError

    def get_queryset(self):
        self.filterset = self.filterset_class(
            self.request.GET or None, queryset=self.base_queryset(), request=self.request
        )
        if self.filterset.is_bound and not self.filterset.is_valid():
            return self.filterset.queryset.none()
        return self.filterset.qs

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        data = self.filterset.form.data
        ctx["filter"] = self.filterset
        ctx["filters_active"] = any(data.get(name) for name in self.filterset.filters)
        ctx["more_filters_active"] = any(data.get(name) for name in self.filterset.filters if name != "q")
        return ctx


class CouncilStaffMixin(LoginRequiredMixin):
    """For pages that change a council's records: outside the user's scope a 404, inside
    it but not the council's own staff a 403 (PermissionDenied)."""

    denied_message = ""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        try:
            self.council = selectors.council_for_edit(user=request.user, code=kwargs["code"])
        except Council.DoesNotExist:
            raise _not_found() from None
        if not scope_for(request.user).can_edit_council(self.council):
            raise PermissionDenied(self.denied_message or _("คุณไม่มีสิทธิ์แก้ไขข้อมูลของสภานี้"))
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(council=self.council, **kwargs)


class CouncilListView(LoginRequiredMixin, FilteredListMixin, ListView):
    template_name = "councils/council_list.html"
    context_object_name = "councils"
    filterset_class = CouncilFilter

    def base_queryset(self):
        return council_selectors.councils_for_list(user=self.request.user)

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        labels = dict(AssessmentLevel.choices)
        for council in ctx["councils"]:
            council.latest_level_label = labels.get(council.latest_level, "")
        return ctx


class CouncilDetailView(DetailView):
    """The council's public page: profile, LAO, themes and activities."""

    template_name = "councils/council_detail.html"
    context_object_name = "council"

    def get_object(self, queryset=None):
        try:
            return selectors.council_for_page(user=self.request.user, code=self.kwargs["code"])
        except Council.DoesNotExist:
            raise _not_found() from None

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        council = self.object
        scope = scope_for(self.request.user)
        ctx["activities"] = activities = list(selectors.council_activities(council=council, limit=20))
        for activity in activities:
            activity.group_counts = group_counts(activity.participants_by_group)
        ctx["latest_level_label"] = dict(AssessmentLevel.choices).get(council.latest_level, "")
        ctx["summary"] = selectors.council_summary(council=council)
        ctx["can_edit"] = scope.can_edit_council(council)
        # Signed-in users whose area covers the council also get its dashboard and history.
        ctx["in_scope"] = self.request.user.is_authenticated and _in_scope(scope, council)
        return ctx


def _in_scope(scope, council) -> bool:
    sub = council.subdistrict
    return (
        scope.national
        or sub.pk in scope.subdistrict_ids
        or sub.district_id in scope.district_ids
        or sub.district.province_id in scope.province_ids
    )


class CouncilDashboardView(LoginRequiredMixin, TemplateView):
    """A council's figures for its staff (and anyone whose area covers it): this fiscal
    year's activities, current members, organizations, assessment level and mentor."""

    template_name = "councils/council_dashboard.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        try:
            council = selectors.council_for_edit(user=self.request.user, code=self.kwargs["code"])
        except Council.DoesNotExist:
            raise _not_found() from None
        figures = council_selectors.council_dashboard(council=council)
        ctx.update(
            council=council,
            figures=figures,
            recent=council_selectors.council_recent_activities(council=council, fiscal_year=figures["fiscal_year"]),
            can_edit=scope_for(self.request.user).can_edit_council(council),
            level_label=dict(AssessmentLevel.choices).get(figures["level"], ""),
        )
        return ctx


class CouncilProfileUpdateView(CouncilStaffMixin, FormView):
    template_name = "councils/council_form.html"
    form_class = CouncilProfileForm
    denied_message = gettext_lazy("คุณไม่มีสิทธิ์แก้ไขข้อมูลของสภานี้")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.council}

    def form_valid(self, form):
        if not call_service(form, registry.council_update_profile, council=self.council, by=self.request.user):
            return self.form_invalid(form)
        messages.success(self.request, _("บันทึกข้อมูลสภาเรียบร้อยแล้ว"))
        return redirect(self.council.get_absolute_url())


def call_service(form, service, **kwargs):
    """Call ``service(**kwargs, **form.service_kwargs())``. A ValidationError it raises (one
    the form could not see, e.g. a duplicate code) goes onto the form, next to the fields it
    names, and the result is None; otherwise the service's result."""
    try:
        return service(**kwargs, **form.service_kwargs())
    except ValidationError as error:
        if hasattr(error, "error_dict"):
            for field, errors in error.error_dict.items():
                form.add_error(field if field in form.fields else None, errors)
        else:
            form.add_error(None, error)
        return None
