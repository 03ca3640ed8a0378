"""{% select_options %}: the saved choice selected, or what the person sent back on the row
the form came back for; values and labels escaped."""

from django.template import Context, Template

TEMPLATE = Template("{% load options %}{% select_options choices saved bound_value=sent bound_item=bound item=item %}")
CHOICES = [(1, "โครงการ <ก>"), (2, 'ถนน "ใหม่"'), ("x&y", "อื่น ๆ")]


def render(**context):
    return TEMPLATE.render(Context({"choices": CHOICES, "item": 7, **context}))


def test_the_saved_choice_is_selected_and_text_escaped():
    html = render(saved=2)
    assert html == (
        '<option value="1">โครงการ &lt;ก&gt;</option>'
        '<option value="2" selected>ถนน &quot;ใหม่&quot;</option>'
        '<option value="x&amp;y">อื่น ๆ</option>'
    )


def test_what_was_sent_back_wins_on_its_own_row_only():
    assert '<option value="1" selected>' in render(saved=2, sent="1", bound=7)
    assert '<option value="2" selected>' in render(saved=2, sent="1", bound=8)
    assert "selected" not in render(saved=None)
