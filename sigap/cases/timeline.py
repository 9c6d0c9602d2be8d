"""The case timeline in plain words: one sentence per event kind, in the reader's language.

Events store keys (statuses, roles, outcomes), never sentences, so the timeline reads in
the language of whoever opens it. Other apps (referrals, documents) add their kinds with
`register`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.utils.translation import gettext as _

from sigap.cases.models import (
    CaseDocument,
    CaseEvent,
    CaseNote,
    CaseStatus,
    PartyRole,
    VictimStatus,
)
from sigap.cases.screening import Outcome

Describer = Callable[[dict[str, Any]], str]
_DESCRIBERS: dict[str, Describer] = {}


def register(kind: str) -> Callable[[Describer], Describer]:
    def decorator(describe: Describer) -> Describer:
        _DESCRIBERS[kind] = describe
        return describe

    return decorator


def _label(choices: Any, value: str) -> str:
    try:
        return str(choices(value).label)
    except ValueError:
        return value or "—"


def describe(event: CaseEvent) -> str:
    describer = _DESCRIBERS.get(event.kind)
    if describer is None:
        return event.kind
    return describer(event.details or {})


@register("created")
def _created(details: dict[str, Any]) -> str:
    return _("Case registered with status %(status)s.") % {
        "status": _label(CaseStatus, details.get("status", ""))
    }


@register("updated")
def _updated(details: dict[str, Any]) -> str:
    from sigap.cases.models import Case

    labels = {field.attname: field.verbose_name for field in Case._meta.concrete_fields}
    names = [str(labels.get(field, field)) for field in details.get("fields", [])]
    return _("Case details changed: %(fields)s.") % {"fields": ", ".join(names)}


@register("party_added")
def _party_added(details: dict[str, Any]) -> str:
    return _("%(person)s added as %(role)s.") % {
        "person": details.get("person", ""),
        "role": _label(PartyRole, details.get("role", "")).lower(),
    }


@register("screened")
def _screened(details: dict[str, Any]) -> str:
    return _("%(person)s screened: %(outcome)s.") % {
        "person": details.get("person", ""),
        "outcome": _label(Outcome, details.get("outcome", "")),
    }


@register("status")
def _status(details: dict[str, Any]) -> str:
    text = _("Status changed from %(before)s to %(after)s.") % {
        "before": _label(CaseStatus, details.get("before", "")),
        "after": _label(CaseStatus, details.get("after", "")),
    }
    note = CaseNote.objects.filter(pk=details.get("note") or 0).first()
    if note is not None:  # the reason for closing, kept encrypted as a note
        text += " " + _("Reason: %(reason)s") % {"reason": note.text}
    return text


@register("victim_status")
def _victim_status(details: dict[str, Any]) -> str:
    return _("Victim status of %(person)s decided: %(after)s (was %(before)s).") % {
        "person": details.get("person", ""),
        "after": _label(VictimStatus, details.get("after", "")),
        "before": _label(VictimStatus, details.get("before", "")),
    }


@register("document_added")
def _document_added(details: dict[str, Any]) -> str:
    document = CaseDocument.objects.filter(pk=details.get("document") or 0).first()
    return _("Document attached: %(title)s.") % {"title": document.title if document else "—"}


@register("note")
def _note(details: dict[str, Any]) -> str:
    note = CaseNote.objects.filter(pk=details.get("note") or 0).first()
    return _("Note: %(text)s") % {"text": note.text if note else "—"}
