"""Shared personas and the small world they live in (the way Healthchecks' alice/bob do).

World: province P with district D (tambons X and Y, one council each) and district E
(tambon Z, one council); another province Q with district F.
"""

import os
import socket
from urllib.parse import urlparse

import pytest

from accounts.choices import Role

from .factories import (
    AgencyFactory,
    CouncilFactory,
    DistrictFactory,
    ProvinceFactory,
    SubdistrictFactory,
    UserFactory,
    user_with_role,
)


def _reachable(url: str, default_port: int) -> bool:
    parsed = urlparse(url)
    try:
        with socket.create_connection((parsed.hostname or "127.0.0.1", parsed.port or default_port), timeout=2):
            return True
    except OSError:
        return False


def pytest_sessionstart(session):
    """Under CI=true a missing PostgreSQL or Redis is a failure, never a skip."""
    if os.environ.get("CI", "").lower() != "true":
        return
    db_url = os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/portal")
    redis_url = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
    missing = [
        name
        for name, ok in (("PostgreSQL", _reachable(db_url, 5432)), ("Redis", _reachable(redis_url, 6379)))
        if not ok
    ]
    if missing:
        pytest.exit(f"CI=true and unreachable: {', '.join(missing)}", returncode=3)


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def world(db):
    p = ProvinceFactory(code="50", name_th="เชียงใหม่", name_en="Chiang Mai")
    q = ProvinceFactory(code="57", name_th="เชียงราย", name_en="Chiang Rai")
    d = DistrictFactory(province=p, code="5002", name_th="จอมทอง")
    e = DistrictFactory(province=p, code="5004", name_th="เชียงดาว")
    f = DistrictFactory(province=q, code="5701", name_th="เมืองเชียงราย")
    x = CouncilFactory(subdistrict=SubdistrictFactory(district=d, code="500203", name_th="บ้านหลวง"))
    y = CouncilFactory(subdistrict=SubdistrictFactory(district=d, code="500204", name_th="ข่วงเปา"))
    z = CouncilFactory(subdistrict=SubdistrictFactory(district=e, code="500401", name_th="เชียงดาว"))
    w = CouncilFactory(subdistrict=SubdistrictFactory(district=f, code="570101", name_th="เวียง"))
    lao = AgencyFactory(subdistrict=x.subdistrict)
    return type(
        "World",
        (),
        {"province": p, "other_province": q, "district": d, "other_district": e, "far_district": f,
         "council_x": x, "council_y": y, "council_z": z, "council_w": w, "lao": lao},
    )


@pytest.fixture
def staff_x(world):
    return user_with_role("staff_x", Role.COUNCIL_STAFF, council=world.council_x)


@pytest.fixture
def staff_y(world):
    return user_with_role("staff_y", Role.COUNCIL_STAFF, council=world.council_y)


@pytest.fixture
def officer_d(world):
    return user_with_role("officer_d", Role.DISTRICT_OFFICER, district=world.district)


@pytest.fixture
def officer_e(world):
    return user_with_role("officer_e", Role.DISTRICT_OFFICER, district=world.other_district)


@pytest.fixture
def agency_officer(world):
    return user_with_role("agency_officer", Role.AGENCY_STAFF, agency=world.lao)


@pytest.fixture
def codi_staff(world):
    return user_with_role("codi_staff", Role.CODI_STAFF)


@pytest.fixture
def codi_regional(world):
    return user_with_role("codi_regional", Role.CODI_STAFF, provinces=[world.province])


@pytest.fixture
def plain_user(db):
    return UserFactory(username="no_role")


def client_for(client, user):
    client.force_login(user)
    return client
