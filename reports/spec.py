"""What a report is about, independent of the job row: the input of the rendering steps."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ReportSpec:
    kind: str  # ReportKind
    fiscal_year: int  # Buddhist era
    scope: str  # ReportScope
    quarter: int | None = None  # 1..4 for quarterly progress reports (Q1 is Oct–Dec)
    province_id: int | None = None
    district_id: int | None = None
    council_id: int | None = None
    region_id: int | None = None
    title: str = ""
    area_code: str = "-"  # as in the report's key: a province, district, tambon or region code

    @classmethod
    def from_report(cls, report) -> ReportSpec:
        return cls(
            kind=report.kind,
            fiscal_year=report.fiscal_year,
            scope=report.scope,
            quarter=report.quarter,
            province_id=report.province_id,
            district_id=report.district_id,
            council_id=report.council_id,
            region_id=report.region_id,
            title=str(report),
            area_code=(report.key.rsplit(":", 1)[-1] if report.key else "-") or "-",
        )
