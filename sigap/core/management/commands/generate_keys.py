"""`sigap generate_keys`: print fresh values for every secret a production deployment needs."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from sigap.keys import SECRETS


class Command(BaseCommand):
    help = "Print `export NAME=value` lines with new secrets for a production deployment."

    def handle(self, *args: Any, **options: Any) -> None:
        for name, generate in SECRETS:
            self.stdout.write(f"export {name}={generate()}")
