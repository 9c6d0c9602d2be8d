"""The register of licensed placement companies (P3MI): the public search, and the
administrators' upkeep by hand and by CSV import (upsert by licence number, every row's
outcome reported, nothing half-imported)."""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.db.models import Q, QuerySet, Value
from django.db.models.functions import Lower, Replace
from django.utils.translation import gettext as _

from sigap.core import audit
from sigap.core.models import Region, RegionLevel, User
from sigap.core.parsing import ParseError, parse_date, resolve_region
from sigap.intake.models import LicenceStatus, PlacementCompany

# Words of a company's legal form that say nothing about which company it is.
LEGAL_FORMS = re.compile(r"\b(pt|p\.t|cv|tbk|persero)\b\.?", re.IGNORECASE)
STATUS_WORDS = {
    "aktif": LicenceStatus.ACTIVE, "active": LicenceStatus.ACTIVE, "berlaku": LicenceStatus.ACTIVE,
    "dibekukan": LicenceStatus.SUSPENDED, "skorsing": LicenceStatus.SUSPENDED,
    "suspended": LicenceStatus.SUSPENDED,
    "dicabut": LicenceStatus.REVOKED, "revoked": LicenceStatus.REVOKED,
    "kedaluwarsa": LicenceStatus.EXPIRED, "kadaluarsa": LicenceStatus.EXPIRED,
    "habis": LicenceStatus.EXPIRED, "expired": LicenceStatus.EXPIRED,
}  # fmt: skip
HEADERS = {
    "name": ("nama", "nama perusahaan", "nama p3mi", "name", "company"),
    "licence_number": ("nomor izin", "no izin", "no. izin", "nomor sip3mi", "sip3mi", "licence",
                       "license", "licence number", "license number"),
    "status": ("status", "status izin"),
    "valid_until": ("berlaku sampai", "masa berlaku", "valid until", "tanggal berakhir"),
    "province": ("provinsi", "province"),
    "address": ("alamat", "address"),
}  # fmt: skip
MAX_RESULTS = 20


def search_name(name: str) -> str:
    """A company name for matching: no legal form, punctuation or case."""
    text = LEGAL_FORMS.sub(" ", name)
    return " ".join(re.sub(r"[^\w\s]", " ", text).lower().split())


def search(query: str) -> list[PlacementCompany]:
    """Companies whose name contains every word typed, or whose licence number contains the
    text (spaces and case ignored)."""
    words = search_name(query).split()
    compact = re.sub(r"\s+", "", query).lower()
    if not words and not compact:
        return []
    by_name = Q()
    for word in words:
        by_name &= Q(search_name__contains=word)
    compact_licence = Lower(Replace("licence_number", Value(" "), Value("")))
    matches: QuerySet[PlacementCompany] = (
        PlacementCompany.objects.annotate(compact_licence=compact_licence)
        .filter((by_name if words else Q(pk__in=[])) | Q(compact_licence__contains=compact))
        .select_related("province")
    )
    return list(matches[:MAX_RESULTS])


def company_save(*, actor: User, company: PlacementCompany, request: Any = None) -> None:
    created = company.pk is None
    company.save()
    audit.record(actor=actor, action="create" if created else "change", obj=company,
                 request=request, details={"licence": company.licence_number})  # fmt: skip


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0
    rejected: list[tuple[int, str]] = field(default_factory=list)  # (line, reason)


def _status(text: str) -> str:
    found = STATUS_WORDS.get(text.strip().lower())
    if found is None:
        raise ValueError(_("unknown licence status %(status)r") % {"status": text})
    return found


def _province(text: str) -> Region | None:
    if not text.strip():
        return None
    try:
        ref = resolve_region(text)
    except ParseError as error:
        raise ValueError(str(error)) from None
    region = Region.objects.filter(code=ref.code[:2], level=RegionLevel.PROVINCE).first()
    if region is None:
        raise ValueError(_("unknown province %(name)r") % {"name": text})
    return region


def _columns(header: list[str]) -> dict[str, int]:
    names = [" ".join(cell.strip().lower().replace("_", " ").split()) for cell in header]
    columns = {}
    for key, spellings in HEADERS.items():
        for index, name in enumerate(names):
            if name in spellings:
                columns[key] = index
                break
    missing = [key for key in ("name", "licence_number", "status") if key not in columns]
    if missing:
        raise ValueError(
            _("The header needs the columns: name, licence number and status (e.g. nama, "
              "nomor izin, status).")
        )  # fmt: skip
    return columns


def decode(content: bytes) -> str:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return content.decode(encoding)
        except UnicodeDecodeError:
            continue
    return content.decode("latin-1")


@transaction.atomic
def import_csv(*, actor: User, content: bytes, request: Any = None) -> ImportResult:
    """Create or update companies by licence number from a CSV (`,` or `;`, UTF-8 or
    Windows-1252). A row that cannot be read is rejected with its reason; the others go in."""
    text = decode(content)
    dialect = csv.Sniffer().sniff(text[:2048], delimiters=",;\t") if text.strip() else csv.excel
    rows = list(csv.reader(io.StringIO(text), dialect))
    if not rows:
        raise ValueError(_("The file is empty."))
    columns = _columns(rows[0])
    result = ImportResult()

    def cell(row: list[str], key: str) -> str:
        index = columns.get(key)
        return row[index].strip() if index is not None and index < len(row) else ""

    for line, row in enumerate(rows[1:], start=2):
        if not any(value.strip() for value in row):
            continue
        try:
            name, licence = cell(row, "name"), cell(row, "licence_number")
            if not name or not licence:
                raise ValueError(_("name and licence number are required"))
            valid = cell(row, "valid_until")
            values = {
                "name": name,
                "status": _status(cell(row, "status")),
                "valid_until": parse_date(valid) if valid else None,
                "province": _province(cell(row, "province")),
                "address": cell(row, "address")[:300],
            }
        except (ValueError, ParseError) as error:
            result.rejected.append((line, str(error)))
            continue
        company = PlacementCompany.objects.filter(licence_number=licence).first()
        created = company is None
        company = company or PlacementCompany(licence_number=licence)
        for key, value in values.items():
            setattr(company, key, value)
        company.save()
        result.created += created
        result.updated += not created
    audit.record(
        actor=actor, action="import", object_type="intake.placementcompany", request=request,
        details={"created": result.created, "updated": result.updated,
                 "rejected": len(result.rejected)},
    )  # fmt: skip
    return result
