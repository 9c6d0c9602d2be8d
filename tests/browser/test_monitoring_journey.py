"""User journey on a phone in the field: a regency officer opens the monitoring board, finds
who is overdue, records a follow-up (the connection drops as they send it: the follow-up is
kept on the phone and goes when the connection returns), finds high risk, and escalates the
follow-up to a case. All data is synthetic."""

from datetime import date, timedelta

from django.utils import timezone
from playwright.sync_api import expect

from sigap.cases.models import Case, CaseStatus
from sigap.core.models import Agency
from sigap.monitoring import services
from sigap.monitoring.models import Enrolment, FollowUp, Group, RiskLevel
from sigap.people.services import person_create
from tests.browser.conftest import log_in, with_authenticator
from tests.conftest import PASSWORD, make_persona

PHONE = {"viewport": {"width": 360, "height": 740}, "is_mobile": True, "locale": "id-ID"}


def test_an_officer_follows_up_on_a_phone_keeps_it_offline_and_escalates_it(
    browser, live_server, kalsel_reference, screenshot
):
    riduan = make_persona("riduan")
    person = person_create(actor=riduan, full_name="Rusmini Sintetis", sex="F",
                           birth_date=date(2000, 2, 2), region_id="63.08")  # fmt: skip
    enrolment, _created = services.enrol(
        actor=riduan, person=person, group=Group.RETURNEE_AT_RISK,
        agency=Agency.objects.get(slug="gt-hsu"), reason="Pulang dari Malaysia (sintetis).",
    )  # fmt: skip
    Enrolment.objects.filter(pk=enrolment.pk).update(
        next_due=timezone.localdate() - timedelta(days=3)
    )
    context = browser.new_context(base_url=live_server.url, **PHONE)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    log_in(page, "riduan", PASSWORD, device=with_authenticator(riduan))

    page.goto("/pemantauan/")
    expect(page.locator('[data-count="overdue"]')).to_have_text("1")
    screenshot(page, "41-pemantauan-papan")
    page.locator("#overdue").get_by_role("link", name="Rusmini Sintetis").click()
    page.get_by_role("link", name="Catat tindak lanjut").click()

    page.get_by_label("Kunjungan rumah").check()
    answers = {"Ada tawaran kerja": "Tidak", "Perekrut atau perusahaannya": "Ya",
               "Berangkat atau berencana": "Ya", "Punya utang": "Ya",
               "KTP, paspor": "Ya", "Pernah dieksploitasi": "Ya", "Apakah orang ini anak": "Tidak",
               "Dihubungi perekrut": "Tidak", "Keluarga dalam tekanan": "Ya",
               "Punya dukungan keluarga": "Tidak"}  # fmt: skip
    for question, answer in answers.items():
        page.get_by_role("group", name=question).get_by_label(answer, exact=True).check()
    page.get_by_label("Catatan").fill("Paspor masih dipegang sponsor (sintetis).")
    screenshot(page, "42-tindak-lanjut-formulir")
    # The page is closed by mistake and opened again: what was typed is still there.
    page.reload()
    expect(page.get_by_label("Catatan")).to_have_value("Paspor masih dipegang sponsor (sintetis).")
    expect(
        page.get_by_role("group", name="KTP, paspor").get_by_label("Ya", exact=True)
    ).to_be_checked()
    expect(page.locator("#draft-status")).to_contain_text("dikembalikan")

    # The connection drops as the officer sends it: it is kept on the phone.
    context.set_offline(True)
    page.get_by_role("button", name="Simpan tindak lanjut").click()
    expect(page.locator("#draft-status")).to_contain_text("Tidak ada koneksi")
    assert not FollowUp.objects.exists()
    # The connection returns (the browser says so): the follow-up is sent by itself.
    context.set_offline(False)
    expect(page.get_by_role("heading", level=1)).to_contain_text("Rusmini Sintetis")
    follow_up = FollowUp.objects.get()
    assert follow_up.risk_level == RiskLevel.HIGH and follow_up.score == 20
    assert follow_up.next_due == timezone.localdate() + timedelta(days=14)
    draft = page.evaluate("Object.keys(localStorage).filter(k => k.startsWith('sigap-draft:'))")
    assert draft == []  # sent: the phone forgets it

    page.get_by_role("button", name="Ada indikasi: buka kasus").click()
    expect(page.locator("#case-status")).to_have_text("Penapisan")
    case = Case.objects.get()
    assert case.status == CaseStatus.SCREENING and case.lead_agency.slug == "gt-hsu"
    screenshot(page, "43-tindak-lanjut-kasus")
    context.close()
    assert not errors
