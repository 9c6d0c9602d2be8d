"""Monitoring of vulnerable groups: the risk questionnaire and its versions, the follow-up
schedule, enrolments by hand and from imports, and who sees them. All data is synthetic."""

from __future__ import annotations

import io
from datetime import date, timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone, translation

from sigap.core.access import can, scoped
from sigap.core.models import Agency, AuditEvent
from sigap.imports.models import MigrantReturn
from sigap.monitoring import questionnaire as default
from sigap.monitoring import services
from sigap.monitoring.models import Enrolment, FollowUp, Group, RiskLevel, Source
from sigap.monitoring.services import AnswersError, MonitoringError
from sigap.people.models import Person
from sigap.people.services import person_create
from tests.conftest import make_persona
from tests.imports import files

pytestmark = pytest.mark.django_db

NONE = {key: "no" for key, *_rest in default.QUESTIONS} | {"support": "yes"}  # score 0


def answers(**chosen: str) -> dict[str, str]:
    return {**NONE, **chosen}


@pytest.fixture
def person(rahmadi):
    return person_create(actor=rahmadi, full_name="Wulan Sintetis", sex="F",
                         birth_date=date(1999, 4, 2), home_region_id="63.03",
                         region_id="63.03")  # fmt: skip


@pytest.fixture
def enrolment(rahmadi, person):
    made, created = services.enrol(actor=rahmadi, person=person,
                                   group=Group.PROSPECTIVE_MIGRANT,
                                   reason="Didekati perekrut (sintetis).")  # fmt: skip
    assert created
    return made


def test_the_default_questionnaire_gives_low_medium_and_high_risk_with_its_reasons():
    current = services.questionnaire_current()
    assert current.version == 1 and current.questions.count() == len(default.QUESTIONS)
    low = services.assess(current, NONE)
    assert (low.score, low.level, low.reasons) == (0, RiskLevel.LOW, [])
    medium = services.assess(current, answers(debt="yes", support="unknown"))
    assert (medium.score, medium.level) == (4, RiskLevel.MEDIUM)
    assert [question.key for question, _option in medium.reasons] == ["debt", "support"]
    high = services.assess(current, answers(documents_held="yes", debt="yes", child="yes"))
    assert (high.score, high.level) == (10, RiskLevel.HIGH)
    with translation.override("id"):
        assert high.reasons[0][0].text.startswith("Punya utang")
    with translation.override("en"):
        assert high.reasons[0][1].label == "Yes"


def test_answers_that_do_not_fit_the_questionnaire_are_refused_with_the_reason():
    current = services.questionnaire_current()
    with pytest.raises(AnswersError, match="owe money"), translation.override("en"):
        services.assess(current, {key: value for key, value in NONE.items() if key != "debt"})
    with pytest.raises(AnswersError, match="perhaps"), translation.override("en"):
        services.assess(current, answers(debt="perhaps"))
    with pytest.raises(AnswersError, match="shoe_size"), translation.override("en"):
        services.assess(current, answers(shoe_size="42"))


def test_old_follow_ups_keep_the_meaning_of_the_version_they_answered(rahmadi, enrolment):
    today = timezone.localdate()
    first = services.follow_up_record(actor=rahmadi, enrolment=enrolment, kind="visit",
                                      done_on=today - timedelta(days=3),
                                      answers=answers(debt="yes"))  # fmt: skip
    assert (first.score, first.risk_level) == (3, RiskLevel.LOW)
    # Version 2: debts weigh 6, and a question about online gambling is added.
    heavier = [
        (key, text_id, text_en, tuple((o[0], o[1], o[2], 6 if o[0] == "yes" else o[3])
                                      for o in options) if key == "debt" else options)
        for key, text_id, text_en, options in default.QUESTIONS
    ]  # fmt: skip
    heavier.append(("gambling", "Terjerat judi daring?", "Caught in online gambling?",
                    (("yes", "Ya", "Yes", 2), ("no", "Tidak", "No", 0))))  # fmt: skip
    second = services.questionnaire_publish(slug="risk", title=default.TITLE, medium_from=5,
                                            high_from=9, questions=heavier,
                                            actor=make_persona("siti"))  # fmt: skip
    assert second.version == 2 and services.questionnaire_current() == second
    first.refresh_from_db()
    assert first.questionnaire.version == 1  # the old answers keep their version
    assert [q.key for q, _o in services.reasons_of(first)] == ["debt"]
    assert services.assess(first.questionnaire, first.answers).score == 3
    with pytest.raises(AnswersError):  # the new version asks its new question
        services.follow_up_record(actor=rahmadi, enrolment=enrolment, kind="phone",
                                  done_on=today, answers=answers(debt="yes"))  # fmt: skip
    again = services.follow_up_record(actor=rahmadi, enrolment=enrolment, kind="phone",
                                      done_on=today,
                                      answers=answers(debt="yes", gambling="no"))  # fmt: skip
    assert (again.questionnaire, again.score, again.risk_level) == (second, 6, RiskLevel.MEDIUM)


def test_a_published_version_needs_ordered_thresholds():
    with pytest.raises(AnswersError):
        services.questionnaire_publish(slug="risk", title=default.TITLE, medium_from=8,
                                       high_from=4, questions=default.QUESTIONS)  # fmt: skip


@pytest.mark.parametrize(
    ("chosen", "level", "days"),
    [({}, RiskLevel.LOW, 90), ({"debt": "yes", "support": "no"}, RiskLevel.MEDIUM, 30),
     ({"documents_held": "yes", "debt": "yes", "child": "yes"}, RiskLevel.HIGH, 14)],
)  # fmt: skip
def test_the_next_follow_up_is_set_by_the_risk_found(rahmadi, enrolment, chosen, level, days):
    done_on = timezone.localdate() - timedelta(days=1)
    assert enrolment.next_due == enrolment.started_on + timedelta(days=14)  # the first visit
    follow_up = services.follow_up_record(actor=rahmadi, enrolment=enrolment, kind="visit",
                                          done_on=done_on, answers=answers(**chosen))  # fmt: skip
    enrolment.refresh_from_db()
    assert follow_up.risk_level == level == enrolment.risk_level
    assert follow_up.next_due == done_on + timedelta(days=days) == enrolment.next_due


def test_the_schedule_is_configurable_and_an_officer_may_only_bring_it_forward(
    rahmadi, enrolment, settings
):
    settings.SIGAP_FOLLOW_UP_DAYS = {**settings.SIGAP_FOLLOW_UP_DAYS, "low": 60}
    today = timezone.localdate()
    low = services.follow_up_record(actor=rahmadi, enrolment=enrolment, kind="visit",
                                    done_on=today, answers=NONE)  # fmt: skip
    assert low.next_due == today + timedelta(days=60)
    sooner = services.follow_up_record(actor=rahmadi, enrolment=enrolment, kind="phone",
                                       done_on=today, answers=NONE,
                                       next_due=today + timedelta(days=7))  # fmt: skip
    assert sooner.next_due == today + timedelta(days=7)
    with pytest.raises(AnswersError, match="60"), translation.override("en"):
        services.follow_up_record(actor=rahmadi, enrolment=enrolment, kind="phone",
                                  done_on=today, answers=NONE,
                                  next_due=today + timedelta(days=61))  # fmt: skip
    with pytest.raises(MonitoringError) as refused:
        services.follow_up_record(actor=rahmadi, enrolment=enrolment, kind="phone",
                                  done_on=today + timedelta(days=1), answers=NONE)  # fmt: skip
    assert refused.value.code == "future_date"
    assert FollowUp.objects.count() == 2


def test_a_person_is_enrolled_once_per_group_and_a_closed_enrolment_takes_no_follow_up(
    rahmadi, person, enrolment
):
    same, created = services.enrol(actor=rahmadi, person=person, group=Group.PROSPECTIVE_MIGRANT)
    assert same == enrolment and not created
    other, created = services.enrol(actor=rahmadi, person=person, group=Group.SURVIVOR)
    assert created and other != enrolment
    services.enrolment_close(actor=rahmadi, enrolment=enrolment, reason="Pindah (sintetis).")
    with pytest.raises(MonitoringError) as refused:
        services.follow_up_record(actor=rahmadi, enrolment=enrolment, kind="visit",
                                  done_on=timezone.localdate(), answers=NONE)  # fmt: skip
    assert refused.value.code == "closed"
    again, created = services.enrol(actor=rahmadi, person=person, group=Group.PROSPECTIVE_MIGRANT)
    assert created and again != enrolment


def test_an_officer_enrols_only_persons_and_regions_of_their_scope(rahmadi, person):
    riduan = make_persona("riduan")
    with pytest.raises(MonitoringError) as refused:
        services.enrol(actor=riduan, person=person, group=Group.CHILD_AT_RISK)
    assert refused.value.code == "person_not_visible"
    with pytest.raises(MonitoringError) as refused:
        services.enrol(actor=rahmadi, person=person, group=Group.CHILD_AT_RISK, region_id="63.08")
    assert refused.value.code == "region_out_of_scope"
    assert not Enrolment.objects.exists()


def import_list(tmp_path) -> dict:
    out = io.StringIO()
    call_command("import_pmi", str(files.csv_cp1252(tmp_path / "kepulangan.csv")), stdout=out)
    return out.getvalue()


def test_an_import_enrols_its_risky_returns_once_for_the_home_regencys_task_force(tmp_path):
    import_list(tmp_path)
    enrolments = Enrolment.objects.select_related("agency", "source_return")
    assert {(e.agency.slug, e.region_id) for e in enrolments} == {
        ("gt-banjar", "63.03"),
        ("gt-hsu", "63.08"),
        ("gt-banjarbaru", "63.72"),
    }  # deported, wages unpaid, non-procedural; completed contract and illness are not
    for enrolment in enrolments:
        assert enrolment.group == Group.RETURNEE_AT_RISK and enrolment.source == Source.IMPORT
        assert enrolment.source_return.needs_follow_up and enrolment.source_batch_id
        assert enrolment.next_due == enrolment.started_on + timedelta(days=14)
    assert MigrantReturn.objects.filter(needs_follow_up=True).count() == 3
    import_list(tmp_path)  # the same list again: nothing new
    assert Enrolment.objects.count() == 3


def test_an_update_that_makes_a_return_risky_enrols_it_and_a_watched_person_is_not_enrolled_twice(
    tmp_path,
):
    import_list(tmp_path)
    later = ["9;Ahmad Fauzi;6303011505880002;L;15.05.1988;Kab. Tapin;;20 Maret 2024;Deportasi",
             "10;Siti Aminah;6303015203900001;P;12/03/1990;Martapura, Kab. Banjar;Malaysia;"
             "01/08/2024;Deportasi"]  # fmt: skip
    call_command("import_pmi", str(files.csv_cp1252(tmp_path / "lagi.csv", extra=later)),
                 stdout=io.StringIO())  # fmt: skip
    fauzi = Enrolment.objects.get(agency__slug="gt-tapin")
    assert fauzi.source_return.reason == "deported"
    siti = Person.objects.get(pk=Enrolment.objects.get(agency__slug="gt-banjar").person_id)
    assert siti.migrant_returns.count() == 2 and siti.enrolments.count() == 1
    assert Enrolment.objects.count() == 4
    # The batch's audit counts the enrolments made, not the risky returns offered.
    said = [event.details["enrolments"] for event in AuditEvent.objects.filter(
        action="create", object_type="imports.importbatch").order_by("pk")
        if "enrolments" in event.details]  # fmt: skip
    assert said == [3, 1]


def test_a_person_with_two_risky_returns_in_one_list_is_enrolled_once_for_the_first(tmp_path):
    twice = ["9;Orang Sintetis Ganda;6303015505910003;P;15.05.1991;Kab. Tapin;Malaysia;"
             "02/03/2023;Deportasi",
             "10;Orang Sintetis Ganda;6303015505910003;P;15.05.1991;Kab. Tapin;Malaysia;"
             "20/03/2024;Gaji tidak dibayar"]  # fmt: skip
    call_command("import_pmi", str(files.csv_cp1252(tmp_path / "k.csv", extra=twice)),
                 stdout=io.StringIO())  # fmt: skip
    enrolment = Enrolment.objects.get(agency__slug="gt-tapin")
    returns = MigrantReturn.objects.filter(person=enrolment.person_id).order_by("pk")
    assert [r.return_date for r in returns] == [date(2023, 3, 2), date(2024, 3, 20)]
    assert enrolment.source_return_id == returns[0].pk  # the list's first, not its last


def test_a_dry_run_enrols_nobody(tmp_path):
    call_command("import_pmi", str(files.csv_cp1252(tmp_path / "k.csv")), "--dry-run",
                 stdout=io.StringIO())  # fmt: skip
    assert not Enrolment.objects.exists()


def test_each_officer_sees_the_enrolments_of_their_scope_and_the_persons_watched(
    tmp_path, siti, rahmadi
):
    riduan = make_persona("riduan")
    import_list(tmp_path)
    assert scoped(siti, Enrolment).count() == 3
    hsu = scoped(riduan, Enrolment).get()
    assert hsu.region_id == "63.08" and can(riduan, hsu.person, "view")
    assert can(riduan, hsu, "change")
    assert not scoped(rahmadi, Enrolment).exists()  # Polres Banjar is not the watching agency
    banjar = Enrolment.objects.get(agency__slug="gt-banjar")
    officer = rahmadi  # moved to the task force of Banjar
    officer.agency = Agency.objects.get(slug="gt-banjar")
    officer.save()
    assert list(scoped(officer, Enrolment)) == [banjar] and can(officer, banjar.person, "view")
    assert not scoped(make_persona("fauzan"), Enrolment).exists()  # analysts: statistics only


def test_a_database_that_lost_the_questionnaire_gets_version_one_again():
    from sigap.monitoring.models import Questionnaire

    Questionnaire.objects.all().delete()
    again = services.questionnaire_current()
    assert again.version == 1 and again.questions.count() == len(default.QUESTIONS)
    assert services.questionnaire_current() == again and Questionnaire.objects.count() == 1
