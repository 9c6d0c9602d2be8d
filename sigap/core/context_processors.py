from django.conf import settings
from django.http import HttpRequest

from sigap.core.models import User
from sigap.core.selectors import home_actions
from sigap.core.twofactor import requires_two_factor


def sigap(request: HttpRequest) -> dict[str, object]:
    """The demo flag, and the main menu: the user's actions that have a menu label."""
    user = getattr(request, "user", None)
    menu = []
    past_second_step = isinstance(user, User) and (
        not requires_two_factor(user) or user.is_verified()  # type: ignore[attr-defined]
    )
    if isinstance(user, User) and user.is_authenticated and past_second_step:
        menu = [action for action in home_actions(user) if action.nav_label]
    return {"SIGAP_DEMO": settings.SIGAP_DEMO, "main_menu": menu}
