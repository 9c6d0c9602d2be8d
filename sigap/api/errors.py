"""How the API says no: every error is JSON `{"detail": ...}` in the user's language, never a
stack trace. 401 authentication, 404 not found or outside your scope, 409 a conflict (a
workflow refusal, a duplicate), 422 invalid input (with the messages per field)."""

from __future__ import annotations

import logging
from typing import Any

from django import forms
from django.core.signals import got_request_exception
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, ValidationError

from sigap.cases.services import WorkflowError
from sigap.core.parsing import ParseError

logger = logging.getLogger("django.request")

Messages = dict[str, list[dict[str, str]]]


class InputError(Exception):
    """Invalid input, as messages per field (the same shape as a Django form's errors)."""

    def __init__(self, errors: Messages) -> None:
        super().__init__(sorted(errors))
        self.errors = errors

    @classmethod
    def on(cls, field: str, message: Any, code: str = "invalid") -> InputError:
        return cls({field: [{"message": str(message), "code": code}]})

    @classmethod
    def parsed(cls, field: str, error: ParseError) -> InputError:
        return cls.on(field, error, error.code)

    @classmethod
    def of_form(cls, form: forms.BaseForm) -> InputError:
        data = form.errors.get_json_data()
        return cls({field: [dict(item) for item in items] for field, items in data.items()})

    def first_message(self) -> str:
        for items in self.errors.values():
            for item in items:
                return item["message"]
        return _("The request is not valid.")


class Conflict(Exception):
    """The request cannot be done in the record's current state (409)."""

    def __init__(self, message: Any, code: str, **extra: Any) -> None:
        super().__init__(code)
        self.message = str(message)
        self.code = code
        self.extra = extra


def workflow_message(error: WorkflowError) -> str:
    return error.message


def _pydantic_message(error: dict[str, Any]) -> str:
    """A validation error of the request's structure, in words an officer knows."""
    kind = error.get("type", "")
    ctx = error.get("ctx") or {}
    if kind == "missing":
        return _("This field is required.")
    if kind == "extra_forbidden":
        return _("This field is not known here; check its spelling.")
    if kind == "json_invalid":
        return _("The request body is not valid JSON.")
    if kind in {"int_parsing", "int_type", "int_from_float"}:
        return _("Enter a whole number.")
    if kind in {"bool_parsing", "bool_type"}:
        return _("Give true or false.")
    if kind in {"string_type"}:
        return _("Give this value as text.")
    if kind in {"list_type"}:
        return _("Give a list here.")
    if kind in {"dict_type", "model_type", "model_attributes_type"}:
        return _("Give an object here.")
    if kind == "string_too_long":
        return _("Too long: at most %(limit)s characters.") % {"limit": ctx.get("max_length")}
    if kind in {"greater_than_equal", "greater_than"}:
        limit = ctx.get("ge", ctx.get("gt"))
        return _("Too small: the least is %(limit)s.") % {"limit": limit}
    if kind in {"less_than_equal", "less_than"}:
        limit = ctx.get("le", ctx.get("lt"))
        return _("Too large: the most is %(limit)s.") % {"limit": limit}
    if kind in {"literal_error", "enum"}:
        return _("Choose one of: %(choices)s.") % {"choices": ctx.get("expected", "")}
    return _("Enter a valid value.")


def _field_name(location: tuple[Any, ...] | list[Any]) -> str:
    """("body", "payload", "answers", "act") -> "answers.act"; ("query", "page") -> "page"."""
    parts = [str(part) for part in location[1:]]
    if location and location[0] == "body" and parts and parts[0] == "payload":
        parts = parts[1:]
    return ".".join(parts) or "__all__"


def _problem(
    api: NinjaAPI, request: HttpRequest, status: int, detail: str, **extra: Any
) -> HttpResponse:
    return api.create_response(request, {"detail": detail, **extra}, status=status)


def install(api: NinjaAPI) -> None:
    """Replace ninja's default handlers (English texts, and a traceback under DEBUG).
    Each handler receives an instance of the exception class it is registered for."""

    def unauthenticated(request: HttpRequest, exc: Any) -> HttpResponse:
        response = _problem(api, request, 401, exc.message, code="not_authenticated")
        response["WWW-Authenticate"] = 'Bearer realm="SIGAP"'
        return response

    def http_error(request: HttpRequest, exc: Any) -> HttpResponse:
        if exc.status_code == 400:  # ninja's only 400: a body that cannot be parsed
            return _problem(api, request, 400, _("The request body is not valid JSON."))
        if exc.status_code == 429:  # a rate limit (settings.SIGAP_API_RATE)
            response = _problem(
                api,
                request,
                429,
                _("Too many requests; wait a moment and try again."),
                code="throttled",
            )
            if getattr(exc, "wait", None):
                response["Retry-After"] = str(int(exc.wait))
            return response
        return _problem(api, request, exc.status_code, exc.message)

    def not_found(request: HttpRequest, exc: Any) -> HttpResponse:
        return _problem(api, request, 404, _("Not found, or not in your scope."), code="not_found")

    def invalid_structure(request: HttpRequest, exc: Any) -> HttpResponse:
        errors: Messages = {}
        for error in exc.errors:
            field = _field_name(error.get("loc", ()))
            message = {"message": _pydantic_message(error), "code": str(error.get("type", ""))}
            errors.setdefault(field, []).append(message)
        return _invalid(request, InputError(errors))

    def _invalid(request: HttpRequest, exc: Any) -> HttpResponse:
        return _problem(api, request, 422, exc.first_message(), code="invalid", errors=exc.errors)

    def refused(request: HttpRequest, exc: Any) -> HttpResponse:
        return _problem(api, request, 409, workflow_message(exc), code=exc.code)

    def conflict(request: HttpRequest, exc: Any) -> HttpResponse:
        return _problem(api, request, 409, exc.message, code=exc.code, **exc.extra)

    def server_error(request: HttpRequest, exc: Any) -> HttpResponse:
        # Logged and signalled like Django's own 500s (error reports, the test client).
        logger.error("Internal Server Error: %s", request.path, exc_info=exc)
        got_request_exception.send(sender=None, request=request)
        return _problem(
            api,
            request,
            500,
            _("Something went wrong on the server; it was logged. Try again later."),
            code="server_error",
        )

    api.add_exception_handler(AuthenticationError, unauthenticated)
    api.add_exception_handler(HttpError, http_error)
    api.add_exception_handler(Http404, not_found)
    api.add_exception_handler(ValidationError, invalid_structure)
    api.add_exception_handler(InputError, _invalid)
    api.add_exception_handler(WorkflowError, refused)
    api.add_exception_handler(Conflict, conflict)
    api.add_exception_handler(Exception, server_error)
