"""`sigap purge_expired`: erase or anonymise records past their retention period."""

from __future__ import annotations

from typing import Any

from sigap.core.commands import SigapCommand
from sigap.core.models import User
from sigap.core.retention import purge_expired, rules


class Command(SigapCommand):
    help = (
        "Erase or anonymise every kind of record older than its retention period "
        "(SIGAP_RETENTION_*_DAYS). Idempotent; run it daily."
    )

    def run(self, *, actor: User, **options: Any) -> dict[str, Any]:
        return {
            "purged": purge_expired(actor=actor),
            "retention_days": {rule.kind: rule.days for rule in rules()},
        }
