"""User journey: the secretariat refers a victim to Dinas Sosial, the Dinsos officer accepts
it and records a service, the secretariat sees it completed."""

from datetime import date
from pathlib import Path

from playwright.sync_api import expect

from sigap.cases import services as case_services
from sigap.people.services import person_create
from tests.browser.conftest import log_in, with_authenticator
from tests.conftest import PASSWORD, make_persona


def test_a_victim_is_referred_served_and_the_referral_completed(
    browser, live_server, page, screenshot
):
    siti, normila = make_persona("siti"), make_persona("normila")
    siti_device, normila_device = with_authenticator(siti), with_authenticator(normila)
    case = case_services.case_create(
        actor=siti, reported_on=date(2024, 3, 12), source="bp3mi_repatriation", region_id="63.03"
    )
    person = person_create(actor=siti, full_name="Masitah", region_id="63.03", consent_share=True)
    case_services.party_add(actor=siti, case=case, person=person, role="victim")

    log_in(page, "siti", PASSWORD, device=siti_device)
    page.goto(f"{live_server.url}/kasus/{case.pk}/")
    page.get_by_role("link", name="Rujuk korban ke instansi lain").click()
    page.get_by_label("Layanan").select_option(label="Rehabilitasi sosial")
    page.get_by_label("Kepada instansi").select_option(label="Dinsos Kalsel")
    page.get_by_label("Alasan", exact=True).fill(
        "Butuh rehabilitasi sosial setelah pulang (sintetis)."
    )
    page.get_by_role("button", name="Kirim rujukan").click()
    expect(page.locator("#referral-status")).to_have_text("Terkirim")
    number = page.get_by_role("heading", level=1).inner_text().split()[1]

    other = browser.new_context(base_url=live_server.url, locale="id-ID")
    other.set_default_timeout(10_000)
    tab = other.new_page()
    log_in(tab, "normila", PASSWORD, device=normila_device)
    # The new referral waits in her notifications, without the victim's name.
    notifications = tab.get_by_role("link", name="Notifikasi")
    expect(notifications).to_contain_text("1")
    notifications.click()
    notice = tab.locator("[data-notifications] button").first
    expect(notice).to_contain_text(f"Rujukan baru {number}")
    expect(notice).not_to_contain_text("Masitah")
    screenshot(tab, "17-notifikasi")
    notice.click()
    expect(tab.get_by_role("heading", level=1)).to_contain_text(number)
    with tab.expect_download() as download:
        tab.get_by_role("link", name="Surat rujukan (PDF)").click()
    letter = download.value
    assert letter.suggested_filename == f"surat-rujukan-{number.replace('/', '-')}.pdf"
    assert Path(letter.path()).read_bytes()[:5] == b"%PDF-"
    expect(tab.get_by_text("Masitah")).to_be_visible()
    expect(tab.get_by_text("rujukan ini tidak membuka seluruh kasus")).to_be_visible()
    tab.get_by_label("Status baru").select_option(label="Diterima")
    tab.get_by_role("button", name="Simpan").click()
    expect(tab.locator("#referral-status")).to_have_text("Diterima")
    tab.get_by_label("Diberikan pada").fill("15/03/2024")
    tab.get_by_label("Yang dilakukan").fill("Asesmen dan penempatan di panti (sintetis).")
    tab.get_by_role("button", name="Catat").click()
    expect(tab.locator("#referral-status")).to_have_text("Sedang dikerjakan")
    tab.get_by_label("Status baru").select_option(label="Selesai")
    tab.get_by_role("button", name="Simpan").click()
    expect(tab.locator("#referral-status")).to_have_text("Selesai")
    screenshot(tab, "15-rujukan")
    other.close()

    page.goto(f"{live_server.url}/rujukan/?arah=out")
    row = page.get_by_role("row").filter(has_text=number)
    expect(row).to_contain_text("Selesai")
    page.goto(f"{live_server.url}/kasus/{case.pk}/")
    expect(page.locator("#timeline li").first).to_contain_text("selesai")
    page.get_by_role("link", name="Notifikasi").click()
    expect(page.locator("[data-notifications]")).to_contain_text(f"Rujukan {number}")
    expect(page.locator("[data-notifications]")).to_contain_text("Selesai")
