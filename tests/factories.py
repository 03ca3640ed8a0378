"""factory_boy factories. Area codes are made from sequences so every test world is small."""

import datetime as dt
from decimal import Decimal

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from accounts.choices import Role
from accounts.models import RoleAssignment, User
from agencies.choices import AgencyKind
from agencies.models import Agency
from common.thai import fiscal_year_of
from councils.choices import ActivityKind
from councils.models import Activity, Council
from geo.models import District, Province, Subdistrict, Theme
from meetings.choices import ActionStatus, MeetingKind, MeetingStatus, ObstacleStatus, SuggestionStatus
from meetings.models import ActionItem, AgendaItem, DistrictMechanism, Meeting, Obstacle, Resolution, Suggestion
from plans.models import Alignment, CommunityPlan, LocalPlan, LocalPlanProject, LocalPlanProjectBudget, PlanItem

PASSWORD = "correct-horse-2569"


class ProvinceFactory(DjangoModelFactory):
    class Meta:
        model = Province
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"{(n % 89) + 10:02d}")
    name_th = factory.Sequence(lambda n: f"จังหวัดทดสอบ{n}")
    name_en = factory.Sequence(lambda n: f"Province {n}")


class DistrictFactory(DjangoModelFactory):
    class Meta:
        model = District
        django_get_or_create = ("code",)

    province = factory.SubFactory(ProvinceFactory)
    code = factory.LazyAttributeSequence(lambda o, n: f"{o.province.code}{(n % 98) + 1:02d}")
    name_th = factory.Sequence(lambda n: f"อำเภอทดสอบ{n}")
    name_en = factory.Sequence(lambda n: f"District {n}")


class SubdistrictFactory(DjangoModelFactory):
    class Meta:
        model = Subdistrict
        django_get_or_create = ("code",)

    district = factory.SubFactory(DistrictFactory)
    # 10..99: the named world in conftest uses 01..09, so generated tambons never collide with it
    code = factory.LazyAttributeSequence(lambda o, n: f"{o.district.code}{(n % 90) + 10:02d}")
    name_th = factory.Sequence(lambda n: f"ตำบลทดสอบ{n}")
    name_en = factory.Sequence(lambda n: f"Subdistrict {n}")


class ThemeFactory(DjangoModelFactory):
    class Meta:
        model = Theme
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"theme-{n}")
    name_th = factory.Sequence(lambda n: f"ประเด็นที่ {n}")


class CouncilFactory(DjangoModelFactory):
    class Meta:
        model = Council

    subdistrict = factory.SubFactory(SubdistrictFactory)
    name = factory.LazyAttribute(lambda o: f"สภาองค์กรชุมชนตำบล{o.subdistrict.name_th}")
    # Registered years ago, as most councils are: reports of past periods count it.
    registered_on = dt.date(2012, 5, 1)


class ActivityFactory(DjangoModelFactory):
    class Meta:
        model = Activity

    council = factory.SubFactory(CouncilFactory)
    date = factory.LazyFunction(lambda: dt.date.today() - dt.timedelta(days=3))
    kind = ActivityKind.FORUM
    title = factory.Sequence(lambda n: f"เวทีประชาคมที่ {n}")
    participants = 25
    fiscal_year = factory.LazyAttribute(lambda o: fiscal_year_of(o.date))


class AgencyFactory(DjangoModelFactory):
    class Meta:
        model = Agency

    name = factory.LazyAttribute(lambda o: f"องค์การบริหารส่วนตำบล{o.subdistrict.name_th}")
    kind = AgencyKind.SAO
    subdistrict = factory.SubFactory(SubdistrictFactory)
    district = factory.LazyAttribute(lambda o: o.subdistrict.district)
    province = factory.LazyAttribute(lambda o: o.subdistrict.district.province)
    dla_code = factory.LazyAttribute(lambda o: "6" + o.subdistrict.code)


class CommunityPlanFactory(DjangoModelFactory):
    class Meta:
        model = CommunityPlan

    council = factory.SubFactory(CouncilFactory)
    fiscal_year = 2569
    title = factory.Sequence(lambda n: f"แผนพัฒนาชุมชน {n}")


class PlanItemFactory(DjangoModelFactory):
    class Meta:
        model = PlanItem
        skip_postgeneration_save = True

    plan = factory.SubFactory(CommunityPlanFactory)
    theme = factory.SubFactory(ThemeFactory)
    description = factory.Sequence(lambda n: f"ซ่อมแซมบ้านผู้สูงอายุ รายการที่ {n}")
    title = factory.LazyAttribute(lambda o: o.description.splitlines()[0][:255] if o.description else "รายการในแผน")
    budget_needed = Decimal("50000")
    alignment = factory.RelatedFactory("tests.factories.AlignmentFactory", factory_related_name="plan_item")


class AlignmentFactory(DjangoModelFactory):
    class Meta:
        model = Alignment


class LocalPlanFactory(DjangoModelFactory):
    """The LAO's plan for the cycle 2566–2570 (one per LAO and cycle: got, not doubled)."""

    class Meta:
        model = LocalPlan
        django_get_or_create = ("lao", "start_year")

    lao = factory.SubFactory(AgencyFactory)
    start_year = 2566
    end_year = factory.LazyAttribute(lambda o: o.start_year + 4)
    title = factory.LazyAttribute(lambda o: f"แผนพัฒนาท้องถิ่น (พ.ศ. {o.start_year}–{o.end_year})")


class LocalPlanProjectFactory(DjangoModelFactory):
    """A project with one budget line, in its year, of its LAO's plan for that cycle."""

    class Meta:
        model = LocalPlanProject
        skip_postgeneration_save = True

    lao = factory.SubFactory(AgencyFactory)
    fiscal_year = 2569
    local_plan = factory.LazyAttribute(
        lambda o: LocalPlanFactory(lao=o.lao, start_year=2566 + 5 * ((o.fiscal_year - 2566) // 5))
    )
    title = factory.Sequence(lambda n: f"โครงการซ่อมแซมบ้านผู้ยากไร้ {n}")
    budget = Decimal("100000")

    @factory.post_generation
    def budget_line(obj, create, extracted, **kwargs):
        if create:
            LocalPlanProjectBudget.objects.get_or_create(
                project=obj, fiscal_year=obj.fiscal_year, defaults={"amount": obj.budget}
            )


class UserFactory(DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    display_name = factory.LazyAttribute(lambda o: f"ผู้ใช้ {o.username}")

    @factory.post_generation
    def password(self, create, extracted, **kwargs):
        self.set_password(extracted or PASSWORD)
        if create:
            self.save(update_fields=["password"])


def user_with_role(username: str, role: str, **target) -> User:
    user = UserFactory(username=username)
    provinces = target.pop("provinces", None)
    assignment = RoleAssignment.objects.create(user=user, role=role, **target)
    if provinces:
        assignment.provinces.set(provinces)
    return user


__all__ = ["Role", "PASSWORD", "user_with_role"]


# Council members and people (PDPA) -------------------------------------------------------
from councils.choices import MemberPosition  # noqa: E402
from councils.models import CouncilMember, Person  # noqa: E402


class PersonFactory(DjangoModelFactory):
    """A person without a national ID (set one with councils.pdpa.national_id_fields)."""

    class Meta:
        model = Person

    full_name = factory.Sequence(lambda n: f"นางสมศรี ทดสอบ{n}")
    phone = "081-234-5678"


class CouncilMemberFactory(DjangoModelFactory):
    class Meta:
        model = CouncilMember

    council = factory.SubFactory(CouncilFactory)
    person = factory.SubFactory(PersonFactory)
    position = MemberPosition.MEMBER
    term_start = dt.date(2024, 1, 15)
    term_end = None


# Quality assessment ------------------------------------------------------------------------
# Assessments themselves are recorded through councils.services.assessments.assessment_record
# (it computes level and pass), so there is no AssessmentFactory.
from councils.models import Indicator, IndicatorSet  # noqa: E402


class IndicatorSetFactory(DjangoModelFactory):
    class Meta:
        model = IndicatorSet

    name = factory.Sequence(lambda n: f"ชุดตัวชี้วัดทดสอบ {n}")


class IndicatorFactory(DjangoModelFactory):
    class Meta:
        model = Indicator

    indicator_set = factory.SubFactory(IndicatorSetFactory)
    code = factory.Sequence(lambda n: f"I{n:02d}")
    name = factory.Sequence(lambda n: f"ตัวชี้วัดทดสอบ {n}")
    max_score = 5
    order = factory.Sequence(lambda n: n)


# Community organizations ---------------------------------------------------------------------
from councils.choices import OrganizationKind  # noqa: E402
from councils.models import CommunityOrganization  # noqa: E402


class CommunityOrganizationFactory(DjangoModelFactory):
    class Meta:
        model = CommunityOrganization

    council = factory.SubFactory(CouncilFactory)
    code = factory.Sequence(lambda n: f"CO{n:07d}")
    name = factory.Sequence(lambda n: f"กลุ่มออมทรัพย์เพื่อการผลิตบ้านทดสอบ {n}")
    kind = OrganizationKind.SAVINGS_GROUP
    member_count = 40
    registered_on = dt.date(2016, 3, 15)


# Agencies' missions and agreements (issue 8) ------------------------------------------------
from agencies.models import CooperationAgreement, Mission  # noqa: E402


def national_agency(kind=AgencyKind.DOPA, name="กรมการปกครอง") -> Agency:
    """A central department: no province, no district, no tambon."""
    return AgencyFactory(kind=kind, name=name, subdistrict=None, district=None, province=None, dla_code=None)


class MissionFactory(DjangoModelFactory):
    class Meta:
        model = Mission

    agency = factory.SubFactory(AgencyFactory)
    theme = factory.SubFactory(ThemeFactory)
    fiscal_year = 2569
    title = factory.Sequence(lambda n: f"ภารกิจสนับสนุนชุมชน {n}")


class AgreementFactory(DjangoModelFactory):
    class Meta:
        model = CooperationAgreement
        skip_postgeneration_save = True

    agency = factory.SubFactory(AgencyFactory)
    title = factory.Sequence(lambda n: f"บันทึกข้อตกลงความร่วมมือ {n}")
    signed_on = dt.date(2025, 9, 15)
    starts_on = dt.date(2025, 10, 1)


# -- meetings: created_at is auto_now_add, so a given one is written after the row is made --


class _BackdatedFactory(DjangoModelFactory):
    class Meta:
        abstract = True

    @classmethod
    def _create(cls, model_class, *args, created_at=None, **kwargs):
        obj = super()._create(model_class, *args, **kwargs)
        if created_at is not None:
            model_class.objects.filter(pk=obj.pk).update(created_at=created_at)
            obj.created_at = created_at
        return obj


class DistrictMechanismFactory(DjangoModelFactory):
    class Meta:
        model = DistrictMechanism

    district = factory.SubFactory(DistrictFactory)
    name = factory.LazyAttribute(lambda o: f"กลไกอำเภอ{o.district.name_th}")


class MeetingFactory(DjangoModelFactory):
    class Meta:
        model = Meeting

    kind = MeetingKind.DISTRICT
    title = factory.Sequence(lambda n: f"ประชุมครั้งที่ {n}")
    date = dt.date(2026, 1, 15)
    status = MeetingStatus.HELD


class AgendaItemFactory(DjangoModelFactory):
    class Meta:
        model = AgendaItem

    meeting = factory.SubFactory(MeetingFactory)
    order = factory.Sequence(lambda n: n + 1)
    title = "เรื่องเพื่อพิจารณา"


class ResolutionFactory(DjangoModelFactory):
    class Meta:
        model = Resolution

    agenda_item = factory.SubFactory(AgendaItemFactory)
    text = factory.Sequence(lambda n: f"มติที่ {n}")


class ActionItemFactory(DjangoModelFactory):
    """``done_on``: the day the item was marked done (its history record in that status)."""

    class Meta:
        model = ActionItem

    resolution = factory.SubFactory(ResolutionFactory)
    title = factory.Sequence(lambda n: f"ข้อสั่งการ {n}")
    due_date = dt.date(2026, 3, 31)
    status = ActionStatus.OPEN
    assignee_council = factory.SubFactory(CouncilFactory)
    cancel_reason = factory.LazyAttribute(lambda o: "ไม่จำเป็นแล้ว" if o.status == ActionStatus.CANCELLED else "")

    @classmethod
    def _create(cls, model_class, *args, done_on=None, **kwargs):
        item = super()._create(model_class, *args, **kwargs)
        if done_on is not None:
            noon = timezone.make_aware(dt.datetime.combine(done_on, dt.time(12, 0)))
            item.history.filter(status=ActionStatus.DONE).update(history_date=noon)
        return item


class ObstacleFactory(_BackdatedFactory):
    class Meta:
        model = Obstacle

    council = factory.SubFactory(CouncilFactory)
    agency = factory.SubFactory(AgencyFactory)
    theme = factory.SubFactory(ThemeFactory)
    title = factory.Sequence(lambda n: f"ข้อติดขัด {n}")
    detail = "รายละเอียดของข้อติดขัด"
    raised_by = factory.SubFactory(UserFactory)
    status = ObstacleStatus.RAISED


class SuggestionFactory(_BackdatedFactory):
    class Meta:
        model = Suggestion

    district = factory.SubFactory(DistrictFactory)
    text = factory.Sequence(lambda n: f"ข้อเสนอแนะ {n}")
    status = SuggestionStatus.PENDING


# Subsidy proposals ---------------------------------------------------------------------
from plans.choices import ProposalStatus  # noqa: E402
from plans.models import SubsidyProposal  # noqa: E402
from plans.services import proposals as proposal_services  # noqa: E402


def subsidy_proposal(
    *, council, recipient, by, amount=Decimal("40000"), items=None, status=ProposalStatus.DRAFT, fiscal_year=2570,
    title="โครงการซ่อมแซมบ้านผู้สูงอายุ",
) -> SubsidyProposal:
    """A draft made through the service from one plan item of the council (budget 50,000),
    with one budget line of ``amount``; put straight into ``status`` when another is given
    (a world for pages and routes, not a test of the moves)."""
    items = items or [PlanItemFactory(plan__council=council)]
    proposal = proposal_services.proposal_create(
        council=council, by=by, recipient=recipient, theme=items[0].theme, plan_items=items, fiscal_year=fiscal_year,
        title=title, budget_lines=[("ค่าวัสดุ", amount)],
    )  # fmt: skip
    if status != ProposalStatus.DRAFT:
        SubsidyProposal.objects.filter(pk=proposal.pk).update(
            status=status, considered_in_year=fiscal_year, submitted_at=proposal.created_at
        )
        proposal.refresh_from_db()
    return proposal


def backdate(*objects, when: dt.datetime) -> None:
    """Move every history row of ``objects`` (and of their many-to-many changes) to ``when``:
    the records then stood as they are now at that time (reports of past periods read it)."""
    for obj in objects:
        type(obj).history.model.objects.filter(id=obj.pk).update(history_date=when)
