"""API for council members and people (PDPA). The serializers show the national ID masked
only; the full number comes from the reveal action, which logs every call."""

from django.http import Http404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response

from common.rules import require
from common.validators import validate_ce_date

from .. import pdpa, permissions
from ..choices import MemberPosition
from ..models import CommunityOrganization, Council, CouncilMember, Person
from ..selectors import members as selectors
from ..services import members as services

DATE_ERRORS = {
    "invalid": gettext_lazy("รูปแบบวันที่ไม่ถูกต้อง ใช้ YYYY-MM-DD (ค.ศ.)"),
    "required": gettext_lazy("กรุณาระบุวันที่"),
}


# Output -------------------------------------------------------------------------------------


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
    organization = serializers.PrimaryKeyRelatedField(read_only=True)
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


# Input --------------------------------------------------------------------------------------


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


def _organization(pk):
    """The organization by id, or None; one of another council is refused by the service."""
    if pk is None:
        return None
    try:
        return CommunityOrganization.objects.get(pk=pk)
    except CommunityOrganization.DoesNotExist:
        raise serializers.ValidationError({"organization": [_("ไม่พบองค์กรชุมชนนี้")]}) from None


# Views --------------------------------------------------------------------------------------


class MemberViewSet(mixins.CreateModelMixin, mixins.UpdateModelMixin, viewsets.ReadOnlyModelViewSet):
    """Terms on councils the user may view members of. ``?council=<code>``, ``?current=true|false``."""

    serializer_class = MemberSerializer
    permission_classes = [IsAuthenticated]
    filterset_fields = ["position"]

    def get_queryset(self):
        qs = selectors.members_visible_to(user=self.request.user)
        params = self.request.query_params
        if params.get("council"):
            qs = qs.filter(council__subdistrict__code=params["council"])
        current = params.get("current", "").lower()
        if current in {"true", "1"}:
            qs = qs.filter(selectors.current_q())
        elif current in {"false", "0"}:
            qs = qs.exclude(selectors.current_q())
        return qs

    def _member(self) -> CouncilMember:
        try:
            return selectors.member_visible(user=self.request.user, pk=self.kwargs["pk"])
        except (CouncilMember.DoesNotExist, ValueError):
            raise Http404(_("ไม่พบวาระนี้")) from None

    def _output(self, member, code=status.HTTP_200_OK):
        member = selectors.member_visible(user=self.request.user, pk=member.pk)
        return Response(MemberSerializer(member, context={"request": self.request}).data, status=code)

    @extend_schema(request=MemberInputSerializer, responses={201: MemberSerializer})
    def create(self, request, *args, **kwargs):
        data = MemberInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = dict(data.validated_data)
        try:
            council = selectors.council_for_members(user=request.user, code=values.pop("council"))
        except Council.DoesNotExist:
            raise Http404(_("ไม่พบสภาองค์กรชุมชนตำบลนี้")) from None
        person_id = values.pop("person")
        if person_id is not None:
            try:
                values["person"] = selectors.person_for_page(user=request.user, pk=person_id)
            except Person.DoesNotExist:
                raise Http404(_("ไม่พบบุคคลนี้")) from None
            for name in ("full_name", "phone", "national_id"):
                values.pop(name)
        values["organization"] = _organization(values["organization"])
        member = services.member_add(council=council, by=request.user, **values)
        return self._output(member, status.HTTP_201_CREATED)

    @extend_schema(request=MemberUpdateSerializer, responses={200: MemberSerializer})
    def update(self, request, *args, **kwargs):
        member = self._member()
        data = MemberUpdateSerializer(data=request.data, partial=kwargs.get("partial", False))
        data.is_valid(raise_exception=True)
        values = dict(data.validated_data)
        if "organization" in values:
            values["organization"] = _organization(values["organization"])
        member = services.member_update(member=member, by=request.user, **values)
        return self._output(member)

    @extend_schema(request=EndTermSerializer, responses={200: MemberSerializer})
    @action(detail=True, methods=["post"], url_path="end-term")
    def end_term(self, request, pk=None):
        member = self._member()
        data = EndTermSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        member = services.member_end_term(member=member, by=request.user, **data.validated_data)
        return self._output(member)


class PersonViewSet(viewsets.GenericViewSet, mixins.RetrieveModelMixin):
    """A person with their terms (masked national ID). Inside the scope but without the right
    to view members: 403."""

    serializer_class = PersonSerializer
    permission_classes = [IsAuthenticated]

    def get_queryset(self):
        return selectors.people_in_scope(user=self.request.user)

    def get_object(self):
        try:
            person = selectors.person_for_page(user=self.request.user, pk=int(self.kwargs["pk"]))
        except (Person.DoesNotExist, ValueError):
            raise Http404(_("ไม่พบบุคคลนี้")) from None
        require(permissions.can_view_person, user=self.request.user, person=person)
        return person

    @extend_schema(
        request=RevealSerializer,
        responses={200: inline_serializer("NationalIdReveal", {"national_id": serializers.CharField()})},
    )
    @action(detail=True, methods=["post"], url_path="reveal-national-id")
    def reveal_national_id(self, request, pk=None):
        """The full national ID, for CODI staff in scope only. Every call is logged with its purpose."""
        person = self.get_object()
        require(permissions.can_reveal_national_id, user=request.user, person=person)
        data = RevealSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        number = services.national_id_reveal(person=person, by=request.user, **data.validated_data)
        response = Response({"national_id": number})
        response["Cache-Control"] = "no-store"
        return response
