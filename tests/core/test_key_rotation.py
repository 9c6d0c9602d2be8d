"""`sigap rotate_keys`: after adding a new key, everything moves to it and stays readable."""

import pytest
from django.core.files.base import ContentFile
from django.db import connection

from sigap.core import audit, crypto
from sigap.core.fields import EncryptedFileSystemStorage
from sigap.core.models import AuditEvent
from sigap.people.services import person_create, person_update

pytestmark = pytest.mark.django_db(transaction=True)


def raw_tokens():
    with connection.cursor() as cursor:
        cursor.execute("SELECT full_name, phone FROM people_person")
        return [token for row in cursor.fetchall() for token in row]


def test_rotation_moves_values_audit_and_files_to_the_new_key(
    kalsel_reference, settings, tmp_path, run_command
):
    from tests.conftest import make_persona

    siti = make_persona("siti")
    person = person_create(
        actor=siti, full_name="Siti Rahmah", phone="+6281234567890", region_id="63"
    )
    person_update(actor=siti, person=person, phone="+6285311112222")
    settings.MEDIA_ROOT = tmp_path
    storage = EncryptedFileSystemStorage(location=tmp_path)
    name = storage.save("dokumen/surat.txt", ContentFile(b"isi rahasia"))
    old_key = crypto.primary_key_id()

    settings.SIGAP_ENCRYPTION_KEYS = {"k2": b"\x07" * 32, **settings.SIGAP_ENCRYPTION_KEYS}
    _, summary = run_command("rotate_keys")
    assert summary["primary_key"] == "k2"
    assert summary["rewritten"]["people.person.full_name"] == 1
    assert summary["rewritten"]["files"] == 1
    assert summary["rewritten"]["audit_sealed_values"] >= 3
    assert {crypto.key_id_of(t) for t in raw_tokens() if t} == {"k2"}

    # the old key can now go: everything still reads with the new key alone
    settings.SIGAP_ENCRYPTION_KEYS = {"k2": b"\x07" * 32}
    person.refresh_from_db()
    assert person.full_name == "Siti Rahmah"
    with storage.open(name) as handle:
        assert handle.read() == b"isi rahasia"
    change = AuditEvent.objects.get(action="change")
    assert audit.unseal(change.details["changes"]["phone"]["after"]) == "+6285311112222"

    _, again = run_command("rotate_keys")
    assert again["rewritten"]["people.person.full_name"] == 0
    assert old_key == "test1"
