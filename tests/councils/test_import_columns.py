"""What people type in a column, read the way they mean it."""

import pytest

from councils.choices import ImportKind, MemberPosition
from councils.imports.cells import CellError
from councils.imports.columns import COLUMNS


def _position(raw):
    column = next(c for c in COLUMNS[ImportKind.MEMBERS] if c.key == "position")
    return column.parse(raw)


@pytest.mark.parametrize(("typed", "position"), [
    ("ประธาน", MemberPosition.CHAIR),
    ("ประธานสภาองค์กรชุมชนตำบล", MemberPosition.CHAIR),
    ("รองประธานสภา", MemberPosition.VICE_CHAIR),
    ("เลขาฯ", MemberPosition.SECRETARY),
    ("เหรัญญิกสภา", MemberPosition.TREASURER),
    ("กรรมการ", MemberPosition.MEMBER),
    ("  ผู้แทนองค์กรชุมชน ", MemberPosition.MEMBER),
    ("member", MemberPosition.MEMBER),
])
def test_the_position_words_councils_use_map_to_a_position(typed, position):
    assert _position(typed) == position


def test_an_unknown_position_is_still_refused_in_thai():
    with pytest.raises(CellError) as error:
        _position("นายกสมาคม")
    assert error.value.message.startswith("ไม่รู้จักค่า “นายกสมาคม” ค่าที่ใช้ได้: ประธาน, รองประธาน")
