"""Figures an app above councils adds to a council's dashboard.

councils may not import the apps above it, yet a council's dashboard shows what they
keep (its meetings live in ``meetings``). Such an app registers, in its
``AppConfig.ready()``, a function ``(*, council, fiscal_year) -> dict`` whose keys replace
or add figures; ``council_dashboard`` asks every registered function. Without one, the
dashboard keeps its own figures (meetings counted from council-meeting activities).
"""

from collections.abc import Callable

_PROVIDERS: list[Callable[..., dict]] = []


def register_dashboard_figures(provider: Callable[..., dict]) -> Callable[..., dict]:
    if provider not in _PROVIDERS:
        _PROVIDERS.append(provider)
    return provider


def extra_dashboard_figures(*, council, fiscal_year: int) -> dict:
    figures: dict = {}
    for provider in _PROVIDERS:
        figures.update(provider(council=council, fiscal_year=fiscal_year))
    return figures
