"""The district mechanism through a real browser, each journey with its refused side.

1. A district officer establishes the mechanism, adds its members, calls a meeting with an
   agenda, records it as held with its attendance (and quorum), a resolution and an action
   item for the LAO, writes and publishes the minutes and downloads them as a PDF.
2. A member of the public reads the published minutes and sends a suggestion; the district
   officer publishes and answers it; the public page shows the answer.
"""

import datetime as dt
import re
import subprocess

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from common.thai import format_date
from meetings.choices import (
    ActionStatus,
    AttendanceStatus,
    MechanismCategory,
    MechanismRole,
    MeetingKind,
    MeetingStatus,
    SuggestionStatus,
)
from meetings.models import ActionItem, DistrictMechanism, Meeting, Suggestion
from meetings.services import actions as action_services
from meetings.services import mechanism as mechanism_services
from meetings.services import meetings as meeting_services

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PHONE = {"viewport": {"width": 360, "height": 740}, "is_mobile": True, "has_touch": True, "device_scale_factor": 2}
DESKTOP = {"viewport": {"width": 1280, "height": 900}}

TITLE = "ประชุมกลไกอำเภอจอมทอง ครั้งที่ ๑/๒๕๖๙"
RESOLUTION = "เห็นชอบให้ อบต. ซ่อมฝายน้ำล้นหมู่ ๔ ก่อนฤดูฝน"
ACTION = "สำรวจและประมาณราคาซ่อมฝาย"
MINUTES = "ที่ประชุมหารือการฟื้นฟูป่าต้นน้ำตำบลบ้านหลวง"
SUGGESTION = "ขอให้จัดเวทีรับฟังความเห็นเรื่องฝายในวันเสาร์ เพื่อให้คนทำงานมาร่วมได้"
ANSWER = "กลไกอำเภอจะจัดเวทีวันเสาร์ที่ ๑๔ ในเดือนหน้า ณ ศาลาประชาคม"


def _page_width(page) -> int:
    return page.evaluate("document.documentElement.scrollWidth")


def _pdf_lines(pdf: bytes, tmp_path) -> list[str]:
    path = tmp_path / "minutes.pdf"
    path.write_bytes(pdf)
    text = subprocess.run(["pdftotext", "-raw", str(path), "-"], check=True, capture_output=True, text=True).stdout
    return [line for line in text.splitlines() if line.strip()]


def _flash(page, text):
    expect(page.locator(".messages")).to_contain_text(text)


def _add_member(page, *, name, category, role, term_start, council=None, agency=None):
    page.get_by_role("link", name="เพิ่มกรรมการ").click()
    expect(page.locator("h1")).to_have_text("เพิ่มกรรมการกลไกระดับอำเภอ")
    page.get_by_label("ชื่อ-สกุล").fill(name)
    page.get_by_label("ภาคส่วน").select_option(category)
    page.get_by_label("บทบาทในกลไก").select_option(role)
    page.get_by_label("เริ่มวาระ").fill(format_date(term_start))
    if council is not None:
        page.get_by_label("สภาที่เป็นผู้แทน").select_option(str(council.pk))
    if agency is not None:
        page.get_by_label("หน่วยงานที่เป็นผู้แทน").select_option(str(agency.pk))
    with page.expect_navigation():
        page.get_by_role("button", name="บันทึก", exact=True).click()
    _flash(page, "เพิ่มกรรมการแล้ว")


def test_a_district_officer_runs_a_mechanism_meeting_to_published_minutes(
    world, officer_d, officer_e, staff_x, codi_regional, new_page, log_in, tmp_path
):
    today = timezone.localdate()
    start = today - dt.timedelta(days=30)
    desk = log_in(new_page(**DESKTOP), officer_d.username)

    # 1. Establish the mechanism, then add members of three categories.
    desk.goto(f"/meetings/district/{world.district.code}/mechanism/")
    desk.get_by_label("ชื่อกลไก").fill("กลไกการเชื่อมโยงงานอำเภอจอมทอง")
    desk.get_by_label("วันที่แต่งตั้ง").fill(format_date(start))
    with desk.expect_navigation():
        desk.get_by_role("button", name="บันทึกกลไก").click()
    _flash(desk, "บันทึกกลไกระดับอำเภอแล้ว")
    expect(desk.locator("h1")).to_have_text("กลไกการเชื่อมโยงงานอำเภอจอมทอง")
    _add_member(desk, name="นายอำเภอ ใจดี", category=MechanismCategory.DISTRICT_OFFICE, role=MechanismRole.CHAIR,
                term_start=start)
    _add_member(desk, name="นางสมศรี ผู้แทนสภา", category=MechanismCategory.COUNCIL, role=MechanismRole.MEMBER,
                term_start=start, council=world.council_x)
    _add_member(desk, name="นายสมชาย นายก อบต.", category=MechanismCategory.LAO, role=MechanismRole.MEMBER,
                term_start=start, agency=world.lao)
    rows = desk.locator("table tbody tr")
    expect(rows).to_have_count(3)
    expect(desk.locator("table")).to_contain_text("ผู้แทนสภาองค์กรชุมชนตำบล")
    expect(desk.locator("table")).to_contain_text("ผู้บริหารองค์กรปกครองส่วนท้องถิ่น")
    mechanism = DistrictMechanism.objects.get(district=world.district)
    assert sorted(mechanism.members.values_list("category", flat=True)) == ["council", "district_office", "lao"]

    # 2. Call a meeting with an agenda (the standard five items, edited to three).
    desk.get_by_role("link", name="การประชุมของอำเภอ").click()
    desk.get_by_role("link", name="เรียกประชุม / บันทึกการประชุม").click()
    desk.get_by_label("ประเภท").select_option(MeetingKind.DISTRICT.value)
    desk.get_by_label(re.compile(r"^เรื่อง( \*)?$")).fill(TITLE)
    desk.get_by_label("วันที่ประชุม").fill(format_date(today))
    desk.get_by_label("เวลาเริ่ม").fill("09:30")
    desk.get_by_label("เวลาเลิก").fill("12:00")
    desk.get_by_label("สถานที่").fill("ห้องประชุมที่ว่าการอำเภอจอมทอง")
    agenda = desk.get_by_label("ระเบียบวาระ")
    expect(agenda).to_have_accessible_description("หนึ่งบรรทัดต่อหนึ่งวาระ ตามลำดับ")  # the help text is tied to it
    agenda.fill("เรื่องที่ประธานแจ้งให้ที่ประชุมทราบ\nเรื่องเพื่อพิจารณา\nเรื่องอื่น ๆ")
    with desk.expect_navigation():
        desk.get_by_role("button", name="บันทึก", exact=True).click()
    _flash(desk, "บันทึกการประชุมแล้ว")
    expect(desk.locator("h1")).to_have_text(TITLE)
    meeting = Meeting.objects.get(title=TITLE)
    assert (meeting.kind, meeting.status, meeting.district) == (MeetingKind.DISTRICT, MeetingStatus.PLANNED, world.district)
    assert list(meeting.agenda.order_by("order").values_list("order", "title")) == [
        (1, "เรื่องที่ประธานแจ้งให้ที่ประชุมทราบ"), (2, "เรื่องเพื่อพิจารณา"), (3, "เรื่องอื่น ๆ"),
    ]
    assert meeting.invitations.count() == 3
    expect(desk.locator("#agenda")).to_contain_text("ระเบียบวาระที่ 2 เรื่องเพื่อพิจารณา")

    # 3. The meeting was held: attendance, with the quorum on the page.
    with desk.expect_navigation():
        desk.get_by_role("button", name="บันทึกว่าประชุมแล้ว").click()
    _flash(desk, "บันทึกว่าประชุมแล้ว")
    desk.get_by_role("link", name="บันทึกผู้มาประชุม").click()
    expect(desk.locator("h1")).to_have_text("บันทึกผู้มาประชุม")
    desk.get_by_label("นายอำเภอ ใจดี").select_option(AttendanceStatus.PRESENT.value)
    desk.get_by_label("นางสมศรี ผู้แทนสภา").select_option(AttendanceStatus.REPRESENTED.value)
    desk.locator("fieldset", has_text="นางสมศรี ผู้แทนสภา").get_by_label("ผู้แทน", exact=True).fill("นายรอง ผู้แทนสภา")
    desk.get_by_label("นายสมชาย นายก อบต.").select_option(AttendanceStatus.ABSENT.value)
    desk.get_by_label("ผู้เข้าร่วมประชุม (ไม่ใช่กรรมการ)").fill("นางสาวพัฒนา ชุมชน | พัฒนาการอำเภอ")
    with desk.expect_navigation():
        desk.get_by_role("button", name="บันทึก", exact=True).click()
    _flash(desk, "บันทึกผู้มาประชุมแล้ว")
    quorum = desk.locator("#attendance .quorum")
    expect(quorum).to_have_attribute("data-quorum", "yes")
    expect(quorum).to_have_text("มาประชุม 2 จาก 3 คน (ครบองค์ประชุมเมื่อมาอย่างน้อย 2 คน): ครบองค์ประชุม")
    expect(desk.locator("#attendance")).to_contain_text("นางสมศรี ผู้แทนสภา (ผู้แทน: นายรอง ผู้แทนสภา)")

    # 4. A resolution under item 2, and the work it gives the LAO, due in a month.
    item = meeting.agenda.get(order=2)
    desk.get_by_label(re.compile(r"^ระเบียบวาระ( \*)?$")).select_option(str(item.pk))
    desk.get_by_label("มติที่ประชุม").fill(RESOLUTION)
    with desk.expect_navigation():
        desk.get_by_role("button", name="บันทึกมติ").click()
    _flash(desk, "บันทึกมติแล้ว")
    resolution = desk.locator(f"#agenda-{item.pk} .resolution")
    expect(resolution).to_contain_text(RESOLUTION)
    resolution.locator("summary", has_text="มอบหมายงานจากมตินี้").click()
    due = today + dt.timedelta(days=30)
    resolution.get_by_label("สิ่งที่ต้องทำ").fill(ACTION)
    resolution.get_by_label("กำหนดเสร็จ").fill(format_date(due))
    resolution.get_by_label("หน่วยงานที่รับผิดชอบ").select_option(str(world.lao.pk))
    with desk.expect_navigation():
        resolution.get_by_role("button", name="มอบหมาย").click()
    _flash(desk, "มอบหมายงานแล้ว")
    action = ActionItem.objects.get()
    assert (action.title, action.due_date, action.assignee_agency, action.assignee_council, action.status) == (
        ACTION, due, world.lao, None, ActionStatus.OPEN,
    )
    expect(desk.locator(f"#agenda-{item.pk}")).to_contain_text(ACTION)

    # 5. The minutes, then published.
    desk.get_by_role("link", name="บันทึกรายงานการประชุม").click()
    desk.get_by_label("รายงานการประชุม", exact=True).fill(f"<p>{MINUTES}</p>")
    desk.get_by_label("ผู้จดรายงานการประชุม").fill("นางสาวพัฒนา ชุมชน")
    desk.get_by_label("ผู้ตรวจรายงานการประชุม").fill("นายอำเภอ ใจดี")
    with desk.expect_navigation():
        desk.get_by_role("button", name="บันทึก", exact=True).click()
    _flash(desk, "บันทึกรายงานการประชุมแล้ว")
    expect(desk.locator("#minutes")).to_contain_text(MINUTES)
    with desk.expect_navigation():
        desk.get_by_role("button", name="เผยแพร่รายงานการประชุม").click()
    _flash(desk, "เผยแพร่รายงานการประชุมต่อสาธารณะแล้ว")
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.PUBLISHED
    desk.screenshot(path=str(tmp_path / "meeting_desktop.png"), full_page=True)

    # 6. The minutes as a PDF, fetched from the page's link with the officer's session.
    href = desk.get_by_role("link", name="รายงานการประชุม (PDF)").get_attribute("href")
    assert href == f"/meetings/{meeting.pk}/minutes.pdf"
    pdf = desk.context.request.get(href)
    assert (pdf.status, pdf.headers["content-type"]) == (200, "application/pdf")
    lines = _pdf_lines(pdf.body(), tmp_path)
    assert lines[0] == "รายงานการประชุมกลไกอำเภอจอมทอง ครั้งที่ ๑/๒๕๖๙"  # the title's own "ประชุม" not doubled
    assert lines[lines.index("ผู้มาประชุม") + 1 : lines.index("ผู้มาประชุม") + 3] == [
        "๑. นายอำเภอ ใจดี",
        "๒. นางสมศรี ผู้แทนสภา (ผู้แทน: นายรอง ผู้แทนสภา)",
    ]
    assert "ระเบียบวาระที่ ๒ เรื่องเพื่อพิจารณา" in lines
    assert f"มติที่ประชุม {RESOLUTION}" in lines
    assert MINUTES in lines

    # Refused: the officer of another district finds neither the mechanism nor (while it
    # is unpublished) a meeting of this district. Council staff: the district's page is
    # outside their scope (404, the house rule of tests/routes_table.py DISTRICT_REVIEW), and
    # their own council's form calls council meetings only. CODI staff covering the province
    # see the district but may not call its meetings (403, the rule's message).
    draft = meeting_services.meeting_call(
        by=officer_d, kind=MeetingKind.DISTRICT, title="นัดประชุมครั้งที่ ๒", date=today, district=world.district,
    )
    far = log_in(new_page(**DESKTOP), officer_e.username)
    assert far.goto(f"/meetings/district/{world.district.code}/mechanism/").status == 404
    assert far.goto(f"/meetings/{draft.pk}/").status == 404
    assert far.goto(f"/meetings/{draft.pk}/minutes.pdf").status == 404
    assert far.goto(f"/meetings/district/{world.district.code}/new/").status == 404

    council = log_in(new_page(**PHONE), staff_x.username)
    assert council.goto(f"/meetings/district/{world.district.code}/new/").status == 404
    assert council.goto(f"/meetings/{draft.pk}/").status == 404
    council.goto(f"/meetings/council/{world.council_x.code}/new/")
    expect(council.locator("select[name=kind]")).to_have_count(0)  # the kind is fixed: a council meeting
    assert council.locator("input[name=kind]").input_value() == MeetingKind.COUNCIL.value

    regional = log_in(new_page(**DESKTOP), codi_regional.username)
    refused = regional.goto(f"/meetings/district/{world.district.code}/new/")
    assert refused.status == 403
    rule_message = "เฉพาะนายอำเภอหรือเจ้าหน้าที่อำเภอของอำเภอนี้เท่านั้นที่จัดการกลไกระดับอำเภอได้"
    expect(regional.locator("body")).to_contain_text(rule_message)
    csrf = next(c["value"] for c in regional.context.cookies() if c["name"] == "csrftoken")
    posted = regional.request.post(
        f"/meetings/district/{world.district.code}/new/",
        form={"kind": "district", "title": "ประชุมที่เรียกโดยไม่มีสิทธิ์", "date": format_date(today)},
        headers={"X-CSRFToken": csrf, "Referer": regional.url},
    )
    assert posted.status == 403 and rule_message in posted.text()  # the rule, not CSRF
    assert not Meeting.objects.filter(title="ประชุมที่เรียกโดยไม่มีสิทธิ์").exists()


@pytest.fixture
def published(world, officer_d):
    """A published mechanism meeting of district D, built with the services."""
    today = timezone.localdate()
    mechanism = mechanism_services.mechanism_establish(district=world.district, by=officer_d, name="กลไกอำเภอจอมทอง")
    mechanism_services.mechanism_member_add(
        mechanism=mechanism, by=officer_d, full_name="นายอำเภอ ใจดี", category=MechanismCategory.DISTRICT_OFFICE,
        role=MechanismRole.CHAIR, term_start=today - dt.timedelta(days=30),
    )
    meeting = meeting_services.meeting_call(
        by=officer_d, kind=MeetingKind.DISTRICT, title=TITLE, date=today, district=world.district,
        place="ห้องประชุมที่ว่าการอำเภอจอมทอง", agenda=[("เรื่องเพื่อพิจารณา", "")],
    )
    meeting = meeting_services.meeting_mark_held(meeting=meeting, by=officer_d)
    action_services.resolution_add(agenda_item=meeting.agenda.get(), by=officer_d, text=RESOLUTION)
    meeting_services.minutes_save(meeting=meeting, by=officer_d, minutes=f"<p>{MINUTES}</p>")
    return meeting_services.meeting_publish_minutes(meeting=meeting, by=officer_d)


def test_the_public_reads_the_minutes_and_a_suggestion_is_answered(
    world, published, officer_d, officer_e, new_page, log_in, tmp_path
):
    code = world.district.code
    # 1. No sign-in, on a phone: the published meetings, this one's minutes.
    phone = new_page(**PHONE)
    phone.goto("/meetings/public/")
    phone.get_by_role("link", name=TITLE).click()
    expect(phone.locator("h1")).to_have_text(TITLE)
    expect(phone.locator("#minutes")).to_contain_text(MINUTES)
    expect(phone.locator("#agenda")).to_contain_text(RESOLUTION)
    assert _page_width(phone) <= 360
    phone.screenshot(path=str(tmp_path / "public_meeting_phone.png"), full_page=True)
    pdf = phone.context.request.get(phone.get_by_role("link", name="รายงานการประชุม (PDF)").get_attribute("href"))
    assert pdf.status == 200 and f"มติที่ประชุม {RESOLUTION}" in _pdf_lines(pdf.body(), tmp_path)

    # 2. The public form: the honeypot is out of sight; a suggestion is sent.
    phone.goto(f"/meetings/suggestions/{code}/")
    expect(phone.locator("h1")).to_have_text("ข้อเสนอแนะถึงกลไกระดับอำเภอจอมทอง")
    honeypot = phone.locator("input[name=website]")
    box = honeypot.bounding_box()
    assert box is not None and box["x"] + box["width"] <= 0  # off-screen, not merely small
    assert honeypot.get_attribute("tabindex") == "-1"
    expect(phone.locator(".hp")).to_have_attribute("aria-hidden", "true")  # and from screen readers
    expect(honeypot).not_to_be_in_viewport()
    assert _page_width(phone) <= 360
    phone.get_by_label("ชื่อ (ไม่บังคับ)").fill("ป้าแก้ว บ้านหลวง")
    phone.get_by_label(re.compile(r"^ข้อเสนอแนะ( \*)?$")).fill(SUGGESTION)
    with phone.expect_navigation():
        phone.get_by_role("button", name="ส่งข้อเสนอแนะ").click()
    _flash(phone, "ส่งข้อเสนอแนะแล้ว เจ้าหน้าที่อำเภอจะตรวจสอบก่อนเผยแพร่")
    expect(phone.locator(".card-list")).not_to_contain_text(SUGGESTION)  # not before moderation
    assert _page_width(phone) <= 360
    phone.screenshot(path=str(tmp_path / "suggestion_form_phone.png"), full_page=True)
    suggestion = Suggestion.objects.get()
    assert (suggestion.text, suggestion.name, suggestion.status, suggestion.sender) == (
        SUGGESTION, "ป้าแก้ว บ้านหลวง", SuggestionStatus.PENDING, None,
    )

    # 3. The district officer publishes it, then answers it.
    desk = log_in(new_page(**DESKTOP), officer_d.username)
    desk.goto(f"/meetings/suggestions/{code}/moderation/")
    card = desk.locator(f"#suggestion-{suggestion.pk}")
    expect(card).to_contain_text(SUGGESTION)
    expect(card.locator("[data-status]")).to_have_attribute("data-status", "pending")
    card.get_by_label("การดำเนินการ").select_option("publish")
    with desk.expect_navigation():
        card.get_by_role("button", name="บันทึก").click()
    _flash(desk, "บันทึกแล้ว")
    expect(card.locator("[data-status]")).to_have_attribute("data-status", "published")
    card.get_by_label("การดำเนินการ").select_option("answer")
    card.get_by_label("เหตุผลหรือคำตอบ").fill(ANSWER)
    with desk.expect_navigation():
        card.get_by_role("button", name="บันทึก").click()
    _flash(desk, "บันทึกแล้ว")
    expect(card).to_contain_text(f"คำตอบ: {ANSWER}")
    desk.screenshot(path=str(tmp_path / "moderation_desktop.png"), full_page=True)

    # 4. The public page shows the suggestion and its answer.
    phone.reload()
    public = phone.locator(f"#suggestion-{suggestion.pk}")
    expect(public).to_contain_text(SUGGESTION)
    expect(public.locator("blockquote.answer")).to_contain_text(f"คำตอบ: {ANSWER}")
    assert _page_width(phone) <= 360

    # Refused: another district's officer finds no moderation page here, nor the suggestion.
    far = log_in(new_page(**DESKTOP), officer_e.username)
    assert far.goto(f"/meetings/suggestions/{code}/moderation/").status == 404
    csrf = next(c["value"] for c in far.context.cookies() if c["name"] == "csrftoken")
    posted = far.request.post(
        f"/meetings/suggestions/{code}/moderation/{suggestion.pk}/", form={"action": "answer", "text": "แทรก"},
        headers={"X-CSRFToken": csrf, "Referer": far.url},
    )
    assert posted.status == 404
    suggestion.refresh_from_db()
    assert suggestion.answer == ANSWER
