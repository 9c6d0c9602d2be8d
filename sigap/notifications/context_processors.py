from django.http import HttpRequest

from sigap.core.models import User
from sigap.notifications.models import Notification


def unread(request: HttpRequest) -> dict[str, int]:
    """How many notifications the signed-in user has not read (shown in the header)."""
    user = getattr(request, "user", None)
    if not isinstance(user, User) or not user.is_authenticated:
        return {}
    count = Notification.objects.filter(user=user, read_at__isnull=True).count()
    return {"unread_notifications": count}
