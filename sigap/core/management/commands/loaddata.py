"""`sigap loaddata`: Django's loaddata, reading encrypted fields of a dump as ciphertext."""

from typing import Any

from django.core.management.commands.loaddata import Command as LoadDataCommand

from sigap.core.fields import LOADING_SERIALISED


class Command(LoadDataCommand):
    def handle(self, *fixture_labels: Any, **options: Any) -> None:
        token = LOADING_SERIALISED.set(True)
        try:
            super().handle(*fixture_labels, **options)
        finally:
            LOADING_SERIALISED.reset(token)
