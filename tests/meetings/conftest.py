import pytest

from meetings.services.obstacles import obstacle_raise

from ..factories import ActivityFactory, AgencyFactory, PlanItemFactory, ThemeFactory


@pytest.fixture
def theme(db):
    return ThemeFactory(code="water", name_th="น้ำ")


@pytest.fixture
def raise_obstacle(world, staff_x, theme):
    def make(**overrides):
        kwargs = {
            "council": world.council_x, "by": staff_x, "agency": world.lao, "theme": theme,
            "title": "ถนนขาด", "detail": "ฝนตกหนัก ถนนเข้าหมู่บ้านขาด",
        }  # fmt: skip
        kwargs.update(overrides)
        return obstacle_raise(**kwargs)

    return make


__all__ = ["ActivityFactory", "AgencyFactory", "PlanItemFactory"]
