"""<option> lists written in Python, for a page that repeats one long select per row.

    {% load options %}
    <select name="status">{% select_options choices alignment.status %}</select>
    {% select_options choices saved_value bound_value=form.x.value bound_item=bound_item_id item=item.pk %}

Each option is compared as text with the selected value: the saved one, or the one the
person just sent back (``bound_value``) on the row the form came back for
(``bound_item == item``: a form refused with errors keeps what was typed). Profiled: the district's plan review repeated a select of
every LAO project for every plan item in template code (items × projects options, each
with nested ``{% if %}``), ~40 % of the page's time.
"""

from django import template
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe

register = template.Library()


@register.simple_tag
def select_options(choices, selected, bound_value=None, bound_item=None, item=None):
    chosen = bound_value if bound_item is not None and bound_item == item else selected
    chosen = "" if chosen is None else str(chosen)
    return mark_safe(
        "".join(
            f'<option value="{conditional_escape(value)}"{" selected" if str(value) == chosen else ""}>'
            f"{conditional_escape(label)}</option>"
            for value, label in choices
        )
    )
