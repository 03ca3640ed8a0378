from django.core.management import call_command
from django.core.management.base import BaseCommand

from councils.models import Subdistrict
from reports.demo import DEMO_PASSWORD, seed_national, seed_small


class Command(BaseCommand):
    help = "Make demo data: a small world (default) or the national-size world for benchmarks."

    def add_arguments(self, parser):
        parser.add_argument("--scale", choices=["small", "national"], default="small")

    def handle(self, *args, scale, **options):
        if not Subdistrict.objects.exists():
            call_command("load_areas", stdout=self.stdout)
        logins = seed_small()
        if scale == "national":
            counts = seed_national(stdout=self.stdout)
            self.stdout.write("national world: " + ", ".join(f"{k} {v:,}" for k, v in counts.items()))
        self.stdout.write(self.style.SUCCESS(f"Demo logins (password for all: {DEMO_PASSWORD}):"))
        for username, description in logins:
            self.stdout.write(f"  {username:<15} {description}")
