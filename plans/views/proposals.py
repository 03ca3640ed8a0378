"""Subsidy proposals: the list (the council's own, or those addressed to an agency), the
council's form (phone-sized, with the budget-window hint as it is written), the page with
its timeline, and the POST doors of each move."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.generic import ListView, TemplateView

from accounts.scoping import scope_for
from common.media import serve_media
from common.thai import current_fiscal_year
from common.views import ScopedObjectMixin, ServiceFormView

from .. import permissions
from ..budget_calendar import BudgetCalendar
from ..choices import ProposalStatus
from ..forms.proposals import (
    ProposalDecisionForm,
    ProposalDocumentForm,
    ProposalFilterForm,
    ProposalForm,
    ProposalWithdrawForm,
    budget_line_formset,
    lines_of,
)
from ..models import ProposalDocument
from ..selectors import proposals as selectors
from ..services import proposals as services

LIST_PAGE_SIZE = 50
WINDOW_YEARS = 6  # the hint covers this many fiscal years from the current one


class ProposalListView(ScopedObjectMixin, ListView):
    template_name = "plans/proposal_list.html"
    context_object_name = "proposals"
    paginate_by = LIST_PAGE_SIZE

    def get_queryset(self):
        self.filters = ProposalFilterForm(self.request.GET or None)
        data = self.filters.cleaned_data if self.filters.is_valid() else {}
        self.to_mine = self.request.GET.get("to") == "mine"
        return selectors.proposals_for(
            user=self.request.user, status=data.get("status", ""), fiscal_year=data.get("fiscal_year"),
            to_mine=self.to_mine,
        )  # fmt: skip

    def get_context_data(self, **kwargs):
        scope = scope_for(self.request.user)
        query = self.request.GET.copy()
        query.pop("page", None)
        return super().get_context_data(
            filters=self.filters, to_mine=self.to_mine, has_agency=bool(scope.agency_ids),
            own_councils=list(selectors.councils_preparing(user=self.request.user)), query=query.urlencode(), **kwargs,
        )  # fmt: skip


def window_hints(*, recipients, years) -> dict:
    """{recipient id: {fiscal year: the window's message today}}: the form's hint, in one query."""
    ids = [r.pk for r in recipients]
    calendar = BudgetCalendar.load(lao_ids=ids, fiscal_years=years)
    today = timezone.localdate()
    return {str(pk): {str(y): calendar.window(pk, y, today).message for y in years} for pk in ids}


class ProposalFormMixin:
    """The proposal's form and its budget lines' rows, validated together; the service does
    the rest (the council's items, one theme, not over the plan's budget)."""

    template_name = "plans/proposal_form.html"
    form_class = ProposalForm

    def get_form_kwargs(self):
        self.recipients = selectors.recipients_for(council=self.council)
        return {
            **super().get_form_kwargs(),
            "recipients": self.recipients,
            "plan_items": selectors.plan_items_for_proposal(council=self.council),
        }

    def get_formset(self):
        if not hasattr(self, "formset"):
            data = self.request.POST if self.request.method == "POST" else None
            self.formset = budget_line_formset(data=data, lines=self.initial_lines())
        return self.formset

    def initial_lines(self):
        return ()

    def post(self, request, *args, **kwargs):
        form = self.get_form()
        formset = self.get_formset()
        if form.is_valid() and formset.is_valid():
            return self.form_valid(form)
        return self.form_invalid(form)

    def service_kwargs(self, form) -> dict:
        return {**form.cleaned_data, "budget_lines": lines_of(self.get_formset())}

    def get_context_data(self, **kwargs):
        first = current_fiscal_year()
        recipients = list(selectors.recipients_for(council=self.council))
        items = selectors.plan_items_for_proposal(council=self.council)
        return super().get_context_data(
            formset=self.get_formset(),
            window_hints=window_hints(recipients=recipients, years=range(first - 1, first + WINDOW_YEARS)),
            plan_budgets={str(pk): str(budget) for pk, budget in items.values_list("pk", "budget_needed")},
            **kwargs,
        )

    def get_success_url(self):
        return reverse("plans:proposal_detail", kwargs={"pk": self.result.pk})


class ProposalCreateView(ProposalFormMixin, ScopedObjectMixin, ServiceFormView):
    scoped_object_name = "council"
    not_found_message = _("ไม่พบสภานี้")
    rule = permissions.can_prepare_proposal
    success_message = _("บันทึกร่างโครงการ “%(title)s” แล้ว ตรวจสอบแล้วกด “ยื่นโครงการ” เพื่อส่งถึงหน่วยงาน")

    def get_scoped_object(self):
        return selectors.council_for_proposal(user=self.request.user, code=self.kwargs["code"])

    def get_initial(self):
        initial = super().get_initial()
        if self.council.lao_id:
            initial["recipient"] = self.council.lao_id
        return initial

    def run_service(self, form):
        return services.proposal_create(council=self.council, by=self.request.user, **self.service_kwargs(form))

    def success_message_args(self, result):
        return {"title": result.title}


class ProposalPageMixin(ScopedObjectMixin):
    scoped_object_name = "proposal"
    not_found_message = _("ไม่พบโครงการนี้")
    rule = permissions.can_view_proposal

    def get_scoped_object(self):
        return selectors.proposal_for(user=self.request.user, pk=self.kwargs["pk"])

    def get_success_url(self):
        return reverse("plans:proposal_detail", kwargs={"pk": self.proposal.pk})


class ProposalUpdateView(ProposalFormMixin, ProposalPageMixin, ServiceFormView):
    success_message = _("บันทึกการแก้ไขแล้ว")

    def get_rules(self):
        return [permissions.can_view_proposal, permissions.can_prepare_this_proposal]

    @property
    def council(self):
        return self.proposal.council

    def get(self, request, *args, **kwargs):
        if self.proposal.status != ProposalStatus.DRAFT:
            messages.error(request, _("แก้ไขได้เฉพาะร่าง โครงการนี้ยื่นไปแล้ว"))
            return redirect(self.get_success_url())
        return super().get(request, *args, **kwargs)

    def get_initial(self):
        p = self.proposal
        return {
            "recipient": p.recipient_id, "theme": p.theme_id, "plan_items": [i.pk for i in p.plan_items.all()],
            "fiscal_year": p.fiscal_year, "title": p.title, "background": p.background, "objective": p.objective,
            "target_group": p.target_group, "expected_result": p.expected_result,
        }  # fmt: skip

    def initial_lines(self):
        return list(self.proposal.budget_lines.all())

    def run_service(self, form):
        return services.proposal_update(proposal_id=self.proposal.pk, by=self.request.user, **self.service_kwargs(form))


def _window(proposal):
    from ..budget_calendar import window_for

    return window_for(lao=proposal.recipient, fiscal_year=proposal.fiscal_year, on=timezone.localdate())


class ProposalDetailView(ProposalPageMixin, TemplateView):
    template_name = "plans/proposal_detail.html"

    def get_context_data(self, **kwargs):
        user, proposal = self.request.user, self.proposal
        can_prepare = permissions.can_prepare_this_proposal(user=user, proposal=proposal)
        can_decide = permissions.can_decide_proposal(user=user, proposal=proposal)
        moves = services.next_agency_moves(proposal) if can_decide else []
        seen = {"seen_status": proposal.status}
        if moves:
            kwargs.setdefault("decision_form", ProposalDecisionForm(moves=moves, initial=seen))
        if can_prepare and proposal.status in services.WITHDRAWABLE:
            kwargs.setdefault("withdraw_form", ProposalWithdrawForm(initial=seen))
        if can_prepare and proposal.status not in services.CLOSED_TO_DOCUMENTS:
            kwargs.setdefault("document_form", ProposalDocumentForm())
        plan_items = list(proposal.plan_items.all())
        return super().get_context_data(
            can_prepare=can_prepare, can_decide=can_decide, events=list(selectors.proposal_events(proposal=proposal)),
            plan_items=plan_items, planned_total=services.plan_items_total(plan_items),
            lines=list(proposal.budget_lines.all()), documents=list(proposal.documents.all()),
            can_delete_documents=permissions.can_delete_proposal_document(user=user, proposal=proposal),
            window=_window(proposal) if proposal.status == ProposalStatus.DRAFT else None,
            is_draft=proposal.status == ProposalStatus.DRAFT, **kwargs,
        )  # fmt: skip


class _ProposalPostView(ProposalPageMixin, ServiceFormView):
    """A POST door of the proposal's page: errors show on that page."""

    http_method_names = ["post"]
    template_name = "plans/proposal_detail.html"
    form_name = "form"

    def get_context_data(self, **kwargs):
        form = kwargs.pop("form", None)
        view = ProposalDetailView(request=self.request, kwargs=self.kwargs)
        view.proposal = view.scoped_object = self.proposal
        return view.get_context_data(**{self.form_name: form}, view=self)


class ProposalSubmitView(_ProposalPostView):
    form_class = ProposalWithdrawForm  # no field it needs; seen_status only

    def get_rules(self):
        return [permissions.can_view_proposal, permissions.can_prepare_this_proposal]

    def run_service(self, form):
        return services.proposal_submit(proposal_id=self.proposal.pk, by=self.request.user)

    def form_valid(self, form):
        response = super().form_valid(form)
        if getattr(self, "result", None) is not None:
            event = self.result.events.order_by("-at", "-pk").first()
            level = messages.WARNING if self.result.considered_in_year != self.result.fiscal_year else messages.INFO
            messages.add_message(self.request, level, event.note if event else "")
        return response

    def form_invalid(self, form):
        for error in form.non_field_errors() or [e for errors in form.errors.values() for e in errors]:
            messages.error(self.request, error)
        return redirect(self.get_success_url())

    success_message = _("ยื่นโครงการถึงหน่วยงานแล้ว")


class ProposalWithdrawView(_ProposalPostView):
    form_class = ProposalWithdrawForm
    form_name = "withdraw_form"
    success_message = _("ถอนเรื่องแล้ว")

    def get_rules(self):
        return [permissions.can_view_proposal, permissions.can_prepare_this_proposal]

    def run_service(self, form):
        return services.proposal_withdraw(proposal_id=self.proposal.pk, by=self.request.user, **form.cleaned_data)


class ProposalDecideView(_ProposalPostView):
    form_class = ProposalDecisionForm
    form_name = "decision_form"
    success_message = _("บันทึกแล้ว: %(status)s")

    def get_rules(self):
        return [permissions.can_view_proposal, permissions.can_decide_proposal]

    def run_service(self, form):
        data = form.cleaned_data
        action = data["action"]
        kwargs = {"proposal_id": self.proposal.pk, "by": self.request.user, "seen_status": data["seen_status"]}
        if action in ("approve", "partly_approve"):
            kwargs["amount"] = data["amount"]
        if action == "report":
            kwargs["result"] = data["note"]
        else:
            kwargs["note"] = data["note"]
        return services.AGENCY_MOVES[action](**kwargs)

    def success_message_args(self, result):
        return {"status": result.get_status_display()}


class ProposalDocumentAddView(_ProposalPostView):
    form_class = ProposalDocumentForm
    form_name = "document_form"
    success_message = _("แนบเอกสารแล้ว")

    def get_rules(self):
        return [permissions.can_view_proposal, permissions.can_prepare_this_proposal]

    def run_service(self, form):
        return services.proposal_document_add(
            proposal=self.proposal, by=self.request.user, title=form.cleaned_data["title"],
            upload=form.cleaned_data["file"],
        )  # fmt: skip


class ProposalDocumentDeleteView(_ProposalPostView):
    """POST: remove a document of a draft (its council's staff only; 403 once submitted)."""

    form_class = forms.Form
    success_message = _("ลบเอกสาร “%(title)s” แล้ว")

    def get_rules(self):
        return [
            permissions.can_view_proposal, permissions.can_prepare_this_proposal,
            permissions.can_delete_proposal_document,
        ]  # fmt: skip

    def run_service(self, form):
        try:
            document = selectors.proposal_document_for(proposal=self.proposal, pk=self.kwargs["doc_id"])
        except ProposalDocument.DoesNotExist:
            raise Http404(_("ไม่พบเอกสารนี้")) from None
        services.proposal_document_delete(document=document, by=self.request.user)
        return document

    def success_message_args(self, result):
        return {"title": result.title}


class ProposalDocumentView(ProposalPageMixin, TemplateView):
    """A document, for those who may read the proposal."""

    def get(self, request, *args, **kwargs):
        try:
            document = selectors.proposal_document_for(proposal=self.proposal, pk=self.kwargs["doc_id"])
        except ProposalDocument.DoesNotExist:
            raise Http404(_("ไม่พบเอกสารนี้")) from None
        return serve_media(request, document.file.name, public=False)
