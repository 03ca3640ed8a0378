"""Every read of quality assessments, scoped to the user.

Who may see a council's assessments is the rule ``permissions.can_see_assessments``; the
lists here hold the same rows.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import connection
from django.db.models import OuterRef, Prefetch, Q, QuerySet, Subquery
from django.utils.translation import gettext as _

from accounts.choices import Role
from accounts.scoping import scope_for

from ..models import Assessment, AssessmentScore, Council, IndicatorSet


def assessments_visible_to(*, user) -> QuerySet[Assessment]:
    """Assessments the user may read, joined for list display."""
    scope = scope_for(user)
    qs = Assessment.objects.select_related("council__subdistrict__district__province", "indicator_set")
    if scope.is_codi():
        return qs.visible_to(user)
    q = Q(council_id__in=scope.council_ids)
    if scope.has_role(Role.DISTRICT_OFFICER) and scope.district_ids:
        q |= Q(council__subdistrict__district_id__in=scope.district_ids)
    return qs.filter(q)


def assessments_in_scope(*, user) -> QuerySet[Assessment]:
    """Assessments of the councils in the user's scope, whatever their role (whether they
    may see one is ``permissions.can_see_assessments``: 403, not 404)."""
    return Assessment.objects.visible_to(user).select_related(
        "council__subdistrict__district__province", "indicator_set"
    )


def assessment_history(*, council: Council) -> QuerySet[Assessment]:
    """A council's assessments, newest fiscal year first (one query)."""
    return (
        Assessment.objects.filter(council=council)
        .select_related("indicator_set", "assessed_by")
        .order_by("-fiscal_year")
    )


def assessment_with_scores(*, council: Council, fiscal_year: int) -> Assessment | None:
    """One assessment with its scores (for pre-filling the form when re-assessing)."""
    return (
        Assessment.objects.filter(council=council, fiscal_year=fiscal_year)
        .prefetch_related(Prefetch("scores", queryset=AssessmentScore.objects.select_related("indicator")))
        .first()
    )


def indicator_set_active() -> IndicatorSet:
    """The indicator set new assessments use: the newest active one, indicators loaded.
    Raises ValidationError (in Thai) when there is none."""
    found = indicator_sets_visible().filter(is_active=True).first()
    if found is None:
        raise ValidationError({"indicator_set": [_("ยังไม่มีชุดตัวชี้วัดที่ใช้งานอยู่ กรุณาให้ผู้ดูแลระบบกำหนดชุดตัวชี้วัดก่อน")]})
    return found


def indicator_sets_visible() -> QuerySet[IndicatorSet]:
    """Indicator sets with their indicators and themes (two extra queries, any number of sets)."""
    return IndicatorSet.objects.prefetch_related("indicators__theme").order_by("-is_active", "-created_at", "-id")


# Latest assessment per council, for many councils at once ---------------------------------


def _latest_per_council(qs: QuerySet[Assessment]) -> QuerySet[Assessment]:
    """Each council's latest assessment: DISTINCT ON where the database has it
    (PostgreSQL), a correlated subquery elsewhere (SQLite, for local runs)."""
    if connection.vendor == "postgresql":
        return qs.order_by("council_id", "-fiscal_year").distinct("council_id")
    newest = Assessment.objects.filter(council=OuterRef("council")).order_by("-fiscal_year").values("pk")[:1]
    return qs.filter(pk=Subquery(newest))


def latest_assessment_ids() -> QuerySet:
    """Ids of each council's latest assessment, for use as a subquery:
    ``Assessment.objects.filter(pk__in=latest_assessment_ids())``."""
    return _latest_per_council(Assessment.objects.all()).values("pk")


def latest_assessments(*, councils) -> dict[int, Assessment]:
    """Council id → its latest assessment, for any number of councils, in one query."""
    ids = [c.pk if isinstance(c, Council) else c for c in councils]
    if not ids:
        return {}
    rows = _latest_per_council(Assessment.objects.filter(council_id__in=ids))
    return {a.council_id: a for a in rows}


def with_latest_assessment(qs: QuerySet[Council]) -> QuerySet[Council]:
    """Annotate councils with their latest assessment's fiscal year, level, percent and
    pass, as correlated subqueries (no extra query per council)."""
    latest = Assessment.objects.filter(council=OuterRef("pk")).order_by("-fiscal_year")
    return qs.annotate(
        latest_fiscal_year=Subquery(latest.values("fiscal_year")[:1]),
        latest_level=Subquery(latest.values("level")[:1]),
        latest_percent=Subquery(latest.values("percent")[:1]),
        latest_passed=Subquery(latest.values("passed")[:1]),
    )
