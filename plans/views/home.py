"""The plans hub (/plans/): from one page, each user reaches the plan pages of their
own councils, districts, LAOs and provinces."""

from django.contrib.auth.mixins import LoginRequiredMixin
from django.views.generic import TemplateView

from common.thai import current_fiscal_year

from ..selectors.home import plans_home_for


class PlansHomeView(LoginRequiredMixin, TemplateView):
    template_name = "plans/home.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            home=plans_home_for(user=self.request.user), fiscal_year=current_fiscal_year(), **kwargs
        )
