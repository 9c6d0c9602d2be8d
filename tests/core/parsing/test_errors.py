from __future__ import annotations

import pickle
from datetime import date, datetime, time, timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from sigap.core.parsing import AmbiguousValue, ParseError
from sigap.core.parsing.errors import unsupported_value


def test_a_parse_error_is_a_value_error_with_a_code_and_a_lazy_message() -> None:
    error = ParseError(
        "nik_length", _("A NIK has 16 digits; this value has %(count)d."), {"count": 15}
    )

    assert isinstance(error, ValueError)
    assert error.code == "nik_length"
    assert isinstance(error.message, Promise)
    assert error.params == {"count": 15}


def test_its_text_is_the_message_with_the_parameters_filled_in() -> None:
    error = ParseError(
        "nik_length", _("A NIK has 16 digits; this value has %(count)d."), {"count": 15}
    )

    assert str(error) == "A NIK has 16 digits; this value has 15."


def test_a_message_without_parameters_is_shown_as_it_is() -> None:
    assert str(ParseError("x", _("100% sure."))) == "100% sure."


def test_its_repr_renders_no_lazy_text() -> None:
    error = ParseError(
        "x", _("There is no day %(day)d in %(month)s."), {"day": 31, "month": _("May")}
    )

    assert repr(error) == "ParseError('x', params={'day': 31, 'month': '<lazy>'})"


def test_it_becomes_a_validation_error_for_django_forms() -> None:
    error = ParseError(
        "nik_length", _("A NIK has 16 digits; this value has %(count)d."), {"count": 15}
    )

    validation_error = error.as_validation_error()

    assert isinstance(validation_error, ValidationError)
    assert validation_error.code == "nik_length"
    assert validation_error.messages == ["A NIK has 16 digits; this value has 15."]


def test_an_ambiguous_value_lists_its_candidates() -> None:
    error = AmbiguousValue(
        "x", _("Which one?"), candidates=[("KR", "South Korea"), ("KP", "North Korea")]
    )

    assert isinstance(error, ParseError)
    assert error.candidates == [("KR", "South Korea"), ("KP", "North Korea")]
    assert "KR" in repr(error)


def test_errors_survive_pickling() -> None:
    error = ParseError(
        "nik_length", _("A NIK has 16 digits; this value has %(count)d."), {"count": 15}
    )
    ambiguous = AmbiguousValue("x", _("Which one?"), {"a": 1}, candidates=[("KR", "South Korea")])

    copy = pickle.loads(pickle.dumps(error))  # noqa: S301 (our own bytes)
    ambiguous_copy = pickle.loads(pickle.dumps(ambiguous))  # noqa: S301

    assert (copy.code, copy.params, str(copy)) == (error.code, error.params, str(error))
    assert ambiguous_copy.candidates == [("KR", "South Korea")]
    assert ambiguous_copy.params == {"a": 1}


@pytest.mark.parametrize(
    ("value", "kind"),
    [
        (True, "yes/no"),
        (5, "number"),
        (5.5, "number"),
        (Decimal("5"), "number"),
        (datetime(2024, 3, 12, 10, 0), "date and time"),  # noqa: DTZ001
        (date(2024, 3, 12), "date"),
        (time(10, 0), "time of day"),
        (timedelta(hours=1), "duration"),
        (b"x", "bytes"),
    ],
)
def test_an_unsupported_value_is_named_by_its_kind(value: object, kind: str) -> None:
    error = unsupported_value(value)

    assert error.code == "unsupported_value"
    assert str(error) == f"This kind of value ({kind}) cannot be read here."
    assert pickle.loads(pickle.dumps(error)).params == error.params  # noqa: S301
