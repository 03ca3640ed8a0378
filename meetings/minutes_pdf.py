"""A meeting's minutes as a Thai official document (รายงานการประชุม), rendered to PDF:
gather (selectors) → HTML (render_to_string) → PDF (common.thaipdf: WeasyPrint with
Sarabun embedded, Thai text kept extractable)."""

from django.template.loader import render_to_string

from common.thai import thai_digits
from common.thaipdf import font_context, render_pdf

from . import selectors


def _thai_time(value) -> str:
    return thai_digits(value.strftime("%H.%M")) if value else ""


def minutes_heading(title: str) -> str:
    """"รายงานการประชุม" + the meeting's title, without doubling a title that already
    begins with "ประชุม" ("ประชุมกลไก..." → "รายงานการประชุมกลไก...")."""
    title = title.strip()
    return f"รายงานการ{title}" if title.startswith("ประชุม") else f"รายงานการประชุม{title}"


def minutes_html(meeting) -> str:
    return render_to_string(
        "meetings/pdf/minutes.html",
        {
            "meeting": meeting,
            "title": minutes_heading(meeting.title),
            "agenda": selectors.meeting_agenda(meeting=meeting),
            "attendance": selectors.meeting_attendance(meeting=meeting),
            "start_time": _thai_time(meeting.start_time),
            "end_time": _thai_time(meeting.end_time),
            **font_context(),
        },
    )


def minutes_pdf(meeting) -> bytes:
    return render_pdf(minutes_html(meeting))
