"""`sigap rotate_keys`: re-encrypt all values and files under the first key of the ring."""

from __future__ import annotations

from typing import Any

from sigap.core import crypto
from sigap.core.commands import SigapCommand
from sigap.core.keyrotation import rotate_all
from sigap.core.models import User


class Command(SigapCommand):
    help = (
        "Re-encrypt every encrypted value, sealed audit value and uploaded file with the first "
        "key of SIGAP_ENCRYPTION_KEYS. Safe to run while SIGAP is in use, and to run again."
    )

    def run(self, *, actor: User, **options: Any) -> dict[str, Any]:
        rewritten = rotate_all()
        return {"primary_key": crypto.primary_key_id(), "rewritten": rewritten}
