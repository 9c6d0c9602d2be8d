"""The trafficking screening rule, as one pure function.

Law 21/2007 and the Palermo Protocol: trafficking is an *act* done by *means* for the
*purpose* of exploitation; for a child (under 18 at the time) the means are not needed. So

    indicated      = act and purpose and (means or child)
    not indicated  = an element is known to be absent (every one of its answers is "no"), or
                     means are absent and the victim is known to be an adult
    otherwise      = insufficient information (something needed is still unknown)

The result always says, in plain words, which answers led to it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from django.db import models
from django.utils.functional import Promise
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from sigap.cases.vocabulary import (
    Act,
    ForcedLabourIndicator,
    Means,
    MeansOfControl,
    Purpose,
    Vulnerability,
)


class Answer(StrEnum):
    YES = "yes"
    NO = "no"
    UNKNOWN = "unknown"


class Outcome(models.TextChoices):
    INDICATED = "indicated", _("Indicated as trafficking")
    NOT_INDICATED = "not_indicated", _("Not indicated as trafficking")
    INSUFFICIENT = "insufficient", _("Insufficient information")


ELEMENTS: dict[str, type[models.TextChoices]] = {"act": Act, "means": Means, "purpose": Purpose}
ELEMENT_NAMES: dict[str, Promise] = {"act": _("Act"), "means": _("Means"), "purpose": _("Purpose")}
# The indicator checklist: recorded with the screening to guide the officer and for statistics;
# it does not decide the result (the elements above do).
CHECKLISTS: dict[str, type[models.TextChoices]] = {
    "indicators": ForcedLabourIndicator,
    "control": MeansOfControl,
    "vulnerability": Vulnerability,
}
CHECKLIST_NAMES: dict[str, Promise] = {
    "indicators": _("ILO indicators of forced labour"),
    "control": _("Means of control"),
    "vulnerability": _("Vulnerability"),
}


@dataclass(frozen=True)
class ScreeningAnswers:
    """Answers per item (missing items count as unknown) and whether the victim was a child
    at the time of exploitation (None: not known)."""

    act: Mapping[str, Answer]
    means: Mapping[str, Answer]
    purpose: Mapping[str, Answer]
    child: bool | None


@dataclass(frozen=True)
class ScreeningResult:
    outcome: Outcome
    elements: dict[str, Answer]
    reasons: tuple[Promise | str, ...]


def element_state(answers: Mapping[str, Answer], choices: type[models.TextChoices]) -> Answer:
    """YES when any item is yes; NO when every item is answered no; else UNKNOWN."""
    values = [answers.get(item, Answer.UNKNOWN) for item in choices.values]
    if Answer.YES in values:
        return Answer.YES
    if all(value == Answer.NO for value in values):
        return Answer.NO
    return Answer.UNKNOWN


def _labels(
    answers: Mapping[str, Answer], choices: type[models.TextChoices], wanted: Answer
) -> str:
    picked = [
        str(choices(item).label)
        for item in choices.values
        if answers.get(item, Answer.UNKNOWN) == wanted
    ]
    return "; ".join(picked)


def _element_reason(name: str, state: Answer, answers: Mapping[str, Answer]) -> str | Promise:
    choices = ELEMENTS[name]
    label = ELEMENT_NAMES[name]
    if state == Answer.YES:
        return format_lazy(
            _("{element} present: {items}."),
            element=label,
            items=_labels(answers, choices, Answer.YES),
        )
    if state == Answer.NO:
        return format_lazy(_("{element} absent: every item was answered no."), element=label)
    return format_lazy(_("{element} not yet known: no item was answered yes."), element=label)


def screen(answers: ScreeningAnswers) -> ScreeningResult:
    states = {
        name: element_state(getattr(answers, name), choices) for name, choices in ELEMENTS.items()
    }
    act, means, purpose = states["act"], states["means"], states["purpose"]
    child = answers.child
    reasons: list[Promise | str] = [
        _element_reason(name, states[name], getattr(answers, name)) for name in ELEMENTS
    ]
    if child is True:
        reasons.append(_("The victim was a child (under 18) at the time: no means are needed."))
    elif child is None and means != Answer.YES:
        reasons.append(
            _("Whether the victim was a child is not known; for a child no means are needed.")
        )

    if act == Answer.YES and purpose == Answer.YES and (means == Answer.YES or child is True):
        outcome = Outcome.INDICATED
    elif act == Answer.NO or purpose == Answer.NO or (means == Answer.NO and child is False):
        outcome = Outcome.NOT_INDICATED
    else:
        outcome = Outcome.INSUFFICIENT
    return ScreeningResult(outcome=outcome, elements=states, reasons=tuple(reasons))


def checklist_findings(answers: Mapping[str, Mapping[str, str]]) -> list[tuple[Promise, str]]:
    """The checklist items answered yes, per checklist, as (checklist name, labels)."""
    findings = []
    for name, choices in CHECKLISTS.items():
        given = {item: Answer(value) for item, value in answers.get(name, {}).items()}
        labels = _labels(given, choices, Answer.YES)
        if labels:
            findings.append((CHECKLIST_NAMES[name], labels))
    return findings
