"""The API's personal tokens: ``Authorization: Bearer tcp_…`` (accounts.tokens). DRF's own
TokenAuthentication (``Token …``, one per user, made in the admin) keeps working beside it."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework import authentication, exceptions

from .tokens import api_token_authenticate


class ApiTokenAuthentication(authentication.BaseAuthentication):
    keyword = "Bearer"

    def authenticate(self, request):
        parts = authentication.get_authorization_header(request).split()
        if not parts or parts[0].lower() != self.keyword.lower().encode():
            return None
        if len(parts) != 2:
            raise exceptions.AuthenticationFailed(_("ส่งโทเค็นในรูปแบบ Authorization: Bearer <โทเค็น>"))
        try:
            key = parts[1].decode()
        except UnicodeError:
            raise exceptions.AuthenticationFailed(_("โทเค็นไม่ถูกต้อง")) from None
        token = api_token_authenticate(key)
        if token is None:
            raise exceptions.AuthenticationFailed(_("โทเค็นไม่ถูกต้องหรือถูกเพิกถอนแล้ว"))
        return token.user, token

    def authenticate_header(self, request):
        return self.keyword


class ApiTokenScheme(OpenApiAuthenticationExtension):
    target_class = "accounts.authentication.ApiTokenAuthentication"
    name = "personalToken"

    def get_security_definition(self, auto_schema):
        return {
            "type": "http",
            "scheme": "bearer",
            "description": "โทเค็นส่วนตัวที่สร้างได้ที่หน้า “โทเค็น API” ของผู้ใช้ (/accounts/tokens/)",
        }
