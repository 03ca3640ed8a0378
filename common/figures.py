"""Helpers for the apps' reporting selectors (each app's ``reporting.py``)."""

from __future__ import annotations

from django.db.models import Count, QuerySet


def counts_by_choice(qs: QuerySet, field: str, choices) -> list[tuple[str, int]]:
    """(Thai label, number of rows) for every choice of ``field``, in the choices' order,
    zero where no row has it: one GROUP BY query."""
    found = dict(qs.order_by().values_list(field).annotate(n=Count("pk")))
    return [(str(c.label), found.get(c.value, 0)) for c in choices]
