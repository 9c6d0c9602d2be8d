"""User journey: register a case with a victim, screen it, see it indicated with the
explanation, change its status, see the timeline."""

from playwright.sync_api import expect

from sigap.people.services import person_create
from tests.browser.conftest import log_in, with_authenticator
from tests.conftest import PASSWORD, make_persona


def test_an_officer_registers_screens_and_handles_a_case(page, screenshot):
    officer = make_persona("rahmadi")
    device = with_authenticator(officer)
    person_create(actor=officer, full_name="Rusmilawati", region_id="63.03")
    log_in(page, "rahmadi", PASSWORD, device=device)

    page.get_by_role("link", name="Kasus", exact=True).click()
    page.get_by_role("link", name="Daftarkan kasus").click()
    page.get_by_label("Tanggal laporan").fill("12 Maret 2024")
    page.get_by_label("Sumber").select_option("police")
    page.get_by_label("Wilayah kasus").fill("Martapura, Kab. Banjar")
    page.get_by_label("Negara tujuan").fill("Arab Saudi")
    page.get_by_label("Kerja atau pelayanan paksa").check()
    page.get_by_role("button", name="Simpan").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("TPPO/63.03/2024/0001")

    page.get_by_label("Orang", exact=True).select_option(label="Orang-2026-0001")
    page.get_by_label("Peran dalam kasus").select_option("victim")
    page.get_by_role("button", name="Tambah").click()
    page.get_by_label("Status baru").select_option("screening")
    page.get_by_role("button", name="Ganti", exact=True).last.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Penapisan")

    page.get_by_role("link", name="Tapis").click()
    for label in ("Perekrutan", "Penipuan", "Kerja atau pelayanan paksa"):
        page.get_by_role("radiogroup", name=label, exact=True).get_by_label("Ya").check()
    screenshot(page, "13-penapisan")
    page.get_by_role("button", name="Simpan penapisan").click()
    expect(page.locator(".screening-result")).to_contain_text("Terindikasi TPPO")
    expect(page.locator(".screening-result")).to_contain_text("Penipuan")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Terindikasi")

    page.get_by_label("Status baru").select_option("in_handling")
    page.get_by_role("button", name="Ganti", exact=True).last.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Dalam penanganan")
    expect(page.get_by_role("heading", name="Riwayat")).to_be_visible()
    expect(page.locator("ol li").first).to_contain_text("status")
    screenshot(page, "14-kasus")
