"""Background tasks of the core app. Tasks take ids and plain values and call services."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone
from django_tasks import task
from django_tasks_db.models import DBTaskResult

from sigap.core.models import Heartbeat

HEARTBEAT_EVERY = timedelta(seconds=60)
WORKER_HEARTBEAT = "worker"


def _heartbeat_pending() -> bool:
    return DBTaskResult.objects.filter(task_path=f"{__name__}.heartbeat", status="READY").exists()


@task()
def heartbeat() -> str:
    """Record that a worker is running tasks, then come back in a minute (once per queue)."""
    now = timezone.now()
    Heartbeat.objects.update_or_create(name=WORKER_HEARTBEAT, defaults={"seen_at": now})
    if not _heartbeat_pending():
        heartbeat.using(run_after=now + HEARTBEAT_EVERY).enqueue()
    return now.isoformat()


def start_heartbeat() -> None:
    """Called when a worker starts: begin the heartbeat chain unless one is queued already."""
    if not _heartbeat_pending():
        heartbeat.enqueue()
