"""Demo cases: a few hundred synthetic cases, each registered in its officer's scope through the
services, shaped like the province's reality, and reachable through the workflow."""

import random
from collections import Counter
from datetime import date

import pytest

from sigap.cases.demo import (
    DEMO_CASES,
    PERSON_NOTE,
    SYNTHETIC_MARK,
    World,
    create_demo_cases,
    make_plan,
)
from sigap.cases.models import VICTIM_ROLES, Case, CaseParty, CaseStatus, Screening, VictimStatus
from sigap.cases.screening import Outcome
from sigap.cases.services import TRANSITIONS
from sigap.core import access
from sigap.core.access import Action
from sigap.core.demo import create_demo_users
from sigap.core.parsing import parse_nik
from sigap.people.models import Person
from sigap.people.services import age_on

pytestmark = pytest.mark.django_db
S = CaseStatus
TODAY = date(2026, 6, 15)


@pytest.fixture
def demo_users(db):
    create_demo_users()


def replayed_status(case):
    """The status the case's timeline leads to, each move checked against the workflow."""
    status = S.REPORTED
    for event in sorted(case.events.all(), key=lambda event: event.pk):
        if event.kind == "status":
            assert event.details["before"] == status, case.reference
            assert event.details["after"] in TRANSITIONS[status], case.reference
            status = event.details["after"]
    return status


def test_the_default_run_spreads_a_few_hundred_cases_over_five_years_along_the_workflow(
    demo_users,
):
    assert create_demo_cases(today=TODAY) == {"demo_cases_created": DEMO_CASES}

    cases = list(Case.objects.prefetch_related("events"))
    assert len(cases) == DEMO_CASES
    assert min(case.reported_on for case in cases) >= date(2021, 6, 15)
    assert max(case.reported_on for case in cases) <= TODAY
    per_year = Counter((TODAY - case.reported_on).days // 365 for case in cases)
    assert per_year[0] > per_year[4]  # more in recent years
    for case in cases:
        assert case.incident_on < case.reported_on
        assert replayed_status(case) == case.status
        if case.status == S.CLOSED:
            assert case.closed_reason, case.reference
        if case.status == S.REOPENED:  # the reason it was closed stays in the timeline
            assert case.events.filter(kind="status", details__after=S.CLOSED).exists()
    assert {case.status for case in cases} >= set(S.values) - {S.NOT_INDICATED}
    recent = {case.status for case in cases if (TODAY - case.reported_on).days <= 30}
    assert recent <= {S.REPORTED, S.SCREENING, S.INDICATED, S.NOT_INDICATED, S.CLOSED}
    assert_the_mix_looks_like_the_provinces_reality()


def assert_the_mix_looks_like_the_provinces_reality():
    destinations = Counter(Case.objects.values_list("destination_country_id", flat=True))
    assert {"SA", "MY", "AE", "KH", "MM", "TW", "ID"} <= set(destinations)
    assert destinations["SA"] + destinations["MY"] > DEMO_CASES / 4  # migrant workers lead
    sources = Counter(Case.objects.values_list("source", flat=True))
    assert sources["bp3mi_repatriation"] > DEMO_CASES / 5
    assert DEMO_CASES * 0.1 < Case.objects.filter(child_victim=True).count() < DEMO_CASES * 0.35
    purposes = Counter(p for ps in Case.objects.values_list("purposes", flat=True) for p in ps)
    assert {"forced_labour", "servitude", "forced_criminality", "prostitution"} <= set(purposes)
    outcomes = Counter(Screening.objects.values_list("outcome", flat=True))
    assert outcomes[Outcome.INDICATED] > outcomes[Outcome.INSUFFICIENT] > 0
    assert outcomes[Outcome.NOT_INDICATED] > 0
    actual = CaseParty.objects.filter(victim_status=VictimStatus.ACTUAL)
    assert actual.exists()
    assert set(actual.values_list("victim_status_by__username", flat=True)) == {"rahmadi"}


def test_demo_data_creates_the_cases_after_the_persons(run_command):
    _, summary = run_command("demo_data", "--cases", "5")

    # (the demo's accepted public report opens one more case)
    assert summary["demo_cases_created"] == Case.objects.filter(public_reports=None).count() == 5
    assert summary["demo_persons_created"] > 0
    _, again = run_command("demo_data", "--cases", "5")
    assert again["demo_cases_created"] == 0


def test_every_case_is_registered_in_its_officers_scope(demo_users):
    create_demo_cases(count=40, today=TODAY)

    cases = Case.objects.select_related("created_by", "lead_agency")
    assert {case.created_by.username for case in cases} == {"siti", "rahmadi", "normila", "riduan"}
    for case in cases:
        officer = case.created_by
        assert access.can(officer, case, Action.CHANGE), case.reference
        assert case.region_id.startswith(officer.region_id), case.reference
        if officer.username != "siti":  # agency and regency officers lead their own cases
            assert case.lead_agency == officer.agency, case.reference
    for party in CaseParty.objects.select_related("case__created_by", "person"):
        assert access.can(party.case.created_by, party.person, Action.VIEW)


def test_cases_and_persons_say_they_are_synthetic(demo_users):
    create_demo_cases(count=40, today=TODAY)

    for case in Case.objects.all():
        assert case.narrative.endswith(SYNTHETIC_MARK)
        assert not case.placement_company or case.placement_company.endswith("(fiktif)")
    persons = Person.objects.filter(case_parties__isnull=False).distinct()
    assert persons.count() > Case.objects.count()
    for person in persons:
        assert person.notes == PERSON_NOTE
        nik = parse_nik(person.nik, today=TODAY)  # invented, but well formed
        assert (nik.birth_date, nik.sex) == (person.birth_date, person.sex)
        assert person.home_region_id.startswith(nik.district_code)


def test_child_victims_are_under_18_at_the_incident_and_indicated_without_means(demo_users):
    create_demo_cases(count=60, today=TODAY)

    children = Case.objects.filter(child_victim=True)
    assert children.exists()
    without_means = 0
    for case in Case.objects.all():
        victims = case.parties.filter(role__in=VICTIM_ROLES).select_related("person")
        ages = [age_on(party.person, case.incident_on) for party in victims]
        assert case.child_victim == any(age < 18 for age in ages), case.reference
        for screening in case.screenings.all():
            assert screening.child == case.child_victim
            means = [item for item, answer in screening.answers["means"].items() if answer == "yes"]
            if case.child_victim and screening.outcome == Outcome.INDICATED and not means:
                without_means += 1
    assert without_means > 0


def test_screenings_agree_with_the_status(demo_users):
    create_demo_cases(count=40, today=TODAY)

    decided = {S.INDICATED, S.IN_HANDLING, S.REFERRED, S.IN_PROSECUTION}
    for case in Case.objects.prefetch_related("screenings"):
        outcomes = {screening.outcome for screening in case.screenings.all()}
        if case.status in decided:
            assert Outcome.INDICATED in outcomes, case.reference
        elif case.status == S.NOT_INDICATED:
            assert Outcome.NOT_INDICATED in outcomes, case.reference
        elif case.status in (S.REPORTED, S.SCREENING):
            assert outcomes <= {Outcome.INSUFFICIENT}, case.reference


def test_a_second_run_creates_nothing(demo_users):
    first = create_demo_cases(count=15, today=TODAY)
    counts = (Case.objects.count(), Person.objects.count(), Screening.objects.count())

    assert first == {"demo_cases_created": 15}
    assert create_demo_cases(count=15, today=TODAY) == {"demo_cases_created": 0}
    assert (Case.objects.count(), Person.objects.count(), Screening.objects.count()) == counts


def test_the_same_seed_tells_the_same_stories(demo_users):
    world = World.load()

    def stories(seed):
        rng = random.Random(seed)
        return [make_plan(rng, world, TODAY).story.narrative for _ in range(20)]

    assert stories(7) == stories(7) != stories(8)
