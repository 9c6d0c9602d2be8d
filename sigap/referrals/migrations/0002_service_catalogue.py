# Seeds the service catalogue (sigap.referrals.catalogue).

from django.db import migrations

from sigap.referrals.catalogue import load_service_types


def add_services(apps, schema_editor):
    load_service_types(apps.get_model("referrals", "ServiceType"))


class Migration(migrations.Migration):

    dependencies = [
        ('referrals', '0001_initial'),
    ]

    operations = [
        migrations.RunPython(add_services, migrations.RunPython.noop),
    ]
