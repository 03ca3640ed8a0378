"""Bar charts: HTML text and CSS bars, so Thai labels are shaped and extracted like the
rest of the document (WeasyPrint lays SVG text out one character at a time)."""

import subprocess

import pytest

from reports.rendering import build_pdf
from reports.rendering.charts import bar_chart
from reports.sections import gather_report
from reports.spec import ReportSpec


def test_bar_widths_follow_the_largest_value_and_labels_are_escaped():
    html = bar_chart([("ดำเนินงานอยู่", 4), ("<b>ยุบเลิก</b>", 0), ("ไม่เคลื่อนไหว", 1)])
    assert html.count('<span class="bar"') == 3
    assert 'style="width:75.0%"' in html and 'style="width:0.3%"' in html and 'style="width:18.8%"' in html
    assert "&lt;b&gt;ยุบเลิก&lt;/b&gt;" in html and "<b>" not in html
    assert "<svg" not in html


@pytest.mark.django_db
def test_chart_labels_extract_exactly(world, tmp_path):
    target = tmp_path / "r.pdf"
    build_pdf(gather_report(ReportSpec(kind="annual", fiscal_year=2569, scope="national", title="รายงาน")), str(target))
    text = subprocess.run(["pdftotext", "-raw", str(target), "-"], capture_output=True, text=True, check=True).stdout.translate(str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789"))  # the figures, whichever numerals the PDF uses
    assert text.count("ดำเนินงานอยู่ 4") == 2  # the chart's label and the table's row, both with ำ
    assert "ดํา" not in text and "\u0e4d" not in text  # never NIKHAHIT + SARA AA
