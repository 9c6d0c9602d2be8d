# Seeds the public information pages (sigap.intake.information).

from django.db import migrations

from sigap.intake.information import load_info_pages


def add_pages(apps, schema_editor):
    load_info_pages(apps.get_model("intake", "InfoPage"))


class Migration(migrations.Migration):

    dependencies = [
        ('intake', '0003_info_pages'),
    ]

    operations = [
        migrations.RunPython(add_pages, migrations.RunPython.noop),
    ]
