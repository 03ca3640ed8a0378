"""The annual report's photo section: only the chosen photos of the area and year, each
downscaled and re-encoded before WeasyPrint (checked in the PDF with pdfimages), their
captions in the text, the print copies cached, and a national report's size budget."""

import datetime as dt
import io
import os
import subprocess

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image, ImageDraw

from common.thaipdf import pdf_image_dir
from councils.models import ActivityPhoto
from reports.rendering import build_pdf
from reports.rendering.photos import print_copy, print_copy_path
from reports.sections import ANNUAL, QUARTERLY, ReportArea, gather_report
from reports.sections.photos import PHOTOS
from reports.spec import ReportSpec

from ..factories import ActivityFactory, CouncilFactory, SubdistrictFactory

pytestmark = pytest.mark.django_db

DAY = dt.date(2026, 2, 14)  # fiscal year 2569
BUDGET_BYTES = 6 * 1024 * 1024  # a national report with its 24 photos stays under this


def run(*args) -> str:
    return subprocess.run(list(args), capture_output=True, text=True, check=True).stdout


def national() -> ReportSpec:
    return ReportSpec(kind="annual", fiscal_year=2569, scope="national", title="รายงานประจำปี ปีงบประมาณ 2569")


def camera_jpeg(size=(4000, 3000), seed=0) -> bytes:
    """A photo-like JPEG straight off a camera (~3.5 MB at 4000×3000): smooth light, shapes
    and grain coarse enough to survive the downscale, so each print copy weighs what a
    real photo's does (~120 KB); flat colour would shrink to nothing and flatter the budget."""
    w, h = size
    image = Image.radial_gradient("L").resize(size).convert("RGB")
    draw = ImageDraw.Draw(image)
    for i in range(40):
        x, y = (seed * 97 + i * 211) % w, (seed * 53 + i * 137) % h
        draw.ellipse((x, y, x + w // 6, y + h // 5), fill=((i * 40 + seed * 17) % 256, (i * 90) % 256, (i * 150) % 256))
    grain = Image.merge("RGB", [Image.effect_noise((w // 4, h // 4), 60) for _ in range(3)]).resize(size, Image.BICUBIC)
    out = io.BytesIO()
    Image.blend(image, grain, 0.35).save(out, "JPEG", quality=92)
    return out.getvalue()


def photo_of(activity, *, caption, in_report, data=None) -> ActivityPhoto:
    photo = ActivityPhoto(activity=activity, caption=caption, in_report=in_report)
    photo.image.save("camera.jpg", SimpleUploadedFile("camera.jpg", data or camera_jpeg((1600, 1200))), save=True)
    return photo


def pdf_images(path) -> list[tuple[int, int]]:
    """(width, height) of each image embedded in the PDF (pdfimages -list; soft masks aside)."""
    lines = run("pdfimages", "-list", str(path)).splitlines()[2:]
    return [(int(c[3]), int(c[4])) for c in (line.split() for line in lines) if c[2] == "image"]


def test_the_section_is_in_the_annual_report_only():
    assert PHOTOS in ANNUAL and PHOTOS not in QUARTERLY
    slugs = [s.slug for s in ANNUAL]
    assert slugs.index("photos") == slugs.index("mentorships") + 1  # closes the results chapter


def test_the_pdf_holds_the_chosen_photos_downscaled_with_their_captions(world, tmp_path, settings):
    a = ActivityFactory(council=world.council_x, date=DAY)
    b = ActivityFactory(council=world.council_w, date=DAY)
    photo_of(a, caption="เยาวชนปลูกป่าต้นน้ำ", in_report=True, data=camera_jpeg(seed=1))
    photo_of(b, caption="ประชุมสภาองค์กรชุมชน", in_report=True, data=camera_jpeg((3000, 4000), seed=2))
    photo_of(a, caption="ภาพที่ไม่ได้เลือก", in_report=False)
    photo_of(ActivityFactory(council=world.council_y, date=dt.date(2025, 9, 1)), caption="ปีที่แล้ว", in_report=True)
    target = tmp_path / "r.pdf"
    build_pdf(gather_report(national()), str(target), thai_numerals=False)

    images = pdf_images(target)
    assert len(images) == 2
    assert sorted(images) == [(750, 1000), (1000, 750)]  # each within the cap, its shape kept
    assert all(max(size) <= settings.REPORT_PHOTO_EDGE for size in images)
    text = "".join(run("pdftotext", "-raw", str(target), "-").split())
    assert "เยาวชนปลูกป่าต้นน้ำ" in text and "ประชุมสภาองค์กรชุมชน" in text
    assert "ภาพที่ไม่ได้เลือก" not in text and "ปีที่แล้ว" not in text
    assert "ภาพกิจกรรม" in text and "14กุมภาพันธ์2569" in text  # the section and each photo's date


def test_without_chosen_photos_the_section_says_so(world):
    photo_of(ActivityFactory(council=world.council_x, date=DAY), caption="ไม่ได้เลือก", in_report=False)
    ctx = PHOTOS.gather(ReportArea(national()))
    assert (ctx["total"], ctx["photos"]) == (0, [])
    data = gather_report(national())
    from reports.rendering.build import section_parts

    parts, _big = section_parts(data)
    html = next(p for p in parts if 'id="photos"' in p)
    assert "ยังไม่มีภาพกิจกรรมที่เลือกลงรายงานในช่วงเวลานี้" in html


def test_print_copies_are_made_once_and_a_missing_file_is_left_out(world, settings):
    a = ActivityFactory(council=world.council_x, date=DAY)
    photo = photo_of(a, caption="เวที", in_report=True)
    gone = photo_of(a, caption="ไฟล์หาย", in_report=True)
    gone.image.storage.delete(gone.image.name)
    first = print_copy(photo.image.name)
    with Image.open(first) as im:
        assert (im.format, im.size) == ("JPEG", (1000, 750))
    stamp = first.stat().st_mtime_ns
    os.utime(first, ns=(stamp - 10**9, stamp - 10**9))
    assert print_copy(photo.image.name) == first and first.stat().st_mtime_ns == stamp - 10**9  # not made again
    ctx = PHOTOS.gather(ReportArea(national()))
    assert [p["caption"] for p in ctx["photos"]] == ["เวที"]
    # Other print settings make another copy (a setting changed never reuses the old size).
    settings.REPORT_PHOTO_EDGE = 600
    assert print_copy_path(photo.image.name) != first
    with Image.open(print_copy(photo.image.name)) as im:
        assert im.size == (600, 450)


def test_a_national_report_with_24_camera_photos_stays_within_its_budget(world, tmp_path, settings):
    assert settings.REPORT_PHOTOS_MAX == 24
    councils = [world.council_x, world.council_y, world.council_z, world.council_w]
    councils += [
        CouncilFactory(subdistrict=SubdistrictFactory(district=world.far_district, code=f"57010{i}")) for i in (2, 3)
    ]
    for i in range(30):  # more chosen than the cap: 24 go in
        activity = ActivityFactory(council=councils[i % len(councils)], date=DAY)
        photo_of(activity, caption=f"ภาพกิจกรรมที่ {i + 1}", in_report=True, data=camera_jpeg(seed=i))
    target = tmp_path / "national.pdf"
    build_pdf(gather_report(national()), str(target))
    images = pdf_images(target)
    assert len(images) == 24 and all(size == (1000, 750) for size in images)
    copies = list(pdf_image_dir().rglob("*.jpg"))  # made for the 24 picked only, each photo-weight
    assert len(copies) == 24 and sum(f.stat().st_size for f in copies) > 24 * 80_000
    assert target.stat().st_size < BUDGET_BYTES, target.stat().st_size


def test_a_chosen_meeting_photo_goes_into_the_pdf_with_its_district_and_date(world, tmp_path):
    from meetings.choices import MeetingKind, MeetingStatus
    from meetings.models import Meeting, MeetingPhoto

    meeting = Meeting.objects.create(
        kind=MeetingKind.DISTRICT, title="ประชุมกลไก", date=dt.date(2026, 3, 3), district=world.district,
        status=MeetingStatus.HELD,
    )
    photo = MeetingPhoto(meeting=meeting, caption="เวทีกลไกอำเภอจอมทอง", in_report=True)
    photo.image.save("m.jpg", SimpleUploadedFile("m.jpg", camera_jpeg((1600, 1200), seed=3)), save=True)
    photo_of(ActivityFactory(council=world.council_x, date=DAY), caption="เยาวชนปลูกป่า", in_report=True)
    target = tmp_path / "r.pdf"
    build_pdf(gather_report(national()), str(target), thai_numerals=False)
    assert len(pdf_images(target)) == 2
    text = "".join(run("pdftotext", "-raw", str(target), "-").split())
    assert "เวทีกลไกอำเภอจอมทอง" in text and "อำเภอจอมทอง·3มีนาคม2569" in text and "เยาวชนปลูกป่า" in text
