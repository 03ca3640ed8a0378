"""The minutes as a Thai official document: its parts in order, Thai text that extracts
exactly (ำ, tone marks over upper vowels), and served only to who may see the meeting."""

import datetime as dt
import subprocess

import pytest
from django.urls import reverse

from meetings.choices import MeetingKind
from meetings.minutes_pdf import minutes_pdf
from meetings.services import actions as action_services
from meetings.services import meetings as meeting_services
from tests.conftest import client_for

pytestmark = pytest.mark.django_db


def _text(pdf: bytes, tmp_path) -> str:
    path = tmp_path / "minutes.pdf"
    path.write_bytes(pdf)
    return subprocess.run(["pdftotext", "-raw", str(path), "-"], check=True, capture_output=True, text=True).stdout


@pytest.fixture
def held(world, mechanism, officer_d):
    meeting = meeting_services.meeting_call(
        by=officer_d, kind=MeetingKind.DISTRICT, title="กลไกอำเภอจอมทอง ครั้งที่ ๑/๒๕๖๙",
        date=dt.date(2025, 11, 20), start_time=dt.time(9, 30), end_time=dt.time(12, 0),
        place="ห้องประชุมที่ว่าการอำเภอ", district=world.district,
        agenda=[("เรื่องที่ประธานแจ้งให้ที่ประชุมทราบ", ""), ("เรื่องเพื่อพิจารณา", "")],
    )
    meeting = meeting_services.meeting_mark_held(meeting=meeting, by=officer_d)
    members = {i.member.full_name: i.member for i in meeting.invitations.all()}
    meeting_services.attendance_record(
        meeting=meeting, by=officer_d,
        members={
            members["นายอำเภอ ทดสอบ"]: ("present", ""),
            members["นางผู้แทน สภา"]: ("represented", "นายรอง ผู้แทน"),
            members["นายนายก อบต."]: ("present", ""),
            members["นางสาวปลัด อำเภอ"]: ("absent", ""),
        },
        guests=[("นางสาวพัฒนา ชุมชน", "พัฒนาการอำเภอ")],
    )
    action_services.resolution_add(agenda_item=meeting.agenda.get(order=2), by=officer_d, text="เห็นชอบโครงการน้ำดื่ม")
    meeting_services.minutes_save(
        meeting=meeting, by=officer_d, minutes="<p>หารือการฟื้นฟูป่าต้นน้ำตำบลบ้านหลวง</p><script>x()</script>",
        recorder="นางสาวปลัด อำเภอ", checker="นายอำเภอ ทดสอบ",
    )
    meeting.refresh_from_db()
    return meeting


def test_minutes_pdf_reads_as_a_thai_official_minutes(held, tmp_path):
    lines = [line for line in _text(minutes_pdf(held), tmp_path).splitlines() if line.strip()]
    assert lines[:5] == [
        "รายงานการประชุมกลไกอำเภอจอมทอง ครั้งที่ ๑/๒๕๖๙",
        "กลไกอำเภอจอมทอง",
        "เมื่อวันพฤหัสบดีที่ ๒๐ พฤศจิกายน ๒๕๖๘",
        "ณ ห้องประชุมที่ว่าการอำเภอ",
        "-----------------------------------------",
    ]
    start = lines.index("ผู้มาประชุม")
    assert lines[start : start + 16] == [
        "ผู้มาประชุม",
        "๑. นายอำเภอ ทดสอบ",
        "๒. นางผู้แทน สภา (ผู้แทน: นายรอง ผู้แทน)",
        "๓. นายนายก อบต.",
        "ผู้ไม่มาประชุม",
        "๑. นางสาวปลัด อำเภอ",
        "ผู้เข้าร่วมประชุม",
        "๑. นางสาวพัฒนา ชุมชน พัฒนาการอำเภอ",
        "เริ่มประชุมเวลา ๐๙.๓๐ น.",
        "ระเบียบวาระที่ ๑ เรื่องที่ประธานแจ้งให้ที่ประชุมทราบ",
        "ระเบียบวาระที่ ๒ เรื่องเพื่อพิจารณา",
        "มติที่ประชุม เห็นชอบโครงการน้ำดื่ม",
        "สาระการประชุม",
        "หารือการฟื้นฟูป่าต้นน้ำตำบลบ้านหลวง",
        "เลิกประชุมเวลา ๑๒.๐๐ น.",
        "(ลงชื่อ) ........................................",
    ]
    assert lines[start + 16 :] == [
        "(นางสาวปลัด อำเภอ)",
        "ผู้จดรายงานการประชุม",
        "(ลงชื่อ) ........................................",
        "(นายอำเภอ ทดสอบ)",
        "ผู้ตรวจรายงานการประชุม",
        "- ๒ -",  # page two's number (the signatures keep together on page two); page one has none
    ]
    assert "x()" not in lines


def test_minutes_pdf_served_to_who_may_see_the_meeting(client, held, officer_d, officer_e):
    url = reverse("meetings:minutes_pdf", kwargs={"pk": held.pk})
    assert client.get(url).status_code == 404
    client_for(client, officer_e)
    assert client.get(url).status_code == 404
    client_for(client, officer_d)
    response = client.get(url)
    assert (response.status_code, response["Content-Type"]) == (200, "application/pdf")
    assert response.content.startswith(b"%PDF-")


@pytest.mark.parametrize(("title", "heading"), [
    ("กลไกอำเภอจอมทอง ครั้งที่ ๑/๒๕๖๙", "รายงานการประชุมกลไกอำเภอจอมทอง ครั้งที่ ๑/๒๕๖๙"),
    ("ประชุมกลไกอำเภอจอมทอง ครั้งที่ ๑/๒๕๖๙", "รายงานการประชุมกลไกอำเภอจอมทอง ครั้งที่ ๑/๒๕๖๙"),
    (" ประชุมสภาองค์กรชุมชนตำบลบ้านหลวง", "รายงานการประชุมสภาองค์กรชุมชนตำบลบ้านหลวง"),
])
def test_the_heading_does_not_double_the_word_meeting(title, heading):
    from meetings.minutes_pdf import minutes_heading

    assert minutes_heading(title) == heading
