"""Cases: references, scope, screening into the workflow, every transition allowed and refused."""

from datetime import date

import pytest

from sigap.cases import services
from sigap.cases.models import Case, CaseEvent, CaseStatus, PartyRole, Screening, VictimStatus
from sigap.cases.services import SCREENING_RESULTS, TRANSITIONS, WorkflowError
from sigap.cases.vocabulary import Act
from sigap.core import access
from sigap.core.models import AuditEvent
from sigap.people.services import person_create

pytestmark = pytest.mark.django_db
S = CaseStatus

INDICATED_ANSWERS = {
    "act": {"recruitment": "yes"},
    "means": {"fraud": "yes"},
    "purpose": {"forced_labour": "yes"},
}


def test_references_count_per_regency_and_year_and_are_never_reused(rahmadi, case):
    second = services.case_create(
        actor=rahmadi, reported_on=date(2024, 5, 1), source="media", region_id="63.03"
    )
    next_year = services.case_create(
        actor=rahmadi, reported_on=date(2025, 1, 2), source="media", region_id="63.03"
    )
    assert [case.reference, second.reference, next_year.reference] == [
        "TPPO/63.03/2024/0001",
        "TPPO/63.03/2024/0002",
        "TPPO/63.03/2025/0001",
    ]
    second.delete()
    third = services.case_create(
        actor=rahmadi, reported_on=date(2024, 6, 1), source="media", region_id="63.03"
    )
    assert third.reference == "TPPO/63.03/2024/0003"


def test_a_case_outside_the_officers_scope_cannot_be_created(rahmadi):
    with pytest.raises(WorkflowError, match="out_of_scope"):
        services.case_create(
            actor=rahmadi, reported_on=date(2024, 3, 1), source="police", region_id="63.71"
        )
    assert not Case.objects.exists()


def test_cases_are_scoped_like_persons(case, siti, normila):
    assert access.scoped(siti, Case).filter(pk=case.pk).exists()
    assert not access.scoped(normila, Case).exists()  # another agency leads it


def test_screening_moves_a_case_in_screening_to_indicated_and_keeps_history(case, victim, rahmadi):
    services.case_start_screening(actor=rahmadi, case=case)
    services.screening_record(actor=rahmadi, party=victim, answers={"act": {"recruitment": "yes"}})
    case.refresh_from_db()
    assert case.status == S.SCREENING  # insufficient information: still screening
    services.screening_record(actor=rahmadi, party=victim, answers=INDICATED_ANSWERS)
    case.refresh_from_db()
    assert case.status == S.INDICATED
    assert list(Screening.objects.values_list("outcome", flat=True)) == [
        "indicated",
        "insufficient",
    ]
    kinds = list(CaseEvent.objects.filter(case=case).values_list("kind", flat=True))
    assert kinds[:2] == ["status", "screened"]


def test_a_child_needs_no_means(rahmadi, case):
    child = person_create(
        actor=rahmadi, full_name="Anak", region_id="63.03", birth_date=date(2010, 1, 1)
    )
    party = services.party_add(actor=rahmadi, case=case, person=child, role=PartyRole.VICTIM)
    services.case_start_screening(actor=rahmadi, case=case)
    screening = services.screening_record(
        actor=rahmadi,
        party=party,
        answers={
            "act": {"recruitment": "yes"},
            "purpose": {"prostitution": "yes"},
            "means": dict.fromkeys(["fraud"], "no"),
        },
    )
    assert screening.child is True
    assert screening.outcome == "indicated"


ALL = list(S.values)


@pytest.mark.parametrize(("start", "target"), [(a, b) for a in ALL for b in ALL if a != b])
def test_every_transition_is_allowed_or_refused_by_the_workflow(rahmadi, case, start, target):
    """By hand: every move the table allows, except the screening results, which come only
    from screening; everything else is refused and leaves the status as it was."""
    Case.objects.filter(pk=case.pk).update(status=start)
    case.refresh_from_db()
    if target in SCREENING_RESULTS:
        expected_refusal = "by_screening"
    elif target in TRANSITIONS[start]:
        expected_refusal = None
    else:
        expected_refusal = "wrong_state"
    if expected_refusal is None:
        services.case_move(rahmadi, case, target, reason="selesai")
        case.refresh_from_db()
        assert case.status == target
        assert target in services.manual_targets(start)
    else:
        with pytest.raises(WorkflowError, match=expected_refusal):
            services.case_move(rahmadi, case, target, reason="selesai")
        case.refresh_from_db()
        assert case.status == start
        assert target not in services.manual_targets(start)


@pytest.mark.parametrize("start", [S.SCREENING, S.INDICATED, S.NOT_INDICATED])
@pytest.mark.parametrize("outcome", ["indicated", "not_indicated"])
def test_the_screening_results_are_reached_only_through_screening(
    rahmadi, case, victim, start, outcome
):
    Case.objects.filter(pk=case.pk).update(status=start)
    answers = {"act": {"recruitment": "yes"}, "purpose": {"forced_labour": "yes"}}
    if outcome == "indicated":
        answers["means"] = {"fraud": "yes"}
    else:
        answers["act"] = dict.fromkeys(Act.values, "no")
    victim.case.refresh_from_db()
    services.screening_record(actor=rahmadi, party=victim, answers=answers)
    case.refresh_from_db()
    assert case.status == outcome


def test_the_case_result_weighs_every_victim_not_the_first_screened(rahmadi, case, victim):
    second = services.party_add(
        actor=rahmadi,
        case=case,
        person=person_create(actor=rahmadi, full_name="Jamilah", region_id="63.03"),
        role=PartyRole.POSSIBLE_VICTIM,
    )
    services.case_start_screening(actor=rahmadi, case=case)
    absent = {"act": dict.fromkeys(Act.values, "no")}
    services.screening_record(actor=rahmadi, party=victim, answers=absent)
    case.refresh_from_db()
    assert case.status == S.SCREENING  # one victim not indicated, the other not yet screened
    services.screening_record(actor=rahmadi, party=second, answers=INDICATED_ANSWERS)
    case.refresh_from_db()
    assert case.status == S.INDICATED  # any victim indicated: the case is
    services.screening_record(actor=rahmadi, party=second, answers=absent)
    case.refresh_from_db()
    assert case.status == S.NOT_INDICATED  # rescreened: now every victim is not indicated


@pytest.mark.parametrize("persona", ["normila", "fauzan", "siti_of_another_province"])
def test_nobody_outside_the_case_can_move_it(persona, case, normila, fauzan):
    from tests.conftest import make_user

    actor = {
        "normila": normila,
        "fauzan": fauzan,
        "siti_of_another_province": make_user(
            "sekretariat-jatim", role="secretariat", region="35", agency="sekretariat-gt-kalsel"
        ),
    }[persona]
    for target in services.manual_targets(case.status):
        with pytest.raises(WorkflowError, match="not_allowed"):
            services.case_move(actor, case, target, reason="x")
    case.refresh_from_db()
    assert case.status == S.REPORTED


def test_a_closed_case_takes_notes_and_documents_but_no_other_change(rahmadi, case, victim):
    services.case_close(actor=rahmadi, case=case, reason="Selesai (sintetis)")
    for change in (
        lambda: services.screening_record(actor=rahmadi, party=victim, answers={}),
        lambda: services.victim_status_decide(actor=rahmadi, party=victim, status="actual"),
        lambda: services.party_add(
            actor=rahmadi, case=case, person=victim.person, role=PartyRole.WITNESS
        ),
    ):
        with pytest.raises(WorkflowError, match="closed"):
            change()
    services.note_add(actor=rahmadi, case=case, text="Putusan pengadilan diterima (sintetis).")


def test_only_a_victim_party_gets_a_victim_status(rahmadi, case):
    witness = services.party_add(
        actor=rahmadi,
        case=case,
        person=person_create(actor=rahmadi, full_name="Saksi", region_id="63.03"),
        role=PartyRole.WITNESS,
    )
    with pytest.raises(WorkflowError, match="not_a_victim_party"):
        services.victim_status_decide(actor=rahmadi, party=witness, status="actual")


def test_closing_requires_a_reason_and_is_recorded(rahmadi, case):
    with pytest.raises(WorkflowError, match="reason_required"):
        services.case_close(actor=rahmadi, case=case, reason="  ")
    services.case_close(actor=rahmadi, case=case, reason="Laporan tidak terbukti")
    case.refresh_from_db()
    assert case.status == S.CLOSED and case.closed_reason == "Laporan tidak terbukti"
    assert AuditEvent.objects.filter(action="status", object_id=str(case.pk)).exists()
    services.case_reopen(actor=rahmadi, case=case)
    case.refresh_from_db()
    assert case.status == S.REOPENED


def test_an_officer_of_another_agency_cannot_move_the_case(normila, case):
    with pytest.raises(WorkflowError, match="not_allowed"):
        services.case_start_screening(actor=normila, case=case)


def test_the_victim_status_records_who_decided(rahmadi, victim):
    services.victim_status_decide(actor=rahmadi, party=victim, status=VictimStatus.ACTUAL)
    victim.refresh_from_db()
    assert victim.victim_status == "actual" and victim.victim_status_by == rahmadi
    assert victim.victim_status_at is not None


def test_mutasi_hands_the_open_cases_over(rahmadi, case, run_command):
    from sigap.core.services import user_transfer_work
    from tests.conftest import make_user

    colleague = make_user("gazali", role="agency_officer", agency="polres-banjar", region="63.03")
    Case.objects.filter(pk=case.pk).update(assigned_officer=rahmadi)
    closed = services.case_create(
        actor=rahmadi,
        reported_on=date(2024, 1, 1),
        source="media",
        region_id="63.03",
        assigned_officer=rahmadi,
    )
    services.case_close(actor=rahmadi, case=closed, reason="selesai")
    moved = user_transfer_work(actor=rahmadi, from_user=rahmadi, to_user=colleague)
    assert moved["cases"] == 1
    assert Case.objects.get(pk=case.pk).assigned_officer == colleague
    assert Case.objects.get(pk=closed.pk).assigned_officer == rahmadi


def test_a_person_in_an_open_case_is_not_anonymised(rahmadi, victim, run_command):
    from datetime import timedelta

    from django.utils import timezone

    from sigap.people.models import Person

    Person.objects.filter(pk=victim.person_id).update(
        updated_at=timezone.now() - timedelta(days=4000)
    )
    _, summary = run_command("purge_expired")
    assert summary["purged"]["persons"] == 0
    assert Person.objects.get(pk=victim.person_id).full_name == "Salasiah"


def test_a_person_registered_elsewhere_is_visible_through_a_case_in_scope(
    rahmadi, normila, siti, case
):
    from sigap.people.models import Person

    person = person_create(actor=normila, full_name="Dari Dinsos", region_id="63.71")
    assert not access.scoped(rahmadi, Person).filter(pk=person.pk).exists()
    with pytest.raises(WorkflowError, match="person_not_visible"):
        services.party_add(actor=rahmadi, case=case, person=person, role=PartyRole.WITNESS)
    services.party_add(actor=siti, case=case, person=person, role=PartyRole.WITNESS)
    assert access.scoped(rahmadi, Person).filter(pk=person.pk).exists()
