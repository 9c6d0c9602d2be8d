"""`sigap worker`: runs background tasks stored in the database (django-tasks-db)."""

from typing import Any

from django_tasks_db.management.commands.db_worker import Command as DbWorkerCommand

from sigap.core.tasks import start_heartbeat


class Command(DbWorkerCommand):
    help = "Run SIGAP's background task worker (tasks are stored in the database)."

    def handle(self, *args: Any, **options: Any) -> None:
        start_heartbeat()
        super().handle(*args, **options)
