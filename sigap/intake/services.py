"""Writes on public reports: a report from the portal (or recorded by an officer from the
hotline, WhatsApp, a walk-in or a letter), with its attachments cleaned of metadata.

A report is committed before the reporter is answered: whoever saw a tracking code has a
stored report behind it.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps

from sigap.core import audit
from sigap.core.crypto import blind_index
from sigap.core.models import User
from sigap.core.uploads import IMAGES, RejectedUpload, check_upload
from sigap.intake import codes
from sigap.intake.models import Channel, PublicReport, ReportAttachment

# What the public may attach: photos and PDFs (not office files, which can carry programs).
PUBLIC_KINDS = frozenset({"jpg", "png", "webp", "pdf"})
MAX_SIDE = 2560  # photos are kept at most this many pixels wide or high
MAX_ATTACHMENTS = 3


def code_hash(code: str) -> str:
    return blind_index(code, purpose="tracking-code")


def triage_due(urgent: bool, received_at: Any) -> Any:
    hours = settings.SIGAP_TRIAGE_URGENT_HOURS if urgent else settings.SIGAP_TRIAGE_HOURS
    return received_at + timedelta(hours=hours)


@dataclass(frozen=True)
class Cleaned:
    content: bytes
    content_type: str
    extension: str


def clean_attachment(upload: UploadedFile) -> Cleaned:
    """Check a file by its content; re-encode an image so that none of its metadata (GPS
    position, camera, time, comments) is kept, turned upright as the camera meant it."""
    detected = check_upload(upload)
    if detected.extension not in PUBLIC_KINDS:
        raise RejectedUpload(_("Attach photos (JPEG, PNG, WebP) or PDF files only."))
    upload.seek(0)
    if detected.extension not in IMAGES:
        return Cleaned(upload.read(), detected.content_type, detected.extension)
    with Image.open(upload) as image:
        upright = ImageOps.exif_transpose(image)
        upright.thumbnail((MAX_SIDE, MAX_SIDE))
        fmt = image.format or "PNG"
        if fmt == "JPEG" and upright.mode not in ("RGB", "L"):
            upright = upright.convert("RGB")
        buffer = io.BytesIO()
        upright.save(buffer, format=fmt, **({"quality": 90} if fmt in ("JPEG", "WEBP") else {}))
    return Cleaned(buffer.getvalue(), detected.content_type, detected.extension)


def _new_code_hash() -> tuple[str, str]:
    for _attempt in range(5):
        code = codes.new_code()
        hashed = code_hash(code)
        if not PublicReport.objects.filter(code_hash=hashed).exists():
            return code, hashed
    raise RuntimeError("no free tracking code after 5 tries")  # 2^55 codes: never in practice


@transaction.atomic
def report_submit(
    *,
    fields: dict[str, Any],
    attachments: list[Cleaned] = (),  # type: ignore[assignment]
    channel: str = Channel.WEB,
    recorded_by: User | None = None,
    language: str = "id",
    request: Any = None,
) -> tuple[PublicReport, str]:
    """Store a report and its cleaned attachments; returns it with its tracking code (the
    only time the code exists in the clear)."""
    received_at = timezone.now()
    report = PublicReport(
        **fields,
        channel=channel,
        recorded_by=recorded_by,
        language=language,
        received_at=received_at,
        triage_due_at=triage_due(bool(fields.get("urgent")), received_at),
    )
    if report.anonymous:
        report.contact_name = report.contact_phone = report.contact_whatsapp = ""
    for _attempt in range(3):
        code, report.code_hash = _new_code_hash()
        report.code_end = code[-4:]
        try:
            with transaction.atomic():
                report.save()
            break
        except IntegrityError:  # the same code taken at the same moment: draw again
            report.pk = None
    for cleaned in list(attachments)[:MAX_ATTACHMENTS]:
        attachment = ReportAttachment(
            report=report, content_type=cleaned.content_type, size=len(cleaned.content)
        )
        attachment.file.save(
            f"attachment.{cleaned.extension}", ContentFile(cleaned.content), save=False
        )
        attachment.save()
    audit.record(
        actor=recorded_by,
        actor_label="" if recorded_by else "publik",
        action="create",
        obj=report,
        request=request,
        details={"channel": channel, "urgent": report.urgent, "attachments": len(attachments)},
    )
    return report, code


def report_by_code(typed: str) -> PublicReport | None:
    """The report of a tracking code as typed, or None (no such code, or a typo)."""
    code = codes.normalise(typed)
    if code is None:
        return None
    return PublicReport.objects.filter(code_hash=code_hash(code)).first()
