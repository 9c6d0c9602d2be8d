"""User journeys of signing in safely: first set-up of the authenticator, lockout, idle timeout."""

import base64
import re
import time

from django_otp.oath import totp
from playwright.sync_api import expect

from tests.browser.conftest import log_in, with_authenticator
from tests.conftest import PASSWORD, make_persona


def code_for_secret(shown: str) -> str:
    """What an authenticator app computes from the key shown on the set-up page."""
    compact = shown.replace(" ", "")
    key = base64.b32decode(compact + "=" * (-len(compact) % 8))
    return f"{totp(key):06d}"


def test_an_officer_sets_up_the_authenticator_at_first_login(page, screenshot):
    make_persona("normila")
    log_in(page, "normila", PASSWORD)
    expect(page.get_by_role("heading", level=1)).to_have_text("Atur masuk dua langkah")
    expect(page.locator(".qr svg")).to_be_visible()
    screenshot(page, "06-atur-2fa")
    secret = page.locator("#totp-secret").inner_text()
    page.get_by_label("Kata sandi Anda").fill(PASSWORD)
    page.get_by_label("Kode").fill(code_for_secret(secret))
    page.get_by_role("button", name="Konfirmasi").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Masuk dua langkah sudah aktif")
    expect(page.locator(".backup-codes li")).to_have_count(10)
    screenshot(page, "07-kode-cadangan")
    page.get_by_role("link", name="Sudah saya simpan, lanjutkan").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Selamat datang, Normila")


def test_repeated_wrong_passwords_lock_the_account_with_a_clear_message(page, screenshot):
    make_persona("rahmadi")
    for _ in range(5):
        log_in(page, "rahmadi", "bukan-sandinya")
    log_in(page, "rahmadi", PASSWORD)
    expect(page.get_by_role("alert")).to_contain_text("Terlalu banyak percobaan yang gagal")
    screenshot(page, "08-terkunci")


def test_an_idle_session_ends_and_asks_to_log_in_again(page, settings):
    settings.SESSION_COOKIE_AGE = 2
    device = with_authenticator(make_persona("siti"))
    log_in(page, "siti", PASSWORD, device=device)
    expect(page.get_by_role("heading", level=1)).to_contain_text("Selamat datang")
    time.sleep(3)
    page.goto("/instansi/")
    expect(page).to_have_url(re.compile(r"/masuk/\?next=/instansi/"))
