"""User management for administrators: create, change role/agency/region, deactivate,
reset two-factor login, hand over work (mutasi). Every change needs a fresh confirmation."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from sigap.core import services
from sigap.core.access import Action, get_or_404, require, scoped
from sigap.core.forms import TransferWorkForm, UserForm
from sigap.core.models import User
from sigap.core.pagination import paginate
from sigap.core.sudo import sudo_required


def _target(request: HttpRequest, pk: int, action: Action = Action.CHANGE) -> tuple[User, User]:
    actor = require(request, User, action)
    return actor, get_or_404(actor, User, action, request=request, pk=pk)


@login_required
def user_list(request: HttpRequest) -> HttpResponse:
    actor = require(request, User)
    users = scoped(actor, User).select_related("agency", "region").order_by("username")
    query = request.GET.get("q", "").strip()
    if query:
        users = users.filter(
            Q(username__icontains=query)
            | Q(first_name__icontains=query)
            | Q(last_name__icontains=query)
        )
    page, page_query = paginate(request, users)
    return render(request, "core/user_list.html", {"page": page, "q": query, "query": page_query})


@login_required
@sudo_required
def user_create(request: HttpRequest) -> HttpResponse:
    actor = require(request, User, Action.CREATE)
    form = UserForm(request.POST or None, actor=actor)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        password = data.pop("password")
        user = services.user_create(actor=actor, password=password, request=request, **data)
        messages.success(request, _("User %(name)s was created.") % {"name": user.username})
        return HttpResponseRedirect(reverse("core:user_detail", args=[user.pk]))
    return render(request, "core/user_form.html", {"form": form})


@login_required
def user_detail(request: HttpRequest, pk: int) -> HttpResponse:
    _actor, user = _target(request, pk, Action.VIEW)
    context: dict[str, Any] = {"subject": user, "transfer_form": TransferWorkForm(from_user=user)}
    return render(request, "core/user_detail.html", context)


@login_required
@sudo_required
def user_edit(request: HttpRequest, pk: int) -> HttpResponse:
    actor, user = _target(request, pk)
    form = UserForm(request.POST or None, instance=User.objects.get(pk=user.pk), actor=actor)
    if request.method == "POST" and form.is_valid():
        try:
            services.user_update(actor=actor, user=user, request=request, **form.cleaned_data)
        except services.OwnScopeChange:
            form.add_error(
                None,
                _("You cannot change your own role, agency or region; ask another administrator."),
            )
        else:
            messages.success(request, _("The changes were saved."))
            return HttpResponseRedirect(reverse("core:user_detail", args=[user.pk]))
    return render(request, "core/user_form.html", {"form": form, "subject": user})


@login_required
@require_POST
@sudo_required
def user_set_active(request: HttpRequest, pk: int) -> HttpResponse:
    actor, user = _target(request, pk)
    active = request.POST.get("active") == "1"
    if user == actor and not active:
        messages.error(request, _("You cannot deactivate your own account."))
    else:
        services.user_set_active(actor=actor, user=user, active=active, request=request)
        messages.success(request, _("Account activated.") if active else _("Account deactivated."))
    return HttpResponseRedirect(reverse("core:user_detail", args=[user.pk]))


@login_required
@require_POST
@sudo_required
def user_reset_two_factor(request: HttpRequest, pk: int) -> HttpResponse:
    actor, user = _target(request, pk)
    services.user_reset_two_factor(actor=actor, user=user, request=request)
    messages.success(
        request, _("Two-step login was reset; the user sets it up again at the next login.")
    )
    return HttpResponseRedirect(reverse("core:user_detail", args=[user.pk]))


@login_required
@require_POST
@sudo_required
def user_transfer_work(request: HttpRequest, pk: int) -> HttpResponse:
    actor, user = _target(request, pk)
    form = TransferWorkForm(request.POST, from_user=user)
    if form.is_valid():
        moved = services.user_transfer_work(
            actor=actor, from_user=user, to_user=form.cleaned_data["to_user"], request=request
        )
        messages.success(
            request,
            _("The open work was handed over (%(count)d items).") % {"count": sum(moved.values())},
        )
    else:
        messages.error(request, _("Choose the officer who takes over the work."))
    return HttpResponseRedirect(reverse("core:user_detail", args=[user.pk]))
