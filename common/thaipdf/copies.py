"""The print copies kept under ``pdf_image_dir`` (photos made small for a PDF, e.g. the
annual report's: ``reports.rendering.photos``) and their clean-up.

A copy's modification time is when it was made; its access time is set to now each time
a PDF uses it again (``mark_used``: not left to the filesystem, often mounted noatime or
relatime). ``sweep`` removes the copies unused for ``keep_days`` and the ``*.part`` files a
worker that died mid-write left behind, after a day. A copy removed is made again the next
time a report needs it."""

from __future__ import annotations

import logging
import os
import time
from pathlib import Path

from .fetcher import pdf_image_dir

logger = logging.getLogger(__name__)

PART_MAX_AGE_SECONDS = 24 * 3600


def mark_used(path: Path) -> None:
    """Say the copy at ``path`` was used now (its access time), keeping when it was made."""
    try:
        os.utime(path, ns=(time.time_ns(), path.stat().st_mtime_ns))
    except OSError:  # removed meanwhile: it is made again when next needed
        pass


def sweep(*, keep_days: int, now: float | None = None) -> dict[str, int]:
    """Remove the copies neither made nor used in the last ``keep_days`` days and the
    ``*.part`` files older than a day, then the folders left empty. Counts of each."""
    now = time.time() if now is None else now
    root = pdf_image_dir()
    removed = {"print_copies": 0, "partial_files": 0}
    if not root.is_dir():
        return removed
    for path in sorted(root.rglob("*")):
        try:
            if not path.is_file():
                continue
            stat = path.stat()
            if path.suffix == ".part":
                if stat.st_mtime < now - PART_MAX_AGE_SECONDS:
                    path.unlink()
                    removed["partial_files"] += 1
            elif max(stat.st_atime, stat.st_mtime) < now - keep_days * 86400:
                path.unlink()
                removed["print_copies"] += 1
        except FileNotFoundError:  # removed by another sweep meanwhile
            continue
    for folder in sorted((p for p in root.rglob("*") if p.is_dir()), reverse=True):
        try:
            folder.rmdir()  # only when empty
        except OSError:
            pass
    if any(removed.values()):
        logger.info("retention: removed %(print_copies)s print copies and %(partial_files)s partial files", removed)
    return removed
