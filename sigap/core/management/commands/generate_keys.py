"""`sigap generate_keys`: print fresh values for every secret a production deployment needs."""

from __future__ import annotations

import secrets
from collections.abc import Callable
from typing import Any

from django.core.management.base import BaseCommand

# Later capabilities add their secrets here, as (variable name, generator).
SECRETS: list[tuple[str, Callable[[], str]]] = [
    ("SIGAP_SECRET_KEY", lambda: secrets.token_urlsafe(50)),
]


class Command(BaseCommand):
    help = "Print `export NAME=value` lines with new secrets for a production deployment."

    def handle(self, *args: Any, **options: Any) -> None:
        for name, generate in SECRETS:
            self.stdout.write(f"export {name}={generate()}")
