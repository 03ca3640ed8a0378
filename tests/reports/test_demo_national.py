"""`seed_demo --scale national` lays down five fiscal years of records, dated in their years,
so a report of any of them has data in every section. Here for one province (ระนอง);
bench/seed_national.sh builds and times the whole country."""

import pytest
from django.core.management import call_command
from django.utils import timezone

from common.thai import current_fiscal_year, fiscal_year_bounds
from councils import reporting
from councils.models import Activity, Assessment, CommunityOrganization, Council
from geo.models import Province, Subdistrict
from meetings.models import ActionItem, Meeting, Obstacle, Suggestion
from plans.choices import ProposalStatus
from plans.models import Alignment, PlanItem, ProposalEvent, SubsidyProposal
from reports.choices import ReportKind, ReportScope
from reports.models import IndicatorTarget, IndicatorValue
from reports.sections import gather_report
from reports.spec import ReportSpec

pytestmark = pytest.mark.django_db

PROVINCE = "85"
MODELS = (Council, CommunityOrganization, Activity, Assessment, PlanItem, Alignment, SubsidyProposal, ProposalEvent,
          Meeting, ActionItem, Obstacle, Suggestion, IndicatorValue, IndicatorTarget)  # fmt: skip


def _counts():
    return {m.__name__: (m.objects.count(), m.history.count() if hasattr(m, "history") else 0) for m in MODELS}


def _fiscal_year(moment) -> int:
    return current_fiscal_year(timezone.localtime(moment).date())


def test_five_national_years_in_a_province_true_to_their_dates_and_reseeding_adds_nothing():
    call_command("seed_demo", "--scale", "national", "--provinces", PROVINCE)
    fy = current_fiscal_year()
    years = set(range(fy - 4, fy + 1))
    province = Province.objects.get(code=PROVINCE)
    subdistricts = Subdistrict.objects.filter(district__province=province)
    councils = Council.objects.filter(subdistrict__in=subdistricts)
    assert councils.count() == subdistricts.count() and not councils.filter(lao__isnull=True).exists()
    assert not Council.objects.exclude(subdistrict__district__province__code__in=["50", PROVINCE]).exists()

    # Five years of activities, plans and proposals; assessments of the finished years.
    activities = Activity.objects.filter(council__in=councils)
    assert set(activities.values_list("fiscal_year", flat=True)) == years
    assert set(PlanItem.objects.filter(plan__council__in=councils).values_list("plan__fiscal_year", flat=True)) == years
    assessed = Assessment.objects.filter(council__in=councils)
    assert set(assessed.values_list("fiscal_year", flat=True)) == years - {fy}
    # Each history row is dated in its record's year: a past report counts what stood then.
    for year, when in Activity.history.filter(council_id__in=councils.values("pk")).values_list(
        "fiscal_year", "history_date"
    ):
        assert _fiscal_year(when) == year
    for year, when in SubsidyProposal.objects.filter(council__in=councils, submitted_at__isnull=False).values_list(
        "fiscal_year", "submitted_at"
    ):
        assert _fiscal_year(when) == year
    raised = Obstacle.objects.filter(council__in=councils).values_list("created_at", flat=True)
    assert {_fiscal_year(when) for when in raised} >= years - {fy}  # this year's so far, if any
    # Registered over the years: more organizations at the end of the last finished year
    # than at the end of the first; some council changed status on a day of the five years.
    first_end, last_end = fiscal_year_bounds(fy - 4)[1], fiscal_year_bounds(fy - 1)[1]
    organizations = [
        sum(n for _, n in reporting.organizations_by_kind(subdistricts=subdistricts.values("pk"), as_of=end))
        for end in (first_end, last_end)
    ]
    assert 0 < organizations[0] < organizations[1]
    assert Council.history.filter(id__in=councils.values("pk"), history_type="~").exists()
    # Levels move from year to year.
    first, last = (dict(assessed.filter(fiscal_year=y).values_list("council_id", "level")) for y in (fy - 4, fy - 1))
    assert any(first[c] != last[c] for c in last if c in first)
    assert set(SubsidyProposal.objects.filter(council__in=councils).values_list("status", flat=True)) == set(
        ProposalStatus.values
    )

    # The province's report of the last finished year has data in every section.
    spec = ReportSpec(
        kind=ReportKind.ANNUAL, fiscal_year=fy - 1, scope=ReportScope.PROVINCE, province_id=province.pk,
        area_code=PROVINCE,
    )  # fmt: skip
    sections = {section.slug: ctx for section, ctx in gather_report(spec).sections}
    for slug, ctx in sections.items():
        if "rows" in ctx and "total" in ctx and slug not in ("mentorships", "photos"):
            assert ctx["total"] > 0, slug
    districts = province.districts.count()
    assert sections["mechanism"]["held"] == 4 * districts and sections["mechanism"]["met_expected"] == districts
    follow_up = sections["follow_up"]
    assert min(follow_up["on_time"], follow_up["late"], follow_up["not_done"]) > 0
    obstacles = sections["obstacles"]
    assert obstacles["raised"] > obstacles["answered"] > 0 and obstacles["resolved"] > 0
    assert sections["suggestions"]["answered"] > 0 and sections["suggestions"]["rejected"] > 0
    plans = sections["alignment"]["plan_total"]
    assert plans.aligned > 0 and plans.pending < plans.items / 5 and plans.approved > 0
    assert sections["indicators"]["with_target"] > 0
    assert any("ส่งกลับ" in str(line["state"]) for line in sections["indicators"]["lines"])
    assert IndicatorValue.objects.filter(council__in=councils, status="returned").exists()

    counts = _counts()
    call_command("seed_demo", "--scale", "national", "--provinces", PROVINCE)
    assert _counts() == counts
