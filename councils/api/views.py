"""The councils API: councils, organizations, activities (and an activity's history),
council members and people (PDPA), quality assessments and mentor tambons.

Thin views over the same selectors, services and FilterSets as the HTML side: validate the
input serializer, call the service, answer with the output serializer. Councils are named by
their 6-digit tambon code. The large lists use cursor pagination (``?cursor=``): no COUNT(*)
over 150,000 rows and stable pages while people keep adding. Outside the user's scope: 404;
inside but not allowed: 403; bad input: 400 with Thai messages (common.api answers all three).
"""

from django.http import Http404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.pagination import CursorPagination
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response

from common.api_rules import RulePermission
from common.rules import require

from .. import permissions, selectors
from ..filters import ActivityFilter, CouncilFilter, OrganizationFilter
from ..models import Activity, CommunityOrganization, Council, CouncilMember, Mentorship, Person
from ..selectors import activities as activity_selectors
from ..selectors import assessments as assessment_selectors
from ..selectors import councils as council_selectors
from ..selectors import members as member_selectors
from ..selectors import mentorships as mentorship_selectors
from ..selectors import organizations as org_selectors
from ..services import activities as activity_services
from ..services import members as member_services
from ..services import registry
from ..services.assessments import assessment_record
from ..services.mentorships import mentoring_visit_log, mentorship_end, mentorship_start
from .serializers import (
    ActivityInputSerializer,
    ActivitySerializer,
    ActivityUpdateInputSerializer,
    AssessmentInputSerializer,
    AssessmentSerializer,
    CouncilProfileInputSerializer,
    CouncilSerializer,
    EndTermSerializer,
    HistoryEntrySerializer,
    IndicatorSetSerializer,
    MemberInputSerializer,
    MemberSerializer,
    MemberUpdateSerializer,
    MentoringVisitSerializer,
    MentorshipDetailSerializer,
    MentorshipEndInputSerializer,
    MentorshipInputSerializer,
    MentorshipSerializer,
    NationalIdRevealSerializer,
    OrganizationInputSerializer,
    OrganizationSerializer,
    PersonSerializer,
    RevealSerializer,
    SuggestionQuerySerializer,
    SuggestionSerializer,
    VisitInputSerializer,
)


class _Cursor(CursorPagination):
    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 200


class CouncilCursor(_Cursor):
    ordering = "tambon_code"


class OrganizationCursor(_Cursor):
    ordering = "code"


class ActivityCursor(_Cursor):
    ordering = "-id"  # newest first; unique, so pages never skip or repeat a row


def _council_for_edit(user, code) -> Council:
    try:
        return selectors.council_for_edit(user=user, code=code)
    except Council.DoesNotExist:
        raise Http404(_("ไม่พบสภาองค์กรชุมชนตำบลนี้")) from None


class CouncilViewSet(mixins.UpdateModelMixin, viewsets.ReadOnlyModelViewSet):
    """Councils: everyone sees published councils; signed-in users also those in scope.
    PATCH changes a council's profile (its own staff only)."""

    serializer_class = CouncilSerializer
    lookup_field = "subdistrict__code"
    lookup_url_kwarg = "code"
    filterset_class = CouncilFilter
    pagination_class = CouncilCursor
    rules = {"partial_update": permissions.can_edit_council}
    rule_object_name = "council"
    http_method_names = ["get", "patch", "head", "options"]

    def get_queryset(self):
        return council_selectors.councils_for_api(user=self.request.user)

    @extend_schema(request=CouncilProfileInputSerializer, responses={200: CouncilSerializer})
    def partial_update(self, request, *args, **kwargs):
        council = _council_for_edit(request.user, kwargs["code"])
        self.check_object_permissions(request, council)
        data = CouncilProfileInputSerializer(data=request.data, partial=True)
        data.is_valid(raise_exception=True)
        values = dict(data.validated_data)
        if "lao" in values and values["lao"] is not None:
            values["lao"] = council_selectors.laos_for_council(council=council).filter(pk=values["lao"]).first()
            if values["lao"] is None:
                raise ValidationError({"lao": [_("องค์กรปกครองส่วนท้องถิ่นต้องเป็น อปท. ในอำเภอของสภา หรือ อบจ. ของจังหวัด")]})
        registry.council_update_profile(council=council, by=request.user, **values)
        return Response(CouncilSerializer(self.get_queryset().get(pk=council.pk), context=self.get_serializer_context()).data)


class OrganizationViewSet(mixins.CreateModelMixin, mixins.UpdateModelMixin, viewsets.ReadOnlyModelViewSet):
    """Community organizations in the user's scope (sign-in needed), by CODI code."""

    serializer_class = OrganizationSerializer
    permission_classes = [IsAuthenticated, RulePermission]  # like the HTML list: organizations are not public
    rules = {"partial_update": permissions.can_edit_organization}
    rule_object_name = "organization"
    lookup_field = "code"
    filterset_class = OrganizationFilter
    pagination_class = OrganizationCursor
    http_method_names = ["get", "post", "patch", "head", "options"]

    def get_queryset(self):
        return org_selectors.organizations_for_api(user=self.request.user)

    def _output(self, org, code=status.HTTP_200_OK):
        org = self.get_queryset().get(pk=org.pk)
        return Response(OrganizationSerializer(org).data, status=code)

    @extend_schema(request=OrganizationInputSerializer, responses={201: OrganizationSerializer})
    def create(self, request, *args, **kwargs):
        data = OrganizationInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = dict(data.validated_data)
        council = _council_for_edit(request.user, values.pop("council"))
        org = registry.organization_add(council=council, by=request.user, **values)
        return self._output(org, status.HTTP_201_CREATED)

    @extend_schema(request=OrganizationInputSerializer, responses={200: OrganizationSerializer})
    def partial_update(self, request, *args, **kwargs):
        try:
            org = org_selectors.organization_for_edit(user=request.user, code=kwargs["code"])
        except CommunityOrganization.DoesNotExist:
            raise Http404(_("ไม่พบองค์กรชุมชนนี้")) from None
        self.check_object_permissions(request, org)
        data = OrganizationInputSerializer(data=request.data, partial=True)
        data.is_valid(raise_exception=True)
        values = dict(data.validated_data)
        for fixed in ("council", "code"):
            if fixed in values:
                raise ValidationError({fixed: [_("เปลี่ยนรหัส พอช. หรือสภาขององค์กรไม่ได้")]})
        registry.organization_update(organization=org, by=request.user, **values)
        return self._output(org)


class ActivityViewSet(mixins.CreateModelMixin, mixins.UpdateModelMixin, viewsets.ReadOnlyModelViewSet):
    serializer_class = ActivitySerializer
    filterset_class = ActivityFilter
    pagination_class = ActivityCursor
    rules = {"partial_update": permissions.can_edit_activity}
    rule_object_name = "activity"
    http_method_names = ["get", "post", "patch", "head", "options"]

    def get_queryset(self):
        return selectors.activities_visible_to(user=self.request.user).prefetch_related("photos", "agencies")

    def _output(self, activity, code=status.HTTP_200_OK):
        activity = self.get_queryset().get(pk=activity.pk)
        return Response(ActivitySerializer(activity, context={"request": self.request}).data, status=code)

    @extend_schema(request=ActivityInputSerializer, responses={201: ActivitySerializer})
    def create(self, request, *args, **kwargs):
        data = ActivityInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = dict(data.validated_data)
        council = _council_for_edit(request.user, values.pop("council"))
        activity = activity_services.activity_log(council=council, by=request.user, **values)
        return self._output(activity, status.HTTP_201_CREATED)

    @extend_schema(request=ActivityUpdateInputSerializer, responses={200: ActivitySerializer})
    def partial_update(self, request, *args, **kwargs):
        activity = self._activity(kwargs["pk"])
        self.check_object_permissions(request, activity)
        data = ActivityUpdateInputSerializer(data=request.data, partial=True)
        data.is_valid(raise_exception=True)
        activity = activity_services.activity_update(activity=activity, by=request.user, **data.validated_data)
        return self._output(activity)

    def _activity(self, pk) -> Activity:
        try:
            return (
                selectors.activities_visible_to(user=self.request.user)
                .prefetch_related("photos", "agencies")
                .get(pk=pk)
            )
        except (Activity.DoesNotExist, ValueError):
            raise Http404(_("ไม่พบกิจกรรมนี้")) from None

    @extend_schema(responses={200: HistoryEntrySerializer(many=True)})
    @action(detail=True, methods=["get"], pagination_class=None, filter_backends=[])  # the whole history
    def history(self, request, pk=None):
        """Who changed what, when (newest first), with Thai labels."""
        entries = activity_selectors.activity_history(activity=self._activity(pk))
        return Response(HistoryEntrySerializer(entries, many=True).data)


# Members and people (PDPA) ------------------------------------------------------------------


def _organization(pk):
    """The organization by id, or None; one of another council is refused by the service."""
    if pk is None:
        return None
    try:
        return CommunityOrganization.objects.get(pk=pk)
    except CommunityOrganization.DoesNotExist:
        raise serializers.ValidationError({"organization": [_("ไม่พบองค์กรชุมชนนี้")]}) from None


@extend_schema_view(
    list=extend_schema(
        parameters=[
            OpenApiParameter("council", str, description=gettext_lazy("รหัสตำบล 6 หลักของสภา")),
            OpenApiParameter(
                "current", bool, description=gettext_lazy("true เฉพาะวาระปัจจุบัน, false เฉพาะวาระที่สิ้นสุดแล้ว")
            ),
        ]
    )
)
class MemberViewSet(mixins.CreateModelMixin, mixins.UpdateModelMixin, viewsets.ReadOnlyModelViewSet):
    """Terms on councils the user may view members of. ``?council=<code>``, ``?current=true|false``."""

    serializer_class = MemberSerializer
    permission_classes = [IsAuthenticated, RulePermission]
    filterset_fields = ["position"]
    # The list holds only what the user may see (empty for a role that may see no members);
    # one term inside the scope that the role may not see is a 403.
    rules = {
        "retrieve": permissions.can_view_members,
        "update": permissions.can_manage_members,
        "partial_update": permissions.can_manage_members,
        "end_term": permissions.can_manage_members,
    }

    def rule_kwargs(self, member):
        return {"council": member.council}

    def get_object(self) -> CouncilMember:
        member = self._member()
        self.check_object_permissions(self.request, member)
        return member

    def get_queryset(self):
        qs = member_selectors.members_visible_to(user=self.request.user)
        params = self.request.query_params
        if params.get("council"):
            qs = qs.filter(council__subdistrict__code=params["council"])
        current = params.get("current", "").lower()
        if current in {"true", "1"}:
            qs = qs.filter(member_selectors.current_q())
        elif current in {"false", "0"}:
            qs = qs.exclude(member_selectors.current_q())
        return qs

    def _member(self) -> CouncilMember:
        try:
            return member_selectors.member_in_scope(user=self.request.user, pk=self.kwargs["pk"])
        except (CouncilMember.DoesNotExist, ValueError):
            raise Http404(_("ไม่พบวาระนี้")) from None

    def _output(self, member, code=status.HTTP_200_OK):
        member = member_selectors.member_visible(user=self.request.user, pk=member.pk)
        return Response(MemberSerializer(member, context={"request": self.request}).data, status=code)

    @extend_schema(request=MemberInputSerializer, responses={201: MemberSerializer})
    def create(self, request, *args, **kwargs):
        data = MemberInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = dict(data.validated_data)
        try:
            council = member_selectors.council_for_members(user=request.user, code=values.pop("council"))
        except Council.DoesNotExist:
            raise Http404(_("ไม่พบสภาองค์กรชุมชนตำบลนี้")) from None
        person_id = values.pop("person")
        if person_id is not None:
            try:
                values["person"] = member_selectors.person_for_page(user=request.user, pk=person_id)
            except Person.DoesNotExist:
                raise Http404(_("ไม่พบบุคคลนี้")) from None
            for name in ("full_name", "phone", "national_id"):
                values.pop(name)
        values["organization"] = _organization(values["organization"])
        member = member_services.member_add(council=council, by=request.user, **values)
        return self._output(member, status.HTTP_201_CREATED)

    @extend_schema(request=MemberUpdateSerializer, responses={200: MemberSerializer})
    def update(self, request, *args, **kwargs):
        member = self.get_object()
        data = MemberUpdateSerializer(data=request.data, partial=kwargs.get("partial", False))
        data.is_valid(raise_exception=True)
        values = dict(data.validated_data)
        if "organization" in values:
            values["organization"] = _organization(values["organization"])
        member = member_services.member_update(member=member, by=request.user, **values)
        return self._output(member)

    @extend_schema(request=EndTermSerializer, responses={200: MemberSerializer})
    @action(detail=True, methods=["post"], url_path="end-term")
    def end_term(self, request, pk=None):
        member = self.get_object()
        data = EndTermSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        member = member_services.member_end_term(member=member, by=request.user, **data.validated_data)
        return self._output(member)


class PersonViewSet(viewsets.GenericViewSet, mixins.RetrieveModelMixin):
    """A person with their terms (masked national ID). Inside the scope but without the right
    to view members: 403."""

    serializer_class = PersonSerializer
    permission_classes = [IsAuthenticated, RulePermission]
    rules = {"retrieve": permissions.can_view_person, "reveal_national_id": permissions.can_reveal_national_id}
    rule_object_name = "person"

    def get_queryset(self):
        return member_selectors.people_in_scope(user=self.request.user)

    def get_object(self):
        try:
            person = member_selectors.person_for_page(user=self.request.user, pk=int(self.kwargs["pk"]))
        except (Person.DoesNotExist, ValueError):
            raise Http404(_("ไม่พบบุคคลนี้")) from None
        self.check_object_permissions(self.request, person)
        return person

    @extend_schema(
        request=RevealSerializer,
        responses={200: NationalIdRevealSerializer},
    )
    @action(detail=True, methods=["post"], url_path="reveal-national-id")
    def reveal_national_id(self, request, pk=None):
        """The full national ID, for CODI staff in scope only. Every call is logged with its purpose."""
        person = self.get_object()
        data = RevealSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        number = member_services.national_id_reveal(person=person, by=request.user, **data.validated_data)
        response = Response(NationalIdRevealSerializer({"national_id": number}).data)
        response["Cache-Control"] = "no-store"
        return response


# Quality assessment and mentor tambons -----------------------------------------------------


def _council(user, code: str) -> Council:
    try:
        return selectors.councils_visible_to(user=user).get(subdistrict__code=code)
    except Council.DoesNotExist:
        raise Http404(_("ไม่พบสภาองค์กรชุมชนตำบลรหัส %(code)s") % {"code": code}) from None


class IndicatorSetViewSet(viewsets.ReadOnlyModelViewSet):
    """Indicator sets and their indicators (read only; edited in the admin)."""

    serializer_class = IndicatorSetSerializer
    permission_classes = [IsAuthenticated, RulePermission]

    def get_queryset(self):
        return assessment_selectors.indicator_sets_visible()


class AssessmentViewSet(mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):
    """Assessments the user may read (CODI in their area, the district officer, the
    council's own staff). Creating one (or redoing a year) is for CODI staff."""

    serializer_class = AssessmentSerializer
    permission_classes = [IsAuthenticated, RulePermission]
    filterset_fields = ["fiscal_year", "level", "passed"]
    rules = {
        "retrieve": permissions.can_see_assessments,
    }  # create: the council named in the body is looked up first (404), then the service asks can_assess

    def rule_kwargs(self, assessment):
        return {"council": assessment.council}

    def get_queryset(self):
        if self.action == "retrieve":  # in scope, then the rule: 403 rather than 404 for a role refused
            return assessment_selectors.assessments_in_scope(user=self.request.user).prefetch_related("scores")
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

    permission_classes = [IsAuthenticated, RulePermission]
    filterset_fields = ["status"]
    # Pairing has no one object to look up first: 403 for everyone but CODI staff.
    rules = {
        "create": permissions.can_manage_mentorships,
        "end": permissions.can_change_mentorship,
        "visits": permissions.can_change_mentorship,
    }
    rule_object_name = "mentorship"

    def get_queryset(self):
        return mentorship_selectors.mentorships_visible_to(user=self.request.user)

    def get_serializer_class(self):
        return MentorshipDetailSerializer if self.action == "retrieve" else MentorshipSerializer

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
        data = MentorshipInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = dict(data.validated_data)
        mentee = _council(request.user, values.pop("mentee"))
        mentor = _council(request.user, values.pop("mentor"))
        mentorship = mentorship_start(mentor=mentor, mentee=mentee, by=request.user, **values)
        mentorship = self.get_queryset().get(pk=mentorship.pk)
        return Response(MentorshipSerializer(mentorship).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=MentorshipEndInputSerializer, responses={200: MentorshipSerializer})
    @action(detail=True, methods=["post"])
    def end(self, request, pk=None):
        mentorship = self.get_object()
        data = MentorshipEndInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        mentorship_end(mentorship=mentorship, by=request.user, **data.validated_data)
        return Response(MentorshipSerializer(self.get_queryset().get(pk=mentorship.pk)).data)

    @extend_schema(request=VisitInputSerializer, responses={201: MentoringVisitSerializer})
    @action(detail=True, methods=["post"])
    def visits(self, request, pk=None):
        mentorship = self.get_object()
        data = VisitInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        visit = mentoring_visit_log(mentorship=mentorship, by=request.user, **data.validated_data)
        return Response(MentoringVisitSerializer(visit).data, status=status.HTTP_201_CREATED)

    @extend_schema(parameters=[SuggestionQuerySerializer], responses=SuggestionSerializer(many=True))
    @action(detail=False, methods=["get"], pagination_class=None, filter_backends=[])
    def suggestions(self, request):
        """Ranked mentor suggestions for a weak council, with the reasons in Thai."""
        query = SuggestionQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        mentee = _council(request.user, query.validated_data["mentee"])  # outside the scope: 404 first
        require(permissions.can_find_mentors, user=request.user, council=mentee)
        items = mentorship_selectors.mentor_suggestions(
            user=request.user, mentee=mentee, limit=query.validated_data["limit"]
        )
        return Response(SuggestionSerializer(items, many=True).data)
