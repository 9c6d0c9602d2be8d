# The service chain of Permen PPPA 8/2021 (handling of trafficking victims). Days allowed are
# defaults for the due date of a referral, editable in the admin; first aid and health
# rehabilitation within 7 days of the request (Law 21/2007 art. 53).

from django.db import migrations

SERVICES = [
    # slug, Indonesian, English, days
    ("complaint", "Penanganan pengaduan dan identifikasi", "Complaint handling and identification", 3),
    ("health", "Pertolongan pertama dan rehabilitasi kesehatan", "First aid and health rehabilitation", 7),
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


def add_services(apps, schema_editor):
    ServiceType = apps.get_model("referrals", "ServiceType")
    for order, (slug, name_id, name_en, days) in enumerate(SERVICES, start=1):
        ServiceType.objects.get_or_create(
            slug=slug,
            defaults={"name_id": name_id, "name_en": name_en, "days_allowed": days, "order": order},
        )


class Migration(migrations.Migration):

    dependencies = [
        ('referrals', '0001_initial'),
    ]

    operations = [
        migrations.RunPython(add_services, migrations.RunPython.noop),
    ]
