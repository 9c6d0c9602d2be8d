"""The audit browser: for administrators and the secretariat; identifying values masked for
anyone not allowed to see that person."""

from __future__ import annotations

import csv
from datetime import datetime, time
from typing import Any

from django import forms
from django.contrib.auth.decorators import login_required
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sigap.core import audit
from sigap.core.access import Action, require, scoped
from sigap.core.forms import StyledFormMixin
from sigap.core.models import AuditEvent
from sigap.core.pagination import paginate
from sigap.core.sudo import sudo_required


class AuditFilterForm(StyledFormMixin, forms.Form):
    actor = forms.CharField(label=_("User"), required=False, max_length=150)
    action = forms.CharField(label=_("Action"), required=False, max_length=40)
    object_type = forms.CharField(label=_("Object type"), required=False, max_length=60)
    object_id = forms.CharField(label=_("Object id"), required=False, max_length=64)
    since = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    until = forms.DateField(
        label=_("Until"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )


def filtered_events(user: Any, data: dict[str, Any], action: Action) -> QuerySet[AuditEvent]:
    events = scoped(user, AuditEvent, action).select_related("actor")
    if data.get("actor"):
        events = events.filter(actor_label__iexact=data["actor"])
    for field in ("action", "object_type", "object_id"):
        if data.get(field):
            events = events.filter(**{field: data[field]})
    zone = timezone.get_current_timezone()
    if data.get("since"):
        events = events.filter(at__gte=datetime.combine(data["since"], time.min, zone))
    if data.get("until"):
        events = events.filter(at__lte=datetime.combine(data["until"], time.max, zone))
    return events.order_by("-at", "-id")


@login_required
def audit_list(request: HttpRequest) -> HttpResponse:
    user = require(request, AuditEvent, Action.VIEW)
    form = AuditFilterForm(request.GET or None)
    data = form.cleaned_data if form.is_valid() else {}
    page, query = paginate(request, filtered_events(user, data, Action.VIEW))
    memo: dict[tuple[str, str], bool] = {}
    rows = [(event, audit.readable_details(user, event, memo)) for event in page]
    return render(
        request,
        "core/audit_list.html",
        {"form": form, "page": page, "rows": rows, "query": query},
    )


@login_required
@sudo_required
def audit_export(request: HttpRequest) -> HttpResponse:
    user = require(request, AuditEvent, Action.EXPORT)
    form = AuditFilterForm(request.GET or None)
    data = form.cleaned_data if form.is_valid() else {}
    events = filtered_events(user, data, Action.EXPORT)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="sigap-audit.csv"'
    writer = csv.writer(response)
    writer.writerow(["time", "actor", "action", "object_type", "object_id", "ip", "details"])
    count = 0
    memo: dict[tuple[str, str], bool] = {}
    for event in events.iterator(chunk_size=1000):
        details = audit.readable_details(user, event, memo)
        writer.writerow(
            [
                event.at.isoformat(),
                event.actor_label,
                event.action,
                event.object_type,
                event.object_id,
                event.ip_address or "",
                details,
            ]
        )
        count += 1
    filters = {key: str(value) for key, value in data.items() if value}
    audit.record(
        actor=user,
        action="export",
        object_type="core.auditevent",
        details={"rows": count, "filters": filters},
        request=request,
    )
    return response
