"""The demo worlds' LAO local plans: every demo project sits in a plan with its budget lines."""

from decimal import Decimal

import pytest
from django.core.management import call_command
from django.db.models import Sum
from django.utils import timezone

from agencies.models import Agency
from common.thai import current_fiscal_year
from geo.models import Subdistrict
from plans.choices import AmendmentKind
from plans.models import LocalPlan, LocalPlanProject, LocalPlanProjectBudget
from reports import demo, demo_national

pytestmark = pytest.mark.django_db


def _assert_projects_in_plans():
    projects = LocalPlanProject.objects.all()
    assert projects.exists()
    assert not projects.filter(local_plan__isnull=True).exists()
    assert not projects.filter(budgets__isnull=True).exists()
    for project in projects.annotate(total=Sum("budgets__amount")).prefetch_related("budgets"):
        assert project.budget == project.total
        assert project.fiscal_year == min(b.fiscal_year for b in project.budgets.all())
        assert project.lao_id == project.local_plan.lao_id


def test_demo_worlds_give_every_lao_a_plan_with_an_addition():
    call_command("seed_demo")
    _assert_projects_in_plans()
    fy = current_fiscal_year()
    laos = Agency.objects.local_governments().filter(district__code__in=demo.SMALL_DISTRICTS)
    assert laos.exists()
    for lao in laos:
        plan = LocalPlan.objects.get(lao=lao)
        assert plan.start_year <= fy <= plan.end_year
        amendment = plan.amendments.get()
        assert amendment.kind == AmendmentKind.ADDITION
        assert amendment.label == f"เพิ่มเติม ครั้งที่ 1/{plan.start_year + 2}"
        assert plan.projects.filter(added_by=amendment).count() == 2
        # the plan as adopted, before the addition took effect, lacks the added projects
        before = LocalPlanProject.objects.filter(local_plan=plan).as_of(amendment.effective_on.replace(day=1))
        assert before.count() == plan.projects.count() - 2
        assert LocalPlanProject.objects.filter(local_plan=plan).budgeted_in([fy]).exists()
    lines_before = LocalPlanProjectBudget.objects.count()
    call_command("seed_demo")  # again: nothing new
    assert LocalPlanProjectBudget.objects.count() == lines_before

    # the national world's batches (bulk) lay down the same plans
    batch = list(Subdistrict.objects.filter(council__isnull=True).select_related("district").order_by("code")[:3])
    world = demo_national.World(themes=demo.themes_ensure(), years=[current_fiscal_year()], today=timezone.localdate())
    done = demo_national.seed_batch(batch, [1, 1, 1], world)
    assert done["projects"] == 3 * 8
    _assert_projects_in_plans()
    assert LocalPlanProject.objects.filter(lao__subdistrict__in=batch).aggregate(s=Sum("budget"))["s"] > Decimal(0)
