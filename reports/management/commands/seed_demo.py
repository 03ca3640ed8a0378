import time

from django.core.management import call_command
from django.core.management.base import BaseCommand

from geo.models import Subdistrict
from reports.demo import DEMO_PASSWORD, seed_small
from reports.demo_national import seed_national


class Command(BaseCommand):
    help = "Make demo data: a small world (default) or the national-size world for benchmarks."

    def add_arguments(self, parser):
        parser.add_argument("--scale", choices=["small", "national"], default="small")
        parser.add_argument(
            "--batch",
            type=int,
            default=500,
            help="tambons written per transaction in the national world (default 500)",
        )
        parser.add_argument(
            "--provinces",
            default="",
            help="national world: only these provinces (codes, comma-separated, e.g. 50,85); default all",
        )

    def handle(self, *args, scale, batch, provinces, **options):
        began = time.monotonic()
        if not Subdistrict.objects.exists():
            call_command("load_areas", stdout=self.stdout)
        # The small world first: its tambons are then skipped by the national seed, and its
        # demo logins keep pointing at the small world's councils.
        logins = seed_small()
        if scale == "national":
            counts = seed_national(
                councils_per_batch=batch,
                provinces=[code.strip() for code in provinces.split(",") if code.strip()] or None,
                stdout=self.stdout,
            )
            if any(counts.values()):
                self.stdout.write("national world, added: " + ", ".join(f"{k} {v:,}" for k, v in counts.items() if v))
            else:
                self.stdout.write("national world: complete already, nothing to add")
        self.stdout.write(f"seed_demo --scale {scale}: {time.monotonic() - began:.1f} s")
        self.stdout.write(self.style.SUCCESS(f"Demo logins (password for all: {DEMO_PASSWORD}):"))
        for username, description in logins:
            self.stdout.write(f"  {username:<15} {description}")
