"""Pages about persons. Every page that shows a person's identity records a `view` event."""

from __future__ import annotations

import json
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from sigap.core import audit
from sigap.core.access import Action, get_or_404, require, scope_of, scoped
from sigap.core.pagination import first_matches, paginate
from sigap.core.sections import sections_for
from sigap.core.sudo import sudo_required
from sigap.people import selectors, services
from sigap.people.access import shows_real_name
from sigap.people.forms import PersonForm, PersonSearchForm
from sigap.people.models import DuplicateCandidate, DuplicateStatus, Person


@login_required
def person_list(request: HttpRequest) -> HttpResponse:
    """All persons in scope; searching (POST) by NIK or name keeps them out of URLs."""
    user = require(request, Person)
    form = PersonSearchForm(request.POST or None)
    searched = request.method == "POST" and form.is_valid()
    page: Any
    if searched:
        found = selectors.person_search(
            user, nik=form.cleaned_data["nik"], name=form.cleaned_data["name"]
        )
        page, query = first_matches(found.order_by("-created_at", "-id")), ""
    else:
        page, query = paginate(request, selectors.persons_for(user).order_by("-created_at", "-id"))
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
        existing = _visible_match(user, form)
        if existing is not None:
            return _offer_existing(request, form, existing)
        person = services.person_create(actor=user, request=request, **form.person_fields())
        messages.success(
            request, _("The person was registered as %(ref)s.") % {"ref": person.pseudonym}
        )
        return HttpResponseRedirect(reverse("people:person_detail", args=[person.pk]))
    return render(request, "people/person_form.html", {"form": form})


@login_required
def person_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """Correct a person's record (e.g. the birth date, which decides the child rules); only
    by those who may see the person's identity."""
    user = require(request, Person, Action.CHANGE)
    person = get_or_404(user, Person, Action.CHANGE, request=request, pk=pk)
    scope = scope_of(user)
    if person.anonymised_at is not None or not shows_real_name(scope, person):
        audit.record(
            actor=user, action="denied", obj=person, details={"attempted": "edit"}, request=request
        )
        raise Http404
    assert scope is not None  # noqa: S101 - shows_real_name() needs a scope
    form = PersonForm(request.POST or None, instance=Person.objects.get(pk=pk), scope=scope)
    if request.method == "POST" and form.is_valid():
        existing = _visible_match(user, form, exclude=person)
        if existing is not None:
            return _offer_existing(request, form, existing, person=person)
        services.person_update(actor=user, person=person, request=request, **form.person_fields())
        messages.success(request, _("The changes were saved."))
        return HttpResponseRedirect(reverse("people:person_detail", args=[person.pk]))
    return render(request, "people/person_form.html", {"form": form, "person": person})


def _visible_match(user: Any, form: PersonForm, exclude: Person | None = None) -> Person | None:
    """Another record with this NIK that the user may see (a flagged NIK matches no one)."""
    if form.nik_problem or not form.cleaned_data["nik"]:
        return None
    if exclude is not None and form.cleaned_data["nik"] == exclude.nik:
        return None
    return selectors.visible_nik_match(user, form.cleaned_data["nik"])


def _offer_existing(
    request: HttpRequest, form: PersonForm, existing: Person, person: Person | None = None
) -> HttpResponse:
    context = {
        "form": form,
        "person": person,
        "existing": existing,
        "existing_name": selectors.display_name(request.user, existing),
    }
    return render(request, "people/person_form.html", context)


@login_required
def person_detail(request: HttpRequest, pk: int) -> HttpResponse:
    user = require(request, Person)
    person = get_or_404(user, Person, Action.VIEW, request=request, pk=pk)
    name = selectors.display_name(user, person)
    audit.record(actor=user, action="view", obj=person, request=request)
    return render(
        request,
        "people/person_detail.html",
        {
            "person": person,
            "name": name,
            "shows_identity": name != person.pseudonym,
            "sections": sections_for(user, person),
        },
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


@login_required
def duplicate_list(request: HttpRequest) -> HttpResponse:
    """The secretariat's queue of records that may be one person (the same NIK)."""
    user = require(request, DuplicateCandidate)
    pairs = scoped(user, DuplicateCandidate).select_related(
        "person__region", "other__region", "person__agency", "other__agency", "resolved_by"
    )
    page, query = paginate(request, pairs)
    audit.record(
        actor=user,
        action="view",
        object_type="people.person",
        details={"duplicates": [pair.pk for pair in page]},
        request=request,
    )
    return render(request, "people/duplicate_list.html", {"page": page, "query": query})


@login_required
@require_POST
def duplicate_resolve(request: HttpRequest, pk: int) -> HttpResponse:
    user = require(request, DuplicateCandidate, Action.CHANGE)
    pair = get_or_404(user, DuplicateCandidate, Action.CHANGE, request=request, pk=pk)
    decision = request.POST.get("decision", "")
    if pair.status != DuplicateStatus.OPEN:
        messages.error(request, _("This pair was already decided."))
    elif decision == "dismiss":
        services.duplicate_dismiss(actor=user, candidate=pair, request=request)
        messages.success(request, _("Recorded: these are two different persons."))
    elif decision in {"keep_person", "keep_other"}:
        keep = pair.person if decision == "keep_person" else pair.other
        services.duplicate_merge(actor=user, candidate=pair, keep=keep, request=request)
        messages.success(
            request, _("The records were merged into %(ref)s.") % {"ref": keep.pseudonym}
        )
    else:
        messages.error(request, _("Choose which record to keep, or that they differ."))
    return HttpResponseRedirect(reverse("people:duplicate_list"))
