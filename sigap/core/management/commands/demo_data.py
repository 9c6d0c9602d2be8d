"""`sigap demo_data`: create the synthetic demo data set (idempotent)."""

from __future__ import annotations

from argparse import ArgumentParser
from typing import Any

from django.core.management.base import CommandError

from sigap.core.commands import SigapCommand
from sigap.core.demo import create_demo_users, demo_logins
from sigap.core.models import Agency, User
from sigap.people.demo import create_demo_persons


class Command(SigapCommand):
    help = (
        "Create SYNTHETIC demo data: users of every role and persons (more with each capability)."
    )

    def add_command_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument(
            "--print-logins", action="store_true", help="Print the demo logins before the summary."
        )

    def run(self, *, actor: User, **options: Any) -> dict[str, Any]:
        if not Agency.objects.exists():
            raise CommandError("Load the reference data first: sigap load_reference")
        summary = create_demo_users()
        summary.update(create_demo_persons())
        if options["print_logins"]:
            self.stdout.write("Demo logins (synthetic data):")
            for username, password, role in demo_logins():
                self.stdout.write(f"  {username:<10} {password}  {role}")
        return summary
