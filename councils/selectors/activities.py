"""Reads for logging and editing activities: the agencies to choose from, the activity
being edited, and its edit history as field-level changes with Thai labels."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import QuerySet
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from agencies.selectors import agencies_near, agency_names
from common.thai import thai_date

from ..choices import ActivityKind, ParticipantGroup
from ..models import Activity, ActivityPhoto, Council
from .councils import activities_visible_to

# The fields an edit history shows, in form order (photos are told by the change reason).
HISTORY_FIELDS = ("date", "kind", "title", "description", "outcomes", "participants", "participants_by_group")
HISTORY_TYPES = {"+": gettext_lazy("บันทึกกิจกรรม"), "~": gettext_lazy("แก้ไข"), "-": gettext_lazy("ลบ")}


def agencies_for_council(*, council: Council) -> QuerySet:
    """Agencies a council's activity may name, the nearest first."""
    return agencies_near(subdistrict=council.subdistrict)


def group_counts(groups: dict | None) -> list[tuple[str, int]]:
    """Participants by group in ParticipantGroup order, as (Thai label, count) pairs."""
    groups = groups or {}
    return [(str(g.label), groups[g.value]) for g in ParticipantGroup if groups.get(g.value)]


def activity_for_edit(*, user, code: str, pk: int) -> Activity:
    """An activity of the council with tambon ``code``, inside the user's scope
    (Activity.DoesNotExist, a 404, otherwise)."""
    return (
        activities_visible_to(user=user)
        .select_related("council__lao")
        .prefetch_related("photos", "agencies")
        .get(council__subdistrict__code=code, pk=pk)
    )


@dataclass
class Change:
    field: str
    label: str
    old: str
    new: str


@dataclass
class HistoryEntry:
    when: object
    who: str
    action: str
    reason: str
    created: bool = False
    changes: list[Change] = field(default_factory=list)


def _who(record) -> str:
    user = record.history_user
    if user is None:
        return _("ระบบ")
    return getattr(user, "display_name", "") or user.get_username()


def _show(name: str, value, agency_names: dict[int, str] | None = None) -> str:
    if value is None or value == "" or (isinstance(value, (dict, list, set)) and not value):
        return "–"
    if name == "date":
        return thai_date(value, "long")
    if name == "kind":
        return str(ActivityKind(value).label) if value in ActivityKind.values else str(value)
    if name == "participants":
        return _("%(n)s คน") % {"n": f"{value:,}"}
    if name == "participants_by_group":
        parts = []
        for group in ParticipantGroup:
            if group.value in value:
                parts.append(_("%(group)s %(n)s คน") % {"group": group.label, "n": value[group.value]})
        return ", ".join(parts) or "–"
    if name == "agencies":
        return ", ".join(agency_names.get(pk, _("หน่วยงานที่ถูกลบ (#%(pk)s)") % {"pk": pk}) for pk in sorted(value))
    return str(value)


def activity_history(*, activity: Activity) -> list[HistoryEntry]:
    """Every history record of the activity, newest first, each with what changed since the
    one before. Three queries: the records, their agency snapshots, the agencies' names."""
    records = list(activity.history.select_related("history_user").order_by("history_date", "history_id"))
    snapshot_model = type(activity).history.model.agencies.model
    agencies_of: dict[int, set[int]] = {r.history_id: set() for r in records}
    for history_id, agency_id in snapshot_model.objects.filter(history__in=[r.history_id for r in records]).values_list(
        "history_id", "agency_id"
    ):
        agencies_of[history_id].add(agency_id)
    all_ids = set().union(*agencies_of.values()) if agencies_of else set()
    names = agency_names(all_ids)
    labels = {name: str(Activity._meta.get_field(name).verbose_name) for name in (*HISTORY_FIELDS, "agencies")}

    entries = []
    previous = None
    for record in records:
        entry = HistoryEntry(
            when=record.history_date,
            who=_who(record),
            action=str(HISTORY_TYPES.get(record.history_type, record.history_type)),
            reason=record.history_change_reason or "",
            created=record.history_type == "+",
        )
        for name in HISTORY_FIELDS:
            new = getattr(record, name)
            old = getattr(previous, name) if previous is not None else None
            if previous is None and new in (None, "", {}, 0):
                continue  # a new activity lists what was filled in
            if previous is None or old != new:
                entry.changes.append(Change(name, labels[name], _show(name, old), _show(name, new)))
        new_agencies = agencies_of[record.history_id]
        old_agencies = agencies_of[previous.history_id] if previous is not None else set()
        if new_agencies != old_agencies:
            entry.changes.append(
                Change(
                    "agencies",
                    labels["agencies"],
                    _show("agencies", old_agencies, names),
                    _show("agencies", new_agencies, names),
                )
            )
        entries.append(entry)
        previous = record
    entries.reverse()
    return entries


def photo_by_name(*, name: str) -> ActivityPhoto | None:
    """The photo stored under ``name`` (its path under MEDIA_ROOT), with its council's area."""
    return (
        ActivityPhoto.objects.select_related("activity__council__subdistrict__district")
        .filter(image=name)
        .first()
    )
