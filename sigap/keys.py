"""The secrets a SIGAP deployment needs, and how fresh ones are made.

`sigap generate_keys` prints one `export NAME=value` line per entry of SECRETS; development
keeps generated values in var/secrets.json (readable by its owner only), and tests use fixed,
public test keys.
"""

from __future__ import annotations

import base64
import hashlib
import json
import secrets
from collections.abc import Callable
from datetime import date
from pathlib import Path


def new_key() -> str:
    """A random 256-bit key, URL-safe base64."""
    return base64.urlsafe_b64encode(secrets.token_bytes(32)).decode().rstrip("=")


def new_key_ring() -> str:
    """A one-key ring; the id carries the date so rotations sort and read well."""
    return f"k{date.today():%Y%m%d}:{new_key()}"  # noqa: DTZ011 - a label, any zone will do


SECRETS: list[tuple[str, Callable[[], str]]] = [
    ("SIGAP_SECRET_KEY", lambda: secrets.token_urlsafe(50)),
    ("SIGAP_ENCRYPTION_KEYS", new_key_ring),
    ("SIGAP_BLIND_INDEX_KEY", new_key),
]


def development_secrets(var_dir: Path) -> dict[str, str]:
    """Secrets of a development checkout, generated once and kept under var/."""
    path = var_dir / "secrets.json"
    stored: dict[str, str] = json.loads(path.read_text()) if path.exists() else {}
    missing = {name: make() for name, make in SECRETS if name not in stored}
    if missing:
        stored.update(missing)
        var_dir.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(stored, indent=1))
        path.chmod(0o600)
    return stored


def test_secrets() -> dict[str, str]:
    """Fixed keys for the test suite: public, so never valid anywhere else."""

    def fixed(label: str) -> str:
        digest = hashlib.sha256(f"sigap-test-{label}".encode()).digest()
        return base64.urlsafe_b64encode(digest).decode().rstrip("=")

    return {
        "SIGAP_SECRET_KEY": "test-only-secret-key-" + "x" * 40,
        "SIGAP_ENCRYPTION_KEYS": f"test1:{fixed('encryption')}",
        "SIGAP_BLIND_INDEX_KEY": fixed("blind-index"),
    }
