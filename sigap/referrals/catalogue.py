"""The service chain of Permen PPPA 8/2021 (handling of trafficking victims), seeded by a
migration and editable afterwards. Days allowed are defaults for a referral's due date; first
aid and health rehabilitation within 7 days of the request (Law 21/2007 art. 53)."""

from __future__ import annotations

from typing import Any

SERVICES = [
    # slug, Indonesian, English, days allowed
    (
        "complaint",
        "Penanganan pengaduan dan identifikasi",
        "Complaint handling and identification",
        3,
    ),
    (
        "health",
        "Pertolongan pertama dan rehabilitasi kesehatan",
        "First aid and health rehabilitation",
        7,
    ),
    ("psychosocial", "Pendampingan psikososial", "Psychosocial support", 14),
    ("social_rehabilitation", "Rehabilitasi sosial", "Social rehabilitation", 30),
    ("safe_house", "Rumah aman", "Safe house (rumah aman)", 3),
    ("legal_aid", "Bantuan dan pendampingan hukum", "Legal aid and accompaniment", 14),
    ("law_enforcement", "Penegakan hukum", "Law enforcement", 30),
    ("repatriation", "Pemulangan", "Repatriation (pemulangan)", 14),
    ("reintegration", "Reintegrasi sosial", "Social reintegration", 60),
    ("economic_empowerment", "Pemberdayaan ekonomi", "Economic empowerment", 90),
    ("restitution", "Pengajuan restitusi", "Restitution claim", 30),
]


def load_service_types(model: Any = None) -> int:
    """Create the service types that are missing (edited ones are left as they are)."""
    if model is None:
        from sigap.referrals.models import ServiceType as model
    created = 0
    for order, (slug, name_id, name_en, days) in enumerate(SERVICES, start=1):
        _row, was_created = model.objects.get_or_create(
            slug=slug,
            defaults={"name_id": name_id, "name_en": name_en, "days_allowed": days, "order": order},
        )
        created += was_created
    return created


# Which services each kind of agency usually provides: the first declaration of an agency's
# services, in its jurisdiction, until its task force edits them on the services page.
DEFAULT_PROVIDERS: dict[str, tuple[str, ...]] = {
    "social": ("psychosocial", "social_rehabilitation", "safe_house", "repatriation",
               "reintegration"),
    "women_children": ("complaint", "psychosocial", "legal_aid", "safe_house"),
    "health": ("health",),
    "police": ("complaint", "law_enforcement"),
    "prosecution": ("law_enforcement", "restitution"),
    "migrant_protection": ("complaint", "repatriation", "reintegration"),
    "manpower": ("economic_empowerment",),
    "ngo": ("legal_aid", "psychosocial"),
    "secretariat": ("complaint",),
    "task_force": ("complaint",),
}  # fmt: skip


def load_agency_services() -> dict[str, Any]:
    """Declare the usual services of each agency that has declared none yet."""
    from sigap.core.models import Agency
    from sigap.referrals.models import AgencyService, ServiceType

    types = {st.slug: st for st in ServiceType.objects.all()}
    declared = set(AgencyService.objects.values_list("agency_id", flat=True).distinct())
    rows = [
        AgencyService(agency=agency, service_type=types[slug], region_id=agency.jurisdiction_id)
        for agency in Agency.objects.filter(is_active=True).exclude(pk__in=declared)
        for slug in DEFAULT_PROVIDERS.get(agency.kind, ())
        if slug in types
    ]
    AgencyService.objects.bulk_create(rows, ignore_conflicts=True)
    return {"agency_services_created": len(rows)}
