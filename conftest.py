"""Root pytest configuration: tests always run with SIGAP_ENV=test."""

import os

os.environ.setdefault("SIGAP_ENV", "test")
