"""Monitoring pages: the board's counts and lists, a follow-up recorded through the form, the
closing of an enrolment; names follow the identity rules. All data is synthetic."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from sigap.core.models import Agency
from sigap.monitoring import questionnaire as default
from sigap.monitoring import services
from sigap.monitoring.models import Enrolment, EnrolmentStatus, FollowUp, Group, RiskLevel
from sigap.people.services import person_create
from tests.conftest import sign_in

pytestmark = pytest.mark.django_db


def enrol(actor, name: str, region: str = "63.08", group: str = Group.CHILD_AT_RISK, **fields):
    person = person_create(actor=actor, full_name=name, region_id=region, sex="F",
                           birth_date=date(2010, 1, 1), **fields)  # fmt: skip
    enrolment, _created = services.enrol(actor=actor, person=person, group=group,
                                         agency=Agency.objects.get(slug="gt-hsu"))  # fmt: skip
    return enrolment


def test_the_board_counts_and_lists_who_is_overdue_and_due_this_week(client, siti):
    today = timezone.localdate()
    late = enrol(siti, "Ani Sintetis")
    soon = enrol(siti, "Bunga Sintetis")
    later = enrol(siti, "Citra Sintetis")
    Enrolment.objects.filter(pk=late.pk).update(next_due=today - timedelta(days=2),
                                                risk_level=RiskLevel.HIGH)  # fmt: skip
    Enrolment.objects.filter(pk=soon.pk).update(next_due=today + timedelta(days=3))
    Enrolment.objects.filter(pk=later.pk).update(next_due=today + timedelta(days=30))
    closed = enrol(siti, "Dewi Sintetis")
    services.enrolment_close(actor=siti, enrolment=closed, reason="Pindah (sintetis).")
    sign_in(client, siti)
    page = client.get(reverse("monitoring:board")).content.decode()
    for count, value in (("active", 3), ("high", 1), ("due", 1), ("overdue", 1)):
        assert f'data-count="{count}">{value}<' in page
    overdue, due = page.split('id="overdue"')[1].split('id="due"')
    assert "Ani Sintetis" in overdue and "Bunga Sintetis" not in overdue
    assert "Bunga Sintetis" in due and "Citra Sintetis" not in page and "Dewi" not in page
    # Narrowed to another regency: nobody.
    other = client.get(reverse("monitoring:board"), {"wilayah": "63.03"}).content.decode()
    assert 'data-count="active">0<' in other


def test_an_identity_protected_person_shows_as_a_pseudonym_on_the_board(client, siti, riduan):
    protected = enrol(siti, "Rahasia Sintetis", identity_protected=True)
    Enrolment.objects.filter(pk=protected.pk).update(next_due=timezone.localdate())
    sign_in(client, riduan)
    page = client.get(reverse("monitoring:board")).content.decode()
    assert "Rahasia Sintetis" not in page and protected.person.pseudonym in page


def test_a_follow_up_recorded_through_the_form_sets_the_risk_and_the_next_date(client, riduan):
    enrolment = enrol(riduan, "Eka Sintetis")
    sign_in(client, riduan)
    url = reverse("monitoring:follow_up_new", args=[enrolment.pk])
    form = client.get(url).content.decode()
    assert form.count('type="radio"') == 3 + sum(len(q[3]) for q in default.QUESTIONS)
    data = {f"q_{key}": "no" for key, *_rest in default.QUESTIONS} | {"q_support": "yes"}
    data |= {"q_documents_held": "yes", "q_debt": "yes", "q_child": "yes", "kind": "visit",
             "done_on": timezone.localdate().isoformat(), "notes": "Catatan sintetis.",
             "version": "1", "client_key": "formulir-1"}  # fmt: skip
    answered = client.post(url, data)
    assert answered.status_code == 302
    follow_up = FollowUp.objects.get()
    assert follow_up.risk_level == RiskLevel.HIGH and follow_up.score == 10
    assert follow_up.next_due == timezone.localdate() + timedelta(days=14)
    detail = client.get(answered["Location"]).content.decode()
    assert "Catatan sintetis." in detail and "(+4)" in detail  # documents held, with weight
    # A missing answer is asked for again, nothing is stored.
    incomplete = client.post(url, {**data, "q_debt": ""})
    assert incomplete.status_code == 400 and FollowUp.objects.count() == 1


def test_closing_needs_a_reason_and_ends_the_follow_ups(client, riduan):
    enrolment = enrol(riduan, "Fitri Sintetis")
    sign_in(client, riduan)
    url = reverse("monitoring:enrolment_close", args=[enrolment.pk])
    client.post(url, {"reason": ""})
    enrolment.refresh_from_db()
    assert enrolment.status == EnrolmentStatus.ACTIVE
    client.post(url, {"reason": "Sudah bekerja di desa (sintetis)."})
    enrolment.refresh_from_db()
    assert enrolment.status == EnrolmentStatus.CLOSED and enrolment.next_due is None
    page = client.get(reverse("monitoring:enrolment_detail", args=[enrolment.pk]))
    assert reverse("monitoring:follow_up_new", args=[enrolment.pk]) not in page.content.decode()


def test_a_persons_page_shows_their_cases_returns_and_enrolments_within_scope(
    client, tmp_path, siti, rahmadi
):
    import io

    from django.core.management import call_command

    from sigap.cases import services as case_services
    from sigap.cases.models import PartyRole
    from sigap.imports.models import MigrantReturn
    from tests.imports import files

    call_command("import_pmi", str(files.csv_cp1252(tmp_path / "k.csv")), stdout=io.StringIO())
    deported = MigrantReturn.objects.get(reason="deported")
    person = deported.person
    case = case_services.case_create(actor=rahmadi, reported_on=date(2024, 3, 1),
                                     source="police", region_id="63.03")  # fmt: skip
    case_services.party_add(actor=siti, case=case, person=person, role=PartyRole.VICTIM)
    sign_in(client, siti)
    page = client.get(reverse("people:person_detail", args=[person.pk])).content.decode()
    assert case.reference in page and 'id="person-returns"' in page
    assert reverse("monitoring:enrolment_detail", args=[person.enrolments.get().pk]) in page
    # Polres Banjar sees the person through its case, but neither the return (of the
    # secretariat's list) nor the enrolment (GT Banjar's watch).
    client.logout()
    sign_in(client, rahmadi)
    page = client.get(reverse("people:person_detail", args=[person.pk])).content.decode()
    assert case.reference in page and 'id="person-returns"' not in page
    assert reverse("monitoring:enrolment_detail", args=[person.enrolments.get().pk]) not in page


def test_escalation_opens_exactly_one_case_prefilled_and_linked_both_ways(client, tmp_path, siti):
    import io

    from django.core.management import call_command

    from sigap.cases.models import Case, CaseSource, CaseStatus, PartyRole
    from tests.imports import files

    call_command("import_pmi", str(files.csv_cp1252(tmp_path / "k.csv")), stdout=io.StringIO())
    enrolment = Enrolment.objects.get(agency__slug="gt-banjar")  # Siti Aminah, deported
    follow_up = services.follow_up_record(
        actor=siti, enrolment=enrolment, kind="visit", done_on=timezone.localdate(),
        answers={key: "no" for key, *_rest in default.QUESTIONS} | {"documents_held": "yes",
                 "debt": "yes", "previous_exploitation": "yes"},
    )  # fmt: skip
    case = services.escalate(actor=siti, follow_up=follow_up)
    assert services.escalate(actor=siti, follow_up=follow_up) == case  # asked again: the same
    sign_in(client, siti)
    again = client.post(reverse("monitoring:escalate", args=[follow_up.pk]))
    assert again["Location"] == reverse("cases:case_detail", args=[case.pk])
    assert Case.objects.count() == 1
    origin = enrolment.source_return
    assert (case.source, case.status, case.region_id, case.lead_agency_id) == (
        CaseSource.MONITORING,
        CaseStatus.SCREENING,
        "63.03",
        enrolment.agency_id,
    )
    assert case.destination_country_id == origin.destination_country_id == "MY"
    party = case.parties.get()
    assert (party.person_id, party.role) == (enrolment.person_id, PartyRole.POSSIBLE_VICTIM)
    assert "Dibuka dari pemantauan" in case.notes.get().text
    follow_up.refresh_from_db()
    assert follow_up.indications_found and follow_up.case == case
    case_page = client.get(reverse("cases:case_detail", args=[case.pk])).content.decode()
    assert reverse("monitoring:enrolment_detail", args=[enrolment.pk]) in case_page
    enrolment_page = client.get(reverse("monitoring:enrolment_detail", args=[enrolment.pk]))
    assert reverse("cases:case_detail", args=[case.pk]) in enrolment_page.content.decode()


def test_ticking_indications_in_the_follow_up_form_opens_the_case(client, riduan):
    from sigap.cases.models import Case

    enrolment = enrol(riduan, "Gita Sintetis")
    sign_in(client, riduan)
    data = {f"q_{key}": "no" for key, *_rest in default.QUESTIONS} | {
        "kind": "phone", "done_on": timezone.localdate().isoformat(), "indications_found": "on",
        "version": "1", "client_key": "formulir-2",
    }  # fmt: skip
    answered = client.post(reverse("monitoring:follow_up_new", args=[enrolment.pk]), data)
    case = Case.objects.get()
    assert answered["Location"] == reverse("cases:case_detail", args=[case.pk])
    assert FollowUp.objects.get().case == case and case.lead_agency.slug == "gt-hsu"


def test_overdue_follow_ups_are_reminded_once_a_day_to_the_agency_without_names(riduan, siti):
    from io import StringIO

    from django.core.management import call_command

    from sigap.notifications.models import Notification

    late = [enrol(riduan, name) for name in ("Hana Sintetis", "Indah Sintetis")]
    enrol(riduan, "Jamilah Sintetis")  # not due yet
    Enrolment.objects.filter(pk__in=[e.pk for e in late]).update(
        next_due=timezone.localdate() - timedelta(days=1)
    )
    call_command("send_reminders", stdout=StringIO())
    call_command("send_reminders", stdout=StringIO())  # the same day: nothing new
    reminder = Notification.objects.get(kind="follow_up_overdue")
    assert reminder.user == riduan  # GT HSU's officer; the secretariat is another agency
    assert (
        "2" in reminder.text_id and "2" in reminder.text_en and "Sintetis" not in reminder.text_en
    )
    assert reminder.url.endswith(f"?instansi={late[0].agency_id}")


def test_an_officer_enrols_a_person_from_their_page(client, rahmadi):
    person = person_create(actor=rahmadi, full_name="Kartini Sintetis", sex="F",
                           birth_date=date(2001, 1, 1), region_id="63.03",
                           home_region_id="63.03")  # fmt: skip
    sign_in(client, rahmadi)
    page = client.get(reverse("people:person_detail", args=[person.pk])).content.decode()
    url = reverse("monitoring:enrol", args=[person.pk])
    assert url in page
    mine = {"agency": rahmadi.agency_id}  # an agency officer's watches are their agency's
    refused = client.post(url, {"group": Group.PROSPECTIVE_MIGRANT, "reason": "", **mine})
    assert refused.status_code == 400 and not Enrolment.objects.exists()
    outside = client.post(url, {"group": Group.PROSPECTIVE_MIGRANT, "reason": "x",
                                "region": "HSU", **mine})  # fmt: skip
    assert outside.status_code == 400 and not Enrolment.objects.exists()
    reason = "Didekati calo untuk kerja di Malaysia (sintetis)."
    done = client.post(url, {"group": Group.PROSPECTIVE_MIGRANT, "reason": reason, **mine})
    enrolment = Enrolment.objects.get()
    assert done["Location"] == reverse("monitoring:enrolment_detail", args=[enrolment.pk])
    assert (enrolment.agency_id, enrolment.region_id) == (rahmadi.agency_id, "63.03")
    assert enrolment.next_due == timezone.localdate() + timedelta(days=14)
    again = client.post(url, {"group": Group.PROSPECTIVE_MIGRANT, "reason": "lagi", **mine})
    assert again["Location"] == done["Location"] and Enrolment.objects.count() == 1


def test_the_secretariat_makes_the_regencys_task_force_responsible(client, siti):
    from sigap.core.models import Agency

    person = person_create(actor=siti, full_name="Putri Sintetis", sex="F",
                           birth_date=date(2010, 1, 1), region_id="63.08",
                           home_region_id="63.08")  # fmt: skip
    sign_in(client, siti)
    url = reverse("monitoring:enrol", args=[person.pk])
    hsu = Agency.objects.get(slug="gt-hsu")
    assert f'<option value="{hsu.pk}" selected>' in client.get(url).content.decode()
    banjar = Agency.objects.get(slug="polres-banjar")  # its jurisdiction is not HSU
    wrong = client.post(url, {"group": Group.CHILD_AT_RISK, "reason": "x", "agency": banjar.pk})
    assert wrong.status_code == 400 and not Enrolment.objects.exists()
    client.post(url, {"group": Group.CHILD_AT_RISK, "reason": "Putus sekolah (sintetis).",
                      "agency": hsu.pk})  # fmt: skip
    assert Enrolment.objects.get().agency == hsu


def test_the_secretariat_publishes_a_new_version_of_the_questionnaire(client, siti, riduan):
    from sigap.monitoring.models import Questionnaire

    sign_in(client, siti)
    url = reverse("monitoring:questionnaire")
    page = client.get(url).content.decode()
    assert 'id="publish"' in page
    data = {"medium_from": "5", "high_from": "9", "based_on": "1", "new_key": "online_gambling",
            "new_text_id": "Terjerat judi daring?", "new_text_en": "Caught in online gambling?",
            "new_weight": "3"}  # fmt: skip
    for key, text_id, text_en, options in default.QUESTIONS:
        data |= {f"text_id_{key}": text_id, f"text_en_{key}": text_en}
        data |= {f"w_{key}_{o[0]}": str(o[3]) for o in options}
    data |= {"w_debt_yes": "6", "remove_economic_pressure": "on"}
    wrong = client.post(url, {**data, "high_from": "500"})  # no answers reach it
    assert wrong.status_code == 400 and Questionnaire.objects.count() == 1
    assert client.post(url, data).status_code == 302
    stale = client.post(url, data)  # the same form again: version 2 is out meanwhile
    assert stale.status_code == 400 and Questionnaire.objects.count() == 2
    current = services.questionnaire_current()
    keys = [q.key for q in services.questions_of(current)]
    assert (
        current.version == 2 and "economic_pressure" not in keys and keys[-1] == "online_gambling"
    )
    debt = next(q for q in services.questions_of(current) if q.key == "debt")
    assert {o.key: o.weight for o in debt.options.all()}["yes"] == 6
    client.logout()
    sign_in(client, riduan)  # officers read it; only the secretariat publishes
    assert 'id="publish"' not in client.get(url).content.decode()
    assert client.post(url, data).status_code == 404
