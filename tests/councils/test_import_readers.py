"""The fast XLSX reader gives what openpyxl's read-only mode gives, and refuses unsafe XML."""

import datetime as dt
import importlib.util
import zipfile
from pathlib import Path

import openpyxl
import pytest
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont
from openpyxl.utils.datetime import CALENDAR_MAC_1904

from councils.imports import readers, xlsx

from . import import_corpus as corpus


def _openpyxl_rows(path):
    workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    rows = [(n, row) for n, row in enumerate(workbook.worksheets[0].iter_rows(values_only=True), start=1)]
    workbook.close()
    return _trimmed(rows)


def _trimmed(rows):
    out = []
    for number, values in rows:
        values = list(values)
        while values and values[-1] is None:
            values.pop()
        if values:
            out.append((number, tuple(values)))
    return out


def _ours(path):
    sheet = xlsx.Sheet(path)
    try:
        return sheet.estimated_rows, _trimmed(sheet.rows())
    finally:
        sheet.close()


@pytest.mark.parametrize("epoch", ["1900", "1904"])
def test_the_reader_matches_openpyxl(epoch, tmp_path):
    workbook = openpyxl.Workbook()
    if epoch == "1904":
        workbook.epoch = CALENDAR_MAC_1904
    sheet = workbook.active
    sheet.append(["ข้อความ", "จำนวน", "ทศนิยม", "จริงเท็จ", "วันที่", "สูตร"])
    sheet.append(["กลุ่ม & <ออม> \"ทรัพย์\"", 42, 1.5, True, dt.datetime(2023, 3, 15, 8, 30), "=1+1"])
    sheet["A3"] = CellRichText(["หนา", TextBlock(InlineFont(b=True), "ตัวหนา")])
    sheet["C3"] = dt.date(1999, 12, 31)
    sheet["F3"] = "  มีช่องว่าง  "
    sheet["B7"] = -3  # gaps and a sparse row
    sheet["AA8"] = "ไกล"
    sheet["D9"] = False
    sheet["C10"] = 1e21
    path = tmp_path / "mixed.xlsx"
    workbook.save(path)
    estimated, ours = _ours(path)
    assert ours == _openpyxl_rows(path)
    assert estimated == 10
    assert ours[1] == (2, ("กลุ่ม & <ออม> \"ทรัพย์\"", 42, 1.5, True, dt.datetime(2023, 3, 15, 8, 30)))
    assert ours[2][1][0] == "หนาตัวหนา"
    assert ours[4] == (8, (None,) * 26 + ("ไกล",))


def test_the_reader_matches_openpyxl_on_shared_strings(tmp_path):
    path = corpus.write_xlsx(tmp_path / "orgs.xlsx", corpus.good_org_rows())
    # rewrite the inline strings as a shared-string table, the way Excel saves (as the bench does)
    spec = importlib.util.spec_from_file_location("import_bench", Path(__file__).parents[2] / "bench" / "import_bench.py")
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    bench._to_shared_strings(path)
    with zipfile.ZipFile(path) as archive:
        assert "xl/sharedStrings.xml" in archive.namelist()
    assert _ours(path)[1] == _openpyxl_rows(path)


def test_a_doctype_or_entity_is_refused(tmp_path):
    good = corpus.write_xlsx(tmp_path / "good.xlsx", corpus.good_org_rows())
    bomb = corpus.entity_bomb_xlsx(tmp_path / "bomb.xlsx", good)
    sheet = xlsx.Sheet(bomb)
    with pytest.raises(xlsx.UnsafeXML):
        list(sheet.rows())
    sheet.close()
    with pytest.raises(readers.FileProblem), readers.open_rows(bomb, readers.XLSX) as source:
        list(source.rows)


def test_a_zip_that_is_not_a_workbook_is_the_wrong_type(tmp_path):
    path = tmp_path / "doc.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("word/document.xml", "<w/>")
    with path.open("rb") as handle, pytest.raises(readers.FileProblem) as problem:
        readers.sniff(handle, size=path.stat().st_size)
    assert problem.value.message == "ไฟล์ต้องเป็น Excel (.xlsx) หรือ CSV เท่านั้น ไฟล์ที่ส่งมาไม่ใช่ทั้งสองแบบ"


def test_damaged_deflate_data_is_a_file_problem_when_sniffed_and_when_read(tmp_path):
    good = corpus.write_xlsx(tmp_path / "good.xlsx", corpus.good_org_rows())
    damaged = corpus.bad_deflate_xlsx(tmp_path / "damaged.xlsx", good)
    with damaged.open("rb") as handle, pytest.raises(readers.FileProblem):
        readers.sniff(handle, size=damaged.stat().st_size)
    with pytest.raises(readers.FileProblem), readers.open_rows(damaged, readers.XLSX) as source:
        list(source.rows)


def test_openpyxl_parses_with_defusedxml():
    assert openpyxl.DEFUSEDXML is True


def test_a_stray_far_right_cell_per_row_does_not_widen_the_rows(tmp_path):
    """One cell in column XFD (16,384) on every row: the rows stay as wide as the data."""
    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet()
    sheet.append(["รหัส", "ชื่อ"])
    for i in range(50):
        sheet.append([f"CO{i}", "กลุ่ม"] + [None] * 16381 + ["ไกล"])
    path = tmp_path / "wide.xlsx"
    workbook.save(path)
    _estimated, rows = _ours(path)
    assert len(rows) == 51
    assert max(len(values) for _n, values in rows) == 2
    assert rows[1] == (2, ("CO0", "กลุ่ม"))
