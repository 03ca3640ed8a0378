from django.urls import path

from .views import activities as activity_views
from .views import assessments as assessment_views
from .views import councils as views
from .views import exports as export_views
from .views import imports as import_views
from .views import members as member_views
from .views import mentorships as mentorship_views
from .views import organizations as organization_views

app_name = "councils"

urlpatterns = [
    path("", views.CouncilListView.as_view(), name="council_list"),
    # The public directory: before "<str:code>/", which would otherwise take "public".
    path("public/", views.PublicCouncilListView.as_view(), name="public_list"),
    # Community organizations: before "<str:code>/", which would otherwise take "organizations".
    path("organizations/", organization_views.OrganizationListView.as_view(), name="organization_list"),
    path(
        "organizations/<str:org_code>/edit/",
        organization_views.OrganizationUpdateView.as_view(),
        name="organization_update",
    ),
    # Mentor tambons: before "<str:code>/", which would otherwise take "mentorships".
    path("mentorships/", mentorship_views.MentorshipListView.as_view(), name="mentorship_list"),
    path("mentorships/new/", mentorship_views.MentorshipCreateView.as_view(), name="mentorship_create"),
    path("mentorships/<int:pk>/", mentorship_views.MentorshipDetailView.as_view(), name="mentorship_detail"),
    path("mentorships/<int:pk>/visits/", mentorship_views.MentoringVisitCreateView.as_view(), name="mentoring_visit_create"),
    path("mentorships/<int:pk>/end/", mentorship_views.MentorshipEndView.as_view(), name="mentorship_end"),
    # Import and export (issue 3): before "<str:code>/", which would otherwise take "imports".
    path("imports/", import_views.ImportCreateView.as_view(), name="import_create"),
    path("imports/template/<str:kind>.xlsx", import_views.ImportTemplateView.as_view(), name="import_template"),
    path("imports/<int:pk>/", import_views.ImportDetailView.as_view(), name="import_detail"),
    path("imports/<int:pk>/status/", import_views.ImportStatusView.as_view(), name="import_status"),
    path("imports/<int:pk>/confirm/", import_views.ImportConfirmView.as_view(), name="import_confirm"),
    path("imports/<int:pk>/bad-rows/", import_views.ImportBadRowsView.as_view(), name="import_bad_rows"),
    path("exports/<str:kind>.<str:fmt>", export_views.ExportView.as_view(), name="export"),
    path("exports/jobs/<int:pk>/", export_views.ExportJobDetailView.as_view(), name="export_detail"),
    path("exports/jobs/<int:pk>/status/", export_views.ExportJobStatusView.as_view(), name="export_status"),
    path("exports/jobs/<int:pk>/download/", export_views.ExportJobDownloadView.as_view(), name="export_download"),
    # Council members and people (PDPA)
    path("people/<int:pk>/", member_views.PersonDetailView.as_view(), name="person_detail"),
    path("people/<int:pk>/edit/", member_views.PersonUpdateView.as_view(), name="person_update"),
    path("people/<int:pk>/reveal/", member_views.NationalIdRevealView.as_view(), name="person_reveal"),
    path("people/<int:pk>/export/", member_views.PersonExportView.as_view(), name="person_export"),
    path("people/<int:pk>/erase/", member_views.PersonEraseView.as_view(), name="person_erase"),
    path("<str:code>/members/", member_views.MemberListView.as_view(), name="member_list"),
    path("<str:code>/members/new/", member_views.MemberCreateView.as_view(), name="member_create"),
    path("<str:code>/members/<int:pk>/edit/", member_views.MemberUpdateView.as_view(), name="member_update"),
    path("<str:code>/members/<int:pk>/end/", member_views.MemberEndTermView.as_view(), name="member_end_term"),
    path("<str:code>/assessment/", assessment_views.AssessmentFormView.as_view(), name="assessment_form"),
    path("<str:code>/assessments/", assessment_views.AssessmentHistoryView.as_view(), name="assessment_history"),
    path("<str:code>/mentor-suggestions/", assessment_views.MentorSuggestionsView.as_view(), name="mentor_suggestions"),
    path("<str:code>/", views.CouncilDetailView.as_view(), name="council_detail"),
    path("<str:code>/activities/new/", activity_views.ActivityCreateView.as_view(), name="activity_create"),
    path("<str:code>/activities/<int:pk>/edit/", activity_views.ActivityUpdateView.as_view(), name="activity_update"),
    path(
        "<str:code>/activities/<int:pk>/photos/<int:photo_id>/report/",
        activity_views.ActivityPhotoReportView.as_view(),
        name="activity_photo_report",
    ),
    path(
        "<str:code>/activities/<int:pk>/history/", activity_views.ActivityHistoryView.as_view(), name="activity_history"
    ),
    path("<str:code>/dashboard/", views.CouncilDashboardView.as_view(), name="council_dashboard"),
    path("<str:code>/edit/", views.CouncilProfileUpdateView.as_view(), name="council_update"),
    path("<str:code>/organizations/new/", organization_views.OrganizationCreateView.as_view(), name="organization_create"),
]
