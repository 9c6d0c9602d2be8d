"""The user's notifications: read them, open what they point to, choose email or not."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from sigap.core.access import request_user
from sigap.core.pagination import paginate
from sigap.notifications import services
from sigap.notifications.forms import EmailSettingForm
from sigap.notifications.models import Notification


@login_required
def notification_list(request: HttpRequest) -> HttpResponse:
    user = request_user(request)
    page, query = paginate(request, Notification.objects.filter(user=user))
    form = EmailSettingForm(initial={"email_notifications": user.email_notifications})
    return render(
        request,
        "notifications/notification_list.html",
        {"page": page, "query": query, "form": form, "has_email": bool(user.email)},
    )


@login_required
@require_POST
def notification_open(request: HttpRequest, pk: int) -> HttpResponse:
    """Mark a notification read and go where it points."""
    user = request_user(request)
    notification = get_object_or_404(Notification, pk=pk, user=user)
    services.mark_read(user, notification.pk)
    target = notification.url
    if not target or not url_has_allowed_host_and_scheme(target, allowed_hosts=None):
        target = reverse("notifications:notification_list")
    return HttpResponseRedirect(target)


@login_required
@require_POST
def notification_read_all(request: HttpRequest) -> HttpResponse:
    count = services.mark_read(request_user(request))
    messages.success(request, _("%(count)d notifications marked as read.") % {"count": count})
    return HttpResponseRedirect(reverse("notifications:notification_list"))


@login_required
@require_POST
def email_setting(request: HttpRequest) -> HttpResponse:
    user = request_user(request)
    form = EmailSettingForm(request.POST)
    if form.is_valid():
        enabled = form.cleaned_data["email_notifications"]
        services.email_setting_change(user, enabled)
        messages.success(
            request,
            _("Notifications will also come by email.")
            if enabled
            else _("Notifications will no longer come by email."),
        )
    return HttpResponseRedirect(reverse("notifications:notification_list"))
