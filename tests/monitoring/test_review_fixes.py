"""Monitoring's rules where a review found holes: a watch of another agency is not revealed,
a follow-up sent twice is kept once, answers to an older questionnaire are refused, merged
records keep one watch, watched persons are held from anonymisation and an anonymised
person's texts go. All data is synthetic."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from sigap.core.models import Agency, User
from sigap.core.retention import purge_expired
from sigap.monitoring import questionnaire as default
from sigap.monitoring import services
from sigap.monitoring.models import Enrolment, EnrolmentStatus, FollowUp, Group
from sigap.monitoring.services import AnswersError, MonitoringError
from sigap.people.models import DuplicateCandidate, Person
from sigap.people.services import duplicate_merge, person_anonymise, person_create
from tests.api.conftest import api_for
from tests.conftest import sign_in

pytestmark = pytest.mark.django_db
NONE = {key: "no" for key, *_rest in default.QUESTIONS} | {"support": "yes"}


def child(actor, name: str = "Laila Sintetis") -> Person:
    return person_create(actor=actor, full_name=name, sex="F", birth_date=date(2012, 2, 2),
                         region_id=actor.region_id, home_region_id="63.08")  # fmt: skip


def test_a_watch_by_another_agency_is_not_revealed(client, siti, normila):
    person = child(normila)
    services.enrol(actor=siti, person=person, group=Group.SURVIVOR,
                   agency=Agency.objects.get(slug="gt-hsu"), region_id="63.08",
                   reason="Penyintas, catatan rahasia (sintetis).")  # fmt: skip
    with pytest.raises(MonitoringError) as refused:
        services.enrol(actor=normila, person=person, group=Group.SURVIVOR, region_id="63.08")
    assert refused.value.code == "watched_elsewhere"
    body = {"person_id": person.pk, "group": "survivor", "region": "63.08"}
    answer = api_for(client, normila).post("/enrolments", body)
    assert answer.status_code == 409 and "rahasia" not in answer.content.decode()
    assert Enrolment.objects.count() == 1


def test_a_follow_up_sent_twice_is_kept_once_and_old_answers_are_refused(client, riduan):
    person = child(riduan)
    enrolment, _new = services.enrol(actor=riduan, person=person, group=Group.CHILD_AT_RISK)
    sign_in(client, riduan)
    url = reverse("monitoring:follow_up_new", args=[enrolment.pk])
    data = {f"q_{key}": value for key, value in NONE.items()} | {
        "kind": "visit", "done_on": timezone.localdate().isoformat(), "version": "1",
        "client_key": "kunci-formulir",
    }  # fmt: skip
    assert client.post(url, data).status_code == 302
    assert client.post(url, data).status_code == 302  # the answer was lost: sent again
    by_script = client.post(url, data, headers={"X-Sigap-Draft": "1"})  # the device's script
    assert by_script.json() == {
        "location": reverse("monitoring:enrolment_detail", args=[enrolment.pk])
    }
    assert FollowUp.objects.count() == 1
    stale = client.post(url, {**data, "version": "0", "client_key": "lain"})
    assert stale.status_code == 400 and FollowUp.objects.count() == 1
    with pytest.raises(AnswersError):
        services.follow_up_record(actor=riduan, enrolment=enrolment, kind="visit",
                                  done_on=timezone.localdate(), answers=NONE,
                                  version=7)  # fmt: skip


def test_merged_records_keep_one_watch_per_group(siti):
    keep, gone = child(siti, "Maya Sintetis"), child(siti, "Maya Sintetis (2)")
    services.enrol(actor=siti, person=keep, group=Group.CHILD_AT_RISK)
    twin, _new = services.enrol(actor=siti, person=gone, group=Group.CHILD_AT_RISK)
    services.enrol(actor=siti, person=gone, group=Group.SURVIVOR)
    pair = DuplicateCandidate.objects.create(person=keep, other=gone)
    duplicate_merge(actor=siti, candidate=pair, keep=keep)
    assert set(Enrolment.objects.values_list("person_id", flat=True)) == {keep.pk}
    twin.refresh_from_db()
    assert twin.status == EnrolmentStatus.CLOSED and twin.closed_reason
    assert Enrolment.objects.filter(person=keep, status=EnrolmentStatus.ACTIVE).count() == 2


def test_a_watched_person_is_held_and_an_anonymised_ones_texts_go(siti, settings):
    watched, closed = child(siti, "Nia Sintetis"), child(siti, "Oki Sintetis")
    services.enrol(actor=siti, person=watched, group=Group.CHILD_AT_RISK, reason="Alasan A.")
    ended, _new = services.enrol(actor=siti, person=closed, group=Group.CHILD_AT_RISK,
                                 reason="Alasan B.")  # fmt: skip
    services.follow_up_record(actor=siti, enrolment=ended, kind="visit",
                              done_on=timezone.localdate(), answers=NONE,
                              notes="Catatan B.")  # fmt: skip
    services.enrolment_close(actor=siti, enrolment=ended, reason="Pindah (sintetis).")
    old = timezone.now() - timedelta(days=settings.SIGAP_RETENTION_PERSON_DAYS + 1)
    Person.objects.update(updated_at=old)
    purge_expired(actor=User.objects.system_actor())
    watched.refresh_from_db()
    closed.refresh_from_db()
    assert watched.anonymised_at is None and closed.anonymised_at is not None
    ended.refresh_from_db()
    assert (ended.reason, ended.closed_reason) == ("", "")
    assert FollowUp.objects.get(enrolment=ended).notes == ""
    person_anonymise(actor=siti, person=watched)  # by hand, e.g. an erasure request
    assert Enrolment.objects.get(person=watched).reason == ""


def test_a_closed_enrolment_is_not_escalated_and_a_wrong_place_is_not_an_error(client, riduan):
    enrolment, _new = services.enrol(actor=riduan, person=child(riduan), group=Group.SURVIVOR)
    follow_up = services.follow_up_record(actor=riduan, enrolment=enrolment, kind="visit",
                                          done_on=timezone.localdate(), answers=NONE)  # fmt: skip
    services.enrolment_close(actor=riduan, enrolment=enrolment, reason="Selesai (sintetis).")
    with pytest.raises(MonitoringError):
        services.escalate(actor=riduan, follow_up=follow_up)
    sign_in(client, riduan)
    page = client.get(reverse("monitoring:coverage"), {"wilayah": "63.08.99"})
    assert page.status_code == 200


def test_a_watch_is_handed_to_another_agency_and_officer(client, siti, riduan, rahmadi):
    person = child(siti, "Qori Sintetis")
    enrolment, _new = services.enrol(actor=siti, person=person, group=Group.CHILD_AT_RISK,
                                     region_id="63.08")  # fmt: skip
    sign_in(client, siti)
    url = reverse("monitoring:enrolment_reassign", args=[enrolment.pk])
    hsu = Agency.objects.get(slug="gt-hsu")
    banjar = Agency.objects.get(slug="polres-banjar")
    client.post(url, {"agency": banjar.pk})  # Banjar's police has no say in HSU
    client.post(url, {"agency": hsu.pk, "officer": rahmadi.pk})  # not an officer of GT HSU
    enrolment.refresh_from_db()
    assert enrolment.agency.slug == "sekretariat-gt-kalsel" and enrolment.officer is None
    assert client.post(url, {"agency": hsu.pk, "officer": riduan.pk}).status_code == 302
    enrolment.refresh_from_db()
    assert (enrolment.agency, enrolment.officer) == (hsu, riduan)


def test_agency_officers_watch_for_their_own_agency_only(rahmadi, riduan, siti):
    person = person_create(actor=rahmadi, full_name="Rani Sintetis", region_id="63.03",
                           home_region_id="63.03")  # fmt: skip
    banjar = Agency.objects.get(slug="gt-banjar")
    with pytest.raises(MonitoringError) as refused:
        services.enrol(actor=rahmadi, person=person, group=Group.CHILD_AT_RISK, agency=banjar)
    assert refused.value.code == "agency_out_of_scope"
    enrolment, _new = services.enrol(actor=rahmadi, person=person, group=Group.CHILD_AT_RISK)
    with pytest.raises(MonitoringError):  # nor hand it to another agency
        services.enrolment_reassign(actor=rahmadi, enrolment=enrolment, agency=banjar)
    hsu_officer = riduan  # of GT HSU, and of Hulu Sungai Utara: cannot open a Banjar watch
    with pytest.raises(MonitoringError) as refused:
        services.enrolment_reassign(actor=siti, enrolment=enrolment,
                                    agency=Agency.objects.get(slug="gt-hsu"),
                                    officer=hsu_officer)  # fmt: skip
    assert refused.value.code in ("agency_out_of_scope", "officer_not_of_agency")


def test_closing_a_survivors_watch_ends_the_plan(siti):
    from sigap.monitoring import reintegration
    from sigap.monitoring.models import PlanStatus

    enrolment, _new = services.enrol(actor=siti, person=child(siti, "Sari Sintetis"),
                                     group=Group.SURVIVOR)  # fmt: skip
    plan = reintegration.plan_open(actor=siti, enrolment=enrolment)
    reintegration.goal_add(actor=siti, plan=plan, area="health", description="Pulih.")
    services.enrolment_close(actor=siti, enrolment=enrolment, reason="Pindah (sintetis).")
    plan.refresh_from_db()
    assert plan.status == PlanStatus.CLOSED and plan.closing_summary == "Pindah (sintetis)."
    with pytest.raises(MonitoringError):
        reintegration.goal_add(actor=siti, plan=plan, area="legal", description="x")
