"""The demo world's agencies beyond the LAOs: the three Ministry of Interior departments
(national), their offices in the demo province and districts, a youth council, local
funds, a firm and a civil-society network, with missions and one cooperation agreement
(its signed PDF included) so the agencies' pages show real content. Idempotent: a re-run
finds every row by its name and writes nothing new."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal

from django.core.files.base import ContentFile
from pypdf import PdfWriter

from agencies.choices import AgencyKind
from agencies.models import Agency, CooperationAgreement, Mission
from geo.models import District, Province, Subdistrict, Theme

DEMO_PROVINCE = "50"

NATIONAL = [
    (AgencyKind.DOPA, "กรมการปกครอง"),
    (AgencyKind.DLA, "กรมส่งเสริมการปกครองท้องถิ่น"),
    (AgencyKind.CDD_DEPARTMENT, "กรมการพัฒนาชุมชน"),
]
PROVINCIAL = [
    (AgencyKind.PROVINCIAL_ADMINISTRATION_OFFICE, "ที่ทำการปกครองจังหวัด{p}"),
    (AgencyKind.PROVINCIAL_LOCAL_OFFICE, "สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัด{p}"),
    (AgencyKind.PROVINCIAL_CDD_OFFICE, "สำนักงานพัฒนาชุมชนจังหวัด{p}"),
]
DISTRICT = [
    (AgencyKind.DISTRICT_OFFICE, "ที่ว่าการอำเภอ{d}"),
    (AgencyKind.DISTRICT_LOCAL_OFFICE, "สำนักงานท้องถิ่นอำเภอ{d}"),
    (AgencyKind.CDD, "สำนักงานพัฒนาชุมชนอำเภอ{d}"),
]
# (agency name template, theme code, title, budget line, amount, contact)
MISSIONS = [
    ("กรมการพัฒนาชุมชน", "community-economy", "ส่งเสริมเศรษฐกิจฐานรากและกลุ่มอาชีพในชุมชน",
     "แผนงานพื้นฐานด้านการพัฒนาเศรษฐกิจฐานราก", Decimal("25000000"), ("ฝ่ายประสานงานภาคี", "", "")),
    ("กรมส่งเสริมการปกครองท้องถิ่น", "quality-of-life", "สนับสนุน อปท. ให้บรรจุแผนชุมชนในแผนพัฒนาท้องถิ่น",
     "", None, ("", "", "")),
    ("สำนักงานพัฒนาชุมชนจังหวัด{p}", "welfare", "สนับสนุนกองทุนสวัสดิการชุมชนระดับตำบล",
     "โครงการเสริมสร้างความมั่นคงกองทุนสวัสดิการชุมชน", Decimal("450000"),
     ("นางสาวพรทิพย์ ใจดี", "053-112-233", "welfare.cm@example.org")),
    ("ที่ว่าการอำเภอ{d}", "anti-corruption", "เวทีเฝ้าระวังการทุจริตร่วมกับเครือข่ายภาคประชาชน",
     "งบบริหารทั่วไปของอำเภอ", Decimal("30000"), ("ปลัดอำเภอฝ่ายความมั่นคง", "053-341-000", "")),
    ("สำนักงานท้องถิ่นอำเภอ{d}", "quality-of-life", "ให้คำปรึกษาการเชื่อมแผนชุมชนกับแผนพัฒนาท้องถิ่น",
     "", None, ("ท้องถิ่นอำเภอ", "053-341-111", "")),
]  # fmt: skip
AGREEMENT_TITLE = "บันทึกข้อตกลงความร่วมมือการขับเคลื่อนกลไกเชื่อมโยงงานระดับอำเภอ จังหวัด{p}"


def _ensure(kind, name, **area) -> Agency:
    agency, _ = Agency.objects.get_or_create(kind=kind, name=name, defaults=area)
    return agency


def _demo_pdf(title: str) -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)  # A4
    writer.add_metadata({"/Title": title})
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def agencies_ensure(*, districts: list[District], fiscal_year: int, themes: dict[str, Theme]) -> dict[str, Agency]:
    """Every demo agency by name (the districts' first tambon holds the local funds)."""
    province = Province.objects.get(code=DEMO_PROVINCE)
    p = province.name_th
    made: dict[str, Agency] = {}
    for kind, name in NATIONAL:
        made[name] = _ensure(kind, name)
    for kind, template in PROVINCIAL:
        name = template.format(p=p)
        made[name] = _ensure(kind, name, province=province)
    for district in districts:
        for kind, template in DISTRICT:
            name = template.format(d=district.name_th)
            made[name] = _ensure(kind, name, province=province, district=district)
    first = districts[0]
    tambon = Subdistrict.objects.filter(district=first).order_by("code").first()
    local = {"province": province, "district": first}
    extra = [
        (AgencyKind.YOUTH_COUNCIL, f"สภาเด็กและเยาวชนอำเภอ{first.name_th}", local),
        (AgencyKind.VILLAGE_FUND, f"กองทุนหมู่บ้านตำบล{tambon.name_th}", {**local, "subdistrict": tambon}),
        (AgencyKind.WELFARE_FUND, f"กองทุนสวัสดิการชุมชนตำบล{tambon.name_th}", {**local, "subdistrict": tambon}),
        (AgencyKind.FIRM, f"บริษัท ประชารัฐรักสามัคคี{p} (วิสาหกิจเพื่อสังคม) จำกัด", {"province": province}),
        (AgencyKind.CIVIL_NETWORK, f"เครือข่ายภาคประชาชนต่อต้านการทุจริตจังหวัด{p}", {"province": province}),
    ]
    for kind, name, area in extra:
        made[name] = _ensure(kind, name, **area)

    for template, theme, title, budget_line, amount, (contact, phone, email) in MISSIONS:
        agency = made[template.format(p=p, d=first.name_th)]
        for year in (fiscal_year, fiscal_year - 1):
            Mission.objects.get_or_create(
                agency=agency,
                fiscal_year=year,
                title=title,
                defaults={
                    "theme": themes[theme],
                    "budget_line": budget_line,
                    "budget_amount": amount,
                    "contact_name": contact,
                    "contact_phone": phone,
                    "contact_email": email,
                    "description": "ภารกิจตัวอย่างสำหรับทดลองใช้งาน",
                },  # fmt: skip
            )
    _agreement_ensure(made, province=province, fiscal_year=fiscal_year)
    return made


def _agreement_ensure(made: dict[str, Agency], *, province: Province, fiscal_year: int) -> None:
    p = province.name_th
    owner = made[f"สำนักงานพัฒนาชุมชนจังหวัด{p}"]
    title = AGREEMENT_TITLE.format(p=p)
    start = dt.date(fiscal_year - 543 - 1, 10, 1)  # the fiscal year's first day (CE)
    agreement, created = CooperationAgreement.objects.get_or_create(
        agency=owner,
        title=title,
        defaults={
            "signed_on": start - dt.timedelta(days=14),
            "starts_on": start,
            "ends_on": dt.date(start.year + 3, 9, 30),
            "province": province,
            "is_public": True,
            "other_parties": "สถาบันพัฒนาองค์กรชุมชน (องค์การมหาชน)\nสภาองค์กรชุมชนตำบลในจังหวัด" + p,
        },  # fmt: skip
    )
    if created:
        agreement.other_agencies.set([made[f"ที่ทำการปกครองจังหวัด{p}"], made[f"สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัด{p}"]])
    if not agreement.file:
        agreement.file.save("mou-demo.pdf", ContentFile(_demo_pdf(title)))
