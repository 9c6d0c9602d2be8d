from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReferralsConfig(AppConfig):
    name = "sigap.referrals"
    label = "referrals"
    verbose_name = _("Referrals")

    def ready(self) -> None:
        from sigap.core.reference import register_loader
        from sigap.core.selectors import register_home_actions
        from sigap.notifications.services import register_reminders
        from sigap.referrals import access, notices, timeline  # noqa: F401 - registers policies, texts
        from sigap.referrals.catalogue import load_agency_services
        from sigap.referrals.selectors import home_actions

        register_home_actions(home_actions)
        register_reminders(notices.overdue)
        register_loader(load_agency_services)
