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
