"""The vocabulary of the route table (tests/routes_table.py): the personas, the kinds of
route (a row reads as a rule), the Row shape and the objects and bodies rows point at."""

from __future__ import annotations

from dataclasses import dataclass, field

PERSONAS = (
    "anonymous", "staff_x", "staff_y", "staff_z", "officer_d", "officer_e", "agency", "codi", "codi_q", "admin",
)  # fmt: skip

# Kinds of route: a row reads as a rule. Columns as in PERSONAS.
#                  anon own  same_d other_d off_d off_e agency codi codi_q admin
PUBLIC          = "200  200  200    200     200   200   200    200  200    200"
SIGNED_IN       = "L    OK   OK     OK      OK    OK    OK     OK   OK     OK"
IN_SCOPE        = "L    OK   404    404     OK    404   OK     OK   404    OK"  # anyone whose area holds X
COUNCIL_EDIT    = "L    OK   404    404     403   404   403    403  404    OK"  # X's own staff
MEMBERS_VIEW    = "L    OK   404    404     OK    404   403    OK   404    OK"  # PDPA: no agency staff
MEMBERS_MANAGE  = "L    OK   404    404     403   404   403    OK   404    OK"  # X's staff and CODI
MEMBERS_LIST    = "L    OK   OK     OK      OK    OK    403    OK   OK     OK"  # own area's members
ASSESSMENTS_VIEW = MEMBERS_VIEW  # X's staff, D's officer and CODI; the agency is refused
ASSESSMENTS_LIST = MEMBERS_LIST
CODI_IN_SCOPE   = "L    403  404    404     403   404   403    OK   404    OK"  # assess, mentor, reports
CODI_ONLY       = "L    403  403    403     403   403   403    OK   OK     OK"  # no object yet
IMPORT_JOB      = "L    403  403    403     403   403   403    OK   404    OK"  # a job codi uploaded
EXPORT_JOB      = "L    404  404    404     404   404   404    OK   404    404"  # codi's export: theirs alone
DISTRICT_VIEW   = "L    404  404    404     OK    404   404    OK   404    OK"  # district D's page
DISTRICT_REVIEW = "L    404  404    404     OK    404   404    403  404    OK"  # D's officer reviews
ALIGNMENT_REVIEW = "L   403  404    404     OK    404   403    403  404    OK"  # an item of X, D's officer
# The district plan of D: its officers and CODI compile it; those whose area lies in D are refused.
DISTRICT_PLAN   = "L    403  403    404     OK    404   403    OK   404    OK"
# Province P's roll-up of district plans: CODI staff; anyone else with an area in P is refused.
PROVINCIAL_PLAN = "L    403  403    403     403   403   403    OK   404    OK"
DISTRICT_PDF_JOB = "L   404  404    404     OK    404   404    404  404    404"  # D's officer's PDF job: theirs alone
# A person with a current term on X and one on Z: their page is in X's and Z's areas.
PERSON_VIEW     = "L    OK   404    OK      OK    OK    403    OK   404    OK"
PERSON_MANAGE   = "L    OK   404    OK      403   403   403    OK   404    OK"  # manages one term
PERSON_ALL      = "L    403  404    403     403   403   403    OK   404    OK"  # erase, reveal: CODI
OBSTACLE_ANSWER = "L   403  404    404     403   404   OK     403  404    OK"  # X's obstacle to X's LAO
AGENCY_ONLY     = "L    403  403    403     403   403   OK     403  403    403"  # the agency staff's inbox
OWN_ONLY        = "L    OK   404    404     404   404   404    404  404    404"  # staff_x's own notification
AGENCY_MANAGE   = "L    403  403    403     403   403   OK     403  403    OK"  # X's LAO's own staff
# Meetings: D's mechanism meeting holds an action item assigned to X's LAO (the agency).
ACTION_VIEW     = "L    404  404    404     OK    404   OK     OK   404    OK"
ACTION_REPORT   = "L    404  404    404     OK    404   OK     403  404    OK"  # the assignee, D's officer
ACTION_CANCEL   = "L    404  404    404     OK    404   403    403  404    OK"  # the meeting's keepers
LOGIN_PAGE      = "200  302  302    302     302   302   302    302  302    302"  # signed in: sent on
LOCAL_PLAN_EDIT = "L    403  404    404     403   404   OK     403  404    OK"  # X's LAO's own staff
PROVINCE_VIEW   = "L    404  404    404     404   404   404    OK   404    OK"  # province P's page: CODI
EVERYONE_302    = "302  302  302    302     302   302   302    302  302    302"
# Subsidy proposals and the budget calendar: X's proposal to X's LAO (the agency).
PROPOSAL_DECIDE = OBSTACLE_ANSWER  # the addressed agency's staff move it
# A document of X's submitted proposal: no one removes it any more (a draft's: X's staff).
DOCUMENT_DELETE_SUBMITTED = "L 403 404 404 403 404 403 403 404 403"
CALENDAR_EDIT   = "L    403  404    404     403   404   403    403  404    OK"  # administrators only
# Monitoring indicators: X's submitted value is decided by D's officers and CODI of the area.
VALUE_DECIDE    = "L    403  404    404     OK    404   403    OK   404    OK"
DECIDE_QUEUE    = "L    403  403    403     OK    OK    403    OK   OK     OK"  # officers and CODI


def rule(kind: str, ok: int = 200, *, anon: int | None = None, **persona_codes: int) -> tuple[str, ...]:
    """The ten codes of a kind, ``OK`` replaced by ``ok``, the anonymous column by ``anon``
    (the API answers anonymous visitors itself, without a login page) and any persona's
    column by its keyword."""
    codes = [str(ok) if code == "OK" else code for code in kind.split()]
    assert len(codes) == len(PERSONAS), kind
    if anon is not None:
        codes[0] = str(anon)
    for persona, code in persona_codes.items():
        codes[PERSONAS.index(persona)] = str(code)
    return tuple(codes)


@dataclass(frozen=True)
class W:
    """A value taken from the world when the case runs: W("x.code") is council X's code."""

    path: str


@dataclass(frozen=True)
class Bug:
    """Today's answer where it breaks the rules, and why."""

    got: str
    why: str


@dataclass(frozen=True)
class Row:
    route: str
    method: str
    codes: tuple[str, ...]
    args: dict = field(default_factory=dict)  # URL kwargs
    query: dict = field(default_factory=dict)
    body: dict = field(default_factory=dict)  # form fields for HTML, JSON for the API
    variant: str = ""  # one route tried on several objects: which one
    prepare: str = ""  # a change to the world made inside the case (rolled back after it)
    hides_other_areas: bool = False  # a 2xx body names (code or name) no council outside the persona's scope
    bugs: dict = field(default_factory=dict)  # persona -> Bug

    @property
    def label(self) -> str:
        return f"{self.route}({self.variant})" if self.variant else self.route

    def expected(self, persona: str) -> str:
        return self.codes[PERSONAS.index(persona)]


GET, POST, PUT, PATCH, DELETE = "GET", "POST", "PUT", "PATCH", "DELETE"
X = {"code": W("x.code")}
ACTIVITY = {"code": W("x.code"), "pk": W("activity.pk")}
MEMBER = {"code": W("x.code"), "pk": W("member.pk")}
PERSON = {"pk": W("person.pk")}
MENTORSHIP = {"pk": W("mentorship.pk")}
IMPORT = {"pk": W("import_job.pk")}
EXPORT = {"pk": W("export_job.pk")}
REPORT = {"pk": W("report.pk")}
PUBLIC_REPORT = {"pk": W("public_report.pk")}
OBSTACLE = {"pk": W("obstacle.pk")}
SUGGESTION = {"code": W("d.code"), "pk": W("suggestion.pk")}
D = {"code": W("d.code")}
LOCAL_PLAN = {"pk": W("local_plan.pk")}
LOCAL_PROJECT = {"pk": W("local_plan.pk"), "project_id": W("project.pk")}
LOCAL_IMPORT = {"job_id": W("local_import_job.pk")}
PROPOSAL_DOC = {"pk": W("proposal.pk"), "doc_id": W("proposal_document.pk")}
LOCAL_PROJECT_FIELDS = {"title": "โครงการซ่อมถนนลูกรัง หมู่ที่ 3", "budgets": {"2569": "50,000", "2570": None}}
LOCAL_PROJECT_JSON = {"local_plan": W("local_plan.pk"), **LOCAL_PROJECT_FIELDS}
LOCAL_AMENDMENT_JSON = {
    "local_plan": W("local_plan.pk"), "kind": "addition", "number": 2, "year": 2569, "effective_on": "2026-03-01",
    "additions": [LOCAL_PROJECT_FIELDS],
}  # fmt: skip
MECHANISM_MEMBER = {"code": W("d.code"), "pk": W("mechanism_member.pk")}
MEETING = {"pk": W("council_meeting.pk")}
MEETING_PHOTO = {"pk": W("council_meeting.pk"), "photo_id": W("meeting_photo.pk")}
LESSON_BODY = {"what_worked": "ชวนเยาวชนร่วมเวที", "what_did_not": "นัดช่วงเก็บเกี่ยว"}
ACTION = {"pk": W("action.pk")}
MONITORING = {"pk": W("monitoring_indicator.pk")}
DRAFT_VALUE = {"pk": W("draft_value.pk")}
VALUE = {"pk": W("submitted_value.pk")}
ENTRY_X = {"indicator_id": W("monitoring_indicator.pk"), "level": "council", "code": W("x.code"), "fiscal_year": 2569,
           "quarter": 1}  # fmt: skip
TARGET_FORM = {"fiscal_year": "๒๕๖๙", "quarter": "1", "level": "council", "code": W("x.code"), "value": "12"}
VALUE_JSON = {"indicator": "M01", "fiscal_year": 2569, "quarter": 3, "level": "council", "area": W("x.code"), "value": "5"}

# Known bugs, named once ---------------------------------------------------------------------


def export(kind: str, fmt: str, codes, **extra) -> Row:
    return Row(
        "councils:export", GET, codes, args={"kind": kind, "fmt": fmt}, variant=f"{kind}.{fmt}",
        hides_other_areas=fmt == "csv", **extra,
    )


def export_job(kind: str, fmt: str, codes) -> Row:
    """POST: the same export made by a job (the GET offers it past EXPORT_INLINE_MAX_ROWS)."""
    return Row("councils:export", POST, codes, args={"kind": kind, "fmt": fmt}, variant=f"{kind}.{fmt}")


ACTIVITY_BODY = {"council": W("x.code"), "date": "2025-11-20", "kind": "forum", "title": "เวทีประชาคมทดสอบ"}
ORGANIZATION_BODY = {"council": W("x.code"), "code": "CO-ROUTE-1", "name": "กลุ่มทดสอบเส้นทาง", "kind": "savings_group"}
MEMBER_BODY = {"council": W("x.code"), "full_name": "นายทดสอบ เส้นทาง", "term_start": "2025-01-15"}
ASSESSMENT_BODY = {"council": W("x.code"), "fiscal_year": 2569, "scores": [{"indicator": W("indicator.pk"), "score": 3}]}
MENTORSHIP_BODY = {"mentor": W("v.code"), "mentee": W("y.code")}
PLAN = {"code": W("x.code"), "pk": W("plan_item.plan.pk")}
PLAN_ITEM = {"code": W("x.code"), "pk": W("plan_item.plan.pk"), "item_id": W("plan_item.pk")}
PLAN_ITEM_FORM = {"theme": W("plan_item.theme.pk"), "title": "ซ่อมฝายบ้านหลวง", "priority": "1", "budget_needed": "๕๐,๐๐๐"}
PLAN_ITEM_BODY = {"plan": W("plan_item.plan.pk"), "theme": W("plan_item.theme.code"), "title": "ซ่อมฝายบ้านหลวง"}
OBSTACLE_BODY = {"agency": W("lao.pk"), "theme": W("plan_item.theme.pk"), "title": "น้ำประปาไม่ไหล", "detail": "สามวันแล้ว"}
REPORT_BODY = {"fiscal_year": 2569, "scope": "council", "council": W("x.code")}

AGENCY = {"pk": W("lao.pk")}
MISSION = {"pk": W("lao.pk"), "mission_pk": W("mission.pk")}
AGREEMENT = {"pk": W("lao.pk"), "agreement_pk": W("agreement.pk")}
MISSION_FORM = {"theme": W("theme.pk"), "fiscal_year": 2569, "title": "สนับสนุนกองทุนสวัสดิการชุมชน"}
AGREEMENT_FORM = {"title": "ข้อตกลงทดสอบเส้นทาง", "signed_on": "15/09/2568", "starts_on": "01/10/2568"}
PROPOSAL = {"pk": W("proposal.pk")}  # submitted
DRAFT = {"pk": W("draft_proposal.pk")}
PROPOSAL_FORM = {
    "recipient": W("lao.pk"), "theme": W("plan_item.theme.pk"), "plan_items": W("plan_item.pk"), "fiscal_year": "2570",
    "title": "ซ่อมบ้านผู้สูงอายุ", "lines-TOTAL_FORMS": "1", "lines-INITIAL_FORMS": "0", "lines-0-description": "ค่าวัสดุ",
    "lines-0-amount": "1,000",
}  # fmt: skip
PROPOSAL_JSON = {
    "council": W("x.code"), "recipient": W("lao.pk"), "theme": W("plan_item.theme.code"), "plan_items": [W("plan_item.pk")],
    "fiscal_year": 2570, "title": "ซ่อมบ้านผู้สูงอายุ", "budget_lines": [{"description": "ค่าวัสดุ", "amount": "1000"}],
}  # fmt: skip
CALENDAR_2570 = {"lao_id": W("lao.pk"), "fiscal_year": 2570}
CALENDAR_FORM = {
    "date_plan_forum": "15/03/2569", "note_plan_forum": "ประชาคมตำบล", "date_plan_adopted": "30/06/2569",
    "note_plan_adopted": "", "date_budget_draft": "31/07/2569", "note_budget_draft": "สภาท้องถิ่นประชุมเร็ว",
    "date_fiscal_year_start": "01/10/2569", "note_fiscal_year_start": "",
}  # fmt: skip
MISSION_BODY = {"agency": W("lao.pk"), "theme": W("theme.code"), "fiscal_year": 2569, "title": "ภารกิจทดสอบเส้นทาง"}
AGREEMENT_BODY = {"agency": W("lao.pk"), "title": "ข้อตกลงทดสอบเส้นทาง", "signed_on": "2025-09-15", "starts_on": "2025-10-01"}
