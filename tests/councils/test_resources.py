"""The django-import-export resources used by the admin: Thai headers, the same cell rules
as the import page, neutralised exports, and never a national ID."""

import datetime as dt

import pytest
import tablib

from councils.models import CommunityOrganization, CouncilMember
from councils.resources import CommunityOrganizationResource, CouncilMemberResource

from ..factories import CommunityOrganizationFactory, UserFactory
from . import import_corpus as corpus

pytestmark = pytest.mark.django_db


def _dataset(headers, rows):
    return tablib.Dataset(*rows, headers=headers)


def test_organizations_resource_imports_thai_headers_and_buddhist_era_dates(world):
    result = CommunityOrganizationResource().import_data(
        _dataset(corpus.ORG_HEADERS, [corpus.org_row()]), dry_run=False
    )
    assert not result.has_errors() and not result.has_validation_errors()
    org = CommunityOrganization.objects.get()
    assert (org.council, org.kind, org.founded_on, org.registered_on, org.member_count) == (
        world.council_x, "savings_group", dt.date(1997, 3, 15), dt.date(2023, 10, 1), 42
    )


def test_organizations_resource_gives_the_same_thai_messages(world):
    rows = [corpus.org_row(members="12.5", founded="15/03/2023")]
    result = CommunityOrganizationResource().import_data(_dataset(corpus.ORG_HEADERS, rows), dry_run=True)
    errors = result.invalid_rows[0].field_specific_errors
    assert errors == {
        "member_count": ["ต้องเป็นจำนวนเต็ม ค่าที่พบ “12.5”"],
        "founded_on": ["ปี 2023 เป็นปี ค.ศ. แต่คอลัมน์นี้ใช้ปี พ.ศ. (เช่น 2566)"],
    }
    assert CommunityOrganization.objects.count() == 0


def test_members_resource_creates_people_and_exports_no_personal_ids(world):
    dataset = _dataset(corpus.MEMBER_HEADERS, [corpus.member_row()])
    result = CouncilMemberResource().import_data(dataset, dry_run=False)
    assert not result.has_errors() and not result.has_validation_errors(), result.invalid_rows
    member = CouncilMember.objects.select_related("person").get()
    assert (member.person.full_name, member.person.phone, member.position, member.term_start) == (
        "นายสมชาย ใจดี", "081-000-0000", "chair", dt.date(2023, 1, 1)
    )
    exported = CouncilMemberResource().export()
    assert exported.headers == ["รหัสตำบล", "ชื่อ-สกุล", "ตำแหน่ง", "รหัสองค์กร (พอช.)", "เริ่มวาระ (พ.ศ.)", "สิ้นสุดวาระ (พ.ศ.)"]
    assert exported[0] == ("500203", "นายสมชาย ใจดี", "ประธาน", "", "01/01/2566", "31/12/2569")


def test_admin_changelists_offer_import_and_export(world, client):
    admin = UserFactory(username="admin", is_staff=True, is_superuser=True)
    CommunityOrganizationFactory(council=world.council_x, code="CO1", name="=1+1")
    client.force_login(admin)
    for url in ("/admin/councils/council/", "/admin/councils/communityorganization/",
                "/admin/councils/councilmember/"):
        page = client.get(url).content.decode()
        assert "import/" in page and "export/" in page, url
    assert client.get("/admin/councils/communityorganization/import/").status_code == 200
    exported = CommunityOrganizationResource().export()
    assert exported[0][:2] == ("CO1", "'=1+1")
