"""User journeys: an officer registers and finds a person; an administrator reads the audit
log (identities masked) and manages a user."""

import re

from playwright.sync_api import expect

from tests.browser.conftest import log_in, with_authenticator
from tests.conftest import PASSWORD, make_persona, totp_code


def test_an_officer_registers_a_person_and_finds_them_by_a_spelling_variant(page, screenshot):
    device = with_authenticator(make_persona("rahmadi"))
    log_in(page, "rahmadi", PASSWORD, device=device)
    page.get_by_role("link", name="Orang", exact=True).click()
    page.get_by_role("link", name="Daftarkan orang").click()
    page.get_by_label("Nama lengkap").fill("Muhammad Noor Hidayat")
    page.get_by_label("NIK", exact=True).fill("'6303 0112 0390 0007")
    page.get_by_label("Jenis kelamin").select_option("M")
    page.get_by_label("Tanggal lahir", exact=True).fill("12 Maret 1990")
    page.get_by_label("Wilayah asal").fill("Martapura, Kab. Banjar")
    page.get_by_label("Telepon").fill("0812 3456 7890")
    page.get_by_label("Setuju menerima layanan").check()
    screenshot(page, "09-daftarkan-orang")
    page.get_by_role("button", name="Simpan").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Muhammad Noor Hidayat")
    expect(page.get_by_text("+6281234567890")).to_be_visible()
    screenshot(page, "10-detail-orang")

    page.get_by_role("link", name="Orang", exact=True).click()
    page.get_by_label("Nama", exact=True).fill("M. Nur Hidayat")
    page.get_by_role("button", name="Cari").click()
    expect(page.get_by_role("cell", name="Muhammad Noor Hidayat")).to_be_visible()
    expect(page).to_have_url(re.compile(r"/orang/$"))  # the name is not in the address
    screenshot(page, "11-cari-orang")


def test_an_administrator_reads_the_audit_log_with_identities_masked(page, screenshot):
    officer = make_persona("rahmadi")
    from sigap.people.services import person_create

    person_create(actor=officer, full_name="Salasiah", region_id="63.03")
    device = with_authenticator(make_persona("admin"))
    log_in(page, "admin", PASSWORD, device=device)
    page.get_by_role("link", name="Log audit").click()
    page.get_by_label("Tindakan").fill("create")
    page.get_by_role("button", name="Saring").click()
    expect(page.get_by_role("cell", name="people.person", exact=False).first).to_be_visible()
    expect(page.get_by_text("Salasiah")).to_have_count(0)
    expect(page.get_by_text("•••").first).to_be_visible()
    screenshot(page, "12-log-audit")

    page.get_by_role("link", name="Ekspor (CSV)").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Pastikan ini Anda")
    page.get_by_label("Kata sandi").fill(PASSWORD)
    # the login used this period's code, and a code works once: the phone's next code
    device.refresh_from_db()
    page.get_by_label("Kode").fill(totp_code(device, steps_ahead=1))
    with page.expect_download() as download:
        page.get_by_role("button", name="Konfirmasi").click()
    assert download.value.suggested_filename == "sigap-audit.csv"
