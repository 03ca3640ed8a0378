import pytest
from django.core.management import call_command

from accounts.models import RoleAssignment, User
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
