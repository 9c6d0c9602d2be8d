"""Pseudonym numbers continue after those already given (core.Sequence 'pseudonym:<year>')."""

from django.db import migrations


def start_from_existing(apps, schema_editor):
    Person = apps.get_model("people", "Person")
    Sequence = apps.get_model("core", "Sequence")
    last: dict[int, int] = {}
    for pseudonym in Person.objects.values_list("pseudonym", flat=True):
        _, year, number = pseudonym.rsplit("-", 2)
        last[int(year)] = max(last.get(int(year), 0), int(number))
    for year, number in last.items():
        Sequence.objects.update_or_create(name=f"pseudonym:{year}", defaults={"last": number})


class Migration(migrations.Migration):
    dependencies = [("people", "0002_person_anonymised_at"), ("core", "0004_sequence")]

    operations = [migrations.RunPython(start_from_existing, migrations.RunPython.noop)]
