import pytest
from django.core.management import call_command

from accounts.models import RoleAssignment, User
from agencies.choices import CENTRAL_DEPARTMENT_KINDS, AgencyKind
from agencies.models import Agency, CooperationAgreement, Mission
from councils.models import Activity, CommunityOrganization, Council

pytestmark = pytest.mark.django_db


def test_seed_demo_small_world_and_logins(capsys):
    call_command("seed_demo")
    out = capsys.readouterr().out
    for login in ("council_x", "council_y", "district_d1", "district_d2", "agency_lao", "codi_national", "admin"):
        assert login in out
    assert "demo-pass-2569" in out
    assert Council.objects.count() == 13  # the tambons of จอมทอง (6) and เชียงดาว (7)
    assert User.objects.get(username="council_x").check_password("demo-pass-2569")
    assert RoleAssignment.objects.count() == 9
    counts = (Council.objects.count(), Activity.objects.count(), CommunityOrganization.objects.count())

    call_command("seed_demo")  # again: nothing new
    assert (Council.objects.count(), Activity.objects.count(), CommunityOrganization.objects.count()) == counts
    assert RoleAssignment.objects.count() == 9


def test_seed_demo_agencies_missions_and_one_agreement():
    call_command("seed_demo")
    national = Agency.objects.filter(province__isnull=True)
    assert sorted(national.values_list("kind", flat=True)) == sorted(["dopa", "dla", "cdd_department"])
    assert all(kind in CENTRAL_DEPARTMENT_KINDS for kind in national.values_list("kind", flat=True))
    assert Agency.objects.filter(kind=AgencyKind.DISTRICT_OFFICE, district__code__in=["5002", "5004"]).count() == 2
    for kind in ("provincial_cdd_office", "youth_council", "village_fund", "welfare_fund", "firm", "civil_network"):
        assert Agency.objects.filter(kind=kind).count() == 1, kind
    for agency in Agency.objects.exclude(kind=AgencyKind.SAO):
        agency.full_clean()  # every demo agency sits at a level its kind allows
    agreement = CooperationAgreement.objects.get()
    assert agreement.file.read(5) == b"%PDF-" and agreement.other_agencies.count() == 2
    counts = (Agency.objects.count(), Mission.objects.count(), Agency.history.count(), Mission.history.count())
    assert counts[1] == 10

    call_command("seed_demo")  # again: nothing new
    assert (Agency.objects.count(), Mission.objects.count(), Agency.history.count(), Mission.history.count()) == counts
    assert CooperationAgreement.objects.count() == 1
    assert RoleAssignment.objects.get(user__username="agency_cdd").agency.kind == "provincial_cdd_office"


def test_demo_councils_and_organizations_count_in_the_last_finished_year():
    """The demo's councils and organizations are entered today but were registered years
    ago: a report of the last finished fiscal year counts them, and no name doubles บ้าน."""
    import datetime as dt

    from common.thai import current_fiscal_year, fiscal_year_bounds
    from councils import reporting

    call_command("seed_demo")
    end = fiscal_year_bounds(current_fiscal_year() - 1)[1]
    assert sum(n for _, n in reporting.councils_by_status(subdistricts=None, as_of=end)) == 13
    assert (
        sum(n for _, n in reporting.organizations_by_kind(subdistricts=None, as_of=end))
        == (CommunityOrganization.objects.filter(registered_on__lte=end).count())
        > 0
    )
    assert not CommunityOrganization.objects.filter(name__contains="บ้านบ้าน").exists()
    assert reporting.councils_by_status(subdistricts=None, as_of=dt.date(2000, 1, 1)) == [
        (label, 0) for label, _ in reporting.councils_by_status(subdistricts=None)
    ]


def test_seed_demo_indicators_in_every_state_once():
    from reports.models import Indicator, IndicatorTarget, IndicatorValue

    call_command("seed_demo")
    from common.thai import current_fiscal_year

    # the current year's values (the last finished year's, the same set: test_demo_years.py)
    current = IndicatorValue.objects.filter(period__fiscal_year=current_fiscal_year())
    states = sorted(current.values_list("indicator__code", "area_key", "status"))
    x, y = (Council.objects.get(pk=User.objects.get(username=u).role_assignments.get().council_id).code
            for u in ("council_x", "council_y"))  # fmt: skip
    assert states == [
        ("M01", f"council:{x}", "approved"), ("M01", f"council:{y}", "submitted"), ("M03", f"council:{x}", "returned"),
    ]  # fmt: skip
    assert Indicator.objects.filter(computed="").count() == 4 and Indicator.objects.exclude(computed="").count() == 4
    counts = (Indicator.objects.count(), IndicatorTarget.objects.count(), IndicatorValue.objects.count())
    call_command("seed_demo")  # again: nothing new
    assert (Indicator.objects.count(), IndicatorTarget.objects.count(), IndicatorValue.objects.count()) == counts
