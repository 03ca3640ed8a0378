"""Shared DRF pieces: the API's one exception handler, and the error answers it gives,
declared once in the OpenAPI schema for every operation.

Services raise Django's ValidationError and PermissionDenied, views raise Http404; the
handler turns them into the answers below, so every door of the API fails the same way:

* 400 ``{"<field>": ["<Thai message>", ...], "non_field_errors": [...]}`` (nested inputs nest)
* 403 ``{"detail": ...}`` not signed in, a token that is not valid (session authentication
  comes first, and it sends no challenge, so DRF answers 403 rather than 401), or signed in
  without the right
* 404 ``{"detail": ...}`` outside the user's scope, or no such row (an id that is not a
  number included); ``page_not_found`` answers the same for a URL under /api/ that no
  route matches (``/api/v1/mentorships/2.5/visits/``), where Django would send HTML
"""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import JsonResponse
from django.utils.translation import gettext as _
from django.views import defaults
from rest_framework import serializers
from rest_framework.views import exception_handler as drf_exception_handler


def exception_handler(exc, context):
    """Services raise Django's ValidationError; answer it as a 400 with the Thai messages."""
    if isinstance(exc, DjangoValidationError):
        detail = exc.message_dict if hasattr(exc, "error_dict") else {"non_field_errors": exc.messages}
        exc = serializers.ValidationError(detail)
    return drf_exception_handler(exc, context)


def page_not_found(request, exception):
    """handler404: JSON like every other API answer under /api/, Django's page elsewhere."""
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": _("ไม่พบข้อมูลที่ขอ")}, status=404)
    return defaults.page_not_found(request, exception)


# The schema side ------------------------------------------------------------------------------

ERROR_COMPONENTS = {
    "ErrorDetail": {
        "type": "object",
        "description": "คำตอบเมื่อถูกปฏิเสธ: ข้อความภาษาไทยใน detail",
        "properties": {"detail": {"type": "string"}},
        "required": ["detail"],
    },
    "ValidationErrors": {
        "type": "object",
        "description": (
            "ข้อมูลไม่ถูกต้อง: ชื่อช่อง → รายการข้อความภาษาไทย (non_field_errors สำหรับข้อผิดพลาดที่ไม่ใช่ของช่องใด; "
            "ข้อมูลซ้อนกันให้คำตอบซ้อนกันตามโครงสร้างเดียวกัน) หรือ detail เมื่ออ่านเนื้อคำขอไม่ได้"
        ),
        "additionalProperties": {},
    },
}
ERROR_RESPONSES = {
    "400": ("ValidationErrors", "ข้อมูลที่ส่งมาไม่ถูกต้อง"),
    "403": ("ErrorDetail", "ไม่ได้เข้าสู่ระบบ หรือไม่มีสิทธิ์"),
    "404": ("ErrorDetail", "ไม่พบ หรืออยู่นอกพื้นที่ที่ผู้ใช้รับผิดชอบ"),
}
HTTP_METHODS = {"get", "put", "post", "patch", "delete", "head", "options", "trace"}


def _takes_input(operation: dict) -> bool:
    return "requestBody" in operation or any(p.get("in") == "query" for p in operation.get("parameters", []))


def document_error_responses(result, generator, request, public):
    """drf-spectacular postprocessing hook: every operation answers 403 and 404 as the
    exception handler does; operations that read a body or a query also answer 400, and so
    does a DELETE (a service may refuse to remove what is still in use, e.g. a plan item
    that is part of a subsidy proposal). A view
    that documents one of these itself keeps its own."""
    components = result.setdefault("components", {})
    components.setdefault("schemas", {}).update(ERROR_COMPONENTS)
    components.setdefault("responses", {}).update(
        {
            code: {
                "description": description,
                "content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{schema}"}}},
            }
            for code, (schema, description) in ERROR_RESPONSES.items()
        }
    )
    for path_item in result.get("paths", {}).values():
        for method, operation in path_item.items():
            if method not in HTTP_METHODS:
                continue
            responses = operation.setdefault("responses", {})
            for code in ERROR_RESPONSES:
                if code == "400" and not (_takes_input(operation) or method == "delete"):
                    continue
                responses.setdefault(code, {"$ref": f"#/components/responses/{code}"})
    return result
