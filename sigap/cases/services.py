"""Writes on cases: creation, parties, screening and the status workflow. Each service is
atomic, checks the state it starts from and the actor's right, writes the case's timeline
and the audit log in the same transaction."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from datetime import date
from typing import Any, ClassVar

from django.core.files import File
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sigap.cases.models import (
    VICTIM_ROLES,
    Case,
    CaseDocument,
    CaseEvent,
    CaseNote,
    CaseParty,
    CaseStatus,
    Screening,
    VictimStatus,
)
from sigap.cases.screening import Answer, Outcome, ScreeningAnswers, ScreeningResult, screen
from sigap.core import audit
from sigap.core.access import Action, can
from sigap.core.models import Agency, User
from sigap.core.sequences import next_value
from sigap.core.uploads import check_upload
from sigap.people.models import Person
from sigap.people.services import age_on

S = CaseStatus
# The workflow: from each status, where a case may go next.
TRANSITIONS: dict[str, frozenset[str]] = {
    S.REPORTED: frozenset({S.SCREENING, S.CLOSED}),
    S.SCREENING: frozenset({S.INDICATED, S.NOT_INDICATED, S.CLOSED}),
    S.INDICATED: frozenset({S.IN_HANDLING, S.NOT_INDICATED, S.CLOSED}),
    S.NOT_INDICATED: frozenset({S.SCREENING, S.INDICATED, S.CLOSED}),
    S.IN_HANDLING: frozenset({S.REFERRED, S.IN_PROSECUTION, S.CLOSED}),
    S.REFERRED: frozenset({S.IN_PROSECUTION, S.CLOSED}),
    S.IN_PROSECUTION: frozenset({S.CLOSED}),
    S.CLOSED: frozenset({S.REOPENED}),
    S.REOPENED: frozenset({S.SCREENING, S.IN_HANDLING, S.CLOSED}),
}
# Reached only through the screening of the victims (the pure rule), never chosen by hand.
SCREENING_RESULTS = frozenset({S.INDICATED, S.NOT_INDICATED})


def manual_targets(status: str) -> list[CaseStatus]:
    """The statuses a user may move a case to from `status` (pages and API offer these)."""
    return [CaseStatus(value) for value in sorted(TRANSITIONS[status] - SCREENING_RESULTS)]


WORKFLOW_MESSAGES = {
    "wrong_state": _("This change is not possible from the case's current status."),
    "reason_required": _("Give the reason for closing the case."),
    "not_allowed": _("You may not change this case."),
    "out_of_scope": _("A case must stay in your own work region (and agency)."),
    "person_not_visible": _("That person is not in your scope."),
    "not_a_victim_party": _(
        "Screening and victim status are for a victim or possible victim only."
    ),
    "closed": _("A closed case cannot be changed; reopen it first."),
    "already_party": _("This person already has this role in the case."),
    "empty_note": _("Write the note first (at most 5,000 characters)."),
    "by_screening": _(
        "Indicated or not indicated follows from screening the victims; screen them instead."
    ),
}


class WorkflowError(Exception):
    """A transition refused: wrong starting state, missing reason, or no right to it.
    Other capabilities subclass it with their own `messages` (read before these)."""

    messages: ClassVar[Mapping[str, Any]] = {}

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code

    @property
    def message(self) -> str:
        """Why, for the user, in their language."""
        text = self.messages.get(self.code) or WORKFLOW_MESSAGES.get(self.code)
        return str(text or _("The change was refused."))


def _event(case: Case, actor: User, kind: str, **details: Any) -> None:
    CaseEvent.objects.create(case=case, actor=actor, kind=kind, details=details)


def _next_reference(region_code: str, year: int) -> str:
    """TPPO/63.03/2024/0007: per regency (or province) and year, never reused."""
    code = region_code[:5]
    return f"TPPO/{code}/{year}/{next_value(f'case:{code}:{year}'):04d}"


@transaction.atomic
def case_create(*, actor: User, reported_on: date, request: Any = None, **fields: Any) -> Case:
    case = Case(created_by=actor, reported_on=reported_on, **fields)
    if not case.lead_agency_id:
        if actor.agency is None:
            raise WorkflowError("not_allowed")
        case.lead_agency = actor.agency
    case.reference = _next_reference(case.region_id, reported_on.year)
    case.save()
    if not can(actor, case, Action.CREATE):
        raise WorkflowError("out_of_scope")  # rolls the case back
    _event(case, actor, "created", status=case.status)
    audit.record(
        actor=actor,
        action="create",
        obj=case,
        request=request,
        details={"reference": case.reference},
    )
    return case


# What an edit may change; the reference, status and scope-only fields are not in it.
EDITABLE_FIELDS = (
    "reported_on",
    "incident_on",
    "source",
    "region_id",
    "lead_agency_id",
    "assigned_officer_id",
    "origin_region_id",
    "transit",
    "destination_country_id",
    "destination_place",
    "recruitment_method",
    "recruitment_apps",
    "placement_company",
    "placement_company_licensed",
    "purposes",
    "means_of_control",
    "narrative",
)
EDITABLE_NAMES = frozenset(EDITABLE_FIELDS) | {name.removesuffix("_id") for name in EDITABLE_FIELDS}
SENSITIVE_CASE_FIELDS = frozenset({"narrative"})


@transaction.atomic
def case_update(*, actor: User, case: Case, request: Any = None, **changes: Any) -> Case:
    """Edit a case's facts. The actor must be allowed to change it before and after (a case
    cannot be moved out of one's own scope by an edit), and a closed case is reopened first."""
    unknown = set(changes) - EDITABLE_NAMES
    if unknown:
        raise TypeError(f"case_update cannot change {sorted(unknown)}")
    _require(actor, case)
    case = Case.objects.select_for_update().get(pk=case.pk)  # as stored, not as a form left it
    if case.status == S.CLOSED:
        raise WorkflowError("closed")
    before = audit.snapshot(case, EDITABLE_FIELDS)
    for field, value in changes.items():
        setattr(case, field, value)
    diff = audit.changes(
        before, audit.snapshot(case, EDITABLE_FIELDS), sensitive=SENSITIVE_CASE_FIELDS
    )
    if not diff:
        return case
    case.save()
    if not can(actor, case, Action.CHANGE):
        raise WorkflowError("out_of_scope")  # rolls the edit back
    refresh_child_victim(case)
    _event(case, actor, "updated", fields=sorted(diff))
    audit.record(actor=actor, action="change", obj=case, request=request, details={"changes": diff})
    return case


@transaction.atomic
def case_hand_over(
    *, actor: User, case: Case, region_id: str, lead_agency: Agency, request: Any = None
) -> Case:
    """Give the lead of a case to another task force: the case moves to its region and
    agency, and waits for an officer there. Only the transfer service calls this, once the
    receiving task force has accepted (the actor is the officer who accepted)."""
    case = Case.objects.select_for_update().get(pk=case.pk)
    if case.status == S.CLOSED:
        raise WorkflowError("closed")
    before = {"region": case.region_id, "lead_agency": case.lead_agency_id}
    case.region_id, case.lead_agency, case.assigned_officer = region_id, lead_agency, None
    case.save(update_fields=["region", "lead_agency", "assigned_officer", "updated_at"])
    _event(case, actor, "handed_over", region=region_id, agency=lead_agency.slug)
    audit.record(
        actor=actor,
        action="hand_over",
        obj=case,
        request=request,
        details={"before": before, "after": {"region": region_id, "lead_agency": lead_agency.pk}},
    )
    return case


@transaction.atomic
def party_add(
    *, actor: User, case: Case, person: Person, role: str, request: Any = None
) -> CaseParty:
    """Add a person the actor may see (linking someone registered out of the actor's sight
    is the secretariat's job, so nothing about them is revealed)."""
    _require(actor, case, open_only=True)
    if not can(actor, person, Action.VIEW):
        raise WorkflowError("person_not_visible")
    if CaseParty.objects.filter(case=case, person=person, role=role).exists():
        raise WorkflowError("already_party")
    party = CaseParty.objects.create(
        case=case,
        person=person,
        role=role,
        victim_status=VictimStatus.POSSIBLE if role in VICTIM_ROLES else "",
    )
    if role in VICTIM_ROLES:
        refresh_child_victim(case)
    _event(case, actor, "party_added", role=role, person=person.pseudonym)
    audit.record(
        actor=actor,
        action="party_add",
        obj=case,
        request=request,
        details={"person": person.pk, "role": role},
    )
    return party


def refresh_child_victim(case: Case) -> None:
    """Keep `Case.child_victim` true to the victims' birth dates and the incident date."""
    child = any(
        child_at_exploitation(case, party.person)
        for party in case.parties.filter(role__in=VICTIM_ROLES).select_related("person")
    )
    if child != case.child_victim:
        case.child_victim = child
        case.save(update_fields=["child_victim"])


def refresh_child_victim_of(person: Person) -> None:
    """After a person's birth date changed: the cases where they are a victim."""
    for case in Case.objects.filter(
        parties__person=person, parties__role__in=VICTIM_ROLES
    ).distinct():
        refresh_child_victim(case)


def child_at_exploitation(case: Case, person: Person) -> bool | None:
    """A child is under 18 at the time of exploitation (the incident date, or the report)."""
    age = age_on(person, case.incident_on or case.reported_on)
    return None if age is None else age < 18


def _screening_answers(answers: dict[str, dict[str, str]], child: bool | None) -> ScreeningAnswers:
    typed = {
        name: {item: Answer(value) for item, value in answers.get(name, {}).items()}
        for name in ("act", "means", "purpose")
    }
    return ScreeningAnswers(**typed, child=child)


def preview_screening(answers: dict[str, dict[str, str]], child: bool | None) -> ScreeningResult:
    """The result the answers would give, without saving them (the form's live result)."""
    return screen(_screening_answers(answers, child))


def explain(screening: Screening) -> ScreeningResult:
    """The result of a stored screening with its explanation (derived again, never stored)."""
    return screen(_screening_answers(screening.answers, screening.child))


@transaction.atomic
def screening_record(
    *, actor: User, party: CaseParty, answers: dict[str, dict[str, str]], request: Any = None
) -> Screening:
    """Screen one victim; the case moves to indicated / not indicated when it was in
    screening and the result is decided (insufficient information leaves it in screening)."""
    case = party.case
    _require(actor, case, open_only=True)
    if party.role not in VICTIM_ROLES:
        raise WorkflowError("not_a_victim_party")
    child = child_at_exploitation(case, party.person)
    result = screen(_screening_answers(answers, child))
    screening = Screening.objects.create(
        case=case,
        party=party,
        answers=answers,
        child=child,
        outcome=result.outcome,
        created_by=actor,
    )
    _event(case, actor, "screened", outcome=result.outcome, person=party.person.pseudonym)
    audit.record(
        actor=actor,
        action="screen",
        obj=case,
        request=request,
        details={"outcome": str(result.outcome), "party": party.pk},
    )
    target = {Outcome.INDICATED: S.INDICATED, Outcome.NOT_INDICATED: S.NOT_INDICATED}.get(
        case_screening_outcome(case)
    )
    if target and case.status in {S.SCREENING, *SCREENING_RESULTS} and case.status != target:
        _move(actor, case, target, request=request)
    return screening


def case_screening_outcome(case: Case) -> Outcome:
    """The case's result from each victim's latest screening: indicated when any victim's
    is; not indicated when every victim's is; otherwise insufficient information."""
    outcomes = []
    for party in case.parties.filter(role__in=VICTIM_ROLES):
        latest = party.screenings.order_by("-created_at", "-id").first()
        outcomes.append(Outcome(latest.outcome) if latest else Outcome.INSUFFICIENT)
    if Outcome.INDICATED in outcomes:
        return Outcome.INDICATED
    if outcomes and all(outcome == Outcome.NOT_INDICATED for outcome in outcomes):
        return Outcome.NOT_INDICATED
    return Outcome.INSUFFICIENT


@transaction.atomic
def victim_status_decide(
    *, actor: User, party: CaseParty, status: str, request: Any = None
) -> CaseParty:
    """HTCDS: an actual victim is confirmed by an authority; who decided and when is kept."""
    _require(actor, party.case, open_only=True)
    if party.role not in VICTIM_ROLES:
        raise WorkflowError("not_a_victim_party")
    before = party.victim_status
    party.victim_status = VictimStatus(status)
    party.victim_status_by = actor
    party.victim_status_at = timezone.now()
    party.save(update_fields=["victim_status", "victim_status_by", "victim_status_at"])
    _event(
        party.case,
        actor,
        "victim_status",
        before=before,
        after=status,
        person=party.person.pseudonym,
    )
    audit.record(
        actor=actor,
        action="victim_status",
        obj=party.case,
        request=request,
        details={"party": party.pk, "before": before, "after": status},
    )
    return party


@transaction.atomic
def note_add(*, actor: User, case: Case, text: str, request: Any = None) -> CaseNote:
    _require(actor, case)
    if not text.strip():
        raise WorkflowError("empty_note")
    note = CaseNote.objects.create(case=case, text=text.strip(), created_by=actor)
    _event(case, actor, "note", note=note.pk)
    audit.record(actor=actor, action="note", obj=case, request=request, details={"note": note.pk})
    return note


@transaction.atomic
def document_add(
    *, actor: User, case: Case, title: str, upload: UploadedFile, request: Any = None
) -> CaseDocument:
    """Attach a file whose content is an accepted kind (RejectedUpload otherwise)."""
    _require(actor, case)
    detected = check_upload(upload)
    digest = hashlib.sha256()
    for chunk in upload.chunks():
        digest.update(chunk)
    upload.seek(0)
    document = CaseDocument(
        case=case,
        title=title.strip() or upload.name or "",
        original_name=upload.name or "",
        content_type=detected.content_type,
        size=upload.size or 0,
        sha256=digest.hexdigest(),
        uploaded_by=actor,
    )
    document.file.save(f"document.{detected.extension}", upload, save=False)
    try:
        document.save()
        _event(case, actor, "document_added", document=document.pk, type=detected.extension)
        audit.record(
            actor=actor,
            action="document_add",
            obj=case,
            request=request,
            details={"document": document.pk, "type": detected.content_type, "size": document.size},
        )
    except Exception:
        document.file.delete(save=False)  # no file left behind without its record
        raise
    return document


def document_open(*, actor: User, document: CaseDocument, request: Any = None) -> File:
    """The decrypted file, for a user who may see the case; each download is audited."""
    if not can(actor, document.case, Action.VIEW):
        raise WorkflowError("not_allowed")
    audit.record(
        actor=actor,
        action="download",
        obj=document.case,
        request=request,
        details={"document": document.pk},
    )
    return document.file.open("rb")


def _require(actor: User, case: Case, *, open_only: bool = False) -> None:
    """The actor may change the case (and, with `open_only`, it is not closed: a closed case
    takes notes and documents, nothing else, until it is reopened)."""
    if not can(actor, case, Action.CHANGE):
        raise WorkflowError("not_allowed")
    if open_only and case.status == S.CLOSED:
        raise WorkflowError("closed")


@transaction.atomic
def case_move(
    actor: User, case: Case, target: str, *, reason: str = "", request: Any = None
) -> Case:
    """Move a case to `target` if the workflow allows it from its current status; the
    screening results (indicated, not indicated) come only from screening the victims. The
    named services below are the same moves."""
    if target in SCREENING_RESULTS:
        raise WorkflowError("by_screening")
    return _move(actor, case, target, reason=reason, request=request)


def _move(actor: User, case: Case, target: str, *, reason: str = "", request: Any = None) -> Case:
    _require(actor, case)
    stored = Case.objects.select_for_update().get(pk=case.pk)  # no two moves from one status
    if target not in TRANSITIONS[stored.status]:
        raise WorkflowError("wrong_state")
    reason = reason.strip()
    if target == S.CLOSED and not reason:
        raise WorkflowError("reason_required")
    before = stored.status
    stored.status = target
    details: dict[str, Any] = {"before": before, "after": target}
    if target == S.CLOSED:  # the reason may name people: kept encrypted, shown in the timeline
        stored.closed_reason = reason
        details["note"] = CaseNote.objects.create(case=stored, text=reason, created_by=actor).pk
    elif target == S.REOPENED:
        stored.closed_reason = ""
    stored.save(update_fields=["status", "closed_reason", "updated_at"])
    case.status, case.closed_reason = stored.status, stored.closed_reason
    _event(stored, actor, "status", **details)
    audit.record(
        actor=actor,
        action="status",
        obj=stored,
        request=request,
        details={"before": before, "after": target},
    )
    return case


@transaction.atomic
def case_start_screening(*, actor: User, case: Case, request: Any = None) -> Case:
    return case_move(actor, case, S.SCREENING, request=request)


@transaction.atomic
def case_start_handling(*, actor: User, case: Case, request: Any = None) -> Case:
    return case_move(actor, case, S.IN_HANDLING, request=request)


@transaction.atomic
def case_refer(*, actor: User, case: Case, request: Any = None) -> Case:
    return case_move(actor, case, S.REFERRED, request=request)


@transaction.atomic
def case_to_prosecution(*, actor: User, case: Case, request: Any = None) -> Case:
    return case_move(actor, case, S.IN_PROSECUTION, request=request)


@transaction.atomic
def case_close(*, actor: User, case: Case, reason: str, request: Any = None) -> Case:
    return case_move(actor, case, S.CLOSED, reason=reason, request=request)


@transaction.atomic
def case_reopen(*, actor: User, case: Case, request: Any = None) -> Case:
    return case_move(actor, case, S.REOPENED, request=request)


def move_parties(gone: Person, keep: Person) -> None:
    """Merging two records of one person: the cases of the merged record become the kept
    one's (where both held one role in a case, the screenings of both are kept, and the
    later victim-status decision with who made it)."""
    for party in CaseParty.objects.filter(person=gone).select_related("case"):
        same = CaseParty.objects.filter(case=party.case, person=keep, role=party.role).first()
        if same is None:
            party.person = keep
            party.save(update_fields=["person"])
        else:
            Screening.objects.filter(party=party).update(party=same)
            decided, kept = party.victim_status_at, same.victim_status_at
            if decided and (kept is None or decided > kept):  # the latest decision holds
                same.victim_status = party.victim_status
                same.victim_status_by_id = party.victim_status_by_id
                same.victim_status_at = decided
                same.save(update_fields=["victim_status", "victim_status_by", "victim_status_at"])
            party.delete()
        refresh_child_victim(party.case)


def reassign_open_cases(from_user: User, to_user: User) -> int:
    """Mutasi: the officer's cases that are not closed go to their colleague."""
    return (
        Case.objects.filter(assigned_officer=from_user)
        .exclude(status=S.CLOSED)
        .update(assigned_officer=to_user)
    )


def open_case_person_ids() -> set[int]:
    """Persons in a case that is not closed are kept identifiable (retention hold)."""
    return set(CaseParty.objects.exclude(case__status=S.CLOSED).values_list("person_id", flat=True))
