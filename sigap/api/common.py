"""Small helpers shared by the routers: who acts, paging, and reading values the way the
pages read them (the same fields, parsers and messages)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any, TypeVar

from django import forms
from django.conf import settings
from django.db.models import Model, QuerySet
from django.http import Http404, HttpRequest
from django.utils.translation import gettext as _

from sigap.api.auth import actor, via
from sigap.api.errors import InputError
from sigap.api.schemas import PageQuery
from sigap.core import audit
from sigap.core.access import Action, permits
from sigap.core.forms import RegionField
from sigap.core.models import Region, User
from sigap.core.parsing import ParseError, parse_date

M = TypeVar("M", bound=Model)


def require(request: HttpRequest, model: type[Model], action: Action = Action.VIEW) -> User:
    """The token's user, if their role may use this kind of record at all; otherwise a 404
    and a denial in the audit log (as core.access.require does for pages)."""
    user = actor(request)
    if not permits(user, model, action):
        audit.record(
            actor=user,
            action="denied",
            object_type=model._meta.label_lower,
            details={"attempted": str(action), "path": request.path, **via(request)},
            request=request,
        )
        raise Http404
    return user


def page_of(items: QuerySet[M], paging: PageQuery) -> tuple[int, list[M]]:
    """(how many in all, the rows of the requested page)."""
    start = (paging.page - 1) * paging.page_size
    return items.count(), list(items[start : start + paging.page_size])


def page_body(count: int, paging: PageQuery, results: list[Any]) -> dict[str, Any]:
    return {"count": count, "page": paging.page, "page_size": paging.page_size, "results": results}


def region_from(field: str, text: str) -> Region:
    """A region typed as a code or a name, read exactly as the pages' region fields do."""
    try:
        region = RegionField().clean(text)
    except forms.ValidationError as error:
        raise InputError.on(field, " ".join(error.messages)) from None
    if region is None:
        raise InputError.on(field, _("This field is required."), "required")
    return region


def date_from(field: str, text: str) -> date:
    """A date typed as the pages take it (day first, or ISO), refused with the parser's own
    message."""
    try:
        return parse_date(text)
    except ParseError as error:
        raise InputError.parsed(field, error) from None


def choice_from(field: str, value: str, choices: Iterable[tuple[str, Any]]) -> str:
    """A value that must be one of `choices`, refused with Django's own (translated) message."""
    try:
        return str(forms.ChoiceField(choices=list(choices)).clean(value))
    except forms.ValidationError as error:
        raise InputError.on(field, " ".join(error.messages), "invalid_choice") from None


def current_values(form: forms.BaseForm) -> dict[str, Any]:
    """What an edit page's unbound form shows for its record, as the browser would send it
    back unchanged: the starting point of a partial update."""
    return {name: form[name].value() for name in form.fields}


def patched(current: dict[str, Any], given: dict[str, Any]) -> dict[str, Any]:
    """The current values with the fields given in a PATCH body laid over them; null is a
    blank field (an empty text, an unticked box, an unknown yes/no)."""
    return {**current, **{name: "" if value is None else value for name, value in given.items()}}


def language_of(request: HttpRequest) -> str:
    """The API speaks the user's language: the one picked on the pages (language cookie),
    else the first supported language of Accept-Language (an API client's explicit choice),
    else Indonesian."""
    supported = {code for code, _name in settings.LANGUAGES}
    chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
    if chosen in supported:
        return str(chosen)
    for part in request.headers.get("Accept-Language", "").split(","):
        base = part.split(";", 1)[0].strip().lower().split("-", 1)[0]
        if base in supported:
            return base
    return str(settings.LANGUAGE_CODE)
