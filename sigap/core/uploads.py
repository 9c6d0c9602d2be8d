"""Uploaded documents: what kinds are accepted, told by their content, never by their name.

A file called "surat.pdf" that is really a program, a web page or a zip is refused; the
stored file gets the extension of what it really is.
"""

from __future__ import annotations

from dataclasses import dataclass

import filetype  # type: ignore[import-untyped]
from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

# Accepted kinds: PDF, photos and scans, office documents (Microsoft and OpenDocument).
ACCEPTED = {
    "pdf": "application/pdf",
    "jpg": "image/jpeg",
    "png": "image/png",
    "webp": "image/webp",
    "heic": "image/heic",
    "tif": "image/tiff",
    "doc": "application/msword",
    "xls": "application/vnd.ms-excel",
    "ppt": "application/vnd.ms-powerpoint",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "odt": "application/vnd.oasis.opendocument.text",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
    "odp": "application/vnd.oasis.opendocument.presentation",
}
# How much of the file the content check reads (office formats are told by their zip index).
HEAD_BYTES = 64 * 1024


class RejectedUpload(Exception):
    """A file refused, with the reason in the user's language."""


@dataclass(frozen=True)
class Detected:
    extension: str
    content_type: str


def max_bytes() -> int:
    return int(settings.SIGAP_UPLOAD_MAX_MB) * 1024 * 1024


def check_upload(upload: UploadedFile) -> Detected:
    """The kind of an uploaded document, from its content; RejectedUpload when it is empty,
    too large or not an accepted kind."""
    if not upload.size:
        raise RejectedUpload(_("The file is empty."))
    if upload.size > max_bytes():
        raise RejectedUpload(
            _("The file is %(size)s; the limit is %(limit)s.")
            % {"size": filesizeformat(upload.size), "limit": filesizeformat(max_bytes())}
        )
    upload.seek(0)
    head = upload.read(HEAD_BYTES)
    upload.seek(0)
    kind = filetype.guess(head)
    if kind is None or kind.extension not in ACCEPTED:
        raise RejectedUpload(
            _(
                "This file is not a PDF, a photo or an office document (judged by its content, "
                "whatever its name says). Save it as PDF and attach it again."
            )
        )
    return Detected(kind.extension, ACCEPTED[kind.extension])
