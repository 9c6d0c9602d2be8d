"""Narrow the key-rotation exception of the append-only audit log: under
`sigap.rewrap_audit` only the `details` column may change (its sealed values re-encrypted);
every other column must stay exactly as it was."""

from django.db import migrations

FORWARD = """
CREATE OR REPLACE FUNCTION core_auditevent_append_only() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'UPDATE'
       AND current_setting('sigap.rewrap_audit', true) = 'on'
       AND NEW.id = OLD.id
       AND NEW.at = OLD.at
       AND NEW.actor_id IS NOT DISTINCT FROM OLD.actor_id
       AND NEW.actor_label = OLD.actor_label
       AND NEW.action = OLD.action
       AND NEW.object_type = OLD.object_type
       AND NEW.object_id = OLD.object_id
       AND NEW.ip_address IS NOT DISTINCT FROM OLD.ip_address THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'the audit log is append-only (%% refused)', TG_OP;
END;
$$ LANGUAGE plpgsql;
"""


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(FORWARD)


class Migration(migrations.Migration):
    dependencies = [("core", "0002_audit_append_only")]

    operations = [migrations.RunPython(forward, migrations.RunPython.noop)]
