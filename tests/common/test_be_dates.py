"""The portal's one date parser (common.thai.parse_date) and the form field every date
input uses (common.forms.BEDateField): dd/mm/BBBB in, a CE date stored, dd/mm/BBBB out."""

import datetime as dt

import pytest
from django import forms

from common.forms import BEDateField, BEDateInput
from common.thai import Era, ThaiDateError, format_date, parse_date


@pytest.mark.parametrize(
    "typed",
    [
        "15/03/2567",
        "15-3-2567",
        "15.03.2567",
        " 15 / 03 / 2567 ",
        "๑๕/๐๓/๒๕๖๗",
        "15 มี.ค. 2567",
        "15 มีค 2567",
        "15 มีนาคม 2567",
        "๑๕ มีนาคม ๒๕๖๗",
        "15 มีนาคม พ.ศ. 2567",
        "2567-03-15",
    ],
)
def test_buddhist_era_dates_are_read_in_every_way_people_type_them(typed):
    assert parse_date(typed) == dt.date(2024, 3, 15)


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("15/03/2024", "ปี 2024 เป็นปี ค.ศ. แต่ช่องนี้ใช้ปี พ.ศ. กรุณาพิมพ์ปี พ.ศ. (เช่น 2567)"),
        ("2024-03-15", "ปี 2024 เป็นปี ค.ศ. แต่ช่องนี้ใช้ปี พ.ศ. กรุณาพิมพ์ปี พ.ศ. (เช่น 2567)"),
        ("15/03/67", "ปีต้องมี 4 หลัก ค่าที่พบ “15/03/67” กำกวมว่าเป็นปีใด (เช่น 15/03/2566)"),
        ("15 มี.ค. 67", "ปีต้องมี 4 หลัก ค่าที่พบ “15 มี.ค. 67” กำกวมว่าเป็นปีใด (เช่น 15/03/2566)"),
        ("30/02/2567", "ไม่มีวันที่นี้ในปฏิทิน ค่าที่พบ “30/02/2567”"),
        ("15/03/3567", "ปี พ.ศ. 3567 อยู่นอกช่วงที่เป็นไปได้"),
        ("15 มีนาค 2567", "รูปแบบวันที่ไม่ถูกต้อง ค่าที่พบ “15 มีนาค 2567” กรุณาใช้ วัน/เดือน/ปี เช่น 15/03/2566"),
        ("พรุ่งนี้", "รูปแบบวันที่ไม่ถูกต้อง ค่าที่พบ “พรุ่งนี้” กรุณาใช้ วัน/เดือน/ปี เช่น 15/03/2566"),
        ("01/01/2490", "วันที่เก่าเกินไป (ก่อน พ.ศ. 2493 หรือ ค.ศ. 1950) กรุณาตรวจสอบปี"),
    ],
)
def test_a_ce_or_two_digit_year_and_a_bad_date_are_refused_in_thai(typed, message):
    with pytest.raises(ThaiDateError) as refused:
        parse_date(typed)
    assert refused.value.message == message


def test_an_import_column_names_the_column_and_a_ce_column_refuses_a_be_year():
    with pytest.raises(ThaiDateError) as refused:
        parse_date("15/03/2024", in_column=True)
    assert refused.value.message == "ปี 2024 เป็นปี ค.ศ. แต่คอลัมน์นี้ใช้ปี พ.ศ. (เช่น 2567)"
    assert parse_date("15/03/2024", era=Era.CE) == dt.date(2024, 3, 15)
    with pytest.raises(ThaiDateError, match="เป็นปี พ.ศ. แต่คอลัมน์นี้ใช้ปี ค.ศ."):
        parse_date("15/03/2567", era=Era.CE)


def test_format_date_writes_dd_mm_and_the_buddhist_year():
    assert format_date(dt.date(2024, 3, 5)) == "05/03/2567"
    assert format_date(dt.date(2024, 3, 5), Era.CE) == "05/03/2024"
    assert format_date(None) == ""


class _Form(forms.Form):
    day = BEDateField(label="วันที่", required=False)


def test_the_field_renders_a_text_input_with_the_be_date_never_type_date():
    html = str(_Form(initial={"day": dt.date(2022, 2, 22)})["day"])
    assert 'type="text"' in html and 'type="date"' not in html
    assert 'value="22/02/2565"' in html
    assert "data-be-date" in html and 'placeholder="วว/ดด/ปปปป เช่น 15/03/2568"' in html
    assert BEDateInput().format_value(dt.datetime(2022, 2, 22, 9, 30)) == "22/02/2565"


def test_the_field_cleans_thai_digits_to_the_ce_date_and_keeps_what_was_typed_on_error():
    form = _Form({"day": "๒๒/๐๒/๒๕๖๕"})
    assert form.is_valid() and form.cleaned_data["day"] == dt.date(2022, 2, 22)
    bad = _Form({"day": "02/22/2022"})
    assert not bad.is_valid()
    assert bad.errors["day"] == ["ปี 2022 เป็นปี ค.ศ. แต่ช่องนี้ใช้ปี พ.ศ. กรุณาพิมพ์ปี พ.ศ. (เช่น 2565)"]
    assert 'value="02/22/2022"' in str(bad["day"])  # shown back as typed, to be corrected
    assert _Form({"day": ""}).is_valid()


def test_an_unchanged_date_is_not_a_change():
    form = _Form({"day": "22/02/2565"}, initial={"day": dt.date(2022, 2, 22)})
    assert form.has_changed() is False
