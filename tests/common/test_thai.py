import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.template import Context, Template

from common.thai import be_years, current_fiscal_year, fiscal_year_bounds, fiscal_year_of, thai_date, thai_digits
from common.validators import validate_be_year, validate_ce_date


@pytest.mark.parametrize(
    ("day", "fy"),
    [
        (dt.date(2025, 9, 30), 2568),
        (dt.date(2025, 10, 1), 2569),
        (dt.date(2026, 9, 30), 2569),
        (dt.date(2026, 10, 1), 2570),
        (dt.date(2026, 1, 15), 2569),
    ],
)
def test_fiscal_year_is_named_by_the_year_it_ends(day, fy):
    assert fiscal_year_of(day) == fy


def test_fiscal_year_bounds():
    assert fiscal_year_bounds(2569) == (dt.date(2025, 10, 1), dt.date(2026, 9, 30))


def test_current_fiscal_year_uses_the_given_day():
    assert current_fiscal_year(dt.date(2026, 11, 25)) == 2570


def test_thai_date_styles():
    day = dt.date(2025, 11, 25)
    assert thai_date(day) == "25 พ.ย. 2568"
    assert thai_date(day, "long") == "25 พฤศจิกายน 2568"
    assert thai_date(day, "short") == "25 พ.ย. 68"
    assert thai_date(day, "long", digits=True) == "๒๕ พฤศจิกายน ๒๕๖๘"
    assert thai_date(None) == ""


def test_thai_date_of_aware_datetime_is_in_bangkok_time():
    moment = dt.datetime(2025, 12, 31, 18, 30, tzinfo=dt.UTC)  # 01:30 on 1 Jan in Bangkok
    assert thai_date(moment, "datetime") == "1 ม.ค. 2569 01:30 น."


def test_thai_digits():
    assert thai_digits(2569) == "๒๕๖๙"


def test_template_filters():
    out = Template('{% load thai %}{{ d|thai_date:"long" }}|{{ d|fiscal_year }}|{{ n|thai_digits }}').render(
        Context({"d": dt.date(2025, 10, 1), "n": 123})
    )
    assert out == "1 ตุลาคม 2568|2569|๑๒๓"


def test_christian_era_year_is_refused_where_buddhist_era_is_stored():
    with pytest.raises(ValidationError) as exc:
        validate_be_year(2026)
    assert exc.value.messages == ["ปี 2026 ดูเหมือนเป็นปี ค.ศ. กรุณากรอกเป็นปี พ.ศ. (เช่น 2569)"]
    validate_be_year(2569)
    with pytest.raises(ValidationError):
        validate_be_year(3000)


def test_buddhist_era_year_is_refused_where_christian_era_date_is_stored():
    with pytest.raises(ValidationError) as exc:
        validate_ce_date(dt.date(2568, 11, 25))
    assert "พ.ศ." in exc.value.messages[0]
    validate_ce_date(dt.date(2025, 11, 25))


def test_typed_text_loses_invisible_characters_and_is_nfc():
    from common.thai import clean_typed_text

    assert clean_typed_text("CO\u200b500\u200c203\u200d001\u2060\ufeff\u00ad") == "CO500203001"
    assert clean_typed_text("cafe\u0301") == "caf\u00e9"
    assert clean_typed_text("กลุ่มออมทรัพย์บ้านน้ำตก") == "กลุ่มออมทรัพย์บ้านน้ำตก"


def test_be_years_turns_only_ce_years_of_a_label():
    assert be_years("มีนาคม 2026") == "มีนาคม 2569"
    assert be_years("2026") == "2569"
    assert be_years("15 มีนาคม") == "15 มีนาคม"
    assert be_years("มีนาคม 2569") == "มีนาคม 2569"  # already BE
    assert be_years("รหัส 500203") == "รหัส 500203"  # not a year
