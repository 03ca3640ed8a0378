"""LAO local plan pages: the LAO's staff keep the plan (projects with budget per year,
amendments that add, change or withdraw projects, imports of e-Plan files); everyone whose
area holds the LAO reads it, as of any date."""

from __future__ import annotations

from collections import OrderedDict
from decimal import Decimal

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import TemplateView

from common.jobs.choices import JobStatus
from common.jobs.views import JobStatusView
from common.thai import current_fiscal_year
from common.views import ScopedObjectMixin, ServiceFormView
from councils.choices import ImportMode
from councils.imports.validators import MAX_REPORTED_ERRORS
from councils.services import imports as import_services

from .. import permissions, services
from ..forms.local_plans import (
    AmendmentForm,
    AsOfForm,
    LocalImportForm,
    LocalPlanForm,
    ProjectAddForm,
    ProjectChangeForm,
    ProjectDeleteForm,
    ProjectFieldsForm,
    ProjectWithdrawForm,
)
from ..local_import.template import XLSX_TYPE, template_workbook
from ..models import LocalPlanAmendment, LocalPlanProject
from ..selectors import local_plans as selectors


class LocalPlanListView(LoginRequiredMixin, TemplateView):
    template_name = "plans/local_plan_list.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        return super().get_context_data(
            plans=list(selectors.local_plans_visible_to(user=user)),
            own_laos=list(selectors.own_laos(user=user)),
            **kwargs,
        )


class LaoMixin(ScopedObjectMixin):
    scoped_object_name = "lao"
    not_found_message = gettext_lazy("ไม่พบ อปท. นี้")
    rule = permissions.can_edit_local_plan

    def get_scoped_object(self):
        return selectors.lao_in_scope(user=self.request.user, pk=self.kwargs["lao_id"])


class LocalPlanOfLaoView(LaoMixin, View):
    """The LAO's plan (the agency page links here): the plan of the cycle holding today's
    fiscal year, else its newest; with no plan yet, its staff go to make one and others to
    the list of plans."""

    rule = None

    def get(self, request, *args, **kwargs):
        plan = selectors.local_plan_of_lao(lao=self.lao, fiscal_year=current_fiscal_year())
        if plan is not None:
            return redirect("plans:local_plan_detail", pk=plan.pk)
        if permissions.can_edit_local_plan(user=request.user, lao=self.lao):
            return redirect("plans:local_plan_create", lao_id=self.lao.pk)
        messages.info(request, _("%(lao)s ยังไม่มีแผนพัฒนาท้องถิ่นในระบบ") % {"lao": self.lao.name})
        return redirect("plans:local_plan_list")


class LocalPlanCreateView(LaoMixin, ServiceFormView):
    template_name = "plans/local_plan_form.html"
    form_class = LocalPlanForm
    success_message = gettext_lazy("สร้าง%(plan)s แล้ว")

    def run_service(self, form):
        return services.local_plan_create(lao=self.lao, by=self.request.user, **form.cleaned_data)

    def success_message_args(self, result):
        return {"plan": result.title}

    def get_success_url(self):
        return reverse("plans:local_plan_detail", kwargs={"pk": self.result.pk})


class PlanMixin(ScopedObjectMixin):
    """The plan in the URL inside the user's scope (404), and — for the writing pages —
    the LAO's own staff only (403)."""

    scoped_object_name = "plan"
    not_found_message = gettext_lazy("ไม่พบแผนพัฒนาท้องถิ่นนี้")
    rule = permissions.can_edit_local_plan

    def get_scoped_object(self):
        return selectors.local_plan_in_scope(user=self.request.user, pk=self.kwargs["pk"])

    def rule_kwargs(self):
        return {"user": self.request.user, "lao": self.plan.lao}

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "plan": self.plan}

    def plan_url(self, anchor: str = "") -> str:
        return reverse("plans:local_plan_detail", kwargs={"pk": self.plan.pk}) + anchor


def _year_totals(projects, years) -> list[Decimal]:
    totals = dict.fromkeys(years, Decimal("0"))
    for project in projects:
        for line in project.budgets.all():
            if line.fiscal_year in totals:
                totals[line.fiscal_year] += line.amount
    return [totals[year] for year in years]


class LocalPlanDetailView(PlanMixin, TemplateView):
    """The plan as of a date (today unless asked): its projects by strategy with budget per
    year, the amendments, and the projects changes replaced or withdrew."""

    template_name = "plans/local_plan_detail.html"
    rule = None

    def get_context_data(self, **kwargs):
        plan, user = self.plan, self.request.user
        as_of = AsOfForm(self.request.GET or None)
        on = as_of.cleaned_data.get("on") if as_of.is_valid() else None
        on = on or timezone.localdate()
        projects = list(selectors.local_plan_projects_as_of(plan=plan, on=on))
        years = list(plan.years)
        for project in projects:
            by_year = {line.fiscal_year: line.amount for line in project.budgets.all()}
            project.year_amounts = [by_year.get(year) for year in years]
        groups: OrderedDict = OrderedDict()
        for project in projects:
            groups.setdefault((project.strategy, project.work_plan), []).append(project)
        amendments = list(selectors.local_plan_amendments(plan=plan))
        key_dates = ([(_("วันที่ประกาศใช้แผน"), plan.adopted_on)] if plan.adopted_on else []) + [
            (amendment.label, amendment.effective_on) for amendment in amendments
        ]
        return super().get_context_data(
            as_of=as_of,
            on=on,
            years=years,
            groups=[{"strategy": s, "work_plan": w, "projects": items} for (s, w), items in groups.items()],
            project_count=len(projects),
            year_totals=_year_totals(projects, years),
            grand_total=sum((p.budget for p in projects), Decimal("0")),
            amendments=amendments,
            superseded=list(selectors.local_plan_superseded_projects(plan=plan)),
            key_dates=key_dates,
            can_edit=permissions.can_edit_local_plan(user=user, lao=plan.lao),
            **kwargs,
        )


class LocalProjectCreateView(PlanMixin, ServiceFormView):
    template_name = "plans/local_project_form.html"
    form_class = ProjectAddForm
    success_message = gettext_lazy("เพิ่มโครงการ “%(title)s” แล้ว")

    def get_initial(self):
        initial = super().get_initial()
        if amendment := self.request.GET.get("amendment"):
            initial["amendment"] = amendment
        return initial

    def run_service(self, form):
        return services.local_plan_project_add(
            plan=self.plan, by=self.request.user, amendment=form.cleaned_data.get("amendment"), **form.service_kwargs()
        )

    def success_message_args(self, result):
        return {"title": result.title}

    def get_success_url(self):
        return self.plan_url(f"#project-{self.result.pk}")


class ProjectMixin(PlanMixin):
    def get_project(self):
        if not hasattr(self, "_project"):
            try:
                self._project = selectors.local_plan_project_in_plan(plan=self.plan, pk=self.kwargs["project_id"])
            except LocalPlanProject.DoesNotExist:
                raise Http404(_("ไม่พบโครงการนี้ในแผน")) from None
        return self._project

    def get_context_data(self, **kwargs):
        return super().get_context_data(project=self.get_project(), **kwargs)


def _project_initial(project) -> dict:
    names = ("number", "title", "strategy", "work_plan", "theme", "objective", "target", "location", "indicator",
             "expected_result", "responsible_unit")  # fmt: skip
    initial = {name: getattr(project, name) for name in names}
    initial.update({f"budget_{line.fiscal_year}": f"{line.amount:,.0f}" for line in project.budgets.all()})
    return initial


class LocalProjectChangeView(ProjectMixin, ServiceFormView):
    """A change amendment replaces the project: the form starts from the project as it is."""

    template_name = "plans/local_project_form.html"
    form_class = ProjectChangeForm
    success_message = gettext_lazy("บันทึกการเปลี่ยนแปลงโครงการ “%(title)s” แล้ว")

    def get_initial(self):
        return _project_initial(self.get_project())

    def run_service(self, form):
        return services.local_plan_project_change(
            amendment=form.cleaned_data["amendment"], project=self.get_project(), by=self.request.user,
            **form.service_kwargs(),
        )

    def success_message_args(self, result):
        return {"title": result.title}

    def get_success_url(self):
        return self.plan_url("#superseded")


class LocalProjectUpdateView(ProjectMixin, ServiceFormView):
    """Correct the project in place (a typo, a wrong figure): no amendment, same row."""

    template_name = "plans/local_project_form.html"
    form_class = ProjectFieldsForm
    success_message = gettext_lazy("แก้ไขโครงการ “%(title)s” แล้ว")
    extra_context = {"correcting": True}

    def get_initial(self):
        return _project_initial(self.get_project())

    def run_service(self, form):
        return services.local_plan_project_update(project=self.get_project(), by=self.request.user, **form.service_kwargs())

    def success_message_args(self, result):
        return {"title": result.title}

    def get_success_url(self):
        return self.plan_url(f"#project-{self.result.pk}")


class LocalProjectDeleteView(ProjectMixin, ServiceFormView):
    """GET asks to confirm; POST removes a project typed by mistake (refused, in Thai, for
    one in the plan's history)."""

    template_name = "plans/local_project_delete.html"
    form_class = ProjectDeleteForm
    success_message = gettext_lazy("ลบโครงการ “%(title)s” แล้ว")

    def run_service(self, form):
        services.local_plan_project_delete(project=self.get_project(), by=self.request.user)

    def success_message_args(self, result):
        return {"title": self.get_project().title}

    def get_success_url(self):
        return self.plan_url()


class LocalProjectWithdrawView(ProjectMixin, ServiceFormView):
    template_name = "plans/local_project_withdraw.html"
    form_class = ProjectWithdrawForm
    success_message = gettext_lazy("ยกเลิกโครงการ “%(title)s” จากแผนแล้ว")

    def run_service(self, form):
        return services.local_plan_project_withdraw(
            amendment=form.cleaned_data["amendment"], project=self.get_project(), by=self.request.user
        )

    def success_message_args(self, result):
        return {"title": result.title}

    def get_success_url(self):
        return self.plan_url("#superseded")


class LocalAmendmentCreateView(PlanMixin, ServiceFormView):
    template_name = "plans/local_amendment_form.html"
    form_class = AmendmentForm
    success_message = gettext_lazy("บันทึก%(label)s แล้ว")

    def get_initial(self):
        today = timezone.localdate()
        return {"year": today.year + 543, "kind": self.request.GET.get("kind", "addition")}

    def run_service(self, form):
        return services.local_plan_amendment_create(plan=self.plan, by=self.request.user, **form.cleaned_data)

    def success_message_args(self, result):
        return {"label": result.label}

    def get_success_url(self):
        return self.plan_url(f"#amendment-{self.result.pk}")


class LocalAmendmentDocumentView(PlanMixin, View):
    """The amendment's PDF, to everyone whose area holds the LAO."""

    rule = None

    def get(self, request, pk, amendment_id):
        try:
            amendment = selectors.local_plan_amendment_in_plan(plan=self.plan, pk=amendment_id)
        except LocalPlanAmendment.DoesNotExist:
            raise Http404(_("ไม่พบเอกสาร")) from None
        if not amendment.document:
            raise Http404(_("ไม่พบเอกสาร"))
        response = FileResponse(
            amendment.document.open("rb"), content_type="application/pdf", filename=f"amendment-{amendment.pk}.pdf"
        )
        response["X-Content-Type-Options"] = "nosniff"
        response["Cache-Control"] = "private, no-cache"
        return response


class LocalImportCreateView(PlanMixin, ServiceFormView):
    template_name = "plans/local_import_form.html"
    form_class = LocalImportForm
    success_message = gettext_lazy("อัปโหลดแล้ว ระบบกำลังตรวจสอบไฟล์ทุกแถว ยังไม่มีข้อมูลใดถูกบันทึก")

    def get_initial(self):
        return {"amendment": self.request.GET.get("amendment")}

    def get_context_data(self, **kwargs):
        return super().get_context_data(jobs=list(selectors.local_import_jobs(plan=self.plan)[:10]), **kwargs)

    def run_service(self, form):
        return services.local_plan_import_create(plan=self.plan, by=self.request.user, **form.cleaned_data)

    def get_success_url(self):
        return reverse("plans:local_import_detail", kwargs={"job_id": self.result.pk})


class LocalImportTemplateView(PlanMixin, View):
    def get(self, request, pk):
        response = HttpResponse(template_workbook(plan=self.plan), content_type=XLSX_TYPE)
        response["Content-Disposition"] = (
            f'attachment; filename="eplan-p02-{self.plan.lao.dla_code or self.plan.lao.pk}-{self.plan.start_year}.xlsx"'
        )
        return response


class ImportJobMixin(ScopedObjectMixin):
    """An e-Plan import job: 404 outside the scope of its plan's LAO, 403 for anyone but
    the LAO's own staff (and administrators)."""

    scoped_object_name = "job"
    not_found_message = gettext_lazy("ไม่พบงานนำเข้านี้")
    rule = permissions.can_edit_local_plan

    def get_scoped_object(self):
        return selectors.local_import_job_in_scope(user=self.request.user, pk=self.kwargs["job_id"])

    def rule_kwargs(self):
        return {"user": self.request.user, "lao": self.job.local_plan_import.local_plan.lao}


class LocalImportDetailView(ImportJobMixin, TemplateView):
    template_name = "plans/local_import_detail.html"

    def get_context_data(self, **kwargs):
        job = self.job
        previewed = job.status == JobStatus.WAITING
        return super().get_context_data(
            link=job.local_plan_import,
            plan=job.local_plan_import.local_plan,
            can_import_all=previewed and job.valid_rows > 0 and job.error_rows == 0,
            can_import_valid=previewed and job.valid_rows > 0 and job.error_rows > 0,
            errors_cut=len(job.errors) >= MAX_REPORTED_ERRORS,
            modes=ImportMode,
            **kwargs,
        )


class LocalImportStatusView(ImportJobMixin, JobStatusView):
    def get_queryset(self):
        from councils.models import ImportJob

        return ImportJob.objects.filter(pk=self.job.pk)

    def get(self, request, job_id):
        return super().get(request, pk=job_id)

    def get_details(self, job):
        return {
            "stage": job.stage, "processed_rows": job.processed_rows, "total_rows": job.total_rows,
            "valid_rows": job.valid_rows, "error_rows": job.error_rows, "imported_rows": job.imported_rows,
        }


class LocalImportConfirmView(ImportJobMixin, View):
    def post(self, request, job_id):
        try:
            import_services.import_job_confirm(job=self.job, by=request.user, mode=request.POST.get("mode", ""))
        except ValidationError as error:
            for problem in error.messages:
                messages.error(request, problem)
        else:
            messages.success(request, _("ยืนยันแล้ว ระบบกำลังนำเข้าโครงการ"))
        return redirect("plans:local_import_detail", job_id=self.job.pk)

