"""DRF side of quality assessments and mentor tambons: thin views over the selectors and
services. Councils are named by their 6-digit tambon code; outside the user's area the
answer is 404, inside it without the right 403, bad input 400 with Thai messages."""

from django.http import Http404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response

from common.rules import require

from .. import permissions
from ..models import Assessment, AssessmentScore, Council, Indicator, IndicatorSet, MentoringVisit, Mentorship
from ..selectors import assessments as assessment_selectors
from ..selectors import councils_visible_to
from ..selectors import mentorships as mentorship_selectors
from ..services.assessments import assessment_record
from ..services.mentorships import mentoring_visit_log, mentorship_end, mentorship_start

CODE_HELP = gettext_lazy("รหัสตำบล 6 หลักของสภา")


def _council(user, code: str) -> Council:
    try:
        return councils_visible_to(user=user).get(subdistrict__code=code)
    except Council.DoesNotExist:
        raise Http404(_("ไม่พบสภาองค์กรชุมชนตำบลรหัส %(code)s") % {"code": code}) from None


# Serializers ---------------------------------------------------------------------------------


class IndicatorSerializer(serializers.ModelSerializer):
    theme = serializers.CharField(source="theme.code", default=None, read_only=True)
    theme_name = serializers.CharField(source="theme.name_th", default=None, read_only=True)

    class Meta:
        model = Indicator
        fields = ["id", "code", "name", "theme", "theme_name", "max_score", "order"]
        read_only_fields = fields


class IndicatorSetSerializer(serializers.ModelSerializer):
    indicators = IndicatorSerializer(many=True, read_only=True)

    class Meta:
        model = IndicatorSet
        fields = ["id", "name", "is_active", "strong_min", "medium_min", "pass_min", "indicators"]
        read_only_fields = fields


class AssessmentScoreSerializer(serializers.ModelSerializer):
    class Meta:
        model = AssessmentScore
        fields = ["indicator", "score"]
        read_only_fields = fields


class AssessmentSerializer(serializers.ModelSerializer):
    council = serializers.CharField(source="council.subdistrict.code", read_only=True)
    council_name = serializers.CharField(source="council.name", read_only=True)
    scores = AssessmentScoreSerializer(many=True, read_only=True)

    class Meta:
        model = Assessment
        fields = [
            "id", "council", "council_name", "fiscal_year", "indicator_set", "assessed_on", "total_score",
            "max_score", "percent", "level", "passed", "note", "scores",
        ]  # fmt: skip
        read_only_fields = fields


class ScoreInputSerializer(serializers.Serializer):
    indicator = serializers.IntegerField(error_messages={"invalid": gettext_lazy("รหัสตัวชี้วัดต้องเป็นตัวเลข")})
    score = serializers.DecimalField(
        max_digits=5, decimal_places=2, error_messages={"invalid": gettext_lazy("คะแนนต้องเป็นตัวเลข")}
    )


class AssessmentInputSerializer(serializers.Serializer):
    council = serializers.CharField(
        max_length=6, help_text=CODE_HELP, error_messages={"required": gettext_lazy("กรุณาระบุรหัสตำบลของสภา")}
    )
    fiscal_year = serializers.IntegerField(
        help_text=gettext_lazy("ปีงบประมาณ พ.ศ. เช่น 2569"),
        error_messages={
            "required": gettext_lazy("กรุณาระบุปีงบประมาณ"),
            "invalid": gettext_lazy("ปีงบประมาณต้องเป็นตัวเลข ปี พ.ศ. เช่น 2569"),
        },
    )
    assessed_on = serializers.DateField(
        required=False,
        error_messages={"invalid": gettext_lazy("รูปแบบวันที่ไม่ถูกต้อง ใช้ YYYY-MM-DD (ค.ศ.)")},
    )
    note = serializers.CharField(required=False, allow_blank=True, default="")
    scores = ScoreInputSerializer(many=True, error_messages={"required": gettext_lazy("กรุณาให้คะแนนทุกตัวชี้วัด")})

    def validate_scores(self, rows):
        seen = set()
        for row in rows:
            if row["indicator"] in seen:
                raise serializers.ValidationError(_("ตัวชี้วัดรหัส %(id)s ถูกให้คะแนนซ้ำ") % {"id": row["indicator"]})
            seen.add(row["indicator"])
        return {row["indicator"]: row["score"] for row in rows}


class CouncilBriefSerializer(serializers.ModelSerializer):
    code = serializers.CharField(source="subdistrict.code", read_only=True)
    district = serializers.CharField(source="subdistrict.district.name_th", read_only=True)
    province = serializers.CharField(source="subdistrict.district.province.name_th", read_only=True)

    class Meta:
        model = Council
        fields = ["code", "name", "district", "province"]
        read_only_fields = fields


class MentoringVisitSerializer(serializers.ModelSerializer):
    class Meta:
        model = MentoringVisit
        fields = ["id", "date", "notes", "participants", "created_at"]
        read_only_fields = fields


class MentorshipSerializer(serializers.ModelSerializer):
    mentor = CouncilBriefSerializer(read_only=True)
    mentee = CouncilBriefSerializer(read_only=True)
    visit_count = serializers.IntegerField(read_only=True, default=0)
    # A plain string, not an enum: "status" enums are named per app in the settings.
    status = serializers.CharField(read_only=True, help_text=gettext_lazy("active (กำลังดำเนินการ) หรือ ended (สิ้นสุดแล้ว)"))

    class Meta:
        model = Mentorship
        fields = ["id", "mentor", "mentee", "status", "started_on", "ended_on", "reason", "visit_count"]
        read_only_fields = fields


class LevelSerializer(serializers.Serializer):
    fiscal_year = serializers.IntegerField()
    level = serializers.CharField()
    percent = serializers.DecimalField(max_digits=5, decimal_places=2)
    passed = serializers.BooleanField()


class MentorshipDetailSerializer(MentorshipSerializer):
    visits = MentoringVisitSerializer(many=True, read_only=True)
    level_before = LevelSerializer(read_only=True, allow_null=True)
    level_after = LevelSerializer(read_only=True, allow_null=True)

    class Meta(MentorshipSerializer.Meta):
        fields = MentorshipSerializer.Meta.fields + ["visits", "level_before", "level_after"]
        read_only_fields = fields


class MentorshipInputSerializer(serializers.Serializer):
    mentor = serializers.CharField(max_length=6, help_text=CODE_HELP)
    mentee = serializers.CharField(max_length=6, help_text=CODE_HELP)
    started_on = serializers.DateField(
        required=False, error_messages={"invalid": gettext_lazy("รูปแบบวันที่ไม่ถูกต้อง ใช้ YYYY-MM-DD (ค.ศ.)")}
    )
    reason = serializers.CharField(required=False, allow_blank=True, default="")


class MentorshipEndInputSerializer(serializers.Serializer):
    ended_on = serializers.DateField(
        required=False, error_messages={"invalid": gettext_lazy("รูปแบบวันที่ไม่ถูกต้อง ใช้ YYYY-MM-DD (ค.ศ.)")}
    )


class VisitInputSerializer(serializers.Serializer):
    date = serializers.DateField(
        error_messages={
            "required": gettext_lazy("กรุณาระบุวันที่เยี่ยม"),
            "invalid": gettext_lazy("รูปแบบวันที่ไม่ถูกต้อง ใช้ YYYY-MM-DD (ค.ศ.)"),
        }
    )
    notes = serializers.CharField(
        error_messages={
            "required": gettext_lazy("กรุณาบันทึกสิ่งที่ทำระหว่างการเยี่ยม"),
            "blank": gettext_lazy("กรุณาบันทึกสิ่งที่ทำระหว่างการเยี่ยม"),
        }
    )
    participants = serializers.IntegerField(
        min_value=0,
        required=False,
        default=0,
        error_messages={"min_value": gettext_lazy("จำนวนผู้เข้าร่วมต้องไม่ติดลบ")},
    )


class SuggestionSerializer(serializers.Serializer):
    mentor = CouncilBriefSerializer(source="council")
    fiscal_year = serializers.IntegerField(source="assessment.fiscal_year")
    level = serializers.CharField(source="assessment.level")
    percent = serializers.DecimalField(source="assessment.percent", max_digits=5, decimal_places=2)
    strength = serializers.DecimalField(max_digits=9, decimal_places=2)
    nearness = serializers.IntegerField(help_text=gettext_lazy("0 อำเภอเดียวกัน · 1 จังหวัดเดียวกัน · 2 ต่างจังหวัด"))
    active_mentorships = serializers.IntegerField()
    reasons = serializers.ListField(child=serializers.CharField())
    reason = serializers.CharField()


# Views ---------------------------------------------------------------------------------------


class IndicatorSetViewSet(viewsets.ReadOnlyModelViewSet):
    """Indicator sets and their indicators (read only; edited in the admin)."""

    serializer_class = IndicatorSetSerializer
    permission_classes = [IsAuthenticated]

    def get_queryset(self):
        return assessment_selectors.indicator_sets_visible()


class AssessmentViewSet(mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):
    """Assessments the user may read (CODI in their area, the district officer, the
    council's own staff). Creating one (or redoing a year) is for CODI staff."""

    serializer_class = AssessmentSerializer
    permission_classes = [IsAuthenticated]
    filterset_fields = ["fiscal_year", "level", "passed"]

    def get_queryset(self):
        return (
            assessment_selectors.assessments_visible_to(user=self.request.user)
            .prefetch_related("scores")
            .order_by("council__subdistrict__code", "-fiscal_year")
        )

    @extend_schema(request=AssessmentInputSerializer, responses={201: AssessmentSerializer})
    def create(self, request, *args, **kwargs):
        data = AssessmentInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = dict(data.validated_data)
        council = _council(request.user, values.pop("council"))
        assessment = assessment_record(council=council, by=request.user, **values)
        assessment = self.get_queryset().get(pk=assessment.pk)
        return Response(AssessmentSerializer(assessment).data, status=status.HTTP_201_CREATED)


class MentorshipViewSet(mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):
    """Mentorships whose mentor or mentee lies in the user's area. Pairing, ending, logging
    visits and the suggestions are for CODI staff."""

    permission_classes = [IsAuthenticated]
    filterset_fields = ["status"]

    def get_queryset(self):
        return mentorship_selectors.mentorships_visible_to(user=self.request.user)

    def get_serializer_class(self):
        return MentorshipDetailSerializer if self.action == "retrieve" else MentorshipSerializer

    def _check_manager(self):
        require(permissions.can_manage_mentorships, user=self.request.user)

    def retrieve(self, request, *args, **kwargs):
        try:
            detail = mentorship_selectors.mentorship_detail(user=request.user, pk=int(kwargs["pk"]))
        except (Mentorship.DoesNotExist, ValueError):
            raise Http404(_("ไม่พบการจับคู่ตำบลพี่เลี้ยงนี้")) from None
        m = detail.mentorship
        m.level_before, m.level_after = detail.before, detail.after
        return Response(MentorshipDetailSerializer(m).data)

    @extend_schema(request=MentorshipInputSerializer, responses={201: MentorshipSerializer})
    def create(self, request, *args, **kwargs):
        self._check_manager()  # pairing has no one object to look up first: 403 for everyone else
        data = MentorshipInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = dict(data.validated_data)
        mentee = _council(request.user, values.pop("mentee"))
        mentor = _council(request.user, values.pop("mentor"))
        mentorship = mentorship_start(mentor=mentor, mentee=mentee, by=request.user, **values)
        mentorship = self.get_queryset().get(pk=mentorship.pk)
        return Response(MentorshipSerializer(mentorship).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=MentorshipEndInputSerializer, responses=MentorshipSerializer)
    @action(detail=True, methods=["post"])
    def end(self, request, pk=None):
        mentorship = self.get_object()
        self._check_manager()
        data = MentorshipEndInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        mentorship_end(mentorship=mentorship, by=request.user, **data.validated_data)
        return Response(MentorshipSerializer(self.get_queryset().get(pk=mentorship.pk)).data)

    @extend_schema(request=VisitInputSerializer, responses={201: MentoringVisitSerializer})
    @action(detail=True, methods=["post"])
    def visits(self, request, pk=None):
        mentorship = self.get_object()
        self._check_manager()
        data = VisitInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        visit = mentoring_visit_log(mentorship=mentorship, by=request.user, **data.validated_data)
        return Response(MentoringVisitSerializer(visit).data, status=status.HTTP_201_CREATED)

    @extend_schema(
        parameters=[OpenApiParameter("mentee", str, required=True, description=str(CODE_HELP)),
                    OpenApiParameter("limit", int, required=False)],
        responses=SuggestionSerializer(many=True),
    )  # fmt: skip
    @action(detail=False, methods=["get"], pagination_class=None)
    def suggestions(self, request):
        """Ranked mentor suggestions for a weak council, with the reasons in Thai."""
        code = request.query_params.get("mentee", "")
        if not code:
            raise serializers.ValidationError({"mentee": [_("กรุณาระบุรหัสตำบลของตำบลที่ต้องการพี่เลี้ยง")]})
        mentee = _council(request.user, code)
        self._check_manager()
        try:
            limit = min(max(int(request.query_params.get("limit", 10)), 1), 50)
        except ValueError:
            raise serializers.ValidationError({"limit": [_("limit ต้องเป็นตัวเลข")]}) from None
        items = mentorship_selectors.mentor_suggestions(user=request.user, mentee=mentee, limit=limit)
        return Response(SuggestionSerializer(items, many=True).data)
