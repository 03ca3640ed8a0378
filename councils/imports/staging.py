"""The valid rows of a checked file, kept on disk until the user confirms the import.

Checking parses the upload once; confirming writes these rows without parsing it again.
One JSON array per line: ``[row_number, {field: value}]`` with dates as ISO text. The
file is written under a temporary name and moved into place, so a half-written staging
file is never read.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

from django.conf import settings


def staged_path(job_id: int) -> Path:
    return Path(settings.MEDIA_ROOT) / "imports" / "staged" / f"job-{job_id}.jsonl"


class StagingWriter:
    def __init__(self, job_id: int):
        self.path = staged_path(job_id)
        self.partial = self.path.with_suffix(".jsonl.part")

    def __enter__(self):
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.handle = open(self.partial, "w", encoding="utf-8")
        self._dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
        return self

    def keep(self, row: int, record: dict) -> None:
        self.handle.write(self._dumps([row, record]))
        self.handle.write("\n")

    def __exit__(self, exc_type, exc, tb):
        self.handle.close()
        if exc_type is None:
            os.replace(self.partial, self.path)
        else:
            self.partial.unlink(missing_ok=True)
        return False


def read_staged(job_id: int) -> Iterator[tuple[int, dict]]:
    loads = json.loads
    with open(staged_path(job_id), encoding="utf-8") as handle:
        for line in handle:
            row, record = loads(line)
            yield row, record


def discard_staged(job_id: int) -> None:
    path = staged_path(job_id)
    path.unlink(missing_ok=True)
    path.with_suffix(".jsonl.part").unlink(missing_ok=True)


# Every problem of a checked file, for the bad-rows file (councils/imports/badrows.py):
# the job row keeps only the first MAX_REPORTED_ERRORS. The first line says where the data
# is: {"sheet": index, "header_row": n}; then one ``[row, column, message]`` per line.
# Messages never hold a national ID number.


def problems_path(job_id: int) -> Path:
    return Path(settings.MEDIA_ROOT) / "imports" / "staged" / f"job-{job_id}.problems.jsonl"


class ProblemWriter:
    def __init__(self, job_id: int):
        self.path = problems_path(job_id)
        self.partial = self.path.with_suffix(".jsonl.part")
        self.where: dict = {}

    def __enter__(self):
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.lines: list[str] = []
        return self

    def add(self, row: int, column: str, message: str) -> None:
        self.lines.append(json.dumps([row, column, message], ensure_ascii=False))

    def __exit__(self, exc_type, exc, tb):
        if exc_type is None:
            with open(self.partial, "w", encoding="utf-8") as handle:
                handle.write(json.dumps(self.where) + "\n")
                for line in self.lines:
                    handle.write(line + "\n")
            os.replace(self.partial, self.path)
        return False


def add_problems(job_id: int, problems: list[tuple[int, str, str]]) -> None:
    """Problems found after the check (the rows re-checked just before writing)."""
    path = problems_path(job_id)
    if not path.exists():
        return
    with open(path, "a", encoding="utf-8") as handle:
        for row, column, message in problems:
            handle.write(json.dumps([row, column, message], ensure_ascii=False) + "\n")


def read_problems(job_id: int) -> tuple[dict, dict[int, list[tuple[str, str]]]] | None:
    """(where the data is, {row: [(column, message), ...]}) or None when not kept."""
    try:
        handle = open(problems_path(job_id), encoding="utf-8")
    except FileNotFoundError:
        return None
    with handle:
        where = json.loads(handle.readline() or "{}")
        by_row: dict[int, list[tuple[str, str]]] = {}
        for line in handle:
            row, column, message = json.loads(line)
            by_row.setdefault(row, []).append((column, message))
    return where, by_row


def problems_kept(job_id: int) -> bool:
    """Problems of rows are kept, and where the header is (without reading them all)."""
    try:
        with open(problems_path(job_id), encoding="utf-8") as handle:
            where = json.loads(handle.readline() or "{}")
            return bool(where.get("header_row")) and bool(handle.readline())
    except FileNotFoundError:
        return False


def discard_problems(job_id: int) -> None:
    path = problems_path(job_id)
    path.unlink(missing_ok=True)
    path.with_suffix(".jsonl.part").unlink(missing_ok=True)
