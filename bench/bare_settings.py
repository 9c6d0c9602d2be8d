"""A bare Django project for the benchmark's yardstick: one JSON view, no middleware, no apps,
no database (the "bare Django JSON view" the issue's figures are measured against)."""

SECRET_KEY = "benchmark-only-not-a-secret-" + "x" * 30
DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1"]
ROOT_URLCONF = "bench.bare_urls"
INSTALLED_APPS: list[str] = []
MIDDLEWARE: list[str] = []
DATABASES: dict[str, dict[str, str]] = {}
USE_TZ = True
