"""The shared place of a district or a province (DOMAIN §2): what its councils did, their
meetings, the action items falling due, the obstacles and their answers, and the lessons
learnt — each a short list, optionally narrowed to one theme of work.

The signed-in page reads through the user's scope (every block is also ``visible_to`` the
user). The public page shows only published things of published councils and no personal
data: no obstacles (they are never published), no names of who wrote or answered.

A theme narrows activities, meetings and action items to those of councils working on it
(a district's own mechanism meeting has no council, so it drops out under a theme), and
obstacles and lessons to their own theme. Each block is one query (obstacles two: their
answers are prefetched), whatever the amount of data.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Prefetch, Q, QuerySet
from django.utils import timezone

from councils.models import Activity
from geo.models import District, Province, Theme

from .choices import ActionStatus, MeetingStatus
from .models import ActionItem, Lesson, Meeting, Response
from .selectors import obstacles_for

PLACE_LIMIT = 10


@dataclass(frozen=True)
class Place:
    """A district or a province: the Q of each block's rows, by the block's path to a district."""

    district: District | None = None
    province: Province | None = None

    def q(self, district_path: str) -> Q:
        if self.district is not None:
            return Q(**{district_path: self.district})
        return Q(**{f"{district_path}__province": self.province})


def district_for_place(*, code: str) -> District:
    """Any district by its code (District.DoesNotExist otherwise: a 404)."""
    return District.objects.select_related("province").get(code=code)


def province_for_place(*, code: str) -> Province:
    return Province.objects.get(code=code)


def place_themes() -> list[Theme]:
    return list(Theme.objects.order_by("name_th"))


def theme_by_code(*, themes: list[Theme], code: str | None) -> Theme | None:
    """The chosen theme among ``themes`` (an unknown or empty code: no filter)."""
    return next((theme for theme in themes if theme.code == code), None) if code else None


def _published_councils(prefix: str) -> Q:
    return Q(**{f"{prefix}council__isnull": True}) | Q(**{f"{prefix}council__is_published": True})


def place_activities(*, place: Place, user=None, theme: Theme | None = None) -> QuerySet[Activity]:
    qs = Activity.objects.visible_to(user) if user is not None else Activity.objects.filter(council__is_published=True)
    qs = qs.filter(place.q("council__subdistrict__district"))
    if theme is not None:
        qs = qs.filter(council__themes=theme)
    return qs.select_related("council__subdistrict").order_by("-date", "-id")[:PLACE_LIMIT]


def _place_meetings(*, place: Place, user, theme: Theme | None) -> QuerySet[Meeting]:
    if user is not None:
        qs = Meeting.objects.visible_to(user)
    else:
        qs = Meeting.objects.published().filter(_published_councils(""))
    qs = qs.filter(place.q("district"))
    if theme is not None:
        qs = qs.filter(council__themes=theme)
    return qs.select_related("council__subdistrict", "district")


def place_recent_meetings(*, place: Place, user=None, theme: Theme | None = None) -> QuerySet[Meeting]:
    today = timezone.localdate()
    qs = _place_meetings(place=place, user=user, theme=theme).filter(date__lte=today)
    qs = qs.exclude(status=MeetingStatus.CANCELLED)
    return qs.order_by("-date", "-start_time", "-id")[:PLACE_LIMIT]


def place_upcoming_meetings(*, place: Place, user, theme: Theme | None = None) -> QuerySet[Meeting]:
    """Planned meetings from today on (signed-in only: a planned meeting is not published)."""
    qs = _place_meetings(place=place, user=user, theme=theme)
    qs = qs.filter(date__gte=timezone.localdate(), status=MeetingStatus.PLANNED)
    return qs.order_by("date", "start_time", "id")[:PLACE_LIMIT]


def place_actions_due(*, place: Place, user=None, theme: Theme | None = None) -> QuerySet[ActionItem]:
    """Open action items by due date, the earliest (the overdue) first."""
    meeting = "resolution__agenda_item__meeting__"
    qs = ActionItem.objects.visible_to(user) if user is not None else ActionItem.objects.filter(
        _published_councils(meeting), **{f"{meeting}status": MeetingStatus.PUBLISHED}
    )
    qs = qs.filter(place.q(f"{meeting}district"), status__in=(ActionStatus.OPEN, ActionStatus.IN_PROGRESS))
    if theme is not None:
        qs = qs.filter(**{f"{meeting}council__themes": theme})
    return qs.select_related(
        "assignee_agency", "assignee_council", "resolution__agenda_item__meeting"
    ).order_by("due_date", "id")[:PLACE_LIMIT]


def place_obstacles(*, place: Place, user, theme: Theme | None = None):
    """The latest obstacles the user may read, their answers in order (signed-in only)."""
    qs = obstacles_for(user=user).filter(place.q("council__subdistrict__district"))
    if theme is not None:
        qs = qs.filter(theme=theme)
    answers = Prefetch("responses", queryset=Response.objects.order_by("created_at", "pk"))
    return qs.prefetch_related(answers).order_by("-created_at", "-id")[:PLACE_LIMIT]


def place_lessons(*, place: Place, user=None, theme: Theme | None = None) -> QuerySet[Lesson]:
    qs = Lesson.objects.visible_to(user) if user is not None else Lesson.objects.public()
    qs = qs.filter(place.q("council__subdistrict__district"))
    if theme is not None:
        qs = qs.filter(theme=theme)
    return qs.select_related("council__subdistrict", "activity", "meeting", "theme").order_by("-created_at", "-id")[
        :PLACE_LIMIT
    ]


def place_blocks(*, place: Place, user=None, theme: Theme | None = None) -> dict:
    """Every block of the page; ``user`` None: the public part."""
    blocks = {
        "activities": list(place_activities(place=place, user=user, theme=theme)),
        "recent_meetings": list(place_recent_meetings(place=place, user=user, theme=theme)),
        "actions": list(place_actions_due(place=place, user=user, theme=theme)),
        "lessons": list(place_lessons(place=place, user=user, theme=theme)),
    }
    if user is not None:
        blocks["upcoming_meetings"] = list(place_upcoming_meetings(place=place, user=user, theme=theme))
        blocks["obstacles"] = list(place_obstacles(place=place, user=user, theme=theme))
    return blocks


def lesson_activity(*, user, pk: int) -> Activity:
    """An activity inside the user's scope, for a lesson (Activity.DoesNotExist: a 404)."""
    return Activity.objects.visible_to(user).select_related("council__subdistrict__district").get(pk=pk)


def lesson_meeting(*, user, pk: int) -> Meeting:
    """A council's meeting inside the user's scope (Meeting.DoesNotExist: a 404)."""
    return (
        Meeting.objects.visible_to(user)
        .filter(council__isnull=False)
        .select_related("council__subdistrict__district")
        .get(pk=pk)
    )


def lessons_of(*, user, activity=None, meeting=None) -> QuerySet[Lesson]:
    """The lessons of one activity or meeting the user may read."""
    qs = Lesson.objects.visible_to(user).select_related("theme")
    return qs.filter(activity=activity) if activity is not None else qs.filter(meeting=meeting)
