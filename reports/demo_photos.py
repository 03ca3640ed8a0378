"""The small demo's photos: photo-like pictures (a sky, hills, fields, a few houses and
people) drawn with Pillow, never downloaded, deterministic for a seed, 1200×800 JPEG of
some 40–70 KB. A share of each fiscal year's activities and held meetings gets one or
two, captioned in Thai; a handful a year is chosen for the annual report, so every
finished year's report has a filled photo section.

Idempotent: a year whose activities already have photos is left alone. Fast: a few
pictures are drawn once and their bytes reused under each photo's own name.
"""

from __future__ import annotations

import io
import random
from functools import cache

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from PIL import Image, ImageDraw, ImageOps

from common.thai import fiscal_year_bounds
from councils.choices import ActivityKind
from councils.models import Activity, ActivityPhoto
from meetings.choices import MeetingStatus
from meetings.models import Meeting, MeetingPhoto

SIZE = (1200, 800)
PICTURES = 12  # distinct pictures drawn; photos reuse them
EVERY_NTH_ACTIVITY = 3  # a third of the activities get photos
REPORT_ACTIVITY_PHOTOS = 6  # chosen for the annual report a year
REPORT_MEETING_PHOTOS = 2

CAPTIONS = {
    ActivityKind.COUNCIL_MEETING: ("สมาชิกสภาองค์กรชุมชนร่วมประชุมประจำไตรมาส {village}", "ผู้แทนหมู่บ้านรายงานสถานการณ์ในชุมชน"),
    ActivityKind.FORUM: ("เวทีประชาคมร่วมกับ อบต. จัดลำดับความต้องการของชุมชน", "ชาวบ้าน{village}ร่วมแสดงความคิดเห็นในเวที"),
    ActivityKind.PROJECT: ("ชาวบ้านร่วมกันสร้างฝายชะลอน้ำ {village}", "ปลูกป่าต้นน้ำและทำแนวกันไฟร่วมกับโรงเรียน"),
    ActivityKind.TRAINING: ("อบรมการจัดทำแผนพัฒนาชุมชนให้แกนนำ {village}", "แกนนำฝึกจัดทำบัญชีกองทุนสวัสดิการ"),
    ActivityKind.ANTI_CORRUPTION: ("ตรวจติดตามโครงการก่อสร้างถนนร่วมกับอำเภอ", "เวทีเฝ้าระวังการทุจริต {village}"),
    ActivityKind.ELECTION_SUPPORT: ("รณรงค์ให้ชาวบ้านออกมาใช้สิทธิเลือกตั้ง {village}", "ติดป้ายประชาสัมพันธ์การเลือกตั้ง"),
    ActivityKind.LEARNING_EXCHANGE: ("ศึกษาดูงานธนาคารต้นไม้ตำบลพี่เลี้ยง", "แลกเปลี่ยนเรียนรู้เรื่องกองทุนสวัสดิการชุมชน"),
    ActivityKind.OTHER: ("จิตอาสาซ่อมแซมบ้านผู้สูงอายุ {village}", "สำรวจข้อมูลครัวเรือนเปราะบาง {village}"),
}
MEETING_CAPTIONS = (
    "ที่ประชุมกลไกระดับอำเภอ{district}ติดตามข้อติดขัดของตำบล",
    "ผู้แทนสภาองค์กรชุมชนตำบลนำเสนอแผนพัฒนาตำบลต่อที่ประชุม",
    "หัวหน้าส่วนราชการในอำเภอ{district}ร่วมพิจารณามติที่ประชุม",
)


@cache
def demo_picture(seed: int) -> bytes:
    """A photo-like JPEG for ``seed``: the same bytes for the same seed."""
    rng = random.Random(seed)
    w, h = SIZE
    sky_top = (rng.randrange(60, 140), rng.randrange(120, 190), rng.randrange(200, 250))
    sky_low = (rng.randrange(200, 255), rng.randrange(190, 240), rng.randrange(150, 220))
    image = ImageOps.colorize(Image.linear_gradient("L").resize((w, h)), sky_top, sky_low)
    draw = ImageDraw.Draw(image)
    sun = (rng.randrange(100, w - 100), rng.randrange(60, h // 3))
    draw.ellipse((sun[0] - 45, sun[1] - 45, sun[0] + 45, sun[1] + 45), fill=(255, 236, 170))
    for layer, base in enumerate((h * 0.45, h * 0.55)):  # two ranges of hills, the far one paler
        green = (40 + layer * 10 + rng.randrange(30), 90 + layer * 30 + rng.randrange(40), 60 + rng.randrange(30))
        points, x = [(0, h)], 0
        while x <= w:
            points.append((x, base - rng.randrange(0, int(h * 0.18))))
            x += rng.randrange(80, 200)
        points += [(w, base), (w, h)]
        draw.polygon(points, fill=green)
    field = (rng.randrange(150, 200), rng.randrange(160, 200), rng.randrange(60, 100))
    draw.rectangle((0, int(h * 0.72), w, h), fill=field)
    for _ in range(rng.randrange(2, 5)):  # houses
        x, y = rng.randrange(40, w - 200), rng.randrange(int(h * 0.6), int(h * 0.7))
        wall = (rng.randrange(150, 230), rng.randrange(110, 180), rng.randrange(70, 120))
        draw.rectangle((x, y, x + 140, y + 90), fill=wall)
        draw.polygon([(x - 15, y), (x + 70, y - 60), (x + 155, y)], fill=(150, 50 + rng.randrange(40), 40))
    for _ in range(rng.randrange(6, 14)):  # people
        x, y = rng.randrange(20, w - 40), rng.randrange(int(h * 0.74), h - 90)
        shirt = (rng.randrange(256), rng.randrange(256), rng.randrange(256))
        draw.ellipse((x + 6, y, x + 30, y + 24), fill=(120, 80, 60))
        draw.rounded_rectangle((x, y + 24, x + 36, y + 86), radius=10, fill=shirt)
    out = io.BytesIO()
    image.save(out, "JPEG", quality=72, optimize=True, progressive=True)
    return out.getvalue()


def _stored(name: str, seed: int) -> str:
    if not default_storage.exists(name):
        name = default_storage.save(name, ContentFile(demo_picture(seed % PICTURES)))
    return name


def _village(activity) -> str:
    return f"ตำบล{activity.council.subdistrict.name_th}"


def photos_ensure(*, districts, fiscal_years) -> None:
    """Photos for the activities and held meetings of ``districts`` in each of
    ``fiscal_years`` that has none yet."""
    for year in fiscal_years:
        activities = list(
            Activity.objects.filter(council__subdistrict__district__in=districts, fiscal_year=year)
            .select_related("council__subdistrict")
            .order_by("council__subdistrict__code", "date", "pk")
        )
        if not activities or ActivityPhoto.objects.filter(activity__in=activities).exists():
            continue
        _activity_photos(activities[::EVERY_NTH_ACTIVITY], year)
        meetings = list(
            Meeting.objects.filter(
                district__in=districts,
                status__in=(MeetingStatus.HELD, MeetingStatus.PUBLISHED),
                date__range=fiscal_year_bounds(year),
            )
            .select_related("district")
            .order_by("date", "pk")
        )
        # Both districts in turn (the two hold their meetings on the same days).
        _meeting_photos([m for k, m in enumerate(meetings) if k % 4 in (0, 3)], year)


def _activity_photos(activities, year: int) -> None:
    photos, chosen = [], 0
    councils_chosen: set[int] = set()
    for i, activity in enumerate(activities):
        captions = CAPTIONS.get(activity.kind, CAPTIONS[ActivityKind.OTHER])
        for n in range(1 + (i % 2)):
            # The first photo of an activity of a council not yet in the report, a few a year.
            in_report = n == 0 and chosen < REPORT_ACTIVITY_PHOTOS and activity.council_id not in councils_chosen
            if in_report:
                chosen += 1
                councils_chosen.add(activity.council_id)
            name = _stored(f"activities/demo/{year}/{activity.pk}-{n + 1}.jpg", seed=year * 7 + i * 5 + n)
            photos.append(
                ActivityPhoto(
                    activity=activity, image=name, width=SIZE[0], height=SIZE[1], in_report=in_report,
                    caption=captions[n % len(captions)].format(village=_village(activity)),
                )
            )  # fmt: skip
    ActivityPhoto.objects.bulk_create(photos)


def _meeting_photos(meetings, year: int) -> None:
    photos = []
    for i, meeting in enumerate(meetings):
        name = _stored(f"meetings/photos/demo/{year}/{meeting.pk}.jpg", seed=year * 7 + i)
        caption = MEETING_CAPTIONS[i % len(MEETING_CAPTIONS)].format(district=meeting.district.name_th)
        photos.append(
            MeetingPhoto(
                meeting=meeting, image=name, width=SIZE[0], height=SIZE[1], caption=caption,
                in_report=i < REPORT_MEETING_PHOTOS, added_by=meeting.created_by,
            )
        )  # fmt: skip
    MeetingPhoto.objects.bulk_create(photos)
