"""Cases, their parties and the screening of victims, within the token user's scope. The
same services as the pages change them (and audit the change); the narrative is never
returned."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Query, Router, Status

from sigap.api.auth import via
from sigap.api.common import (
    choice_from,
    current_values,
    page_body,
    page_of,
    patched,
    region_from,
    require,
)
from sigap.api.errors import InputError, Messages, workflow_message
from sigap.api.schemas import (
    AnswersIn,
    CaseDetailOut,
    CaseFilterQuery,
    CaseIn,
    CasePage,
    CasePatchIn,
    CaseSearchIn,
    PageQuery,
    PartyIn,
    PartyOut,
    Problem,
    RecordId,
    ScreeningIn,
    ScreeningOut,
    StatusIn,
    VictimStatusIn,
)
from sigap.cases import services
from sigap.cases.forms import CaseForm, CaseSearchForm, VictimStatusForm
from sigap.cases.models import Case, CaseParty, CaseStatus, PartyRole, Screening
from sigap.cases.screening import CHECKLISTS, ELEMENTS, Answer, checklist_findings
from sigap.cases.selectors import SORTS, CaseFilters, case_search, cases_for, with_labels
from sigap.cases.vocabulary import Purpose
from sigap.core import audit
from sigap.core.access import Action, get_or_404, scoped
from sigap.core.models import Agency, Country, User
from sigap.core.parsing import ParseError, parse_date, resolve_country
from sigap.people.models import Person
from sigap.people.selectors import display_name

router = Router(tags=["cases"])
ERRORS: dict[int, Any] = {401: Problem, 404: Problem, 422: Problem}
QUESTIONS = {**ELEMENTS, **CHECKLISTS}


def case_row(case: Case) -> dict[str, Any]:
    return {
        "id": case.pk,
        "reference": case.reference,
        "status": case.status,
        "reported_on": case.reported_on,
        "incident_on": case.incident_on,
        "source": case.source,
        "region": case.region_id,
        "lead_agency": case.lead_agency.slug,
        "destination_country": case.destination_country_id,
        "child_victim": case.child_victim,
    }


def case_body(case: Case) -> dict[str, Any]:
    return {
        **case_row(case),
        "assigned_officer": case.assigned_officer.get_username() if case.assigned_officer else None,
        "origin_region": case.origin_region_id,
        "transit": case.transit,
        "destination_place": case.destination_place,
        "recruitment_method": case.recruitment_method,
        "recruitment_apps": list(case.recruitment_apps),
        "placement_company": case.placement_company,
        "placement_company_licensed": case.placement_company_licensed,
        "purposes": list(case.purposes),
        "means_of_control": list(case.means_of_control),
        "closed_reason": case.closed_reason,
        "next_statuses": [str(status) for status in services.manual_targets(case.status)],
        "created_at": case.created_at,
        "updated_at": case.updated_at,
    }


def party_body(user: Any, party: CaseParty) -> dict[str, Any]:
    return {
        "id": party.pk,
        "person_id": party.person_id,
        "pseudonym": party.person.pseudonym,
        "name": display_name(user, party.person),
        "role": party.role,
        "victim_status": party.victim_status,
        "victim_status_by": (
            party.victim_status_by.get_username() if party.victim_status_by else None
        ),
        "victim_status_at": party.victim_status_at,
        "added_at": party.added_at,
    }


def screening_body(screening: Screening) -> dict[str, Any]:
    result = services.explain(screening)
    return {
        "id": screening.pk,
        "party_id": screening.party_id,
        "outcome": str(result.outcome.value),
        "outcome_label": str(result.outcome.label),
        "reasons": [str(reason) for reason in result.reasons],
        "elements": {name: str(state) for name, state in result.elements.items()},
        "child": screening.child,
        "checklist_findings": [
            {"checklist": str(name), "items": labels}
            for name, labels in checklist_findings(screening.answers)
        ],
        "answers": screening.answers,
        "created_at": screening.created_at,
        "created_by": screening.created_by.get_username(),
    }


def case_filters(query: CaseFilterQuery) -> CaseFilters:
    """The list page's filters, read from the query string; a value that cannot be read is
    a 422 naming the parameter."""
    values: dict[str, Any] = {"child": query.child}
    if query.status:
        values["status"] = choice_from("status", query.status, CaseStatus.choices)
    if query.region:
        values["region"] = region_from("region", query.region)
    for field in ("since", "until"):
        text = getattr(query, field)
        if text:
            try:
                values[field] = parse_date(text)
            except ParseError as error:
                raise InputError.parsed(field, error) from None
    if query.purpose:
        values["purpose"] = choice_from("purpose", query.purpose, Purpose.choices)
    if query.lead_agency:
        key = query.lead_agency.strip()
        agency = Agency.objects.filter(slug=key).first() or (
            Agency.objects.filter(pk=int(key)).first() if key.isdigit() and len(key) < 19 else None
        )
        if agency is None:
            raise InputError.on("lead_agency", _("No agency has this slug or id."), "unknown")
        values["lead_agency"] = agency
    if query.destination_country:
        try:
            code = resolve_country(query.destination_country)
        except ParseError as error:
            raise InputError.parsed("destination_country", error) from None
        country = Country.objects.filter(code=code).first()
        if country is None:
            raise InputError.on("destination_country", _("Enter a valid value."), "unknown")
        values["destination_country"] = country
    values["sort"] = choice_from("sort", query.sort, [(key, key) for key in SORTS])
    return CaseFilters(**values)


@router.get(
    "",
    response={200: CasePage, **ERRORS},
    url_name="case_list",
    operation_id="case_list",
    summary="List the cases in your scope",
)
def case_list(request: HttpRequest, query: Query[CaseFilterQuery]) -> dict[str, Any]:
    """The same filters and sort keys as the cases page."""
    user = require(request, Case)
    count, rows = page_of(cases_for(user, case_filters(query)), query)
    return page_body(count, query, [case_row(case) for case in rows])


@router.post(
    "/search",
    response={200: CasePage, **ERRORS},
    url_name="case_search",
    operation_id="case_search",
    summary="Find cases by reference, or by the NIK or name of a person in them",
)
def case_search_view(
    request: HttpRequest, payload: CaseSearchIn, paging: Query[PageQuery]
) -> dict[str, Any]:
    """The reference, NIK or name travel in the body, never in the URL. Persons whose
    identity you may not see are not matched by NIK or name."""
    user = require(request, Case)
    form = CaseSearchForm(data=payload.model_dump())
    if not form.is_valid():
        raise InputError.of_form(form)
    count, rows = page_of(case_search(user, **form.cleaned_data), paging)
    with_labels(rows)
    if form.cleaned_data["nik"] or form.cleaned_data["name"]:
        # As on the cases page: a search by a person's identifiers is recorded.
        audit.record(
            actor=user,
            action="search",
            object_type="cases.case",
            details={"found": [case.pk for case in rows], **via(request)},
            request=request,
        )
    return page_body(count, paging, [case_row(case) for case in rows])


@router.get(
    "/{int:case_id}",
    response={200: CaseDetailOut, **ERRORS},
    url_name="case_detail",
    operation_id="case_detail",
    summary="Read a case",
)
def case_detail(request: HttpRequest, case_id: RecordId) -> dict[str, Any]:
    user = require(request, Case)
    case = get_or_404(user, Case, request=request, pk=case_id)
    audit.record(actor=user, action="view", obj=case, details=via(request), request=request)
    return case_body(case)


@router.post(
    "",
    response={201: CaseDetailOut, **ERRORS},
    url_name="case_create",
    operation_id="case_create",
    summary="Register a case",
)
def case_create(request: HttpRequest, payload: CaseIn) -> Status[dict[str, Any]]:
    """Values are read like on the registration page (day-first dates, region and country
    names). The lead agency is yours unless you name another one you may; the case must be
    in your work region."""
    user = require(request, Case, Action.CREATE)
    data = payload.model_dump()
    data["recruitment_apps"] = ", ".join(payload.recruitment_apps)
    data["lead_agency"] = _key_of(Agency.objects.filter(slug=payload.lead_agency), data)
    data["assigned_officer"] = _key_of(
        User.objects.filter(username=payload.assigned_officer), data, "assigned_officer"
    )
    form = CaseForm(data=data, user=user)
    if not form.is_valid():
        raise InputError.of_form(form)
    try:
        case = services.case_create(actor=user, request=request, **form.changes())
    except services.WorkflowError as error:
        raise InputError.on("region", workflow_message(error), error.code) from None
    return Status(201, case_body(case))


@router.patch(
    "/{int:case_id}",
    response={200: CaseDetailOut, 409: Problem, **ERRORS},
    url_name="case_update",
    operation_id="case_update",
    summary="Change the facts of a case",
)
def case_update(request: HttpRequest, case_id: RecordId, payload: CasePatchIn) -> dict[str, Any]:
    """Only the fields given change; the others keep their values, and the whole is checked
    like the edit page (e.g. the incident not after the report, the officer of the lead
    agency). An empty lead agency keeps the current one. A closed case is a 409 `closed`
    (reopen it first); an edit that would take the case out of your scope is a 409
    `out_of_scope`. The change is recorded in the case's timeline and the audit log."""
    user = require(request, Case, Action.CHANGE)
    case = get_or_404(user, Case, Action.CHANGE, request=request, pk=case_id)
    if case.status == CaseStatus.CLOSED:  # before reading the body: no edit can be done
        raise services.WorkflowError("closed")
    given = payload.model_dump(exclude_unset=True)
    if "recruitment_apps" in given:
        given["recruitment_apps"] = ", ".join(given["recruitment_apps"] or [])
    if "lead_agency" in given:
        given["lead_agency"] = _key_of(Agency.objects.filter(slug=given["lead_agency"]), given)
    if "assigned_officer" in given:
        officers = User.objects.filter(username=given["assigned_officer"])
        given["assigned_officer"] = _key_of(officers, given, "assigned_officer")
    # A copy of the case for the form (a bound model form writes its values into it).
    editing = Case.objects.get(pk=case.pk)
    data = patched(current_values(CaseForm(instance=editing, user=user)), given)
    form = CaseForm(data=data, instance=editing, user=user)
    if not form.is_valid():
        raise InputError.of_form(form)
    case = services.case_update(actor=user, case=case, request=request, **form.changes())
    return case_body(case)


def _key_of(found: Any, data: dict[str, Any], field: str = "lead_agency") -> Any:
    """The primary key the page's select would send for a slug or username (the value as
    given when nothing has it, for the form to refuse)."""
    if not data[field]:
        return ""
    match = found.first()
    return match.pk if match is not None else data[field]


@router.post(
    "/{int:case_id}/status",
    response={200: CaseDetailOut, 409: Problem, **ERRORS},
    url_name="case_status",
    operation_id="case_status",
    summary="Move a case to another status",
)
def case_status(request: HttpRequest, case_id: RecordId, payload: StatusIn) -> dict[str, Any]:
    """Only the workflow's next statuses are allowed (see `next_statuses` of the case);
    closing needs a reason. A refusal is a 409 with the reason."""
    user = require(request, Case, Action.CHANGE)
    case = get_or_404(user, Case, Action.CHANGE, request=request, pk=case_id)
    if payload.status not in CaseStatus.values:
        raise services.WorkflowError("wrong_state")
    services.case_move(user, case, payload.status, reason=payload.reason, request=request)
    return case_body(case)


@router.get(
    "/{int:case_id}/parties",
    response={200: list[PartyOut], **ERRORS},
    url_name="party_list",
    operation_id="party_list",
    summary="List the persons in a case",
    tags=["parties"],
)
def party_list(request: HttpRequest, case_id: RecordId) -> list[dict[str, Any]]:
    user = require(request, Case)
    case = get_or_404(user, Case, request=request, pk=case_id)
    parties = list(case.parties.select_related("person", "victim_status_by").order_by("role", "id"))
    audit.record(
        actor=user,
        action="view",
        obj=case,
        details={"parties": [party.person_id for party in parties], **via(request)},
        request=request,
    )
    return [party_body(user, party) for party in parties]


@router.post(
    "/{int:case_id}/parties",
    response={201: PartyOut, 409: Problem, **ERRORS},
    url_name="party_add",
    operation_id="party_add",
    summary="Add a person to a case",
    tags=["parties"],
)
def party_add(request: HttpRequest, case_id: RecordId, payload: PartyIn) -> Status[dict[str, Any]]:
    """The person must be one you can see (register them first with POST /persons)."""
    user = require(request, Case, Action.CHANGE)
    case = get_or_404(user, Case, Action.CHANGE, request=request, pk=case_id)
    role = choice_from("role", payload.role, PartyRole.choices)
    person = scoped(user, Person).filter(pk=payload.person_id).first()
    if person is None:  # the same answer whether it exists out of sight or not at all
        message = workflow_message(services.WorkflowError("person_not_visible"))
        raise InputError.on("person_id", message, "person_not_visible")
    party = services.party_add(actor=user, case=case, person=person, role=role, request=request)
    return Status(201, party_body(user, party))


def screening_answers(answers: AnswersIn) -> dict[str, dict[str, str]]:
    """Every question of the screening page, answered (an item not given is unknown); an
    item that is not a question of its list is a 422."""
    errors: Messages = {}
    result: dict[str, dict[str, str]] = {}
    for name, choices in QUESTIONS.items():
        given: dict[str, str] = getattr(answers, name)
        for item in given:
            if item not in choices.values:
                message = _(
                    "“%(item)s” is not a question of this list; the questions are: %(items)s."
                )
                errors[f"answers.{name}.{item}"] = [
                    {
                        "message": message % {"item": item, "items": ", ".join(choices.values)},
                        "code": "unknown_item",
                    }
                ]
        result[name] = {item: given.get(item, Answer.UNKNOWN.value) for item in choices.values}
    if errors:
        raise InputError(errors)
    return result


@router.post(
    "/{int:case_id}/parties/{int:party_id}/victim-status",
    response={200: PartyOut, 409: Problem, **ERRORS},
    url_name="victim_status",
    operation_id="victim_status",
    summary="Decide the victim status of a victim (possible, actual, not a victim)",
    tags=["parties"],
)
def victim_status(
    request: HttpRequest, case_id: RecordId, party_id: RecordId, payload: VictimStatusIn
) -> dict[str, Any]:
    """HTCDS: an actual victim is confirmed by an authority; who decided and when are kept
    (`victim_status_by`, `victim_status_at`). A party that is not a victim or possible
    victim is a 409 `not_a_victim_party`; a closed case a 409 `closed`."""
    user, _case, party = _party(request, case_id, party_id, Action.CHANGE)
    form = VictimStatusForm(data=payload.model_dump())
    if not form.is_valid():
        raise InputError.of_form(form)
    party = services.victim_status_decide(
        actor=user, party=party, status=form.cleaned_data["status"], request=request
    )
    return party_body(user, party)


def _party(request: HttpRequest, case_id: int, party_id: int, action: Action) -> Any:
    user = require(request, Case, action)
    case = get_or_404(user, Case, action, request=request, pk=case_id)
    party = get_or_404(user, CaseParty, action, request=request, pk=party_id, case=case)
    return user, case, party


@router.get(
    "/{int:case_id}/parties/{int:party_id}/screenings",
    response={200: list[ScreeningOut], **ERRORS},
    url_name="screening_list",
    operation_id="screening_list",
    summary="The screenings of a victim, newest first, with their results and reasons",
    tags=["screening"],
)
def screening_list(
    request: HttpRequest, case_id: RecordId, party_id: RecordId
) -> list[dict[str, Any]]:
    user, case, party = _party(request, case_id, party_id, Action.VIEW)
    screenings = party.screenings.select_related("created_by").order_by("-created_at", "-id")
    audit.record(
        actor=user,
        action="view",
        obj=case,
        details={"screenings_of": party.pk, **via(request)},
        request=request,
    )
    return [screening_body(screening) for screening in screenings]


@router.post(
    "/{int:case_id}/parties/{int:party_id}/screenings",
    response={201: ScreeningOut, 409: Problem, **ERRORS},
    url_name="screening_record",
    operation_id="screening_record",
    summary="Screen a victim (act, means, purpose and the indicator checklists)",
    tags=["screening"],
)
def screening_record(
    request: HttpRequest, case_id: RecordId, party_id: RecordId, payload: ScreeningIn
) -> Status[dict[str, Any]]:
    """Answers are yes, no or unknown per question; a question left out is unknown. The
    result is derived as on the screening page; a case in screening moves to indicated or
    not indicated when the result is decided."""
    user, _case, party = _party(request, case_id, party_id, Action.CHANGE)
    answers = screening_answers(payload.answers)
    screening = services.screening_record(actor=user, party=party, answers=answers, request=request)
    return Status(201, screening_body(screening))
