"""Writes on public reports: a report from the portal (or recorded by an officer from the
hotline, WhatsApp, a walk-in or a letter), with its attachments cleaned of metadata.

A report is committed before the reporter is answered: whoever saw a tracking code has a
stored report behind it.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
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

from sigap.cases import services as case_services
from sigap.cases.models import Case, CaseSource
from sigap.cases.services import WorkflowError
from sigap.core import audit
from sigap.core.access import Action, can
from sigap.core.crypto import blind_index
from sigap.core.models import Role, User
from sigap.core.uploads import IMAGES, RejectedUpload, check_upload
from sigap.intake import codes
from sigap.intake.models import (
    Channel,
    PublicReport,
    PublicStatus,
    ReportAttachment,
    ReportMessage,
    Triage,
)

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


def clean_attachments(uploads: list[UploadedFile]) -> list[Cleaned]:
    """The first MAX_ATTACHMENTS uploads of a form, cleaned (RejectedUpload on a bad one)."""
    return [clean_attachment(upload) for upload in uploads[:MAX_ATTACHMENTS]]


def report_submit(
    *,
    fields: dict[str, Any],
    attachments: Sequence[Cleaned] = (),
    channel: str = Channel.WEB,
    recorded_by: User | None = None,
    language: str = "id",
    request: Any = None,
) -> tuple[PublicReport, str]:
    """Store a report and its cleaned attachments, committed before this returns; returns it
    with its tracking code (the only time the code exists in the clear). Two reports drawing
    the same code (one chance in 2^55) make the second draw again."""
    for _attempt in range(3):
        code = codes.new_code()
        try:
            report = _store(code, fields, attachments, channel, recorded_by, language, request)
        except IntegrityError:
            continue
        return report, code
    raise RuntimeError("no free tracking code after 3 draws")


@transaction.atomic
def _store(
    code: str,
    fields: dict[str, Any],
    attachments: Sequence[Cleaned],
    channel: str,
    recorded_by: User | None,
    language: str,
    request: Any,
) -> PublicReport:
    received_at = timezone.now()
    report = PublicReport(
        **fields,
        code_hash=code_hash(code),
        code_end=code[-4:],
        channel=channel,
        recorded_by=recorded_by,
        language=language,
        received_at=received_at,
        triage_due_at=triage_due(bool(fields.get("urgent")), received_at),
    )
    if report.anonymous:
        report.contact_name = report.contact_phone = report.contact_whatsapp = ""
    report.save()
    for cleaned in attachments[:MAX_ATTACHMENTS]:
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
    return report


def report_by_code(typed: str) -> PublicReport | None:
    """The report of a tracking code as typed, or None (no such code, or a typo)."""
    code = codes.normalise(typed)
    if code is None:
        return None
    return PublicReport.objects.filter(code_hash=code_hash(code)).first()


MESSAGES = {
    "not_triage": _("Only the triage officers and the secretariat handle public reports."),
    "accept_by_secretariat": _(
        "Accepting opens a case: the secretariat does it (triage officers do not see cases)."
    ),
    "duplicate_of_itself": _("A report cannot be a duplicate of itself."),
    "empty": _("Write the message."),
}


class IntakeError(WorkflowError):
    messages = MESSAGES


def _require(actor: User, report: PublicReport) -> PublicReport:
    if not can(actor, report, Action.CHANGE):
        raise IntakeError("not_triage")
    return PublicReport.objects.select_for_update().get(pk=report.pk)


# What the reporter sees once a report is triaged.
PUBLIC_STATUS_AFTER: dict[str, str] = {
    Triage.SPAM: PublicStatus.CLOSED,
    Triage.DUPLICATE: PublicStatus.CLOSED,
    Triage.NEEDS_INFO: PublicStatus.UNDER_REVIEW,
    Triage.ACCEPTED: PublicStatus.FOLLOWED_UP,
}


@transaction.atomic
def report_triage(
    *,
    actor: User,
    report: PublicReport,
    triage: str,
    duplicate_of: PublicReport | None = None,
    request: Any = None,
) -> PublicReport:
    """Mark a report as spam, a duplicate of another, or needing information (the public
    status follows: closed, closed, under review)."""
    stored = _require(actor, report)
    if triage not in (Triage.SPAM, Triage.DUPLICATE, Triage.NEEDS_INFO, Triage.NEW):
        raise IntakeError("wrong_state")
    if triage == Triage.DUPLICATE:
        if duplicate_of is None or not can(actor, duplicate_of, Action.VIEW):
            raise IntakeError("not_allowed")
        if duplicate_of.pk == stored.pk:
            raise IntakeError("duplicate_of_itself")
    before = stored.triage
    stored.triage = triage
    stored.duplicate_of = duplicate_of if triage == Triage.DUPLICATE else None
    stored.status = PUBLIC_STATUS_AFTER.get(triage, stored.status)
    stored.save(update_fields=["triage", "duplicate_of", "status"])
    audit.record(
        actor=actor, action="triage", obj=stored, request=request,
        details={"before": before, "after": triage,
                 "duplicate_of": duplicate_of.pk if duplicate_of else None},
    )  # fmt: skip
    return stored


@transaction.atomic
def report_accept(
    *, actor: User, report: PublicReport, case: Case | None = None, request: Any = None
) -> Case:
    """Accept a report: a new case with its content (source "community report"), or a link
    to an existing case the actor may change."""
    stored = _require(actor, report)
    if actor.role != Role.SECRETARIAT:
        raise IntakeError("accept_by_secretariat")
    if stored.triage == Triage.ACCEPTED:
        raise IntakeError("wrong_state")
    if case is None:
        case = case_services.case_create(
            actor=actor,
            reported_on=timezone.localdate(stored.received_at),
            source=CaseSource.COMMUNITY_REPORT,
            region_id=stored.regency_id or settings.SIGAP_HOME_REGION,
            destination_country=stored.destination_country,
            narrative=_narrative(stored),
            request=request,
        )
    elif not can(actor, case, Action.CHANGE):
        raise IntakeError("not_allowed")
    stored.case, stored.triage = case, Triage.ACCEPTED
    stored.status = PublicStatus.FOLLOWED_UP
    stored.save(update_fields=["case", "triage", "status"])
    audit.record(
        actor=actor, action="accept", obj=stored, request=request, details={"case": case.pk}
    )
    return case


def _narrative(report: PublicReport) -> str:
    """The case's narrative from the report, in Indonesian (the working language)."""
    lines = [f"Laporan masyarakat (…{report.code_end}, {Channel(report.channel).label}):", "",
             report.what_happened]  # fmt: skip
    extra = [
        ("Tempat", report.place),
        ("Waktu", report.when),
        ("Orang terancam", str(report.people_at_risk or "")),
        ("Perekrut/perusahaan", report.recruiters),
    ]
    lines += [f"{label}: {value}" for label, value in extra if value]
    if report.urgent:
        lines.append("Pelapor menyatakan ada yang dalam bahaya saat melapor.")
    return "\n".join(lines)


@transaction.atomic
def message_send(
    *, actor: User, report: PublicReport, text: str, status: str = "", request: Any = None
) -> ReportMessage:
    """A message to the reporter, shown on the tracking page; optionally a new public
    status."""
    stored = _require(actor, report)
    if not text.strip():
        raise IntakeError("empty")
    message = ReportMessage.objects.create(report=stored, text=text.strip(), sent_by=actor)
    if status and status in PublicStatus.values:
        stored.status = status
        stored.save(update_fields=["status"])
    audit.record(
        actor=actor, action="message", obj=stored, request=request,
        details={"message": message.pk, "status": stored.status},
    )  # fmt: skip
    return message


def attachment_open(*, actor: User, attachment: ReportAttachment, request: Any = None) -> Any:
    audit.record(actor=actor, action="download", obj=attachment.report, request=request,
                 details={"attachment": attachment.pk})  # fmt: skip
    return attachment.file.open("rb")
