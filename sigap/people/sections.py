"""Parts of a person's page that other capabilities add: their cases, returns, enrolments.
Each capability registers a provider that gives its section for a user and a person, with
only what the user's scope lets them see (or None when there is nothing to show)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.utils.functional import Promise

from sigap.people.models import Person


@dataclass(frozen=True)
class Section:
    order: int  # the sections' order on the page
    title: str | Promise
    template: str  # rendered with `items` and `person`
    items: list[Any]


Provider = Callable[[Any, Person], Section | None]
PROVIDERS: list[Provider] = []


def register(provider: Provider) -> Provider:
    PROVIDERS.append(provider)
    return provider


def sections_for(user: Any, person: Person) -> list[Section]:
    found = [provider(user, person) for provider in PROVIDERS]
    return sorted((section for section in found if section is not None), key=lambda s: s.order)
