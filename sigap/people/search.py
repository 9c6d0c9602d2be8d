"""Search keys of persons: blind indexes of the NIK and of the names' sound keys
(see docs/security.md for what they leak)."""

from __future__ import annotations

import re

from sigap.core.crypto import blind_index
from sigap.people.names import name_keys


def nik_index(nik: str) -> str:
    """The blind index of a NIK, valid or not, however it was written: of its letters and
    digits only (spaces, dots, dashes and Excel's leading apostrophe dropped)."""
    compact = re.sub(r"[^0-9A-Za-z]", "", nik or "")
    return blind_index(compact, purpose="nik") if compact else ""


def name_index_keys(*names: str) -> set[str]:
    keys: set[str] = set()
    for name in names:
        for line in name.splitlines():
            keys |= name_keys(line)
    return {blind_index(key, purpose="name") for key in keys if key}
