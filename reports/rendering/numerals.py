"""One kind of numerals through the whole document: Thai (๑ ๒ ๓) or Arabic (1 2 3) digits
in every year, figure, code and page number of a report, whichever the writer chose.

The rendered HTML's text is converted, never its markup: tags, attributes, entities and the
style sheet (whose sizes are digits too) are left as they are. Page numbers come from the
style sheet's counters (``counter(page, thai)``), set from the same choice."""

from __future__ import annotations

import re

TO_THAI = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")
TO_ARABIC = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
_TAG = re.compile(r"(<[^>]*>)")
_ENTITY = re.compile(r"(&#?\w+;)")
_RAW = ("style", "script")


def in_numerals(html: str, *, thai: bool) -> str:
    """``html`` with the digits of its text all Thai (``thai``) or all Arabic."""
    table = TO_THAI if thai else TO_ARABIC
    out, raw = [], False
    for part in _TAG.split(html):
        if part.startswith("<"):
            name = part[1:].lstrip("/").split(None, 1)[0].rstrip(">").lower() if len(part) > 2 else ""
            if name in _RAW:
                raw = not part.startswith("</")
            out.append(part)
        elif raw:
            out.append(part)
        else:
            out.append("".join(s if s.startswith("&") else s.translate(table) for s in _ENTITY.split(part)))
    return "".join(out)
