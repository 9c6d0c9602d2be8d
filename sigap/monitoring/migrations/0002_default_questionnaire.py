# Seeds version 1 of the risk questionnaire (sigap.monitoring.questionnaire).

from django.db import migrations

from sigap.monitoring.questionnaire import load_default


def add_questionnaire(apps, schema_editor):
    load_default(
        (
            apps.get_model("monitoring", "Questionnaire"),
            apps.get_model("monitoring", "Question"),
            apps.get_model("monitoring", "Option"),
        )
    )


class Migration(migrations.Migration):
    dependencies = [
        ("monitoring", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(add_questionnaire, migrations.RunPython.noop),
    ]
