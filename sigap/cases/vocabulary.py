"""The vocabularies of trafficking screening (Law 21/2007, Palermo Protocol art. 3, ILO and
CTDC lists). Keys are stable English identifiers; labels are shown in the user's language."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Act(models.TextChoices):
    """Acts (Law 21/2007 art. 1(1); Palermo art. 3(a))."""

    RECRUITMENT = "recruitment", _("Recruitment (perekrutan)")
    TRANSPORTATION = "transportation", _("Transportation (pengangkutan)")
    HARBOURING = "harbouring", _("Harbouring (penampungan)")
    SENDING = "sending", _("Sending (pengiriman)")
    TRANSFER = "transfer", _("Transfer (pemindahan)")
    RECEIPT = "receipt", _("Receipt (penerimaan)")


class Means(models.TextChoices):
    """Means; for a child victim no means is needed."""

    THREAT_OF_VIOLENCE = "threat_of_violence", _("Threat of violence (ancaman kekerasan)")
    USE_OF_VIOLENCE = "use_of_violence", _("Use of violence (penggunaan kekerasan)")
    ABDUCTION = "abduction", _("Abduction (penculikan)")
    CONFINEMENT = "confinement", _("Confinement (penyekapan)")
    FALSIFICATION = "falsification", _("Falsification (pemalsuan)")
    FRAUD = "fraud", _("Fraud or deception (penipuan)")
    ABUSE_OF_POWER = (
        "abuse_of_power",
        _(
            "Abuse of power or of a position of vulnerability "
            "(penyalahgunaan kekuasaan atau posisi rentan)"
        ),
    )
    DEBT_BONDAGE = "debt_bondage", _("Debt bondage (penjeratan utang)")
    PAYMENT = (
        "payment",
        _("Giving payments or benefits to a person in control (memberi bayaran atau manfaat)"),
    )


class Purpose(models.TextChoices):
    """Purposes of exploitation (Law 21/2007 art. 1(7)), each mapped to a CTDC type below."""

    PROSTITUTION = "prostitution", _("Prostitution (pelacuran)")
    SEXUAL_EXPLOITATION = (
        "sexual_exploitation",
        _("Other sexual exploitation, incl. online (eksploitasi seksual)"),
    )
    FORCED_LABOUR = "forced_labour", _("Forced labour or services (kerja atau pelayanan paksa)")
    FORCED_CRIMINALITY = (
        "forced_criminality",
        _("Forced criminality, e.g. online scams (dipaksa melakukan kejahatan)"),
    )
    SLAVERY = "slavery", _("Slavery or similar practices (perbudakan)")
    SERVITUDE = "servitude", _("Servitude or oppression (penindasan)")
    FORCED_MARRIAGE = "forced_marriage", _("Forced or child marriage (perkawinan paksa)")
    ORGAN_REMOVAL = "organ_removal", _("Removal of organs or tissue (pengambilan organ)")
    LABOUR_FOR_PROFIT = (
        "labour_for_profit",
        _("Using a person's labour or abilities for profit (memanfaatkan tenaga)"),
    )


# The CTDC flag each purpose sets (exports in CTDC format, issue on statistics).
CTDC_EXPLOITATION = {
    Purpose.PROSTITUTION: "isSexualExploit",
    Purpose.SEXUAL_EXPLOITATION: "isSexualExploit",
    Purpose.FORCED_LABOUR: "isForcedLabour",
    Purpose.FORCED_CRIMINALITY: "isForcedLabour",
    Purpose.SLAVERY: "isSlaveryAndPractices",
    Purpose.SERVITUDE: "isSlaveryAndPractices",
    Purpose.FORCED_MARRIAGE: "isForcedMarriage",
    Purpose.ORGAN_REMOVAL: "isOrganRemoval",
    Purpose.LABOUR_FOR_PROFIT: "isOtherExploit",
}
