from django.urls import path

from .views import actions as action_views
from .views import mechanism as mechanism_views
from .views import meetings as views
from .views import obstacles, photos, place, suggestions
from .views import public as public_views

app_name = "meetings"

urlpatterns = [
    path("obstacles/", obstacles.ObstacleListView.as_view(), name="obstacle_list"),
    path("obstacles/new/<str:code>/", obstacles.ObstacleCreateView.as_view(), name="obstacle_create"),
    path("obstacles/<int:pk>/", obstacles.ObstacleDetailView.as_view(), name="obstacle_detail"),
    path("obstacles/<int:pk>/answer/", obstacles.ObstacleAnswerView.as_view(), name="obstacle_answer"),
    path("obstacles/<int:pk>/evidence/", obstacles.ObstacleEvidenceView.as_view(), name="obstacle_evidence"),
    path("obstacles/overdue/<str:code>/", obstacles.OverdueObstaclesView.as_view(), name="obstacle_overdue"),
    path("inbox/", obstacles.AgencyInboxView.as_view(), name="agency_inbox"),
    path("suggestions/<str:code>/", suggestions.PublicSuggestionsView.as_view(), name="suggestion_public"),
    path(
        "suggestions/<str:code>/moderation/",
        suggestions.SuggestionModerationView.as_view(),
        name="suggestion_moderation",
    ),
    path(
        "suggestions/<str:code>/moderation/<int:pk>/",
        suggestions.SuggestionModerateView.as_view(),
        name="suggestion_moderate",
    ),
    # Public: no sign-in
    path("public/", public_views.PublicMeetingListView.as_view(), name="public_list"),
    path("public/<int:pk>/", public_views.PublicMeetingDetailView.as_view(), name="public_detail"),
    path("feeds/district/<str:code>.ics", public_views.district_feed, name="district_feed"),
    path("feeds/council/<str:code>.ics", public_views.council_feed, name="council_feed"),
    # The district mechanism and the district's meetings
    path("district/<str:code>/", views.DistrictMeetingListView.as_view(), name="district_meetings"),
    path("district/<str:code>/new/", views.DistrictMeetingCreateView.as_view(), name="district_meeting_create"),
    path("district/<str:code>/mechanism/", mechanism_views.MechanismDetailView.as_view(), name="mechanism_detail"),
    path(
        "district/<str:code>/mechanism/establish/", mechanism_views.MechanismEstablishView.as_view(),
        name="mechanism_establish",
    ),
    path(
        "district/<str:code>/mechanism/members/new/", mechanism_views.MechanismMemberCreateView.as_view(),
        name="mechanism_member_create",
    ),
    path(
        "district/<str:code>/mechanism/members/<int:pk>/edit/", mechanism_views.MechanismMemberUpdateView.as_view(),
        name="mechanism_member_update",
    ),
    path(
        "district/<str:code>/mechanism/members/<int:pk>/end/", mechanism_views.MechanismMemberEndView.as_view(),
        name="mechanism_member_end",
    ),
    # A council's meetings
    path("national/new/", views.NationalMeetingCreateView.as_view(), name="national_meeting_create"),
    path("council/<str:code>/", views.CouncilMeetingListView.as_view(), name="council_meetings"),
    path("council/<str:code>/new/", views.CouncilMeetingCreateView.as_view(), name="council_meeting_create"),
    # One meeting
    path("<int:pk>/", views.MeetingDetailView.as_view(), name="meeting_detail"),
    path("<int:pk>/edit/", views.MeetingUpdateView.as_view(), name="meeting_update"),
    path("<int:pk>/agenda/", views.AgendaItemAddView.as_view(), name="agenda_add"),
    path("<int:pk>/held/", views.MeetingHeldView.as_view(), name="meeting_held"),
    path("<int:pk>/cancel/", views.MeetingCancelView.as_view(), name="meeting_cancel"),
    path("<int:pk>/attendance/", views.AttendanceView.as_view(), name="attendance"),
    path("<int:pk>/minutes/", views.MinutesView.as_view(), name="minutes"),
    path("<int:pk>/publish/", views.MeetingPublishView.as_view(), name="meeting_publish"),
    path("<int:pk>/minutes.pdf", public_views.minutes_pdf_download, name="minutes_pdf"),
    path("<int:pk>/attachments/", views.AttachmentAddView.as_view(), name="attachment_add"),
    path("<int:pk>/attachments/<int:attachment_id>/", public_views.attachment_download, name="attachment_download"),
    path("<int:pk>/photos/", photos.PhotoAddView.as_view(), name="photo_add"),
    path("<int:pk>/photos/<int:photo_id>/", photos.PhotoUpdateView.as_view(), name="photo_update"),
    path("<int:pk>/photos/<int:photo_id>/remove/", photos.PhotoRemoveView.as_view(), name="photo_remove"),
    path("<int:pk>/resolutions/", views.ResolutionAddView.as_view(), name="resolution_add"),
    path(
        "<int:pk>/resolutions/<int:resolution_id>/actions/", views.ActionItemCreateView.as_view(),
        name="action_create",
    ),
    # Action items
    path("actions/<int:pk>/", action_views.ActionDetailView.as_view(), name="action_detail"),
    path("actions/<int:pk>/updates/", action_views.ActionUpdateAddView.as_view(), name="action_update_add"),
    path("actions/<int:pk>/start/", action_views.ActionStartView.as_view(), name="action_start"),
    path("actions/<int:pk>/done/", action_views.ActionDoneView.as_view(), name="action_done"),
    path("actions/<int:pk>/cancel/", action_views.ActionCancelView.as_view(), name="action_cancel"),
    # The shared place of a district and a province, and lessons
    path("place/district/<str:code>/", place.DistrictPlaceView.as_view(), name="place_district"),
    path("place/district/<str:code>/public/", place.PublicDistrictPlaceView.as_view(), name="place_district_public"),
    path("place/province/<str:code>/", place.ProvincePlaceView.as_view(), name="place_province"),
    path("place/province/<str:code>/public/", place.PublicProvincePlaceView.as_view(), name="place_province_public"),
    path("lessons/activity/<int:pk>/", place.ActivityLessonCreateView.as_view(), name="lesson_activity"),
    path("lessons/meeting/<int:pk>/", place.MeetingLessonCreateView.as_view(), name="lesson_meeting"),
    path("evidence/<int:pk>/", public_views.evidence_download, name="evidence_download"),
]
