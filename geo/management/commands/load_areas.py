from django.core.management.base import BaseCommand

from geo.loader import areas_load
from geo.models import District, Province, Subdistrict


class Command(BaseCommand):
    help = "Load provinces, districts and subdistricts (DOPA codes) from the geothai package. Idempotent."

    def handle(self, *args, **options):
        result = areas_load()
        for level in ("provinces", "districts", "subdistricts"):
            self.stdout.write(f"{level}: {result.created[level]} created, {result.updated[level]} updated")
        self.stdout.write(
            self.style.SUCCESS(
                f"areas: {Province.objects.count()} provinces, {District.objects.count()} districts, "
                f"{Subdistrict.objects.count()} subdistricts"
                + ("" if result.changed else " (nothing changed)")
            )
        )
