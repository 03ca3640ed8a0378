"""django-import-export resources for the admin: councils, community organizations and
council members, with the same Thai column headers as the import page and its templates
(councils/imports/columns.py).

Cells are parsed by the same parsers as the fast import path (councils/imports/cells.py),
so a Buddhist-era date, Thai digits or an unknown label get the same Thai message in the
admin. Every exported text cell is neutralised for Excel. The members resource never
reads or writes a national ID number.
"""

import datetime as dt

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from import_export import fields, resources, widgets

from geo.models import Subdistrict

from .choices import CouncilStatus, ImportKind, MemberPosition, OrganizationKind
from .imports import cells
from .imports.cells import CellError, Era
from .imports.columns import COLUMNS, ORGANIZATION_CODE, TAMBON_CODE
from .imports.excel import neutralise
from .models import CommunityOrganization, Council, CouncilMember, Person


def _header(kind: str, key: str) -> str:
    return next(column.header for column in COLUMNS[kind] if column.key == key)


def _blank(value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


class CellWidget(widgets.Widget):
    """Import a cell through one of the fast path's parsers; a blank cell is ``blank``."""

    def __init__(self, parse, *, blank=None, **kwargs):
        self.parse = parse
        self.blank = blank
        super().__init__(**kwargs)

    def clean(self, value, row=None, **kwargs):
        if _blank(value):
            return self.blank
        try:
            return self.parse(value.strip() if isinstance(value, str) else value)
        except CellError as error:
            raise ValueError(error.message) from None


class ChoiceLabelWidget(CellWidget):
    """A TextChoices field shown and read by its Thai label (the stored value is accepted too)."""

    def __init__(self, choices, *, default=None, **kwargs):
        self.labels = dict(choices.choices)
        lookup = cells.choice_lookup(choices)
        labels = ", ".join(str(label) for label in choices.labels)
        super().__init__(lambda raw: cells.choice(raw, lookup=lookup, labels=labels), blank=default, **kwargs)

    def render(self, value, obj=None, **kwargs):
        return str(self.labels.get(value, value or ""))


class BuddhistDateWidget(CellWidget):
    """Dates written dd/mm/yyyy in the Buddhist era, under a "(พ.ศ.)" header."""

    def __init__(self, *, not_future=False, **kwargs):
        super().__init__(lambda raw: cells.date_in_era(raw, era=Era.BE, not_future=not_future), **kwargs)

    def render(self, value, obj=None, **kwargs):
        return cells.format_date(value, Era.BE)


class TextWidget(CellWidget):
    def __init__(self, max_length=None, **kwargs):
        super().__init__(lambda raw: cells.text(raw, max_length=max_length), blank="", **kwargs)


class SafeExportMixin:
    """Neutralise every exported text cell (one helper for every export).

    ``export_field`` (CSV, and the admin's export through tablib) puts an apostrophe in
    front of formula-like text; ``export_typed`` gives the values for an XLSX sheet, typed:
    dates as dates, whole numbers as numbers, everything else as its rendered text, left
    as it is for councils.imports.excel.xlsx_cell to write as a quote-prefixed text cell."""

    def export_field(self, field, instance, **kwargs):
        return neutralise(super().export_field(field, instance, **kwargs))

    def export_typed(self, instance) -> list:
        values = []
        for field in self.get_export_fields():
            raw = field.get_value(instance)
            if raw is None or (isinstance(raw, (dt.date, int)) and not isinstance(raw, bool)):
                values.append(raw)
            else:
                values.append(super().export_field(field, instance))
        return values


def _text(kind, key, model, name=None, **kwargs):
    return fields.Field(
        attribute=name or key,
        column_name=_header(kind, key),
        widget=TextWidget(max_length=model._meta.get_field(name or key).max_length),
        **kwargs,
    )


C, ORG, M = ImportKind.COUNCILS, ImportKind.ORGANIZATIONS, ImportKind.MEMBERS


class CouncilResource(SafeExportMixin, resources.ModelResource):
    subdistrict = fields.Field(
        attribute="subdistrict", column_name=TAMBON_CODE, widget=widgets.ForeignKeyWidget(Subdistrict, "code")
    )
    name = _text(C, "name", Council)
    status = fields.Field(
        attribute="status", column_name=_header(C, "status"),
        widget=ChoiceLabelWidget(CouncilStatus, default=CouncilStatus.ACTIVE),
    )
    registration_number = _text(C, "registration_number", Council)
    registered_on = fields.Field(
        attribute="registered_on", column_name=_header(C, "registered_on"), widget=BuddhistDateWidget(not_future=True)
    )
    address = _text(C, "address", Council)
    phone = _text(C, "phone", Council)
    email = fields.Field(attribute="email", column_name=_header(C, "email"), widget=CellWidget(cells.email, blank=""))
    contact_name = _text(C, "contact_name", Council)

    class Meta:
        model = Council
        fields = ("subdistrict", "name", "status", "registration_number", "registered_on", "address", "phone",
                  "email", "contact_name")
        import_id_fields = ("subdistrict",)
        skip_unchanged = True

    def get_queryset(self):
        return Council.objects.select_related("subdistrict")


class CommunityOrganizationResource(SafeExportMixin, resources.ModelResource):
    code = _text(ORG, "code", CommunityOrganization)
    name = _text(ORG, "name", CommunityOrganization)
    kind = fields.Field(attribute="kind", column_name=_header(ORG, "kind"), widget=ChoiceLabelWidget(OrganizationKind))
    council = fields.Field(
        attribute="council", column_name=TAMBON_CODE, widget=widgets.ForeignKeyWidget(Council, "subdistrict__code")
    )
    village_code = fields.Field(
        attribute="village_code", column_name=_header(ORG, "village_code"),
        widget=CellWidget(lambda raw: cells.digit_code(raw, length=8), blank=""),
    )
    village_name = _text(ORG, "village_name", CommunityOrganization)
    founded_on = fields.Field(
        attribute="founded_on", column_name=_header(ORG, "founded_on"), widget=BuddhistDateWidget(not_future=True)
    )
    registered_on = fields.Field(
        attribute="registered_on", column_name=_header(ORG, "registered_on"), widget=BuddhistDateWidget(not_future=True)
    )
    member_count = fields.Field(
        attribute="member_count", column_name=_header(ORG, "member_count"), widget=CellWidget(cells.whole_number, blank=0)
    )

    class Meta:
        model = CommunityOrganization
        fields = ("code", "name", "kind", "council", "village_code", "village_name", "founded_on", "registered_on",
                  "member_count")
        import_id_fields = ("code",)
        skip_unchanged = True

    def get_queryset(self):
        return CommunityOrganization.objects.select_related("council__subdistrict")


class CouncilMemberResource(SafeExportMixin, resources.ModelResource):
    """Members by name, organization, position and term. No national ID, no phone number
    in exports (PDPA: the least data); a phone given in an import is kept on the person."""

    council = fields.Field(
        attribute="council", column_name=TAMBON_CODE, widget=widgets.ForeignKeyWidget(Council, "subdistrict__code")
    )
    full_name = fields.Field(attribute="person__full_name", column_name=_header(M, "full_name"), readonly=True)
    position = fields.Field(
        attribute="position", column_name=_header(M, "position"),
        widget=ChoiceLabelWidget(MemberPosition, default=MemberPosition.MEMBER),
    )
    organization = fields.Field(
        attribute="organization", column_name=ORGANIZATION_CODE,
        widget=widgets.ForeignKeyWidget(CommunityOrganization, "code"),
    )
    term_start = fields.Field(attribute="term_start", column_name=_header(M, "term_start"), widget=BuddhistDateWidget())
    term_end = fields.Field(attribute="term_end", column_name=_header(M, "term_end"), widget=BuddhistDateWidget())

    class Meta:
        model = CouncilMember
        fields = ("council", "full_name", "position", "organization", "term_start", "term_end")
        force_init_instance = True  # a row is always a new term; people are not matched by name

    def get_queryset(self):
        return CouncilMember.objects.select_related("council__subdistrict", "person", "organization")

    def import_instance(self, instance, row, **kwargs):
        errors = {}
        try:
            super().import_instance(instance, row, **kwargs)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        name = " ".join(str(row.get(_header(M, "full_name")) or "").split())
        phone = str(row.get(_header(M, "phone")) or "").strip()
        if not name:
            errors.setdefault("person", []).append(_("ชื่อ-สกุล: ห้ามเว้นว่าง"))
        instance.person = Person(full_name=name, phone=phone)
        if instance.organization_id and instance.council_id and instance.organization.council_id != instance.council_id:
            errors.setdefault("organization", []).append(_("องค์กรนี้ไม่ได้อยู่ในสภาของตำบลนี้"))
        if errors:
            raise ValidationError(errors)

    def before_save_instance(self, instance, row, **kwargs):
        instance.person.save()
        instance.person = instance.person  # sets person_id now that the person has one
