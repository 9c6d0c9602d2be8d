"""bench.generate writes what the services would: rows the real selectors find, in scope,
with the counters advanced (synthetic data, a tiny size)."""

import re
from datetime import date

import pytest
from django.db import connection

from bench.generate import PERSONS_PER_CASE, generate
from sigap.cases import services
from sigap.cases.models import VICTIM_ROLES, Case, CaseParty
from sigap.cases.selectors import case_search, cases_for
from sigap.core.access import within_region
from sigap.core.models import Sequence
from sigap.core.parsing import parse_nik
from sigap.people.models import Person, PersonNameKey
from sigap.people.search import name_index_keys, nik_index
from sigap.people.selectors import person_search
from sigap.people.services import person_create

pytestmark = pytest.mark.django_db

CASES = 120
REFERENCE = re.compile(r"^TPPO/63(\.\d\d)?/20\d\d/\d{4,}$")


@pytest.fixture
def generated():
    return generate(CASES, seed=7, report=lambda _line: None, analyze=False)


def test_writes_the_requested_size(generated):
    assert (generated.cases, generated.persons) == (CASES, CASES * PERSONS_PER_CASE)
    assert Case.objects.count() == CASES
    assert Person.objects.count() == CASES * PERSONS_PER_CASE
    assert CaseParty.objects.count() == generated.parties >= CASES * PERSONS_PER_CASE
    # Some persons are parties of more than one case.
    assert CaseParty.objects.values("person").distinct().count() < generated.parties


def test_identities_are_encrypted_and_indexed_as_person_create_does(generated):
    person = next(p for p in Person.objects.exclude(nik_index="").order_by("pk") if p.aliases)
    with connection.cursor() as cursor:
        cursor.execute("SELECT full_name, nik FROM people_person WHERE id = %s", [person.pk])
        stored_name, stored_nik = cursor.fetchone()
    assert person.full_name not in stored_name
    assert person.nik not in stored_nik
    assert person.nik_index == nik_index(person.nik)
    keys = set(PersonNameKey.objects.filter(person=person).values_list("key", flat=True))
    assert keys == name_index_keys(person.full_name, person.aliases)
    assert Person.objects.values("pseudonym").distinct().count() == Person.objects.count()


def test_niks_pass_the_checks_so_no_problem_is_recorded(generated):
    """The person form records a NIK that fails parse_nik in `nik_problem`; generated NIKs
    pass it, so their empty `nik_problem` is what the services would store."""
    for person in Person.objects.exclude(nik_index="")[:200]:
        nik = parse_nik(person.nik, today=person.created_at.date())
        assert nik.birth_date == person.birth_date
        assert person.nik_problem == ""


def test_a_generated_person_is_found_by_nik_and_by_name(generated, siti):
    person = Person.objects.exclude(nik_index="").order_by("pk").first()
    assert person in person_search(siti, nik=person.nik)
    assert person in person_search(siti, name=person.full_name.upper())


def test_a_generated_case_is_found_by_reference_nik_and_name(generated, siti):
    case = Case.objects.order_by("pk").first()
    assert REFERENCE.match(case.reference)
    assert list(case_search(siti, reference=case.reference)) == [case]
    assert case in case_search(siti, reference=case.reference.split("/", 2)[2])
    victim = case.parties.filter(role__in=VICTIM_ROLES).first().person
    if victim.nik:
        assert case in case_search(siti, nik=victim.nik)
    assert case in case_search(siti, name=victim.full_name)


def test_references_are_unique_and_well_formed(generated):
    references = list(Case.objects.values_list("reference", flat=True))
    assert len(set(references)) == len(references)
    assert all(REFERENCE.match(reference) for reference in references)


def test_scoping_holds_for_an_agency_officer(generated, rahmadi, siti):
    """Rahmadi (Polres Banjar, regency 63.03) sees exactly his agency's cases there."""
    mine = Case.objects.filter(within_region("region", "63.03"), lead_agency=rahmadi.agency)
    seen = set(cases_for(rahmadi))
    assert seen == set(mine)
    assert 0 < len(seen) < CASES
    assert set(cases_for(siti)) == set(Case.objects.all())


def test_child_victim_flag_is_what_the_services_would_keep(generated):
    flags = dict(Case.objects.values_list("pk", "child_victim"))
    assert any(flags.values())
    assert not all(flags.values())
    for case in Case.objects.all():
        services.refresh_child_victim(case)  # saves only when the flag was wrong
    assert dict(Case.objects.values_list("pk", "child_victim")) == flags


def test_counters_advanced_so_later_registrations_do_not_collide(generated, rahmadi):
    generated_case = (
        Case.objects.filter(reference__startswith="TPPO/63.03/").order_by("-reference").first()
    )
    year = int(generated_case.reference.split("/")[2])
    before = set(Case.objects.values_list("reference", flat=True))
    case = services.case_create(
        actor=rahmadi, reported_on=date(year, 6, 1), source="police", region_id="63.03"
    )
    assert case.reference not in before
    last = Sequence.objects.get(name=f"case:63.03:{year}").last
    assert case.reference == f"TPPO/63.03/{year}/{last:04d}"
    person = person_create(actor=rahmadi, full_name="Salasiah", region_id="63.03")
    assert Person.objects.filter(pseudonym=person.pseudonym).count() == 1


def test_the_same_seed_gives_the_same_data(generated):
    """Only the numbers taken from the counters (references, pseudonyms, ids) differ."""

    def content(cases):
        return [
            (case.reported_on, case.status, case.region_id, case.lead_agency_id, case.purposes)
            for case in cases
        ]

    def persons(people):
        return [(p.full_name, p.nik, p.birth_date, p.home_region_id) for p in people]

    first_cases = list(Case.objects.order_by("pk"))
    first_persons = list(Person.objects.order_by("pk"))
    generate(CASES, seed=7, report=lambda _line: None, analyze=False)
    again_cases = list(Case.objects.order_by("pk"))[CASES:]
    again_persons = list(Person.objects.order_by("pk"))[len(first_persons) :]
    assert content(again_cases) == content(first_cases)
    assert persons(again_persons) == persons(first_persons)
