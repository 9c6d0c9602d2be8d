"""Referral events in the case timeline, in plain words."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from sigap.cases.timeline import register
from sigap.core.models import Agency
from sigap.referrals.models import ReferralStatus, ServiceType


@register("referral")
def _referral(details: dict[str, Any]) -> str:
    service = ServiceType.objects.filter(slug=details.get("service", "")).first()
    agency = Agency.objects.filter(slug=details.get("to", "")).first()
    try:
        status = str(ReferralStatus(details.get("status", "")).label)
    except ValueError:
        status = details.get("status", "")
    return _("Referral %(number)s (%(service)s) to %(agency)s: %(status)s.") % {
        "number": details.get("number", ""),
        "service": service or "—",
        "agency": agency or "—",
        "status": status.lower(),
    }
