"""The portal's own pages: the front page with each role's shortcuts, about, and health."""

from django.db import connection
from django.http import JsonResponse
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from accounts.choices import Role
from councils import permissions as council_permissions
from meetings import permissions as meeting_permissions
from reports import permissions as report_permissions


class HomeView(TemplateView):
    """The public front page; signed-in users also see the shortcuts of their roles."""

    template_name = "home.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        user = self.request.user
        if user.is_authenticated:
            ctx["shortcuts"] = _shortcuts(user)
        return ctx


def _shortcuts(user) -> list[dict]:
    from django.urls import reverse

    items = []
    for a in user.role_assignments.select_related("council__subdistrict", "district").prefetch_related("provinces"):
        if a.role == Role.COUNCIL_STAFF:
            code = a.council.subdistrict.code
            items.append({"label": _("แดชบอร์ดสภา: %(council)s") % {"council": a.council}, "url": reverse("councils:council_dashboard", args=[code])})
            items.append({"label": _("หน้าสภา (สาธารณะ)"), "url": reverse("councils:council_detail", args=[code])})
            items.append({"label": _("บันทึกกิจกรรม"), "url": reverse("councils:activity_create", args=[code])})
            items.append({"label": _("การประชุมของสภา"), "url": reverse("meetings:council_meetings", args=[code])})
        elif a.role == Role.DISTRICT_OFFICER:
            items.append(
                {
                    "label": _("พิจารณาการเชื่อมโยงแผน อำเภอ%(district)s") % {"district": a.district},
                    "url": reverse("plans:alignment_review", args=[a.district.code]),
                }
            )
            items.append(
                {
                    "label": _("กลไกระดับอำเภอและการประชุม อำเภอ%(district)s") % {"district": a.district},
                    "url": reverse("meetings:district_meetings", args=[a.district.code]),
                }
            )
            items.append(
                {
                    "label": _("ติดตามงานและบทเรียน อำเภอ%(district)s") % {"district": a.district},
                    "url": reverse("meetings:place_district", args=[a.district.code]),
                }
            )
        elif a.role == Role.CODI_STAFF:
            for province in a.provinces.all():
                items.append(
                    {
                        "label": _("ติดตามงานและบทเรียน จังหวัด%(province)s") % {"province": province},
                        "url": reverse("meetings:place_province", args=[province.code]),
                    }
                )
    if meeting_permissions.can_call_national_meeting(user=user):
        items.append({"label": _("บันทึกการปรึกษาหารือระดับประเทศ"), "url": reverse("meetings:national_meeting_create")})
    if report_permissions.can_request_report(user=user):
        items.append({"label": _("รายงานประจำปี"), "url": reverse("reports:report_list")})
    if council_permissions.can_manage_mentorships(user=user):
        items.append({"label": _("ตำบลพี่เลี้ยง"), "url": reverse("councils:mentorship_list")})
    items.append({"label": _("สภาในพื้นที่ของฉัน"), "url": reverse("councils:council_list")})
    items.append({"label": _("ค้นหาองค์กรชุมชน"), "url": reverse("councils:organization_list")})
    return items


class AboutView(TemplateView):
    template_name = "about.html"


def healthz(request):
    """Liveness and database check for load balancers and docker-compose."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})
