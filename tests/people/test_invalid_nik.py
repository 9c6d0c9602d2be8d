"""An invalid NIK is refused with its reason, or kept exactly as written and flagged when the
officer says the document shows it so; it is never silently "fixed"."""

import pytest

from sigap.people.models import Person
from tests.conftest import sign_in

pytestmark = pytest.mark.django_db
BAD_NIK = "6303 0152 0390 0000"  # synthetic; serial 0000 is not valid


def post(client, **extra):
    return client.post(
        "/orang/baru/",
        {"full_name": "Rusmini", "nik": BAD_NIK, "sex": "F", "region": "63.03", **extra},
    )


def test_an_invalid_nik_is_refused_with_the_reason(client, rahmadi):
    sign_in(client, rahmadi)
    page = post(client).content.decode()
    assert "0000" in page and "tidak boleh" in page
    assert not Person.objects.exists()


def test_kept_as_written_and_flagged_and_still_found(client, rahmadi):
    sign_in(client, rahmadi)
    response = post(client, nik_keep_invalid="on")
    assert response.status_code == 302
    person = Person.objects.get()
    assert person.nik == BAD_NIK and person.nik_problem
    page = client.get(response["Location"]).content.decode()
    assert "NIK tidak sah (disimpan sesuai tulisan)" in page
    found = client.post("/orang/", {"nik": "6303015203900000"}).content.decode()
    assert person.pseudonym in found


def test_a_valid_nik_is_stored_in_standard_form_without_a_flag(client, rahmadi):
    sign_in(client, rahmadi)
    post(client, nik="6303.0152.0390.0001", nik_keep_invalid="on")
    person = Person.objects.get()
    assert person.nik == "6303015203900001" and person.nik_problem == ""


def test_an_estimated_age_gives_an_estimated_birth_date(client, rahmadi):
    from django.utils import timezone

    sign_in(client, rahmadi)
    post(client, nik="", estimated_age="25")
    person = Person.objects.get()
    assert person.birth_date_estimated is True
    assert person.birth_date.year == timezone.localdate().year - 25
