"""The base of SIGAP's management commands.

Commands never prompt; they act as an audited actor (the system actor, or `--user NAME`) and,
when they process data, print a one-line JSON summary as their last line.
"""

from __future__ import annotations

import json
from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from sigap.core import audit
from sigap.core.models import User


def resolve_actor(username: str | None) -> User:
    if not username:
        return User.objects.system_actor()
    try:
        return User.objects.get(username=username)
    except User.DoesNotExist:
        raise CommandError(f"No user named {username!r}.") from None


class SigapCommand(BaseCommand):
    """Subclasses implement `run(actor=..., **options)` and return the summary (or None)."""

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument(
            "--user",
            dest="acting_user",
            metavar="NAME",
            help="Act as this user in the audit log (default: the system actor).",
        )
        self.add_command_arguments(parser)

    def add_command_arguments(self, parser: ArgumentParser) -> None:
        """Hook for a command's own arguments."""

    @property
    def command_name(self) -> str:
        return type(self).__module__.rsplit(".", 1)[-1]

    def handle(self, *args: Any, **options: Any) -> None:
        actor = resolve_actor(options.pop("acting_user", None))
        summary = self.run(actor=actor, **options)
        if summary is None:
            return
        audit.record(
            actor=actor,
            action="command",
            object_type="command",
            object_id=self.command_name,
            details=summary,
        )
        self.stdout.write(json.dumps({"command": self.command_name, **summary}, sort_keys=True))

    def run(self, *, actor: User, **options: Any) -> dict[str, Any] | None:
        raise NotImplementedError
