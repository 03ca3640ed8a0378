"""Writing checked rows, with their history rows, fast.

The rows go in with PostgreSQL ``COPY`` (ids taken from the table's sequence first, so the
history rows and the members' people can refer to them), and their django-simple-history
rows with one ``INSERT … SELECT`` per table: the same rows simple_history's
``bulk_create_with_history`` would write (history_type "+", the importing user, the
date, a change reason naming the import job), without building 150,000 model instances
twice. Columns are read from the models' ``_meta``, so a new field is picked up by
itself, and a field the writer cannot fill fails loudly.

The caller runs everything inside one transaction: all rows or none.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor

from django.core.exceptions import ImproperlyConfigured
from django.db import connection

from ..choices import ImportKind
from ..models import CommunityOrganization, Council, CouncilMember, Person

CHUNK_ROWS = 10_000
_MISSING = object()
_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r", "\x00": ""})
_AUTO_NOW = ("created_at", "updated_at")


def _copy_text(value) -> str:
    if value is None:
        return "\\N"
    if value is True:
        return "t"
    if value is False:
        return "f"
    if isinstance(value, str):
        return value.translate(_ESCAPES)
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return str(value)


def _quote(name: str) -> str:
    return connection.ops.quote_name(name)


class TableWriter:
    """COPY rows (dicts of field attnames) into one model's table, then its history."""

    def __init__(self, model, *, now: dt.datetime):
        self.model = model
        self.table = model._meta.db_table
        self.fields = [f for f in model._meta.concrete_fields if not f.primary_key]
        self.pk = model._meta.pk
        self.defaults = {f.attname: self._default(f, now) for f in self.fields}
        self.columns = ", ".join(_quote(c) for c in [self.pk.column, *(f.column for f in self.fields)])

    @staticmethod
    def _default(field, now):
        if field.attname in _AUTO_NOW:
            return now
        if field.has_default():
            return field.get_default()
        if field.null:
            return None
        if field.blank and field.empty_strings_allowed:
            return ""
        return _MISSING

    def allocate_ids(self, cursor, count: int) -> list[int]:
        if not count:
            return []
        cursor.execute(
            "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
            [self.table, self.pk.column, count],
        )
        return [pk for (pk,) in cursor.fetchall()]

    def copy_text(self, ids: Sequence[int], rows: Sequence[dict]) -> str:
        """The rows in COPY's text format (pure Python: safe to build in another thread)."""
        names = [f.attname for f in self.fields]
        defaults = [self.defaults[name] for name in names]
        lines = []
        for pk, row in zip(ids, rows, strict=True):
            values = [str(pk)]
            for name, default in zip(names, defaults, strict=True):
                value = row.get(name, default)
                if value is _MISSING:
                    raise ImproperlyConfigured(f"import writer: no value for {self.table}.{name}")
                values.append(_copy_text(value))
            lines.append("\t".join(values))
        lines.append("")
        return "\n".join(lines)

    def copy(self, cursor, ids: Sequence[int], rows: Sequence[dict] = (), *, text: str | None = None) -> None:
        buffer = io.StringIO(self.copy_text(ids, rows) if text is None else text)
        cursor.copy_expert(f"COPY {_quote(self.table)} ({self.columns}) FROM STDIN", buffer)

    def copy_history(self, cursor, ids: Sequence[int], *, now, user_id, reason: str) -> None:
        history = self.model.history.model
        main_columns = {self.pk.column, *(f.column for f in self.fields)}
        columns, select, params = [], [], []
        for field in history._meta.concrete_fields:
            if field.attname == "history_id":
                continue
            columns.append(_quote(field.column))
            if field.column in main_columns:
                select.append(_quote(field.column))
            elif field.attname == "history_date":
                select.append("%s")
                params.append(now)
            elif field.attname == "history_change_reason":
                select.append("%s")
                params.append(reason[: field.max_length])
            elif field.attname == "history_type":
                select.append("'+'")
            elif field.attname == "history_user_id":
                select.append("%s")
                params.append(user_id)
            else:
                raise ImproperlyConfigured(f"import writer: cannot fill {history._meta.db_table}.{field.column}")
        cursor.execute(
            f"INSERT INTO {_quote(history._meta.db_table)} ({', '.join(columns)}) "
            f"SELECT {', '.join(select)} FROM {_quote(self.table)} WHERE {_quote(self.pk.column)} = ANY(%s)",
            [*params, list(ids)],
        )


def _model_rows(model, records: Sequence[dict]) -> list[dict]:
    names = {f.attname for f in model._meta.concrete_fields}
    return [{k: v for k, v in record.items() if k in names} for record in records]


_IDENTITY = ("national_id_ciphertext", "national_id_hash", "national_id_last4")


class People:
    """Who each member row is: a person already in the portal (``person_id``, matched by the
    keyed hash of their national ID), a person an earlier row of this file created (the
    same hash), or a new person. Rows without a national ID are always new people."""

    def __init__(self):
        self.by_hash: dict[str, int] = {}

    def new_people(self, records: Sequence[dict]) -> list[dict]:
        """The records that need a new Person, each number once (in file order)."""
        fresh, hashes = [], set()
        for record in records:
            digest = record.get("national_id_hash")
            if record.get("person_id") or (digest and (digest in self.by_hash or digest in hashes)):
                continue
            if digest:
                hashes.add(digest)
            fresh.append(record)
        return fresh

    def person_rows(self, fresh: Sequence[dict]) -> list[dict]:
        return [
            {"full_name": r["full_name"], "phone": r["phone"], **{k: r[k] for k in _IDENTITY if r.get(k)}}
            for r in fresh
        ]

    def created(self, fresh: Sequence[dict], person_ids: Sequence[int]) -> None:
        self.fresh_ids = {}
        for record, pk in zip(fresh, person_ids, strict=True):
            self.fresh_ids[id(record)] = pk
            if record.get("national_id_hash"):
                self.by_hash[record["national_id_hash"]] = pk

    def person_of(self, record: dict) -> int:
        return (
            record.get("person_id")
            or self.fresh_ids.get(id(record))
            or self.by_hash[record["national_id_hash"]]
        )


def _member_rows(records: Sequence[dict], person_ids: Sequence[int]) -> tuple[list[dict], list[dict]]:
    people = [{"full_name": r["full_name"], "phone": r["phone"]} for r in records]
    terms = [
        {
            "council_id": r["council_id"],
            "person_id": person_id,
            "organization_id": r["organization_id"],
            "position": r["position"],
            "term_start": r["term_start"],
            "term_end": r["term_end"],
        }
        for r, person_id in zip(records, person_ids, strict=True)
    ]
    return people, terms


def write_records(
    *,
    kind: str,
    records: Sequence[dict],
    user_id: int | None,
    reason: str,
    now: dt.datetime,
    progress: Callable[[int], None] | None = None,
) -> int:
    """Write ``records`` (from the staging file) in chunks; returns how many were written.
    Must run inside a transaction."""
    if not connection.in_atomic_block:
        raise RuntimeError("write_records must run inside transaction.atomic()")
    if connection.vendor != "postgresql":
        return _write_portable(kind=kind, records=records, user_id=user_id, reason=reason, progress=progress)
    written = 0
    with connection.cursor() as cursor:
        if kind != ImportKind.MEMBERS:
            model = Council if kind == ImportKind.COUNCILS else CommunityOrganization
            table = TableWriter(model, now=now)
            ids = table.allocate_ids(cursor, len(records))
            chunks = [
                (ids[start : start + CHUNK_ROWS], records[start : start + CHUNK_ROWS])
                for start in range(0, len(records), CHUNK_ROWS)
            ]

            def build(chunk):
                chunk_ids, chunk_records = chunk
                return table.copy_text(chunk_ids, _model_rows(model, chunk_records))

            # Build the next chunk's text while PostgreSQL takes in the current one.
            for (chunk_ids, _records), text in zip(chunks, _built_ahead(chunks, build), strict=True):
                table.copy(cursor, chunk_ids, text=text)
                table.copy_history(cursor, chunk_ids, now=now, user_id=user_id, reason=reason)
                written += len(chunk_ids)
                if progress:
                    progress(written)
            return written
        people = TableWriter(Person, now=now)
        terms = TableWriter(CouncilMember, now=now)
        who = People()
        for start in range(0, len(records), CHUNK_ROWS):
            chunk = records[start : start + CHUNK_ROWS]
            fresh = who.new_people(chunk)
            person_ids = people.allocate_ids(cursor, len(fresh))
            if fresh:
                people.copy(cursor, person_ids, who.person_rows(fresh))
                people.copy_history(cursor, person_ids, now=now, user_id=user_id, reason=reason)
            who.created(fresh, person_ids)
            _people_rows, term_rows = _member_rows(chunk, [who.person_of(r) for r in chunk])
            term_ids = terms.allocate_ids(cursor, len(chunk))
            terms.copy(cursor, term_ids, term_rows)
            terms.copy_history(cursor, term_ids, now=now, user_id=user_id, reason=reason)
            written += len(chunk)
            if progress:
                progress(written)
    return written


def _write_portable(*, kind, records, user_id, reason, progress) -> int:
    """The same rows and history through the ORM, for databases without COPY (SQLite in
    local runs). Slower, but small local files don't mind."""
    from django.contrib.auth import get_user_model
    from simple_history.utils import bulk_create_with_history

    user = get_user_model().objects.filter(pk=user_id).first() if user_id else None
    options = {"batch_size": 1000, "default_user": user, "default_change_reason": reason}
    if kind != ImportKind.MEMBERS:
        model = Council if kind == ImportKind.COUNCILS else CommunityOrganization
        objs = [model(**row) for row in _model_rows(model, records)]
        bulk_create_with_history(objs, model, **options)
    else:
        who = People()
        fresh = who.new_people(records)
        people = bulk_create_with_history([Person(**row) for row in who.person_rows(fresh)], Person, **options)
        who.created(fresh, [p.pk for p in people])
        _people_rows, term_rows = _member_rows(records, [who.person_of(r) for r in records])
        bulk_create_with_history([CouncilMember(**row) for row in term_rows], CouncilMember, **options)
    if progress:
        progress(len(records))
    return len(records)


def _built_ahead(items: Sequence, build: Callable) -> Iterator:
    """``build(item)`` for each item, in order, the next one built in a worker thread while
    the caller uses the current one (the caller mostly waits on the database)."""
    if not items:
        return
    with ThreadPoolExecutor(max_workers=1) as pool:
        pending = pool.submit(build, items[0])
        for index in range(len(items)):
            result = pending.result()
            if index + 1 < len(items):
                pending = pool.submit(build, items[index + 1])
            yield result
