"""Every text of the interface has its Bahasa Indonesia translation."""

import shutil
import subprocess
from pathlib import Path

import pytest
from django.core.management import call_command

PACKAGE = Path(__file__).resolve().parents[2] / "sigap"
PO_FILE = PACKAGE / "locale" / "id" / "LC_MESSAGES" / "django.po"


def statistics(po_file: Path) -> str:
    result = subprocess.run(  # noqa: S603
        ["msgfmt", "--check", "--statistics", "-o", "/dev/null", str(po_file)],  # noqa: S607
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stderr.strip()


@pytest.mark.skipif(shutil.which("msgfmt") is None, reason="gettext's msgfmt is not installed")
def test_the_catalogue_is_complete_and_up_to_date_with_the_code(tmp_path, monkeypatch, settings):
    """Re-extract the texts from a copy of the code: none may be untranslated or fuzzy."""
    copy = tmp_path / "sigap"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("data", "vendor", "__pycache__"))
    monkeypatch.chdir(copy)
    settings.LOCALE_PATHS = [copy / "locale"]
    call_command("makemessages", locale=["id"], verbosity=0, no_obsolete=True, no_wrap=True)
    counts = statistics(copy / "locale" / "id" / "LC_MESSAGES" / "django.po")
    assert "untranslated" not in counts, f"Translate the new texts (make translations): {counts}"
    assert "fuzzy" not in counts, f"Review the fuzzy translations: {counts}"
