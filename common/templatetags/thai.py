"""Template filters for Thai dates, fiscal years and digits.

    {% load thai %}
    {{ activity.date|thai_date }}          25 พ.ย. 2568
    {{ activity.date|thai_date:"long" }}   25 พฤศจิกายน 2568
    {{ report.fiscal_year|thai_digits }}   ๒๕๖๙
    {{ some_date|fiscal_year }}            2569
    {{ "มีนาคม 2026"|be_years }}            มีนาคม 2569
    {{ item.description|thai_truncate:60 }} cut at a word boundary, with "…"
"""

from django import template

from common import thai

register = template.Library()


@register.filter
def thai_date(value, style="medium"):
    return thai.thai_date(value, style)


@register.filter
def thai_date_digits(value, style="medium"):
    return thai.thai_date(value, style, digits=True)


@register.filter
def be_years(value):
    """The Christian-era years in a label made Buddhist era: "มีนาคม 2026" → "มีนาคม 2569"."""
    return thai.be_years(value)


@register.filter
def thai_digits(value):
    if value is None:
        return ""
    return thai.thai_digits(value)


@register.filter
def fiscal_year(value):
    if not value:
        return ""
    if hasattr(value, "date") and callable(value.date):
        value = value.date()
    return thai.fiscal_year_of(value)


@register.filter
def percent(value, digits=0):
    if value is None:
        return "–"
    return f"{value:.{int(digits)}f}%"


@register.filter
def thai_truncate(value, max_chars):
    """Shortened to ``max_chars`` characters at a Thai word boundary (never mid-word)."""
    if value is None:
        return ""
    return thai.thai_truncate(value, int(max_chars))
