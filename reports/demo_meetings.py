"""The small demo's district mechanisms over five fiscal years (2566–2570 in 2570).

Each demo district gets its mechanism (กลไกการเชื่อมโยงงานระดับอำเภอ) with members, and
meets once a quarter (four meetings a year, up to today): minutes published, a resolution
on each agenda matter and action items for the LAOs, the district office or the councils,
some done on time, some late, some still open past their due date. Each year the councils
raise obstacles to their LAO or the district office (most answered, some resolved, one
declined, one left unanswered past the 30 days and marked overdue), and people send the
district suggestions (published and answered, or not published). Written inside
``clock_at`` (reports/demo_clock.py) so ``created_at`` and the history rows carry the day
each thing happened. Idempotent: a district that already has meetings in a year is left
alone for that year.
"""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from accounts.models import RoleAssignment, User
from agencies.choices import AgencyKind
from agencies.models import Agency
from common.thai import fiscal_year_bounds
from councils.models import Council
from geo.models import Theme
from meetings.choices import (
    ActionStatus,
    MechanismCategory,
    MechanismRole,
    MeetingKind,
    MeetingStatus,
    ObstacleStatus,
    SuggestionStatus,
)
from meetings.models import (
    ActionItem,
    AgendaItem,
    DistrictMechanism,
    MechanismMember,
    Meeting,
    Obstacle,
    Resolution,
    Response,
    Suggestion,
)

from .demo_clock import clock_at, moment

YEARS = 5
# (agenda matter, resolution, action item, assignee: "lao", "office" or "council")
MATTERS = [
    ("ติดตามการบรรจุแผนพัฒนาชุมชนในแผนพัฒนาท้องถิ่น",
     "ที่ประชุมมีมติให้ อปท. ทุกแห่งแจ้งผลการบรรจุรายการแผนชุมชนภายในไตรมาสถัดไป",
     "แจ้งผลการบรรจุรายการแผนชุมชนในแผนพัฒนาท้องถิ่น", "lao"),
    ("ปัญหาไฟป่าและหมอกควันในพื้นที่ต้นน้ำ",
     "เห็นชอบให้ตั้งจุดเฝ้าระวังไฟป่าร่วมกันระหว่างสภาองค์กรชุมชนและ อปท. ทุกตำบล",
     "จัดเวรเฝ้าระวังไฟป่าและรายงานจุดความร้อน", "council"),
    ("การซ่อมแซมบ้านผู้ยากไร้และผู้สูงอายุที่อยู่ลำพัง",
     "มอบหมายที่ว่าการอำเภอประสานงบประมาณจากหน่วยงานภาคีสมทบกับกองทุนสวัสดิการชุมชน",
     "สำรวจและจัดลำดับบ้านที่ต้องซ่อมแซมเร่งด่วน", "office"),
    ("การขยายสมาชิกกองทุนสวัสดิการชุมชน",
     "เห็นชอบแนวทางรณรงค์รับสมาชิกใหม่ผ่านเวทีประชาคมหมู่บ้าน",
     "จัดเวทีรณรงค์รับสมาชิกกองทุนสวัสดิการชุมชน", "council"),
    ("ข้อติดขัดการใช้ที่ดินทำกินในเขตป่า",
     "ให้ที่ว่าการอำเภอรวบรวมข้อมูลแปลงที่ดินเสนอคณะกรรมการระดับจังหวัด",
     "รวบรวมข้อมูลแปลงที่ดินทำกินที่มีข้อพิพาท", "office"),
    ("การเตรียมรับมือภัยแล้ง",
     "ให้ อปท. สำรวจแหล่งน้ำและจัดหาน้ำอุปโภคบริโภคให้หมู่บ้านที่ขาดแคลน",
     "สำรวจแหล่งน้ำและจัดทำแผนแจกจ่ายน้ำ", "lao"),
]  # fmt: skip
# How each year's action items end, dealt in turn: done some days before or after the due date,
# or left open (overdue once the due date passes).
ENDINGS = [-10, 20, -3, None, -15, 35, -7, None]
OBSTACLES = [
    ("natural-resources", "ขอสนับสนุนงบประมาณซ่อมฝายชะลอน้ำที่ชำรุด",
     "ฝายชะลอน้ำหมู่ที่ 4 ชำรุดจากน้ำป่า ชาวบ้านไม่มีน้ำทำการเกษตรในฤดูแล้ง"),
    ("vulnerable-groups", "ผู้สูงอายุติดเตียงยังไม่ได้รับเบี้ยยังชีพคนพิการ",
     "สำรวจพบผู้สูงอายุติดเตียง 6 ราย ยังไม่ได้ขึ้นทะเบียนคนพิการ ขอให้หน่วยงานช่วยประสาน"),
    ("housing", "ขอใช้ที่สาธารณประโยชน์สร้างบ้านมั่นคงชนบท",
     "ครัวเรือนไร้ที่อยู่อาศัย 12 ครัวเรือน ต้องการใช้ที่สาธารณประโยชน์ที่ว่างอยู่"),
    ("health", "ถนนเข้าหมู่บ้านชำรุด รถฉุกเฉินเข้าไม่ได้",
     "ถนนลูกรังเข้าหมู่ที่ 7 ชำรุดในฤดูฝน รถกู้ชีพไม่สามารถเข้ารับผู้ป่วยได้"),
]  # fmt: skip
# (days to the first answer or None, the status it ends in, answer)
ANSWERS = [
    (9, ObstacleStatus.RESOLVED, "ดำเนินการซ่อมแซมแล้วเสร็จ ใช้งบประมาณฉุกเฉินของ อปท."),
    (21, ObstacleStatus.IN_PROGRESS, "รับเรื่องแล้ว อยู่ระหว่างประสานหน่วยงานที่เกี่ยวข้อง"),
    (14, ObstacleStatus.CANNOT_ACT, "อยู่นอกอำนาจหน้าที่ ได้ส่งเรื่องต่อไปยังสำนักงานจังหวัดแล้ว"),
    (None, ObstacleStatus.RAISED, ""),
]
SUGGESTIONS = [
    ("ขอให้จัดประชุมกลไกอำเภอในวันเสาร์บ้าง ชาวบ้านที่ทำงานจะได้เข้าร่วม", True,
     "กลไกอำเภอจะจัดประชุมนอกเวลาราชการปีละหนึ่งครั้งเป็นอย่างน้อย"),
    ("อยากให้เผยแพร่รายงานการประชุมทางกลุ่มไลน์ของหมู่บ้านด้วย", True,
     "ที่ว่าการอำเภอจะส่งสรุปมติผ่านผู้ใหญ่บ้านทุกหมู่บ้าน"),
    ("โฆษณาขายสินค้า", False, ""),
]  # fmt: skip
MINUTES = (
    "ประธานเปิดประชุมและแจ้งเรื่องเพื่อทราบ ที่ประชุมรับรองรายงานการประชุมครั้งที่แล้วโดยไม่มีการแก้ไข\n"
    "ผู้แทนสภาองค์กรชุมชนตำบลรายงานความคืบหน้าตามมติครั้งก่อน และนำเสนอข้อติดขัดที่ยังไม่ได้รับการแก้ไข "
    "ผู้แทน อปท. และหน่วยงานในอำเภอชี้แจงแนวทางดำเนินการ\n"
    "ที่ประชุมพิจารณาเรื่อง{matter} และมีมติตามที่บันทึกไว้ในระเบียบวาระ ปิดประชุมเวลา 12.00 น."
)


def meetings_ensure(*, districts, fiscal_year: int, today: dt.date) -> None:
    users = {u.username: u for u in User.objects.filter(username__in=["district_d1", "district_d2", "admin"])}
    officers = {districts[0].pk: users["district_d1"], districts[1].pk: users["district_d2"]}
    themes = {t.code: t for t in Theme.objects.all()}
    for district in districts:
        councils = list(Council.objects.filter(subdistrict__district=district).select_related("lao", "subdistrict"))
        councils.sort(key=lambda c: c.subdistrict.code)
        office = Agency.objects.filter(kind=AgencyKind.DISTRICT_OFFICE, district=district).first()
        officer = officers[district.pk]
        mechanism = _mechanism(district, councils, officer, first_year=fiscal_year - YEARS + 1)
        for year in range(fiscal_year - YEARS + 1, fiscal_year + 1):
            start, end = fiscal_year_bounds(year)
            if Meeting.objects.filter(district=district, kind=MeetingKind.DISTRICT, date__range=(start, end)).exists():
                continue
            _year_meetings(mechanism, councils, office, officer, year, start, today)
            _year_obstacles(councils, office, officer, themes, year, start, today)
            _year_suggestions(district, officer, year, start, today)


def _mechanism(district, councils, officer, *, first_year: int) -> DistrictMechanism:
    found = DistrictMechanism.objects.filter(district=district).first()
    if found is not None:
        return found
    established = fiscal_year_bounds(first_year)[0] - dt.timedelta(days=45)
    with clock_at(moment(established)):
        mechanism = DistrictMechanism.objects.create(
            district=district,
            name=f"กลไกการเชื่อมโยงงานระดับอำเภอ{district.name_th}",
            established_on=established,
            note="แต่งตั้งตามคำสั่งอำเภอ ประกอบด้วยผู้แทนสภาองค์กรชุมชนตำบลทุกตำบล อปท. และหน่วยงานในอำเภอ",
        )
        MechanismMember.objects.create(
            mechanism=mechanism, full_name=f"นายอำเภอ{district.name_th}", position="นายอำเภอ",
            category=MechanismCategory.DISTRICT_OFFICE, role=MechanismRole.CHAIR, term_start=established,
        )  # fmt: skip
        MechanismMember.objects.create(
            mechanism=mechanism, full_name=officer.display_name, position="ปลัดอำเภอ", user=officer,
            category=MechanismCategory.DISTRICT_OFFICE, role=MechanismRole.SECRETARY, term_start=established,
        )  # fmt: skip
        for council in councils[:3]:
            MechanismMember.objects.create(
                mechanism=mechanism, full_name=f"ประธาน{council.name}", position="ประธานสภาองค์กรชุมชนตำบล",
                category=MechanismCategory.COUNCIL, council=council, term_start=established,
            )  # fmt: skip
            if council.lao_id:
                MechanismMember.objects.create(
                    mechanism=mechanism, full_name=f"นายก{council.lao.name}", position="นายก อบต.",
                    category=MechanismCategory.LAO, agency=council.lao, term_start=established,
                )  # fmt: skip
    return mechanism


def _year_meetings(mechanism, councils, office, officer, year, start, today) -> None:
    district = mechanism.district
    dealt = 0
    for q in range(4):
        day = start + dt.timedelta(days=q * 91 + 40)  # mid-November, February, May and August
        if day > today:
            break
        with clock_at(moment(day - dt.timedelta(days=14))):
            meeting = Meeting.objects.create(
                kind=MeetingKind.DISTRICT, district=district, mechanism=mechanism, created_by=officer,
                title=f"การประชุม{mechanism.name} ครั้งที่ {q + 1}/{year}", date=day,
                start_time=dt.time(9, 30), end_time=dt.time(12, 0), place=f"ห้องประชุมที่ว่าการอำเภอ{district.name_th}",
            )  # fmt: skip
            AgendaItem.objects.create(meeting=meeting, order=1, title="เรื่องที่ประธานแจ้งให้ที่ประชุมทราบ")
        matters = [MATTERS[(year + q + k) % len(MATTERS)] for k in range(2)]
        published = day + dt.timedelta(days=7)
        with clock_at(moment(min(published, today), 15)):
            for order, (matter, resolution_text, action, who) in enumerate(matters, start=2):
                agenda = AgendaItem.objects.create(meeting=meeting, order=order, title=matter)
                resolution = Resolution.objects.create(agenda_item=agenda, text=resolution_text)
                council = councils[(q + order) % len(councils)]
                assignee = {"lao": {"assignee_agency": council.lao}, "office": {"assignee_agency": office},
                            "council": {"assignee_council": council}}[who]  # fmt: skip
                if assignee.get("assignee_agency", True) is None:
                    assignee = {"assignee_council": council}
                due = day + dt.timedelta(days=45)
                item = ActionItem.objects.create(
                    resolution=resolution, title=action, due_date=due, created_by=officer, **assignee
                )
                _action_ending(item, ENDINGS[dealt % len(ENDINGS)], due, today)
                dealt += 1
            meeting.minutes = MINUTES.format(matter=matters[0][0])
            meeting.recorder, meeting.checker = officer.display_name, f"นายอำเภอ{district.name_th}"
            if published <= today:
                meeting.status, meeting.published_at = MeetingStatus.PUBLISHED, timezone.now()
            else:
                meeting.status = MeetingStatus.HELD
            meeting.save()


def _action_ending(item, days_from_due, due, today) -> None:
    if days_from_due is None:
        return  # left open: overdue once its due date passes
    done = due + dt.timedelta(days=days_from_due)
    if done > today:
        return
    with clock_at(moment(done - dt.timedelta(days=20) if days_from_due > -20 else done, 11)):
        item.status = ActionStatus.IN_PROGRESS
        item.save()
    with clock_at(moment(done, 16)):
        item.status = ActionStatus.DONE
        item.save()


def _year_obstacles(councils, office, officer, themes, year, start, today) -> None:
    staff = {a.council_id: a.user for a in RoleAssignment.objects.filter(council__in=councils).select_related("user")}
    answerers = {
        a.agency_id: a.user for a in RoleAssignment.objects.filter(agency__isnull=False).select_related("user")
    }
    for n, (theme, title, detail) in enumerate(OBSTACLES):
        council = councils[(n + year) % len(councils)]
        agency = council.lao if n % 2 == 0 and council.lao_id else office
        raised = start + dt.timedelta(days=30 + n * 80)
        if raised > today:
            continue
        raiser = staff.get(council.pk, officer)
        with clock_at(moment(raised)):
            obstacle = Obstacle.objects.create(
                council=council, agency=agency, theme=themes[theme], title=title, detail=detail, raised_by=raiser
            )
        days, status, answer = ANSWERS[(n + year) % len(ANSWERS)]
        answered = raised + dt.timedelta(days=days) if days is not None else None
        if answered is None or answered > today:
            overdue = raised + dt.timedelta(days=30)
            if overdue <= today:
                with clock_at(moment(overdue, 8)):
                    obstacle.overdue_notified_at = timezone.now()
                    obstacle.save()
            continue
        with clock_at(moment(answered, 14)):
            Response.objects.create(obstacle=obstacle, by=answerers.get(agency.pk, officer), text=answer, status=status)
            obstacle.status, obstacle.first_answered_at = status, timezone.now()
            obstacle.save()


def _year_suggestions(district, officer, year, start, today) -> None:
    for n, (text, publish, answer) in enumerate(SUGGESTIONS):
        sent = start + dt.timedelta(days=60 + n * 100)
        if sent > today:
            continue
        with clock_at(moment(sent, 19)):
            suggestion = Suggestion.objects.create(district=district, name="ชาวบ้านในอำเภอ", text=text)
        moderated = sent + dt.timedelta(days=3)
        if moderated > today:
            continue
        with clock_at(moment(moderated)):
            suggestion.moderated_by = officer
            if publish:
                suggestion.status = SuggestionStatus.PUBLISHED
            else:
                suggestion.status, suggestion.reject_reason = SuggestionStatus.REJECTED, "เป็นข้อความโฆษณา"
            suggestion.save()
        answered = sent + dt.timedelta(days=12)
        if publish and answered <= today:
            with clock_at(moment(answered)):
                suggestion.answer, suggestion.answered_by, suggestion.answered_at = answer, officer, timezone.now()
                suggestion.save()
