from django import forms
from django.contrib.auth.forms import AuthenticationForm, PasswordChangeForm
from django.utils.translation import gettext_lazy as _


class LoginForm(AuthenticationForm):
    error_messages = {
        "invalid_login": _("ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง (ตัวพิมพ์เล็ก-ใหญ่มีผล)"),
        "inactive": _("บัญชีนี้ถูกระงับการใช้งาน"),
    }

    def __init__(self, request=None, *args, **kwargs):
        super().__init__(request, *args, **kwargs)
        self.fields["username"].label = _("ชื่อผู้ใช้")
        self.fields["username"].error_messages["required"] = _("กรุณากรอกชื่อผู้ใช้")
        self.fields["username"].widget.attrs.update({"autocomplete": "username", "autocapitalize": "none"})
        self.fields["password"].label = _("รหัสผ่าน")
        self.fields["password"].error_messages["required"] = _("กรุณากรอกรหัสผ่าน")


class ThaiPasswordChangeForm(PasswordChangeForm):
    error_messages = {
        **PasswordChangeForm.error_messages,
        "password_incorrect": _("รหัสผ่านเดิมไม่ถูกต้อง กรุณาลองอีกครั้ง"),
        "password_mismatch": _("รหัสผ่านใหม่ทั้งสองช่องไม่ตรงกัน"),
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["old_password"].label = _("รหัสผ่านเดิม")
        self.fields["new_password1"].label = _("รหัสผ่านใหม่")
        self.fields["new_password2"].label = _("ยืนยันรหัสผ่านใหม่")
        for field in self.fields.values():
            field.error_messages["required"] = _("กรุณากรอกช่องนี้")
            field.widget = forms.PasswordInput(attrs={"autocomplete": "new-password"})
        self.fields["old_password"].widget.attrs["autocomplete"] = "current-password"


class NotificationSettingsForm(forms.Form):
    email_digest = forms.BooleanField(
        label=_("รับอีเมลสรุปรายวันแทนอีเมลทีละเรื่อง"),
        required=False,
    )


class ApiTokenForm(forms.Form):
    name = forms.CharField(
        label=_("ชื่อโทเค็น"),
        max_length=100,
        help_text=_("ตั้งชื่อให้รู้ว่าใช้กับระบบใด เช่น “สคริปต์ดึงข้อมูลรายเดือน”"),
        error_messages={"required": _("กรุณาตั้งชื่อโทเค็น เช่น ชื่อระบบที่จะใช้"), "max_length": _("ชื่อยาวเกิน 100 ตัวอักษร")},
    )
