from django.urls import path

from .views import alignment
from .views import compile as compiled

app_name = "plans"

urlpatterns = [
    path("review/<str:code>/", alignment.AlignmentReviewView.as_view(), name="alignment_review"),
    path("review/<str:code>/items/<int:item_id>/", alignment.AlignmentUpdateView.as_view(), name="alignment_update"),
    # The district plan and the provincial roll-up (plans/views/compile.py)
    path("district/<str:code>/compiled/", compiled.DistrictPlanView.as_view(), name="district_plan"),
    path("district/<str:code>/compiled/xlsx/", compiled.DistrictPlanXlsxView.as_view(), name="district_plan_xlsx"),
    path("district/<str:code>/compiled/pdf/", compiled.DistrictPlanPdfView.as_view(), name="district_plan_pdf"),
    path("district/pdf/<int:pk>/", compiled.DistrictPlanPdfJobView.as_view(), name="district_plan_pdf_job"),
    path("district/pdf/<int:pk>/status/", compiled.DistrictPlanPdfStatusView.as_view(), name="district_plan_pdf_status"),
    path("district/pdf/<int:pk>/download/", compiled.DistrictPlanPdfDownloadView.as_view(), name="district_plan_pdf_download"),
    path("province/<str:code>/", compiled.ProvincialPlanView.as_view(), name="provincial_plan"),
    path("province/<str:code>/xlsx/", compiled.ProvincialPlanXlsxView.as_view(), name="provincial_plan_xlsx"),
]
