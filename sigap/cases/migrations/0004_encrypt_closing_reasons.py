# Reasons for closing may name people: Case.closed_reason becomes an encrypted field, and the
# reasons kept in plain text in timeline events move into encrypted case notes.

import sigap.core.fields
from django.db import migrations

_REASONS: dict[int, str] = {}


def read_reasons(apps, schema_editor):
    Case = apps.get_model("cases", "Case")
    _REASONS.clear()
    # Filtered here, not in SQL: an encrypted column cannot be compared with "".
    _REASONS.update(
        (pk, reason) for pk, reason in Case.objects.values_list("pk", "closed_reason") if reason
    )


def write_reasons(apps, schema_editor):
    """Every row is written again in the field's current form, blanks included (an encrypted
    column holds an encrypted empty text, never a bare '')."""
    Case = apps.get_model("cases", "Case")
    Case.objects.exclude(pk__in=list(_REASONS)).update(closed_reason="")
    for pk, reason in _REASONS.items():
        Case.objects.filter(pk=pk).update(closed_reason=reason)
    _REASONS.clear()


def move_event_reasons_to_notes(apps, schema_editor):
    CaseEvent = apps.get_model("cases", "CaseEvent")
    CaseNote = apps.get_model("cases", "CaseNote")
    for event in CaseEvent.objects.filter(kind="status"):
        reason = (event.details or {}).pop("reason", "")
        if reason:
            note = CaseNote.objects.create(
                case_id=event.case_id, text=reason, created_at=event.at, created_by_id=event.actor_id
            )
            event.details["note"] = note.pk
        event.save(update_fields=["details"])


def forward(apps, schema_editor):
    write_reasons(apps, schema_editor)
    move_event_reasons_to_notes(apps, schema_editor)


class Migration(migrations.Migration):

    dependencies = [
        ('cases', '0003_notes_documents_outcomes'),
    ]

    operations = [
        migrations.RunPython(read_reasons, write_reasons),
        migrations.AlterField(
            model_name='case',
            name='closed_reason',
            field=sigap.core.fields.EncryptedTextField(blank=True, verbose_name='reason for closing'),
        ),
        migrations.RunPython(forward, read_reasons),
    ]
