"""Every route says who may use it: one row per HTML and API route and
method, with the status each persona gets. tests/test_routes.py walks the URLconf and
fails for a route without a row (and for a row whose route is gone), then plays every
row against one small world.

The world (built in tests/test_routes.py) — the object of a row is council X's unless
the row says otherwise:

    province P (50): district D (5002): tambons X 500202, Y 500204, V 500205 (a mentor)
                     district E (5004): tambon Z 500401
    province Q (57): district F (5701): tambon W 570101

Personas, the columns of every row, in this order:

    anonymous   a visitor who has not signed in
    staff_x     council staff of X (the object's council)
    staff_y     council staff of Y (another council, same district)
    staff_z     council staff of Z (another district)
    officer_d   district officer of D (the object's district)
    officer_e   district officer of E (another district)
    agency      staff of X's LAO (its scope: tambon X and the agency)
    codi        CODI staff, national
    codi_q      CODI staff of province Q only (outside the object's province)
    admin       an administrator (the portal's role, not a Django superuser)

Codes: a number is the exact status; ``L`` is a 302 to the login page. In the kinds
below ``OK`` stands for what the row's allowed answer is (200 a page or a form shown again
with its errors, 201 created, 302 done and sent on, 400 refused input): rule() fills it.
The portal's rules: outside a user's scope 404; inside it, not allowed, 403.

A case where today's code answers otherwise is listed in the row's ``bugs`` with what it
answers today; the test expects the rule's answer and is a strict xfail until fixed.
"""

# The kinds, the Row shape and the objects rows point at live in tests/routes_kinds.py.
# ruff: noqa: F405
from __future__ import annotations

from .routes_kinds import *  # noqa: F403

ROWS = [
    # Public pages and accounts ------------------------------------------------------------
    Row("home", GET, rule(PUBLIC)),
    Row("about", GET, rule(PUBLIC)),
    Row("healthz", GET, rule(PUBLIC)),
    Row("accounts:login", GET, rule(LOGIN_PAGE)),
    Row("accounts:login", POST, rule(LOGIN_PAGE)),
    Row("accounts:logout", POST, rule(EVERYONE_302)),
    Row("accounts:password_change", GET, rule(SIGNED_IN)),
    Row("accounts:password_change", POST, rule(SIGNED_IN)),
    # Councils -----------------------------------------------------------------------------
    Row("councils:council_list", GET, rule(SIGNED_IN), hides_other_areas=True),
    Row("councils:public_list", GET, rule(PUBLIC)),
    Row("councils:council_detail", GET, rule(PUBLIC), args=X, variant="published"),
    Row("councils:council_detail", GET, rule(IN_SCOPE, anon=404), args=X, variant="unpublished", prepare="unpublish_x"),
    Row("councils:council_dashboard", GET, rule(IN_SCOPE), args=X),
    Row("councils:council_update", GET, rule(COUNCIL_EDIT), args=X),
    Row("councils:council_update", POST, rule(COUNCIL_EDIT), args=X),
    Row("councils:activity_create", GET, rule(COUNCIL_EDIT), args=X),
    Row("councils:activity_create", POST, rule(COUNCIL_EDIT), args=X),
    Row("councils:activity_update", GET, rule(COUNCIL_EDIT), args=ACTIVITY),
    Row("councils:activity_update", POST, rule(COUNCIL_EDIT), args=ACTIVITY),
    Row("councils:activity_history", GET, rule(IN_SCOPE), args=ACTIVITY),
    # Choosing a photo for the annual report: X's staff and CODI staff in scope (as members).
    Row(
        "councils:activity_photo_report", POST, rule(MEMBERS_MANAGE, 302),
        args={**ACTIVITY, "photo_id": W("photo.pk")}, body={"in_report": "1"},
    ),
    Row("activity-photo", GET, rule(PUBLIC), args={"path": W("photo_path")}, variant="published"),
    Row(
        "activity-photo", GET, rule(IN_SCOPE, anon=404), args={"path": W("photo_path")}, variant="unpublished",
        prepare="unpublish_x",
    ),
    # Community organizations
    Row("councils:organization_list", GET, rule(SIGNED_IN), hides_other_areas=True),
    Row("councils:organization_create", GET, rule(COUNCIL_EDIT), args=X),
    Row("councils:organization_create", POST, rule(COUNCIL_EDIT), args=X),
    Row("councils:organization_update", GET, rule(COUNCIL_EDIT), args={"org_code": W("organization.code")}),
    Row("councils:organization_update", POST, rule(COUNCIL_EDIT), args={"org_code": W("organization.code")}),
    # Members and people (PDPA)
    Row("councils:member_list", GET, rule(MEMBERS_VIEW), args=X, hides_other_areas=True),
    Row("councils:member_create", GET, rule(MEMBERS_MANAGE), args=X),
    Row("councils:member_create", POST, rule(MEMBERS_MANAGE), args=X),
    Row("councils:member_update", GET, rule(MEMBERS_MANAGE), args=MEMBER),
    Row("councils:member_update", POST, rule(MEMBERS_MANAGE), args=MEMBER),
    Row("councils:member_end_term", GET, rule(MEMBERS_MANAGE), args=MEMBER),
    Row("councils:member_end_term", POST, rule(MEMBERS_MANAGE), args=MEMBER),
    Row("councils:person_detail", GET, rule(PERSON_VIEW), args=PERSON, hides_other_areas=True),
    Row("councils:person_update", GET, rule(PERSON_MANAGE), args=PERSON),
    Row("councils:person_update", POST, rule(PERSON_MANAGE), args=PERSON),
    Row("councils:person_reveal", POST, rule(PERSON_ALL), args=PERSON),
    Row("councils:person_export", POST, rule(PERSON_MANAGE), args=PERSON),
    Row("councils:person_erase", POST, rule(PERSON_ALL), args=PERSON),
    # Quality assessment and mentor tambons (mentor V, mentee X)
    Row("councils:assessment_form", GET, rule(CODI_IN_SCOPE), args=X),
    Row("councils:assessment_form", POST, rule(CODI_IN_SCOPE), args=X),
    Row("councils:assessment_history", GET, rule(ASSESSMENTS_VIEW), args=X),
    Row("councils:mentor_suggestions", GET, rule(CODI_IN_SCOPE), args=X),
    Row("councils:mentorship_list", GET, rule(SIGNED_IN)),
    Row("councils:mentorship_create", GET, rule(CODI_ONLY)),
    Row("councils:mentorship_create", POST, rule(CODI_ONLY)),
    Row("councils:mentorship_detail", GET, rule(IN_SCOPE), args=MENTORSHIP),
    Row("councils:mentoring_visit_create", POST, rule(CODI_IN_SCOPE), args=MENTORSHIP),
    Row("councils:mentorship_end", POST, rule(CODI_IN_SCOPE), args=MENTORSHIP),
    # Import (a job codi uploaded) and export (inline, or a job; codi's finished export job)
    Row("councils:import_create", GET, rule(CODI_ONLY)),
    Row("councils:import_create", POST, rule(CODI_ONLY)),
    Row("councils:import_template", GET, rule(CODI_ONLY), args={"kind": "councils"}),
    Row("councils:import_detail", GET, rule(IMPORT_JOB), args=IMPORT),
    Row("councils:import_status", GET, rule(IMPORT_JOB), args=IMPORT),
    Row("councils:import_confirm", POST, rule(IMPORT_JOB, 302), args=IMPORT),
    # the bad-rows file: the job's own user only; the routes world's job has no bad rows (404 inside the scope too)
    Row("councils:import_bad_rows", GET, rule(IMPORT_JOB, 404), args=IMPORT),
    export("councils", "csv", rule(SIGNED_IN)),
    export("councils", "xlsx", rule(SIGNED_IN)),
    export("organizations", "csv", rule(SIGNED_IN)),
    export("organizations", "xlsx", rule(SIGNED_IN)),
    export("members", "csv", rule(MEMBERS_LIST)),
    export("members", "xlsx", rule(MEMBERS_LIST)),
    export_job("councils", "csv", rule(SIGNED_IN, 302)),
    export_job("councils", "xlsx", rule(SIGNED_IN, 302)),
    export_job("organizations", "csv", rule(SIGNED_IN, 302)),
    export_job("organizations", "xlsx", rule(SIGNED_IN, 302)),
    export_job("members", "csv", rule(MEMBERS_LIST, 302)),
    export_job("members", "xlsx", rule(MEMBERS_LIST, 302)),
    Row("councils:export_detail", GET, rule(EXPORT_JOB), args=EXPORT),
    Row("councils:export_status", GET, rule(EXPORT_JOB), args=EXPORT),
    Row("councils:export_download", GET, rule(EXPORT_JOB), args=EXPORT),
    # Plans: district D's alignment review, an item of X -----------------------------------
    Row("plans:home", GET, rule(SIGNED_IN), hides_other_areas=True),
    Row("plans:alignment_review", GET, rule(DISTRICT_VIEW), args={"code": W("d.code")}, hides_other_areas=True),
    Row(
        "plans:alignment_update", POST, rule(DISTRICT_REVIEW),
        args={"code": W("d.code"), "item_id": W("plan_item.pk")},
    ),
    # Plans: subsidy proposals of X to X's LAO (a submitted one, a draft) and the budget calendar
    Row("plans:proposal_list", GET, rule(SIGNED_IN), hides_other_areas=True),
    Row("plans:proposal_create", GET, rule(COUNCIL_EDIT), args=X),
    Row("plans:proposal_create", POST, rule(COUNCIL_EDIT, 302), args=X, body=PROPOSAL_FORM),
    Row("plans:proposal_detail", GET, rule(IN_SCOPE), args=PROPOSAL, hides_other_areas=True),
    Row("plans:proposal_detail", GET, rule(COUNCIL_EDIT), args=DRAFT, variant="draft"),
    Row("plans:proposal_update", GET, rule(COUNCIL_EDIT), args=DRAFT),
    Row("plans:proposal_update", POST, rule(COUNCIL_EDIT, 302), args=DRAFT, body=PROPOSAL_FORM),
    Row("plans:proposal_submit", POST, rule(COUNCIL_EDIT, 302), args=DRAFT),
    Row("plans:proposal_withdraw", POST, rule(COUNCIL_EDIT, 302), args=PROPOSAL, body={"note": "ได้งบแล้ว"}),
    Row("plans:proposal_decide", POST, rule(PROPOSAL_DECIDE, 302), args=PROPOSAL, body={"action": "receive"}),
    Row("plans:proposal_document_add", POST, rule(COUNCIL_EDIT), args=PROPOSAL, body={"title": "ไม่มีไฟล์"}),
    Row("plans:proposal_document", GET, rule(IN_SCOPE), args=PROPOSAL_DOC),
    Row("plans:proposal_document_delete", POST, rule(DOCUMENT_DELETE_SUBMITTED), args=PROPOSAL_DOC),
    Row("plans:proposal_document_delete", POST, rule(COUNCIL_EDIT, 302), args=PROPOSAL_DOC, variant="draft",
        prepare="proposal_draft"),
    Row("plans:budget_calendar_defaults", GET, rule(PUBLIC)),
    Row("plans:budget_calendar", GET, rule(EVERYONE_302), args={"lao_id": W("lao.pk")}),
    Row("plans:budget_calendar_year", GET, rule(IN_SCOPE), args=CALENDAR_2570),
    Row("plans:budget_calendar_year", POST, rule(CALENDAR_EDIT, 302), args=CALENDAR_2570, body=CALENDAR_FORM),
    # LAO local plans: the plan of X's LAO (read in scope; kept by the LAO's own staff) -----
    Row("plans:local_plan_list", GET, rule(SIGNED_IN), hides_other_areas=True),
    Row("plans:local_plan_of_lao", GET, rule(IN_SCOPE, 302), args={"lao_id": W("lao.pk")}, hides_other_areas=True),
    Row("plans:local_plan_create", GET, rule(LOCAL_PLAN_EDIT), args={"lao_id": W("lao.pk")}),
    Row("plans:local_plan_create", POST, rule(LOCAL_PLAN_EDIT), args={"lao_id": W("lao.pk")},
        body={"start_year": "2566"}),  # the cycle is taken: the form is shown again with its error
    Row("plans:local_plan_detail", GET, rule(IN_SCOPE), args=LOCAL_PLAN, hides_other_areas=True),
    Row("plans:local_project_create", GET, rule(LOCAL_PLAN_EDIT), args=LOCAL_PLAN),
    Row("plans:local_project_create", POST, rule(LOCAL_PLAN_EDIT, 302), args=LOCAL_PLAN,
        body={"title": "โครงการใหม่", "budget_2569": "๕๐,๐๐๐"}),
    Row("plans:local_project_change", GET, rule(LOCAL_PLAN_EDIT), args=LOCAL_PROJECT),
    Row("plans:local_project_change", POST, rule(LOCAL_PLAN_EDIT), args=LOCAL_PROJECT, body={"title": "แก้"}),
    Row("plans:local_project_update", GET, rule(LOCAL_PLAN_EDIT), args=LOCAL_PROJECT),
    Row("plans:local_project_update", POST, rule(LOCAL_PLAN_EDIT, 302), args=LOCAL_PROJECT,
        body={"title": "แก้ชื่อที่พิมพ์ผิด", "budget_2569": "120,000"}),
    Row("plans:local_project_delete", GET, rule(LOCAL_PLAN_EDIT), args=LOCAL_PROJECT),
    Row("plans:local_project_delete", POST, rule(LOCAL_PLAN_EDIT, 302), args=LOCAL_PROJECT),
    Row("plans:local_project_withdraw", GET, rule(LOCAL_PLAN_EDIT), args=LOCAL_PROJECT),
    Row("plans:local_project_withdraw", POST, rule(LOCAL_PLAN_EDIT), args=LOCAL_PROJECT),
    Row("plans:local_amendment_create", GET, rule(LOCAL_PLAN_EDIT), args=LOCAL_PLAN),
    Row("plans:local_amendment_create", POST, rule(LOCAL_PLAN_EDIT, 302), args=LOCAL_PLAN,
        body={"kind": "change", "number": "1", "year": "2569", "effective_on": "01/03/2569"}),
    Row("plans:local_amendment_document", GET, rule(IN_SCOPE), args={**LOCAL_PLAN, "amendment_id": W("local_amendment.pk")}),
    Row("plans:local_import_create", GET, rule(LOCAL_PLAN_EDIT), args=LOCAL_PLAN),
    Row("plans:local_import_create", POST, rule(LOCAL_PLAN_EDIT), args=LOCAL_PLAN),  # no file: the form again
    Row("plans:local_import_template", GET, rule(LOCAL_PLAN_EDIT), args=LOCAL_PLAN),
    Row("plans:local_import_detail", GET, rule(LOCAL_PLAN_EDIT), args=LOCAL_IMPORT),
    Row("plans:local_import_status", GET, rule(LOCAL_PLAN_EDIT), args=LOCAL_IMPORT),
    Row("plans:local_import_confirm", POST, rule(LOCAL_PLAN_EDIT, 302), args=LOCAL_IMPORT),
    # Plans: district D's compiled plan, province P's roll-up ------------------------------
    Row("plans:district_plan", GET, rule(DISTRICT_PLAN), args=D, query={"fiscal_year": "2569"}, hides_other_areas=True),
    Row("plans:district_plan_xlsx", GET, rule(DISTRICT_PLAN), args=D),
    Row("plans:district_plan_pdf", GET, rule(DISTRICT_PLAN), args=D),
    Row("plans:district_plan_pdf_job", GET, rule(DISTRICT_PDF_JOB), args={"pk": W("district_plan_pdf.pk")}),
    Row("plans:district_plan_pdf_status", GET, rule(DISTRICT_PDF_JOB), args={"pk": W("district_plan_pdf.pk")}),
    Row("plans:district_plan_pdf_download", GET, rule(DISTRICT_PDF_JOB), args={"pk": W("district_plan_pdf.pk")}),
    Row("plans:provincial_plan", GET, rule(PROVINCIAL_PLAN), args={"code": W("p.code")}, hides_other_areas=True),
    Row("plans:provincial_plan_xlsx", GET, rule(PROVINCIAL_PLAN), args={"code": W("p.code")}),
    # Community plans: X's plan (the plan of the world's plan item), kept by X's staff -------
    Row("plans:community_plan_list", GET, rule(IN_SCOPE), args=X, hides_other_areas=True),
    Row("plans:community_plan_create", GET, rule(COUNCIL_EDIT), args=X),
    Row("plans:community_plan_create", POST, rule(COUNCIL_EDIT, 302), args=X, body={"fiscal_year": "๒๕๗๒"}),
    Row("plans:community_plan_detail", GET, rule(IN_SCOPE), args=PLAN, hides_other_areas=True),
    Row("plans:community_plan_update", GET, rule(COUNCIL_EDIT), args=PLAN),
    Row("plans:community_plan_update", POST, rule(COUNCIL_EDIT, 302), args=PLAN, body={"title": "แผนที่แก้ชื่อ"}),
    Row("plans:community_plan_copy", GET, rule(COUNCIL_EDIT), args=PLAN),
    Row("plans:community_plan_copy", POST, rule(COUNCIL_EDIT, 302), args=PLAN, body={"fiscal_year": "2572"}),
    Row("plans:plan_item_create", GET, rule(COUNCIL_EDIT), args=PLAN),
    Row("plans:plan_item_create", POST, rule(COUNCIL_EDIT, 302), args=PLAN, body=PLAN_ITEM_FORM),
    Row("plans:plan_item_update", GET, rule(COUNCIL_EDIT), args=PLAN_ITEM),
    Row("plans:plan_item_update", POST, rule(COUNCIL_EDIT, 302), args=PLAN_ITEM, body=PLAN_ITEM_FORM),
    Row("plans:plan_item_delete", GET, rule(COUNCIL_EDIT), args=PLAN_ITEM),
    Row("plans:plan_item_delete", POST, rule(COUNCIL_EDIT, 302), args=PLAN_ITEM),
    # One click on a suggestion: the item of X inside the persona's scope, D's officer records it.
    Row("plans:alignment_accept", POST, rule(ALIGNMENT_REVIEW, 302), args={"item_id": W("plan_item.pk")},
        body={"status": "aligned"}),
    # Reports: a finished, unpublished report on council X; a published one on province P --
    Row("reports:report_list", GET, rule(SIGNED_IN), hides_other_areas=True),
    Row("reports:report_list", POST, rule(CODI_ONLY)),
    Row("reports:report_detail", GET, rule(IN_SCOPE), args=REPORT),
    Row("reports:report_status", GET, rule(IN_SCOPE), args=REPORT),
    Row("reports:report_download", GET, rule(IN_SCOPE), args=REPORT),
    Row("reports:report_download_xlsx", GET, rule(IN_SCOPE), args=REPORT),
    Row("reports:report_regenerate", POST, rule(CODI_IN_SCOPE, 302), args=REPORT),
    Row("reports:report_publish", POST, rule(CODI_IN_SCOPE, 302), args=REPORT),
    Row("reports:public_list", GET, rule(PUBLIC)),
    Row("reports:public_dashboard", GET, rule(PUBLIC)),
    Row("reports:public_dashboard", GET, rule(PUBLIC), query={"measure": "alignment"}, variant="alignment"),
    Row("reports:public_charts", GET, rule(PUBLIC)),
    Row("reports:public_charts", GET, rule(PUBLIC), query={"province": W("p.code")}, variant="province"),
    Row("reports:open_data", GET, rule(PUBLIC)),
    Row("reports:open_data_download", GET, rule(PUBLIC), args={"dataset": "councils", "fmt": "csv"}, variant="csv"),
    Row("reports:open_data_download", GET, rule(PUBLIC), args={"dataset": "meetings", "fmt": "xlsx"}, variant="xlsx"),
    Row("reports:open_data_download", GET, rule(PUBLIC), args={"dataset": "dictionary", "fmt": "json"}, variant="json"),
    Row("reports:public_detail", GET, rule(PUBLIC), args=PUBLIC_REPORT),
    Row("reports:public_download", GET, rule(PUBLIC), args=PUBLIC_REPORT),
    Row("reports:public_download_xlsx", GET, rule(PUBLIC), args=PUBLIC_REPORT),
    # The country's narrative: national CODI staff (a province's CODI staff write their areas')
    Row("reports:narrative", GET, rule(CODI_ONLY, codi_q=404), args={"fiscal_year": 2569}),
    Row("reports:narrative", POST, rule(CODI_ONLY, 302, codi_q=404), args={"fiscal_year": 2569}),
    Row("reports:narrative_area", GET, rule(CODI_ONLY, codi_q=404), args={"fiscal_year": 2569, "scope": "province", "code": "50"}),
    Row("reports:narrative_area", POST, rule(CODI_ONLY, 302, codi_q=404),
        args={"fiscal_year": 2569, "scope": "province", "code": "50"}),
    # Monitoring indicators: a council-level indicator; X's draft (Q1) and submitted value (Q2)
    Row("reports:indicator_list", GET, rule(SIGNED_IN), hides_other_areas=True),
    Row("reports:indicator_create", GET, rule(CODI_ONLY)),
    Row("reports:indicator_create", POST, rule(CODI_ONLY)),  # no body: the form again
    Row("reports:indicator_update", GET, rule(CODI_ONLY), args=MONITORING),
    Row("reports:indicator_update", POST, rule(CODI_ONLY), args=MONITORING),
    Row("reports:indicator_target", GET, rule(CODI_ONLY), args=MONITORING),
    # X lies outside codi_q's provinces: the form again, the area not found.
    Row("reports:indicator_target", POST, rule(CODI_ONLY, 302, codi_q=200), args=MONITORING, body=TARGET_FORM),
    Row("reports:indicator_queue", GET, rule(DECIDE_QUEUE), hides_other_areas=True),
    Row("reports:indicator_area", GET, rule(IN_SCOPE), args={"level": "council", "code": W("x.code")}, variant="council",
        hides_other_areas=True),
    Row("reports:indicator_area", GET, rule(DISTRICT_VIEW), args={"level": "district", "code": W("d.code")},
        variant="district", hides_other_areas=True),
    Row("reports:indicator_area", GET, rule(PROVINCE_VIEW), args={"level": "province", "code": W("p.code")},
        variant="province"),
    Row("reports:indicator_area", GET, rule(SIGNED_IN), args={"level": "national", "code": "TH"}, variant="national"),
    Row("reports:indicator_entry", GET, rule(COUNCIL_EDIT), args=ENTRY_X),
    Row("reports:indicator_entry", POST, rule(COUNCIL_EDIT, 302), args=ENTRY_X, body={"value": "๑,๒๕๐"}),
    Row("reports:indicator_value", GET, rule(IN_SCOPE), args=VALUE),
    Row("reports:indicator_value_submit", POST, rule(COUNCIL_EDIT, 302), args=DRAFT_VALUE),
    Row("reports:indicator_value_approve", POST, rule(VALUE_DECIDE, 302), args=VALUE),
    Row("reports:indicator_value_return", POST, rule(VALUE_DECIDE, 302), args=VALUE, body={"reason": "ขาดหลักฐาน"}),
    Row("reports:indicator_evidence", GET, rule(IN_SCOPE), args=VALUE),
    # Coordination: obstacles (X's, addressed to X's LAO), suggestions to district D
    Row("meetings:obstacle_list", GET, rule(SIGNED_IN), hides_other_areas=True),
    Row("meetings:obstacle_create", GET, rule(COUNCIL_EDIT), args=X),
    Row("meetings:obstacle_create", POST, rule(COUNCIL_EDIT, 302), args=X, body=OBSTACLE_BODY),
    Row("meetings:obstacle_detail", GET, rule(IN_SCOPE), args=OBSTACLE),
    Row("meetings:obstacle_evidence", GET, rule(IN_SCOPE), args=OBSTACLE),
    Row("meetings:obstacle_answer", POST, rule(OBSTACLE_ANSWER, 302), args=OBSTACLE,
        body={"status": "received", "text": "รับเรื่องแล้ว"}),
    Row("meetings:obstacle_overdue", GET, rule(DISTRICT_VIEW), args={"code": W("d.code")}, hides_other_areas=True),
    Row("meetings:agency_inbox", GET, rule(AGENCY_ONLY), hides_other_areas=True),
    Row("meetings:suggestion_public", GET, rule(PUBLIC), args={"code": W("d.code")}),
    Row("meetings:suggestion_public", POST, rule(EVERYONE_302), args={"code": W("d.code")},
        body={"text": "ขอให้มีรถรับส่งผู้สูงอายุไปโรงพยาบาล", "name": "ชาวบ้าน"}, prepare="clear_throttle"),
    Row("meetings:suggestion_moderation", GET, rule(DISTRICT_VIEW), args={"code": W("d.code")}),
    Row("meetings:suggestion_moderate", POST, rule(DISTRICT_REVIEW, 302), args=SUGGESTION, body={"action": "publish"}),
    # Notifications: each user's own
    Row("accounts:notification_list", GET, rule(SIGNED_IN)),
    # Personal API tokens: each user's own; a POST shows the new key once (200)
    Row("accounts:api_token_list", GET, rule(SIGNED_IN)),
    Row("accounts:api_token_list", POST, rule(SIGNED_IN), body={"name": "ระบบทดสอบเส้นทาง"}),
    Row("accounts:api_token_revoke", POST, rule(OWN_ONLY, 302), args={"pk": W("api_token.pk")}),
    Row("accounts:notification_open", POST, rule(OWN_ONLY, 302), args={"pk": W("notification.pk")}),
    Row("accounts:notification_read_all", POST, rule(SIGNED_IN, 302)),
    Row("accounts:notification_settings", GET, rule(SIGNED_IN)),
    Row("accounts:notification_settings", POST, rule(SIGNED_IN, 302), body={"email_digest": "on"}),
    # Agencies (issue 8): public list and pages; missions and agreements kept by the
    # agency's own staff; an agreement's PDF to users whose area meets the agency's, or to
    # everyone when the agency made it public. ------------------------------------------
    Row("agencies:agency_list", GET, rule(PUBLIC)),
    Row("agencies:agency_detail", GET, rule(PUBLIC), args=AGENCY),
    Row("agencies:mission_create", GET, rule(AGENCY_MANAGE), args=AGENCY),
    Row("agencies:mission_create", POST, rule(AGENCY_MANAGE, 302), args=AGENCY, body=MISSION_FORM),
    Row("agencies:mission_update", GET, rule(AGENCY_MANAGE), args=MISSION),
    Row("agencies:mission_update", POST, rule(AGENCY_MANAGE, 302), args=MISSION, body=MISSION_FORM),
    Row("agencies:mission_delete", POST, rule(AGENCY_MANAGE, 302), args=MISSION),
    Row("agencies:agreement_create", GET, rule(AGENCY_MANAGE), args=AGENCY),
    Row("agencies:agreement_create", POST, rule(AGENCY_MANAGE, 302), args=AGENCY, body=AGREEMENT_FORM),
    Row("agencies:agreement_update", GET, rule(AGENCY_MANAGE), args=AGREEMENT),
    Row("agencies:agreement_update", POST, rule(AGENCY_MANAGE, 302), args=AGREEMENT, body=AGREEMENT_FORM),
    Row("agencies:agreement_delete", POST, rule(AGENCY_MANAGE, 302), args=AGREEMENT),
    Row("agencies:agreement_file", GET, rule(IN_SCOPE), args={"pk": W("agreement.pk")}, variant="scoped"),
    Row("agencies:agreement_file", GET, rule(PUBLIC), args={"pk": W("public_agreement.pk")}, variant="public"),
    # Meetings: D's mechanism and its held meeting (an action item for X's LAO); X's planned
    # meeting (a file); X's published meeting (a file) ----------------------------------------
    Row("meetings:public_list", GET, rule(PUBLIC)),
    Row("meetings:public_detail", GET, rule(PUBLIC), args={"pk": W("published_meeting.pk")}),
    Row("meetings:district_feed", GET, rule(PUBLIC), args={"code": W("d.code")}),
    Row("meetings:council_feed", GET, rule(PUBLIC), args=X),
    Row("meetings:mechanism_detail", GET, rule(DISTRICT_VIEW), args=D),
    Row("meetings:mechanism_establish", POST, rule(DISTRICT_REVIEW), args=D, body={"name": "ซ้ำ"}),
    Row("meetings:mechanism_member_create", GET, rule(DISTRICT_REVIEW), args=D),
    Row("meetings:mechanism_member_create", POST, rule(DISTRICT_REVIEW), args=D),
    Row("meetings:mechanism_member_update", GET, rule(DISTRICT_REVIEW), args=MECHANISM_MEMBER),
    Row("meetings:mechanism_member_update", POST, rule(DISTRICT_REVIEW), args=MECHANISM_MEMBER),
    Row("meetings:mechanism_member_end", POST, rule(DISTRICT_REVIEW, 302), args=MECHANISM_MEMBER),
    Row("meetings:district_meetings", GET, rule(DISTRICT_VIEW), args=D, hides_other_areas=True),
    # A national consultation: CODI's national staff (and administrators) only.
    Row("meetings:national_meeting_create", GET, rule(CODI_ONLY, codi_q=403)),
    Row("meetings:national_meeting_create", POST, rule(CODI_ONLY, codi_q=403)),
    Row("meetings:district_meeting_create", GET, rule(DISTRICT_REVIEW), args=D),
    Row("meetings:district_meeting_create", POST, rule(DISTRICT_REVIEW), args=D),
    Row("meetings:council_meetings", GET, rule(IN_SCOPE), args=X, hides_other_areas=True),
    Row("meetings:council_meeting_create", GET, rule(COUNCIL_EDIT), args=X),
    Row("meetings:council_meeting_create", POST, rule(COUNCIL_EDIT), args=X),
    Row("meetings:meeting_detail", GET, rule(IN_SCOPE), args=MEETING, variant="unpublished"),
    Row("meetings:meeting_detail", GET, rule(SIGNED_IN), args={"pk": W("published_meeting.pk")}, variant="published"),
    Row("meetings:meeting_update", GET, rule(COUNCIL_EDIT), args=MEETING),
    Row("meetings:meeting_update", POST, rule(COUNCIL_EDIT), args=MEETING),
    Row("meetings:agenda_add", POST, rule(COUNCIL_EDIT, 302), args=MEETING),
    Row("meetings:meeting_held", POST, rule(COUNCIL_EDIT, 302), args=MEETING),
    Row("meetings:meeting_cancel", POST, rule(COUNCIL_EDIT, 302), args=MEETING),
    Row("meetings:attendance", GET, rule(COUNCIL_EDIT), args=MEETING),
    Row("meetings:attendance", POST, rule(COUNCIL_EDIT, 302), args=MEETING),
    Row("meetings:minutes", GET, rule(COUNCIL_EDIT), args=MEETING),
    Row("meetings:minutes", POST, rule(COUNCIL_EDIT), args=MEETING),
    Row("meetings:meeting_publish", POST, rule(COUNCIL_EDIT, 302), args=MEETING),
    Row("meetings:minutes_pdf", GET, rule(IN_SCOPE, anon=404), args=MEETING, variant="unpublished"),
    Row("meetings:minutes_pdf", GET, rule(PUBLIC), args={"pk": W("published_meeting.pk")}, variant="published"),
    Row("meetings:attachment_add", POST, rule(COUNCIL_EDIT, 302), args=MEETING),
    Row(
        "meetings:attachment_download", GET, rule(IN_SCOPE, anon=404),
        args={"pk": W("council_meeting.pk"), "attachment_id": W("attachment.pk")}, variant="unpublished",
    ),
    Row(
        "meetings:attachment_download", GET, rule(PUBLIC),
        args={"pk": W("published_meeting.pk"), "attachment_id": W("public_attachment.pk")}, variant="published",
    ),
    Row("meetings:photo_add", POST, rule(COUNCIL_EDIT, 302), args=MEETING),
    Row("meetings:photo_update", POST, rule(COUNCIL_EDIT, 302), args=MEETING_PHOTO, body={"caption": "ภาพ"}),
    Row("meetings:photo_remove", POST, rule(COUNCIL_EDIT, 302), args=MEETING_PHOTO),
    Row(
        "meeting-photo", GET, rule(IN_SCOPE, anon=404), args={"path": W("meeting_photo_path")}, variant="unpublished"
    ),
    Row("meeting-photo", GET, rule(PUBLIC), args={"path": W("public_meeting_photo_path")}, variant="published"),
    Row("meetings:resolution_add", POST, rule(DISTRICT_REVIEW, 302), args={"pk": W("district_meeting.pk")}),
    Row(
        "meetings:action_create", POST, rule(DISTRICT_REVIEW, 302),
        args={"pk": W("district_meeting.pk"), "resolution_id": W("resolution.pk")},
    ),
    Row("meetings:action_detail", GET, rule(ACTION_VIEW), args=ACTION),
    Row("meetings:action_update_add", POST, rule(ACTION_REPORT, 302), args=ACTION),
    Row("meetings:action_start", POST, rule(ACTION_REPORT, 302), args=ACTION),
    Row("meetings:action_done", POST, rule(ACTION_REPORT, 302), args=ACTION),
    Row("meetings:action_cancel", POST, rule(ACTION_CANCEL, 302), args=ACTION),
    Row("meetings:place_district", GET, rule(DISTRICT_VIEW), args=D, hides_other_areas=True),
    Row("meetings:place_district", GET, rule(DISTRICT_VIEW), args=D, query={"theme": "welfare"}, variant="theme"),
    Row("meetings:place_district_public", GET, rule(PUBLIC), args=D),
    Row("meetings:place_province", GET, rule(PROVINCE_VIEW), args={"code": W("p.code")}, hides_other_areas=True),
    Row("meetings:place_province_public", GET, rule(PUBLIC), args={"code": W("p.code")}),
    Row("meetings:lesson_activity", GET, rule(COUNCIL_EDIT), args={"pk": W("activity.pk")}),
    Row("meetings:lesson_activity", POST, rule(COUNCIL_EDIT, 302), args={"pk": W("activity.pk")}, body=LESSON_BODY),
    Row("meetings:lesson_meeting", GET, rule(COUNCIL_EDIT), args=MEETING),
    Row("meetings:lesson_meeting", POST, rule(COUNCIL_EDIT, 302), args=MEETING, body=LESSON_BODY),
    Row("meetings:evidence_download", GET, rule(ACTION_VIEW, anon=404), args={"pk": W("action_update.pk")}),
    # API: anonymous visitors get 403 (session authentication first, no login page) where a
    # sign-in is needed, and read what is public or nothing (404) where reading is open. ----
    Row("api-root", GET, rule(PUBLIC)),
    Row("api-schema", GET, rule(PUBLIC)),
    Row("api-docs", GET, rule(PUBLIC)),
    Row("council-list", GET, rule(PUBLIC)),
    # The open data API: no sign-in, the same rows for everyone (throttled per address).
    Row("open-councils-list", GET, rule(PUBLIC)),
    Row("open-activities-list", GET, rule(PUBLIC)),
    Row("open-meetings-list", GET, rule(PUBLIC)),
    Row("open-report_figures-list", GET, rule(PUBLIC)),
    Row("open-indicators-list", GET, rule(PUBLIC)),
    Row("open-reports-list", GET, rule(PUBLIC)),
    Row("council-detail", GET, rule(PUBLIC), args=X, variant="published"),
    Row("council-detail", GET, rule(IN_SCOPE, anon=404), args=X, variant="unpublished", prepare="unpublish_x"),
    Row("council-detail", PATCH, rule(COUNCIL_EDIT, anon=403), args=X),
    Row("activity-list", GET, rule(PUBLIC), hides_other_areas=True),
    Row("activity-list", POST, rule(COUNCIL_EDIT, 201, anon=403), body=ACTIVITY_BODY),
    Row("activity-detail", GET, rule(IN_SCOPE, anon=404), args={"pk": W("activity.pk")}),
    Row("activity-detail", PATCH, rule(COUNCIL_EDIT, anon=403), args={"pk": W("activity.pk")}),
    Row("activity-history", GET, rule(IN_SCOPE, anon=404), args={"pk": W("activity.pk")}),
    Row("organization-list", GET, rule(SIGNED_IN, anon=403), hides_other_areas=True),
    Row("organization-list", POST, rule(COUNCIL_EDIT, 201, anon=403), body=ORGANIZATION_BODY),
    Row("organization-detail", GET, rule(IN_SCOPE, anon=403), args={"code": W("organization.code")}),
    Row("organization-detail", PATCH, rule(COUNCIL_EDIT, anon=403), args={"code": W("organization.code")}),
    # Lists answer a role that may not see members with an empty list, not a refusal.
    Row("member-list", GET, rule(MEMBERS_LIST, anon=403, agency=200), hides_other_areas=True),
    Row("member-list", POST, rule(MEMBERS_MANAGE, 201, anon=403), body=MEMBER_BODY),
    Row("member-detail", GET, rule(MEMBERS_VIEW, anon=403), args={"pk": W("member.pk")}),
    Row("member-detail", PUT, rule(MEMBERS_MANAGE, anon=403), args={"pk": W("member.pk")}),
    Row("member-detail", PATCH, rule(MEMBERS_MANAGE, anon=403), args={"pk": W("member.pk")}),
    Row("member-end-term", POST, rule(MEMBERS_MANAGE, anon=403), args={"pk": W("member.pk")}),
    Row("person-detail", GET, rule(PERSON_VIEW, anon=403), args=PERSON, hides_other_areas=True),
    Row("person-reveal-national-id", POST, rule(PERSON_ALL, 400, anon=403), args=PERSON),
    Row("indicator-set-list", GET, rule(SIGNED_IN, anon=403)),
    Row("indicator-set-detail", GET, rule(SIGNED_IN, anon=403), args={"pk": W("indicator_set.pk")}),
    Row("assessment-list", GET, rule(ASSESSMENTS_LIST, anon=403, agency=200), hides_other_areas=True),
    Row("assessment-list", POST, rule(CODI_IN_SCOPE, 201, anon=403), body=ASSESSMENT_BODY),
    Row("assessment-detail", GET, rule(ASSESSMENTS_VIEW, anon=403), args={"pk": W("assessment.pk")}),
    Row("mentorship-list", GET, rule(SIGNED_IN, anon=403)),
    Row("mentorship-list", POST, rule(CODI_ONLY, 201, anon=403, codi_q=404), body=MENTORSHIP_BODY),
    Row("mentorship-suggestions", GET, rule(CODI_IN_SCOPE, anon=403), query={"mentee": W("x.code")}),
    Row("mentorship-detail", GET, rule(IN_SCOPE, anon=403), args=MENTORSHIP),
    Row("mentorship-end", POST, rule(CODI_IN_SCOPE, anon=403), args=MENTORSHIP),
    Row("mentorship-visits", POST, rule(CODI_IN_SCOPE, 201, anon=403), args=MENTORSHIP,
        body={"date": "2025-12-01", "notes": "เยี่ยมเพื่อทดสอบ"}),
    Row("community-plan-list", GET, rule(PUBLIC), hides_other_areas=True),
    Row("community-plan-list", POST, rule(COUNCIL_EDIT, 201, anon=403), body={"council": W("x.code"), "fiscal_year": 2572}),
    Row("community-plan-detail", GET, rule(IN_SCOPE, anon=404), args={"pk": W("plan_item.plan.pk")}),
    Row("community-plan-detail", PATCH, rule(COUNCIL_EDIT, anon=403), args={"pk": W("plan_item.plan.pk")},
        body={"title": "แผนที่แก้ชื่อ"}),
    Row("community-plan-detail", DELETE, rule(COUNCIL_EDIT, 204, anon=403), args={"pk": W("plan_item.plan.pk")}),
    Row("community-plan-copy", POST, rule(COUNCIL_EDIT, 201, anon=403), args={"pk": W("plan_item.plan.pk")},
        body={"fiscal_year": 2572}),
    Row("plan-item-list", GET, rule(PUBLIC), hides_other_areas=True),
    Row("plan-item-list", POST, rule(COUNCIL_EDIT, 201, anon=403), body=PLAN_ITEM_BODY),
    Row("plan-item-detail", GET, rule(IN_SCOPE, anon=404), args={"pk": W("plan_item.pk")}),
    Row("plan-item-detail", PATCH, rule(COUNCIL_EDIT, anon=403), args={"pk": W("plan_item.pk")},
        body={"budget_needed": "๕๐,๐๐๐", "priority": 1}),
    Row("plan-item-detail", DELETE, rule(COUNCIL_EDIT, 204, anon=403), args={"pk": W("plan_item.pk")}),
    Row("alignment-list", GET, rule(PUBLIC), hides_other_areas=True),
    Row("alignment-detail", GET, rule(IN_SCOPE, anon=404), args={"pk": W("alignment.pk")}),
    Row("alignment-detail", PUT, rule(ALIGNMENT_REVIEW, anon=403), args={"pk": W("alignment.pk")},
        body={"status": "not_adopted", "note": "งบประมาณไม่พอ"}),
    Row("alignment-detail", PATCH, rule(ALIGNMENT_REVIEW, anon=403), args={"pk": W("alignment.pk")},
        body={"status": "not_adopted", "note": "งบประมาณไม่พอ"}),
    Row("local-plan-project-list", GET, rule(PUBLIC), hides_other_areas=True),
    Row("local-plan-project-detail", GET, rule(IN_SCOPE, anon=404), args={"pk": W("project.pk")}),
    Row("local-plan-project-list", POST, rule(LOCAL_PLAN_EDIT, 201, anon=403), body=LOCAL_PROJECT_JSON),
    Row("local-plan-project-detail", PATCH, rule(LOCAL_PLAN_EDIT, anon=403), args={"pk": W("project.pk")},
        body={"title": "แก้ชื่อที่พิมพ์ผิด", "budgets": {"2569": "๑๒๐,๐๐๐"}}),
    Row("local-plan-project-detail", DELETE, rule(LOCAL_PLAN_EDIT, 204, anon=403), args={"pk": W("project.pk")}),
    Row("local-plan-project-change", POST, rule(LOCAL_PLAN_EDIT, 201, anon=403), args={"pk": W("project.pk")},
        body={"amendment": W("local_amendment.pk"), **LOCAL_PROJECT_FIELDS}, prepare="local_amendment_change"),
    Row("local-plan-project-withdraw", POST, rule(LOCAL_PLAN_EDIT, anon=403), args={"pk": W("project.pk")},
        body={"amendment": W("local_amendment.pk")}, prepare="local_amendment_change"),
    Row("local-plan-amendment-list", GET, rule(PUBLIC), hides_other_areas=True),
    Row("local-plan-amendment-list", POST, rule(LOCAL_PLAN_EDIT, 201, anon=403), body=LOCAL_AMENDMENT_JSON),
    Row("local-plan-amendment-detail", GET, rule(IN_SCOPE, anon=404), args={"pk": W("local_amendment.pk")}),
    Row("proposal-list", GET, rule(SIGNED_IN, anon=403), hides_other_areas=True),
    Row("proposal-list", POST, rule(COUNCIL_EDIT, 201, anon=403), body=PROPOSAL_JSON),
    Row("proposal-detail", GET, rule(IN_SCOPE, anon=403), args=PROPOSAL),
    Row("proposal-detail", PATCH, rule(COUNCIL_EDIT, anon=403), args=DRAFT, body={"title": "แก้ชื่อโครงการ"}),
    Row("proposal-submit", POST, rule(COUNCIL_EDIT, anon=403), args=DRAFT),
    Row("proposal-withdraw", POST, rule(COUNCIL_EDIT, anon=403), args=PROPOSAL, body={"note": "ได้งบแล้ว"}),
    Row("proposal-receive", POST, rule(PROPOSAL_DECIDE, anon=403), args=PROPOSAL),
    Row("proposal-consider", POST, rule(PROPOSAL_DECIDE, anon=403), args=PROPOSAL),
    Row("proposal-approve", POST, rule(PROPOSAL_DECIDE, anon=403), args=PROPOSAL, body={"amount": "40000"},
        prepare="proposal_received"),
    Row("proposal-partly-approve", POST, rule(PROPOSAL_DECIDE, anon=403), args=PROPOSAL,
        body={"amount": "20000", "note": "งบไม่พอ"}, prepare="proposal_received"),
    Row("proposal-reject", POST, rule(PROPOSAL_DECIDE, anon=403), args=PROPOSAL, body={"note": "ซ้ำซ้อน"},
        prepare="proposal_received"),
    Row("proposal-carry-out", POST, rule(PROPOSAL_DECIDE, anon=403), args=PROPOSAL, prepare="proposal_approved"),
    Row("proposal-report", POST, rule(PROPOSAL_DECIDE, anon=403), args=PROPOSAL, body={"result": "ซ่อมเสร็จ"},
        prepare="proposal_carried_out"),
    Row("agency-list", GET, rule(SIGNED_IN, anon=403)),
    Row("agency-detail", GET, rule(SIGNED_IN, anon=403), args={"pk": W("lao.pk")}),
    Row("mission-list", GET, rule(SIGNED_IN, anon=403)),
    Row("mission-list", POST, rule(AGENCY_MANAGE, 201, anon=403), body=MISSION_BODY),
    Row("mission-detail", GET, rule(SIGNED_IN, anon=403), args={"pk": W("mission.pk")}),
    Row("mission-detail", PATCH, rule(AGENCY_MANAGE, anon=403), args={"pk": W("mission.pk")}, body={"title": "แก้แล้ว"}),
    Row("mission-detail", DELETE, rule(AGENCY_MANAGE, 204, anon=403), args={"pk": W("mission.pk")}),
    Row("agreement-list", GET, rule(SIGNED_IN, anon=403)),
    Row("agreement-list", POST, rule(AGENCY_MANAGE, 201, anon=403), body=AGREEMENT_BODY),
    Row("agreement-detail", GET, rule(SIGNED_IN, anon=403), args={"pk": W("agreement.pk")}),
    Row("agreement-detail", PATCH, rule(AGENCY_MANAGE, anon=403), args={"pk": W("agreement.pk")}, body={"is_public": True}),
    Row("agreement-detail", DELETE, rule(AGENCY_MANAGE, 204, anon=403), args={"pk": W("agreement.pk")}),
    Row("report-list", GET, rule(SIGNED_IN, anon=403), hides_other_areas=True),
    Row("report-list", POST, rule(CODI_ONLY, 201, anon=403, codi_q=404), body=REPORT_BODY),
    Row("report-detail", GET, rule(IN_SCOPE, anon=403), args=REPORT),
    Row("report-publish", POST, rule(CODI_IN_SCOPE, anon=403), args=REPORT, body={"publish": True}),
    Row("indicator-list", GET, rule(SIGNED_IN, anon=403)),
    Row("indicator-detail", GET, rule(SIGNED_IN, anon=403), args=MONITORING),
    Row("indicator-value-list", GET, rule(SIGNED_IN, anon=403), hides_other_areas=True),
    Row("indicator-value-list", POST, rule(COUNCIL_EDIT, 201, anon=403), body=VALUE_JSON),
    Row("indicator-value-detail", GET, rule(IN_SCOPE, anon=403), args=VALUE),
    Row("indicator-value-submit", POST, rule(COUNCIL_EDIT, anon=403), args=DRAFT_VALUE),
    Row("indicator-value-approve", POST, rule(VALUE_DECIDE, anon=403), args=VALUE),
    Row("indicator-value-return", POST, rule(VALUE_DECIDE, anon=403), args=VALUE, body={"reason": "ขาดหลักฐาน"}),
]

# Which of the world's councils each persona's scope covers (for hides_other_areas).
COVERS = {
    "anonymous": "", "staff_x": "x", "staff_y": "y", "staff_z": "z", "officer_d": "xyv", "officer_e": "z",
    "agency": "x", "codi": "xyzvw", "codi_q": "w", "admin": "xyzvw",
}  # fmt: skip


def unpublish_x(world) -> None:
    type(world.x).objects.filter(pk=world.x.pk).update(is_published=False)


def clear_throttle(world) -> None:
    """Each case sends one suggestion from 127.0.0.1: start each with a fresh hourly count."""
    from django.core.cache import caches

    caches["shared"].clear()


def _proposal_in(status: str):
    def prepare(world) -> None:
        type(world.proposal).objects.filter(pk=world.proposal.pk).update(status=status)

    return prepare


def local_amendment_change(world) -> None:
    """The world's amendment of X's LAO's plan made a change (it replaces or withdraws)."""
    type(world.local_amendment).objects.filter(pk=world.local_amendment.pk).update(kind="change")


PREPARE = {
    "local_amendment_change": local_amendment_change,
    "unpublish_x": unpublish_x,
    "clear_throttle": clear_throttle,
    "proposal_draft": _proposal_in("draft"),
    "proposal_received": _proposal_in("received"),
    "proposal_approved": _proposal_in("approved"),
    "proposal_carried_out": _proposal_in("carried_out"),
}
