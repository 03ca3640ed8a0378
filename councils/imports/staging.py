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
