"""The form renderer: Django's own, with the widgets that list many choices written out in
Python instead of one template include per choice.

Profiled on the national world (bench/profile_pages.py): a select of 928 districts or a
checkbox list of agencies spent ~90 % of its page's time in Django's per-option template
includes (``select_option.html`` → ``attrs.html`` for each option): the report request page
took ~500 ms, ~450 of them rendering its selects. The markup written here is the same,
byte for byte, as Django's templates for these widgets (tests/common/test_widgets.py
renders each both ways and compares); any other widget, and an option with a template of
its own, go through the templates as before.
"""

from __future__ import annotations

from django.forms.renderers import DjangoTemplates
from django.template import Context
from django.template.base import render_value_in_context
from django.utils.html import conditional_escape, escape
from django.utils.safestring import SafeData, mark_safe

SELECT = "django/forms/widgets/select.html"
MULTIPLE_INPUT = ("django/forms/widgets/checkbox_select.html", "django/forms/widgets/radio.html")
SELECT_OPTION = "django/forms/widgets/select_option.html"
INPUT_OPTIONS = ("django/forms/widgets/checkbox_option.html", "django/forms/widgets/radio_option.html")


def _stringformat(value) -> str:
    """``{{ value|stringformat:'s' }}`` with autoescaping (the filter keeps safe input safe)."""
    if isinstance(value, SafeData):
        return conditional_escape(value)
    return escape(str(value))


def _attrs(attrs: dict) -> str:
    """django/forms/widgets/attrs.html"""
    out = []
    for name, value in attrs.items():
        if value is False:
            continue
        out.append(f" {conditional_escape(name)}")
        if value is not True:
            out.append(f'="{_stringformat(value)}"')
    return "".join(out)


class _Out:
    def __init__(self):
        self.context = Context(autoescape=True)

    def var(self, value) -> str:
        """``{{ value }}``: a string is only escaped (what localizing leaves of it); numbers,
        dates and lazy text take Django's own path."""
        if type(value) is str:
            return escape(value)
        if isinstance(value, SafeData):
            return value
        return render_value_in_context(value, self.context)


def _all_options(optgroups, template_names) -> bool:
    return all(option["template_name"] in template_names for _g, options, _i in optgroups for option in options)


def render_select(widget: dict) -> str:
    """django/forms/widgets/select.html with select_option.html inlined."""
    out = _Out()
    parts = [f'<select name="{out.var(widget["name"])}"{_attrs(widget["attrs"])}>']
    for group_name, options, _index in widget["optgroups"]:
        if group_name:
            parts.append(f'\n  <optgroup label="{out.var(group_name)}">')
        for option in options:
            parts.append(
                f'\n  <option value="{_stringformat(option["value"])}"{_attrs(option["attrs"])}>'
                f"{out.var(option['label'])}</option>\n"
            )
        if group_name:
            parts.append("\n  </optgroup>")
    parts.append("\n</select>\n")
    return "".join(parts)


def _input_option(option: dict, out: _Out) -> str:
    """django/forms/widgets/input_option.html with input.html inlined."""
    value = "" if option["value"] is None else f' value="{_stringformat(option["value"])}"'
    tag = f'<input type="{out.var(option["type"])}" name="{out.var(option["name"])}"{value}{_attrs(option["attrs"])}>\n'
    if not option["wrap_label"]:
        return tag + "\n"
    label_id = option["attrs"].get("id")
    label_for = f' for="{out.var(label_id)}"' if label_id else ""
    return f"<label{label_for}>{tag} {out.var(option['label'])}</label>\n"


def render_multiple_input(widget: dict) -> str:
    """django/forms/widgets/multiple_input.html (checkboxes and radios)."""
    out = _Out()
    widget_id, css = widget["attrs"].get("id"), widget["attrs"].get("class")
    parts = ["<div"]
    if widget_id:
        parts.append(f' id="{out.var(widget_id)}"')
    if css:
        parts.append(f' class="{out.var(css)}"')
    parts.append(">")
    for group, options, _index in widget["optgroups"]:
        if group:
            parts.append(f"\n  <div><label>{out.var(group)}</label>")
        for option in options:
            # checkbox_option.html / radio_option.html add a line break of their own
            parts.append(f"<div>\n    {_input_option(option, out)}\n</div>")
        if group:
            parts.append("\n  </div>")
    parts.append("\n</div>\n")
    return "".join(parts)


class PortalFormRenderer(DjangoTemplates):
    """settings.FORM_RENDERER"""

    def render(self, template_name, context, request=None):
        widget = context.get("widget") if isinstance(context, dict) else None
        if widget is not None and template_name in INPUT_OPTIONS and "wrap_label" in widget:
            # One checkbox or radio of a list a template lays out itself ({{ box.tag }}).
            return mark_safe(_input_option(widget, _Out()).strip())
        if widget is not None and "optgroups" in widget:
            if template_name == SELECT and _all_options(widget["optgroups"], (SELECT_OPTION,)):
                return mark_safe(render_select(widget).strip())
            if template_name in MULTIPLE_INPUT and _all_options(widget["optgroups"], INPUT_OPTIONS):
                return mark_safe(render_multiple_input(widget).strip())
        return super().render(template_name, context, request=request)
