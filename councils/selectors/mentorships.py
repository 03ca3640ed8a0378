"""Every read of mentorships (ตำบลพี่เลี้ยง), scoped to the user, and the mentor suggestions.

Suggestions for a weak council (the mentee):

- Candidates are active councils in the user's area, other than the mentee, whose latest
  assessment passed.
- The mentee's *weak themes* are the themes of the indicators it scored below 60% of the
  maximum on in its latest assessment.
- A candidate's *strength* is its score share (score ÷ maximum) on the indicators of those
  themes in its latest (passed) assessment, pooled over the weak themes; when the mentee
  has no weak theme (or no assessment), it is the candidate's overall percent.
- Ranking: mentors already mentoring 3 or more councils come after all others; then
  nearness (same district, same province, elsewhere); then strength, overall percent and
  tambon code.
- Reasons, in Thai, say where the mentor is and which weak themes it is strong in (a share
  of 80% or more), e.g. "อยู่อำเภอเดียวกัน · เข้มแข็งด้านสวัสดิการชุมชน (90%)".

Four queries whatever the number of councils: the mentee's latest assessment, its scores,
the ranked candidates, and their shares per weak theme.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_DOWN, Decimal

from django.db.models import (
    Case,
    Count,
    DecimalField,
    ExpressionWrapper,
    F,
    IntegerField,
    OuterRef,
    Prefetch,
    QuerySet,
    Subquery,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Coalesce, NullIf
from django.utils.translation import gettext as _

from geo.models import Theme

from ..choices import AssessmentLevel, CouncilStatus, MentorshipStatus
from ..models import Assessment, AssessmentScore, Council, MentoringVisit, Mentorship
from .assessments import latest_assessment_ids

WEAK_SHARE = Decimal("0.6")  # an indicator scored below this share of its maximum is weak
STRONG_SHARE_PERCENT = Decimal("80")  # a weak theme the mentor scores this much on is a reason
BUSY_AT = 3  # mentors with this many active mentorships rank after the others

SAME_DISTRICT, SAME_PROVINCE, ELSEWHERE = 0, 1, 2


def whole_percent(value: Decimal | None) -> int:
    """Percent shown to users: whole numbers, never rounded up (89.9 → 89)."""
    return int((value or Decimal("0")).quantize(Decimal("1"), rounding=ROUND_DOWN))


# Mentorships ---------------------------------------------------------------------------------


def mentorships_visible_to(*, user) -> QuerySet[Mentorship]:
    """Mentorships whose mentor or mentee lies in the user's area, with visit counts and
    the mentee's latest level, active first."""
    latest = Assessment.objects.filter(council=OuterRef("mentee_id")).order_by("-fiscal_year")
    qs = (
        Mentorship.objects.select_related(
            "mentor__subdistrict__district__province", "mentee__subdistrict__district__province"
        )
        .annotate(
            visit_count=Count("visits"),
            mentee_latest_level=Subquery(latest.values("level")[:1]),
            mentee_latest_fiscal_year=Subquery(latest.values("fiscal_year")[:1]),
        )
        .order_by("status", "-started_on", "-id")
    )
    return qs.visible_to(user)


@dataclass
class LevelSnapshot:
    """A mentee's assessment result at some point (a current row or a history record)."""

    fiscal_year: int
    level: str
    percent: Decimal
    passed: bool
    assessed_on: object

    @property
    def level_label(self) -> str:
        return AssessmentLevel(self.level).label

    @classmethod
    def of(cls, row) -> LevelSnapshot | None:
        if row is None:
            return None
        return cls(row.fiscal_year, row.level, row.percent, row.passed, row.assessed_on)


@dataclass
class MentorshipDetail:
    mentorship: Mentorship
    visits: list[MentoringVisit]
    before: LevelSnapshot | None
    after: LevelSnapshot | None

    @property
    def change(self) -> int | None:
        """Levels moved up (+) or down (−) between before and after; None if unknown."""
        if self.before is None or self.after is None:
            return None
        order = list(AssessmentLevel.values)[::-1]  # needs_development, medium, strong
        return order.index(self.after.level) - order.index(self.before.level)


def mentee_levels(*, mentorship: Mentorship) -> tuple[LevelSnapshot | None, LevelSnapshot | None]:
    """The mentee's level before the pairing (its latest assessment dated on or before the
    start, read from history so a later re-assessment of the same year doesn't hide it) and
    after (its latest assessment dated after the start). Two queries."""
    before = (
        Assessment.history.filter(council_id=mentorship.mentee_id, assessed_on__lte=mentorship.started_on)
        .exclude(history_type="-")
        .order_by("-assessed_on", "-fiscal_year", "-history_date", "-history_id")
        .first()
    )
    after = (
        Assessment.objects.filter(council_id=mentorship.mentee_id, assessed_on__gt=mentorship.started_on)
        .order_by("-assessed_on", "-fiscal_year")
        .first()
    )
    return LevelSnapshot.of(before), LevelSnapshot.of(after)


def mentorship_detail(*, user, pk: int) -> MentorshipDetail:
    """A mentorship in the user's area with its visits and the mentee's level before and
    after. Raises Mentorship.DoesNotExist (a 404) outside the area."""
    mentorship = (
        mentorships_visible_to(user=user)
        .prefetch_related(
            Prefetch("visits", queryset=MentoringVisit.objects.select_related("recorded_by").order_by("-date", "-id"))
        )
        .get(pk=pk)
    )
    before, after = mentee_levels(mentorship=mentorship)
    return MentorshipDetail(mentorship=mentorship, visits=list(mentorship.visits.all()), before=before, after=after)


def mentorship_active_for(*, mentee: Council) -> Mentorship | None:
    return Mentorship.objects.filter(mentee=mentee, status=MentorshipStatus.ACTIVE).select_related("mentor").first()


def mentorship_for_change(*, user, pk: int) -> Mentorship:
    """A mentorship in the user's area, to end it or log a visit. DoesNotExist outside it."""
    return mentorships_visible_to(user=user).get(pk=pk)


# Suggestions -------------------------------------------------------------------------------


@dataclass
class MenteeNeeds:
    assessment: Assessment | None
    weak_themes: list[Theme] = field(default_factory=list)


def mentee_needs(*, mentee: Council) -> MenteeNeeds:
    """The mentee's latest assessment and its weak themes, in indicator order (two queries)."""
    latest = Assessment.objects.filter(council=mentee).order_by("-fiscal_year").first()
    if latest is None:
        return MenteeNeeds(assessment=None)
    weak: dict[int, Theme] = {}
    scores = (
        AssessmentScore.objects.filter(assessment=latest, indicator__theme__isnull=False)
        .select_related("indicator__theme")
        .order_by("indicator__order", "indicator__code")
    )
    for row in scores:
        if row.score < row.indicator.max_score * WEAK_SHARE:
            weak.setdefault(row.indicator.theme_id, row.indicator.theme)
    return MenteeNeeds(assessment=latest, weak_themes=list(weak.values()))


@dataclass
class MentorSuggestion:
    council: Council
    assessment: Assessment
    nearness: int
    active_mentorships: int
    strength: Decimal
    theme_shares: list[tuple[Theme, Decimal]]
    reasons: list[str]

    @property
    def reason(self) -> str:
        return " · ".join(self.reasons)

    @property
    def is_busy(self) -> bool:
        return self.active_mentorships >= BUSY_AT


def _reasons(item: MentorSuggestion) -> list[str]:
    council = item.council
    if item.nearness == SAME_DISTRICT:
        reasons = [_("อยู่อำเภอเดียวกัน")]
    elif item.nearness == SAME_PROVINCE:
        reasons = [_("อยู่จังหวัดเดียวกัน")]
    else:
        reasons = [_("อยู่ต่างจังหวัด (%(province)s)") % {"province": council.subdistrict.district.province.name_th}]
    strong = [(theme, share) for theme, share in item.theme_shares if share >= STRONG_SHARE_PERCENT]
    for theme, share in strong:
        reasons.append(
            _("เข้มแข็งด้าน%(theme)s (%(percent)s%%)") % {"theme": theme.name_th, "percent": whole_percent(share)}
        )
    if not strong:
        a = item.assessment
        reasons.append(
            _("ผ่านการประเมินปี %(year)s ระดับ%(level)s (%(percent)s%%)")
            % {"year": a.fiscal_year, "level": a.get_level_display(), "percent": whole_percent(a.percent)}
        )
    if item.is_busy:
        reasons.append(_("เป็นพี่เลี้ยงอยู่แล้ว %(n)s ตำบล") % {"n": item.active_mentorships})
    return reasons


def mentor_candidates(*, user, mentee: Council, weak_theme_ids: list[int]) -> QuerySet[Assessment]:
    """Latest passed assessments of possible mentors in the user's area, annotated and
    ranked (see the module docstring). One query however it is sliced."""
    district = mentee.subdistrict.district
    active_count = (
        Mentorship.objects.filter(mentor_id=OuterRef("council_id"), status=MentorshipStatus.ACTIVE)
        .order_by()
        .values("mentor_id")
        .annotate(n=Count("pk"))
        .values("n")
    )
    qs = Assessment.objects.filter(
        pk__in=latest_assessment_ids(), passed=True, council__status=CouncilStatus.ACTIVE
    ).exclude(council_id=mentee.pk)
    qs = qs.visible_to(user)
    qs = qs.select_related("council__subdistrict__district__province").annotate(
        nearness=Case(
            When(council__subdistrict__district_id=district.pk, then=Value(SAME_DISTRICT)),
            When(council__subdistrict__district__province_id=district.province_id, then=Value(SAME_PROVINCE)),
            default=Value(ELSEWHERE),
            output_field=IntegerField(),
        ),
        active_mentorships=Coalesce(Subquery(active_count, output_field=IntegerField()), Value(0)),
        busy=Case(When(active_mentorships__gte=BUSY_AT, then=Value(1)), default=Value(0), output_field=IntegerField()),
    )
    decimal = DecimalField(max_digits=9, decimal_places=4)
    if weak_theme_ids:
        theme_rows = (
            AssessmentScore.objects.filter(assessment_id=OuterRef("pk"), indicator__theme_id__in=weak_theme_ids)
            .order_by()
            .values("assessment_id")
        )
        score_sum = Subquery(theme_rows.annotate(s=Sum("score")).values("s"), output_field=decimal)
        max_sum = Subquery(theme_rows.annotate(m=Sum("indicator__max_score")).values("m"), output_field=decimal)
        strength = Coalesce(
            ExpressionWrapper(score_sum * Value(Decimal("100")) / NullIf(max_sum, Value(0)), output_field=decimal),
            Value(Decimal("0")),
            output_field=decimal,
        )
    else:
        strength = ExpressionWrapper(F("percent"), output_field=decimal)
    return qs.annotate(strength=strength).order_by(
        "busy", "nearness", "-strength", "-percent", "council__subdistrict__code"
    )


def _theme_shares(assessment_ids: list[int], themes: list[Theme]) -> dict[int, list[tuple[Theme, Decimal]]]:
    """Assessment id → [(weak theme, percent share)], best first (one query)."""
    if not assessment_ids or not themes:
        return {}
    by_id = {t.pk: t for t in themes}
    rows = (
        AssessmentScore.objects.filter(assessment_id__in=assessment_ids, indicator__theme_id__in=list(by_id))
        .order_by()
        .values("assessment_id", "indicator__theme_id")
        .annotate(s=Sum("score"), m=Sum("indicator__max_score"))
    )
    shares: dict[int, list[tuple[Theme, Decimal]]] = {}
    for row in rows:
        share = row["s"] * 100 / row["m"] if row["m"] else Decimal("0")
        shares.setdefault(row["assessment_id"], []).append((by_id[row["indicator__theme_id"]], share))
    for items in shares.values():
        items.sort(key=lambda pair: (-pair[1], pair[0].name_th))
    return shares


def mentor_suggestions(
    *, user, mentee: Council, limit: int = 10, needs: MenteeNeeds | None = None
) -> list[MentorSuggestion]:
    """Ranked mentor suggestions for ``mentee`` (already resolved within the user's scope),
    each with its reasons in Thai. Pass ``needs`` when the caller already has them."""
    needs = needs or mentee_needs(mentee=mentee)
    weak_ids = [t.pk for t in needs.weak_themes]
    top = list(mentor_candidates(user=user, mentee=mentee, weak_theme_ids=weak_ids)[:limit])
    shares = _theme_shares([a.pk for a in top], needs.weak_themes)
    items = []
    for a in top:
        item = MentorSuggestion(
            council=a.council,
            assessment=a,
            nearness=a.nearness,
            active_mentorships=a.active_mentorships,
            strength=a.strength,
            theme_shares=shares.get(a.pk, []),
            reasons=[],
        )
        item.reasons = _reasons(item)
        items.append(item)
    return items
