"""Hand-overs in the case timeline, in plain words."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from sigap.cases.timeline import register
from sigap.coordination.models import TransferStatus
from sigap.core.models import Agency


@register("transfer")
def _transfer(details: dict[str, Any]) -> str:
    try:
        status = str(TransferStatus(details.get("status", "")).label)
    except ValueError:
        status = details.get("status", "")
    return _("Hand-over of the case from %(from)s to %(to)s: %(status)s.") % {
        "from": details.get("from", "—"),
        "to": details.get("to", "—"),
        "status": status.lower(),
    }


@register("handed_over")
def _handed_over(details: dict[str, Any]) -> str:
    agency = Agency.objects.filter(slug=details.get("agency", "")).first()
    return _("The case is now led by %(agency)s (region %(region)s).") % {
        "agency": agency or "—",
        "region": details.get("region", "—"),
    }
