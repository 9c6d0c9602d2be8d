"""`sigap load_reference`: load regions, boundaries, countries and agencies (idempotent)."""

from __future__ import annotations

import time
from typing import Any

from sigap.core.commands import SigapCommand
from sigap.core.models import User
from sigap.core.reference import EXTRA_LOADERS
from sigap.core.reference.agencies import load_agencies
from sigap.core.reference.countries import load_countries
from sigap.core.reference.regions import load_boundaries, load_regions


class Command(SigapCommand):
    help = (
        "Load the reference data shipped with SIGAP. Safe to run again: changes only what differs."
    )

    def run(self, *, actor: User, **options: Any) -> dict[str, Any]:
        started = time.monotonic()
        summary: dict[str, Any] = {}
        summary.update(load_regions())
        summary.update(load_boundaries())
        summary.update(load_countries())
        summary.update(load_agencies())
        for loader in EXTRA_LOADERS:
            summary.update(loader())
        summary["seconds"] = round(time.monotonic() - started, 2)
        return summary
