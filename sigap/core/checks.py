"""Start-up checks of settings that need the reference data to be judged."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.checks import Error, register

from sigap.core.parsing import default_index


@register()
def home_region_exists(app_configs: Any, **kwargs: Any) -> list[Error]:
    code = settings.SIGAP_HOME_REGION
    if default_index().get(code) is None:
        return [
            Error(
                f"SIGAP_HOME_REGION={code!r} is not a Kemendagri region code.",
                hint="Use the code of the deployment's province or regency, e.g. 63 or 63.03.",
                id="sigap.E001",
            )
        ]
    return []
