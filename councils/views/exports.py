"""CSV and XLSX exports of councils, organizations and members, scoped to the user.

Columns and headers come from the django-import-export resources (councils/resources.py),
which neutralise every text cell for Excel. Rows are streamed from the database in
chunks, so a national export does not sit in memory: CSV is streamed to the client, XLSX
is written by openpyxl's write-only mode to a temporary file and then sent.
"""

import csv
import tempfile

import openpyxl
from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import FileResponse, Http404, StreamingHttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from common.rules import require

from .. import permissions
from ..choices import ImportKind
from ..resources import CommunityOrganizationResource, CouncilMemberResource, CouncilResource
from ..selectors import imports as selectors

EXPORTS = {
    ImportKind.COUNCILS: (CouncilResource, selectors.councils_for_export),
    ImportKind.ORGANIZATIONS: (CommunityOrganizationResource, selectors.organizations_for_export),
    ImportKind.MEMBERS: (CouncilMemberResource, selectors.members_for_export),
}
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class _Echo:
    def write(self, value):
        return value


def _rows(resource, queryset):
    for instance in resource.iter_queryset(queryset):
        yield resource.export_resource(instance)


def _xlsx_cell(value):
    return ILLEGAL_CHARACTERS_RE.sub("", value) if isinstance(value, str) else value


class ExportView(LoginRequiredMixin, View):
    def get(self, request, kind, fmt):
        if kind not in EXPORTS or fmt not in ("csv", "xlsx"):
            raise Http404(_("ไม่พบไฟล์ส่งออกนี้"))
        if kind == ImportKind.MEMBERS:  # the same rule as the members pages
            require(permissions.can_export_members, user=request.user)
        resource_class, selector = EXPORTS[kind]
        resource = resource_class()
        queryset = selector(user=request.user)
        headers = resource.get_export_headers()
        filename = f"{kind}-{timezone.localdate():%Y%m%d}.{fmt}"
        if fmt == "csv":
            writer = csv.writer(_Echo())

            def lines():
                yield "\ufeff" + writer.writerow(headers)  # the BOM makes Excel read the file as UTF-8
                for row in _rows(resource, queryset):
                    yield writer.writerow(row)

            response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
        else:
            workbook = openpyxl.Workbook(write_only=True)
            sheet = workbook.create_sheet(str(ImportKind(kind).label)[:31])
            sheet.append(headers)
            for row in _rows(resource, queryset):
                sheet.append([_xlsx_cell(value) for value in row])
            spool = tempfile.TemporaryFile()
            workbook.save(spool)
            spool.seek(0)
            response = FileResponse(spool, content_type=XLSX_TYPE)
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        response["X-Content-Type-Options"] = "nosniff"
        return response
