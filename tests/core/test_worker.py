"""The background worker: `sigap worker` runs tasks stored in the database."""

import pytest
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult

from sigap.core.models import Heartbeat
from sigap.core.tasks import heartbeat, start_heartbeat

# The worker commits and closes connections like the real process, so these tests run outside
# the per-test transaction.
pytestmark = pytest.mark.django_db(transaction=True)


def run_worker():
    call_command("worker", "--batch", "--no-reload", "--no-startup-delay", "--verbosity", "0")


def test_the_worker_runs_a_queued_task_and_the_heartbeat_reschedules_itself(client):
    heartbeat.enqueue()
    run_worker()
    beat = Heartbeat.objects.get(name="worker")
    done = DBTaskResult.objects.filter(status="SUCCESSFUL")
    assert done.count() == 1
    # the next heartbeat waits a minute in the queue; only one is ever pending
    assert DBTaskResult.objects.filter(status="READY").count() == 1
    assert client.get("/healthz").json()["worker"] == {
        "status": "ok",
        "last_seen": beat.seen_at.isoformat(),
    }


def test_starting_workers_twice_keeps_one_heartbeat_chain():
    start_heartbeat()
    start_heartbeat()
    assert DBTaskResult.objects.filter(status="READY").count() == 1


def test_a_stale_heartbeat_is_reported(client):
    from datetime import timedelta

    from django.utils import timezone

    Heartbeat.objects.create(name="worker", seen_at=timezone.now() - timedelta(hours=1))
    assert client.get("/healthz").json()["worker"]["status"] == "stale"
