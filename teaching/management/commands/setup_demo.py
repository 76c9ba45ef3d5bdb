"""Placeholder until the demo data lands: prints how to log in."""

from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Load the launch lesson and demo accounts (safe to run again)."

    def handle(self, *args, **options):
        self.stdout.write("Demo data: not built yet.")
