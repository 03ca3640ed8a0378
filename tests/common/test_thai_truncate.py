"""Thai text shortened at a word boundary (common.thai.thai_truncate and its filter)."""

import pytest
from django.template import Context, Template
from pythainlp.tokenize import word_tokenize

from common.thai import thai_truncate

# A plan item with no title: the review page's message named it by a 60-character slice,
# "…อบต.บ้านหลวงเพ” แล้ว".
REVIEW_ITEM = "ทำฝายชะลอน้ำห้วยแม่ยางและขุดลอกคลองส่งน้ำเสนอ อบต.บ้านหลวงเพชรบูรณ์ บรรจุในแผนพัฒนาท้องถิ่นปี 2570"
TEXTS = [
    REVIEW_ITEM,
    "สภาองค์กรชุมชนตำบลบ้านหลวงจัดเวทีประชาคมเพื่อทบทวนแผนพัฒนาชุมชนร่วมกับองค์การบริหารส่วนตำบล",
    "น้ำประปาหมู่บ้านไม่ไหลมาสามวันแล้ว ผู้สูงอายุและเด็กเล็กได้รับความเดือดร้อนอย่างมาก",
]


def _words(text):
    return word_tokenize(text, engine="newmm", keep_whitespace=True)


@pytest.mark.parametrize("text", TEXTS)
@pytest.mark.parametrize("limit", [10, 20, 25, 33, 40, 52, 60])
def test_thai_is_cut_between_words_never_inside_one(text, limit):
    short = thai_truncate(text, limit)
    assert len(short) <= limit and short.endswith("…")
    kept = short[:-1]
    assert text.startswith(kept)
    boundaries, at = {0}, 0
    for word in _words(text):
        at += len(word)
        boundaries.add(at)
    assert len(kept) in boundaries, (kept, text[len(kept) : len(kept) + 10])


def test_the_saved_review_message_case_keeps_the_lao_name_whole():
    short = thai_truncate(REVIEW_ITEM, 60)
    assert REVIEW_ITEM[:60].endswith("อบต.บ้านหลวงเพ")  # what the slice did
    assert short == "ทำฝายชะลอน้ำห้วยแม่ยางและขุดลอกคลองส่งน้ำเสนอ อบต.บ้านหลวง…"


def test_short_text_is_untouched_and_none_is_empty():
    assert thai_truncate("ฝายชะลอน้ำ", 60) == "ฝายชะลอน้ำ"
    assert thai_truncate("ฝายชะลอน้ำ", 10) == "ฝายชะลอน้ำ"
    assert thai_truncate(None, 10) == ""


def test_a_single_word_longer_than_the_room_is_cut_after_a_whole_letter():
    # No word boundary fits: cut between characters, but never leave a tone mark or vowel
    # sign without its consonant, nor a leading vowel without the consonant after it.
    short = thai_truncate("ก่" * 20, 6)
    assert short == "ก่ก่…" and len(short) <= 6
    assert thai_truncate("เกเกเกเกเก", 4) == "เก…"


def test_the_template_filter():
    html = Template("{% load thai %}{{ text|thai_truncate:30 }}|{{ none|thai_truncate:5 }}").render(
        Context({"text": REVIEW_ITEM, "none": None})
    )
    assert html == thai_truncate(REVIEW_ITEM, 30) + "|"
    assert html == "ทำฝายชะลอน้ำห้วยแม่ยางและขุด…|"
