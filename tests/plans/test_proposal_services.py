"""Subsidy proposals' services: preparing within the plan's budget and one theme, the
moves of each side, refused moves and amounts in Thai, a second decision racing the first."""

import datetime as dt
import io
import threading
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from openpyxl import Workbook

from accounts.choices import Role
from accounts.models import Notification
from agencies.choices import AgencyKind
from plans.choices import ProposalStatus
from plans.models import ProposalEvent, SubsidyProposal
from plans.services import proposals as services

from ..factories import AgencyFactory, PlanItemFactory, subsidy_proposal, user_with_role

S = ProposalStatus


@pytest.fixture
def items(world):
    first = PlanItemFactory(plan__council=world.council_x, budget_needed=Decimal("30000"))
    second = PlanItemFactory(plan=first.plan, theme=first.theme, budget_needed=Decimal("20000"))
    return [first, second]


def _create(world, staff_x, items, lines=(("ค่าวัสดุ", Decimal("30000")), ("ค่าแรง", Decimal("15000"))), **kw):
    values = {
        "council": world.council_x, "by": staff_x, "recipient": world.lao, "theme": items[0].theme if items else None,
        "plan_items": items, "fiscal_year": 2570, "title": "ซ่อมบ้านผู้สูงอายุ 2 หลัง", "budget_lines": lines, **kw,
    }  # fmt: skip
    return services.proposal_create(**values)


def _submitted(world, staff_x, items, on=dt.date(2026, 5, 1)):
    proposal = _create(world, staff_x, items)
    return services.proposal_submit(proposal_id=proposal.pk, by=staff_x, on=on)


# Preparing -------------------------------------------------------------------------------


def test_amount_requested_is_the_sum_of_the_budget_lines(world, staff_x, items):
    proposal = _create(world, staff_x, items)
    assert proposal.status == S.DRAFT
    assert proposal.amount_requested == Decimal("45000")
    assert [(line.description, line.amount) for line in proposal.budget_lines.all()] == [
        ("ค่าวัสดุ", Decimal("30000")), ("ค่าแรง", Decimal("15000")),
    ]  # fmt: skip
    assert set(proposal.plan_items.all()) == set(items)
    assert ProposalEvent.objects.get(proposal=proposal).to_status == S.DRAFT


def test_a_proposal_over_its_plan_items_budget_is_refused_in_thai(world, staff_x, items):
    with pytest.raises(ValidationError) as error:
        _create(world, staff_x, items, lines=[("ค่าวัสดุ", Decimal("50000.01"))])
    assert error.value.message_dict["budget_lines"] == [
        "งบประมาณที่ขอ 50,000.01 บาท เกินงบประมาณที่ต้องการตามแผน 50,000.00 บาท ของรายการในแผนที่เลือก"
        " กรุณาลดรายการงบประมาณหรือเลือกรายการในแผนเพิ่ม"
    ]
    assert SubsidyProposal.objects.count() == 0


def test_one_theme_the_council_s_own_items_and_an_agency_covering_it(world, staff_x, items):
    other_theme = PlanItemFactory(plan=items[0].plan)
    with pytest.raises(ValidationError) as error:
        _create(world, staff_x, [items[0], other_theme])
    assert "หนึ่งโครงการเสนอได้ประเด็นเดียว" in error.value.message_dict["plan_items"][0]
    with pytest.raises(ValidationError) as error:
        _create(world, staff_x, [items[0], PlanItemFactory(plan__council=world.council_y, theme=items[0].theme)])
    assert error.value.message_dict["plan_items"] == ["รายการในแผนที่เลือกต้องเป็นของสภานี้เท่านั้น"]
    far_lao = AgencyFactory(subdistrict=world.council_z.subdistrict)
    with pytest.raises(ValidationError) as error:
        _create(world, staff_x, items, recipient=far_lao)
    assert error.value.message_dict["recipient"] == ["หน่วยงานนี้ไม่ได้ดูแลพื้นที่ของสภานี้ ยื่นโครงการถึงหน่วยงานนี้ไม่ได้"]
    with pytest.raises(ValidationError) as error:
        _create(world, staff_x, [], theme=items[0].theme)
    assert "plan_items" in error.value.message_dict
    assert SubsidyProposal.objects.count() == 0


def test_another_council_s_staff_may_not_prepare_it(world, staff_y, items):
    with pytest.raises(PermissionDenied):
        _create(world, staff_y, items)


def test_only_a_draft_is_edited(world, staff_x, items):
    proposal = _submitted(world, staff_x, items)
    with pytest.raises(ValidationError, match="แก้ไขได้เฉพาะร่าง"):
        services.proposal_update(
            proposal_id=proposal.pk, by=staff_x, recipient=world.lao, theme=items[0].theme, plan_items=items,
            fiscal_year=2570, title="แก้", budget_lines=[("ค่าวัสดุ", 100)],
        )  # fmt: skip


# Submitting: the budget calendar ----------------------------------------------------------


def test_submitted_in_time_is_considered_in_the_year_asked(world, staff_x, items, agency_officer):
    proposal = _submitted(world, staff_x, items, on=dt.date(2026, 8, 15))
    assert (proposal.status, proposal.considered_in_year) == (S.SUBMITTED, 2570)
    assert proposal.submitted_at is not None
    event = proposal.events.order_by("-pk").first()
    assert (event.from_status, event.to_status, event.amount) == (S.DRAFT, S.SUBMITTED, Decimal("45000"))
    assert event.note == "ยื่นได้ถึง 15 ส.ค. 2569 เพื่อเข้าร่างข้อบัญญัติงบประมาณปี 2570"
    assert Notification.objects.filter(user=agency_officer, url=f"/plans/proposals/{proposal.pk}/").count() == 1


def test_submitted_late_waits_a_year_and_says_so(world, staff_x, items):
    proposal = _submitted(world, staff_x, items, on=dt.date(2026, 8, 16))
    assert proposal.considered_in_year == 2571
    assert proposal.events.order_by("-pk").first().note == "ยื่นหลัง 15 ส.ค. 2569: จะพิจารณาในปีงบประมาณ 2571"


def test_a_proposal_is_submitted_once(world, staff_x, items):
    proposal = _submitted(world, staff_x, items)
    with pytest.raises(ValidationError, match="เปลี่ยนสถานะจาก “ยื่นแล้ว” เป็น “ยื่นแล้ว” ไม่ได้"):
        services.proposal_submit(proposal_id=proposal.pk, by=staff_x)


# The agency's moves ----------------------------------------------------------------------


def test_received_considered_partly_approved_carried_out_reported(world, staff_x, items, agency_officer):
    proposal = _submitted(world, staff_x, items)
    services.proposal_receive(proposal_id=proposal.pk, by=agency_officer)
    services.proposal_consider(proposal_id=proposal.pk, by=agency_officer)
    proposal = services.proposal_partly_approve(
        proposal_id=proposal.pk, by=agency_officer, amount=Decimal("30000"), note="งบกลางเหลือไม่พอ"
    )
    assert (proposal.status, proposal.amount_approved, proposal.decision_reason) == (
        S.PARTLY_APPROVED, Decimal("30000"), "งบกลางเหลือไม่พอ",
    )  # fmt: skip
    assert proposal.decided_by == agency_officer and proposal.decided_at is not None
    services.proposal_carry_out(proposal_id=proposal.pk, by=agency_officer)
    with pytest.raises(ValidationError) as error:
        services.proposal_report(proposal_id=proposal.pk, by=agency_officer, result="  ")
    assert error.value.message_dict == {"result": ["กรุณาระบุผลการดำเนินงาน"]}
    proposal = services.proposal_report(proposal_id=proposal.pk, by=agency_officer, result="ซ่อมเสร็จ 2 หลัง")
    assert (proposal.status, proposal.result_report) == (S.REPORTED, "ซ่อมเสร็จ 2 หลัง")
    assert list(proposal.events.values_list("to_status", flat=True)) == [
        S.DRAFT, S.SUBMITTED, S.RECEIVED, S.UNDER_CONSIDERATION, S.PARTLY_APPROVED, S.CARRIED_OUT, S.REPORTED,
    ]  # fmt: skip
    assert Notification.objects.filter(user=staff_x).count() == 5  # every move of the agency


def test_approving_more_than_asked_needs_a_note_and_records_it(world, staff_x, items, agency_officer):
    proposal = _submitted(world, staff_x, items)
    services.proposal_receive(proposal_id=proposal.pk, by=agency_officer)
    with pytest.raises(ValidationError) as error:
        services.proposal_approve(proposal_id=proposal.pk, by=agency_officer, amount=Decimal("46000"))
    assert error.value.message_dict == {"note": ["อนุมัติ 46,000.00 บาท มากกว่าที่ขอ 45,000.00 บาท ต้องระบุหมายเหตุว่าเหตุใด"]}
    assert SubsidyProposal.objects.get(pk=proposal.pk).status == S.RECEIVED
    proposal = services.proposal_approve(
        proposal_id=proposal.pk, by=agency_officer, amount=Decimal("46000"), note="รวมค่าขนส่งที่ขาดไป"
    )
    assert (proposal.status, proposal.amount_approved, proposal.decision_reason) == (
        S.APPROVED, Decimal("46000"), "รวมค่าขนส่งที่ขาดไป",
    )  # fmt: skip
    event = proposal.events.order_by("-pk").first()
    assert (event.amount, event.note) == (Decimal("46000"), "รวมค่าขนส่งที่ขาดไป")


@pytest.mark.parametrize(
    ("amount", "note", "field", "message"),
    [
        (Decimal("45000"), "ตัดบางส่วน", "amount", "อนุมัติบางส่วนต้องมากกว่า 0 และน้อยกว่าที่ขอ (45,000.00 บาท)"),
        (Decimal("0"), "ตัดบางส่วน", "amount", "อนุมัติบางส่วนต้องมากกว่า 0 และน้อยกว่าที่ขอ (45,000.00 บาท)"),
        (Decimal("20000"), " ", "note", "กรุณาระบุเหตุผลที่อนุมัติบางส่วน"),
        (None, "ตัดบางส่วน", "amount", "กรุณาระบุจำนวนเงินที่อนุมัติ"),
    ],
)
def test_partly_approved_is_below_asked_above_zero_with_a_reason(
    world, staff_x, items, agency_officer, amount, note, field, message
):
    proposal = _submitted(world, staff_x, items)
    services.proposal_receive(proposal_id=proposal.pk, by=agency_officer)
    with pytest.raises(ValidationError) as error:
        services.proposal_partly_approve(proposal_id=proposal.pk, by=agency_officer, amount=amount, note=note)
    assert error.value.message_dict == {field: [message]}


def test_not_approved_needs_a_reason(world, staff_x, items, agency_officer):
    proposal = _submitted(world, staff_x, items)
    services.proposal_consider(proposal_id=proposal.pk, by=agency_officer)
    with pytest.raises(ValidationError) as error:
        services.proposal_reject(proposal_id=proposal.pk, by=agency_officer, note="")
    assert error.value.message_dict == {"note": ["กรุณาระบุเหตุผลที่ไม่อนุมัติ"]}
    proposal = services.proposal_reject(proposal_id=proposal.pk, by=agency_officer, note="ซ้ำกับโครงการของ อบต.")
    assert (proposal.status, proposal.amount_approved) == (S.NOT_APPROVED, None)


def test_illegal_moves_are_refused_in_thai(world, staff_x, items, agency_officer):
    proposal = _create(world, staff_x, items)
    with pytest.raises(ValidationError, match="เปลี่ยนสถานะจาก “ร่าง” เป็น “รับเรื่องแล้ว” ไม่ได้"):
        services.proposal_receive(proposal_id=proposal.pk, by=agency_officer)
    services.proposal_submit(proposal_id=proposal.pk, by=staff_x)
    with pytest.raises(ValidationError, match="เปลี่ยนสถานะจาก “ยื่นแล้ว” เป็น “อนุมัติ” ไม่ได้"):
        services.proposal_approve(proposal_id=proposal.pk, by=agency_officer, amount=1000)
    with pytest.raises(ValidationError, match="เปลี่ยนสถานะจาก “ยื่นแล้ว” เป็น “ดำเนินการแล้ว” ไม่ได้"):
        services.proposal_carry_out(proposal_id=proposal.pk, by=agency_officer)


def test_a_decision_on_a_decided_proposal_is_refused(world, staff_x, items, agency_officer):
    proposal = _submitted(world, staff_x, items)
    services.proposal_receive(proposal_id=proposal.pk, by=agency_officer)
    services.proposal_approve(proposal_id=proposal.pk, by=agency_officer, amount=Decimal("45000"))
    with pytest.raises(ValidationError) as error:
        services.proposal_reject(proposal_id=proposal.pk, by=agency_officer, note="เปลี่ยนใจ")
    assert error.value.messages == [
        "โครงการนี้มีผลการพิจารณาแล้ว (“อนุมัติ” โดย ผู้ใช้ agency_officer) บันทึกผลซ้ำไม่ได้ กรุณาโหลดหน้าใหม่"
    ]
    with pytest.raises(ValidationError, match="เปลี่ยนสถานะจาก “อนุมัติ” เป็น “ถอนเรื่อง” ไม่ได้"):
        services.proposal_withdraw(proposal_id=proposal.pk, by=staff_x)


def test_a_move_made_on_a_stale_page_is_refused(world, staff_x, items, agency_officer):
    """The page showed "submitted"; meanwhile a colleague put it under consideration."""
    proposal = _submitted(world, staff_x, items)
    services.proposal_consider(proposal_id=proposal.pk, by=agency_officer)
    with pytest.raises(ValidationError) as error:
        services.proposal_reject(proposal_id=proposal.pk, by=agency_officer, note="ไม่มีงบ", seen_status=S.SUBMITTED)
    assert error.value.messages == [
        "สถานะของโครงการเปลี่ยนเป็น “อยู่ระหว่างพิจารณา” แล้วระหว่างที่คุณเปิดหน้านี้ กรุณาโหลดหน้าใหม่แล้วทำรายการอีกครั้ง"
    ]
    assert SubsidyProposal.objects.get(pk=proposal.pk).status == S.UNDER_CONSIDERATION


def test_who_moves_it(world, staff_x, staff_y, items, agency_officer):
    proposal = _submitted(world, staff_x, items)
    district_office = AgencyFactory(
        name="ที่ว่าการอำเภอจอมทอง", kind=AgencyKind.DISTRICT_OFFICE, subdistrict=None, district=world.district,
        province=world.province,
        dla_code=None,
    )  # fmt: skip
    other_agency_staff = user_with_role("office", Role.AGENCY_STAFF, agency=district_office)
    for user in (staff_x, other_agency_staff):
        with pytest.raises(PermissionDenied):
            services.proposal_receive(proposal_id=proposal.pk, by=user)
    for user in (agency_officer, staff_y):
        with pytest.raises(PermissionDenied):
            services.proposal_withdraw(proposal_id=proposal.pk, by=user)
    assert SubsidyProposal.objects.get(pk=proposal.pk).status == S.SUBMITTED


def test_the_council_withdraws_before_a_decision_and_the_agency_hears_of_it(world, staff_x, items, agency_officer):
    proposal = _submitted(world, staff_x, items)
    services.proposal_receive(proposal_id=proposal.pk, by=agency_officer)
    proposal = services.proposal_withdraw(proposal_id=proposal.pk, by=staff_x, note="ได้งบจากกองทุนแล้ว")
    assert proposal.status == S.WITHDRAWN
    assert Notification.objects.filter(user=agency_officer).count() == 2  # submitted, withdrawn


@pytest.mark.django_db(transaction=True)
def test_a_second_decision_racing_the_first_is_refused(world, staff_x, items, agency_officer):
    """Two officers decide at once, each on its own connection: the row lock lets one
    through; the other then finds the proposal decided."""
    proposal = _submitted(world, staff_x, items)
    services.proposal_receive(proposal_id=proposal.pk, by=agency_officer)
    barrier = threading.Barrier(2)
    outcomes = {}

    def decide(name, move, **kwargs):
        barrier.wait()
        try:
            move(proposal_id=proposal.pk, by=agency_officer, seen_status=S.RECEIVED, **kwargs)
            outcomes[name] = "ok"
        except ValidationError as error:
            outcomes[name] = error.messages[0]
        finally:
            connection.close()

    threads = [
        threading.Thread(target=decide, args=("approve", services.proposal_approve), kwargs={"amount": Decimal("45000")}),
        threading.Thread(target=decide, args=("reject", services.proposal_reject), kwargs={"note": "ไม่มีงบ"}),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert sorted(outcomes) == ["approve", "reject"]
    assert list(outcomes.values()).count("ok") == 1
    refused = next(v for v in outcomes.values() if v != "ok")
    assert refused.startswith("โครงการนี้มีผลการพิจารณาแล้ว")
    proposal.refresh_from_db()
    assert proposal.status in (S.APPROVED, S.NOT_APPROVED)
    assert proposal.events.filter(to_status__in=[S.APPROVED, S.NOT_APPROVED]).count() == 1


# Documents -------------------------------------------------------------------------------


def _xlsx() -> bytes:
    buffer = io.BytesIO()
    book = Workbook()
    book.active["A1"] = "ประมาณการค่าใช้จ่าย"
    book.save(buffer)
    return buffer.getvalue()


def test_documents_are_known_by_their_bytes(world, staff_x, items, settings):
    proposal = _create(world, staff_x, items)
    pdf = services.proposal_document_add(
        proposal=proposal, by=staff_x, title="หนังสือขอรับงบ", upload=SimpleUploadedFile("letter.pdf", b"%PDF-1.4 x")
    )
    sheet = services.proposal_document_add(
        proposal=proposal, by=staff_x, title="", upload=SimpleUploadedFile("budget.bin", _xlsx())
    )
    assert (pdf.content_type, pdf.file.name.endswith(".pdf")) == ("application/pdf", True)
    assert sheet.title == "budget.bin" and sheet.file.name.endswith(".xlsx")
    with pytest.raises(ValidationError) as error:
        services.proposal_document_add(
            proposal=proposal, by=staff_x, title="", upload=SimpleUploadedFile("virus.pdf", b"MZ\x90\x00 not a pdf")
        )
    assert error.value.message_dict["file"] == [
        "ไฟล์ “virus.pdf” ไม่ใช่ PDF รูปภาพ (JPEG, PNG, GIF, WebP) XLSX หรือ DOCX ระบบรับเฉพาะไฟล์เหล่านี้"
    ]
    settings.PROPOSAL_DOCUMENT_MAX_BYTES = 10
    with pytest.raises(ValidationError, match="ใหญ่เกินไป"):
        services.proposal_document_add(
            proposal=proposal, by=staff_x, title="", upload=SimpleUploadedFile("big.pdf", b"%PDF-1.4 0123456789")
        )
    assert proposal.documents.count() == 2


def test_the_factory_puts_a_proposal_in_any_status(world, staff_x):
    proposal = subsidy_proposal(council=world.council_x, recipient=world.lao, by=staff_x, status=S.RECEIVED)
    assert (proposal.status, proposal.amount_requested) == (S.RECEIVED, Decimal("40000"))


def test_a_drafts_document_is_deleted_and_its_file_removed_on_commit(
    world, staff_x, staff_y, officer_d, items, django_capture_on_commit_callbacks
):
    proposal = _create(world, staff_x, items)
    upload = SimpleUploadedFile("letter.pdf", b"%PDF-1.4 x")
    document = services.proposal_document_add(proposal=proposal, by=staff_x, title="หนังสือ", upload=upload)
    storage, name = document.file.storage, document.file.name
    for user in (staff_y, officer_d):
        with pytest.raises(PermissionDenied):
            services.proposal_document_delete(document=document, by=user)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.proposal_document_delete(document=document, by=staff_x)
    assert storage.exists(name)  # not before the commit
    for callback in callbacks:
        callback()
    assert not storage.exists(name)
    assert proposal.documents.count() == 0


def test_a_submitted_proposals_document_stays(world, staff_x, items):
    proposal = _create(world, staff_x, items)
    upload = SimpleUploadedFile("letter.pdf", b"%PDF-1.4 x")
    document = services.proposal_document_add(proposal=proposal, by=staff_x, title="หนังสือ", upload=upload)
    services.proposal_submit(proposal_id=proposal.pk, by=staff_x, on=dt.date(2026, 5, 1))
    with pytest.raises(PermissionDenied) as error:
        services.proposal_document_delete(document=document, by=staff_x)
    assert str(error.value) == "ลบเอกสารได้เฉพาะขณะโครงการยังเป็นร่าง เมื่อยื่นแล้วหน่วยงานได้รับเอกสารไปพร้อมโครงการ"
    assert document.file.storage.exists(document.file.name) and proposal.documents.count() == 1
