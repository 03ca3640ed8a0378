"""templates/includes/field.html: the help text is the one the input points at."""

import re

from django import forms
from django.template.loader import render_to_string


class HelpForm(forms.Form):
    agenda = forms.CharField(label="ระเบียบวาระ", help_text="หนึ่งบรรทัดต่อหนึ่งวาระ", widget=forms.Textarea)


def test_the_help_text_carries_the_id_the_input_is_described_by():
    html = render_to_string("includes/field.html", {"field": HelpForm()["agenda"]})
    described_by = re.search(r'<textarea[^>]* aria-describedby="([^"]+)"', html).group(1)
    assert described_by == "id_agenda_helptext"
    assert f'<p class="help" id="{described_by}">หนึ่งบรรทัดต่อหนึ่งวาระ</p>' in html
