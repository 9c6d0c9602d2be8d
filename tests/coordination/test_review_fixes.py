"""Edges found in review: who is told of an action item and who may open it, emails that
cannot be sent, who cancels a hand-over, the letter after a decline and beside a pseudonym,
cases linked to action items, and what a meeting page puts in its title."""

from datetime import date

import pytest
from django.core import mail
from django.urls import reverse

from sigap.cases import services as case_services
from sigap.cases.models import PartyRole
from sigap.coordination import services, transfers
from sigap.coordination.models import TaskForce
from sigap.coordination.services import CoordinationError
from sigap.coordination.transfers import TransferError
from sigap.core.access import Action, can
from sigap.core.models import Agency
from sigap.notifications.models import Notification
from sigap.notifications.services import deliver_outbox
from sigap.people.services import person_create
from sigap.referrals import services as referrals
from sigap.referrals.models import ServiceType
from tests.conftest import make_persona, sign_in
from tests.pdf import pdf_response_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def riduan():
    return make_persona("riduan")


@pytest.fixture
def province_meeting(siti):
    return services.meeting_create(
        actor=siti, title="Rakor provinsi (sintetis)", level="province", region_id="63",
        held_on=date(2024, 11, 28),
    )  # fmt: skip


def test_a_regency_task_force_given_an_item_at_the_provinces_meeting_is_told_and_works_on_it(
    client, siti, riduan, province_meeting
):
    item = services.action_item_add(
        actor=siti, meeting=province_meeting, what="Pendataan desa (sintetis)",
        owner=Agency.objects.get(slug="gt-hsu"), due_on=date(2024, 12, 12),
    )  # fmt: skip
    assert Notification.objects.filter(user=riduan, kind="action_assigned").exists()
    assert can(riduan, item, Action.VIEW)
    sign_in(client, riduan)
    assert client.get(reverse("coordination:action_item_detail", args=[item.pk])).status_code == 200
    assert "Pendataan desa" in client.get(reverse("coordination:inbox")).content.decode()
    services.action_item_update(actor=riduan, item=item, status="in_progress", note="Mulai.")


def test_a_title_with_line_breaks_still_makes_a_one_line_subject(siti, normila, province_meeting):
    normila.email = "normila@sintetis.invalid"
    normila.save()
    services.meeting_change(actor=siti, meeting=province_meeting, title="Rakor\nprovinsi")
    services.action_item_add(
        actor=siti, meeting=province_meeting, what="x", owner=normila.agency,
        due_on=date(2024, 12, 12),
    )  # fmt: skip
    assert "\n" not in Notification.objects.get(user=normila).text_id
    assert deliver_outbox().sent == 1 and "\n" not in mail.outbox[0].subject


def test_an_email_that_can_never_be_sent_is_dropped_without_stopping_the_others(siti, normila):
    for user in (siti, normila):
        user.email = f"{user.username}@sintetis.invalid"
        user.save()
    Notification.objects.create(
        user=siti, kind="x", text_id="a\nb", text_en="a", email_pending=True
    )  # made by hand: notify() keeps texts on one line
    Notification.objects.create(
        user=normila, kind="x", text_id="baik", text_en="fine", email_pending=True
    )
    result = deliver_outbox()
    assert result.sent == 1 and result.failed == 1 and mail.outbox[0].to == [normila.email]
    assert not Notification.objects.filter(email_pending=True).exists()
    assert deliver_outbox().sent == 0


def test_the_receiving_task_force_declines_rather_than_cancels(siti, riduan):
    case = case_services.case_create(
        actor=riduan, reported_on=date(2024, 6, 1), source="police", region_id="63.08"
    )
    transfer = transfers.transfer_request(
        actor=riduan, case=case, to_task_force=TaskForce.objects.get(region_id="63"), reason="x"
    )
    assert not transfers.may_cancel(siti, transfer) and transfers.may_answer(siti, transfer)
    with pytest.raises(TransferError, match="not_transferrer"):
        transfers.transfer_cancel(actor=siti, transfer=transfer)
    assert transfers.may_cancel(riduan, transfer)


def test_the_letter_is_not_for_a_receiver_that_declined_and_hides_details_beside_a_pseudonym(
    client, siti, normila
):
    case = case_services.case_create(
        actor=siti, reported_on=date(2024, 3, 1), source="police", region_id="63.03"
    )
    person = person_create(
        actor=siti, full_name="Salmah Sintetis", region_id="63.03", consent_share=True,
        identity_protected=True, birth_date=date(2004, 1, 2), sex="F",
    )  # fmt: skip
    party = case_services.party_add(actor=siti, case=case, person=person, role=PartyRole.VICTIM)
    referral = referrals.referral_send(
        actor=siti, party=party, service_type=ServiceType.objects.get(slug="psychosocial"),
        to_agency=normila.agency, reason="x",
    )  # fmt: skip
    sign_in(client, normila)
    url = reverse("referrals:referral_letter", args=[referral.pk])
    text = pdf_response_text(client.get(url))
    assert person.pseudonym in text and "Salmah" not in text
    assert "Perempuan" not in text and "Identitas dilindungi" in text
    referrals.referral_decline(actor=normila, referral=referral, reason="Bukan layanan kami.")
    assert client.get(url).status_code == 404


def test_an_action_item_links_only_a_case_the_organiser_works_on(client, siti, riduan):
    meeting = services.meeting_create(
        actor=riduan, title="Rakor HSU", level="regency", region_id="63.08",
        held_on=date(2024, 11, 28),
    )  # fmt: skip
    banjar_case = case_services.case_create(
        actor=siti, reported_on=date(2024, 3, 1), source="police", region_id="63.03"
    )
    with pytest.raises(CoordinationError, match="not_allowed"):
        services.action_item_add(
            actor=riduan, meeting=meeting, what="x", owner=riduan.agency,
            due_on=date(2024, 12, 1), case=banjar_case,
        )  # fmt: skip


def test_the_meeting_page_title_holds_the_title_only(client, siti, province_meeting):
    services.meeting_record(
        actor=siti, meeting=province_meeting, minutes="Korban bernama Ani (sintetis).",
        agencies=[], attendees=[],
    )  # fmt: skip
    sign_in(client, siti)
    page = client.get(reverse("coordination:meeting_detail", args=[province_meeting.pk]))
    title = page.content.decode().split("<title>")[1].split("</title>")[0]
    assert "Rakor provinsi (sintetis)" in title and "Ani" not in title
