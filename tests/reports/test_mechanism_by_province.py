"""The country's report sums the district mechanisms up per province; a province's report
lists its districts; the XLSX keeps every district's row."""

import pytest
from django.core.management import call_command

from common.thai import current_fiscal_year
from geo.models import Province
from reports.choices import ReportKind, ReportScope
from reports.sections import gather_report
from reports.spec import ReportSpec

pytestmark = pytest.mark.django_db


def test_national_mechanism_per_province_and_province_report_per_district(tmp_path):
    call_command("seed_demo")
    fy = current_fiscal_year() - 1
    national = dict(
        (s.slug, (s, ctx))
        for s, ctx in gather_report(
            ReportSpec(kind=ReportKind.ANNUAL, fiscal_year=fy, scope=ReportScope.NATIONAL)
        ).sections
    )
    section, ctx = national["mechanism"]
    assert ctx["by_province"] == [("เชียงใหม่", 2, 8, 2)]  # จอมทอง and เชียงดาว, four meetings each
    assert len(ctx["by_district"]) == 2 and len(section.xlsx_rows(ctx)) == 5 + 2
    province = Province.objects.get(code="50")
    spec = ReportSpec(
        kind=ReportKind.ANNUAL, fiscal_year=fy, scope=ReportScope.PROVINCE, province_id=province.pk, area_code="50"
    )
    ctx = dict((s.slug, c) for s, c in gather_report(spec).sections)["mechanism"]
    assert ctx["by_province"] == [] and [row[0] for row in ctx["by_district"]] == ["จอมทอง", "เชียงดาว"]
