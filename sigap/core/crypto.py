"""Encryption at rest: AES-256-GCM for identifying values and files, HMAC blind indexes.

The threat: a stolen database dump or backup must not reveal who the victims are. Values are
encrypted with the first key of SIGAP_ENCRYPTION_KEYS and carry that key's id, so keys can be
rotated (`sigap rotate_keys`) while old values stay readable. Each value is bound to where it
belongs (the "context", e.g. `people.person.full_name`) as associated data, so a ciphertext
copied into another column does not decrypt. See docs/security.md.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
from functools import cache

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver

VERSION = "v1"
NONCE_BYTES = 12


class DecryptionError(Exception):
    """A value could not be decrypted: unknown key id, wrong context, or tampered data."""


@cache
def _ciphers() -> dict[str, AESGCM]:
    return {key_id: AESGCM(key) for key_id, key in settings.SIGAP_ENCRYPTION_KEYS.items()}


def primary_key_id() -> str:
    return next(iter(settings.SIGAP_ENCRYPTION_KEYS))


@cache
def _primary() -> tuple[bytes, AESGCM]:
    """The prefix of new ciphertexts and the cipher of the first key (an import encrypts
    hundreds of thousands of values: the settings are not read for each)."""
    key_id = primary_key_id()
    return f"{VERSION}:{key_id}:".encode(), _ciphers()[key_id]


@cache
def _blind_index_key() -> bytes:
    return bytes(settings.SIGAP_BLIND_INDEX_KEY)


def reset_key_cache() -> None:
    """Forget the ciphers and keys built from the previous settings."""
    _ciphers.cache_clear()
    _primary.cache_clear()
    _blind_index_key.cache_clear()


@receiver(setting_changed)
def _keys_changed(setting: str, **kwargs: object) -> None:
    if setting in ("SIGAP_ENCRYPTION_KEYS", "SIGAP_BLIND_INDEX_KEY"):
        reset_key_cache()


def encrypt_bytes(data: bytes, *, context: str) -> bytes:
    prefix, cipher = _primary()
    nonce = os.urandom(NONCE_BYTES)
    return prefix + nonce + cipher.encrypt(nonce, data, context.encode())


def decrypt_bytes(blob: bytes, *, context: str) -> bytes:
    try:
        version, key_id, rest = blob.split(b":", 2)
        cipher = _ciphers()[key_id.decode()]
    except (ValueError, KeyError, UnicodeDecodeError):
        raise DecryptionError("unknown format or key id") from None
    if version.decode() != VERSION:
        raise DecryptionError(f"unknown version {version!r}")
    try:
        return cipher.decrypt(rest[:NONCE_BYTES], rest[NONCE_BYTES:], context.encode())
    except InvalidTag:
        raise DecryptionError("wrong key or context, or the data was changed") from None


def key_id_of(token: str | bytes) -> str:
    """The id of the key that encrypted a value (used by rotation)."""
    raw = token.encode() if isinstance(token, str) else token
    if not raw.startswith(b"v1:"):
        # Text tokens are base64 of the whole blob.
        raw = base64.urlsafe_b64decode(raw)
    return raw.split(b":", 2)[1].decode()


def encrypt_text(text: str, *, context: str) -> str:
    return base64.urlsafe_b64encode(encrypt_bytes(text.encode(), context=context)).decode()


def decrypt_text(token: str, *, context: str) -> str:
    try:
        blob = base64.urlsafe_b64decode(token.encode())
    except ValueError:
        raise DecryptionError("not base64") from None
    return decrypt_bytes(blob, context=context).decode()


def blind_index(value: str, *, purpose: str) -> str:
    """A keyed hash for exact search on an encrypted value (e.g. a NIK).

    Without the key, the hash reveals nothing; with the database alone, equal values are
    visible as equal hashes (documented leakage, docs/security.md)."""
    message = f"{purpose}\x00{value}".encode()
    return hmac.digest(_blind_index_key(), message, hashlib.sha256).hex()[:32]
