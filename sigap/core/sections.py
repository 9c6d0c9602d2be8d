"""Parts of a record's page that other capabilities add: a person's cases, returns and
enrolments; a case's monitoring. Each capability registers, for a model, a provider that
gives its section for a user and a record, with only what the user's scope lets them see
(or None when there is nothing to show). The page renders them in order."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db.models import Model
from django.utils.functional import Promise


@dataclass(frozen=True)
class Section:
    order: int  # the sections' order on the page
    title: str | Promise
    template: str  # rendered with `items`
    items: list[Any]


Provider = Callable[[Any, Any], Section | None]
PROVIDERS: dict[type[Model], list[Provider]] = {}


def register(model: type[Model], provider: Provider) -> None:
    PROVIDERS.setdefault(model, []).append(provider)


def sections_for(user: Any, record: Model) -> list[Section]:
    found = [provider(user, record) for provider in PROVIDERS.get(type(record), [])]
    return sorted((section for section in found if section is not None), key=lambda s: s.order)
