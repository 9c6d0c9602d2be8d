"""The task forces as editable data (seeded from the reference agencies), and handing the
lead of a case to another task force, which accepts or declines it."""

from datetime import date

import pytest
from django.urls import reverse

from sigap.cases import services as case_services
from sigap.cases.models import Case, CaseEvent
from sigap.cases.timeline import describe
from sigap.coordination import structure, transfers
from sigap.coordination.models import (
    CaseTransfer,
    SubTaskForce,
    TaskForce,
    TaskForceMember,
    TransferStatus,
)
from sigap.coordination.transfers import TransferError
from sigap.core.access import Action, can
from sigap.core.models import Agency, AuditEvent, Role
from sigap.notifications.models import Notification
from tests.conftest import make_persona, make_user, sign_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def riduan():
    return make_persona("riduan")


@pytest.fixture
def banjar():
    """A regency officer of the Banjar task force."""
    return make_user(
        "banjar",
        role=Role.REGENCY_OFFICER,
        agency="gt-banjar",
        region="63.03",
        full_name="Hj Banjar",
    )


@pytest.fixture
def hsu_case(riduan):
    return case_services.case_create(
        actor=riduan, reported_on=date(2024, 6, 1), source="police", region_id="63.08"
    )


def test_the_reference_seeds_the_province_and_each_regency_once():
    province = TaskForce.objects.get(region_id="63")
    assert province.agency.slug == "sekretariat-gt-kalsel" and province.level == "province"
    banjar = TaskForce.objects.get(agency__slug="gt-banjar")
    assert banjar.parent == province and banjar.region_id == "63.03"
    assert TaskForce.objects.count() == 14
    names = list(banjar.sub_task_forces.values_list("name", flat=True))
    assert names[0] == "Sub Gugus Tugas Pencegahan" and len(names) == 4
    police = TaskForceMember.objects.get(task_force=banjar, agency__slug="polres-banjar")
    assert police.sub_task_force.name == "Sub Gugus Tugas Penegakan Hukum"
    assert structure.load_task_forces() == {"task_forces_created": 0}


def test_who_edits_a_task_force(siti, normila, riduan, sysadmin):
    province = TaskForce.objects.get(region_id="63")
    hsu = TaskForce.objects.get(region_id="63.08")
    assert structure.may_edit(siti, province) and structure.may_edit(siti, hsu)
    assert structure.may_edit(riduan, hsu) and not structure.may_edit(riduan, province)
    assert not structure.may_edit(normila, hsu) and structure.may_edit(sysadmin, province)
    with pytest.raises(structure.StructureError):
        structure.member_add(actor=riduan, task_force=province, agency=normila.agency)


def test_sub_task_forces_and_members_are_edited_and_audited(siti):
    hsu = TaskForce.objects.get(region_id="63.08")
    sub = structure.sub_task_force_save(
        actor=siti, task_force=hsu, name="Sub Gugus Tugas Data (sintetis)", order=5
    )
    member = structure.member_add(
        actor=siti, task_force=hsu, agency=Agency.objects.get(slug="bp3mi-kalsel"),
        sub_task_force=sub, person_name="Pak Data (sintetis)", position="Koordinator",
    )  # fmt: skip
    assert member.person == "Pak Data (sintetis)"
    structure.sub_task_force_remove(actor=siti, sub=sub)
    member.refresh_from_db()
    assert member.sub_task_force is None  # the member stays, outside any sub-task-force
    structure.task_force_change(actor=siti, task_force=hsu, decree="SK Bupati HSU 12/2024")
    actions = set(AuditEvent.objects.filter(object_id=str(hsu.pk)).values_list("action", flat=True))
    assert {"sub_task_force", "member_add", "sub_task_force_remove", "change"} <= actions


def test_the_pages_show_the_structure_and_only_editors_change_it(client, riduan, normila):
    hsu = TaskForce.objects.get(region_id="63.08")
    sign_in(client, normila)
    page = client.get(reverse("coordination:task_force_detail", args=[hsu.pk]))
    assert "Sub Gugus Tugas Penegakan Hukum" in page.content.decode()
    assert "Polres Hulu Sungai Utara" in page.content.decode()
    assert "Tambah anggota" not in page.content.decode()
    post = client.post(reverse("coordination:member_add", args=[hsu.pk]), {"agency": 1})
    assert post.status_code == 404
    client.logout()
    sign_in(client, riduan)
    agency = Agency.objects.get(slug="lpa-kalsel")
    response = client.post(
        reverse("coordination:member_add", args=[hsu.pk]),
        {"agency": agency.pk, "person_name": "Ibu LPA (sintetis)", "position": "Anggota"},
    )
    assert response.status_code == 302
    assert TaskForceMember.objects.filter(task_force=hsu, agency=agency).exists()
    sub = SubTaskForce.objects.filter(task_force=hsu).first()
    client.post(reverse("coordination:sub_task_force_remove", args=[hsu.pk, sub.pk]))
    assert not SubTaskForce.objects.filter(pk=sub.pk).exists()


def test_a_hand_over_lets_the_receiver_read_then_take_the_case(riduan, banjar, hsu_case):
    to = TaskForce.objects.get(region_id="63.03")
    assert not can(banjar, hsu_case, Action.VIEW)
    transfer = transfers.transfer_request(
        actor=riduan, case=hsu_case, to_task_force=to, reason="Korban tinggal di Banjar."
    )
    assert transfer.from_task_force.region_id == "63.08"
    assert can(banjar, hsu_case, Action.VIEW) and not can(banjar, hsu_case, Action.CHANGE)
    assert Notification.objects.filter(user=banjar, kind="case_transfer").exists()
    with pytest.raises(TransferError, match="not_receiver"):
        transfers.transfer_answer(actor=riduan, transfer=transfer, accept=True)
    transfers.transfer_answer(actor=banjar, transfer=transfer, accept=True)
    case = Case.objects.get(pk=hsu_case.pk)
    assert case.region_id == "63.03" and case.lead_agency.slug == "gt-banjar"
    assert case.assigned_officer is None and case.reference.startswith("TPPO/63.08/")
    assert can(banjar, case, Action.CHANGE) and not can(riduan, case, Action.VIEW)
    assert Notification.objects.filter(user=riduan, kind="case_transfer").exists()
    texts = [describe(e) for e in CaseEvent.objects.filter(case=case).order_by("at", "id")]
    banjar_tf = "Gugus Tugas PP-TPPO Kabupaten Banjar"
    assert any(banjar_tf in t and "diterima" in t for t in texts), texts
    assert any("kini dipimpin" in t for t in texts)


def test_a_decline_needs_a_reason_and_leaves_the_case_where_it_was(riduan, banjar, hsu_case):
    to = TaskForce.objects.get(region_id="63.03")
    transfer = transfers.transfer_request(actor=riduan, case=hsu_case, to_task_force=to, reason="x")
    with pytest.raises(TransferError, match="reason_required"):
        transfers.transfer_answer(actor=banjar, transfer=transfer, accept=False)
    transfers.transfer_answer(
        actor=banjar, transfer=transfer, accept=False, reason="Bukan wilayah kami."
    )
    transfer.refresh_from_db()
    assert transfer.status == TransferStatus.DECLINED and transfer.decline_reason
    assert Case.objects.get(pk=hsu_case.pk).region_id == "63.08"
    assert not can(banjar, hsu_case, Action.VIEW)  # the offer is over
    with pytest.raises(TransferError, match="wrong_state"):
        transfers.transfer_answer(actor=banjar, transfer=transfer, accept=True)


def test_who_may_ask_and_what_is_refused(riduan, banjar, hsu_case):
    to = TaskForce.objects.get(region_id="63.03")
    rahmadi = make_persona("rahmadi")  # an agency officer
    own = case_services.case_create(
        actor=rahmadi, reported_on=date(2024, 6, 1), source="police", region_id="63.03"
    )
    with pytest.raises(TransferError, match="not_transferrer"):
        transfers.transfer_request(actor=rahmadi, case=own, to_task_force=to, reason="x")
    with pytest.raises(TransferError, match="not_transferrer"):  # not the leading task force
        transfers.transfer_request(actor=banjar, case=hsu_case, to_task_force=to, reason="x")
    with pytest.raises(TransferError, match="same_task_force"):
        transfers.transfer_request(
            actor=riduan, case=hsu_case, to_task_force=TaskForce.objects.get(region_id="63.08"),
            reason="x",
        )  # fmt: skip
    with pytest.raises(TransferError, match="reason_required"):
        transfers.transfer_request(actor=riduan, case=hsu_case, to_task_force=to, reason=" ")
    first = transfers.transfer_request(actor=riduan, case=hsu_case, to_task_force=to, reason="x")
    province = TaskForce.objects.get(region_id="63")
    with pytest.raises(TransferError, match="transfer_pending"):
        transfers.transfer_request(actor=riduan, case=hsu_case, to_task_force=province, reason="y")
    transfers.transfer_cancel(actor=riduan, transfer=first)
    assert CaseTransfer.objects.get(pk=first.pk).status == TransferStatus.CANCELLED
    assert Notification.objects.filter(user=banjar, kind="case_transfer").count() == 2
    again = transfers.transfer_request(
        actor=riduan, case=hsu_case, to_task_force=province, reason="y"
    )
    assert again.to_task_force == province


def test_the_hand_over_pages(client, riduan, banjar, hsu_case):
    to = TaskForce.objects.get(region_id="63.03")
    sign_in(client, riduan)
    form = client.get(reverse("coordination:transfer_request", args=[hsu_case.pk]))
    assert form.status_code == 200
    assert "Gugus Tugas PP-TPPO Kabupaten Banjar" in form.content.decode()
    sent = client.post(
        reverse("coordination:transfer_request", args=[hsu_case.pk]),
        {"to_task_force": to.pk, "reason": "Korban pindah ke Martapura (sintetis)."},
    )
    transfer = CaseTransfer.objects.get()
    assert sent.status_code == 302 and sent.url.endswith(f"/pengalihan/{transfer.pk}/")
    client.logout()
    sign_in(client, banjar)
    inbox = client.get(reverse("coordination:transfer_list"))
    assert hsu_case.reference in inbox.content.decode()
    assert client.get(reverse("cases:case_detail", args=[hsu_case.pk])).status_code == 200
    client.post(reverse("coordination:transfer_answer", args=[transfer.pk]), {"decision": "accept"})
    assert Case.objects.get(pk=hsu_case.pk).region_id == "63.03"
