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


class MeansOfControl(models.TextChoices):
    """How victims were controlled (CTDC / HTCDS list)."""

    DEBT_BONDAGE = "debt_bondage", _("Debt bondage (jerat utang)")
    TAKES_EARNINGS = "takes_earnings", _("Takes earnings (penghasilan diambil)")
    RESTRICTS_FINANCIAL_ACCESS = (
        "restricts_financial_access",
        _("Restricts access to money (akses keuangan dibatasi)"),
    )
    THREATS = "threats", _("Threats (ancaman)")
    PSYCHOLOGICAL_ABUSE = "psychological_abuse", _("Psychological abuse (kekerasan psikis)")
    PHYSICAL_ABUSE = "physical_abuse", _("Physical abuse (kekerasan fisik)")
    SEXUAL_ABUSE = "sexual_abuse", _("Sexual abuse (kekerasan seksual)")
    FALSE_PROMISES = "false_promises", _("False promises (janji palsu)")
    PSYCHOACTIVE_SUBSTANCES = "psychoactive_substances", _("Psychoactive substances (narkotika)")
    RESTRICTS_MOVEMENT = "restricts_movement", _("Restricts movement (kebebasan bergerak dibatasi)")
    RESTRICTS_MEDICAL_CARE = (
        "restricts_medical_care",
        _("Restricts medical care (tanpa layanan kesehatan)"),
    )
    EXCESSIVE_WORKING_HOURS = (
        "excessive_working_hours",
        _("Excessive working hours (jam kerja berlebihan)"),
    )
    USES_CHILDREN = "uses_children", _("Uses children (memanfaatkan anak)")
    THREAT_OF_LAW_ENFORCEMENT = (
        "threat_of_law_enforcement",
        _("Threat of law enforcement (diancam dilaporkan ke aparat)"),
    )
    WITHHOLDS_NECESSITIES = (
        "withholds_necessities",
        _("Withholds necessities (kebutuhan dasar ditahan)"),
    )
    WITHHOLDS_DOCUMENTS = "withholds_documents", _("Withholds documents (dokumen ditahan)")
    OTHER = "other", _("Other (lainnya)")


class ForcedLabourIndicator(models.TextChoices):
    """ILO's 11 indicators of forced labour."""

    ABUSE_OF_VULNERABILITY = "abuse_of_vulnerability", _("Abuse of vulnerability")
    DECEPTION = "deception", _("Deception")
    RESTRICTION_OF_MOVEMENT = "restriction_of_movement", _("Restriction of movement")
    ISOLATION = "isolation", _("Isolation")
    VIOLENCE = "violence", _("Physical and sexual violence")
    INTIMIDATION = "intimidation", _("Intimidation and threats")
    RETENTION_OF_DOCUMENTS = "retention_of_documents", _("Retention of identity documents")
    WITHHOLDING_OF_WAGES = "withholding_of_wages", _("Withholding of wages")
    DEBT_BONDAGE = "debt_bondage", _("Debt bondage")
    ABUSIVE_CONDITIONS = "abusive_conditions", _("Abusive working and living conditions")
    EXCESSIVE_OVERTIME = "excessive_overtime", _("Excessive overtime")


class Vulnerability(models.TextChoices):
    """Vulnerabilities the recruiter may have used (ILO/EU: recruitment by abuse of
    vulnerability)."""

    POVERTY = "poverty", _("Poverty or debt of the family")
    LOW_EDUCATION = "low_education", _("Little schooling")
    NO_DOCUMENTS = "no_documents", _("Without identity or travel documents")
    IRREGULAR_MIGRATION = (
        "irregular_migration",
        _("Leaving without official procedure (non-prosedural)"),
    )
    DISABILITY = "disability", _("Disability")
    FAMILY_PROBLEMS = "family_problems", _("Family problems or violence at home")
    DEPENDENCY = "dependency", _("Dependent on the recruiter or employer")
    LANGUAGE = "language", _("Does not speak the local language")


def labels(choices: type[models.TextChoices], keys: list[str]) -> list[str]:
    """The labels of stored vocabulary keys, in the vocabulary's order (unknown keys as is)."""
    known = [str(label) for value, label in choices.choices if value in keys]
    return known + [key for key in keys if key not in choices.values]
