"""Fast bulk inserts for the national demo world: rows and their simple-history rows.

Django's ``bulk_create`` and simple-history's ``bulk_history_create`` spend most of their
time in Python (a historical model instance per row, each value prepared field by field);
for the millions of rows of five national years that is most of the seed's time. Here the
rows go straight to PostgreSQL with psycopg2's ``execute_values``: the live row from the
objects' attributes, the history row from the same values plus its ``history_date`` (the
object's ``_history_date``: the day the thing happened), type "+" or "~" and the change
reason. The objects get their primary keys back, as with ``bulk_create``.

Only for demo data laid down in bulk: no signals, no ``save()``, no model validation.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db import connection, models
from django.utils import timezone
from psycopg2.extras import Json, execute_values

REASON = "seed_demo --scale national"
PAGE = 5000


@dataclass(frozen=True)
class HistoryRow:
    id: int  # the record's
    history_id: int


def dated(obj, when: dt.datetime, *stamps: str):
    """``obj`` with its history row dated ``when`` (and ``stamps`` fields set to it)."""
    obj._history_date = when
    for name in stamps:
        setattr(obj, name, when)
    return obj


def _value(field, value):
    if value is None:
        return None
    if isinstance(field, models.JSONField):
        return Json(value)
    if isinstance(field, models.FileField):
        return getattr(value, "name", value) or ""
    return value


def _fill_stamps(model, objs) -> None:
    now = timezone.now()
    for field in model._meta.concrete_fields:
        if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
            for obj in objs:
                if getattr(obj, field.attname) is None:
                    setattr(obj, field.attname, now)


def _link_related(model, objs) -> None:
    """A foreign key given as an object saved after it was assigned (an agenda item made
    with its meeting before the meeting had an id) takes that object's id, as in bulk_create."""
    for field in model._meta.concrete_fields:
        if field.is_relation:
            for obj in objs:
                if getattr(obj, field.attname) is None and field.is_cached(obj):
                    related = field.get_cached_value(obj)
                    if related is not None:
                        setattr(obj, field.attname, related.pk)


def insert(model, objs: list, *, history: bool = True, update: bool = False) -> tuple[list, list[HistoryRow]]:
    """Insert ``objs`` (unless ``update``: they are saved rows that just changed) and, when
    the model keeps history, one history row each ("+", or "~" when ``update``) dated by
    the object's ``_history_date``. Returns the objects and their history rows, in order."""
    if not objs:
        return objs, []
    _fill_stamps(model, objs)
    _link_related(model, objs)
    with connection.cursor() as cursor:
        if not update:
            pk = model._meta.pk
            fields = [f for f in model._meta.concrete_fields if f is not pk]
            sql = 'INSERT INTO "{}" ({}) VALUES %s RETURNING "{}"'.format(
                model._meta.db_table, ", ".join(f'"{f.column}"' for f in fields), pk.column
            )
            rows = [tuple(_value(f, getattr(o, f.attname)) for f in fields) for o in objs]
            ids = execute_values(cursor, sql, rows, page_size=PAGE, fetch=True)
            for obj, (new_id,) in zip(objs, ids, strict=True):
                setattr(obj, pk.attname, new_id)
                obj._state.adding, obj._state.db = False, connection.alias
        if not history or not hasattr(model, "history"):
            return objs, []
        return objs, _history(model, objs, "~" if update else "+", cursor)


def _history(model, objs, kind: str, cursor) -> list[HistoryRow]:
    history = model.history.model
    special = {"history_id", "history_date", "history_change_reason", "history_type", "history_user_id"}
    fields = [f for f in history._meta.concrete_fields if f.attname not in special]
    live = {f.attname: f for f in model._meta.concrete_fields}
    columns = [f.column for f in fields] + ["history_date", "history_change_reason", "history_type", "history_user_id"]
    sql = 'INSERT INTO "{}" ({}) VALUES %s RETURNING "id", "history_id"'.format(
        history._meta.db_table, ", ".join(f'"{c}"' for c in columns)
    )
    now = timezone.now()
    rows = [
        tuple(_value(live[f.attname], getattr(o, f.attname)) for f in fields)
        + (getattr(o, "_history_date", now), REASON, kind, None)
        for o in objs
    ]
    return [HistoryRow(*row) for row in execute_values(cursor, sql, rows, page_size=PAGE, fetch=True)]
