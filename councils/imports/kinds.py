"""Import kinds that other apps add to this engine.

The councils app's own kinds (councils, organizations, members) are the engine's built-in
ones: CODI staff import them, their columns are in ``columns.COLUMNS`` and their
validators in ``validators.VALIDATORS``. An app above councils (plans: an LAO's local plan
projects in e-Plan's shape) registers a kind here from its ``AppConfig.ready``: the same
reader, staging file, preview, all-or-valid-only choice, job and progress page, with

    columns     its Column definitions (used to find the header and choose the worksheet)
    validator   ``validator(job=..., scope=...)`` → a RowValidator bound to the job's target
    write       ``write(job=..., records=..., user_id=..., reason=..., now=..., progress=...)``
                writes the chosen staged rows inside the import's transaction
    may_import  ``may_import(user=..., job=...)``: who may still check, confirm and write it
    label       what the job is called on its pages

This module imports nothing above councils, so the layers stay one way.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class ImportKindSpec:
    key: str
    label: str
    columns: tuple
    validator: Callable
    write: Callable[..., int]
    may_import: Callable[..., bool]
    denied_message: str = ""


_REGISTRY: dict[str, ImportKindSpec] = {}


def register(spec: ImportKindSpec) -> None:
    """Add a kind (idempotent: a second ``ready()`` in tests registers the same spec)."""
    from .columns import COLUMNS
    from .validators import VALIDATORS

    if len(spec.key) > 20:  # ImportJob.kind's length
        raise ValueError(f"import kind {spec.key!r} is longer than 20 characters")
    _REGISTRY[spec.key] = spec
    COLUMNS[spec.key] = spec.columns
    VALIDATORS[spec.key] = spec.validator


def registered(kind: str) -> ImportKindSpec | None:
    """The spec of a kind another app registered; None for the built-in kinds."""
    return _REGISTRY.get(kind)
