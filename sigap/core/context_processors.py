from django.conf import settings
from django.http import HttpRequest


def sigap(request: HttpRequest) -> dict[str, object]:
    return {"SIGAP_DEMO": settings.SIGAP_DEMO}
