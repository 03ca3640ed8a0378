"""Importing councils, community organizations and council members from XLSX and CSV.

The fast path used by the import page for CODI staff and its Celery jobs:

    readers.py     sniff the upload (XLSX, CSV, encrypted, corrupt, too large) and stream rows
    cells.py       parse one cell: codes, whole numbers, choices, dates with an explicit era
    columns.py     the columns of each kind, with their Thai headers (shared with resources.py)
    validators.py  check the header and every row; preloaded lookups, duplicates in file and DB
    staging.py     the valid rows of a checked file, kept until the user confirms
    writer.py      write the staged rows with their history rows, all in one transaction
    excel.py       neutralise cells that Excel would run as formulas (exports)

Nothing here checks permissions: councils/services/imports.py does, and passes the
user's scope in.
"""
