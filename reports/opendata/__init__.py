"""Open data: the published registry, activity counts, meetings and reports as CSV, XLSX
and JSON files and a read-only API, with their data dictionary and licence."""
