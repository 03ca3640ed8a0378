from django import template
from django.template.defaultfilters import linebreaks_filter
from django.utils.safestring import mark_safe

from ..content import sanitize_minutes

register = template.Library()


@register.filter
def minutes_html(value: str) -> str:
    """Minutes as safe HTML: sanitised again on the way out (minutes saved before they were
    sanitised, or written in the admin, are plain text or unchecked HTML)."""
    if not value:
        return ""
    if "<" not in value:
        return linebreaks_filter(value, autoescape=True)
    return mark_safe(sanitize_minutes(value)[0])  # noqa: S308 - nh3 keeps only basic tags
