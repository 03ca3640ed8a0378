"""Re-encrypt every stored national ID with the primary (first) FIELD_ENCRYPTION_KEY.

Key rotation: put the new key first in FIELD_ENCRYPTION_KEY (keep the old one after it),
deploy, run this command, then drop the old key.
"""

from django.core.management.base import BaseCommand
from django.db import transaction

from councils import pdpa
from councils.models import Person


class Command(BaseCommand):
    help = "Re-encrypt stored national ID numbers with the first key in FIELD_ENCRYPTION_KEY"

    def handle(self, *args, **options):
        count = 0
        people = Person.objects.exclude(national_id_ciphertext="").only("pk", "national_id_ciphertext")
        with transaction.atomic():
            for person in people.select_for_update().iterator(chunk_size=500):
                token = pdpa.reencrypt(person.national_id_ciphertext)
                # update(): a key change is not a change to the person (no history row).
                Person.objects.filter(pk=person.pk).update(national_id_ciphertext=token)
                count += 1
        self.stdout.write(f"re-encrypted {count} national ID numbers")
