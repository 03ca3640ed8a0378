"""Figures an app above councils adds to a council's dashboard.

councils may not import the apps above it, yet a council's dashboard shows what they
keep (its meetings live in ``meetings``). Such an app registers, in its
``AppConfig.ready()``, a function ``(*, fiscal_year) -> dict`` of named query expressions
correlated with the outer council (``OuterRef("pk")``); ``council_dashboard`` annotates
them in its one figures query, so a figure replaces or adds to the dashboard's own without
a query more. Without a provider the dashboard keeps its own figures (meetings counted
from council-meeting activities).
"""

from collections.abc import Callable

_PROVIDERS: list[Callable[..., dict]] = []


def register_dashboard_figures(provider: Callable[..., dict]) -> Callable[..., dict]:
    if provider not in _PROVIDERS:
        _PROVIDERS.append(provider)
    return provider


def extra_dashboard_figures(*, fiscal_year: int) -> dict:
    figures: dict = {}
    for provider in _PROVIDERS:
        figures.update(provider(fiscal_year=fiscal_year))
    return figures
