"""Uploaded documents: what kinds are accepted, told by their content, never by their name.

A file called "surat.pdf" that is really a program, a web page or a zip is refused; so is an
office file that carries a program or macros, and an image that does not decode. The stored
file gets the extension of what it really is. Uploads larger than the limit are dropped
while they arrive (`SizeLimitUploadHandler`), before they reach the disk.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from typing import Any

import filetype  # type: ignore[import-untyped]
from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.core.files.uploadhandler import FileUploadHandler, SkipFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from PIL import Image

IMAGES = {"jpg": "image/jpeg", "png": "image/png", "webp": "image/webp", "tif": "image/tiff"}
OOXML = {  # extension: (content type, the part every such file has)
    "docx": (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "word/document.xml",
    ),
    "xlsx": (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "xl/workbook.xml",
    ),
    "pptx": (
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        "ppt/presentation.xml",
    ),
}
ODF = {
    "odt": "application/vnd.oasis.opendocument.text",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
    "odp": "application/vnd.oasis.opendocument.presentation",
}
LEGACY_OFFICE = {
    "doc": "application/msword",
    "xls": "application/vnd.ms-excel",
    "ppt": "application/vnd.ms-powerpoint",
}
ACCEPTED = {
    "pdf": "application/pdf",
    **IMAGES,
    **{ext: kind for ext, (kind, _part) in OOXML.items()},
    **ODF,
    **LEGACY_OFFICE,
}
# How much of the file the first check reads.
HEAD_BYTES = 64 * 1024
# Inside an office file: names that are programs, and the part that holds macros.
PROGRAM_SUFFIXES = (
    ".exe", ".dll", ".com", ".scr", ".msi", ".bat", ".cmd", ".ps1", ".vbs", ".js", ".jar",
    ".hta", ".lnk", ".sh",
)  # fmt: skip
MACROS = "vbaproject.bin"
# An office file that unpacks to more than this is refused (a "zip bomb").
MAX_UNPACKED_BYTES = 500 * 1024 * 1024


class RejectedUpload(Exception):
    """A file refused, with the reason in the user's language."""


@dataclass(frozen=True)
class Detected:
    extension: str
    content_type: str


def max_bytes() -> int:
    return int(settings.SIGAP_UPLOAD_MAX_MB) * 1024 * 1024


def too_large_message(size: int | None = None) -> str:
    limit = filesizeformat(max_bytes())
    if size is None:
        return _("The file is larger than the limit of %(limit)s.") % {"limit": limit}
    return _("The file is %(size)s; the limit is %(limit)s.") % {
        "size": filesizeformat(size),
        "limit": limit,
    }


def not_accepted() -> RejectedUpload:
    return RejectedUpload(
        _(
            "This file is not a PDF, a photo or an office document (judged by its content, "
            "whatever its name says). Save it as PDF and attach it again."
        )
    )


def check_upload(upload: UploadedFile) -> Detected:
    """The kind of an uploaded document, from its content; RejectedUpload when it is empty,
    too large, not an accepted kind, damaged, or an office file carrying a program."""
    if not upload.size:
        raise RejectedUpload(_("The file is empty."))
    if upload.size > max_bytes():
        raise RejectedUpload(too_large_message(upload.size))
    upload.seek(0)
    kind = filetype.guess(upload.read(HEAD_BYTES))
    upload.seek(0)
    if kind is None or kind.extension not in ACCEPTED:
        raise not_accepted()
    extension = kind.extension
    try:
        if extension == "pdf":
            _check_pdf(upload)
        elif extension in IMAGES:
            _check_image(upload)
        elif extension in OOXML:
            _check_office_zip(upload, required=("[Content_Types].xml", OOXML[extension][1]))
        elif extension in ODF:
            _check_office_zip(upload, required=("mimetype", "content.xml"))
    finally:
        upload.seek(0)
    return Detected(extension, ACCEPTED[extension])


def _check_pdf(upload: UploadedFile) -> None:
    """A PDF ends with %%EOF (a truncated or disguised one does not)."""
    size = upload.size or 0
    upload.seek(max(0, size - 2048))
    if b"%%EOF" not in upload.read():
        raise RejectedUpload(_("This PDF is incomplete or damaged. Save it again and attach it."))


def _check_image(upload: UploadedFile) -> None:
    try:
        with Image.open(upload) as image:
            image.verify()
    except Exception:
        raise RejectedUpload(
            _("This image is damaged or is not really an image. Take or save it again.")
        ) from None


def _check_office_zip(upload: UploadedFile, *, required: tuple[str, ...]) -> None:
    try:
        with zipfile.ZipFile(upload) as archive:
            entries = archive.infolist()
    except zipfile.BadZipFile:
        raise not_accepted() from None
    names = {entry.filename for entry in entries}
    lowered = [name.lower() for name in names]
    if not all(part in names for part in required):
        raise not_accepted()
    if any(name.endswith(PROGRAM_SUFFIXES) for name in lowered):
        raise RejectedUpload(_("This office file carries a program inside; it is refused."))
    if any(name.rsplit("/", 1)[-1] == MACROS for name in lowered):
        raise RejectedUpload(
            _("This office file contains macros; save it without macros or as PDF.")
        )
    if sum(entry.file_size for entry in entries) > MAX_UNPACKED_BYTES:
        raise not_accepted()


class SizeLimitUploadHandler(FileUploadHandler):
    """Drops a file as soon as more than the limit has arrived, so an oversized upload never
    fills the disk; the view tells the user (request.upload_too_large)."""

    def new_file(self, *args: Any, **kwargs: Any) -> None:
        super().new_file(*args, **kwargs)
        self.received = 0

    def receive_data_chunk(self, raw_data: bytes, start: int) -> bytes:
        self.received += len(raw_data)
        if self.received > max_bytes():
            self.request.upload_too_large = True  # type: ignore[union-attr]
            raise SkipFile
        return raw_data

    def file_complete(self, file_size: int) -> None:
        return None
