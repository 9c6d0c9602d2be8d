from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReferralsConfig(AppConfig):
    name = "sigap.referrals"
    label = "referrals"
    verbose_name = _("Referrals")

    def ready(self) -> None:
        from sigap.core.selectors import register_home_actions
        from sigap.referrals import access, timeline  # noqa: F401 - registers policies and texts
        from sigap.referrals.selectors import home_actions

        register_home_actions(home_actions)
        from sigap.notifications.services import register_reminders
        from sigap.referrals import notices

        register_reminders(notices.overdue)
