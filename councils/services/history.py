"""One history record per write, many-to-many values included.

simple-history writes a record on ``save()`` and another on every M2M change, so "save,
then set the themes" would leave two records for one edit (the first without the themes).
``save_with_history`` leaves exactly one, attributed to ``by``, whose M2M snapshot holds
the values just set: an edit history reads one line per edit.
"""

from __future__ import annotations

from collections.abc import Iterable

from simple_history.utils import get_m2m_field_name


def _set_quietly(instance, m2m: dict[str, Iterable]) -> None:
    instance.skip_history_when_saving = True
    try:
        for name, values in m2m.items():
            getattr(instance, name).set(values)
    finally:
        del instance.skip_history_when_saving


def _snapshot(instance, names: Iterable[str]) -> None:
    """Write the M2M rows of ``instance``'s latest history record (as simple-history does
    when an M2M changes)."""
    record = instance.history.order_by("-history_id").first()
    for name in names:
        field = type(instance)._meta.get_field(name)
        through = field.remote_field.through
        snapshot_model = getattr(record, name).model
        columns = [f.attname for f in through._meta.concrete_fields]
        rows = through.objects.filter(**{get_m2m_field_name(field): instance})
        snapshot_model.objects.bulk_create(
            snapshot_model(history=record, **{c: getattr(row, c) for c in columns}) for row in rows
        )


def save_with_history(instance, *, by, m2m: dict[str, Iterable] | None = None, reason: str = "") -> None:
    """Save ``instance`` and set its M2M fields, leaving one history record by ``by``."""
    m2m = m2m or {}
    instance._history_user = by
    if reason:
        instance._change_reason = reason
    if instance._state.adding:
        instance.save()  # the "+" record, whose M2M snapshot is still empty
        if m2m:
            _set_quietly(instance, m2m)
            _snapshot(instance, m2m)
    else:
        _set_quietly(instance, m2m)
        instance.save()  # the "~" record snapshots the M2M values already set
