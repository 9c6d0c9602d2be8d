"""One record per human being: a NIK already registered in sight is offered instead of a
duplicate; one out of sight is never revealed, and the pair is queued for the secretariat,
who merges the records (names, data and cases) or records that they differ."""

from datetime import date

import pytest

from sigap.cases import services as case_services
from sigap.people.models import DuplicateCandidate, Person
from sigap.people.services import duplicate_dismiss, duplicate_merge, person_create
from tests.conftest import sign_in

pytestmark = pytest.mark.django_db
NIK = "6303015203900001"  # synthetic


def form(**extra):
    return {
        "full_name": "Salasiah",
        "nik": NIK,
        "sex": "F",
        "citizenship": "ID",
        "region": "63.03",
        **extra,
    }


def test_a_nik_registered_in_sight_is_offered_instead_of_a_duplicate(client, rahmadi):
    first = person_create(actor=rahmadi, full_name="Salasiah", nik=NIK, region_id="63.03")
    sign_in(client, rahmadi)
    page = client.post("/orang/baru/", form(full_name="Salasiah binti Ahmad")).content.decode()
    assert "sudah terdaftar" in page and first.pseudonym in page
    assert Person.objects.count() == 1 and not DuplicateCandidate.objects.exists()


def test_a_nik_registered_out_of_sight_is_not_revealed_but_queued(client, rahmadi, normila):
    hidden = person_create(actor=normila, full_name="Salasiah", nik=NIK, region_id="63")
    sign_in(client, rahmadi)  # Polres Banjar does not see Dinsos' record
    response = client.post("/orang/baru/", form())
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert hidden.pseudonym not in page and "Dinas Sosial" not in page
    new = Person.objects.exclude(pk=hidden.pk).get()
    pair = DuplicateCandidate.objects.get()
    assert (pair.person, pair.other, pair.status) == (new, hidden, "open")


def test_only_the_secretariat_sees_the_queue(client, rahmadi, normila, siti):
    person_create(actor=normila, full_name="Salasiah", nik=NIK, region_id="63")
    person_create(actor=rahmadi, full_name="Salasiah", nik=NIK, region_id="63.03")
    sign_in(client, rahmadi)
    assert client.get("/orang/duplikat/").status_code == 404
    sign_in(client, siti)
    page = client.get("/orang/duplikat/").content.decode()
    assert page.count("Salasiah") >= 2 and "Gabungkan" in page


def test_merging_moves_names_data_and_cases_to_the_kept_record(siti, rahmadi, normila):
    kept = person_create(actor=normila, full_name="Salasiah", nik=NIK, region_id="63")
    gone = person_create(
        actor=rahmadi,
        full_name="Salasiyah binti Ahmad",
        nik=NIK,
        region_id="63.03",
        phone="+6281234567890",
        birth_date=date(2008, 2, 1),
    )
    case = case_services.case_create(
        actor=rahmadi, reported_on=date(2024, 3, 1), source="police", region_id="63.03"
    )
    case_services.party_add(actor=rahmadi, case=case, person=gone, role="victim")
    pair = DuplicateCandidate.objects.get()
    duplicate_merge(actor=siti, candidate=pair, keep=kept)
    kept.refresh_from_db()
    gone.refresh_from_db()
    assert "Salasiyah binti Ahmad" in kept.aliases
    assert kept.phone == "+6281234567890" and kept.birth_date == date(2008, 2, 1)
    assert case.parties.get().person == kept
    case.refresh_from_db()
    assert case.child_victim is True  # the kept record's birth date now counts
    assert gone.merged_into == kept and gone.full_name == "" and gone.nik_index == ""
    assert not Person.objects.filter(pk=gone.pk).filter(merged_into__isnull=True).exists()
    pair.refresh_from_db()
    assert pair.status == "merged" and pair.resolved_by == siti
    # the officer of the case now reaches the kept record through the case
    from sigap.people.selectors import person_search

    assert list(person_search(rahmadi, nik=NIK)) == [kept]


def test_different_persons_are_recorded_and_both_stay(siti, rahmadi, normila):
    one = person_create(actor=normila, full_name="Salasiah", nik=NIK, region_id="63")
    two = person_create(actor=rahmadi, full_name="Jamilah", nik=NIK, region_id="63.03")
    pair = DuplicateCandidate.objects.get()
    duplicate_dismiss(actor=siti, candidate=pair)
    assert pair.status == "dismissed"
    assert Person.objects.filter(pk__in=[one.pk, two.pk], merged_into__isnull=True).count() == 2


def test_the_resolve_page_merges_once(client, siti, rahmadi, normila):
    person_create(actor=normila, full_name="Salasiah", nik=NIK, region_id="63")
    person_create(actor=rahmadi, full_name="Salasiah", nik=NIK, region_id="63.03")
    pair = DuplicateCandidate.objects.get()
    sign_in(client, siti)
    client.post(f"/orang/duplikat/{pair.pk}/", {"decision": "keep_other"})
    page = client.post(f"/orang/duplikat/{pair.pk}/", {"decision": "keep_person"}, follow=True)
    assert "sudah diputuskan" in page.content.decode()
    assert Person.objects.filter(merged_into__isnull=False).count() == 1


def test_merging_loses_nothing_either_record_knew(siti, rahmadi, normila):
    from django.utils import timezone

    kept = person_create(
        actor=normila,
        full_name="Salasiah",
        nik=NIK,
        region_id="63",
        phone="+6281111111111",
        notes="Dirujuk ke rumah aman (sintetis).",
        consent_services=True,
    )
    gone = person_create(
        actor=rahmadi,
        full_name="Salasiah",
        nik=NIK,
        region_id="63.03",
        phone="+6282222222222",
        address="Desa Sungai Lakum (sintetis)",
        notes="Diperiksa di Polres (sintetis).",
        birth_date=date(1990, 7, 1),
        birth_date_estimated=True,
    )
    # the person withdrew consent later, at Polres
    from sigap.people.services import person_withdraw_consent

    person_withdraw_consent(actor=rahmadi, person=gone)
    assert gone.consent_withdrawn_at <= timezone.now()
    duplicate_merge(actor=siti, candidate=DuplicateCandidate.objects.get(), keep=kept)
    kept.refresh_from_db()
    assert "+6281111111111" in kept.phone and "+6282222222222" in kept.phone
    assert kept.address == "Desa Sungai Lakum (sintetis)"
    assert "rumah aman" in kept.notes and "Polres" in kept.notes
    assert kept.birth_date == date(1990, 7, 1) and kept.birth_date_estimated is True
    assert kept.consent_services is False and kept.consent_withdrawn_at is not None


def test_a_nik_kept_although_invalid_matches_nobody(client, rahmadi, normila):
    bad = "6.30301E+15"  # what Excel makes of a NIK
    person_create(actor=normila, full_name="A", nik=bad, nik_problem="nik_format", region_id="63")
    person_create(
        actor=rahmadi, full_name="B", nik=bad, nik_problem="nik_format", region_id="63.03"
    )
    assert not DuplicateCandidate.objects.exists()
    sign_in(client, rahmadi)
    response = client.post(
        "/orang/baru/",
        {"full_name": "C", "nik": bad, "nik_keep_invalid": "on", "sex": "F", "region": "63.03"},
    )
    assert response.status_code == 302  # not "already registered" as B
    assert Person.objects.count() == 3


def test_a_pair_is_queued_once_and_other_pairs_follow_the_kept_record(
    siti, rahmadi, normila, riduan_user
):
    first = person_create(actor=normila, full_name="Salasiah", nik=NIK, region_id="63")
    second = person_create(actor=rahmadi, full_name="Salasiah", nik=NIK, region_id="63.03")
    third = person_create(actor=riduan_user, full_name="Salasiah", nik=NIK, region_id="63.08")
    assert DuplicateCandidate.objects.count() == 3  # (2,1), (3,1), (3,2): one per pair
    from sigap.people.services import person_update

    person_update(actor=rahmadi, person=second, nik="")
    person_update(actor=rahmadi, person=second, nik=NIK)  # away and back: no second pair
    assert DuplicateCandidate.objects.count() == 3
    pair = DuplicateCandidate.objects.get(person=second, other=first)
    duplicate_merge(actor=siti, candidate=pair, keep=first)
    open_pairs = DuplicateCandidate.objects.filter(status="open")
    assert [(p.person_id, p.other_id) for p in open_pairs] == [(third.pk, first.pk)]


def test_the_queue_holds_only_pairs_wholly_in_the_secretariats_region(client, rahmadi):
    from tests.conftest import make_user

    outside = make_user("dinsos-jatim", role="agency_officer", agency="dinsos-kalsel", region="35")
    person_create(actor=outside, full_name="Salasiah", nik=NIK, region_id="35")
    person_create(actor=rahmadi, full_name="Salasiah", nik=NIK, region_id="63.03")
    kalsel = make_user(
        "sekretariat-2", role="secretariat", agency="sekretariat-gt-kalsel", region="63"
    )
    sign_in(client, kalsel)
    page = client.get("/orang/duplikat/").content.decode()
    assert "Tidak ada kemungkinan data ganda" in page


@pytest.fixture
def riduan_user(db):
    from tests.conftest import make_persona

    return make_persona("riduan")
