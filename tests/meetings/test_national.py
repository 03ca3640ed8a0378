"""A national consultation (CODI with DOPA, DLA and CDD): CODI's national staff call it in
their pages; regional CODI staff and everyone else are refused."""

import pytest

from meetings.choices import MeetingKind, MeetingStatus
from meetings.models import Meeting

pytestmark = pytest.mark.django_db

URL = "/meetings/national/new/"
FORM = {
    "kind": MeetingKind.NATIONAL, "title": "ประชุมปรึกษาหารือ พอช. กรมการปกครอง สถ. และ พช.",
    "date": "22/02/2569", "start_time": "09:30", "end_time": "12:00", "place": "กรมการปกครอง",
    "agenda": "เรื่องที่ประธานแจ้งให้ที่ประชุมทราบ\nการเชื่อมโยงแผนชุมชนกับแผนท้องถิ่น",
}


def test_codi_national_staff_call_a_national_consultation(client, codi_staff):
    client.force_login(codi_staff)
    page = client.get(URL)
    assert page.status_code == 200 and "การปรึกษาหารือระดับประเทศ" in page.content.decode()
    response = client.post(URL, FORM)
    meeting = Meeting.objects.get()
    assert response.status_code == 302 and response["Location"] == meeting.get_absolute_url()
    assert (meeting.kind, meeting.district_id, meeting.council_id, meeting.status) == (
        MeetingKind.NATIONAL, None, None, MeetingStatus.PLANNED
    )
    assert [a.title for a in meeting.agenda.all()] == [
        "เรื่องที่ประธานแจ้งให้ที่ประชุมทราบ", "การเชื่อมโยงแผนชุมชนกับแผนท้องถิ่น"
    ]
    assert client.get(meeting.get_absolute_url()).status_code == 200


@pytest.mark.parametrize("persona", ["codi_regional", "officer_d", "staff_x", "agency_officer"])
def test_others_are_refused_and_nothing_is_written(client, request, persona):
    client.force_login(request.getfixturevalue(persona))
    assert client.get(URL).status_code == 403
    assert client.post(URL, FORM).status_code == 403
    assert Meeting.objects.count() == 0


def test_an_unpublished_national_consultation_is_not_found_by_district_officers(client, codi_staff, officer_d):
    client.force_login(codi_staff)
    client.post(URL, FORM)
    meeting = Meeting.objects.get()
    client.force_login(officer_d)
    assert client.get(meeting.get_absolute_url()).status_code == 404


def test_the_home_page_offers_it_to_codi_national_staff_only(client, codi_staff, codi_regional):
    client.force_login(codi_staff)
    assert URL in client.get("/").content.decode()
    client.force_login(codi_regional)
    assert URL not in client.get("/").content.decode()
