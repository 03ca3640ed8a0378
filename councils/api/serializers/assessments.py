"""Serializers of quality assessments and mentor tambons. Councils are named by their
6-digit tambon code; input messages are Thai."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from rest_framework import serializers

from ...models import Assessment, AssessmentScore, Council, Indicator, IndicatorSet, MentoringVisit, Mentorship

CODE_HELP = gettext_lazy("รหัสตำบล 6 หลักของสภา")


class IndicatorSerializer(serializers.ModelSerializer):
    theme = serializers.CharField(source="theme.code", default=None, read_only=True, allow_null=True)
    theme_name = serializers.CharField(source="theme.name_th", default=None, read_only=True, allow_null=True)

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


class SuggestionQuerySerializer(serializers.Serializer):
    """The query of the mentor suggestions: the weak council, and how many (1 to 50)."""

    mentee = serializers.CharField(
        max_length=6,
        help_text=CODE_HELP,
        error_messages={
            "required": gettext_lazy("กรุณาระบุรหัสตำบลของตำบลที่ต้องการพี่เลี้ยง"),
            "blank": gettext_lazy("กรุณาระบุรหัสตำบลของตำบลที่ต้องการพี่เลี้ยง"),
        },
    )
    limit = serializers.IntegerField(
        required=False,
        default=10,
        help_text=gettext_lazy("จำนวนตำบลที่เสนอ 1 ถึง 50 (ค่าอื่นถูกปรับเข้าช่วงนี้)"),
        error_messages={"invalid": gettext_lazy("limit ต้องเป็นตัวเลข")},
    )

    def validate_limit(self, value):
        return min(max(value, 1), 50)
