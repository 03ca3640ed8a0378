"""{% load plan_links %}{% url_if_served "plans:proposal_detail" pk=proposal.pk as href %}

A link to a page that another part of the plans app serves, or "" while that page does
not exist yet (the plan page shows the proposal's title and status either way)."""

from django import template
from django.urls import NoReverseMatch, reverse

register = template.Library()


@register.simple_tag
def url_if_served(name: str, **kwargs) -> str:
    try:
        return reverse(name, kwargs=kwargs)
    except NoReverseMatch:
        return ""
