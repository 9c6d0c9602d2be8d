"""The one error type every parser raises, so callers can show officers why a value was refused.

Messages are English msgids wrapped in ``gettext_lazy``: they are rendered in the officer's
language only when shown. Values are passed as named parameters and kept on the error, so an
importer can store the code and parameters and render the message later, or hand them to a
Django form as a ``ValidationError``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

__all__ = ["AmbiguousValue", "Message", "ParseError", "empty_value", "unsupported_value"]

if TYPE_CHECKING:
    from django.utils.functional import _StrOrPromise as Message
else:
    Message = str | Promise  # a str or a lazy (gettext_lazy) str


class ParseError(ValueError):
    """A value could not be read; ``code`` says why (for programs), ``message`` (for people)."""

    def __init__(self, code: str, message: Message, params: Mapping[str, Any] | None = None):
        self.code = code
        self.message = message
        self.params: dict[str, Any] = dict(params or {})
        # args match the constructor so the error survives pickling (e.g. in task results).
        super().__init__(code, message, self.params)

    def __str__(self) -> str:
        text = str(self.message)
        return text % self.params if self.params else text

    def __repr__(self) -> str:
        # Renders no lazy text: a repr must work without settings or an active language.
        params = {k: "<lazy>" if isinstance(v, Promise) else v for k, v in self.params.items()}
        return f"{type(self).__name__}({self.code!r}, params={params!r})"

    def as_validation_error(self) -> ValidationError:
        """The same error for a Django form field, translated when the form is rendered."""
        return ValidationError(self.message, code=self.code, params=self.params)


class AmbiguousValue(ParseError):
    """The value matches several things equally well; ``candidates`` lists them as
    ``(code, label)`` pairs so the officer can pick one instead of SIGAP guessing."""

    def __init__(
        self,
        code: str,
        message: Message,
        params: Mapping[str, Any] | None = None,
        candidates: Sequence[tuple[str, Message]] = (),
    ):
        super().__init__(code, message, params)
        self.candidates: list[tuple[str, Message]] = list(candidates)
        self.args = (code, message, self.params, self.candidates)

    def __repr__(self) -> str:
        codes = [code for code, _label in self.candidates]
        return f"{type(self).__name__}({self.code!r}, candidates={codes!r})"


def empty_value() -> ParseError:
    """The shared error for a blank cell or field: callers decide whether blank is allowed."""
    return ParseError("empty", _("No value was given."))


# Names for the kinds of cell values, for officers; checked in order (bool is an int, datetime
# a date). Other types are named by their Python type.
_KINDS: tuple[tuple[type | tuple[type, ...], Message], ...] = (
    (bool, _("yes/no")),
    ((int, float, Decimal), _("number")),
    (datetime, _("date and time")),
    (date, _("date")),
    (time, _("time of day")),
    (timedelta, _("duration")),
)


def value_kind(value: object) -> Message:
    """What kind of value ``value`` is, in words an officer knows ("number", "time of day")."""
    for types, label in _KINDS:
        if isinstance(value, types):
            return label
    return type(value).__name__


def unsupported_value(value: object) -> ParseError:
    """The error for a cell of a type a parser cannot read (a time of day in a date column, a
    number as a country): one row is refused instead of an AttributeError stopping the import."""
    return ParseError(
        "unsupported_value",
        _("This kind of value (%(kind)s) cannot be read here."),
        {"kind": value_kind(value)},
    )
