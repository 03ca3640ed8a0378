"""Making exported cells safe to open in Excel (CSV/formula injection).

A text cell that starts with = + - @, a tab or a carriage return may be run by Excel or
LibreOffice as a formula (``=HYPERLINK(...)``, ``=cmd|...``). Every text cell an export
writes goes through ``neutralise``, which puts a single quote in front: the spreadsheet
then shows the text as it is and runs nothing (OWASP's advice for CSV injection).
"""

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value):
    """A text value made inert for spreadsheets; other values are returned unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value
