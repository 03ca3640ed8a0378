"""`manage.py generate_report`: the same report from the shell, without Celery or a job row."""

import subprocess

import pytest
from django.core.management import CommandError, call_command

from geo.models import Region
from reports.models import Report

pytestmark = pytest.mark.django_db


def _text(path) -> str:
    """The PDF's text without whitespace (the title wraps) and with SARA AM folded to SARA AA
    (how pdftotext extracts it depends on the renderer's SARA AM fix)."""
    raw = subprocess.run(["pdftotext", "-raw", str(path), "-"], capture_output=True, text=True, check=True).stdout
    raw = raw.translate(str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789"))  # the figures, whichever numerals the PDF uses
    return _norm(raw.replace("\u0e4d", ""))


def _norm(text: str) -> str:
    return "".join(text.split()).replace("ำ", "า")


def test_national_annual_report_is_a_pdf_with_its_title(world, tmp_path, capsys):
    target = tmp_path / "report.pdf"
    call_command("generate_report", "--kind", "annual", "--fiscal-year", "2568", "--scope", "national", "--output", str(target))
    assert target.read_bytes()[:5] == b"%PDF-"
    assert _norm("รายงานการประเมินผลประจำปี ปีงบประมาณ 2568 ทั้งประเทศ") in _text(target)
    out = capsys.readouterr().out
    assert out.startswith(str(target)) and "วินาที" in out
    assert Report.objects.count() == 0  # no job row
    assert list(tmp_path.iterdir()) == [target]  # no partial file left behind


@pytest.mark.parametrize("scope", ["province:50", "district:5002", "council:500203", "region:north"])
def test_every_scope_code_is_accepted(world, tmp_path, scope):
    Region.objects.create(code="north", name_th="ภาคเหนือ").provinces.set([world.province])
    target = tmp_path / "r.pdf"
    call_command("generate_report", "--fiscal-year", "2569", "--scope", scope, "--output", str(target))
    assert target.read_bytes()[:5] == b"%PDF-"


def test_xlsx_beside_the_pdf(world, tmp_path, capsys):
    target, sheet = tmp_path / "r.pdf", tmp_path / "r.xlsx"
    call_command("generate_report", "--fiscal-year", "2569", "--scope", "district:5002", "--output", str(target), "--xlsx", str(sheet))
    assert sheet.read_bytes()[:2] == b"PK"
    assert str(sheet) in capsys.readouterr().out


def test_quarterly_report(world, tmp_path):
    target = tmp_path / "q.pdf"
    call_command(
        "generate_report", "--kind", "quarterly", "--quarter", "1", "--fiscal-year", "2569",
        "--scope", "province:50", "--output", str(target),
    )
    assert _norm("รายงานความก้าวหน้ารายไตรมาส ปีงบประมาณ 2569 จังหวัดเชียงใหม่") in _text(target)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--fiscal-year", "2025", "--scope", "national"], "ดูเหมือนเป็นปี ค.ศ."),
        (["--fiscal-year", "2569", "--scope", "province:99"], "ไม่พบจังหวัดรหัส 99"),
        (["--fiscal-year", "2569", "--scope", "district:9999"], "ไม่พบอำเภอรหัส 9999"),
        (["--fiscal-year", "2569", "--scope", "council:999999"], "ไม่พบสภาองค์กรชุมชนตำบล (รหัสตำบล)รหัส 999999"),
        (["--fiscal-year", "2569", "--scope", "region:south"], "ไม่พบภาครหัส south"),
        (["--fiscal-year", "2569", "--scope", "moon"], "ขอบเขต “moon” ไม่ถูกต้อง"),
        (["--fiscal-year", "2569", "--scope", "province"], "กรุณาระบุรหัสจังหวัด"),
        (["--kind", "quarterly", "--fiscal-year", "2569"], "กรุณาระบุไตรมาส"),
        (["--fiscal-year", "2569", "--quarter", "2"], "ไม่ต้องระบุไตรมาส"),
    ],
)
def test_bad_input_is_refused_in_thai(world, tmp_path, args, message):
    target = tmp_path / "r.pdf"
    with pytest.raises(CommandError) as exc:
        call_command("generate_report", *args, "--output", str(target))
    assert message in str(exc.value)
    assert not target.exists()
