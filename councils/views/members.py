"""Council members and people (PDPA): thin views over councils.selectors.members and
councils.services.members. Outside the user's scope: 404; inside but not allowed: 403."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import TemplateView

from common.forms import add_service_errors
from common.views import ScopedObjectMixin, ServiceFormView

from .. import member_export, pdpa, permissions
from ..forms_members import EndTermForm, EraseForm, ExportForm, MemberForm, MemberUpdateForm, PersonForm, RevealForm
from ..models import CouncilMember, Person
from ..selectors import members as selectors
from ..services import members as services

# Council level ------------------------------------------------------------------------------


class CouncilMembersMixin(ScopedObjectMixin):
    """Finds the council in the user's scope (404) and checks the right to view (or, for
    the forms, to manage) its members (403)."""

    scoped_object_name = "council"
    not_found_message = gettext_lazy("ไม่พบสภาองค์กรชุมชนตำบลนี้")
    rule = permissions.can_view_members

    def get_scoped_object(self):
        return selectors.council_for_members(user=self.request.user, code=self.kwargs["code"])

    def members_url(self):
        return reverse("councils:member_list", kwargs={"code": self.council.subdistrict.code})


class MemberListView(CouncilMembersMixin, TemplateView):
    template_name = "councils/member_list.html"

    def get_context_data(self, **kwargs):
        current, past = selectors.split_current_past(selectors.council_members(council=self.council))
        return super().get_context_data(
            current=current,
            past=past,
            can_manage=permissions.can_manage_members(user=self.request.user, council=self.council),
            **kwargs,
        )


class MemberFormView(CouncilMembersMixin, ServiceFormView):
    template_name = "councils/member_form.html"
    rule = permissions.can_manage_members
    title = ""
    submit_label = gettext_lazy("บันทึก")

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            title=self.title, submit_label=self.submit_label, cancel_url=self.members_url(), **kwargs
        )

    def run_service(self, form):
        return self.save(form.cleaned_data)

    def get_success_url(self):
        return self.members_url()


class MemberCreateView(MemberFormView):
    form_class = MemberForm
    success_message = gettext_lazy("เพิ่มสมาชิกเรียบร้อยแล้ว")

    def dispatch(self, request, *args, **kwargs):
        self.person = None
        return super().dispatch(request, *args, **kwargs)

    def setup_person(self):
        raw = self.request.GET.get("person")
        if raw and self.person is None:
            try:
                self.person = selectors.person_for_page(user=self.request.user, pk=int(raw))
            except (ValueError, Person.DoesNotExist):
                raise Http404(_("ไม่พบบุคคลนี้")) from None

    def get_form_kwargs(self):
        self.setup_person()
        return {**super().get_form_kwargs(), "council": self.council, "person": self.person}

    @property
    def title(self):
        if self.person is not None:
            return _("เพิ่มวาระใหม่ของ %(name)s") % {"name": self.person.full_name}
        return _("เพิ่มสมาชิกสภา")

    def save(self, data):
        services.member_add(council=self.council, by=self.request.user, person=self.person, **data)


class MemberEditMixin:
    def get_member(self) -> CouncilMember:
        if not hasattr(self, "member"):
            try:
                self.member = selectors.member_for_edit(user=self.request.user, council=self.council, pk=self.kwargs["pk"])
            except CouncilMember.DoesNotExist:
                raise Http404(_("ไม่พบวาระนี้")) from None
        return self.member


class MemberUpdateView(MemberEditMixin, MemberFormView):
    form_class = MemberUpdateForm
    success_message = gettext_lazy("แก้ไขวาระเรียบร้อยแล้ว")

    @property
    def title(self):
        return _("แก้ไขวาระของ %(name)s") % {"name": self.get_member().person.full_name}

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "council": self.council}

    def get_initial(self):
        member = self.get_member()
        return {name: getattr(member, name) for name in services.MEMBER_FIELDS}

    def save(self, data):
        services.member_update(member=self.get_member(), by=self.request.user, **data)


class MemberEndTermView(MemberEditMixin, MemberFormView):
    form_class = EndTermForm
    success_message = gettext_lazy("บันทึกการสิ้นสุดวาระเรียบร้อยแล้ว")
    submit_label = gettext_lazy("สิ้นสุดวาระ")

    @property
    def title(self):
        return _("สิ้นสุดวาระของ %(name)s") % {"name": self.get_member().person.full_name}

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "member": self.get_member()}

    def save(self, data):
        services.member_end_term(member=self.get_member(), by=self.request.user, term_end=data["term_end"])


# Person level -------------------------------------------------------------------------------


class PersonMixin(ScopedObjectMixin):
    """Finds the person in the user's scope (404) and checks the right to view them, then
    the page's own rule (403)."""

    scoped_object_name = "person"
    not_found_message = gettext_lazy("ไม่พบบุคคลนี้")
    rule = permissions.can_view_person
    action_rule = None  # what the page does beyond viewing: managing, revealing, erasing

    def get_scoped_object(self):
        return selectors.person_for_page(user=self.request.user, pk=self.kwargs["pk"])

    def get_rules(self):
        action = type(self).action_rule
        return super().get_rules() + ([action] if action is not None else [])

    def render_person(self, status=200, revealed="", **forms):
        user, person = self.request.user, self.person
        can_reveal = permissions.can_reveal_national_id(user=user, person=person)
        can_manage = permissions.can_manage_person(user=user, person=person)
        today = timezone.localdate()
        terms = [(term, selectors.is_current(term, today)) for term in person.visible_terms]
        context = {
            "person": person,
            "terms": terms,
            "masked_national_id": pdpa.person_masked_national_id(person),
            "revealed_national_id": revealed,
            "can_manage": can_manage,
            "can_erase": permissions.can_erase_person(user=user, person=person),
            "can_reveal": can_reveal,
            "reveals": selectors.person_reveals(person=person) if can_reveal else [],
            "reveal_form": forms.get("reveal_form") or RevealForm(),
            "export_form": forms.get("export_form") or ExportForm(allow_national_id=can_reveal),
            "erase_form": forms.get("erase_form") or EraseForm(),
        }
        response = render(self.request, "councils/person_detail.html", context, status=status)
        add_never_cache_headers(response)  # personal data: never kept by a browser or proxy cache
        return response


class PersonDetailView(PersonMixin, View):
    def get(self, request, *args, **kwargs):
        return self.render_person()


class PersonUpdateView(PersonMixin, ServiceFormView):
    template_name = "councils/member_form.html"
    form_class = PersonForm

    action_rule = permissions.can_manage_person

    def get_initial(self):
        return {"full_name": self.person.full_name, "phone": self.person.phone}

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            title=_("แก้ไขข้อมูลของ %(name)s") % {"name": self.person.full_name},
            submit_label=_("บันทึก"),
            cancel_url=reverse("councils:person_detail", kwargs={"pk": self.person.pk}),
            masked_national_id=pdpa.person_masked_national_id(self.person),
            **kwargs,
        )

    success_message = gettext_lazy("แก้ไขข้อมูลบุคคลเรียบร้อยแล้ว")

    def run_service(self, form):
        data = form.cleaned_data
        change_id = data["national_id"] or data["clear_national_id"]
        return services.person_update(
            person=self.person, by=self.request.user, full_name=data["full_name"], phone=data["phone"],
            national_id=data["national_id"] if change_id else None,
        )

    def get_success_url(self):
        return reverse("councils:person_detail", kwargs={"pk": self.person.pk})


class NationalIdRevealView(PersonMixin, View):
    action_rule = permissions.can_reveal_national_id

    def post(self, request, *args, **kwargs):
        form = RevealForm(request.POST)
        if form.is_valid():
            try:
                number = services.national_id_reveal(person=self.person, by=request.user, **form.cleaned_data)
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                return self.render_person(revealed=number)
        return self.render_person(reveal_form=form)


class PersonExportView(PersonMixin, View):
    action_rule = permissions.can_manage_person

    def post(self, request, *args, **kwargs):
        allow = permissions.can_reveal_national_id(user=request.user, person=self.person)
        form = ExportForm(request.POST, allow_national_id=allow)
        if request.POST.get("include_national_id") and not allow:
            raise PermissionDenied(_("คุณไม่มีสิทธิ์ส่งออกเลขประจำตัวประชาชนแบบเต็ม"))
        if form.is_valid():
            data = form.cleaned_data
            try:
                exported = services.person_export(
                    person=self.person,
                    by=request.user,
                    include_national_id=data.get("include_national_id", False),
                    purpose=data.get("purpose", ""),
                )
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                return self.download(exported, data["format"])
        return self.render_person(export_form=form)

    def download(self, exported: dict, kind: str) -> HttpResponse:
        stamp = timezone.localdate().isoformat()
        if kind == ExportForm.XLSX:
            body = member_export.as_xlsx(exported)
            content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        else:
            body = member_export.as_json(exported)
            content_type = "application/json; charset=utf-8"
        response = HttpResponse(body, content_type=content_type)
        response["Content-Disposition"] = f'attachment; filename="person-{self.person.pk}-{stamp}.{kind}"'
        add_never_cache_headers(response)
        return response


class PersonEraseView(PersonMixin, View):
    action_rule = permissions.can_erase_person

    def post(self, request, *args, **kwargs):
        form = EraseForm(request.POST)
        if not form.is_valid():
            return self.render_person(erase_form=form)
        councils = [c for c in selectors.person_councils(self.person)
                    if permissions.can_manage_members(user=request.user, council=c)]
        services.person_erase(person=self.person, by=request.user)
        messages.success(request, _("ลบข้อมูลของบุคคลนี้ทั้งหมดเรียบร้อยแล้ว และบันทึกการลบไว้โดยไม่มีข้อมูลส่วนบุคคล"))
        if councils:
            return redirect("councils:member_list", code=councils[0].subdistrict.code)
        return redirect("councils:council_list")
