"""Council pages: the list with filters, the public page, the dashboard, the profile form."""

from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import Http404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import DetailView, ListView, TemplateView

from common.views import ScopedObjectMixin, ServiceFormView

from .. import permissions, selectors
from ..choices import AssessmentLevel
from ..filters import CouncilFilter, PublicCouncilFilter
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


class CouncilPageMixin(ScopedObjectMixin):
    """A page about the council whose tambon code is in the URL, inside the user's scope
    (404 otherwise). Subclasses name the rule that must allow the page (403 otherwise)."""

    scoped_object_name = "council"
    not_found_message = gettext_lazy("ไม่พบสภาองค์กรชุมชนตำบลนี้")

    def get_scoped_object(self):
        return selectors.council_for_edit(user=self.request.user, code=self.kwargs["code"])


class CouncilStaffMixin(CouncilPageMixin):
    """Pages that change a council's own records: its staff only."""

    rule = permissions.can_edit_council


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


class PublicCouncilListView(FilteredListMixin, ListView):
    """The public directory (no sign-in): published councils only, searched and filtered
    like the signed-in list. A separate URL, as the meetings' public list: the signed-in
    list stays the user's own area."""

    template_name = "councils/public_list.html"
    context_object_name = "councils"
    filterset_class = PublicCouncilFilter
    paginate_by = 20

    def base_queryset(self):
        return council_selectors.councils_for_public_list()

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
        council, user = self.object, self.request.user
        ctx["activities"] = activities = list(selectors.council_activities(council=council, limit=20))
        for activity in activities:
            activity.group_counts = group_counts(activity.participants_by_group)
            activity.can_choose_photos = permissions.can_choose_report_photos(user=user, activity=activity)
        ctx["latest_level_label"] = dict(AssessmentLevel.choices).get(council.latest_level, "")
        ctx["summary"] = selectors.council_summary(council=council)
        ctx["can_edit"] = permissions.can_edit_council(user=user, council=council)
        ctx["can_assess"] = permissions.can_assess(user=user, council=council)
        ctx["can_see_contact"] = permissions.can_see_council_contact(user=user, council=council)
        # Signed-in users whose area covers the council also get its dashboard and history.
        ctx["in_scope"] = user.is_authenticated and permissions.covers_council(user=user, council=council)
        return ctx


class CouncilDashboardView(CouncilPageMixin, TemplateView):
    """A council's figures for its staff (and anyone whose area covers it): this fiscal
    year's activities, current members, organizations, assessment level and mentor."""

    template_name = "councils/council_dashboard.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        council = self.council
        figures = council_selectors.council_dashboard(council=council)
        ctx.update(
            council=council,
            figures=figures,
            recent=council_selectors.council_recent_activities(council=council, fiscal_year=figures["fiscal_year"]),
            can_edit=permissions.can_edit_council(user=self.request.user, council=council),
            level_label=dict(AssessmentLevel.choices).get(figures["level"], ""),
        )
        return ctx


class CouncilProfileUpdateView(CouncilStaffMixin, ServiceFormView):
    template_name = "councils/council_form.html"
    form_class = CouncilProfileForm
    success_message = gettext_lazy("บันทึกข้อมูลสภาเรียบร้อยแล้ว")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.council}

    def run_service(self, form):
        return registry.council_update_profile(council=self.council, by=self.request.user, **form.service_kwargs())

    def get_success_url(self):
        return self.council.get_absolute_url()
