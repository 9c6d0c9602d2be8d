"""What the API reads and answers. Inputs refuse unknown fields (a typo is an error, not a
silently ignored value); values are checked by the same forms and parsers as the pages."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Literal

from ninja import Field, Schema
from ninja.params.functions import Path
from pydantic import ConfigDict

PAGE_SIZE = 50
MAX_PAGE_SIZE = 100
# A record id in a path: a number the database can hold (a larger one is a 422, not a crash).
RecordId = Annotated[int, Path(..., ge=1, le=2**63 - 1)]


class Input(Schema):
    model_config = ConfigDict(extra="forbid")


class Problem(Schema):
    """An error: `detail` says what went wrong in the user's language."""

    detail: str
    code: str = ""
    errors: dict[str, list[dict[str, str]]] = Field(
        default_factory=dict, description="Per field: the messages (and their codes)."
    )


class DuplicateProblem(Problem):
    person_id: int
    pseudonym: str


class PageQuery(Input):
    page: int = Field(1, ge=1, description="Page number, from 1.")
    page_size: int = Field(PAGE_SIZE, ge=1, le=MAX_PAGE_SIZE, description="Rows per page.")


class Me(Schema):
    username: str
    role: str
    agency: str
    region: str
    token_prefix: str
    token_expires_at: datetime


# Persons


class PersonOut(Schema):
    id: int
    pseudonym: str
    name: str = Field(description="The name, or the pseudonym when you may not see the identity.")
    identity_shown: bool
    sex: str
    region: str = Field(description="Region code of the record (decides who sees it).")


class PersonDetailOut(PersonOut):
    nik: str | None = None
    nik_problem: str | None = Field(None, description="Why a kept NIK fails the checks.")
    aliases: list[str] | None = None
    phone: str | None = None
    address: str | None = None
    birth_date: date | None = None
    birth_date_estimated: bool | None = None
    home_region: str | None = None
    citizenship: str | None
    agency: str = Field(description="Slug of the registering agency.")
    identity_protected: bool
    consent_services: bool
    consent_share: bool
    consent_by_guardian: bool
    consent_withdrawn_at: datetime | None
    anonymised: bool
    created_at: datetime


class PersonPage(Schema):
    count: int
    page: int
    page_size: int
    results: list[PersonOut]


class PersonSearchIn(Input):
    nik: str = Field("", description="Exact NIK (spaces, dots and dashes are ignored).")
    name: str = Field("", description="A name; spelling variants match.")


class PersonIn(Input):
    full_name: str
    aliases: list[str] = Field(default_factory=list, description="Other names, one per item.")
    nik: str = Field("", description="16 digits.")
    nik_keep_invalid: bool = Field(
        False,
        description="Keep a NIK that fails the checks as written on the person's document "
        "(it is then marked as not valid, with the reason in nik_problem).",
    )
    sex: str = Field("U", description="M, F, X (transgender/non-conforming) or U (unknown).")
    birth_date: str = Field("", description="Day first (12/03/1990, 12 Maret 1990) or ISO.")
    birth_date_estimated: bool = False
    citizenship: str = Field("ID", description="ISO 3166-1 alpha-2 code.")
    home_region: str = Field("", description='A region code or name, e.g. "63.03" or "HSU".')
    phone: str = ""
    address: str = ""
    consent_services: bool = False
    consent_share: bool = False
    consent_by_guardian: bool = False
    identity_protected: bool = False
    region: str = Field("", description="Region of the record; your work region if left out.")
    estimated_age: int | None = Field(
        None,
        description="Age in years (0-120) when the birth date is not known: the birth date "
        "becomes 1 July of the year it gives, marked as an estimate. Ignored when "
        "birth_date is given.",
    )


class PersonPatchIn(Input):
    """Only the fields given change, each read as in POST /persons; a field left out keeps
    its value, and null empties it (like a blank field on the edit page)."""

    full_name: str | None = None
    aliases: list[str] | None = Field(None, description="Other names, one per item (all of them).")
    nik: str | None = Field(None, description="16 digits.")
    nik_keep_invalid: bool | None = Field(
        None,
        description="Keep a NIK that fails the checks as written on the person's document. "
        "Left out: true when the stored NIK was kept so (see nik_problem), else false.",
    )
    sex: str | None = Field(None, description="M, F, X or U.")
    birth_date: str | None = Field(None, description="Day first or ISO.")
    birth_date_estimated: bool | None = None
    estimated_age: int | None = Field(
        None,
        description="Age in years (0-120) when the birth date is not known: replaces the "
        "stored birth date with an estimate (unless birth_date is given too).",
    )
    citizenship: str | None = Field(None, description="ISO 3166-1 alpha-2 code.")
    home_region: str | None = Field(None, description="A region code or name.")
    phone: str | None = None
    address: str | None = None
    consent_services: bool | None = None
    consent_share: bool | None = None
    consent_by_guardian: bool | None = None
    identity_protected: bool | None = None
    region: str | None = Field(None, description="Region of the record (within your own).")


# Cases


class CaseFilterQuery(PageQuery):
    status: str = ""
    region: str = Field("", description='Region code (or name), e.g. "63.03".')
    since: str = Field("", description="Reported on or after this date.")
    until: str = Field("", description="Reported on or before this date.")
    purpose: str = Field("", description="An exploitation purpose key, e.g. forced_labour.")
    child: bool | None = Field(
        None, description="Only cases with (true) or without a child victim."
    )
    lead_agency: str = Field("", description="Slug or id of the lead agency.")
    destination_country: str = Field("", description="ISO 3166-1 alpha-2 code, e.g. MY.")
    sort: str = Field("-reported_on", description="A sort key, e.g. -reported_on or reference.")


class CaseOut(Schema):
    id: int
    reference: str
    status: str
    reported_on: date
    incident_on: date | None
    source: str
    region: str
    lead_agency: str
    destination_country: str | None
    child_victim: bool


class CaseDetailOut(CaseOut):
    assigned_officer: str | None = Field(description="Username of the assigned officer.")
    origin_region: str | None
    transit: str
    destination_place: str
    recruitment_method: str
    recruitment_apps: list[str]
    placement_company: str
    placement_company_licensed: bool | None
    purposes: list[str]
    means_of_control: list[str]
    closed_reason: str
    next_statuses: list[str]
    created_at: datetime
    updated_at: datetime


class CasePage(Schema):
    count: int
    page: int
    page_size: int
    results: list[CaseOut]


class CaseSearchIn(Input):
    reference: str = Field("", description='Whole or its end, e.g. "2024/0007".')
    nik: str = Field("", description="NIK of a person in the case (exact).")
    name: str = Field("", description="Name of a person in the case.")


class CaseIn(Input):
    reported_on: str = Field(description="Day first (12/03/2024, 12 Maret 2024) or ISO.")
    incident_on: str = ""
    source: str = Field(description="community_report, police, bp3mi_repatriation, ...")
    region: str = Field(description='Where the case is handled: a code or name, e.g. "63.03".')
    lead_agency: str = Field("", description="Slug of the lead agency; yours if left out.")
    assigned_officer: str = Field("", description="Username of an officer of the lead agency.")
    origin_region: str = Field("", description="Where the victim was recruited (code or name).")
    transit: str = ""
    destination_country: str = Field("", description='A code or name, e.g. "MY" or "Arab Saudi".')
    destination_place: str = ""
    recruitment_method: str = "unknown"
    recruitment_apps: list[str] = Field(default_factory=list, description="e.g. Facebook.")
    placement_company: str = ""
    placement_company_licensed: bool | None = None
    purposes: list[str] = Field(default_factory=list)
    means_of_control: list[str] = Field(default_factory=list)
    narrative: str = Field("", description="Stored encrypted; never returned by the API.")


class CasePatchIn(Input):
    """Only the fields given change, each read as in POST /cases; a field left out keeps
    its value, and null empties it (like a blank field on the edit page)."""

    reported_on: str | None = Field(None, description="Day first or ISO.")
    incident_on: str | None = None
    source: str | None = None
    region: str | None = Field(None, description="A code or name; must stay in your scope.")
    lead_agency: str | None = Field(None, description="Slug of the lead agency.")
    assigned_officer: str | None = Field(
        None, description="Username of an officer of the lead agency."
    )
    origin_region: str | None = None
    transit: str | None = None
    destination_country: str | None = None
    destination_place: str | None = None
    recruitment_method: str | None = None
    recruitment_apps: list[str] | None = Field(None, description="All of them, e.g. Facebook.")
    placement_company: str | None = None
    placement_company_licensed: bool | None = Field(None, description="null: unknown.")
    purposes: list[str] | None = Field(None, description="All of them.")
    means_of_control: list[str] | None = Field(None, description="All of them.")
    narrative: str | None = Field(None, description="Stored encrypted; never returned.")


class StatusIn(Input):
    status: str
    reason: str = Field("", max_length=500, description="Required when closing the case.")


# Parties and screening


class PartyOut(Schema):
    id: int
    person_id: int
    pseudonym: str
    name: str
    role: str
    victim_status: str = Field(description="possible, actual or not_a_victim (victims only).")
    victim_status_by: str | None = Field(description="Username of who decided the status.")
    victim_status_at: datetime | None = Field(description="When the status was decided.")
    added_at: datetime


class VictimStatusIn(Input):
    status: str = Field(description="possible, actual or not_a_victim.")


class PartyIn(Input):
    person_id: int = Field(ge=1, le=2**63 - 1)
    role: str = Field(description="victim, possible_victim, alleged_perpetrator, witness, ...")


Reply = Literal["yes", "no", "unknown"]


class AnswersIn(Input):
    act: dict[str, Reply] = Field(default_factory=dict)
    means: dict[str, Reply] = Field(default_factory=dict)
    purpose: dict[str, Reply] = Field(default_factory=dict)
    indicators: dict[str, Reply] = Field(default_factory=dict)
    control: dict[str, Reply] = Field(default_factory=dict)
    vulnerability: dict[str, Reply] = Field(default_factory=dict)


class ScreeningIn(Input):
    answers: AnswersIn


class Finding(Schema):
    checklist: str
    items: str


class ScreeningOut(Schema):
    id: int
    party_id: int
    outcome: str
    outcome_label: str
    reasons: list[str]
    elements: dict[str, str]
    child: bool | None
    checklist_findings: list[Finding]
    answers: dict[str, dict[str, str]]
    created_at: datetime
    created_by: str
