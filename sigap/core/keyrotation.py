"""Re-encrypt everything under the current primary key, so old keys can be retired.

Rotation runs while SIGAP is in use: every key in SIGAP_ENCRYPTION_KEYS can decrypt, so
values not yet rewritten stay readable; each batch is its own short transaction.
Procedure (docs/security.md): put a new key first in SIGAP_ENCRYPTION_KEYS, restart, run
`sigap rotate_keys`, then remove the old key once it reports nothing left on it.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from django.apps import apps
from django.conf import settings
from django.db import connection, models, transaction

from sigap.core import audit, crypto
from sigap.core.fields import EncryptedTextField
from sigap.core.models import AuditEvent

BATCH = 500


def encrypted_fields() -> Iterator[tuple[type[models.Model], EncryptedTextField]]:
    for model in apps.get_models():
        for field in model._meta.concrete_fields:
            if isinstance(field, EncryptedTextField):
                yield model, field


def _rotate_column(model: type[models.Model], field: EncryptedTextField) -> int:
    quote = connection.ops.quote_name
    table, column, pk = (
        quote(model._meta.db_table),
        quote(field.column),
        quote(model._meta.pk.column),
    )
    primary = crypto.primary_key_id()
    rewritten = 0
    last: Any = None
    while True:
        with transaction.atomic(), connection.cursor() as cursor:
            where = f"WHERE {pk} > %s " if last is not None else ""
            cursor.execute(
                f"SELECT {pk}, {column} FROM {table} {where}ORDER BY {pk} LIMIT {BATCH}",  # noqa: S608
                [last] if last is not None else [],
            )
            rows = cursor.fetchall()
            for row_pk, token in rows:
                if token is None or crypto.key_id_of(token) == primary:
                    continue
                plain = crypto.decrypt_text(token, context=field.context)
                # Compare-and-swap: an officer's edit committed since the SELECT wins.
                cursor.execute(
                    f"UPDATE {table} SET {column} = %s WHERE {pk} = %s AND {column} = %s",  # noqa: S608
                    [crypto.encrypt_text(plain, context=field.context), row_pk, token],
                )
                rewritten += cursor.rowcount
        if len(rows) < BATCH:
            return rewritten
        last = rows[-1][0]


def _rewrap(details: Any) -> tuple[Any, int]:
    """Details with sealed values under an old key re-sealed; returns them and a count."""
    primary = crypto.primary_key_id()
    count = 0

    def reseal(sealed: dict[str, str]) -> dict[str, str]:
        nonlocal count
        if crypto.key_id_of(sealed["sealed"]) == primary:
            return sealed
        count += 1
        return audit.seal(audit.unseal(sealed))

    return audit.map_sealed(details, reseal), count


def _rotate_audit() -> int:
    rewritten = 0
    for event in AuditEvent.objects.exclude(details={}).iterator(chunk_size=BATCH):
        details, count = _rewrap(event.details)
        if not count:
            continue
        with transaction.atomic():
            if connection.vendor == "postgresql":
                with connection.cursor() as cursor:
                    cursor.execute("SET LOCAL sigap.rewrap_audit = 'on'")
            AuditEvent.objects.filter(pk=event.pk).update(details=details)
        rewritten += count
    return rewritten


def _rotate_files(root: Path) -> int:
    primary = crypto.primary_key_id()
    rewritten = 0
    for leftover in root.rglob("*.rotating"):  # from a run that was interrupted
        leftover.unlink()
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        blob = path.read_bytes()
        if not blob.startswith(b"v1:") or crypto.key_id_of(blob) == primary:
            continue
        name = path.relative_to(root).as_posix()
        plain = crypto.decrypt_bytes(blob, context=f"file:{name}")
        temporary = path.with_suffix(path.suffix + ".rotating")
        temporary.write_bytes(crypto.encrypt_bytes(plain, context=f"file:{name}"))
        temporary.replace(path)  # atomic: readers see the old or the new file, never half
        rewritten += 1
    return rewritten


def rotate_all(media_root: Path | None = None) -> dict[str, int]:
    summary = {
        f"{model._meta.label_lower}.{field.name}": _rotate_column(model, field)
        for model, field in encrypted_fields()
    }
    summary["audit_sealed_values"] = _rotate_audit()
    root = media_root or Path(settings.MEDIA_ROOT)
    summary["files"] = _rotate_files(root) if root.exists() else 0
    return summary
