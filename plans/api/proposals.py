"""The proposals API: /api/v1/proposals/.

* list: the proposals the user may read (the council's own, those addressed to the user's
  agency, the district's and CODI's area once submitted), filtered by ``status``,
  ``fiscal_year``, ``recipient``;
* retrieve: one proposal with its budget lines and timeline (404 outside the scope, 403
  inside it for another agency's staff or someone else's draft);
* create / partial_update: the council's staff (a draft only);
* actions, POST: ``submit`` and ``withdraw`` by the council's staff; ``receive``,
  ``consider``, ``approve``, ``partly_approve``, ``reject``, ``carry_out`` and ``report``
  by the staff of the agency it was addressed to. Each is one service; an illegal or stale
  move answers 400 with the Thai message.
"""

from __future__ import annotations

from django.http import Http404
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response

from agencies.models import Agency
from common.api_rules import RulePermission
from councils.models import Council
from geo.models import Theme

from .. import permissions
from ..choices import ProposalStatus
from ..models import PlanItem, SubsidyProposal
from ..selectors import proposals as selectors
from ..services import proposals as services

MONEY = {"max_digits": 14, "decimal_places": 2}


class BudgetLineSerializer(serializers.Serializer):
    description = serializers.CharField(max_length=255)
    amount = serializers.DecimalField(**MONEY, min_value=0)


class ProposalEventSerializer(serializers.Serializer):
    from_status = serializers.CharField()
    to_status = serializers.CharField()
    amount = serializers.DecimalField(**MONEY, allow_null=True)
    note = serializers.CharField()
    by = serializers.CharField(source="by.username", allow_null=True, default=None)
    at = serializers.DateTimeField()


class ProposalSerializer(serializers.ModelSerializer):
    council = serializers.CharField(source="council.subdistrict.code", read_only=True)
    council_name = serializers.CharField(source="council.name", read_only=True)
    recipient_name = serializers.CharField(source="recipient.name", read_only=True)
    theme = serializers.CharField(source="theme.code", read_only=True)
    budget_lines = BudgetLineSerializer(many=True, read_only=True)

    class Meta:
        model = SubsidyProposal
        fields = [
            "id", "council", "council_name", "recipient", "recipient_name", "theme", "plan_items", "fiscal_year",
            "title", "background", "objective", "target_group", "expected_result", "amount_requested", "status",
            "submitted_at", "considered_in_year", "amount_approved", "decision_reason", "decided_at",
            "result_report", "budget_lines",
        ]  # fmt: skip
        read_only_fields = fields


class ProposalDetailSerializer(ProposalSerializer):
    events = ProposalEventSerializer(many=True, read_only=True)

    class Meta(ProposalSerializer.Meta):
        fields = [*ProposalSerializer.Meta.fields, "events"]
        read_only_fields = fields


class ProposalInputSerializer(serializers.Serializer):
    """A draft: its council by tambon code, the agency by id, one theme by code, the plan
    items by id, the budget lines (their sum is the amount asked)."""

    council = serializers.CharField(max_length=6, help_text=_("รหัสตำบลของสภา (6 หลัก)"))
    recipient = serializers.PrimaryKeyRelatedField(
        queryset=Agency.objects.all(), error_messages={"does_not_exist": _("ไม่พบหน่วยงานรหัส {pk_value}")}
    )
    theme = serializers.SlugRelatedField(
        slug_field="code", queryset=Theme.objects.all(), error_messages={"does_not_exist": _("ไม่พบประเด็น {value}")}
    )
    plan_items = serializers.PrimaryKeyRelatedField(
        many=True, queryset=PlanItem.objects.all(),
        error_messages={"does_not_exist": _("ไม่พบรายการในแผนรหัส {pk_value}")},
    )  # fmt: skip
    fiscal_year = serializers.IntegerField(min_value=2450, max_value=2700, help_text=_("ปี พ.ศ."))
    title = serializers.CharField(max_length=255)
    background = serializers.CharField(required=False, allow_blank=True, default="")
    objective = serializers.CharField(required=False, allow_blank=True, default="")
    target_group = serializers.CharField(required=False, allow_blank=True, default="", max_length=255)
    expected_result = serializers.CharField(required=False, allow_blank=True, default="")
    budget_lines = BudgetLineSerializer(many=True, max_length=30)


class ProposalUpdateSerializer(ProposalInputSerializer):
    council = None


class MoveInputSerializer(serializers.Serializer):
    note = serializers.CharField(required=False, allow_blank=True, default="")
    seen_status = serializers.ChoiceField(
        choices=ProposalStatus.choices, required=False, allow_blank=True, default="",
        help_text=_("สถานะที่ผู้ใช้เห็นอยู่ หากสถานะเปลี่ยนไปแล้ว คำขอจะถูกปฏิเสธ"),
    )  # fmt: skip


class AmountMoveInputSerializer(MoveInputSerializer):
    amount = serializers.DecimalField(**MONEY, min_value=0)


class ProposalReportInputSerializer(serializers.Serializer):
    result = serializers.CharField()
    seen_status = serializers.ChoiceField(choices=ProposalStatus.choices, required=False, allow_blank=True, default="")


class WithdrawInputSerializer(MoveInputSerializer):
    pass


AGENCY_ACTIONS = ("receive", "consider", "approve", "partly_approve", "reject", "carry_out", "report")
COUNCIL_ACTIONS = ("submit", "withdraw", "partial_update")


class ProposalViewSet(mixins.CreateModelMixin, mixins.UpdateModelMixin, viewsets.ReadOnlyModelViewSet):
    serializer_class = ProposalSerializer
    permission_classes = [IsAuthenticated, RulePermission]  # proposals are not public
    http_method_names = ["get", "post", "patch", "head", "options"]
    filterset_fields = ["status", "fiscal_year", "recipient"]
    rules = {
        "retrieve": permissions.can_view_proposal,
        **dict.fromkeys(COUNCIL_ACTIONS, permissions.can_prepare_this_proposal),
        **dict.fromkeys(AGENCY_ACTIONS, permissions.can_decide_proposal),
    }
    rule_object_name = "proposal"

    def get_queryset(self):
        if self.action == "list":
            return selectors.proposals_for(user=self.request.user).prefetch_related("budget_lines", "plan_items")
        return SubsidyProposal.objects.visible_to(self.request.user)

    def get_object(self) -> SubsidyProposal:
        try:
            proposal = selectors.proposal_for(user=self.request.user, pk=int(self.kwargs["pk"]))
        except (SubsidyProposal.DoesNotExist, ValueError):
            raise Http404(_("ไม่พบโครงการนี้")) from None
        self.check_object_permissions(self.request, proposal)
        return proposal

    def _output(self, proposal, code=status.HTTP_200_OK):
        fresh = selectors.proposal_for(user=self.request.user, pk=proposal.pk)
        return Response(ProposalDetailSerializer(fresh).data, status=code)

    @extend_schema(responses=ProposalDetailSerializer)
    def retrieve(self, request, *args, **kwargs):
        return Response(ProposalDetailSerializer(self.get_object()).data)

    @extend_schema(request=ProposalInputSerializer, responses={201: ProposalDetailSerializer})
    def create(self, request, *args, **kwargs):
        data = ProposalInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = dict(data.validated_data)
        code = values.pop("council")
        try:
            council = selectors.council_for_proposal(user=request.user, code=code)
        except Council.DoesNotExist:
            raise Http404(_("ไม่พบสภาองค์กรชุมชนตำบลรหัส %(code)s") % {"code": code}) from None
        lines = [(line["description"], line["amount"]) for line in values.pop("budget_lines")]
        proposal = services.proposal_create(council=council, by=request.user, budget_lines=lines, **values)
        return self._output(proposal, status.HTTP_201_CREATED)

    @extend_schema(request=ProposalUpdateSerializer, responses=ProposalDetailSerializer)
    def partial_update(self, request, *args, **kwargs):
        proposal = self.get_object()
        data = ProposalUpdateSerializer(data=request.data, partial=True)
        data.is_valid(raise_exception=True)
        current = {
            "recipient": proposal.recipient, "theme": proposal.theme, "plan_items": list(proposal.plan_items.all()),
            "fiscal_year": proposal.fiscal_year, "title": proposal.title, "background": proposal.background,
            "objective": proposal.objective, "target_group": proposal.target_group,
            "expected_result": proposal.expected_result,
            "budget_lines": [{"description": x.description, "amount": x.amount} for x in proposal.budget_lines.all()],
        }  # fmt: skip
        values = {**current, **data.validated_data}
        lines = [(line["description"], line["amount"]) for line in values.pop("budget_lines")]
        proposal = services.proposal_update(proposal_id=proposal.pk, by=request.user, budget_lines=lines, **values)
        return self._output(proposal)

    def _move(self, request, serializer_class, service, **extra):
        proposal = self.get_object()
        data = serializer_class(data=request.data)
        data.is_valid(raise_exception=True)
        return self._output(service(proposal_id=proposal.pk, by=request.user, **data.validated_data, **extra))

    @extend_schema(request=None, responses=ProposalDetailSerializer)
    @action(detail=True, methods=["post"])
    def submit(self, request, pk=None):
        proposal = self.get_object()
        return self._output(services.proposal_submit(proposal_id=proposal.pk, by=request.user))

    @extend_schema(request=WithdrawInputSerializer, responses=ProposalDetailSerializer)
    @action(detail=True, methods=["post"])
    def withdraw(self, request, pk=None):
        return self._move(request, WithdrawInputSerializer, services.proposal_withdraw)

    @extend_schema(request=MoveInputSerializer, responses=ProposalDetailSerializer)
    @action(detail=True, methods=["post"])
    def receive(self, request, pk=None):
        return self._move(request, MoveInputSerializer, services.proposal_receive)

    @extend_schema(request=MoveInputSerializer, responses=ProposalDetailSerializer)
    @action(detail=True, methods=["post"])
    def consider(self, request, pk=None):
        return self._move(request, MoveInputSerializer, services.proposal_consider)

    @extend_schema(request=AmountMoveInputSerializer, responses=ProposalDetailSerializer)
    @action(detail=True, methods=["post"])
    def approve(self, request, pk=None):
        return self._move(request, AmountMoveInputSerializer, services.proposal_approve)

    @extend_schema(request=AmountMoveInputSerializer, responses=ProposalDetailSerializer)
    @action(detail=True, methods=["post"], url_path="partly-approve")
    def partly_approve(self, request, pk=None):
        return self._move(request, AmountMoveInputSerializer, services.proposal_partly_approve)

    @extend_schema(request=MoveInputSerializer, responses=ProposalDetailSerializer)
    @action(detail=True, methods=["post"])
    def reject(self, request, pk=None):
        return self._move(request, MoveInputSerializer, services.proposal_reject)

    @extend_schema(request=MoveInputSerializer, responses=ProposalDetailSerializer)
    @action(detail=True, methods=["post"], url_path="carry-out")
    def carry_out(self, request, pk=None):
        return self._move(request, MoveInputSerializer, services.proposal_carry_out)

    @extend_schema(request=ProposalReportInputSerializer, responses=ProposalDetailSerializer)
    @action(detail=True, methods=["post"])
    def report(self, request, pk=None):
        return self._move(request, ProposalReportInputSerializer, services.proposal_report)
