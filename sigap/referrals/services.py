"""Writes on referrals: send, the receiving agency's answers and progress, the sender's
cancellation, and the services delivered. Each is atomic, checks the state it starts from and
who may make the move, keeps the status history, writes the case's timeline and the audit log.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sigap.cases.models import VICTIM_ROLES, CaseEvent, CaseParty, CaseStatus
from sigap.cases.services import WorkflowError
from sigap.core import audit
from sigap.core.access import Action, can, in_region
from sigap.core.models import Agency, Role, User
from sigap.core.sequences import next_value
from sigap.referrals import notices
from sigap.referrals.models import (
    AgencyService,
    Referral,
    ReferralEvent,
    ReferralStatus,
    ServiceRecord,
    ServiceType,
)

R = ReferralStatus
# From each status, where a referral may go, and whose move it is.
TRANSITIONS: dict[str, frozenset[str]] = {
    R.SENT: frozenset({R.ACCEPTED, R.DECLINED, R.CANCELLED}),
    R.ACCEPTED: frozenset({R.IN_PROGRESS, R.CANCELLED}),
    R.IN_PROGRESS: frozenset({R.COMPLETED, R.CANCELLED}),
    R.DECLINED: frozenset(),
    R.COMPLETED: frozenset(),
    R.CANCELLED: frozenset(),
}
RECEIVER_MOVES = frozenset({R.ACCEPTED, R.DECLINED, R.IN_PROGRESS, R.COMPLETED})
SENDER_MOVES = frozenset({R.CANCELLED})

MESSAGES = {
    "consent_required": _(
        "The victim has not agreed to share their data with other agencies: the secretariat "
        "may refer with a recorded reason."
    ),
    "reason_required": _("Give the reason."),
    "same_agency": _("Refer to another agency than your own."),
    "agency_inactive": _("That agency is not active."),
    "not_receiver": _("Only the receiving agency answers and works on a referral."),
    "not_sender": _("Only the sending agency cancels a referral."),
    "no_agency": _("Your account belongs to no agency."),
    "outside_jurisdiction": _("Choose a region within the agency's jurisdiction."),
}


class ReferralError(WorkflowError):
    messages = MESSAGES


def _event(referral: Referral, actor: User, before: str, after: str) -> None:
    ReferralEvent.objects.create(referral=referral, actor=actor, before=before, after=after)
    CaseEvent.objects.create(
        case=referral.case,
        actor=actor,
        kind="referral",
        details={
            "referral": referral.pk,
            "number": referral.number,
            "service": referral.service_type.slug,
            "to": referral.to_agency.slug,
            "status": after,
        },
    )


def due_date(service_type: ServiceType, sent_on: date) -> date:
    return sent_on + timedelta(days=service_type.days_allowed)


@transaction.atomic
def referral_send(
    *,
    actor: User,
    party: CaseParty,
    service_type: ServiceType,
    to_agency: Agency,
    reason: str,
    grants_whole_case: bool = False,
    consent_override_reason: str = "",
    request: Any = None,
) -> Referral:
    """Refer a victim of a case the actor may change to another agency for a service. The
    victim's consent to sharing is needed, or the secretariat's recorded reason."""
    case = party.case
    if not can(actor, case, Action.CHANGE):
        raise ReferralError("not_allowed")
    if case.status == CaseStatus.CLOSED:
        raise ReferralError("closed")
    if party.role not in VICTIM_ROLES:
        raise ReferralError("not_a_victim_party")
    if actor.agency_id is None:
        raise ReferralError("no_agency")
    if to_agency.pk == actor.agency_id:
        raise ReferralError("same_agency")
    if not to_agency.is_active:
        raise ReferralError("agency_inactive")
    if not reason.strip():
        raise ReferralError("reason_required")
    override = consent_override_reason.strip()
    if not party.person.consent_share and not (override and actor.role == Role.SECRETARIAT):
        raise ReferralError("consent_required")
    today = timezone.localdate()
    referral = Referral.objects.create(
        number=f"RJK/{today.year}/{next_value(f'referral:{today.year}'):04d}",
        case=case,
        party=party,
        service_type=service_type,
        from_agency_id=actor.agency_id,
        to_agency=to_agency,
        reason=reason.strip(),
        due_on=due_date(service_type, today),
        grants_whole_case=grants_whole_case,
        consent_override_reason=override if not party.person.consent_share else "",
        created_by=actor,
    )
    _event(referral, actor, "", R.SENT)
    audit.record(
        actor=actor,
        action="create",
        obj=referral,
        request=request,
        details={
            "case": case.pk,
            "to": to_agency.slug,
            "service": service_type.slug,
            "consent_override": bool(referral.consent_override_reason),
        },
    )
    notices.sent(referral, actor)
    return referral


@transaction.atomic
def referral_move(
    actor: User, referral: Referral, target: str, *, reason: str = "", request: Any = None
) -> Referral:
    """Move a referral along its workflow: the receiving agency accepts, declines (with a
    reason), starts and completes; the sending agency cancels."""
    stored = Referral.objects.select_for_update().get(pk=referral.pk)
    if not can(actor, stored, Action.VIEW):
        raise ReferralError("not_allowed")
    if target in RECEIVER_MOVES and actor.agency_id != stored.to_agency_id:
        raise ReferralError("not_receiver")
    if target in SENDER_MOVES and actor.agency_id != stored.from_agency_id:
        raise ReferralError("not_sender")
    if target not in TRANSITIONS[stored.status]:
        raise ReferralError("wrong_state")
    if target == R.DECLINED:
        if not reason.strip():
            raise ReferralError("reason_required")
        stored.decline_reason = reason.strip()
    before = stored.status
    stored.status = target
    stored.save(update_fields=["status", "decline_reason"])
    referral.status, referral.decline_reason = stored.status, stored.decline_reason
    _event(stored, actor, before, target)
    audit.record(
        actor=actor,
        action="status",
        obj=stored,
        request=request,
        details={"before": before, "after": target},
    )
    notices.moved(stored, actor)
    return referral


def referral_accept(*, actor: User, referral: Referral, request: Any = None) -> Referral:
    return referral_move(actor, referral, R.ACCEPTED, request=request)


def referral_decline(
    *, actor: User, referral: Referral, reason: str, request: Any = None
) -> Referral:
    return referral_move(actor, referral, R.DECLINED, reason=reason, request=request)


def referral_start(*, actor: User, referral: Referral, request: Any = None) -> Referral:
    return referral_move(actor, referral, R.IN_PROGRESS, request=request)


def referral_complete(*, actor: User, referral: Referral, request: Any = None) -> Referral:
    return referral_move(actor, referral, R.COMPLETED, request=request)


def referral_cancel(*, actor: User, referral: Referral, request: Any = None) -> Referral:
    return referral_move(actor, referral, R.CANCELLED, request=request)


@transaction.atomic
def service_record_add(
    *,
    actor: User,
    referral: Referral,
    delivered_on: date,
    description: str,
    request: Any = None,
) -> ServiceRecord:
    """What the receiving agency actually delivered; recording the first service of an
    accepted referral puts it in progress."""
    if not can(actor, referral, Action.VIEW) or actor.agency_id != referral.to_agency_id:
        raise ReferralError("not_receiver")
    if referral.status not in (R.ACCEPTED, R.IN_PROGRESS):
        raise ReferralError("wrong_state")
    if not description.strip():
        raise ReferralError("reason_required")
    if referral.status == R.ACCEPTED:
        referral_move(actor, referral, R.IN_PROGRESS, request=request)
    record = ServiceRecord.objects.create(
        referral=referral,
        delivered_on=delivered_on,
        description=description.strip(),
        recorded_by=actor,
    )
    audit.record(
        actor=actor,
        action="service_record",
        obj=referral,
        request=request,
        details={"record": record.pk, "delivered_on": delivered_on.isoformat()},
    )
    return record


# The services agencies declare. The secretariat (and administrators) keep them, for agencies
# in their region.
CATALOGUE_EDITORS = frozenset({Role.SECRETARIAT, Role.ADMIN})


def may_edit_catalogue(user: Any, agency: Agency) -> bool:
    return (
        getattr(user, "is_active", False)
        and getattr(user, "role", "") in CATALOGUE_EDITORS
        and in_region(agency.jurisdiction_id, getattr(user, "region_id", None) or "")
    )


@transaction.atomic
def agency_service_add(
    *, actor: User, agency: Agency, service_type: ServiceType, region: Any, request: Any = None
) -> AgencyService:
    """An agency declares a service in a region within its jurisdiction."""
    if not may_edit_catalogue(actor, agency):
        raise ReferralError("not_allowed")
    if not in_region(region.code, agency.jurisdiction_id):
        raise ReferralError("outside_jurisdiction")
    row, _created = AgencyService.objects.get_or_create(
        agency=agency, service_type=service_type, region=region
    )
    audit.record(
        actor=actor, action="agency_service_add", obj=agency, request=request,
        details={"service": service_type.slug, "region": region.code},
    )  # fmt: skip
    return row


@transaction.atomic
def agency_service_remove(*, actor: User, row: AgencyService, request: Any = None) -> None:
    if not may_edit_catalogue(actor, row.agency):
        raise ReferralError("not_allowed")
    audit.record(
        actor=actor, action="agency_service_remove", obj=row.agency, request=request,
        details={"service": row.service_type.slug, "region": row.region_id},
    )  # fmt: skip
    row.delete()
