"""Search keys of persons: blind indexes of the NIK and of the names' sound keys
(see docs/security.md for what they leak)."""

from __future__ import annotations

import re

from sigap.core.crypto import blind_index
from sigap.people.names import name_keys, sound_key, tokens


def nik_index(nik: str) -> str:
    """The blind index of a NIK, valid or not, however it was written: of its letters and
    digits only (spaces, dots, dashes and Excel's leading apostrophe dropped)."""
    compact = re.sub(r"[^0-9A-Za-z]", "", nik or "")
    return blind_index(compact, purpose="nik") if compact else ""


def name_index_keys(*names: str, memo: dict[str, str] | None = None) -> set[str]:
    """The blind indexes of a person's name keys; `memo` remembers them by word across the
    persons of one import (names share their words: a keyed hash per word, not per person)."""
    if memo is None:
        keys: set[str] = set()
        for name in names:
            for line in name.splitlines():
                keys |= name_keys(line)
        return {blind_index(key, purpose="name") for key in keys if key}
    found = set()
    for name in names:
        for line in name.splitlines():
            for token in tokens(line):
                if token not in memo:
                    key = sound_key(token)
                    memo[token] = blind_index(key, purpose="name") if key else ""
                if memo[token]:
                    found.add(memo[token])
    return found
