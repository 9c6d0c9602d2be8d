"""Demo public reports and placement companies: SYNTHETIC, marked so, made through the
services like real ones (a few triaged, one urgent waiting, one accepted into a case)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone

from sigap.cases.demo import SYNTHETIC_MARK
from sigap.core.models import Country, Region, User
from sigap.intake import services
from sigap.intake.models import LicenceStatus, PlacementCompany, PublicReport

REPORTS = [
    # (what happened, regency, urgent, destination, channel, triage)
    ("Tetangga kami, dua perempuan muda, dijanjikan kerja di restoran di Malaysia oleh seorang "
     "calo; paspor mereka dipegang calo dan mereka berangkat besok pagi.", "63.08", True, "MY",
     "web", ""),
    ("Ada orang yang menawarkan kerja sebagai ART di Arab Saudi dengan visa umrah, meminta "
     "biaya Rp 15 juta.", "63.03", False, "SA", "web", ""),
    ("Penelepon SAPA 129: anak perempuan 16 tahun dibawa ke luar daerah untuk bekerja di "
     "tempat hiburan malam.", "63.71", True, "", "phone", "accept"),
    ("Anak kami bekerja di Kamboja, katanya di perusahaan daring; sekarang tidak bisa pulang "
     "dan diminta tebusan.", "63.10", False, "KH", "whatsapp", "needs_info"),
    ("Promo pinjaman cepat tanpa jaminan, hubungi nomor ini.", "", False, "", "web", "spam"),
]  # fmt: skip
COMPANIES = [
    ("PT Borneo Karya Mandiri (fiktif)", "SIP3MI-DEMO-001", LicenceStatus.ACTIVE, 300, "63"),
    ("PT Banua Sejahtera Abadi (fiktif)", "SIP3MI-DEMO-002", LicenceStatus.SUSPENDED, 120, "63"),
    ("PT Martapura Jaya Utama (fiktif)", "SIP3MI-DEMO-003", LicenceStatus.ACTIVE, -30, "63"),
    ("CV Sumber Rezeki Bersama (fiktif)", "SIP3MI-DEMO-004", LicenceStatus.REVOKED, None, "35"),
]  # fmt: skip


@transaction.atomic
def create_demo_intake() -> dict[str, Any]:
    """Nothing when any report exists (a second run adds nothing)."""
    if PublicReport.objects.exists():
        return {"demo_public_reports_created": 0}
    users = {u.username: u for u in User.objects.filter(last_name="(demo)")}
    siti, aisyah = users.get("siti"), users.get("aisyah")
    today = timezone.localdate()
    for name, licence, status, days, province in COMPANIES:
        company = PlacementCompany(
            name=name, licence_number=licence, status=status, province_id=province,
            valid_until=today + timedelta(days=days) if days is not None else None,
        )  # fmt: skip
        company.save()
    made = 0
    for what, regency, urgent, country, channel, triage in REPORTS:
        fields = {
            "what_happened": f"{what} {SYNTHETIC_MARK}",
            "regency": Region.objects.filter(code=regency).first() if regency else None,
            "urgent": urgent,
            "destination_country": Country.objects.filter(code=country).first(),
            "consent": True,
            "anonymous": channel == "web",
            "contact_whatsapp": "" if channel == "web" else "+6281200000000",
        }
        report, _code = services.report_submit(
            fields=fields, channel=channel, recorded_by=aisyah if channel != "web" else None
        )
        if triage == "accept" and siti is not None:
            services.report_accept(actor=siti, report=report)
        elif triage and aisyah is not None:
            services.report_triage(actor=aisyah, report=report, triage=triage)
        made += 1
    return {"demo_public_reports_created": made, "demo_placement_companies": len(COMPANIES)}
