"""councils.pdpa and the PDPA services: validation, encryption, hashing, masking, key
rotation, duplicates, export and erasure (with history)."""

import datetime as dt
import hashlib
import hmac
import json

import pytest
from cryptography.fernet import Fernet
from django.contrib.admin.models import DELETION, LogEntry
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command
from django.db import connection

from councils import pdpa
from councils.choices import MemberPosition
from councils.models import CouncilMember, NationalIdReveal, Person
from councils.services import members as services

from ..factories import CouncilMemberFactory, PersonFactory

VALID = "1234567890121"  # check digit 1
VALID_FORMATTED = "1-2345-67890-12-1"
OTHER_VALID = "3100600001231"

FORMAT_MESSAGE = "เลขประจำตัวประชาชนต้องเป็นตัวเลข 13 หลัก"
CHECKSUM_MESSAGE = "เลขหลักสุดท้าย (เลขตรวจสอบ) ไม่ตรง"
DUPLICATE_MESSAGE = "เลขประจำตัวประชาชนนี้มีอยู่แล้วในระบบ"


# Validation -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "raw",
    [
        "1234567890121",
        "1-2345-67890-12-1",
        " 1 2345 67890 12 1 ",
        "๑๒๓๔๕๖๗๘๙๐๑๒๑",
        "๑-๒๓๔๕-๖๗๘๙๐-๑๒-๑",
        "1-๒๓๔๕-67890-๑๒-1",
    ],
)
def test_dashes_spaces_and_thai_digits_are_accepted(raw):
    assert pdpa.normalize_national_id(raw) == VALID


@pytest.mark.parametrize(
    "digits", ["1234567890121", "3100600001231", "1101700123456", "5600100987651", "3509900111222"]
)
def test_known_good_numbers_pass_the_mod_11_check(digits):
    assert pdpa.normalize_national_id(digits) == digits
    assert pdpa.check_digit(digits[:12]) == int(digits[12])


@pytest.mark.parametrize("raw", ["1234567890123", "1-2345-67890-12-3", "3100600001230", "๑๒๓๔๕๖๗๘๙๐๑๒๓"])
def test_a_wrong_check_digit_is_refused_in_thai(raw):
    with pytest.raises(ValidationError) as caught:
        pdpa.normalize_national_id(raw)
    assert caught.value.code == "national_id_checksum"
    assert CHECKSUM_MESSAGE in caught.value.messages[0]


@pytest.mark.parametrize(
    "raw",
    [
        "",
        "123456789012",  # 12 digits
        "12345678901210",  # 14 digits
        "12345678901a1",
        "1/2345/67890/12/1",
        "1.2345.67890.12.1",
        "١٢٣٤٥٦٧٨٩٠١٢١",  # Arabic-Indic digits are not Thai digits
        "１２３４５６７８９０１２１",  # full-width digits
    ],
)
def test_anything_else_is_refused_with_the_format_message(raw):
    with pytest.raises(ValidationError) as caught:
        pdpa.normalize_national_id(raw)
    assert caught.value.code == "national_id_format"
    assert caught.value.messages == ["เลขประจำตัวประชาชนต้องเป็นตัวเลข 13 หลัก (พิมพ์ขีดหรือเว้นวรรคคั่นได้ ใช้เลขไทยได้)"]


# Masking ----------------------------------------------------------------------------------


def test_mask_shows_only_the_last_three_digits_in_the_thai_grouping():
    assert pdpa.mask_national_id("0123") == "x-xxxx-xxxxx-12-3"
    assert pdpa.mask_national_id(VALID[-4:]) == "x-xxxx-xxxxx-12-1"
    assert pdpa.mask_national_id("") == ""
    assert pdpa.format_national_id("1234567890123") == "1-2345-67890-12-3"


def test_stored_fields_keep_no_more_than_the_last_four_digits():
    fields = pdpa.national_id_fields(VALID_FORMATTED)
    assert fields["national_id_last4"] == "0121"
    assert len(fields["national_id_hash"]) == 64
    assert VALID not in fields["national_id_ciphertext"]
    assert pdpa.national_id_fields("") == {"national_id_ciphertext": "", "national_id_hash": None, "national_id_last4": ""}


# Encryption and hashing -------------------------------------------------------------------


def test_encryption_round_trip_and_fresh_ciphertext_each_time():
    first, second = pdpa.encrypt(VALID), pdpa.encrypt(VALID)
    assert first != second
    assert pdpa.decrypt(first) == pdpa.decrypt(second) == VALID
    assert VALID not in first


def test_hash_is_hmac_sha256_keyed_with_the_setting(settings):
    settings.NATIONAL_ID_HASH_KEY = "k" * 20 + "ey-for-this-test-only"
    expected = hmac.new(settings.NATIONAL_ID_HASH_KEY.encode(), VALID.encode(), hashlib.sha256).hexdigest()
    assert pdpa.national_id_hash(VALID) == expected
    settings.NATIONAL_ID_HASH_KEY = "another-key-another-key-another-key"
    assert pdpa.national_id_hash(VALID) != expected


def test_without_keys_both_are_derived_from_the_secret_key(settings):
    settings.FIELD_ENCRYPTION_KEY = ""
    settings.NATIONAL_ID_HASH_KEY = ""
    token, digest = pdpa.encrypt(VALID), pdpa.national_id_hash(VALID)
    assert pdpa.decrypt(token) == VALID
    settings.SECRET_KEY = "a-different-secret-key"
    assert pdpa.national_id_hash(VALID) != digest
    with pytest.raises(pdpa.NationalIdKeyError):
        pdpa.decrypt(token)


def test_key_rotation_with_a_list_of_keys(settings):
    old, new = Fernet.generate_key().decode(), Fernet.generate_key().decode()
    settings.FIELD_ENCRYPTION_KEY = old
    token = pdpa.encrypt(VALID)
    settings.FIELD_ENCRYPTION_KEY = f"{new}, {old}"
    assert pdpa.decrypt(token) == VALID  # old data still readable
    rotated = pdpa.reencrypt(token)
    settings.FIELD_ENCRYPTION_KEY = new
    assert pdpa.decrypt(rotated) == VALID
    with pytest.raises(pdpa.NationalIdKeyError):
        pdpa.decrypt(token)


@pytest.mark.django_db
def test_rotate_command_reencrypts_stored_numbers(settings, capsys):
    old, new = Fernet.generate_key().decode(), Fernet.generate_key().decode()
    settings.FIELD_ENCRYPTION_KEY = old
    person = PersonFactory(**pdpa.national_id_fields(VALID))
    PersonFactory()  # without a number: left alone
    settings.FIELD_ENCRYPTION_KEY = f"{new},{old}"
    call_command("rotate_national_id_key")
    assert "re-encrypted 1 national ID numbers" in capsys.readouterr().out
    settings.FIELD_ENCRYPTION_KEY = new
    person.refresh_from_db()
    assert pdpa.person_national_id(person) == VALID_FORMATTED


# The database never holds the plain number --------------------------------------------------


def _all_text_in(table: str) -> str:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT * FROM {table}")  # noqa: S608 (table names are ours)
        return " ".join(str(value) for row in cursor.fetchall() for value in row)


@pytest.mark.django_db
def test_database_columns_never_contain_the_plain_number(world, staff_x):
    member = services.member_add(
        council=world.council_x, by=staff_x, full_name="นายสมชาย ใจดี", national_id=VALID_FORMATTED,
        position=MemberPosition.CHAIR, term_start=dt.date(2024, 1, 15),
    )
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT national_id_ciphertext, national_id_hash, national_id_last4 FROM councils_person WHERE id = %s",
            [member.person_id],
        )
        ciphertext, digest, last4 = cursor.fetchone()
    assert ciphertext and VALID not in ciphertext and VALID_FORMATTED not in ciphertext
    assert digest == pdpa.national_id_hash(VALID)
    assert last4 == "0121"
    assert pdpa.decrypt(ciphertext) == VALID
    for table in ("councils_person", "councils_historicalperson", "councils_councilmember"):
        text = _all_text_in(table)
        assert VALID not in text and VALID_FORMATTED not in text and VALID[:9] not in text
    # history keeps no ciphertext either (excluded field)
    assert "national_id_ciphertext" not in {f.name for f in Person.history.model._meta.fields}


# Duplicates -------------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_same_number_for_two_people_is_refused_in_thai(world, staff_x, codi_staff):
    services.member_add(council=world.council_x, by=staff_x, full_name="นายหนึ่ง", national_id=VALID,
                        term_start=dt.date(2024, 1, 15))
    # the same number typed differently, on another council, by another user
    with pytest.raises(ValidationError) as caught:
        services.member_add(council=world.council_w, by=codi_staff, full_name="นายสอง",
                            national_id="๑-๒๓๔๕-๖๗๘๙๐-๑๒-๑", term_start=dt.date(2024, 1, 15))
    assert DUPLICATE_MESSAGE in caught.value.message_dict["national_id"][0]
    assert list(Person.objects.values_list("full_name", flat=True)) == ["นายหนึ่ง"]
    assert CouncilMember.objects.count() == 1
    # and when set afterwards on an existing person
    other = services.member_add(council=world.council_x, by=staff_x, full_name="นายสาม", term_start=dt.date(2024, 1, 15))
    with pytest.raises(ValidationError) as caught:
        services.person_set_national_id(person=other.person, by=staff_x, national_id=VALID_FORMATTED)
    assert DUPLICATE_MESSAGE in caught.value.message_dict["national_id"][0]
    other.person.refresh_from_db()
    assert (other.person.national_id_hash, other.person.national_id_last4) == (None, "")


@pytest.mark.django_db
def test_a_person_may_keep_their_own_number_and_clear_it(world, staff_x):
    member = services.member_add(council=world.council_x, by=staff_x, full_name="นายหนึ่ง", national_id=VALID,
                                 term_start=dt.date(2024, 1, 15))
    person = services.person_set_national_id(person=member.person, by=staff_x, national_id=VALID_FORMATTED)
    assert pdpa.person_national_id(person) == VALID_FORMATTED
    person = services.person_set_national_id(person=person, by=staff_x, national_id="")
    person.refresh_from_db()
    assert (person.national_id_ciphertext, person.national_id_hash, person.national_id_last4) == ("", None, "")
    assert person.history.first().history_user == staff_x


# Export -----------------------------------------------------------------------------------


@pytest.fixture
def person_x(world, staff_x):
    member = services.member_add(
        council=world.council_x, by=staff_x, full_name="นางสาวมาลี ศรีสุข", phone="089-111-2222",
        national_id=VALID, position=MemberPosition.SECRETARY, term_start=dt.date(2023, 6, 1), term_end=dt.date(2024, 5, 31),
    )
    services.member_add(council=world.council_x, by=staff_x, person=member.person,
                        position=MemberPosition.CHAIR, term_start=dt.date(2024, 6, 1))
    return Person.objects.get(pk=member.person_id)


@pytest.mark.django_db
def test_export_holds_everything_but_the_full_number(person_x, staff_x):
    data = services.person_export(person=person_x, by=staff_x)
    assert data["person"] == {
        "id": person_x.pk,
        "full_name": "นางสาวมาลี ศรีสุข",
        "phone": "089-111-2222",
        "national_id_masked": "x-xxxx-xxxxx-12-1",
        "created_at": person_x.created_at.isoformat(),
        "updated_at": person_x.updated_at.isoformat(),
    }
    assert [(t["position"], t["term_start"], t["term_end"], t["is_current"]) for t in data["terms"]] == [
        ("chair", "2024-06-01", None, True),
        ("secretary", "2023-06-01", "2024-05-31", False),
    ]
    assert [(h["history_type"], h["history_user"]) for h in data["person_history"]] == [("เพิ่ม", str(staff_x))]
    assert [(h["history_type"], h["position"]) for h in data["term_history"]] == [("เพิ่ม", "secretary"), ("เพิ่ม", "chair")]
    body = json.dumps(data, ensure_ascii=False)
    assert VALID not in body and VALID_FORMATTED not in body and "national_id\"" not in body
    assert NationalIdReveal.objects.count() == 0


@pytest.mark.django_db
def test_export_with_the_number_only_for_codi_and_logged(person_x, staff_x, codi_staff):
    with pytest.raises(PermissionDenied):
        services.person_export(person=person_x, by=staff_x, include_national_id=True, purpose="ตามคำขอของเจ้าของ")
    data = services.person_export(person=person_x, by=codi_staff, include_national_id=True, purpose="ตามคำขอของเจ้าของ")
    assert data["person"]["national_id"] == VALID_FORMATTED
    reveal = NationalIdReveal.objects.get()
    assert (reveal.person, reveal.revealed_by, reveal.purpose) == (
        person_x, codi_staff, "ส่งออกข้อมูลส่วนบุคคล: ตามคำขอของเจ้าของ"
    )


# Erasure ----------------------------------------------------------------------------------


def _history_rows(person_id, term_ids):
    return (
        Person.history.filter(id=person_id).count(),
        CouncilMember.history.filter(person_id=person_id).count(),
        CouncilMember.history.filter(id__in=term_ids).count(),
    )


@pytest.mark.django_db
def test_erasure_removes_the_person_terms_reveals_and_all_their_history(person_x, staff_x, codi_staff):
    services.person_update(person=person_x, by=staff_x, full_name="นางสาวมาลี ศรีสุขใจ", phone="")
    services.national_id_reveal(person=person_x, by=codi_staff, purpose="ตรวจสอบตัวตน")
    bystander = CouncilMemberFactory(council=person_x.terms.first().council)
    pk, term_ids = person_x.pk, list(person_x.terms.values_list("pk", flat=True))
    assert _history_rows(pk, term_ids) == (2, 2, 2)

    summary = services.person_erase(person=person_x, by=staff_x)

    assert summary == {"person_id": pk, "terms": 2, "history_rows": 4, "reveals": 1}
    assert not Person.objects.filter(pk=pk).exists()
    assert not CouncilMember.objects.filter(pk__in=term_ids).exists()
    assert not NationalIdReveal.objects.exists()
    assert _history_rows(pk, term_ids) == (0, 0, 0)
    # the erasure is logged, without personal data
    entry = LogEntry.objects.get(action_flag=DELETION)
    assert (entry.user, entry.object_id, entry.object_repr) == (staff_x, str(pk), f"Person #{pk}")
    assert "มาลี" not in entry.change_message and "0121" not in entry.change_message
    assert entry.change_message.startswith("ลบข้อมูลส่วนบุคคลตามคำขอของเจ้าของข้อมูล (PDPA): วาระ 2 รายการ")
    # nobody else's data went with it
    assert Person.objects.get() == bystander.person
    assert Person.history.filter(id=bystander.person_id).count() == 1


@pytest.mark.django_db
def test_erasure_of_a_person_on_another_council_too_is_refused_for_council_staff(person_x, world, staff_x, codi_staff):
    CouncilMemberFactory(council=world.council_y, person=person_x)
    person = Person.objects.get(pk=person_x.pk)
    with pytest.raises(PermissionDenied):
        services.person_erase(person=person, by=staff_x)
    assert Person.objects.filter(pk=person_x.pk).exists()
    services.person_erase(person=person, by=codi_staff)
    assert not Person.objects.filter(pk=person_x.pk).exists()
