"""`sigap demo_data`: create the synthetic demo data set (idempotent)."""

from __future__ import annotations

from argparse import ArgumentParser
from typing import Any

from django.conf import settings
from django.core.management.base import CommandError

from sigap.cases.demo import DEMO_CASES, create_demo_cases
from sigap.coordination.demo import create_demo_coordination
from sigap.core.commands import SigapCommand
from sigap.core.demo import DEMO_PASSWORD, DemoLogin, create_demo_users
from sigap.core.models import Agency, User
from sigap.imports.demo import create_demo_imports
from sigap.intake.demo import create_demo_intake
from sigap.monitoring.demo import create_demo_monitoring
from sigap.people.demo import create_demo_persons
from sigap.referrals.demo import create_demo_referrals


class Command(SigapCommand):
    help = (
        "Create SYNTHETIC demo data: users of every role, persons and a few hundred cases over "
        "the last five years (more with each capability). A second run adds nothing."
    )

    def add_command_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument(
            "--print-logins", action="store_true", help="Print the demo logins before the summary."
        )
        parser.add_argument(
            "--cases",
            type=int,
            default=DEMO_CASES,
            metavar="N",
            help=f"How many synthetic cases to create when there are none (default {DEMO_CASES}).",
        )

    def run(self, *, actor: User, **options: Any) -> dict[str, Any]:
        if settings.SIGAP_ENV == "production":
            raise CommandError("Demo data (with published passwords) is never made in production.")
        if not Agency.objects.exists():
            raise CommandError("Load the reference data first: sigap load_reference")
        summary, logins = create_demo_users()
        summary.update(create_demo_persons())
        summary.update(create_demo_cases(count=options["cases"]))
        summary.update(create_demo_referrals())
        summary.update(create_demo_coordination())
        summary.update(create_demo_intake())
        summary.update(create_demo_imports())
        summary.update(create_demo_monitoring())  # after the import, which enrols
        if options["print_logins"]:
            self.print_logins(logins)
        return summary

    def print_logins(self, logins: list[DemoLogin]) -> None:
        self.stdout.write(f"Demo logins (synthetic data), password for all: {DEMO_PASSWORD}")
        self.stdout.write(
            "Second step: add the key to an authenticator app, or type a backup code (each once)."
        )
        for login in logins:
            second = (
                f"key {login.totp_key}  backup codes {' '.join(login.backup_codes)}"
                if login.totp_key
                else "no second step needed"
            )
            self.stdout.write(f"  {login.username:<8} {login.role:<34} {second}")
