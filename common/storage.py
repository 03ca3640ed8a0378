"""The media storage: Django's FileSystemStorage, but a file is written under a temporary
name beside its final one and linked into place only once complete.

Found by bench/faults.py: with the media disk full, FileSystemStorage left the part of a
photo it had written under the photo's final name (no row pointed at it, nothing would
ever delete it). Now a write that fails (ENOSPC, EIO, a killed worker) leaves at most a
``.part`` file the next write's clean-up or an operator can spot, never a half file under
a real name; and the final name is claimed with ``link`` so an existing file is never
overwritten (the same guarantee as FileSystemStorage's O_EXCL).
"""

from __future__ import annotations

import os
import tempfile

from django.core.files.storage import FileSystemStorage

PART_PREFIX = ".upload-"
PART_SUFFIX = ".part"


class AtomicFileSystemStorage(FileSystemStorage):
    def _save(self, name, content):
        full_path = self.path(name)
        directory = os.path.dirname(full_path)
        if self.directory_permissions_mode is not None:
            old_umask = os.umask(0o777 & ~self.directory_permissions_mode)
            try:
                os.makedirs(directory, self.directory_permissions_mode, exist_ok=True)
            finally:
                os.umask(old_umask)
        else:
            os.makedirs(directory, exist_ok=True)
        fd, part = tempfile.mkstemp(dir=directory, prefix=PART_PREFIX, suffix=PART_SUFFIX)
        try:
            with os.fdopen(fd, "wb") as out:
                for chunk in content.chunks():
                    out.write(chunk.encode() if isinstance(chunk, str) else chunk)
                out.flush()
                os.fsync(out.fileno())
            while True:
                try:
                    os.link(part, full_path)  # fails if the name is taken: never overwrite
                    break
                except FileExistsError:
                    name = self.get_available_name(name)
                    full_path = self.path(name)
        finally:
            try:
                os.unlink(part)
            except FileNotFoundError:
                pass
        if self.file_permissions_mode is not None:
            os.chmod(full_path, self.file_permissions_mode)
        return str(name).replace("\\", "/")
