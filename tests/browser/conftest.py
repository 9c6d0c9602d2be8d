"""The browser harness: Debian's Chromium driven by Playwright against a live test server.

Every user journey of SIGAP is tested through these fixtures. Screenshots are saved under
test-artifacts/screenshots/ (and, with SIGAP_SCREENSHOT_DIR, for the user guide).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import totp_code

CHROMIUM = Path(os.environ.get("SIGAP_CHROMIUM", "/usr/bin/chromium"))
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
]

# Playwright's sync API runs an event loop in this thread; the ORM calls in tests are still
# synchronous, so Django must be told that is intended.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        message = (
            f"BROWSER TESTS SKIPPED: {CHROMIUM} is missing. Install Debian's chromium "
            "(`make setup` does it as root) to run the user journeys."
        )
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
        )
        yield instance
        instance.close()


def unexpected(message: Any) -> bool:
    """A console error worth failing for: a CSP violation, a script error, a missing asset.
    A page answered on purpose with 429 (lockout) is not one."""
    return message.type == "error" and "status of 429" not in message.text


@pytest.fixture
def page(browser: Any, live_server: Any, kalsel_reference: None) -> Iterator[Any]:
    context = browser.new_context(
        base_url=live_server.url, locale="id-ID", viewport={"width": 1280, "height": 800}
    )
    context.set_default_timeout(10_000)
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda error: errors.append(str(error)))
    tab.on("console", lambda message: errors.append(message.text) if unexpected(message) else None)
    yield tab
    context.close()
    assert not errors, f"JavaScript or Content-Security-Policy errors on the page: {errors}"


@pytest.fixture
def screenshot(request: pytest.FixtureRequest) -> Any:
    """screenshot(page, "name"): save a PNG as a test artifact (and for the user guide)."""

    def take(tab: Any, name: str, *, full_page: bool = True) -> Path:
        safe = re.sub(r"[^a-z0-9_-]+", "-", name.lower())
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        path = ARTIFACTS / f"{safe}.png"
        tab.screenshot(path=str(path), full_page=full_page)
        guide_dir = os.environ.get("SIGAP_SCREENSHOT_DIR")
        if guide_dir:
            Path(guide_dir).mkdir(parents=True, exist_ok=True)
            tab.screenshot(path=str(Path(guide_dir) / f"{safe}.png"), full_page=full_page)
        return path

    return take


def log_in(tab: Any, username: str, password: str, *, device: Any = None) -> None:
    """Password, then (with `device`) the code the officer's authenticator app shows."""
    tab.goto("/masuk/")
    tab.get_by_label("Nama pengguna").fill(username)
    tab.get_by_label("Kata sandi").fill(password)
    tab.get_by_role("button", name="Masuk").click()
    if device is not None:
        tab.get_by_label("Kode").fill(totp_code(device))
        tab.get_by_role("button", name="Verifikasi").click()


def with_authenticator(user: Any) -> Any:
    from django_otp.plugins.otp_totp.models import TOTPDevice

    return TOTPDevice.objects.create(user=user, name="ponsel", confirmed=True)
