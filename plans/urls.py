from django.urls import path

from .views import alignment, calendar, community, home, proposals
from .views import compile as compiled
from .views import local_plans as local

app_name = "plans"

urlpatterns = [
    path("", home.PlansHomeView.as_view(), name="home"),
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
    path(
        "proposals/<int:pk>/documents/<int:doc_id>/delete/",
        proposals.ProposalDocumentDeleteView.as_view(),
        name="proposal_document_delete",
    ),
    path("calendar/", calendar.BudgetCalendarDefaultsView.as_view(), name="budget_calendar_defaults"),
    path("calendar/<int:lao_id>/", calendar.BudgetCalendarNextYearView.as_view(), name="budget_calendar"),
    path("calendar/<int:lao_id>/<int:fiscal_year>/", calendar.BudgetCalendarView.as_view(), name="budget_calendar_year"),
    # LAO local plans (แผนพัฒนาท้องถิ่น), kept by the LAO's staff
    path("local/", local.LocalPlanListView.as_view(), name="local_plan_list"),
    path("local/lao/<int:lao_id>/", local.LocalPlanOfLaoView.as_view(), name="local_plan_of_lao"),
    path("local/lao/<int:lao_id>/new/", local.LocalPlanCreateView.as_view(), name="local_plan_create"),
    path("local/<int:pk>/", local.LocalPlanDetailView.as_view(), name="local_plan_detail"),
    path("local/<int:pk>/projects/new/", local.LocalProjectCreateView.as_view(), name="local_project_create"),
    path("local/<int:pk>/projects/<int:project_id>/change/", local.LocalProjectChangeView.as_view(),
         name="local_project_change"),
    path("local/<int:pk>/projects/<int:project_id>/edit/", local.LocalProjectUpdateView.as_view(),
         name="local_project_update"),
    path("local/<int:pk>/projects/<int:project_id>/delete/", local.LocalProjectDeleteView.as_view(),
         name="local_project_delete"),
    path("local/<int:pk>/projects/<int:project_id>/withdraw/", local.LocalProjectWithdrawView.as_view(),
         name="local_project_withdraw"),
    path("local/<int:pk>/amendments/new/", local.LocalAmendmentCreateView.as_view(), name="local_amendment_create"),
    path("local/<int:pk>/amendments/<int:amendment_id>/document/", local.LocalAmendmentDocumentView.as_view(),
         name="local_amendment_document"),
    path("local/<int:pk>/import/", local.LocalImportCreateView.as_view(), name="local_import_create"),
    path("local/<int:pk>/import/template.xlsx", local.LocalImportTemplateView.as_view(), name="local_import_template"),
    path("local/imports/<int:job_id>/", local.LocalImportDetailView.as_view(), name="local_import_detail"),
    path("local/imports/<int:job_id>/status/", local.LocalImportStatusView.as_view(), name="local_import_status"),
    path("local/imports/<int:job_id>/confirm/", local.LocalImportConfirmView.as_view(), name="local_import_confirm"),
    # The district plan and the provincial roll-up (plans/views/compile.py)
    path("district/<str:code>/compiled/", compiled.DistrictPlanView.as_view(), name="district_plan"),
    path("district/<str:code>/compiled/xlsx/", compiled.DistrictPlanXlsxView.as_view(), name="district_plan_xlsx"),
    path("district/<str:code>/compiled/pdf/", compiled.DistrictPlanPdfView.as_view(), name="district_plan_pdf"),
    path("district/pdf/<int:pk>/", compiled.DistrictPlanPdfJobView.as_view(), name="district_plan_pdf_job"),
    path("district/pdf/<int:pk>/status/", compiled.DistrictPlanPdfStatusView.as_view(), name="district_plan_pdf_status"),
    path("district/pdf/<int:pk>/download/", compiled.DistrictPlanPdfDownloadView.as_view(), name="district_plan_pdf_download"),
    path("province/<str:code>/", compiled.ProvincialPlanView.as_view(), name="provincial_plan"),
    path("province/<str:code>/xlsx/", compiled.ProvincialPlanXlsxView.as_view(), name="provincial_plan_xlsx"),
    # Community plans: a council's, by its tambon code (helper A) ---------------------------
    path("council/<str:code>/", community.CommunityPlanListView.as_view(), name="community_plan_list"),
    path("council/<str:code>/new/", community.CommunityPlanCreateView.as_view(), name="community_plan_create"),
    path("council/<str:code>/<int:pk>/", community.CommunityPlanDetailView.as_view(), name="community_plan_detail"),
    path(
        "council/<str:code>/<int:pk>/edit/", community.CommunityPlanUpdateView.as_view(), name="community_plan_update"
    ),
    path("council/<str:code>/<int:pk>/copy/", community.CommunityPlanCopyView.as_view(), name="community_plan_copy"),
    path("council/<str:code>/<int:pk>/items/new/", community.PlanItemCreateView.as_view(), name="plan_item_create"),
    path(
        "council/<str:code>/<int:pk>/items/<int:item_id>/edit/",
        community.PlanItemUpdateView.as_view(),
        name="plan_item_update",
    ),
    path(
        "council/<str:code>/<int:pk>/items/<int:item_id>/delete/",
        community.PlanItemDeleteView.as_view(),
        name="plan_item_delete",
    ),
    path("review/items/<int:item_id>/accept/", alignment.AlignmentAcceptView.as_view(), name="alignment_accept"),
]
