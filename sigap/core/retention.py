"""Retention (UU PDP 27/2022): each kind of record is kept for its period, then erased or
anonymised by `sigap purge_expired` (idempotent, audited).

Capabilities register a rule per kind of record they own, with the setting that holds its
period in days. A rule erases or anonymises what is older than the cut-off and returns how
many records it handled.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.utils import timezone

from sigap.core.models import User


@dataclass(frozen=True)
class Rule:
    kind: str
    days_setting: str
    purge: Callable[[datetime, User], int]

    @property
    def days(self) -> int:
        return int(getattr(settings, self.days_setting))


_RULES: dict[str, Rule] = {}


def register(
    kind: str, days_setting: str
) -> Callable[[Callable[[datetime, User], int]], Callable[[datetime, User], int]]:
    def add(purge: Callable[[datetime, User], int]) -> Callable[[datetime, User], int]:
        _RULES[kind] = Rule(kind, days_setting, purge)
        return purge

    return add


def rules() -> list[Rule]:
    return sorted(_RULES.values(), key=lambda rule: rule.kind)


def purge_expired(*, actor: User, now: datetime | None = None) -> dict[str, int]:
    now = now or timezone.now()
    return {rule.kind: rule.purge(now - timedelta(days=rule.days), actor) for rule in rules()}


@register("login_records", "SIGAP_RETENTION_LOGIN_DAYS")
def _purge_login_records(cutoff: datetime, actor: User) -> int:
    """Failed-login counters and login logs of django-axes (officers' IP addresses)."""
    from axes.models import AccessAttempt, AccessFailureLog, AccessLog

    deleted = AccessAttempt.objects.filter(attempt_time__lt=cutoff).delete()[0]
    deleted += AccessLog.objects.filter(attempt_time__lt=cutoff).delete()[0]
    deleted += AccessFailureLog.objects.filter(attempt_time__lt=cutoff).delete()[0]
    return deleted


@register("task_results", "SIGAP_RETENTION_TASK_DAYS")
def _purge_task_results(cutoff: datetime, actor: User) -> int:
    """Finished background tasks (their arguments may name records)."""
    from django_tasks_db.models import DBTaskResult

    finished = DBTaskResult.objects.filter(finished_at__lt=cutoff)
    return int(finished.delete()[0])
