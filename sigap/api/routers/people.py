"""Persons: list, search, read and register, within the token user's scope. Names follow
the pages' rule (an identity-protected person shows only the pseudonym to others), and the
NIK, phone, address and birth date are given only where the person page would show them."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest
from django.utils.translation import gettext as _
from ninja import Query, Router, Status

from sigap.api.auth import via
from sigap.api.common import current_values, page_body, page_of, patched, require
from sigap.api.errors import Conflict, InputError
from sigap.api.schemas import (
    DuplicateProblem,
    PageQuery,
    PersonDetailOut,
    PersonIn,
    PersonPage,
    PersonPatchIn,
    PersonSearchIn,
    Problem,
    RecordId,
)
from sigap.core import audit
from sigap.core.access import Action, Scope, get_or_404, scope_of
from sigap.people import selectors, services
from sigap.people.access import shows_real_name
from sigap.people.forms import PersonForm, PersonSearchForm
from sigap.people.models import Person

router = Router(tags=["persons"])
ERRORS: dict[int, Any] = {401: Problem, 404: Problem, 422: Problem}


def _shows_identity(scope: Scope | None, person: Person) -> bool:
    return person.anonymised_at is None and shows_real_name(scope, person)


def person_row(user: Any, person: Person, scope: Scope | None) -> dict[str, Any]:
    return {
        "id": person.pk,
        "pseudonym": person.pseudonym,
        "name": selectors.display_name(user, person),
        "identity_shown": _shows_identity(scope, person),
        "sex": person.sex,
        "region": person.region_id,
    }


def person_body(user: Any, person: Person) -> dict[str, Any]:
    scope = scope_of(user)
    body = person_row(user, person, scope)
    body.update(
        citizenship=person.citizenship_id,
        agency=person.agency.slug,
        identity_protected=person.identity_protected,
        consent_services=person.consent_services,
        consent_share=person.consent_share,
        consent_by_guardian=person.consent_by_guardian,
        consent_withdrawn_at=person.consent_withdrawn_at,
        anonymised=person.anonymised_at is not None,
        created_at=person.created_at,
    )
    if body["identity_shown"]:
        body.update(
            nik=person.nik,
            nik_problem=person.nik_problem,
            aliases=[line for line in person.aliases.splitlines() if line.strip()],
            phone=person.phone,
            address=person.address,
            birth_date=person.birth_date,
            birth_date_estimated=person.birth_date_estimated,
            home_region=person.home_region_id,
        )
    return body


def _listed(request: HttpRequest, user: Any, rows: list[Person], *, searched: bool) -> None:
    """A list that names persons is a read of their identities (as on the persons page)."""
    if rows:
        audit.record(
            actor=user,
            action="view",
            object_type="people.person",
            details={"list": [person.pk for person in rows], "search": searched, **via(request)},
            request=request,
        )


@router.get(
    "",
    response={200: PersonPage, **ERRORS},
    url_name="person_list",
    operation_id="person_list",
    summary="List the persons in your scope",
)
def person_list(request: HttpRequest, paging: Query[PageQuery]) -> dict[str, Any]:
    """Newest first. `name` is the pseudonym for a person whose identity you may not see."""
    user = require(request, Person)
    scope = scope_of(user)
    count, rows = page_of(selectors.persons_for(user).order_by("-created_at", "-id"), paging)
    _listed(request, user, rows, searched=False)
    return page_body(count, paging, [person_row(user, person, scope) for person in rows])


@router.post(
    "/search",
    response={200: PersonPage, **ERRORS},
    url_name="person_search",
    operation_id="person_search",
    summary="Find persons by NIK or name",
)
def person_search(
    request: HttpRequest, payload: PersonSearchIn, paging: Query[PageQuery]
) -> dict[str, Any]:
    """The NIK and the name travel in the body, never in the URL. Persons whose identity
    you may not see are not matched."""
    user = require(request, Person)
    form = PersonSearchForm(data=payload.model_dump())
    if not form.is_valid():
        raise InputError.of_form(form)
    nik, name = form.cleaned_data["nik"], form.cleaned_data["name"]
    if not nik.strip() and not name.strip():
        raise InputError.on("__all__", _("Give a NIK or a name to search for."), "required")
    persons = selectors.person_search(user, nik=nik, name=name).order_by("-created_at", "-id")
    count, rows = page_of(persons, paging)
    _listed(request, user, rows, searched=True)
    scope = scope_of(user)
    return page_body(count, paging, [person_row(user, person, scope) for person in rows])


@router.get(
    "/{int:person_id}",
    response={200: PersonDetailOut, **ERRORS},
    url_name="person_detail",
    operation_id="person_detail",
    summary="Read a person",
)
def person_detail(request: HttpRequest, person_id: RecordId) -> dict[str, Any]:
    user = require(request, Person)
    person = get_or_404(user, Person, Action.VIEW, request=request, pk=person_id)
    audit.record(actor=user, action="view", obj=person, details=via(request), request=request)
    return person_body(user, person)


@router.post(
    "",
    response={201: PersonDetailOut, 409: DuplicateProblem, **ERRORS},
    url_name="person_create",
    operation_id="person_create",
    summary="Register a person",
)
def person_create(request: HttpRequest, payload: PersonIn) -> Status[dict[str, Any]]:
    """Values are read like on the registration page (NIK, day-first dates, region names,
    phone numbers; `estimated_age` when the birth date is not known). A NIK already
    registered for a person you can see is a 409 that names that person, instead of a
    duplicate (a NIK kept although invalid matches no one)."""
    user = require(request, Person, Action.CREATE)
    scope = scope_of(user)
    assert scope is not None  # noqa: S101 - require() above needs a scope
    data = payload.model_dump()
    data["aliases"] = "\n".join(name.strip() for name in payload.aliases if name.strip())
    data["region"] = data["region"] or scope.region_code
    data["nik_keep_invalid"] = "true" if payload.nik_keep_invalid else ""
    form = PersonForm(data=data, scope=scope)
    if not form.is_valid():
        raise InputError.of_form(form)
    _refuse_duplicate(_visible_match(user, form))
    person = services.person_create(actor=user, request=request, **form.person_fields())
    return Status(201, person_body(user, person))


def _visible_match(user: Any, form: PersonForm, exclude: Person | None = None) -> Person | None:
    """Another record with this NIK that the user may see, as the pages find it (a NIK kept
    although invalid matches no one; a person's own NIK is no match with itself)."""
    nik = form.cleaned_data["nik"]
    if form.nik_problem or not nik or (exclude is not None and nik == exclude.nik):
        return None
    match = selectors.visible_nik_match(user, nik)
    return None if match is None or match == exclude else match


def _refuse_duplicate(match: Person | None) -> None:
    if match is not None:
        raise Conflict(
            _("A person with this NIK is already registered as %(ref)s; use that record.")
            % {"ref": match.pseudonym},
            "duplicate_nik",
            person_id=match.pk,
            pseudonym=match.pseudonym,
        )


@router.patch(
    "/{int:person_id}",
    response={200: PersonDetailOut, 409: DuplicateProblem, **ERRORS},
    url_name="person_update",
    operation_id="person_update",
    summary="Change a person's record",
)
def person_update(
    request: HttpRequest, person_id: RecordId, payload: PersonPatchIn
) -> dict[str, Any]:
    """Only the fields given change; the others keep their values, and the whole is checked
    like the edit page (the record's region stays within your work region, a child's
    consent comes from a guardian). `estimated_age` replaces the birth date with an
    estimate unless `birth_date` is given too. Only those who may see the person's identity
    change it: an identity-protected person of another agency, or an anonymised one, is a
    404 as well. A NIK that another person you can see already has is a 409 naming that
    person (a NIK kept although invalid matches no one). The change is recorded in the
    audit log (names, NIK, phone and address sealed)."""
    user = require(request, Person, Action.CHANGE)
    scope = scope_of(user)
    assert scope is not None  # noqa: S101 - require() above needs a scope
    person = get_or_404(user, Person, Action.CHANGE, request=request, pk=person_id)
    if not _shows_identity(scope, person):  # as the edit page, and never an anonymised one
        audit.record(
            actor=user,
            action="denied",
            obj=person,
            details={"attempted": "edit", **via(request)},
            request=request,
        )
        raise Http404
    given = payload.model_dump(exclude_unset=True)
    if "aliases" in given:
        aliases = given["aliases"] or []
        given["aliases"] = "\n".join(name.strip() for name in aliases if name.strip())
    if given.get("estimated_age") is not None and "birth_date" not in given:
        given["birth_date"] = None  # an estimated age stands for the unknown birth date
    # A copy of the person for the form (a bound model form writes its values into it).
    editing = Person.objects.get(pk=person.pk)
    data = patched(current_values(PersonForm(instance=editing, scope=scope)), given)
    data["nik_keep_invalid"] = "true" if data["nik_keep_invalid"] else ""
    form = PersonForm(data=data, instance=editing, scope=scope)
    if not form.is_valid():
        raise InputError.of_form(form)
    _refuse_duplicate(_visible_match(user, form, exclude=person))
    person = services.person_update(
        actor=user, person=person, request=request, **form.person_fields()
    )
    return person_body(user, person)
