"""Typed readers for settings that come from the environment.

Each helper fails loudly (ImproperlyConfigured) on a value it cannot read, so a typo in a
deployment stops the start-up instead of silently falling back to a default.
"""

from __future__ import annotations

import base64
import binascii
import os
import re
from collections.abc import Sequence

from django.core.exceptions import ImproperlyConfigured

TRUE_WORDS = {"1", "true", "yes", "on"}
FALSE_WORDS = {"0", "false", "no", "off", ""}


def env_str(name: str, default: str | None = None, *, required: bool = False) -> str:
    value = os.environ.get(name)
    if value is None or value == "":
        if required:
            raise ImproperlyConfigured(f"{name} must be set.")
        if default is None:
            return ""
        return default
    return value


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    word = value.strip().lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {value!r}.")


def env_int(name: str, default: int, *, minimum: int | None = None) -> int:
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    try:
        number = int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}.") from None
    if minimum is not None and number < minimum:
        raise ImproperlyConfigured(f"{name} must be at least {minimum}, not {number}.")
    return number


def env_list(name: str, default: Sequence[str] = ()) -> list[str]:
    value = os.environ.get(name)
    if value is None:
        return list(default)
    return [item.strip() for item in value.split(",") if item.strip()]


def env_choice(name: str, choices: Sequence[str], default: str) -> str:
    value = os.environ.get(name, default).strip() or default
    if value not in choices:
        allowed = ", ".join(choices)
        raise ImproperlyConfigured(f"{name} must be one of {allowed}, not {value!r}.")
    return value


def parse_key(name: str, text: str) -> bytes:
    """A 256-bit key written as URL-safe base64 (what `sigap generate_keys` prints)."""
    try:
        key = base64.urlsafe_b64decode(text.strip() + "=" * (-len(text.strip()) % 4))
    except (binascii.Error, ValueError):
        raise ImproperlyConfigured(f"{name} holds a key that is not base64.") from None
    if len(key) != 32:
        raise ImproperlyConfigured(f"{name} keys must be 32 bytes (256 bits), not {len(key)}.")
    return key


def parse_key_ring(name: str, text: str) -> dict[str, bytes]:
    """`id1:key1,id2:key2`: the first key encrypts, every key decrypts (for rotation)."""
    ring: dict[str, bytes] = {}
    for item in text.split(","):
        if not item.strip():
            continue
        key_id, sep, key_text = item.strip().partition(":")
        if not sep or not re.fullmatch(r"[A-Za-z0-9_-]{1,16}", key_id):
            raise ImproperlyConfigured(
                f"{name} must look like 'id1:key1,id2:key2' with short ids (letters, digits)."
            )
        if key_id in ring:
            raise ImproperlyConfigured(f"{name} names the key id {key_id!r} twice.")
        ring[key_id] = parse_key(name, key_text)
    if not ring:
        raise ImproperlyConfigured(f"{name} holds no key.")
    return ring
