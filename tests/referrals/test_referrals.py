"""Referrals: the consent rule, the due date from the service's limit, every transition
allowed and refused per role, the status history, the receiving agency's view of the person,
and services delivered."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from sigap.cases import services as case_services
from sigap.cases.models import CaseEvent, PartyRole
from sigap.cases.timeline import describe
from sigap.core.access import scoped
from sigap.core.models import Agency, AuditEvent
from sigap.people.models import Person
from sigap.people.services import person_create
from sigap.referrals import services
from sigap.referrals.models import Referral, ServiceType
from sigap.referrals.services import TRANSITIONS, ReferralError
from tests.conftest import make_persona

pytestmark = pytest.mark.django_db
R = Referral._meta.get_field("status").choices


@pytest.fixture
def dinsos():
    return Agency.objects.get(slug="dinsos-kalsel")


@pytest.fixture
def victim(siti):
    """A victim in a case handled by the secretariat, who agreed to sharing."""
    case = case_services.case_create(
        actor=siti, reported_on=date(2024, 3, 1), source="bp3mi_repatriation", region_id="63.03"
    )
    person = person_create(actor=siti, full_name="Masitah", region_id="63.03", consent_share=True)
    return case_services.party_add(actor=siti, case=case, person=person, role=PartyRole.VICTIM)


def send(actor, party, to, **extra):
    values = {"reason": "Butuh rehabilitasi sosial (sintetis).", **extra}
    return services.referral_send(
        actor=actor,
        party=party,
        service_type=ServiceType.objects.get(slug="social_rehabilitation"),
        to_agency=to,
        **values,
    )


def test_the_catalogue_has_the_permen_pppa_chain_with_first_aid_in_7_days():
    slugs = list(ServiceType.objects.values_list("slug", flat=True))
    assert len(slugs) == 11 and slugs[0] == "complaint" and slugs[-1] == "restitution"
    assert ServiceType.objects.get(slug="health").days_allowed == 7


def test_a_referral_is_numbered_due_by_the_services_limit_and_recorded(siti, victim, dinsos):
    referral = send(siti, victim, dinsos)
    today = timezone.localdate()
    assert referral.number == f"RJK/{today.year}/0001" and referral.status == "sent"
    assert referral.due_on == today + timedelta(days=30)
    assert AuditEvent.objects.filter(action="create", object_type="referrals.referral").exists()
    event = CaseEvent.objects.filter(case=victim.case, kind="referral").get()
    assert "Rujukan RJK/" in describe(event) and "Rehabilitasi sosial" in describe(event)


def test_without_consent_only_the_secretariat_refers_and_only_with_a_reason(siti, victim, dinsos):
    person = victim.person
    person.consent_share = False
    person.save()
    with pytest.raises(ReferralError, match="consent_required"):
        send(siti, victim, dinsos)
    referral = send(siti, victim, dinsos, consent_override_reason="Korban anak dalam bahaya.")
    assert referral.consent_override_reason == "Korban anak dalam bahaya."
    # an agency officer cannot override
    rahmadi = make_persona("rahmadi")
    case = case_services.case_create(
        actor=rahmadi, reported_on=date(2024, 3, 1), source="police", region_id="63.03"
    )
    own = person_create(actor=rahmadi, full_name="Rusmini", region_id="63.03")  # no consent
    party = case_services.party_add(actor=rahmadi, case=case, person=own, role=PartyRole.VICTIM)
    with pytest.raises(ReferralError, match="consent_required"):
        send(rahmadi, party, dinsos, consent_override_reason="Mendesak.")


@pytest.mark.parametrize(
    ("start", "target"),
    [(a, b) for a, _ in R for b, _ in R if a != b and b != "sent"],
)
def test_every_transition_is_allowed_or_refused_for_the_right_agency(
    siti, victim, dinsos, normila, start, target
):
    referral = send(siti, victim, dinsos)
    Referral.objects.filter(pk=referral.pk).update(status=start)
    referral.refresh_from_db()
    receiver, sender = normila, siti  # Dinsos receives, the secretariat sent
    mover, other = (sender, receiver) if target == "cancelled" else (receiver, sender)
    if target in TRANSITIONS[start]:
        with pytest.raises(ReferralError):  # the wrong side may not make the move
            services.referral_move(other, referral, target, reason="alasan")
        services.referral_move(mover, referral, target, reason="alasan")
        referral.refresh_from_db()
        assert referral.status == target
        assert referral.events.last().after == target
    else:
        with pytest.raises(ReferralError):
            services.referral_move(mover, referral, target, reason="alasan")
        referral.refresh_from_db()
        assert referral.status == start


def test_declining_needs_a_reason(siti, victim, dinsos, normila):
    referral = send(siti, victim, dinsos)
    with pytest.raises(ReferralError, match="reason_required"):
        services.referral_decline(actor=normila, referral=referral, reason=" ")
    services.referral_decline(actor=normila, referral=referral, reason="Di luar layanan kami.")
    assert referral.status == "declined"


def test_the_receiving_agency_sees_the_referral_and_the_person_not_the_case(
    siti, victim, dinsos, normila
):
    assert not scoped(normila, Person).filter(pk=victim.person_id).exists()
    referral = send(siti, victim, dinsos)
    assert scoped(normila, Referral).filter(pk=referral.pk).exists()
    assert scoped(normila, Person).filter(pk=victim.person_id).exists()
    from sigap.cases.models import Case

    assert not scoped(normila, Case).filter(pk=victim.case_id).exists()
    rahmadi = make_persona("rahmadi")  # Polres: neither sender nor receiver
    assert not scoped(rahmadi, Referral).filter(pk=referral.pk).exists()
    services.referral_decline(actor=normila, referral=referral, reason="Bukan wewenang kami.")
    assert not scoped(normila, Person).filter(pk=victim.person_id).exists()


def test_services_delivered_put_an_accepted_referral_in_progress(siti, victim, dinsos, normila):
    referral = send(siti, victim, dinsos)
    with pytest.raises(ReferralError, match="wrong_state"):
        services.service_record_add(
            actor=normila, referral=referral, delivered_on=date(2024, 3, 5), description="x"
        )
    services.referral_accept(actor=normila, referral=referral)
    record = services.service_record_add(
        actor=normila,
        referral=referral,
        delivered_on=date(2024, 3, 5),
        description="Asesmen awal dan penempatan di panti (sintetis).",
    )
    referral.refresh_from_db()
    assert referral.status == "in_progress" and record.recorded_by == normila
    with pytest.raises(ReferralError, match="not_receiver"):
        services.service_record_add(
            actor=siti, referral=referral, delivered_on=date(2024, 3, 6), description="y"
        )
    services.referral_complete(actor=normila, referral=referral)
    assert [e.after for e in referral.events.all()] == [
        "sent",
        "accepted",
        "in_progress",
        "completed",
    ]


def test_a_referral_needs_a_victim_an_open_case_and_another_agency(siti, victim, dinsos):
    witness = case_services.party_add(
        actor=siti,
        case=victim.case,
        person=person_create(actor=siti, full_name="Saksi", region_id="63.03"),
        role=PartyRole.WITNESS,
    )
    with pytest.raises(ReferralError, match="not_a_victim_party"):
        send(siti, witness, dinsos)
    with pytest.raises(ReferralError, match="same_agency"):
        send(siti, victim, siti.agency)
    case_services.case_close(actor=siti, case=victim.case, reason="Selesai (sintetis)")
    victim.case.refresh_from_db()
    with pytest.raises(ReferralError, match="closed"):
        send(siti, victim, dinsos)


def test_a_grant_lets_the_receiving_agency_read_the_whole_case_but_not_change_it(
    siti, victim, dinsos, normila
):
    from sigap.cases.models import Case, CaseParty
    from sigap.cases.services import WorkflowError

    referral = send(siti, victim, dinsos, grants_whole_case=True)
    assert scoped(normila, Case).filter(pk=victim.case_id).exists()
    assert scoped(normila, CaseParty).filter(case=victim.case_id).count() == 1
    from sigap.core.access import Action

    assert not scoped(normila, Case, Action.CHANGE).filter(pk=victim.case_id).exists()
    with pytest.raises(WorkflowError, match="not_allowed"):
        case_services.case_start_screening(actor=normila, case=victim.case)
    services.referral_cancel(actor=siti, referral=referral)
    assert not scoped(normila, Case).filter(pk=victim.case_id).exists()
