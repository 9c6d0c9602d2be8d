from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    name = "sigap.notifications"
    label = "notifications"
    verbose_name = _("Notifications")

    def ready(self) -> None:
        from sigap.notifications import retention  # noqa: F401 - registers the rule
