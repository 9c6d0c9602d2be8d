"""Shared records of the case tests: a case led by Polres Banjar (Rahmadi) and its victim."""

from datetime import date

import pytest

from sigap.cases import services
from sigap.cases.models import PartyRole
from sigap.people.services import person_create


@pytest.fixture
def case(rahmadi):
    return services.case_create(
        actor=rahmadi, reported_on=date(2024, 3, 12), source="police", region_id="63.03.05"
    )


@pytest.fixture
def victim(case, rahmadi):
    person = person_create(
        actor=rahmadi, full_name="Salasiah", region_id="63.03", birth_date=date(1990, 1, 1)
    )
    return services.party_add(actor=rahmadi, case=case, person=person, role=PartyRole.VICTIM)


@pytest.fixture
def media(settings):
    """The (temporary, see tests/conftest.py) folder of uploaded files."""
    return settings.MEDIA_ROOT
