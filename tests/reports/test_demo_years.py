"""The small demo spans five fiscal years: a report of the last finished year has data in
every section, and a second seed_demo adds nothing."""

import pytest
from django.core.management import call_command

from common.thai import current_fiscal_year, fiscal_year_bounds
from councils.models import Activity, ActivityPhoto, Assessment
from meetings.models import ActionItem, Meeting, MeetingPhoto, Obstacle, Suggestion
from plans.choices import ProposalStatus
from plans.models import Alignment, PlanItem, ProposalEvent, SubsidyProposal
from reports.choices import ReportKind, ReportScope
from reports.models import IndicatorTarget, IndicatorValue, ReportNarrative
from reports.sections import gather_report
from reports.spec import ReportSpec

pytestmark = pytest.mark.django_db

MODELS = (Activity, Assessment, PlanItem, Alignment, SubsidyProposal, ProposalEvent, Meeting, ActionItem, Obstacle,
          Suggestion, IndicatorValue, IndicatorTarget, ReportNarrative, ActivityPhoto, MeetingPhoto)  # fmt: skip


def _counts():
    return {m.__name__: (m.objects.count(), m.history.count() if hasattr(m, "history") else 0) for m in MODELS}


def test_last_finished_years_annual_report_has_data_in_every_section():
    call_command("seed_demo")
    last = current_fiscal_year() - 1
    data = gather_report(ReportSpec(kind=ReportKind.ANNUAL, fiscal_year=last, scope=ReportScope.NATIONAL))
    sections = {section.slug: ctx for section, ctx in data.sections}
    for slug, ctx in sections.items():
        if "rows" in ctx and "total" in ctx:
            assert ctx["total"] > 0, slug
    assert sections["activities"]["themes"] and sections["agencies"]["joint_activities"] > 0
    assert sections["mechanism"]["held"] == 8 and sections["mechanism"]["met_expected"] == 2  # 4 a district
    follow_up = sections["follow_up"]
    assert follow_up["resolutions"] > 0 and min(follow_up["on_time"], follow_up["late"], follow_up["not_done"]) > 0
    obstacles = sections["obstacles"]
    assert obstacles["raised"] > obstacles["answered"] > 0 and obstacles["resolved"] > 0
    assert sections["suggestions"]["received"] > 0 and sections["suggestions"]["answered"] > 0
    plans = sections["alignment"]["plan_total"]
    assert plans.proposals > 0 and plans.approved > 0 and plans.aligned > 0
    states = {line["state"] for line in sections["indicators"]["lines"]}
    assert sections["indicators"]["lines"] and len(states) > 1
    assert all(sections[s]["paragraphs"] for s in ("background", "results", "lessons"))
    assert sections["future"]["expected"] and sections["future"]["directions"]
    assert sections["cover"]["title"]
    photos = sections["photos"]["photos"]  # activity and meeting photos, each with its print copy
    assert len(photos) >= 6 and all(p["caption"] and p["src"].startswith("file://") for p in photos)
    assert any(p["place"].startswith("อำเภอ") for p in photos) and any(p["place"].startswith("สภา") for p in photos)


def test_five_years_of_records_moving_and_reseeding_adds_nothing():
    call_command("seed_demo")
    fy = current_fiscal_year()
    years = set(range(fy - 4, fy + 1))
    assert set(Activity.objects.values_list("fiscal_year", flat=True)) == years
    assert set(Assessment.objects.values_list("fiscal_year", flat=True)) == years
    assert set(PlanItem.objects.values_list("plan__fiscal_year", flat=True)) == years
    met = {d.year + 543 + (d.month >= 10) for d in Meeting.objects.values_list("date", flat=True)}
    assert met >= years - {fy}  # four a year in the past years; this year's so far
    # Levels move: some councils' level differs between the first and the last finished year.
    first, last = (
        dict(Assessment.objects.filter(fiscal_year=y).values_list("council_id", "level")) for y in (fy - 4, fy - 1)
    )
    assert any(first[c] != last[c] for c in last)
    # Every status of a proposal somewhere, past years' timelines dated in their years.
    assert set(SubsidyProposal.objects.values_list("status", flat=True)) == set(ProposalStatus.values)
    for p in SubsidyProposal.objects.filter(fiscal_year=fy - 2, submitted_at__isnull=False):
        assert p.submitted_at.year + 543 in (fy - 3, fy - 2)
    # Most past items reviewed, in their year; obstacles of past years raised then.
    past = Alignment.objects.filter(plan_item__plan__fiscal_year=fy - 1)
    assert past.filter(reviewed_at__isnull=False).count() > 0.8 * past.count()
    first_start, first_end = fiscal_year_bounds(fy - 4)
    assert Obstacle.objects.filter(created_at__date__range=(first_start, first_end)).count() == 8  # 4 a district
    # Photos in every year, a few of each year chosen for its report; each file on disk.
    assert set(ActivityPhoto.objects.values_list("activity__fiscal_year", flat=True)) == years
    for year in years:
        chosen = ActivityPhoto.objects.filter(activity__fiscal_year=year, in_report=True).count()
        assert 3 <= chosen <= 6, year
    assert MeetingPhoto.objects.filter(in_report=True).exists()
    assert all(p.image.storage.exists(p.image.name) for p in MeetingPhoto.objects.all())
    counts = _counts()
    call_command("seed_demo")
    assert _counts() == counts
