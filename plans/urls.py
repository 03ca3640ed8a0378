from django.urls import path

from .views import alignment, calendar, proposals

app_name = "plans"

urlpatterns = [
    path("review/<str:code>/", alignment.AlignmentReviewView.as_view(), name="alignment_review"),
    path("review/<str:code>/items/<int:item_id>/", alignment.AlignmentUpdateView.as_view(), name="alignment_update"),
    # Subsidy proposals and the budget calendar
    path("proposals/", proposals.ProposalListView.as_view(), name="proposal_list"),
    path("proposals/new/<str:code>/", proposals.ProposalCreateView.as_view(), name="proposal_create"),
    path("proposals/<int:pk>/", proposals.ProposalDetailView.as_view(), name="proposal_detail"),
    path("proposals/<int:pk>/edit/", proposals.ProposalUpdateView.as_view(), name="proposal_update"),
    path("proposals/<int:pk>/submit/", proposals.ProposalSubmitView.as_view(), name="proposal_submit"),
    path("proposals/<int:pk>/withdraw/", proposals.ProposalWithdrawView.as_view(), name="proposal_withdraw"),
    path("proposals/<int:pk>/decide/", proposals.ProposalDecideView.as_view(), name="proposal_decide"),
    path("proposals/<int:pk>/documents/", proposals.ProposalDocumentAddView.as_view(), name="proposal_document_add"),
    path(
        "proposals/<int:pk>/documents/<int:doc_id>/", proposals.ProposalDocumentView.as_view(), name="proposal_document"
    ),
    path("calendar/", calendar.BudgetCalendarDefaultsView.as_view(), name="budget_calendar_defaults"),
    path("calendar/<int:lao_id>/", calendar.BudgetCalendarNextYearView.as_view(), name="budget_calendar"),
    path("calendar/<int:lao_id>/<int:fiscal_year>/", calendar.BudgetCalendarView.as_view(), name="budget_calendar_year"),
]
