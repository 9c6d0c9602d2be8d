"""Reads on cases."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from sigap.cases.models import Case
from sigap.core.access import permits
from sigap.core.selectors import HomeAction


def home_actions(user: Any) -> list[HomeAction]:
    if not permits(user, Case):
        return []
    return [
        HomeAction(
            _("Cases"),
            _("Register and screen cases, follow their status and timeline."),
            reverse("cases:case_list"),
            _("Cases"),
        )
    ]
