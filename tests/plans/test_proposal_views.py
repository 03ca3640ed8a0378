"""Proposal pages: the council's form (Thai digits, over-budget refusal, the window hint),
the page's moves, the list's query count, the agency inbox section."""

from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from accounts.choices import Role
from plans.choices import ProposalStatus
from plans.models import SubsidyProposal

from ..conftest import client_for
from ..factories import PlanItemFactory, subsidy_proposal, user_with_role

S = ProposalStatus


def _form(item, **extra):
    return {
        "recipient": item.plan.council.lao_id or "", "theme": item.theme_id, "plan_items": [item.pk],
        "fiscal_year": "๒๕๗๐", "title": "ซ่อมบ้านผู้สูงอายุ", "lines-TOTAL_FORMS": "3", "lines-INITIAL_FORMS": "0",
        "lines-0-description": "ค่าวัสดุ", "lines-0-amount": "๒๐,๐๐๐", "lines-1-description": "ค่าแรง",
        "lines-1-amount": "5000.50", **extra,
    }  # fmt: skip


@pytest.fixture
def item(world):
    world.council_x.lao = world.lao
    world.council_x.save(update_fields=["lao"])
    return PlanItemFactory(plan__council=world.council_x, budget_needed=Decimal("30000"))


def test_council_staff_prepare_a_proposal_typed_in_thai_digits(client, world, staff_x, item):
    page = client_for(client, staff_x).get(f"/plans/proposals/new/{world.council_x.subdistrict.code}/")
    assert page.status_code == 200
    assert f'value="{world.lao.pk}" selected' in page.content.decode()  # the council's LAO first
    response = client.post(f"/plans/proposals/new/{world.council_x.subdistrict.code}/", _form(item))
    proposal = SubsidyProposal.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/plans/proposals/{proposal.pk}/"
    assert (proposal.fiscal_year, proposal.amount_requested, proposal.status) == (2570, Decimal("25000.50"), S.DRAFT)
    page = client.get(response["Location"])
    text = page.content.decode()
    assert "ยื่นโครงการ" in text and 'id="proposal-window"' in text  # the window shows while it is a draft


def test_rows_added_and_removed_by_the_script_are_saved(client, world, staff_x, item):
    """The script adds rows past the three blank ones and removes rows: the POST has more
    rows than the page had, and gaps where rows left; a row left blank is not a line."""
    url = f"/plans/proposals/new/{world.council_x.subdistrict.code}/"
    page = client_for(client, staff_x).get(url).content.decode()
    assert 'id="budget-line-template"' in page and 'name="lines-__prefix__-amount"' in page
    assert 'name="lines-2-amount"' in page and 'name="lines-3-amount"' not in page  # three blank rows without JS
    lines = {"lines-TOTAL_FORMS": "6", "lines-0-description": "ค่าวัสดุ", "lines-0-amount": "10,000",
             "lines-3-description": "ค่าแรง", "lines-3-amount": "๕,๐๐๐", "lines-4-description": "", "lines-4-amount": "",
             "lines-5-description": "ค่าอาหาร", "lines-5-amount": "2500"}  # fmt: skip
    form = {k: v for k, v in _form(item).items() if not k.startswith("lines-1")}
    response = client.post(url, {**form, **lines})
    assert response.status_code == 302, response.content.decode()[:2000]
    proposal = SubsidyProposal.objects.get()
    assert list(proposal.budget_lines.values_list("description", "amount")) == [
        ("ค่าวัสดุ", Decimal("10000.00")), ("ค่าแรง", Decimal("5000.00")), ("ค่าอาหาร", Decimal("2500.00"))
    ]  # fmt: skip
    edit = client.get(f"/plans/proposals/{proposal.pk}/edit/").content.decode()
    assert 'name="lines-5-amount"' in edit and 'name="lines-6-amount"' not in edit  # 3 lines + 3 blank rows


def test_over_the_plan_s_budget_is_refused_on_the_form_in_thai(client, world, staff_x, item):
    response = client_for(client, staff_x).post(
        f"/plans/proposals/new/{world.council_x.subdistrict.code}/", _form(item, **{"lines-1-amount": "10001"})
    )
    assert response.status_code == 200
    assert "งบประมาณที่ขอ 30,001.00 บาท เกินงบประมาณที่ต้องการตามแผน 30,000.00 บาท" in response.content.decode()
    assert SubsidyProposal.objects.count() == 0


def test_a_christian_era_year_is_refused(client, world, staff_x, item):
    response = client_for(client, staff_x).post(
        f"/plans/proposals/new/{world.council_x.subdistrict.code}/", _form(item, fiscal_year="2027")
    )
    assert "ปี 2027 ดูเป็นปี ค.ศ. กรุณาระบุปี พ.ศ. (2570)" in response.content.decode()


def test_submit_says_when_it_will_be_considered(client, world, staff_x, item):
    proposal = subsidy_proposal(council=world.council_x, recipient=world.lao, by=staff_x, items=[item], amount=1000)
    response = client_for(client, staff_x).post(f"/plans/proposals/{proposal.pk}/submit/", follow=True)
    proposal.refresh_from_db()
    assert proposal.status == S.SUBMITTED and proposal.considered_in_year is not None
    assert proposal.events.order_by("-pk").first().note in response.content.decode()


def test_the_agency_partly_approves_on_the_page_and_a_stale_page_is_refused(
    client, world, staff_x, agency_officer, item
):
    proposal = subsidy_proposal(
        council=world.council_x, recipient=world.lao, by=staff_x, items=[item], status=S.RECEIVED, amount=25000
    )
    page = client_for(client, agency_officer).get(f"/plans/proposals/{proposal.pk}/")
    assert 'name="seen_status" value="received"' in page.content.decode()
    url = f"/plans/proposals/{proposal.pk}/decide/"
    refused = client.post(url, {"action": "partly_approve", "amount": "20000", "note": "", "seen_status": "received"})
    assert refused.status_code == 200 and "กรุณาระบุเหตุผลที่อนุมัติบางส่วน" in refused.content.decode()
    done = client.post(url, {"action": "partly_approve", "amount": "๒๐,๐๐๐", "note": "งบไม่พอ", "seen_status": "received"})
    assert done.status_code == 302
    proposal.refresh_from_db()
    assert (proposal.status, proposal.amount_approved) == (S.PARTLY_APPROVED, Decimal("20000"))
    stale = client.post(url, {"action": "reject", "note": "ไม่มีงบ", "seen_status": "received"})
    assert "โครงการนี้มีผลการพิจารณาแล้ว" in stale.content.decode()


def test_documents_attach_and_download_for_those_who_read_it(client, world, staff_x, staff_y, item):
    proposal = subsidy_proposal(council=world.council_x, recipient=world.lao, by=staff_x, items=[item], amount=25000)
    client_for(client, staff_x)
    bad = client.post(
        f"/plans/proposals/{proposal.pk}/documents/", {"title": "ไฟล์", "file": SimpleUploadedFile("a.pdf", b"hello")}
    )
    assert "ไม่ใช่ PDF รูปภาพ" in bad.content.decode()
    good = client.post(
        f"/plans/proposals/{proposal.pk}/documents/",
        {"title": "หนังสือ", "file": SimpleUploadedFile("a.pdf", b"%PDF-1.4 letter")},
    )
    assert good.status_code == 302
    document = proposal.documents.get()
    assert client.get(f"/plans/proposals/{proposal.pk}/documents/{document.pk}/").status_code == 200
    client_for(client, staff_y)
    assert client.get(f"/plans/proposals/{proposal.pk}/documents/{document.pk}/").status_code == 404


def test_a_drafts_document_is_deleted_from_its_page(client, world, staff_x, item, django_capture_on_commit_callbacks):
    proposal = subsidy_proposal(council=world.council_x, recipient=world.lao, by=staff_x, items=[item], amount=25000)
    client_for(client, staff_x).post(
        f"/plans/proposals/{proposal.pk}/documents/",
        {"title": "หนังสือขอรับงบ", "file": SimpleUploadedFile("a.pdf", b"%PDF-1.4 letter")},
    )
    document = proposal.documents.get()
    url = f"/plans/proposals/{proposal.pk}/documents/{document.pk}/delete/"
    assert f'action="{url}"' in client.get(f"/plans/proposals/{proposal.pk}/").content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, follow=True)
    assert "ลบเอกสาร “หนังสือขอรับงบ” แล้ว" in response.content.decode()
    assert not proposal.documents.exists() and not document.file.storage.exists(document.file.name)
    assert client.post(url).status_code == 404


def test_a_submitted_proposals_document_is_not_deleted(client, world, staff_x, item):
    proposal = subsidy_proposal(council=world.council_x, recipient=world.lao, by=staff_x, items=[item], amount=25000)
    client_for(client, staff_x).post(
        f"/plans/proposals/{proposal.pk}/documents/", {"title": "หนังสือ", "file": SimpleUploadedFile("a.pdf", b"%PDF-1.4 x")}
    )
    SubsidyProposal.objects.filter(pk=proposal.pk).update(status=S.SUBMITTED)
    document = proposal.documents.get()
    page = client.get(f"/plans/proposals/{proposal.pk}/").content.decode()
    assert "/delete/" not in page
    response = client.post(f"/plans/proposals/{proposal.pk}/documents/{document.pk}/delete/")
    assert response.status_code == 403
    assert "ลบเอกสารได้เฉพาะขณะโครงการยังเป็นร่าง" in response.content.decode()
    assert proposal.documents.count() == 1


def test_the_agency_inbox_lists_proposals_waiting_on_it(client, world, staff_x, agency_officer, item):
    subsidy_proposal(council=world.council_x, recipient=world.lao, by=staff_x, items=[item], status=S.SUBMITTED, amount=25000,
                     title="รอ อบต. พิจารณา")  # fmt: skip
    subsidy_proposal(council=world.council_x, recipient=world.lao, by=staff_x, title="ยังเป็นร่าง")
    text = client_for(client, agency_officer).get("/meetings/inbox/").content.decode()
    assert "โครงการขอรับงบอุดหนุนที่รอหน่วยงานพิจารณา" in text
    assert "รอ อบต. พิจารณา" in text and "ยังเป็นร่าง" not in text


@pytest.mark.parametrize("count", [2, 12])
def test_the_list_reads_in_a_fixed_number_of_queries(
    client, world, staff_x, agency_officer, django_assert_max_num_queries, count
):
    for n in range(count):
        subsidy_proposal(council=world.council_x, recipient=world.lao, by=staff_x, status=S.SUBMITTED, title=f"โครงการ {n}")
    client_for(client, agency_officer)
    with django_assert_max_num_queries(8):
        response = client.get("/plans/proposals/?to=mine&status=submitted")
    assert response.status_code == 200
    assert response.content.decode().count('class="badge badge-submitted"') == count


def test_another_agency_s_staff_do_not_read_it_and_drafts_stay_with_the_council(
    client, world, staff_x, officer_d, item
):
    from agencies.choices import AgencyKind

    from ..factories import AgencyFactory

    office = AgencyFactory(
        name="ที่ว่าการอำเภอจอมทอง", kind=AgencyKind.DISTRICT_OFFICE, subdistrict=None, district=world.district,
        province=world.province, dla_code=None,
    )  # fmt: skip
    other = user_with_role("office", Role.AGENCY_STAFF, agency=office)
    submitted = subsidy_proposal(
        council=world.council_x, recipient=world.lao, by=staff_x, items=[item], status=S.SUBMITTED, amount=25000
    )
    draft = subsidy_proposal(council=world.council_x, recipient=world.lao, by=staff_x, title="โครงการลับยังไม่ยื่น")
    client_for(client, other)
    assert client.get(f"/plans/proposals/{submitted.pk}/").status_code == 403
    assert client.post(f"/plans/proposals/{submitted.pk}/decide/", {"action": "receive"}).status_code == 403
    listed = client.get("/plans/proposals/").content.decode()
    assert "โครงการลับยังไม่ยื่น" not in listed and submitted.title not in listed
    client_for(client, officer_d)
    assert client.get(f"/plans/proposals/{submitted.pk}/").status_code == 200
    assert client.get(f"/plans/proposals/{draft.pk}/").status_code == 403
