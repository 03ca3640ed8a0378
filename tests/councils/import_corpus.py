"""Import files made in the test, with openpyxl and csv: good rows, and one bad thing each.

The world (tests/conftest.py): province 50 with tambons 500203 (council X), 500204 (Y),
500401 (Z); province 57 with tambon 570101 (council W).
"""

from __future__ import annotations

import csv
import datetime as dt
import zipfile
from pathlib import Path

import openpyxl

from councils.imports.columns import headers

ORG_HEADERS = headers("organizations")
COUNCIL_HEADERS = headers("councils")
MEMBER_HEADERS = headers("members")


def org_row(code="CO500203001", name="กลุ่มออมทรัพย์บ้านหลวง", kind="กลุ่มออมทรัพย์", tambon="500203",
            village="50020301", village_name="บ้านหลวง", founded="15/03/2540", registered="1/10/2566", members=42):
    return [code, name, kind, tambon, village, village_name, founded, registered, members]


def good_org_rows():
    return [
        org_row(),
        org_row(code="CO500204001", name="กลุ่มอาชีพทอผ้าข่วงเปา", kind="กลุ่มอาชีพ", tambon="500204",
                village="50020402", village_name="บ้านข่วงเปา", founded="2535-06-01",
                registered=dt.date(2021, 5, 20), members="1,200"),
        org_row(code="CO500401001", name="เครือข่ายป่าชุมชนเชียงดาว", kind="network", tambon="500401",
                village="", village_name="", founded="", registered="", members=""),
    ]


def council_row(tambon="500205", name="สภาองค์กรชุมชนตำบลทดสอบ", status="ดำเนินงานอยู่", number="สอช.500205",
                registered="01/02/2552", address="ศาลาเอนกประสงค์ หมู่ 3", phone="053-000-111",
                email="council@example.org", contact="นางสาวสมศรี ใจดี"):
    return [tambon, name, status, number, registered, address, phone, email, contact]


def member_row(tambon="500203", name="นายสมชาย ใจดี", phone="081-000-0000", position="ประธาน",
               organization="", start="01/01/2566", end="31/12/2569"):
    return [tambon, name, phone, position, organization, start, end]


def write_xlsx(path: Path, rows, header=None, *, kind="organizations") -> Path:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(header if header is not None else headers(kind))
    for row in rows:
        sheet.append(row)
    workbook.save(path)
    return path


def write_csv(path: Path, rows, header=None, *, kind="organizations", encoding="utf-8-sig") -> Path:
    with open(path, "w", encoding=encoding, newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header if header is not None else headers(kind))
        for row in rows:
            writer.writerow(["" if value is None else value for value in row])
    return path


def encrypted_xlsx(path: Path) -> Path:
    """What Excel writes for a password-protected workbook: an OLE2 compound file holding
    an EncryptionInfo and an EncryptedPackage stream (directory names in UTF-16)."""
    header = bytes.fromhex("d0cf11e0a1b11ae1") + bytes(504)
    directory = "EncryptionInfo".encode("utf-16-le").ljust(128, b"\0")
    directory += "EncryptedPackage".encode("utf-16-le").ljust(128, b"\0")
    path.write_bytes(header + directory + bytes(4096))
    return path


def legacy_xls(path: Path) -> Path:
    header = bytes.fromhex("d0cf11e0a1b11ae1") + bytes(504)
    path.write_bytes(header + "Workbook".encode("utf-16-le").ljust(128, b"\0") + bytes(4096))
    return path


def truncated_xlsx(path: Path, source: Path) -> Path:
    data = source.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    return path


def bad_deflate_xlsx(path: Path, source: Path) -> Path:
    """A workbook whose zip directory is whole but whose sheet's deflate stream is damaged
    (an invalid block type), as a disk or transfer error leaves it: zlib, not zipfile, fails."""
    data = bytearray(source.read_bytes())
    with zipfile.ZipFile(source) as archive:
        info = archive.getinfo("xl/worksheets/sheet1.xml")
    assert info.compress_type == zipfile.ZIP_DEFLATED
    header = info.header_offset
    name_len = int.from_bytes(data[header + 26 : header + 28], "little")
    extra_len = int.from_bytes(data[header + 28 : header + 30], "little")
    start = header + 30 + name_len + extra_len
    data[start] = 0xFF  # BFINAL=1, BTYPE=11: "invalid block type"
    path.write_bytes(bytes(data))
    return path


def entity_bomb_xlsx(path: Path, source: Path) -> Path:
    """A valid workbook whose sheet XML declares entities (a "billion laughs")."""
    with zipfile.ZipFile(source) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    bomb = (
        b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
        b'<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>'
    )
    sheet = parts["xl/worksheets/sheet1.xml"]
    sheet = sheet.split(b"?>", 1)[1] if sheet.startswith(b"<?xml") else sheet
    parts["xl/worksheets/sheet1.xml"] = bomb + sheet.replace(b"<v>", b"<v>&lol3;", 1)
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return path


def png(path: Path) -> Path:
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
    return path
