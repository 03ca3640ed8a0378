"""A fast, safe, streaming reader for the first worksheet of an XLSX workbook.

Why not openpyxl's read-only mode: it builds an Element and several descriptor objects
per cell, so reading alone took most of the import's time budget (bench/import_bench.py).
This reader gives the same values as ``openpyxl.load_workbook(read_only=True,
data_only=True)`` + ``iter_rows(values_only=True)`` (tests/councils/test_import_readers.py
compares them): shared and inline strings (rich-text runs joined, phonetic runs left
out), numbers as int or float, booleans, cached formula results, and numbers in a date
style as ``datetime`` (1900 or 1904 calendar), using openpyxl's own date-format rules.

Safety, the same as defusedxml and stricter: the small parts (workbook, relationships,
styles) are parsed with ``defusedxml.ElementTree``; the two big ones (the sheet and the
shared strings) stream through pyexpat with a DTD, entity declarations and external
entities all refused, so entity-expansion bombs and external entities cannot work.
Inflated size is capped before this runs (readers.sniff).
"""

from __future__ import annotations

import datetime as dt
import posixpath
import re
import zipfile
from collections.abc import Iterator
from xml.parsers import expat

from defusedxml.ElementTree import fromstring
from openpyxl.styles.numbers import BUILTIN_FORMATS, is_date_format
from openpyxl.utils.datetime import CALENDAR_MAC_1904, CALENDAR_WINDOWS_1900, from_excel

CHUNK_BYTES = 256 * 1024
_OFFICE_DOCUMENT = "/officeDocument"
_DIMENSION = re.compile(rb"<(?:\w+:)?dimension\s+ref=\"[A-Z]*\d*:?[A-Z]*(\d+)\"")


class UnsafeXML(ValueError):
    pass


def _forbid(*_args):
    raise UnsafeXML("DTDs and entities are not allowed in a workbook")


def _local(name: str) -> str:
    return name.rpartition("}")[2].rpartition(" ")[2]


def _target(part: str, target: str) -> str:
    if target.startswith("/"):
        return target.lstrip("/")
    return posixpath.normpath(posixpath.join(posixpath.dirname(part), target))


def _relationships(archive: zipfile.ZipFile, part: str) -> dict[str, tuple[str, str]]:
    """{id: (type suffix, part path)} for ``part``'s relationships."""
    rels = posixpath.join(posixpath.dirname(part), "_rels", posixpath.basename(part) + ".rels")
    try:
        root = fromstring(archive.read(rels))
    except KeyError:
        return {}
    found = {}
    for rel in root:
        if _local(rel.tag) == "Relationship" and rel.get("TargetMode") != "External":
            found[rel.get("Id")] = (rel.get("Type", "").rpartition("/")[2], _target(part, rel.get("Target", "")))
    return found


def _date_styles(archive: zipfile.ZipFile, part: str | None) -> set[int]:
    if part is None:
        return set()
    root = fromstring(archive.read(part))
    custom: dict[int, str] = {}
    styles: list[int] = []
    for child in root:
        name = _local(child.tag)
        if name == "numFmts":
            for fmt in child:
                custom[int(fmt.get("numFmtId"))] = fmt.get("formatCode", "")
        elif name == "cellXfs":
            styles = [int(xf.get("numFmtId", 0)) for xf in child if _local(xf.tag) == "xf"]
    return {
        index for index, fmt_id in enumerate(styles)
        if is_date_format(custom.get(fmt_id) or BUILTIN_FORMATS.get(fmt_id, ""))
    }


def _parser() -> expat.XMLParserType:
    parser = expat.ParserCreate(namespace_separator="}")
    parser.StartDoctypeDeclHandler = _forbid
    parser.EntityDeclHandler = _forbid
    parser.UnparsedEntityDeclHandler = _forbid
    parser.ExternalEntityRefHandler = _forbid
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    parser.buffer_text = True
    return parser


def _shared_strings(archive: zipfile.ZipFile, part: str | None) -> list[str]:
    if part is None:
        return []
    strings: list[str] = []
    parts: list[str] = []
    state = {"depth_rph": 0, "in_t": False}

    def start(name, _attrs):
        local = _local(name)
        if local == "si":
            parts.clear()
        elif local == "rPh":
            state["depth_rph"] += 1
        elif local == "t" and not state["depth_rph"]:
            state["in_t"] = True

    def end(name):
        local = _local(name)
        if local == "si":
            strings.append("".join(parts))
        elif local == "rPh":
            state["depth_rph"] -= 1
        elif local == "t":
            state["in_t"] = False

    def data(text):
        if state["in_t"]:
            parts.append(text)

    parser = _parser()
    parser.StartElementHandler, parser.EndElementHandler, parser.CharacterDataHandler = start, end, data
    with archive.open(part) as source:
        parser.ParseFile(source)
    return strings


def _number(text: str):
    if "." in text or "E" in text or "e" in text:
        return float(text)
    return int(text)


# Cells past this column are not read: no import form is that wide, and a sheet with one
# stray far-right cell per row (XFD, column 16,384) would otherwise make every row a
# 16,384-value tuple for the checks to walk.
MAX_COLUMNS = 512


def sheet_count(path) -> int:
    """How many worksheets the workbook has, reading its workbook part only (no shared
    strings, no styles)."""
    with zipfile.ZipFile(path) as archive:
        root_rels = _relationships(archive, "")
        workbook = next(target for kind, target in root_rels.values() if kind == "officeDocument")
        book = fromstring(archive.read(workbook))
        sheets = next((child for child in book if _local(child.tag) == "sheets"), ())
        return sum(1 for s in sheets if _local(s.tag) == "sheet")


class Sheet:
    """One worksheet of a workbook (the first unless ``index`` says which):
    ``name``, ``sheet_count``, ``estimated_rows`` and ``rows()``."""

    def __init__(self, path, index: int = 0):
        self.archive = zipfile.ZipFile(path)
        try:
            root_rels = _relationships(self.archive, "")
            workbook = next(target for kind, target in root_rels.values() if kind == "officeDocument")
            rels = _relationships(self.archive, workbook)
            book = fromstring(self.archive.read(workbook))
            sheet_rel = None
            self.epoch = CALENDAR_WINDOWS_1900
            for child in book:
                name = _local(child.tag)
                if name == "workbookPr" and child.get("date1904", "").lower() in ("1", "true"):
                    self.epoch = CALENDAR_MAC_1904
                elif name == "sheets":
                    sheets = [s for s in child if _local(s.tag) == "sheet"]
                    self.sheet_count = len(sheets)
                    chosen = sheets[index]
                    self.name = chosen.get("name", "")
                    sheet_rel = next(v for k, v in chosen.attrib.items() if _local(k) == "id")
            self.part = rels[sheet_rel][1]
            by_kind = {kind: target for kind, target in rels.values()}
            self.strings = _shared_strings(self.archive, by_kind.get("sharedStrings"))
            self.date_styles = _date_styles(self.archive, by_kind.get("styles"))
            with self.archive.open(self.part) as source:
                head = source.read(64 * 1024)
            match = _DIMENSION.search(head)
            self.estimated_rows = int(match.group(1)) if match else 0
        except BaseException:
            self.archive.close()
            raise

    def close(self) -> None:
        self.archive.close()

    def rows(self) -> Iterator[tuple[int, tuple]]:
        """(row number, values) for every row present in the sheet, in order."""
        strings, date_styles, epoch = self.strings, self.date_styles, self.epoch
        done: list[tuple[int, tuple]] = []
        columns: dict[str, int] = {}
        row_number = 0
        cells: dict[int, object] = {}
        col = -1
        kind = "n"
        style = 0
        text: list[str] = []
        capture = False
        phonetic = 0
        inline = False  # an inline-string cell with an <is> element (without one it is empty)

        def column_of(ref: str) -> int:
            letters = ref.rstrip("0123456789")
            index = columns.get(letters)
            if index is None:
                index = 0
                for ch in letters:
                    index = index * 26 + (ord(ch) - 64)
                index -= 1
                columns[letters] = index
            return index

        def start(name, attrs):
            nonlocal row_number, cells, col, kind, style, text, capture, phonetic, inline
            local = name[name.rfind("}") + 1 :]
            if local == "c":
                inline = False
                ref = attrs.get("r")
                col = column_of(ref) if ref else col + 1
                kind = attrs.get("t", "n")
                s = attrs.get("s")
                style = int(s) if s else 0
                text = []
            elif local == "v":
                capture = True
            elif local == "t":
                capture = kind == "inlineStr" and not phonetic
            elif local == "rPh":
                phonetic += 1
            elif local == "is":
                inline = True
            elif local == "row":
                ref = attrs.get("r")
                row_number = int(ref) if ref else row_number + 1
                cells = {}
                col = -1

        def end(name):
            nonlocal capture, phonetic
            local = name[name.rfind("}") + 1 :]
            if local == "c":
                raw = "".join(text)
                if kind == "inlineStr":
                    value = raw if inline else None
                elif not raw:
                    value = None
                elif kind == "s":
                    value = strings[int(raw)]
                elif kind == "n":
                    value = _number(raw)
                    if style in date_styles:
                        value = from_excel(value, epoch)
                elif kind == "b":
                    value = raw == "1"
                elif kind == "d":
                    value = dt.datetime.fromisoformat(raw)
                else:  # "str" (a formula's text result) and "e" (an error such as #N/A)
                    value = raw
                if col < MAX_COLUMNS:
                    cells[col] = value
            elif local == "v" or local == "t":
                capture = False
            elif local == "rPh":
                phonetic -= 1
            elif local == "row":
                values = [None] * (max(cells) + 1) if cells else []
                for index, value in cells.items():
                    values[index] = value
                done.append((row_number, tuple(values)))

        def data(chunk):
            if capture:
                text.append(chunk)

        parser = _parser()
        parser.StartElementHandler, parser.EndElementHandler, parser.CharacterDataHandler = start, end, data
        with self.archive.open(self.part) as source:
            while chunk := source.read(CHUNK_BYTES):
                parser.Parse(chunk, False)
                if done:
                    yield from done
                    done.clear()
            parser.Parse(b"", True)
        yield from done
