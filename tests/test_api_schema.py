"""The API keeps the contract its OpenAPI schema states.

Schemathesis reads the schema the app itself serves (/api/schema/) and calls every
operation through the Django WSGI app, in process, as two personas: a council's staff and
CODI staff, each signed in with a token. Two phases per operation: coverage (deterministic
boundary and schema-violating values, e.g. ``/reports/null,null/publish/``) and fuzzing
(8 Hypothesis examples, valid and invalid, derandomized). The checks are the response's
conformance: no server error, a documented status code and content type, a body and
headers that match the schema. (Whether DRF rejects every schema-violating request is
not checked: it reads ``?page_size=1&page_size=x`` as 1, by design.)

Data: conftest's world plus one real row behind every collection, rebuilt for every
operation and persona. Hooks give half the generated paths a real row's id and half the
bodies real references (a council code, a person...), so detail routes answer with data
and creates can succeed. Each case runs in a savepoint rolled back afterwards: no case's
writes reach the next one, every case meets the same world.

About a minute and a half on two cores. Run alone: pytest tests/test_api_schema.py
"""

import datetime as dt
from decimal import Decimal

import pytest
import schemathesis
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections, transaction
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from rest_framework.authtoken.models import Token

from agencies.models import CooperationAgreement, Mission
from councils import pdpa
from councils.choices import MemberPosition
from councils.services.assessments import assessment_record
from councils.services.mentorships import mentoring_visit_log, mentorship_start
from plans.models import LocalPlanAmendment
from reports.choices import ReportScope, ReportStatus
from reports.models import Report

from .factories import (
    ActivityFactory,
    CommunityOrganizationFactory,
    CommunityPlanFactory,
    CouncilMemberFactory,
    IndicatorFactory,
    IndicatorSetFactory,
    LocalPlanProjectFactory,
    PersonFactory,
    PlanItemFactory,
    ThemeFactory,
    subsidy_proposal,
)

APP = get_wsgi_application()
CONFIG = schemathesis.Config.from_dict(
    {
        "generation": {"mode": "all"},  # valid and schema-violating requests
        "checks": {
            "enabled": False,
            "not_a_server_error": {"enabled": True},
            "status_code_conformance": {"enabled": True},
            "content_type_conformance": {"enabled": True},
            "response_schema_conformance": {"enabled": True},
            "response_headers_conformance": {"enabled": True},
        },
    }
)
schema = schemathesis.openapi.from_wsgi("/api/schema/?format=json", APP, config=CONFIG)

PERSONAS = ["staff_x", "codi_staff"]
# The current world's real rows: by collection for the path (/api/v1/<collection>/{id}/...),
# by field name for request bodies. Filled by the fuzz_world fixture, read by the hooks below.
REAL_ROWS: dict[str, object] = {}
REAL_FIELDS: dict[str, object] = {}


@pytest.fixture(params=PERSONAS)
def persona(request, fuzz_world):
    """Request headers of the persona: a token, the way an API client signs in."""
    user = request.getfixturevalue(request.param)
    token = Token.objects.create(user=user)
    return {"Authorization": f"Token {token.key}"}


@pytest.fixture
def _connection_kept_across_requests():
    """Django closes the database connection when a request ends, which would end this
    test's transaction; its test client stops that, and so do we for the WSGI app."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@pytest.fixture
def fuzz_world(world, codi_staff, staff_x, _connection_kept_across_requests):
    """conftest's world plus one real row behind every API collection."""
    x, y, z = world.council_x, world.council_y, world.council_z
    theme = ThemeFactory(code="welfare", name_th="สวัสดิการชุมชน")
    activity = ActivityFactory(council=x)
    org = CommunityOrganizationFactory(council=x, code="CO0000001")
    person = PersonFactory(**pdpa.national_id_fields("1101700230708"))
    member = CouncilMemberFactory(council=x, person=person, organization=org, position=MemberPosition.CHAIR)
    CouncilMemberFactory(council=y)  # a term without an organization
    iset = IndicatorSetFactory(name="ชุดตัวชี้วัดทดสอบสัญญา")
    indicators = [IndicatorFactory(indicator_set=iset, theme=theme if n else None) for n in range(2)]
    today = dt.date.today()

    def assess(council, score):
        scores = {i.pk: Decimal(score) for i in indicators}
        return assessment_record(council=council, fiscal_year=2569, scores=scores, by=codi_staff, assessed_on=today)

    strong, _weak = assess(y, "5"), assess(x, "1")
    mentorship = mentorship_start(mentor=y, mentee=x, by=codi_staff, started_on=today)
    mentoring_visit_log(mentorship=mentorship, by=codi_staff, date=today, notes="เยี่ยมครั้งแรก")
    item = PlanItemFactory(plan=CommunityPlanFactory(council=x), theme=theme)
    project = LocalPlanProjectFactory(lao=world.lao)
    amendment = LocalPlanAmendment.objects.create(
        local_plan=project.local_plan, kind="addition", number=1, year=2568, effective_on=today
    )
    report = Report.objects.create(
        fiscal_year=2569, scope=ReportScope.COUNCIL, council=x, requested_by=codi_staff, key="contract:1",
        status=ReportStatus.DONE,
    )  # fmt: skip
    mission = Mission.objects.create(agency=world.lao, theme=theme, fiscal_year=2569, title="ซ่อมบ้านผู้ยากไร้")
    agreement = CooperationAgreement.objects.create(
        agency=world.lao, title="ข้อตกลงทดสอบสัญญา", signed_on=today, starts_on=today, province=world.province
    )
    proposal = subsidy_proposal(council=x, recipient=world.lao, by=staff_x, items=[item])
    monitoring, value = _indicator_value(x, staff_x)
    REAL_ROWS.clear()
    REAL_ROWS.update(
        {
            "activities": activity.pk, "alignments": item.alignment.pk, "assessments": strong.pk,
            "councils": x.subdistrict.code, "indicator-sets": iset.pk, "local-plan-projects": project.pk,
            "members": member.pk, "mentorships": mentorship.pk, "organizations": org.code,
            "people": person.pk, "plan-items": item.pk, "community-plans": item.plan.pk, "reports": report.pk,
            "agencies": world.lao.pk, "missions": mission.pk, "agreements": agreement.pk,
            "proposals": proposal.pk, "local-plan-amendments": amendment.pk, "indicators": monitoring.pk, "indicator-values": value.pk,
        }
    )  # fmt: skip
    REAL_FIELDS.clear()
    REAL_FIELDS.update(
        {
            "council": x.subdistrict.code, "mentor": y.subdistrict.code, "mentee": z.subdistrict.code,
            "person": person.pk, "organization": org.pk, "lao": world.lao.pk, "agencies": [world.lao.pk],
            "themes": [theme.code], "local_plan_project": project.pk, "province": world.province.code,
            "district": world.district.code, "date": today.isoformat(), "term_start": today.isoformat(),
            "fiscal_year": 2569, "plan": item.plan.pk, "agency": world.lao.pk, "theme": theme.code, "other_agencies": [],
            "signed_on": today.isoformat(), "starts_on": today.isoformat(),
            "recipient": world.lao.pk, "plan_items": [item.pk], "local_plan": project.local_plan.pk, "scores": [{"indicator": i.pk, "score": "3"} for i in indicators],
            "indicator": monitoring.code, "area": x.subdistrict.code, "level": "council", "quarter": 2,
        }
    )  # fmt: skip
    return world


def _indicator_value(council, staff):
    """A monitoring indicator and the council's draft value for Q1 2569."""
    from reports.indicators import services as indicator_services
    from reports.indicators.areas import Place
    from reports.models import Indicator as MonitoringIndicator

    monitoring = MonitoringIndicator.objects.create(code="M01", name_th="ครัวเรือนที่ร่วมกองทุน", level="council",
                                                    periodicity="quarter")  # fmt: skip
    value = indicator_services.value_save(indicator=monitoring, fiscal_year=2569, quarter=1,
                                          place=Place("council", council), by=staff, value=10)  # fmt: skip
    return monitoring, value


@schema.hook
def flatmap_path_parameters(context, path_parameters):
    """Keep the generated path, or name the world's real row of that collection."""
    if not path_parameters:
        return st.just(path_parameters)
    collection = context.operation.path.split("/")[3]  # /api/v1/<collection>/...
    real = {name: REAL_ROWS[collection] for name in path_parameters}
    return st.sampled_from([path_parameters, real])


@schema.hook
def flatmap_body(context, body):
    """Keep the generated body, or point its references at real rows (a council code, a
    person, an organization...), so that creates and edits can also succeed."""
    if not isinstance(body, dict) or not REAL_FIELDS.keys() & body.keys():
        return st.just(body)
    real = {**body, **{name: REAL_FIELDS[name] for name in REAL_FIELDS.keys() & body.keys()}}
    return st.sampled_from([body, real])


@schema.parametrize()
@settings(max_examples=8, deadline=None, derandomize=True, database=None, suppress_health_check=list(HealthCheck))
def test_api_keeps_its_contract(case, persona):
    """Every case in a savepoint rolled back afterwards: the next case meets the same world."""
    with transaction.atomic():
        try:
            case.call_and_validate(headers=persona)
        finally:
            transaction.set_rollback(True)
