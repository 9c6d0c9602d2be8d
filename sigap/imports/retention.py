"""Retention of imports: after SIGAP_RETENTION_IMPORT_DAYS the source rows of a batch (their
cells, values and reasons, which name people) and its stored file are erased; the batch, its
counts and each row's number and status stay, and so do the persons and returns it created
(they follow their own rules)."""

from __future__ import annotations

from datetime import datetime

from django.db import transaction
from django.utils import timezone

from sigap.core.models import User
from sigap.core.retention import register
from sigap.imports.models import ImportBatch, ImportRow


@register("import_rows", "SIGAP_RETENTION_IMPORT_DAYS")
def _erase_import_rows(cutoff: datetime, actor: User) -> int:
    erased = 0
    old = ImportBatch.objects.filter(created_at__lt=cutoff, rows_erased_at__isnull=True)
    for batch in old.iterator(chunk_size=100):
        with transaction.atomic():
            erased += ImportRow.objects.filter(batch=batch).update(cells="[]", values="{}")
            if batch.content:
                batch.content.delete(save=False)
            batch.rows_erased_at = timezone.now()
            batch.save(update_fields=["content", "rows_erased_at"])
    return erased
