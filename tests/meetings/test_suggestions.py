import pytest
from django.core.cache import caches
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from accounts.models import Notification
from meetings.choices import SuggestionStatus
from meetings.models import Suggestion
from meetings.services import suggestions as services

from ..conftest import client_for

pytestmark = pytest.mark.django_db

TEXT = "ขอให้มีรถรับส่งผู้สูงอายุไปโรงพยาบาล"


@pytest.fixture(autouse=True)
def _fresh_cache():
    caches["shared"].clear()
    yield
    caches["shared"].clear()


def _url(world):
    return reverse("meetings:suggestion_public", args=[world.district.code])


def test_public_send_is_pending_and_tells_the_district_officers(client, world, officer_d, officer_e):
    response = client.post(_url(world), {"text": TEXT, "name": "ป้าแดง"})
    assert response.status_code == 302
    suggestion = Suggestion.objects.get()
    assert (suggestion.status, suggestion.name, suggestion.sender) == (SuggestionStatus.PENDING, "ป้าแดง", None)
    assert list(Notification.objects.values_list("user__username", flat=True)) == ["officer_d"]
    assert TEXT not in client.get(_url(world)).content.decode()  # not published yet


def test_signed_in_sender_is_recorded(client, world, staff_x):
    client_for(client, staff_x).post(_url(world), {"text": TEXT})
    assert Suggestion.objects.get().sender == staff_x


def test_honeypot_is_thanked_and_dropped(client, world):
    response = client.post(_url(world), {"text": TEXT, "website": "http://spam.example"})
    assert response.status_code == 302 and Suggestion.objects.count() == 0


def test_throttled_per_client_address(client, world, settings):
    settings.SUGGESTION_RATE_PER_HOUR = 2
    for _ in range(2):
        assert client.post(_url(world), {"text": TEXT}, REMOTE_ADDR="203.0.113.5").status_code == 302
    response = client.post(_url(world), {"text": TEXT}, REMOTE_ADDR="203.0.113.5")
    assert response.status_code == 429
    assert "ส่งข้อเสนอแนะบ่อยเกินไป กรุณาลองใหม่ในอีกหนึ่งชั่วโมง" in response.content.decode()
    assert client.post(_url(world), {"text": TEXT}, REMOTE_ADDR="203.0.113.6").status_code == 302
    assert Suggestion.objects.count() == 3


def test_too_short_is_refused_in_thai_and_writes_nothing(client, world):
    response = client.post(_url(world), {"text": "สั้น"})
    assert response.status_code == 200
    assert response.context["form"].errors == {"text": ["กรุณาเขียนข้อเสนอแนะอย่างน้อย 10 ตัวอักษร"]}
    assert Suggestion.objects.count() == 0


def test_unknown_district_is_404(client, db):
    assert client.get(reverse("meetings:suggestion_public", args=["9999"])).status_code == 404


def test_publish_then_answer_shows_on_the_public_page_and_tells_the_sender(client, world, officer_d, staff_x):
    suggestion = services.suggestion_send(district=world.district, text=TEXT, sender=staff_x)
    services.suggestion_publish(suggestion_id=suggestion.pk, by=officer_d)
    services.suggestion_answer(suggestion_id=suggestion.pk, by=officer_d, answer="จะเสนอในการประชุมครั้งหน้า")
    page = client.get(_url(world)).content.decode()
    assert TEXT in page and "จะเสนอในการประชุมครั้งหน้า" in page
    assert list(Notification.objects.filter(user=staff_x).values_list("url", flat=True)) == [
        f"/meetings/suggestions/5002/#suggestion-{suggestion.pk}"
    ]


def test_reject_needs_a_reason_and_keeps_it_off_the_public_page(client, world, officer_d):
    suggestion = services.suggestion_send(district=world.district, text=TEXT)
    with pytest.raises(ValidationError) as error:
        services.suggestion_reject(suggestion_id=suggestion.pk, by=officer_d, reason="")
    assert error.value.message_dict == {"text": ["กรุณาระบุเหตุผลที่ไม่เผยแพร่"]}
    services.suggestion_reject(suggestion_id=suggestion.pk, by=officer_d, reason="มีข้อมูลส่วนบุคคล")
    suggestion.refresh_from_db()
    assert (suggestion.status, suggestion.reject_reason) == (SuggestionStatus.REJECTED, "มีข้อมูลส่วนบุคคล")
    assert TEXT not in client.get(_url(world)).content.decode()


def test_moderated_twice_is_refused(world, officer_d):
    suggestion = services.suggestion_send(district=world.district, text=TEXT)
    services.suggestion_publish(suggestion_id=suggestion.pk, by=officer_d)
    with pytest.raises(ValidationError) as error:
        services.suggestion_reject(suggestion_id=suggestion.pk, by=officer_d, reason="ซ้ำ")
    assert error.value.messages == ["ข้อเสนอแนะนี้ตรวจสอบไปแล้ว"]


def test_answer_before_publishing_is_refused(world, officer_d):
    suggestion = services.suggestion_send(district=world.district, text=TEXT)
    with pytest.raises(ValidationError) as error:
        services.suggestion_answer(suggestion_id=suggestion.pk, by=officer_d, answer="ตอบ")
    assert error.value.messages == ["ตอบได้เฉพาะข้อเสนอแนะที่เผยแพร่แล้ว"]


@pytest.mark.parametrize("persona", ["officer_e", "codi_staff", "staff_x"])
def test_only_the_districts_officers_moderate(world, persona, request):
    suggestion = services.suggestion_send(district=world.district, text=TEXT)
    with pytest.raises(PermissionDenied):
        services.suggestion_publish(suggestion_id=suggestion.pk, by=request.getfixturevalue(persona))
    suggestion.refresh_from_db()
    assert suggestion.status == SuggestionStatus.PENDING


def test_codi_reads_the_moderation_page_without_forms(client, world, codi_staff):
    services.suggestion_send(district=world.district, text=TEXT)
    response = client_for(client, codi_staff).get(reverse("meetings:suggestion_moderation", args=["5002"]))
    assert response.status_code == 200 and response.context["can_moderate"] is False


def test_moderation_page_reject_without_reason_shows_the_error(client, world, officer_d):
    suggestion = services.suggestion_send(district=world.district, text=TEXT)
    url = reverse("meetings:suggestion_moderate", args=["5002", suggestion.pk])
    response = client_for(client, officer_d).post(url, {"action": "reject", "text": ""})
    assert response.status_code == 200 and response.context["bound_id"] == suggestion.pk
    assert response.context["form"].errors == {"text": ["กรุณาระบุเหตุผลที่ไม่เผยแพร่"]}


@pytest.mark.parametrize("count", [2, 8])
def test_public_page_queries_do_not_grow(client, world, officer_d, count, django_assert_max_num_queries):
    for n in range(count):
        s = services.suggestion_send(district=world.district, text=f"{TEXT} {n}")
        services.suggestion_publish(suggestion_id=s.pk, by=officer_d)
    with django_assert_max_num_queries(4):
        response = client.get(_url(world))
    assert len(response.context["suggestions"]) == count


@pytest.mark.parametrize("count", [2, 8])
def test_moderation_page_queries_do_not_grow(client, world, officer_d, count, django_assert_max_num_queries):
    for n in range(count):
        services.suggestion_send(district=world.district, text=f"{TEXT} {n}")
    client_for(client, officer_d)
    with django_assert_max_num_queries(9):
        response = client.get(reverse("meetings:suggestion_moderation", args=["5002"]))
    assert len(response.context["suggestions"]) == count


def test_the_hourly_limit_is_kept_in_the_database_shared_by_every_worker(client, world, settings):
    """Another web worker has its own memory but the same database: the count must live there."""
    from django.db import connection

    settings.SUGGESTION_RATE_PER_HOUR = 1
    assert client.post(_url(world), {"text": TEXT}, REMOTE_ADDR="203.0.113.9").status_code == 302
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM portal_shared_cache")
        assert cursor.fetchone()[0] == 1
    caches["default"].clear()  # a worker's own memory holds nothing of it
    assert client.post(_url(world), {"text": TEXT}, REMOTE_ADDR="203.0.113.9").status_code == 429
