"""Background imports: a confirmed batch runs here, not in the web request."""

from __future__ import annotations

from django_tasks import task

from sigap.imports.services import batch_run_queued


@task()
def run_batch(batch_id: int) -> dict[str, int]:
    return batch_run_queued(batch_id)
