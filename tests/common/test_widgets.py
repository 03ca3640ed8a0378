"""common.widgets.PortalFormRenderer writes selects, checkbox lists and radios in Python:
the markup must be Django's, byte for byte, whatever the options hold."""

import pytest
from django import forms
from django.forms.renderers import DjangoTemplates
from django.utils.safestring import mark_safe

from common.widgets import PortalFormRenderer

CHOICES = [
    ("", "— เลือก —"),
    ("50", "เชียงใหม่"),
    ("10", 'กรุงเทพฯ <b>&"'),
    (3, 2569),
    ("safe", mark_safe("<i>ไม่ต้อง escape</i>")),
]
GROUPED = [("ภาคเหนือ", [("50", "เชียงใหม่"), ("57", "เชียงราย")]), ("ภาคกลาง", [("10", "กรุงเทพฯ")]), ("x", "ไม่มีกลุ่ม")]


class SampleForm(forms.Form):
    plain = forms.ChoiceField(choices=CHOICES, required=False)
    grouped = forms.ChoiceField(choices=GROUPED, widget=forms.Select(attrs={"class": "wide", "data-x": 'a"b'}))
    many = forms.MultipleChoiceField(choices=CHOICES[1:], widget=forms.SelectMultiple)
    boxes = forms.MultipleChoiceField(choices=CHOICES[1:], widget=forms.CheckboxSelectMultiple(attrs={"class": "grid"}))
    grouped_boxes = forms.MultipleChoiceField(choices=GROUPED, widget=forms.CheckboxSelectMultiple)
    radios = forms.ChoiceField(choices=CHOICES[1:], widget=forms.RadioSelect)
    kind = forms.TypedChoiceField(
        choices=[(1, "หนึ่ง"), (2, "สอง")], coerce=int, widget=forms.RadioSelect, required=False
    )
    disabled = forms.ChoiceField(choices=CHOICES, disabled=True)


DATA = [
    None,
    {
        "plain": "10",
        "grouped": "57",
        "many": ["50", "safe"],
        "boxes": ["3"],
        "grouped_boxes": ["x", "10"],
        "radios": "50",
        "kind": "2",
    },
    {"plain": "<script>", "boxes": ["nope"]},
]


@pytest.mark.parametrize("data", DATA)
@pytest.mark.parametrize("field", list(SampleForm.base_fields))
def test_same_markup_as_djangos_templates(data, field):
    fast = SampleForm(data=data, renderer=PortalFormRenderer())[field]
    slow = SampleForm(data=data, renderer=DjangoTemplates())[field]
    assert str(fast.as_widget()) == str(slow.as_widget())
    assert str(fast) == str(slow)
    for fast_box, slow_box in zip(fast.subwidgets, slow.subwidgets, strict=True):
        assert str(fast_box.tag()) == str(slow_box.tag())
        assert str(fast_box.tag(wrap_label=False)) == str(slow_box.tag(wrap_label=False))
        assert str(fast_box) == str(slow_box)


@pytest.mark.django_db
def test_model_choices_render_the_same(world):
    from geo.models import District

    class DistrictForm(forms.Form):
        district = forms.ModelChoiceField(queryset=District.objects.order_by("code"))
        districts = forms.ModelMultipleChoiceField(
            queryset=District.objects.order_by("code"), widget=forms.CheckboxSelectMultiple
        )

    first = District.objects.order_by("code").first()
    data = {"district": first.pk, "districts": [first.pk]}
    for field in ("district", "districts"):
        fast = DistrictForm(data=data, renderer=PortalFormRenderer())[field]
        slow = DistrictForm(data=data, renderer=DjangoTemplates())[field]
        assert str(fast) == str(slow)


def test_the_portal_uses_it(settings):
    from django.forms.renderers import get_default_renderer

    get_default_renderer.cache_clear()
    try:
        assert isinstance(get_default_renderer(), PortalFormRenderer)
    finally:
        get_default_renderer.cache_clear()
