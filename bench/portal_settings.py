"""Settings of the portal benchmark: SIGAP's own, plus a bare view to compare against."""

from sigap.settings import *  # noqa: F403

ROOT_URLCONF = "bench.portal_urls"
