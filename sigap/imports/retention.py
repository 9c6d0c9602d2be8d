"""Retention of imports: after SIGAP_RETENTION_IMPORT_DAYS the source rows of a batch (their
cells, values and reasons, which name people) and its stored file are erased; the batch, its
counts and each row's number and status stay, and so do the persons and returns it created
(they follow their own rules)."""

from __future__ import annotations

from datetime import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from sigap.core.models import User
from sigap.core.retention import register
from sigap.imports.models import BatchStatus, ImportBatch, ImportRow


@register("import_rows", "SIGAP_RETENTION_IMPORT_DAYS")
def _erase_import_rows(cutoff: datetime, actor: User) -> int:
    """A batch never confirmed is closed as failed, saying why, as its file goes; so is one
    still queued or running after the whole retention period (its task was lost)."""
    erased = 0
    old = ImportBatch.objects.filter(created_at__lt=cutoff, rows_erased_at__isnull=True)
    unfinished: dict[str, str] = {
        BatchStatus.MAPPING: _("Never imported; the file was erased after the retention period."),
        BatchStatus.QUEUED: _("The import never finished; the file was erased after the "
                              "retention period."),
        BatchStatus.RUNNING: _("The import never finished; the file was erased after the "
                               "retention period."),
    }  # fmt: skip
    for batch in old.iterator(chunk_size=100):
        with transaction.atomic():
            why = unfinished.get(batch.status)
            # Closed only if still as read: a batch confirmed or finished meanwhile is not.
            if why and not ImportBatch.objects.filter(pk=batch.pk, status=batch.status).update(
                status=BatchStatus.FAILED, finished_at=timezone.now(), error=why
            ):
                continue
            erased += ImportRow.objects.filter(batch=batch).update(cells="[]", values="{}")
            if batch.content:
                batch.content.delete(save=False)
            batch.rows_erased_at = timezone.now()
            batch.save(update_fields=["content", "rows_erased_at"])
    return erased
