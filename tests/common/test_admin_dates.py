"""The admin reads, writes and shows dates in the Buddhist era, in every model admin and
inline (common/admin_dates.py): the walk below goes through the whole registry, so an admin
added later that shows a Christian-era date field fails here."""

import datetime as dt
import re
from zoneinfo import ZoneInfo

import pytest
from django import forms
from django.contrib import admin
from django.test import RequestFactory

from accounts.models import ApiToken
from common.admin_dates import AdminBEDateInput, BESplitDateTimeField, PortalAdminSite
from common.forms import BEDateField
from councils.models import Activity, Council

from ..factories import ActivityFactory, UserFactory

pytestmark = pytest.mark.django_db
BANGKOK = ZoneInfo("Asia/Bangkok")


def _ce_date_fields(form_class) -> list[str]:
    """The date fields of a form that are not the BE ones (with the BE picker's script)."""
    out = []
    for name, field in form_class.base_fields.items():
        if isinstance(field, forms.SplitDateTimeField):
            ok = isinstance(field, BESplitDateTimeField) and isinstance(field.widget.widgets[0], AdminBEDateInput)
        elif isinstance(field, forms.DateTimeField):
            ok = False  # a date and time typed as one CE string
        elif isinstance(field, forms.DateField):
            ok = isinstance(field, BEDateField) and isinstance(field.widget, AdminBEDateInput)
        else:
            continue
        if not ok or "js/be-date.js" not in str(field.widget.media):
            out.append(name)
    return out


def _forms_of(model_admin, request):
    """Every form class the admin builds for a model: the add form, the change form and
    each inline's form for both."""
    model = model_admin.model
    for obj in (None, model()):
        yield model.__name__, model_admin.get_form(request, obj)
        for inline in model_admin.get_inline_instances(request, obj):
            yield f"{model.__name__} › {inline.model.__name__}", inline.get_formset(request, obj).form


@pytest.fixture
def superuser_request():
    request = RequestFactory().get("/admin/")
    request.user = UserFactory(username="root", is_staff=True, is_superuser=True)
    return request


def test_every_date_field_of_every_admin_and_inline_is_typed_in_be(superuser_request):
    assert isinstance(admin.site._wrapped, PortalAdminSite)
    found, ce = 0, []
    for model_admin in admin.site._registry.values():
        for label, form_class in _forms_of(model_admin, superuser_request):
            found += sum(
                isinstance(f, (forms.DateField, forms.SplitDateTimeField)) for f in form_class.base_fields.values()
            )
            ce += [f"{label}.{name}" for name in _ce_date_fields(form_class)]
    assert ce == []
    assert found > 20  # the walk saw the admins' date fields (councils, meetings, plans, tokens...)


def test_the_walk_sees_a_ce_date_field(superuser_request):
    # An admin on Django's own site keeps Django's CE widgets ...
    plain = admin.ModelAdmin(Activity, admin.AdminSite())
    assert _ce_date_fields(plain.get_form(superuser_request, None)) == ["date"]

    # ... and on the portal's site, a date field a form declares by hand is still seen.
    class HandMadeForm(forms.ModelForm):
        date = forms.DateField()

    class HandMadeAdmin(admin.ModelAdmin):
        form = HandMadeForm

    site = PortalAdminSite()
    site.register(Activity, HandMadeAdmin)
    assert _ce_date_fields(site._registry[Activity].get_form(superuser_request, None)) == ["date"]
    site.unregister(Activity)
    site.register(Activity)  # a ModelAdmin with nothing declared: BE
    assert _ce_date_fields(site._registry[Activity].get_form(superuser_request, None)) == []


@pytest.fixture
def admin_client(client):
    client.force_login(UserFactory(username="root", is_staff=True, is_superuser=True))
    return client


def _council_form(council, **overrides):
    data = {
        "subdistrict": council.subdistrict_id,
        "name": council.name,
        "status": council.status,
        "registration_number": "",
        "registered_on": "",
        "address": "",
        "phone": "",
        "email": "",
        "contact_name": "",
        "lao": "",
        "is_published": "on",
    }
    data.update(overrides)
    return data


def test_the_change_form_shows_the_be_date_and_the_be_picker(admin_client, world):
    Council.objects.filter(pk=world.council_x.pk).update(registered_on=dt.date(2026, 3, 15))
    page = admin_client.get(f"/admin/councils/council/{world.council_x.pk}/change/").content.decode()
    field = re.search(r'<input[^>]*name="registered_on"[^>]*>', page)[0]
    assert 'value="15/03/2569"' in field and "data-be-date" in field and "vDateField" not in field
    assert "/static/js/be-date.js" in page and "/static/css/admin-be-date.css" in page
    assert "/static/admin/js/calendar.js" not in page  # no CE calendar on a page with only dates


def test_a_be_date_typed_in_thai_digits_is_stored_in_ce(admin_client, world):
    url = f"/admin/councils/council/{world.council_x.pk}/change/"
    response = admin_client.post(url, _council_form(world.council_x, registered_on="๑๕/๐๓/๒๕๖๙"))
    assert response.status_code == 302
    world.council_x.refresh_from_db()
    assert world.council_x.registered_on == dt.date(2026, 3, 15)


@pytest.mark.parametrize(
    "typed, message",
    [
        ("15/03/2026", "ปี 2026 เป็นปี ค.ศ. แต่ช่องนี้ใช้ปี พ.ศ. กรุณาพิมพ์ปี พ.ศ. (เช่น 2569)"),
        ("31/02/2569", "ไม่มีวันที่นี้ในปฏิทิน"),
        ("2569", "รูปแบบวันที่ไม่ถูกต้อง"),
    ],
)
def test_a_bad_date_is_refused_with_a_thai_message(admin_client, world, typed, message):
    url = f"/admin/councils/council/{world.council_x.pk}/change/"
    response = admin_client.post(url, _council_form(world.council_x, registered_on=typed))
    assert response.status_code == 200
    assert message in response.content.decode()
    world.council_x.refresh_from_db()
    assert world.council_x.registered_on == dt.date(2012, 5, 1)


def _token(user):
    return ApiToken.objects.create(user=user, name="ระบบจังหวัด", prefix="abcd1234", key_hash="f" * 64)


def test_a_date_and_time_is_typed_with_a_be_date(admin_client):
    token = _token(UserFactory(username="somchai"))
    url = f"/admin/accounts/apitoken/{token.pk}/change/"
    page = admin_client.get(url).content.decode()
    assert re.search(r'<input[^>]*name="revoked_at_0"[^>]*data-be-date', page)
    # The audit timestamp is read only, shown in BE.
    created = dt.datetime.now(BANGKOK)
    assert f"{created.year + 543}" in re.search(r"สร้างเมื่อ.*?</div>\s*</div>", page, re.S)[0]

    response = admin_client.post(url, {"revoked_at_0": "๑๕/๐๓/๒๕๖๙", "revoked_at_1": "14:30"})
    assert response.status_code == 302
    token.refresh_from_db()
    assert token.revoked_at == dt.datetime(2026, 3, 15, 14, 30, tzinfo=BANGKOK)
    assert "15/03/2569" in admin_client.get(url).content.decode()

    response = admin_client.post(url, {"revoked_at_0": "15/03/2026", "revoked_at_1": "14:30"})
    assert response.status_code == 200
    assert "เป็นปี ค.ศ. แต่ช่องนี้ใช้ปี พ.ศ." in response.content.decode()
    response = admin_client.post(url, {"revoked_at_0": "", "revoked_at_1": "14:30"})
    assert "กรุณากรอกวันที่ (วว/ดด/ปปปป พ.ศ.)" in response.content.decode()


def test_the_change_list_shows_dates_and_its_drill_down_in_be(admin_client, world):
    ActivityFactory(council=world.council_x, date=dt.date(2026, 3, 15), title="เวทีเดือนมีนาคม")
    page = admin_client.get("/admin/councils/activity/").content.decode()
    assert "15 มี.ค. 2569" in page and "2026" not in re.sub(r"<script.*?</script>|href=\"[^\"]*\"", "", page, flags=re.S)
    # The drill-down by year, then month.
    assert re.search(r'<nav class="toplinks">.*2569.*</nav>', page, re.S)
    page = admin_client.get("/admin/councils/activity/?date__year=2026").content.decode()
    assert "มีนาคม 2569" in page and "มีนาคม 2026" not in page


def test_an_unchanged_date_sent_back_as_the_hidden_initial_is_not_a_change():
    # A field with a callable default (a user's "date joined") sends its initial value back
    # in hidden inputs; read in BE, it must compare equal to itself.
    from django.forms.widgets import MultiWidget

    joined = dt.datetime(2026, 3, 15, 14, 30, tzinfo=BANGKOK)
    field = BESplitDateTimeField()
    hidden = field.hidden_widget()
    assert isinstance(hidden, MultiWidget)
    html = hidden.render("joined", joined)
    assert 'value="15/03/2569"' in html and 'value="14:30:00"' in html
    data = dict(re.findall(r'name="(joined_\d)" value="([^"]*)"', html))
    assert not field.has_changed(joined, hidden.value_from_datadict(data, {}, "joined"))

    day = BEDateField()
    assert 'value="15/03/2569"' in day.hidden_widget().render("day", dt.date(2026, 3, 15))
    assert not day.has_changed(dt.date(2026, 3, 15), "15/03/2569")
