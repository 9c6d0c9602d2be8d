"""Pages about persons. Every page that shows a person's identity records a `view` event."""

from __future__ import annotations

import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from sigap.core import audit
from sigap.core.access import Action, get_or_404, require, scope_of
from sigap.core.pagination import paginate
from sigap.core.sudo import sudo_required
from sigap.people import selectors, services
from sigap.people.access import shows_real_name
from sigap.people.forms import PersonForm, PersonSearchForm
from sigap.people.models import Person


@login_required
def person_list(request: HttpRequest) -> HttpResponse:
    """All persons in scope; searching (POST) by NIK or name keeps them out of URLs."""
    user = require(request, Person)
    form = PersonSearchForm(request.POST or None)
    persons = selectors.persons_for(user)
    searched = request.method == "POST" and form.is_valid()
    if searched:
        persons = selectors.person_search(
            user, nik=form.cleaned_data["nik"], name=form.cleaned_data["name"]
        )
    page, query = paginate(request, persons.order_by("-created_at", "-id"))
    rows = [(person, selectors.display_name(user, person)) for person in page]
    if rows:
        audit.record(
            actor=user,
            action="view",
            object_type="people.person",
            details={"list": [person.pk for person, _name in rows], "search": searched},
            request=request,
        )
    return render(
        request,
        "people/person_list.html",
        {"form": form, "page": page, "query": query, "rows": rows, "searched": searched},
    )


@login_required
def person_create(request: HttpRequest) -> HttpResponse:
    user = require(request, Person, Action.CREATE)
    scope = scope_of(user)
    assert scope is not None  # noqa: S101 - permits() above needs a scope
    form = PersonForm(request.POST or None, scope=scope)
    if request.method == "POST" and form.is_valid():
        fields = {k: v if v is not None else "" for k, v in form.cleaned_data.items()}
        for nullable in ("birth_date", "citizenship", "home_region"):
            fields[nullable] = form.cleaned_data[nullable]
        person = services.person_create(actor=user, request=request, **fields)
        messages.success(
            request, _("The person was registered as %(ref)s.") % {"ref": person.pseudonym}
        )
        return HttpResponseRedirect(reverse("people:person_detail", args=[person.pk]))
    return render(request, "people/person_form.html", {"form": form})


@login_required
def person_detail(request: HttpRequest, pk: int) -> HttpResponse:
    user = require(request, Person)
    person = get_or_404(user, Person, Action.VIEW, request=request, pk=pk)
    name = selectors.display_name(user, person)
    audit.record(actor=user, action="view", obj=person, request=request)
    return render(
        request,
        "people/person_detail.html",
        {"person": person, "name": name, "shows_identity": name != person.pseudonym},
    )


@login_required
@require_POST
def person_withdraw_consent(request: HttpRequest, pk: int) -> HttpResponse:
    user = require(request, Person, Action.CHANGE)
    person = get_or_404(user, Person, Action.CHANGE, request=request, pk=pk)
    services.person_withdraw_consent(actor=user, person=person, request=request)
    messages.success(
        request, _("The withdrawal of consent was recorded; the data is no longer shared.")
    )
    return HttpResponseRedirect(reverse("people:person_detail", args=[person.pk]))


@login_required
@sudo_required
def person_data_export(request: HttpRequest, pk: int) -> HttpResponse:
    """A data subject's access request (UU PDP): everything SIGAP holds on the person."""
    user = require(request, Person, Action.EXPORT)
    person = get_or_404(user, Person, Action.EXPORT, request=request, pk=pk)
    if not shows_real_name(scope_of(user), person):
        audit.record(
            actor=user,
            action="denied",
            obj=person,
            details={"attempted": "export"},
            request=request,
        )
        raise Http404
    data = selectors.subject_access_export(person)
    audit.record(
        actor=user, action="export", obj=person, details={"kind": "subject_access"}, request=request
    )
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=1, default=str),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="sigap-{person.pseudonym}.json"'
    return response
