"""Make SARA AM (ำ) survive text extraction and copy/paste in our PDFs.

Why it is lost: HarfBuzz's Thai shaper always decomposes ำ (U+0E33) into NIKHAHIT (U+0E4D)
+ SARA AA (U+0E32), reordering the nikhahit before any tone mark; Sarabun then draws two
glyphs, the nikhahit (or a nikhahit+tone ligature) and the ordinary sara aa. WeasyPrint's
ToUnicode CMap maps each glyph id to one string, chosen the first time the glyph is drawn:
the nikhahit gets "" and the sara aa gets whatever cluster came first ("า" from นา, or "ำ"
from ตำ). So ตำบล extracts as ตาบล (or นา as นำ), and น้ำ loses its tone mark.

The fix, applied to the finished PDF: every (nikhahit-glyph, sara-aa-glyph) pair in a text
array is wrapped in a ``/Span << /ActualText (…ำ) >> BDC … EMC`` marked-content sequence
holding the exact source characters (tone mark + ำ), and the ToUnicode entries of the two
glyphs are reset to their own characters (า, ํ) so a lone sara aa extracts as า. Copy and
pdftotext then give exactly the source text; drawing is unchanged.

A second, smaller defect gets the same cure: when a tone mark is pulled back over an upper
vowel (ฟื้น: a large positive TJ offset, or a text rise "Ts"), pdftotext -raw takes the
backwards jump for a new line and prints ฟื / ้น. Such base + vowel + mark runs (plus the
next plain glyph, so the span ends where the text continues) get an ActualText span too.
"""

from __future__ import annotations

import io
import re
import unicodedata
from functools import cache
from pathlib import Path

from .fetcher import FONT_DIR

_TJ = re.compile(rb"\[([^\]]*)\]\s*TJ")
_TOKEN = re.compile(rb"<([0-9a-fA-F]*)>|(-?[0-9.]+)")
MARK_SHIFT = 30  # a mark moved back by at least this (1/1000 em) gets an ActualText span


@cache
def glyph_texts() -> dict[int, str]:
    """Sarabun glyph id → the characters it draws (cmap, else its uniXXXX[.variant] name)."""
    from fontTools.ttLib import TTFont

    font = TTFont(Path(FONT_DIR) / "Sarabun-Regular.ttf", lazy=True)
    texts = {}
    for code, name in sorted(font.getBestCmap().items(), reverse=True):
        texts[font.getGlyphID(name)] = chr(code)
    for gid, name in enumerate(font.getGlyphOrder()):
        base = name.split(".")[0]
        if gid not in texts and base.startswith("uni") and len(base) >= 7 and (len(base) - 3) % 4 == 0:
            try:
                texts[gid] = "".join(chr(int(base[i : i + 4], 16)) for i in range(3, len(base), 4))
            except ValueError:
                continue
    return texts


@cache
def sarabun_glyphs() -> tuple[dict[int, str], set[int]]:
    """({nikhahit-glyph id: source text of its cluster with sara aa}, {sara aa glyph ids}).

    All Sarabun weights share one glyph order (checked in the tests), so Regular stands for all.
    """
    from fontTools.ttLib import TTFont

    font = TTFont(Path(FONT_DIR) / "Sarabun-Regular.ttf", lazy=True)
    nik, aa = {}, set()
    for name in font.getGlyphOrder():
        base = name.split(".")[0]
        if base.startswith("uni0E4D") and len(base) in (7, 11):
            tone = chr(int(base[7:], 16)) if len(base) == 11 else ""
            nik[font.getGlyphID(name)] = tone + "\u0e33"
        elif base == "uni0E32":
            aa.add(font.getGlyphID(name))
    return nik, aa


def _utf16_hex(text: str) -> bytes:
    return b"<FEFF" + text.encode("utf-16-be").hex().upper().encode() + b">"


def _serialise(items) -> bytes:
    out, glyphs = [], []
    for kind, value in items:
        if kind == "g":
            glyphs.append(value)
            continue
        if glyphs:
            out.append(b"<" + b"".join(glyphs) + b">")
            glyphs = []
        out.append(value)
    if glyphs:
        out.append(b"<" + b"".join(glyphs) + b">")
    return b"[" + b" ".join(out) + b"]TJ"


# A mark WeasyPrint lifts with a text rise (a tone mark above an upper vowel): the glyph
# before it ends one TJ array, the mark is shown in its own array between "r Ts" and "0 Ts".
_RISE = re.compile(rb"\[([^\]]*)\]\s*TJ\s*(-?[0-9.]+ Ts)\s*\[([^\]]*)\]\s*TJ\s*0 Ts")


def _items(body: bytes):
    items = []
    for hexs, num in _TOKEN.findall(body):
        if num:
            items.append(("n", num))
        else:
            items += [("g", hexs[i : i + 4]) for i in range(0, len(hexs), 4)]
    return items


def _fix_rise(match) -> bytes:
    """Keep a raised mark and the glyph before it in one ActualText span."""
    items, marks = _items(match.group(1)), _items(match.group(3))
    texts = glyph_texts()
    _nik, aa = sarabun_glyphs()
    last = max((i for i, (kind, _v) in enumerate(items) if kind == "g"), default=None)
    mark_ids = [int(v, 16) for kind, v in marks if kind == "g"]
    if last is None or not mark_ids or int(items[last][1], 16) in aa:
        return match.group(0)
    ids = [int(items[last][1], 16), *mark_ids]
    if any(i not in texts for i in ids):
        return match.group(0)
    head = _serialise(items[:last]) + b"\n" if last else b""
    span = b"/Span<</ActualText" + _utf16_hex("".join(texts[i] for i in ids)) + b">>BDC "
    return head + span + _serialise(items[last:]) + b"\n" + match.group(2) + b"\n[" + match.group(3) + b"]TJ\n0 Ts EMC"


def _is_mark(gid: int) -> bool:
    text = glyph_texts().get(gid, "")
    return bool(text) and all(unicodedata.category(c) == "Mn" for c in text)


def _next_glyph(items, i) -> tuple[int, float]:
    """Index of the next glyph after ``i`` and the largest positioning number in between."""
    j, shift = i + 1, 0.0
    while j < len(items) and items[j][0] == "n":
        shift = max(shift, float(items[j][1]))
        j += 1
    return j, shift


def _cluster_end(items, i, nik, aa) -> tuple[int, str] | None:
    """If a cluster needing ActualText starts at glyph ``i``: (its last index, its text)."""
    gid = int(items[i][1], 16)
    j, shift = _next_glyph(items, i)
    if j >= len(items):
        return None
    if gid in nik:
        return (j, nik[gid]) if int(items[j][1], 16) in aa else None
    # a mark pulled back over its base (ฟื้): pdftotext would see it as a new line
    texts, end, parts = glyph_texts(), None, [glyph_texts().get(gid)]
    while j < len(items) and shift >= MARK_SHIFT and _is_mark(int(items[j][1], 16)) and int(items[j][1], 16) not in nik:
        end = j
        parts.append(texts[int(items[j][1], 16)])
        j, shift = _next_glyph(items, j)
    if end is None or parts[0] is None:
        return None
    return end, "".join(parts)


def _take_next_base(items, end, text, nik, aa):
    """Extend a pulled-back mark's span over the next plain glyph: viewers end a span where
    its last glyph ends, and the mark ends early, which pdftotext reads as a space."""
    j, _shift = _next_glyph(items, end)
    if j >= len(items):
        return text, end
    gid = int(items[j][1], 16)
    k, _shift = _next_glyph(items, j)
    follows_mark = k < len(items) and _is_mark(int(items[k][1], 16))
    if gid in nik or gid in aa or _is_mark(gid) or follows_mark or gid not in glyph_texts():
        return text, end
    return text + glyph_texts()[gid], j


def _rewrite_array(body: bytes, nik: dict[int, str], aa: set[int]) -> bytes | None:
    items = _items(body)
    out, start, i, changed = [], 0, 0, False
    while i < len(items):
        found = _cluster_end(items, i, nik, aa) if items[i][0] == "g" else None
        if found:
            end, text = found
            if int(items[i][1], 16) not in nik:  # take the base consonant in too (ฟ + ื้)
                p = i - 1
                while p >= start and items[p][0] == "n":
                    p -= 1
                base = int(items[p][1], 16) if p >= start else None
                if base is not None and not _is_mark(base) and base in glyph_texts() and base not in aa:
                    text, i = glyph_texts()[base] + text, p
            if int(items[i][1], 16) not in nik:
                text, end = _take_next_base(items, end, text, nik, aa)
            if start < i:
                out.append(_serialise(items[start:i]))
            out.append(b"/Span<</ActualText" + _utf16_hex(text) + b">>BDC " + _serialise(items[i : end + 1]) + b" EMC")
            start = i = end + 1
            changed = True
            continue
        i += 1
    if not changed:
        return None
    if start < len(items):
        out.append(_serialise(items[start:]))
    return b"\n".join(out)


def fix_content(data: bytes, nik_codes: set[bytes]) -> bytes:
    """Wrap sara-am glyph pairs and raised marks of one content stream in ActualText spans."""
    if b" Ts" in data:
        data = _RISE.sub(_fix_rise, data)
    nik, aa = sarabun_glyphs()

    def repl(match):
        new = _rewrite_array(match.group(1), nik, aa)
        return new if new is not None else match.group(0)

    return _TJ.sub(repl, data)


def _fix_tounicode(stream, nik, aa) -> None:
    data = stream.get_data()
    for gid in aa:
        data = re.sub(rb"<%04x> <[0-9a-fA-F]*>" % gid, b"<%04x> <0E32>" % gid, data, flags=re.I)
    for gid, text in nik.items():
        own = "\u0e4d" + text[:-1]  # the glyph alone: nikhahit (+ tone)
        data = re.sub(
            rb"<%04x> <[0-9a-fA-F]*>" % gid,
            b"<%04x> <%s>" % (gid, own.encode("utf-16-be").hex().encode()),
            data,
            flags=re.I,
        )
    stream.set_data(data)


def fix_sara_am(source, target) -> None:
    """Rewrite the PDF ``source`` (path or bytes) into ``target`` (path or binary file)."""
    from pypdf import PdfWriter
    from pypdf.generic import NameObject

    nik, aa = sarabun_glyphs()
    nik_codes = {b"%04x" % g for g in nik}
    writer = PdfWriter(clone_from=io.BytesIO(source) if isinstance(source, bytes) else source)
    seen_fonts = set()
    for page in writer.pages:
        resources = page.get("/Resources")
        fonts = resources.get_object().get("/Font", {}) if resources else {}
        for ref in fonts.values():
            font = ref.get_object()
            if id(font) in seen_fonts or "Sarabun" not in str(font.get("/BaseFont", "")):
                continue
            seen_fonts.add(id(font))
            if "/ToUnicode" in font:
                _fix_tounicode(font["/ToUnicode"].get_object(), nik, aa)
        contents = page.get("/Contents")
        if contents is None:
            continue
        streams = contents.get_object()
        streams = [s.get_object() for s in streams] if isinstance(streams, list) else [streams]
        for stream in streams:
            data = stream.get_data()
            new = fix_content(data, nik_codes)
            if new != data:
                stream.set_data(new)
        page[NameObject("/Contents")] = contents
    if isinstance(target, str | Path):
        with open(target, "wb") as fh:
            writer.write(fh)
    else:
        writer.write(target)
