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
    person_create(actor=officer, full_name="Jamilah", region_id="63.03")
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

    page.get_by_label("Cari orangnya menurut nama atau NIK").fill("Rusmilawaty")
    options = page.get_by_label("Orang", exact=True).locator("option")
    expect(options).to_have_count(1)  # the picker narrowed the list to the match
    page.get_by_label("Orang", exact=True).select_option(label="Rusmilawati (Orang-2026-0001)")
    page.get_by_label("Peran dalam kasus").select_option("victim")
    page.get_by_role("button", name="Tambah", exact=True).click()
    page.get_by_label("Status baru").select_option("screening")
    page.get_by_role("button", name="Ganti", exact=True).last.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Penapisan")

    page.get_by_role("link", name="Tapis", exact=True).click()
    result = page.locator("#screening-result")
    expect(result).to_contain_text("Informasi belum cukup")
    for label in ("Perekrutan", "Kerja atau pelayanan paksa"):
        page.get_by_role("radiogroup", name=label, exact=True).get_by_label("Ya").check()
    expect(result).to_contain_text("Cara belum diketahui")  # recomputed as answers change
    page.get_by_role("radiogroup", name="Penipuan", exact=True).get_by_label("Ya").check()
    expect(result).to_contain_text("Terindikasi TPPO")  # live, before saving
    screenshot(page, "13-penapisan")
    page.get_by_role("button", name="Simpan penapisan").click()
    expect(page.locator(".screening-result")).to_contain_text("Terindikasi TPPO")
    expect(page.locator(".screening-result")).to_contain_text("Penipuan")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Terindikasi")

    page.get_by_label("Status korban", exact=True).select_option("actual")
    page.get_by_role("button", name="Catat keputusan").click()
    expect(page.get_by_text("diputuskan oleh")).to_be_visible()

    page.get_by_label("Status baru").select_option("in_handling")
    page.get_by_role("button", name="Ganti", exact=True).last.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Dalam penanganan")
    expect(page.get_by_role("heading", name="Riwayat")).to_be_visible()
    timeline = page.locator("#timeline li")
    expect(timeline.first).to_contain_text(
        "Status diubah dari Terindikasi menjadi Dalam penanganan"
    )
    expect(timeline.last).to_contain_text("Kasus didaftarkan")
    screenshot(page, "14-kasus")

    page.get_by_role("link", name="Kasus", exact=True).click()
    page.get_by_label("Nama orang dalam kasus").fill("Rusmilawaty")  # a spelling variant
    page.get_by_role("button", name="Cari").click()
    expect(page.get_by_role("link", name="TPPO/63.03/2024/0001")).to_be_visible()
    assert "Rusmila" not in page.url
