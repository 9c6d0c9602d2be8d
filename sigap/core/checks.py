"""Start-up checks of settings that need the reference data to be judged."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.checks import Error, Warning, register

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


@register()
def shared_cache_in_production(app_configs: Any, **kwargs: Any) -> list[Warning]:
    """Rate limits count in the cache: per process unless the cache is shared."""
    if settings.PRODUCTION and "locmem" in settings.CACHES["default"]["BACKEND"]:
        return [
            Warning(
                "The cache is each process's own memory: the portal's and the API's limits "
                "count per process.",
                hint="Set SIGAP_CACHE_URL=redis://host:6379/0 (Redis) when running several "
                "processes.",
                id="sigap.W001",
            )
        ]
    return []
