"""Pages of the task forces (their structure, edited by their secretariats) and of case
hand-overs between task forces."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from sigap.cases.models import Case
from sigap.cases.services import WorkflowError
from sigap.coordination import selectors, structure, transfers
from sigap.coordination.forms import MemberForm, SubTaskForceForm, TaskForceForm, TransferForm
from sigap.coordination.models import (
    CaseTransfer,
    SubTaskForce,
    TaskForce,
    TaskForceMember,
)
from sigap.core.access import Action, get_or_404, request_user, require, scoped
from sigap.core.pagination import paginate


@login_required
def task_force_list(request: HttpRequest) -> HttpResponse:
    task_forces = TaskForce.objects.select_related("region", "agency", "parent")
    return render(request, "coordination/task_force_list.html", {"task_forces": task_forces})


@login_required
def task_force_detail(request: HttpRequest, pk: int) -> HttpResponse:
    user = request_user(request)
    task_force = get_object_or_404(TaskForce.objects.select_related("region", "agency"), pk=pk)
    subs = task_force.sub_task_forces.select_related("lead_agency")
    members = task_force.members.select_related("agency", "user", "sub_task_force")
    groups = [(sub, [m for m in members if m.sub_task_force_id == sub.pk]) for sub in subs]
    context: dict[str, Any] = {
        "task_force": task_force,
        "groups": groups,
        "unassigned": [m for m in members if m.sub_task_force_id is None],
        "editor": structure.may_edit(user, task_force),
    }
    if context["editor"]:
        context["form"] = TaskForceForm(
            initial={f: getattr(task_force, f) for f in ("name", "decree", "notes")}
        )
        context["sub_form"] = SubTaskForceForm(initial={"order": len(groups) + 1})
        context["member_form"] = MemberForm(task_force=task_force)
    return render(request, "coordination/task_force_detail.html", context)


def _editable(request: HttpRequest, pk: int) -> tuple[Any, TaskForce]:
    user = request_user(request)
    task_force = get_object_or_404(TaskForce, pk=pk)
    if not structure.may_edit(user, task_force):
        raise Http404
    return user, task_force


def _back(task_force: TaskForce) -> HttpResponseRedirect:
    return HttpResponseRedirect(reverse("coordination:task_force_detail", args=[task_force.pk]))


# The structure's forms: (form, service, message when saved, message when invalid).
EDITS: dict[str, tuple[Any, Any, Any, Any]] = {
    "task_force": (
        TaskForceForm,
        structure.task_force_change,
        gettext_lazy("The task force was saved."),
        gettext_lazy("Give the task force's name."),
    ),
    "sub_task_force": (
        SubTaskForceForm,
        structure.sub_task_force_save,
        gettext_lazy("The sub-task-force was added."),
        gettext_lazy("Give the sub-task-force's name and order."),
    ),
    "member": (
        MemberForm,
        structure.member_add,
        gettext_lazy("The member was added."),
        gettext_lazy("Choose the member agency."),
    ),
}


@login_required
@require_POST
def task_force_save(request: HttpRequest, pk: int, edit: str) -> HttpResponse:
    """Save one of the structure's forms: the task force itself, a new sub-task-force or a
    new member."""
    user, task_force = _editable(request, pk)
    form_class, service, saved, invalid = EDITS[edit]
    extra = {"task_force": task_force} if form_class is MemberForm else {}
    form = form_class(request.POST, **extra)
    if form.is_valid():
        service(actor=user, task_force=task_force, request=request, **form.cleaned_data)
        messages.success(request, saved)
    else:
        messages.error(request, invalid)
    return _back(task_force)


@login_required
@require_POST
def sub_task_force_remove(request: HttpRequest, pk: int, sub_pk: int) -> HttpResponse:
    user, task_force = _editable(request, pk)
    sub = get_object_or_404(SubTaskForce, pk=sub_pk, task_force=task_force)
    structure.sub_task_force_remove(actor=user, sub=sub, request=request)
    messages.success(request, _("The sub-task-force was removed; its members stay."))
    return _back(task_force)


@login_required
@require_POST
def member_remove(request: HttpRequest, pk: int, member_pk: int) -> HttpResponse:
    user, task_force = _editable(request, pk)
    member = get_object_or_404(TaskForceMember, pk=member_pk, task_force=task_force)
    structure.member_remove(actor=user, member=member, request=request)
    messages.success(request, _("The member was removed."))
    return _back(task_force)


@login_required
def transfer_request(request: HttpRequest, pk: int) -> HttpResponse:
    """Ask another task force to take the lead of a case."""
    user = require(request, Case)
    case = get_or_404(user, Case, Action.CHANGE, request=request, pk=pk)
    if user.role not in transfers.TRANSFER_ROLES:
        raise Http404
    current = structure.task_force_of(case.region_id)
    choices = TaskForce.objects.order_by("region_id")
    if current is not None:
        choices = choices.exclude(pk=current.pk)
    form = TransferForm(request.POST or None, choices=choices)
    if request.method == "POST" and form.is_valid():
        try:
            transfer = transfers.transfer_request(
                actor=user, case=case, request=request, **form.cleaned_data
            )
        except WorkflowError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("The hand-over was sent; it waits for an answer."))
            return HttpResponseRedirect(reverse("coordination:transfer_detail", args=[transfer.pk]))
    context = {"case": case, "form": form, "current": current}
    return render(request, "coordination/transfer_form.html", context)


@login_required
def transfer_list(request: HttpRequest) -> HttpResponse:
    """Hand-overs to the user's task force waiting for an answer first, then the rest."""
    user = require(request, CaseTransfer)
    rows = scoped(user, CaseTransfer).select_related("case", "from_task_force", "to_task_force")
    waiting = selectors.waiting_transfers(user)
    page, query = paginate(request, rows.exclude(pk__in=waiting.values("pk")))
    context = {"waiting": waiting, "page": page, "query": query}
    return render(request, "coordination/transfer_list.html", context)


@login_required
def transfer_detail(request: HttpRequest, pk: int) -> HttpResponse:
    user = require(request, CaseTransfer)
    transfer = get_or_404(user, CaseTransfer, request=request, pk=pk)
    context = {
        "transfer": transfer,
        "may_answer": transfers.may_answer(user, transfer),
        "may_cancel": transfers.may_cancel(user, transfer),
    }
    return render(request, "coordination/transfer_detail.html", context)


@login_required
@require_POST
def transfer_answer(request: HttpRequest, pk: int) -> HttpResponse:
    user = require(request, CaseTransfer)
    transfer = get_or_404(user, CaseTransfer, request=request, pk=pk)
    decision = request.POST.get("decision", "")
    try:
        if decision == "cancel":
            transfers.transfer_cancel(actor=user, transfer=transfer, request=request)
        elif decision in ("accept", "decline"):
            transfers.transfer_answer(
                actor=user,
                transfer=transfer,
                accept=decision == "accept",
                reason=request.POST.get("reason", ""),
                request=request,
            )
        else:
            raise transfers.TransferError("wrong_state")
    except WorkflowError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The hand-over was updated."))
    return HttpResponseRedirect(reverse("coordination:transfer_detail", args=[transfer.pk]))
