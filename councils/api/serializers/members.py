"""Serializers of council members and people (PDPA). Outputs show the national ID masked
only; the full number comes from the reveal action, which logs every call."""

from django.utils.translation import gettext_lazy
from rest_framework import serializers

from common.validators import validate_ce_date

from ... import pdpa
from ...choices import MemberPosition
from ...models import CouncilMember, Person
from ...selectors import members as selectors

DATE_ERRORS = {
    "invalid": gettext_lazy("รูปแบบวันที่ไม่ถูกต้อง ใช้ YYYY-MM-DD (ค.ศ.)"),
    "required": gettext_lazy("กรุณาระบุวันที่"),
}


# Outputs ------------------------------------------------------------------------------------


class PersonBriefSerializer(serializers.ModelSerializer):
    national_id_masked = serializers.SerializerMethodField()

    class Meta:
        model = Person
        fields = ["id", "full_name", "national_id_masked"]
        read_only_fields = fields

    def get_national_id_masked(self, person) -> str:
        return pdpa.person_masked_national_id(person)


class MemberSerializer(serializers.ModelSerializer):
    council = serializers.CharField(source="council.subdistrict.code", read_only=True)
    person = PersonBriefSerializer(read_only=True)
    organization = serializers.PrimaryKeyRelatedField(read_only=True, allow_null=True)
    organization_name = serializers.CharField(source="organization.name", read_only=True, default="")
    is_current = serializers.SerializerMethodField()

    class Meta:
        model = CouncilMember
        fields = [
            "id", "council", "person", "organization", "organization_name", "position",
            "term_start", "term_end", "is_current",
        ]
        read_only_fields = fields

    def get_is_current(self, member) -> bool:
        return selectors.is_current(member)


class PersonSerializer(PersonBriefSerializer):
    terms = MemberSerializer(many=True, read_only=True, source="visible_terms")  # only the terms in the viewer's scope

    class Meta(PersonBriefSerializer.Meta):
        fields = ["id", "full_name", "phone", "national_id_masked", "terms"]
        read_only_fields = fields


# Inputs -------------------------------------------------------------------------------------


class TermInputSerializer(serializers.Serializer):
    organization = serializers.IntegerField(required=False, allow_null=True, default=None)
    position = serializers.ChoiceField(
        choices=MemberPosition.choices,
        default=MemberPosition.MEMBER,
        error_messages={"invalid_choice": gettext_lazy("ตำแหน่ง “{input}” ไม่ถูกต้อง")},
    )
    term_start = serializers.DateField(validators=[validate_ce_date], error_messages=DATE_ERRORS)
    term_end = serializers.DateField(
        required=False, allow_null=True, default=None, validators=[validate_ce_date], error_messages=DATE_ERRORS
    )


class MemberInputSerializer(TermInputSerializer):
    council = serializers.CharField(
        max_length=6, error_messages={"required": gettext_lazy("กรุณาระบุรหัสตำบลของสภา")}
    )
    person = serializers.IntegerField(required=False, allow_null=True, default=None)
    full_name = serializers.CharField(required=False, allow_blank=True, default="", max_length=200)
    phone = serializers.CharField(required=False, allow_blank=True, default="", max_length=40)
    national_id = serializers.CharField(required=False, allow_blank=True, default="", max_length=40)


class MemberUpdateSerializer(serializers.Serializer):
    organization = serializers.IntegerField(required=False, allow_null=True)
    position = serializers.ChoiceField(
        choices=MemberPosition.choices,
        required=False,
        error_messages={"invalid_choice": gettext_lazy("ตำแหน่ง “{input}” ไม่ถูกต้อง")},
    )
    term_start = serializers.DateField(required=False, validators=[validate_ce_date], error_messages=DATE_ERRORS)
    term_end = serializers.DateField(
        required=False, allow_null=True, validators=[validate_ce_date], error_messages=DATE_ERRORS
    )


class EndTermSerializer(serializers.Serializer):
    term_end = serializers.DateField(
        required=False, allow_null=True, default=None, validators=[validate_ce_date], error_messages=DATE_ERRORS
    )


class RevealSerializer(serializers.Serializer):
    purpose = serializers.CharField(
        max_length=255,
        error_messages={
            "required": gettext_lazy("กรุณาระบุวัตถุประสงค์ของการเปิดดูเลขประจำตัวประชาชน"),
            "blank": gettext_lazy("กรุณาระบุวัตถุประสงค์ของการเปิดดูเลขประจำตัวประชาชน"),
        },
    )


class NationalIdRevealSerializer(serializers.Serializer):
    national_id = serializers.CharField(read_only=True)
