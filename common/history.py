"""Records as they stood at the end of a past day, from simple-history's rows.

A report for a period counts what was true at its end: the councils and organizations
registered by then, with the status, kind, member count and themes they had then, not
today's. ``states_at`` reads, for each record of an area, its latest historical row before
the end of the day; a record deleted by then is left out. A record first entered in the
portal after the day (an old council imported this year) counts when its registration date
says it existed by then, with the first state the portal knows of it; one without a
registration date counts only from the day it was entered.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Q
from django.utils import timezone

DELETED = "-"


def end_of_day(day: dt.date) -> dt.datetime:
    """The first instant after ``day`` (local time): rows recorded before it stood on ``day``."""
    return timezone.make_aware(dt.datetime.combine(day + dt.timedelta(days=1), dt.time.min))


@dataclass(frozen=True)
class State:
    """A record as it stood: its id, the historical row it was read from (None when the
    record has no history and today's row stands in) and the asked fields' values."""

    pk: int
    history_id: int | None
    values: dict


def states_at(model, *, day: dt.date, area: Q, fields: tuple[str, ...], registered: str = "registered_on") -> dict[int, State]:
    """{pk: State} for the ``model`` records inside ``area`` (a Q over fields the live and
    historical rows share, e.g. ``Q(subdistrict__in=...)``) as they stood at the end of
    ``day``. Three queries whatever the number of records: the rows recorded by then, the
    first rows of records entered later but registered by then, today's rows of records
    that have no history at all."""
    history = model.history.model
    cutoff = end_of_day(day)
    states: dict[int, State] = {}
    gone: set[int] = set()
    before = (
        history.objects.filter(area, history_date__lt=cutoff)
        .order_by("id", "history_date", "history_id")
        .values_list("id", "history_id", "history_type", *fields)
    )
    for pk, history_id, kind, *values in before.iterator(chunk_size=5000):  # the last row of each id wins
        if kind == DELETED:
            states.pop(pk, None)
            gone.add(pk)
        else:
            states[pk] = State(pk, history_id, dict(zip(fields, values, strict=True)))
            gone.discard(pk)
    if registered:
        # Entered after the day but registered by it: the first state the portal recorded.
        later = (
            history.objects.filter(area, history_date__gte=cutoff, **{f"{registered}__lte": day})
            .exclude(history_type=DELETED)
            .order_by("id", "history_date", "history_id")
            .values_list("id", "history_id", *fields)
        )
        for pk, history_id, *values in later.iterator(chunk_size=5000):
            if pk not in states and pk not in gone:
                states[pk] = State(pk, history_id, dict(zip(fields, values, strict=True)))
        # Records written without history (raw SQL, a fixture): today's row, by the same rules.
        recorded = history.objects.filter(area).values("id")
        bare = model.objects.filter(area).exclude(pk__in=recorded).filter(
            Q(**{f"{registered}__lte": day}) | Q(**{registered: None, "created_at__lt": cutoff})
        )
        for pk, *values in bare.values_list("pk", *fields).iterator(chunk_size=5000):
            states[pk] = State(pk, None, dict(zip(fields, values, strict=True)))
    return states


def m2m_at(model, field: str, states: dict[int, State]) -> dict[int, list]:
    """{pk: [related ids]} of a many-to-many ``field`` kept by simple-history
    (``HistoricalRecords(m2m_fields=[...])``), as each state in ``states`` had it; a state
    read from today's row (no history) takes today's relations. Two queries."""
    from django.apps import apps

    history = model.history.model
    through = apps.get_model(history._meta.app_label, f"{history.__name__}_{field}")
    related = model._meta.get_field(field).remote_field.model._meta.model_name
    out: dict[int, list] = {pk: [] for pk in states}
    by_history = {s.history_id: s.pk for s in states.values() if s.history_id is not None}
    ids = list(by_history)
    for start in range(0, len(ids), 5000):
        chunk = ids[start : start + 5000]
        for history_id, related_id in through.objects.filter(history_id__in=chunk).values_list("history_id", related):
            out[by_history[history_id]].append(related_id)
    bare = [s.pk for s in states.values() if s.history_id is None]
    if bare:
        live = model._meta.get_field(field).remote_field.through
        own = model._meta.model_name
        for pk, related_id in live.objects.filter(**{f"{own}_id__in": bare}).values_list(f"{own}_id", f"{related}_id"):
            out[pk].append(related_id)
    return out
