"""The route table (tests/routes_table.py) against the URLconf and against one world.

1. Coverage: every route the portal serves (the Django admin aside: it has its own
   permission system) has a row for every method it accepts, and every row names a route
   and method that still exist. A new route can't ship without saying who may use it.
2. Answers: every row is played for every persona, one test id per (route, method,
   persona), each inside its own transaction that is rolled back, against one world built
   once for the module.
"""

from __future__ import annotations

import io
import json
from operator import attrgetter
from types import SimpleNamespace
from urllib.parse import urlencode

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.shortcuts import resolve_url
from django.test import override_settings
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.views.generic.edit import ProcessFormView
from PIL import Image

from accounts.choices import Role
from accounts.models import Notification
from accounts.tokens import api_token_create
from agencies.choices import AgencyKind
from agencies.models import CooperationAgreement, Mission
from common.jobs.choices import JobStatus
from councils.choices import ImportKind
from councils.models import ActivityPhoto, ExportJob, ImportJob, Mentorship
from councils.services.assessments import assessment_record
from meetings.choices import MechanismCategory, MeetingKind
from meetings.models import Suggestion
from meetings.models.photo import PHOTO_FOLDER
from meetings.services import actions as action_services
from meetings.services import mechanism as mechanism_services
from meetings.services import meetings as meeting_services
from meetings.services import photos as photo_services
from meetings.services.lessons import lesson_write
from meetings.services.obstacles import obstacle_raise
from plans.models import DistrictPlanPdf, LocalPlanAmendment, LocalPlanImport
from reports.choices import ReportScope, ReportStatus
from reports.models import Report
from reports.services import report_key

from .factories import (
    ActivityFactory,
    AgencyFactory,
    CommunityOrganizationFactory,
    CouncilFactory,
    CouncilMemberFactory,
    DistrictFactory,
    IndicatorFactory,
    IndicatorSetFactory,
    LocalPlanProjectFactory,
    PersonFactory,
    PlanItemFactory,
    ProvinceFactory,
    SubdistrictFactory,
    ThemeFactory,
    user_with_role,
)
from .routes_table import COVERS, PERSONAS, PREPARE, ROWS, Row, W

SKIPPED_NAMESPACES = {"admin"}  # Django's admin: is_staff and model permissions, tested by Django
METHODS = ("get", "post", "put", "patch", "delete")


# 1. The URLconf and the table agree -------------------------------------------------------


def _methods(callback) -> set[str]:
    """The methods a route's view answers (HEAD and OPTIONS aside)."""
    actions = getattr(callback, "actions", None)
    view_class = getattr(callback, "cls", None) or getattr(callback, "view_class", None)
    if actions:  # a DRF viewset route: the methods it maps, less those the viewset refuses
        return {m.upper() for m in actions if m in METHODS and m in view_class.http_method_names}
    if view_class is None:  # a function view (healthz, public_media): GET
        return {"GET"}
    found = set()
    for method in METHODS:
        handler = getattr(view_class, method, None)
        if handler is None or method not in view_class.http_method_names:
            continue
        if method == "put" and handler is ProcessFormView.put:  # Django's alias: it only calls post
            continue
        found.add(method.upper())
    return found


def served_routes(resolver=None, namespace: str = "", prefix: str = ""):
    """(route name, method) for every route of the URLconf, walked recursively."""
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            if entry.namespace in SKIPPED_NAMESPACES:
                continue
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from served_routes(entry, inner, prefix + str(entry.pattern))
        elif isinstance(entry, URLPattern):
            name = f"{namespace}{entry.name}" if entry.name else f"<unnamed {prefix}{entry.pattern}>"
            for method in _methods(entry.callback):
                yield name, method


def test_every_served_route_and_method_has_a_row():
    declared = {(row.route, row.method) for row in ROWS}
    missing = sorted(set(served_routes()) - declared)
    assert missing == [], "routes without a row in tests/routes_table.py (who may use them?): " + repr(missing)


def test_every_row_names_a_route_that_is_served():
    stale = sorted({(row.route, row.method) for row in ROWS} - set(served_routes()))
    assert stale == [], "rows for routes or methods the portal no longer serves: " + repr(stale)


def test_rows_are_well_formed():
    seen = set()
    for row in ROWS:
        key = (row.route, row.method, row.variant)
        assert key not in seen, f"two rows for {key}"
        seen.add(key)
        assert len(row.codes) == len(PERSONAS), row.label
        assert all(code == "L" or code.isdigit() for code in row.codes), row.label
        assert set(row.bugs) <= set(PERSONAS), row.label
        assert not row.prepare or row.prepare in PREPARE, row.label
        for persona, bug in row.bugs.items():
            assert bug.got != row.expected(persona) or row.hides_other_areas, (row.label, persona)


# 2. The world -----------------------------------------------------------------------------


def _png() -> ContentFile:
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), (11, 93, 59)).save(buffer, format="PNG")
    return ContentFile(buffer.getvalue(), name="forum.png")


def _build_world() -> SimpleNamespace:
    p = ProvinceFactory(code="50", name_th="เชียงใหม่", name_en="Chiang Mai")
    q = ProvinceFactory(code="57", name_th="เชียงราย", name_en="Chiang Rai")
    d = DistrictFactory(province=p, code="5002", name_th="จอมทอง")
    e = DistrictFactory(province=p, code="5004", name_th="เชียงดาว")
    f = DistrictFactory(province=q, code="5701", name_th="เมืองเชียงราย")
    x = CouncilFactory(subdistrict=SubdistrictFactory(district=d, code="500202", name_th="บ้านหลวง"))
    y = CouncilFactory(subdistrict=SubdistrictFactory(district=d, code="500204", name_th="ข่วงเปา"))
    v = CouncilFactory(subdistrict=SubdistrictFactory(district=d, code="500205", name_th="สบเตี๊ยะ"))
    z = CouncilFactory(subdistrict=SubdistrictFactory(district=e, code="500401", name_th="เชียงดาว"))
    w = CouncilFactory(subdistrict=SubdistrictFactory(district=f, code="570101", name_th="เวียง"))
    lao = AgencyFactory(subdistrict=x.subdistrict)
    x.lao = lao
    x.save(update_fields=["lao"])
    users = {
        "staff_x": user_with_role("r_staff_x", Role.COUNCIL_STAFF, council=x),
        "staff_y": user_with_role("r_staff_y", Role.COUNCIL_STAFF, council=y),
        "staff_z": user_with_role("r_staff_z", Role.COUNCIL_STAFF, council=z),
        "officer_d": user_with_role("r_officer_d", Role.DISTRICT_OFFICER, district=d),
        "officer_e": user_with_role("r_officer_e", Role.DISTRICT_OFFICER, district=e),
        "agency": user_with_role("r_agency", Role.AGENCY_STAFF, agency=lao),
        "codi": user_with_role("r_codi", Role.CODI_STAFF),
        "codi_q": user_with_role("r_codi_q", Role.CODI_STAFF, provinces=[q]),
        "admin": user_with_role("r_admin", Role.ADMINISTRATOR),
    }
    codi = users["codi"]

    activity = ActivityFactory(council=x)
    photo = ActivityPhoto(activity=activity)
    photo.image.save("forum.png", _png())
    organization = CommunityOrganizationFactory(council=x)
    person = PersonFactory()
    member = CouncilMemberFactory(council=x, person=person, organization=organization)
    CouncilMemberFactory(council=z, person=person)  # the same person sits on Z too

    indicator_set = IndicatorSetFactory(is_active=True)
    indicator = IndicatorFactory(indicator_set=indicator_set, max_score=5)
    assessment_record(council=v, fiscal_year=2568, scores={indicator.pk: 5}, by=codi)  # V passes: a mentor
    assessment = assessment_record(council=x, fiscal_year=2568, scores={indicator.pk: 1}, by=codi)
    mentorship = Mentorship.objects.create(mentor=v, mentee=x, started_on="2025-01-10", created_by=codi)

    theme = ThemeFactory(code="welfare", name_th="สวัสดิการชุมชน")
    dopa = AgencyFactory(
        name="กรมการปกครอง", kind=AgencyKind.DOPA, subdistrict=None, district=None, province=None, dla_code=None
    )
    mission = Mission.objects.create(agency=lao, theme=theme, fiscal_year=2569, title="ซ่อมบ้านผู้ยากไร้")
    agreement = CooperationAgreement.objects.create(
        agency=lao, title="ข้อตกลงของ อบต.", signed_on="2025-09-01", starts_on="2025-10-01"
    )
    agreement.file.save("mou.pdf", ContentFile(b"%PDF-1.4 route table"))
    public_agreement = CooperationAgreement.objects.create(
        agency=dopa, title="ข้อตกลงของกรม", signed_on="2025-09-01", starts_on="2025-10-01", is_public=True
    )
    public_agreement.file.save("mou-public.pdf", ContentFile(b"%PDF-1.4 route table"))
    plan_item = PlanItemFactory(plan__council=x)
    project = LocalPlanProjectFactory(lao=lao)
    for other in (y, z, w):  # something of every kind elsewhere, for the lists to leave out
        ActivityFactory(council=other)
        CommunityOrganizationFactory(council=other)
        CouncilMemberFactory(council=other)
        PlanItemFactory(plan__council=other)
        LocalPlanProjectFactory(lao=AgencyFactory(subdistrict=other.subdistrict))
        assessment_record(council=other, fiscal_year=2568, scores={indicator.pk: 2}, by=codi)

    def done_report(scope: str, code: str, published: bool = False, **area) -> Report:
        key = report_key(kind="annual", fiscal_year=2569, scope=scope, area_code=code)
        report = Report.objects.create(
            fiscal_year=2569, scope=scope, key=key, status=ReportStatus.DONE, progress=100, is_published=published,
            requested_by=codi, **area,
        )
        report.file.save(f"r{report.pk}.pdf", ContentFile(b"%PDF-1.4 route table"))
        report.xlsx.save(f"r{report.pk}.xlsx", ContentFile(b"PK route table"))
        return report

    import_job = ImportJob.objects.create(
        kind=ImportKind.COUNCILS, file="imports/route.xlsx", original_name="route.xlsx",
        status=JobStatus.FAILED, requested_by=codi,
    )
    local_amendment, local_import_job = _build_local_plan(project.local_plan, users["agency"])
    export_job = ExportJob.objects.create(
        kind=ImportKind.ORGANIZATIONS, file_format="csv", status=JobStatus.DONE, progress=100, requested_by=codi,
    )
    export_job.file.save("route.csv", ContentFile("\ufeffรหัส\r\n".encode()))
    district_plan_pdf = DistrictPlanPdf.objects.create(
        district=d, fiscal_year=2569, status=JobStatus.DONE, progress=100, requested_by=users["officer_d"],
    )
    district_plan_pdf.file.save("route.pdf", ContentFile(b"%PDF-1.4 route table"))
    for other in (y, z, w):
        done_report(ReportScope.COUNCIL, other.code, council=other)
    obstacle = obstacle_raise(
        council=x, by=users["staff_x"], agency=lao, theme=plan_item.theme, title="ถนนเข้าหมู่บ้านชำรุด",
        detail="ฝนตกหนักถนนขาด", evidence=ContentFile(b"%PDF-1.4 evidence", name="evidence.pdf"),
    )
    suggestion = Suggestion.objects.create(district=d, text="ขอให้จัดเวทีประชาคมช่วงเย็น")
    notification = Notification.objects.create(user=users["staff_x"], text="ทดสอบ", url="/meetings/obstacles/")
    api_token, _key = api_token_create(user=users["staff_x"], name="สคริปต์ทดสอบ")
    meetings = _build_meetings(d=d, x=x, y=y, z=z, w=w, lao=lao, users=users)
    lesson_write(by=users["staff_x"], activity=activity, what_worked="ชวนเยาวชน", what_did_not="นัดช่วงเก็บเกี่ยว",
                 theme=theme, is_published=True)  # fmt: skip
    for other in (y, z, w):  # lessons elsewhere, for the places to leave out
        lesson_write(by=users["admin"], activity=other.activities.first(), what_worked="ได้ผล", what_did_not="ไม่ได้ผล")
    proposals = _build_proposals(x=x, lao=lao, staff=users["staff_x"])
    indicators = _build_indicators(x=x, others=(y, z, w), users=users)
    return SimpleNamespace(
        **meetings, **proposals, **indicators,
        p=p, q=q, d=d, e=e, f=f, x=x, y=y, v=v, z=z, w=w, lao=lao, users=users,
        activity=activity, photo=photo, photo_path=photo.image.name.removeprefix("activities/"), organization=organization, person=person, member=member,
        indicator_set=indicator_set, indicator=indicator, assessment=assessment, mentorship=mentorship,
        theme=theme, dopa=dopa, mission=mission, agreement=agreement, public_agreement=public_agreement,
        plan_item=plan_item, alignment=plan_item.alignment, project=project, import_job=import_job,
        local_plan=project.local_plan, local_amendment=local_amendment, local_import_job=local_import_job,
        export_job=export_job, district_plan_pdf=district_plan_pdf, obstacle=obstacle, suggestion=suggestion,
        notification=notification, api_token=api_token,
        report=done_report(ReportScope.COUNCIL, x.code, council=x),
        public_report=done_report(ReportScope.PROVINCE, p.code, published=True, province=p),
    )  # fmt: skip


def _build_local_plan(plan, by):
    """X's LAO's plan: an amendment with its PDF, and a failed e-Plan import job."""
    amendment = LocalPlanAmendment.objects.create(
        local_plan=plan, kind="addition", number=1, year=2568, effective_on="2025-02-01", created_by=by
    )
    amendment.document.save("amendment.pdf", ContentFile(b"%PDF-1.4 route table"))
    job = ImportJob.objects.create(
        kind="local_plan_projects", file="imports/eplan.xlsx", original_name="eplan.xlsx", status=JobStatus.FAILED,
        requested_by=by,
    )
    LocalPlanImport.objects.create(job=job, local_plan=plan)
    return amendment, job


def _build_meetings(*, d, x, y, z, w, lao, users) -> dict:
    """D's mechanism with a held meeting (a resolution, an action item for X's LAO with
    evidence), X's planned meeting with a file, X's published meeting with a file, and
    meetings of Y, Z and W for the lists to leave out."""
    import datetime as dt

    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.utils import timezone

    officer, staff = users["officer_d"], users["staff_x"]
    past = timezone.localdate() - dt.timedelta(days=3)
    mechanism = mechanism_services.mechanism_establish(district=d, by=officer, name="กลไกอำเภอจอมทอง")
    member = mechanism_services.mechanism_member_add(
        mechanism=mechanism, by=officer, full_name="นายอำเภอ ทดสอบ", category=MechanismCategory.DISTRICT_OFFICE,
        role="chair", term_start=past - dt.timedelta(days=300),
    )
    district_meeting = meeting_services.meeting_call(
        by=officer, kind=MeetingKind.DISTRICT, title="ประชุมกลไก 1/2569", date=past, district=d,
        agenda=[("ติดตามแผน", "")],
    )
    district_meeting = meeting_services.meeting_mark_held(meeting=district_meeting, by=officer)
    resolution = action_services.resolution_add(agenda_item=district_meeting.agenda.get(), by=officer, text="มอบ อบต.")
    action = action_services.action_item_create(
        resolution=resolution, by=officer, title="บรรจุแผน", due_date=past + dt.timedelta(days=30), agency=lao
    )
    update = action_services.action_update_add(
        action=action, by=officer, note="เริ่มแล้ว", evidence=SimpleUploadedFile("e.pdf", b"%PDF-1.4 evidence")
    )
    council_meeting = meeting_services.meeting_call(
        by=staff, kind=MeetingKind.COUNCIL, title="ประชุมสภา X", date=past, council=x, agenda=[("แจ้ง", "")]
    )
    attachment = meeting_services.attachment_add(
        meeting=council_meeting, by=staff, upload=SimpleUploadedFile("a.pdf", b"%PDF-1.4 attachment")
    )
    published = meeting_services.meeting_call(by=staff, kind=MeetingKind.COUNCIL, title="ประชุมสภา X เผยแพร่", date=past, council=x)
    public_attachment = meeting_services.attachment_add(
        meeting=published, by=staff, upload=SimpleUploadedFile("p.pdf", b"%PDF-1.4 public")
    )
    meeting_photo = photo_services.photo_add(meeting=council_meeting, by=staff, upload=_png(), caption="สภา X")
    public_photo = photo_services.photo_add(meeting=published, by=staff, upload=_png(), caption="เผยแพร่")
    meeting_services.meeting_mark_held(meeting=published, by=staff)
    published.refresh_from_db()
    meeting_services.minutes_save(meeting=published, by=staff, minutes="<p>รับทราบ</p>")
    meeting_services.meeting_publish_minutes(meeting=published, by=staff)
    for other in (y, z, w):
        meeting_services.meeting_call(
            by=users["admin"], kind=MeetingKind.COUNCIL, title=f"ประชุมสภา {other.code}", date=past, council=other
        )
    return {
        "mechanism": mechanism, "mechanism_member": member, "district_meeting": district_meeting,
        "resolution": resolution, "action": action, "action_update": update, "council_meeting": council_meeting,
        "attachment": attachment, "published_meeting": published, "public_attachment": public_attachment,
        "meeting_photo": meeting_photo, "meeting_photo_path": meeting_photo.image.name.removeprefix(PHOTO_FOLDER),
        "public_meeting_photo_path": public_photo.image.name.removeprefix(PHOTO_FOLDER),
    }


def _build_proposals(*, x, lao, staff) -> dict:
    """X's proposal submitted to X's LAO (with a document) and X's draft."""
    from plans.choices import ProposalStatus
    from plans.models import ProposalDocument

    from .factories import subsidy_proposal

    proposal = subsidy_proposal(council=x, recipient=lao, by=staff, status=ProposalStatus.SUBMITTED)
    document = ProposalDocument(proposal=proposal, title="หนังสือขอรับงบ", content_type="application/pdf", size=20)
    document.file.save("letter.pdf", ContentFile(b"%PDF-1.4 route table"))
    draft = subsidy_proposal(council=x, recipient=lao, by=staff, title="ร่างโครงการ")
    return {"proposal": proposal, "proposal_document": document, "draft_proposal": draft}


def _build_indicators(*, x, others, users) -> dict:
    """A council-level quarterly indicator: X's draft for Q1 2569, X's value for Q2 submitted
    with evidence, and submitted values of Y, Z and W for the lists to leave out."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from reports.choices import AreaLevel, Periodicity
    from reports.indicators import services as indicator_services
    from reports.indicators.areas import Place
    from reports.models import Indicator as MonitoringIndicator

    indicator = MonitoringIndicator.objects.create(
        code="M01", name_th="ครัวเรือนที่ร่วมกองทุนสวัสดิการ", unit="ครัวเรือน", level=AreaLevel.COUNCIL,
        periodicity=Periodicity.QUARTER,
    )

    def enter(council, quarter, by, submit=True, **extra):
        value = indicator_services.value_save(
            indicator=indicator, fiscal_year=2569, quarter=quarter, place=Place(AreaLevel.COUNCIL, council), by=by,
            value=10, **extra,
        )
        return indicator_services.value_submit(value_id=value.pk, by=by) if submit else value

    draft = enter(x, 1, users["staff_x"], submit=False)
    submitted = enter(x, 2, users["staff_x"], evidence=SimpleUploadedFile("photo.pdf", b"%PDF-1.4 evidence"))
    for other in others:
        enter(other, 2, users["admin"])
    return {"monitoring_indicator": indicator, "draft_value": draft, "submitted_value": submitted}


@pytest.fixture(scope="module")
def route_world(django_db_setup, django_db_blocker, tmp_path_factory):
    """Built once for the module inside a transaction that is rolled back at its end; each
    case runs in a savepoint of its own (pytest-django's ``db``), so writes don't leak."""
    media = override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("route-media"))
    media.enable()
    try:
        with django_db_blocker.unblock(), transaction.atomic():
            yield _build_world()
            transaction.set_rollback(True)
    finally:
        media.disable()


@pytest.fixture(autouse=True)
def _media_root():
    """The world's files live in one folder for the whole module (see route_world)."""


# 3. Every row, every persona --------------------------------------------------------------


class TableDrift(Exception):
    """A known bug now answers neither what the table says it answers nor the right thing."""


def _resolve(value, world):
    if isinstance(value, W):
        return attrgetter(value.path)(world)
    if isinstance(value, dict):
        return {key: _resolve(item, world) for key, item in value.items()}
    if isinstance(value, list):
        return [_resolve(item, world) for item in value]
    return value


def _cases():
    for row in ROWS:
        for persona in PERSONAS:
            marks = []
            bug = row.bugs.get(persona)
            if bug is not None:
                expected = row.expected(persona)
                if bug.got == expected:  # the status is right, the body is not
                    reason = f"{bug.why} (today {bug.got} naming them, should be {expected} without)"
                else:
                    reason = f"{bug.why} (today {bug.got}, should be {expected})"
                marks.append(pytest.mark.xfail(strict=True, raises=AssertionError, reason=reason))
            yield pytest.param(row, persona, id=f"{row.label}-{row.method}-{persona}", marks=marks)


def _request(client, row: Row, world):
    url = reverse(row.route, kwargs={k: str(v) for k, v in _resolve(row.args, world).items()})
    query = _resolve(row.query, world)
    body = _resolve(row.body, world)
    if row.method == "GET":
        return client.get(url, query)
    if url.startswith("/api/"):
        return client.generic(row.method, url, json.dumps(body), content_type="application/json")
    return client.generic(row.method, url, urlencode(body, doseq=True), content_type="application/x-www-form-urlencoded")


def _answer(response) -> str:
    """The response as a table code: ``L`` for a redirect to the login page."""
    login = resolve_url(settings.LOGIN_URL)
    if response.status_code == 302 and response["Location"].startswith(login):
        return "L"
    return str(response.status_code)


def _body(response) -> str:
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content).decode("utf-8", "replace")
    return response.content.decode("utf-8", "replace")


@pytest.mark.parametrize(("row", "persona"), list(_cases()))
def test_route_answers_as_the_table_says(row: Row, persona: str, route_world, client, db):
    if row.prepare:
        PREPARE[row.prepare](route_world)
    if persona != "anonymous":
        client.force_login(route_world.users[persona])
    response = _request(client, row, route_world)
    answer = _answer(response)
    expected = row.expected(persona)
    bug = row.bugs.get(persona)
    if bug is not None and answer not in (bug.got, expected):
        raise TableDrift(f"{row.label} {row.method} as {persona}: today {answer}, table says {bug.got}")
    assert answer == expected, f"{row.label} {row.method} as {persona}: got {answer}, expected {expected}"
    if row.hides_other_areas and answer.startswith("2"):
        text = _body(response)
        shown = [
            council.code
            for c in "xyzvw"
            if c not in COVERS[persona] and ((council := getattr(route_world, c)).code in text or council.name in text)
        ]
        assert shown == [], f"{row.label} shows councils outside {persona}'s scope: {shown}"
