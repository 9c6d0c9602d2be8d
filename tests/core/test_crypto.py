"""Encryption at rest: values and files round-trip, are bound to their place, and rotate."""

import pytest
from django.core.files.base import ContentFile

from sigap.core import crypto
from sigap.core.fields import EncryptedFileSystemStorage
from sigap.keys import new_key


@pytest.fixture
def two_keys(settings):
    """A ring where a new key (k2) encrypts and the old (k1) still decrypts."""
    old = crypto.encrypt_text("lama", context="x")
    settings.SIGAP_ENCRYPTION_KEYS = {"k2": b"\x02" * 32, **settings.SIGAP_ENCRYPTION_KEYS}
    return old


def test_text_round_trips_and_the_ciphertext_hides_it():
    token = crypto.encrypt_text("Siti Rahmah binti Anang", context="people.person.full_name")
    assert "Siti" not in token
    assert (
        crypto.decrypt_text(token, context="people.person.full_name") == "Siti Rahmah binti Anang"
    )


def test_the_same_value_encrypts_differently_each_time():
    assert crypto.encrypt_text("6303015203900001", context="c") != crypto.encrypt_text(
        "6303015203900001", context="c"
    )


def test_a_value_moved_to_another_column_does_not_decrypt():
    token = crypto.encrypt_text("rahasia", context="people.person.nik")
    with pytest.raises(crypto.DecryptionError):
        crypto.decrypt_text(token, context="people.person.full_name")


def test_a_changed_ciphertext_is_detected():
    blob = bytearray(crypto.encrypt_bytes(b"rahasia", context="c"))
    blob[-1] ^= 1
    with pytest.raises(crypto.DecryptionError):
        crypto.decrypt_bytes(bytes(blob), context="c")


def test_after_rotation_new_values_use_the_new_key_and_old_ones_still_read(two_keys):
    new = crypto.encrypt_text("baru", context="x")
    assert crypto.key_id_of(new) == "k2"
    assert crypto.key_id_of(two_keys) == "test1"
    assert crypto.decrypt_text(two_keys, context="x") == "lama"


def test_an_unknown_key_id_is_refused(settings):
    token = crypto.encrypt_text("x", context="c")
    settings.SIGAP_ENCRYPTION_KEYS = {"other": b"\x03" * 32}
    with pytest.raises(crypto.DecryptionError):
        crypto.decrypt_text(token, context="c")


def test_blind_indexes_are_stable_keyed_and_separate_by_purpose(settings):
    nik = crypto.blind_index("6303015203900001", purpose="nik")
    assert nik == crypto.blind_index("6303015203900001", purpose="nik")
    assert nik != crypto.blind_index("6303015203900001", purpose="name")
    settings.SIGAP_BLIND_INDEX_KEY = b"\x09" * 32
    assert nik != crypto.blind_index("6303015203900001", purpose="nik")
    assert new_key() != new_key()


def test_uploaded_files_are_encrypted_on_disk(tmp_path):
    storage = EncryptedFileSystemStorage(location=tmp_path)
    name = storage.save("surat/ktp.txt", ContentFile(b"KTP Siti Rahmah 6303015203900001"))
    raw = (tmp_path / name).read_bytes()
    assert b"Siti" not in raw
    assert b"6303015203900001" not in raw
    with storage.open(name) as handle:
        assert handle.read() == b"KTP Siti Rahmah 6303015203900001"
    assert storage.size(name) == len(b"KTP Siti Rahmah 6303015203900001")


def test_uploads_are_encrypted_by_default_even_when_renamed_on_a_clash(settings, tmp_path):
    from django.core.files.storage import default_storage

    settings.MEDIA_ROOT = tmp_path
    first = default_storage.save("surat.txt", ContentFile(b"pertama"))
    second = default_storage.save("surat.txt", ContentFile(b"kedua"))
    assert first != second
    assert b"kedua" not in (tmp_path / second).read_bytes()
    with default_storage.open(second) as handle:
        assert handle.read() == b"kedua"
    with default_storage.open(first) as handle:
        assert handle.read() == b"pertama"
