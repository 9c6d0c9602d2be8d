"""Handing the lead of a case to another task force (another regency's, or the province's):
the sending task force asks with a reason, the receiving one accepts or declines (with a
reason), and the sender may cancel while it waits. Each move is atomic and audited, written in
the case's timeline, and told to the other task force."""

from __future__ import annotations

from typing import Any

from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from sigap.cases import services as case_services
from sigap.cases.models import Case, CaseEvent, CaseStatus
from sigap.cases.services import WorkflowError
from sigap.coordination.models import CaseTransfer, TaskForce, TransferStatus
from sigap.coordination.structure import task_force_of
from sigap.core import audit
from sigap.core.access import Action, can
from sigap.core.models import Role, User
from sigap.notifications.services import agency_members, notify

T = TransferStatus
TRANSFER_ROLES = frozenset({Role.SECRETARIAT, Role.REGENCY_OFFICER})

MESSAGES = {
    "not_transferrer": gettext_lazy(
        "Only the secretariat or regency officers of the task force that leads the case hand "
        "it over."
    ),
    "same_task_force": gettext_lazy("The case is already led by that task force."),
    "no_task_force": gettext_lazy("No task force answers for the case's region."),
    "transfer_pending": gettext_lazy("A hand-over of this case is already waiting for an answer."),
    "not_receiver": gettext_lazy("Only the receiving task force answers a hand-over."),
    "reason_required": gettext_lazy("Give the reason."),
}


class TransferError(WorkflowError):
    messages = MESSAGES


def _event(transfer: CaseTransfer, actor: User) -> None:
    CaseEvent.objects.create(
        case=transfer.case,
        actor=actor,
        kind="transfer",
        details={
            "transfer": transfer.pk,
            "from": transfer.from_task_force.name,
            "to": transfer.to_task_force.name,
            "status": transfer.status,
        },
    )


def _tell(transfer: CaseTransfer, agency_id: int, actor: User) -> None:
    notify(
        agency_members([agency_id], transfer, besides=actor),
        "case_transfer",
        lambda: (
            _("Hand-over of case %(case)s from %(from)s to %(to)s: %(status)s.")
            % {
                "case": transfer.case.reference,
                "from": transfer.from_task_force,
                "to": transfer.to_task_force,
                "status": T(transfer.status).label,
            }
        ),
        reverse("coordination:transfer_detail", args=[transfer.pk]),
    )


@transaction.atomic
def transfer_request(
    *, actor: User, case: Case, to_task_force: TaskForce, reason: str, request: Any = None
) -> CaseTransfer:
    if actor.role not in TRANSFER_ROLES or not can(actor, case, Action.CHANGE):
        raise TransferError("not_transferrer")
    if case.status == CaseStatus.CLOSED:
        raise TransferError("closed")
    if not reason.strip():
        raise TransferError("reason_required")
    current = task_force_of(case.region_id)
    if current is None:
        raise TransferError("no_task_force")
    if current.pk == to_task_force.pk:
        raise TransferError("same_task_force")
    try:
        with transaction.atomic():
            transfer = CaseTransfer.objects.create(
                case=case,
                from_task_force=current,
                to_task_force=to_task_force,
                reason=reason.strip(),
                requested_by=actor,
            )
    except IntegrityError:
        raise TransferError("transfer_pending") from None
    _event(transfer, actor)
    audit.record(
        actor=actor, action="create", obj=transfer, request=request,
        details={"case": case.pk, "to": to_task_force.pk},
    )  # fmt: skip
    _tell(transfer, to_task_force.agency_id, actor)
    return transfer


def _asks(actor: User, transfer: CaseTransfer) -> bool:
    """The asking side: an officer who leads the case, not of the receiving task force (which
    declines, with a reason, rather than cancels)."""
    return (
        actor.role in TRANSFER_ROLES
        and actor.agency_id != transfer.to_task_force.agency_id
        and can(actor, transfer.case, Action.CHANGE)
    )


def _answerable(actor: User, transfer: CaseTransfer) -> bool:
    return actor.role in TRANSFER_ROLES and actor.agency_id == transfer.to_task_force.agency_id


@transaction.atomic
def transfer_answer(
    *, actor: User, transfer: CaseTransfer, accept: bool, reason: str = "", request: Any = None
) -> CaseTransfer:
    """The receiving task force accepts (the case moves to it) or declines with a reason."""
    stored = CaseTransfer.objects.select_for_update().get(pk=transfer.pk)
    if not _answerable(actor, stored):
        raise TransferError("not_receiver")
    if stored.status != T.REQUESTED:
        raise TransferError("wrong_state")
    if not accept and not reason.strip():
        raise TransferError("reason_required")
    if accept:
        to = stored.to_task_force
        case_services.case_hand_over(
            actor=actor, case=stored.case, region_id=to.region_id, lead_agency=to.agency,
            request=request,
        )  # fmt: skip
    stored.status = T.ACCEPTED if accept else T.DECLINED
    stored.decline_reason = "" if accept else reason.strip()
    stored.answered_by, stored.answered_at = actor, timezone.now()
    stored.save()
    _event(stored, actor)
    audit.record(
        actor=actor, action="status", obj=stored, request=request,
        details={"after": stored.status},
    )  # fmt: skip
    _tell(stored, stored.from_task_force.agency_id, actor)
    return stored


@transaction.atomic
def transfer_cancel(*, actor: User, transfer: CaseTransfer, request: Any = None) -> CaseTransfer:
    """The sending task force takes its request back while it waits."""
    stored = CaseTransfer.objects.select_for_update().get(pk=transfer.pk)
    if not _asks(actor, stored):
        raise TransferError("not_transferrer")
    if stored.status != T.REQUESTED:
        raise TransferError("wrong_state")
    stored.status = T.CANCELLED
    stored.answered_by, stored.answered_at = actor, timezone.now()
    stored.save()
    _event(stored, actor)
    audit.record(
        actor=actor, action="status", obj=stored, request=request, details={"after": T.CANCELLED}
    )
    _tell(stored, stored.to_task_force.agency_id, actor)
    return stored


def may_answer(actor: User, transfer: CaseTransfer) -> bool:
    return transfer.status == T.REQUESTED and _answerable(actor, transfer)


def may_cancel(actor: User, transfer: CaseTransfer) -> bool:
    return transfer.status == T.REQUESTED and _asks(actor, transfer)
