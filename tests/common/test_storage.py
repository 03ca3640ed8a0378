"""common.storage.AtomicFileSystemStorage: a complete file under its name, or nothing."""

import errno

import pytest
from django.core.files.base import ContentFile, File

from common.storage import AtomicFileSystemStorage


@pytest.fixture
def storage(tmp_path):
    return AtomicFileSystemStorage(location=tmp_path, base_url="/media/")


def test_saves_and_never_overwrites(storage, tmp_path):
    first = storage.save("activities/a.jpg", ContentFile(b"one"))
    second = storage.save("activities/a.jpg", ContentFile(b"two"))
    assert first == "activities/a.jpg" and second != first
    assert (tmp_path / first).read_bytes() == b"one" and (tmp_path / second).read_bytes() == b"two"
    assert oct((tmp_path / first).stat().st_mode & 0o777) == oct(0o644)
    assert sorted(p.name for p in (tmp_path / "activities").iterdir()) == sorted(
        [first.split("/")[1], second.split("/")[1]]
    )


class DiskFills(File):
    """A file whose second chunk meets a full disk."""

    def __init__(self):
        super().__init__(None, name="big.jpg")

    def chunks(self, chunk_size=None):
        yield b"x" * 1024
        raise OSError(errno.ENOSPC, "No space left on device")


def test_a_write_that_fails_leaves_nothing_behind(storage, tmp_path):
    with pytest.raises(OSError) as failure:
        storage.save("activities/big.jpg", DiskFills())
    assert failure.value.errno == errno.ENOSPC
    assert list((tmp_path / "activities").iterdir()) == []


def test_the_portal_stores_media_with_it(settings):
    from django.core.files.storage import storages

    assert settings.STORAGES["default"]["BACKEND"] == "common.storage.AtomicFileSystemStorage"
    assert isinstance(storages.create_storage(settings.STORAGES["default"]), AtomicFileSystemStorage)
