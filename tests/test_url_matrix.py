"""The authorization matrix: every URL, every persona, the expected status.

A URL that is not in MATRIX fails this suite, so a new endpoint cannot ship without a
decision about who may reach it.
"""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from tests.conftest import make_persona, sign_in, with_sudo

PERSONAS = [
    "anonymous",
    "siti",
    "rahmadi",
    "normila",
    "riduan",
    "fauzan",
    "aisyah",
    "admin",
    "tamu",
]
SIGNED_IN = {name: 200 for name in PERSONAS if name != "anonymous"}
LOGIN_REDIRECT = 302

PERSON_WORKERS = {"siti": 200, "rahmadi": 200, "normila": 200, "riduan": 200}
ADMIN_ONLY = {**dict.fromkeys(SIGNED_IN, 404), "admin": 200}
TRIAGE = {**dict.fromkeys(SIGNED_IN, 404), "siti": 200, "aisyah": 200}
NOT_FOUND = dict.fromkeys(SIGNED_IN, 404)
SECRETARIAT_BATCH = {"anonymous": LOGIN_REDIRECT, **NOT_FOUND, "siti": 200}
HSU_ENROLMENT = {"anonymous": LOGIN_REDIRECT, **NOT_FOUND, "siti": 200, "riduan": 200}
HSU_CLOSE = {**HSU_ENROLMENT, "siti": 302, "riduan": 302}
NO_PLAN = {"anonymous": LOGIN_REDIRECT, **NOT_FOUND}
NO_TOKEN = dict.fromkeys(PERSONAS, 401)  # the API without a token: nobody
OFFICERS = {"anonymous": LOGIN_REDIRECT, **NOT_FOUND, **PERSON_WORKERS}
PREVENTION_READERS = {**OFFICERS, "fauzan": 200}
TASK_FORCE_EDITORS = {
    **dict.fromkeys(SIGNED_IN, 404), "siti": 302, "riduan": 302, "admin": 302
}  # fmt: skip

# url name -> (kwargs, method, {persona: status}); "anonymous" defaults to a login redirect.
MATRIX = {
    "home": ({}, "get", {"anonymous": LOGIN_REDIRECT, **SIGNED_IN}),
    "healthz": ({}, "get", dict.fromkeys(PERSONAS, 200)),
    "login": ({}, "get", {"anonymous": 200, **dict.fromkeys(SIGNED_IN, 302)}),
    "logout": ({}, "post", dict.fromkeys(PERSONAS, 302)),
    "set_language": ({}, "post", dict.fromkeys(PERSONAS, 302)),
    # sign_in() gives every persona a confirmed authenticator: setup sends them on to verify.
    "otp_verify": ({}, "get", {"anonymous": LOGIN_REDIRECT, **SIGNED_IN}),
    "otp_setup": ({}, "get", dict.fromkeys(PERSONAS, 302)),
    "sudo": ({}, "get", {"anonymous": LOGIN_REDIRECT, **SIGNED_IN}),
    # the audit log: administrators and the secretariat; others do not learn it exists
    "core:audit_list": (
        {},
        "get",
        {"anonymous": LOGIN_REDIRECT, **dict.fromkeys(SIGNED_IN, 404), "siti": 200, "admin": 200},
    ),
    # exports first ask to confirm it is you (sudo), then check the scope
    "core:audit_export": (
        {},
        "get",
        {"anonymous": LOGIN_REDIRECT, **dict.fromkeys(SIGNED_IN, 302)},
    ),
    # user management: administrators only; changes first ask to confirm it is you
    "core:user_list": (
        {},
        "get",
        {"anonymous": LOGIN_REDIRECT, **dict.fromkeys(SIGNED_IN, 404), "admin": 200},
    ),
    "core:user_create": ({}, "get", {"anonymous": LOGIN_REDIRECT, **dict.fromkeys(SIGNED_IN, 302)}),
    "core:user_detail": (
        {"pk": "self"},
        "get",
        {"anonymous": LOGIN_REDIRECT, **dict.fromkeys(SIGNED_IN, 404), "admin": 200},
    ),
    "core:user_edit": (
        {"pk": "self"},
        "get",
        {"anonymous": LOGIN_REDIRECT, **dict.fromkeys(SIGNED_IN, 302)},
    ),
    "core:user_set_active": (
        {"pk": "self"},
        "post",
        {"anonymous": LOGIN_REDIRECT, **dict.fromkeys(SIGNED_IN, 302)},
    ),
    "core:user_reset_2fa": (
        {"pk": "self"},
        "post",
        {"anonymous": LOGIN_REDIRECT, **dict.fromkeys(SIGNED_IN, 302)},
    ),
    "core:user_transfer_work": (
        {"pk": "self"},
        "post",
        {"anonymous": LOGIN_REDIRECT, **dict.fromkeys(SIGNED_IN, 302)},
    ),
    # persons: officers who work with identities (secretariat, agency and regency officers)
    "people:person_list": (
        {},
        "get",
        {"anonymous": LOGIN_REDIRECT, **dict.fromkeys(SIGNED_IN, 404), **PERSON_WORKERS},
    ),
    "people:person_create": (
        {},
        "get",
        {"anonymous": LOGIN_REDIRECT, **dict.fromkeys(SIGNED_IN, 404), **PERSON_WORKERS},
    ),
    # a person registered by the secretariat in Banjar: Polres Banjar's Rahmadi and Dinsos'
    # Normila are outside its scope (another agency), so for them it does not exist
    "people:person_detail": (
        {"pk": "person"},
        "get",
        {"anonymous": LOGIN_REDIRECT, **dict.fromkeys(SIGNED_IN, 404), "siti": 200},
    ),
    "people:person_edit": (
        {"pk": "person"},
        "get",
        {"anonymous": LOGIN_REDIRECT, **dict.fromkeys(SIGNED_IN, 404), "siti": 200},
    ),
    "people:person_withdraw_consent": (
        {"pk": "person"},
        "post",
        {"anonymous": LOGIN_REDIRECT, **dict.fromkeys(SIGNED_IN, 404), "siti": 302},
    ),
    "people:person_data_export": (
        {"pk": "person"},
        "get",
        {"anonymous": LOGIN_REDIRECT, **dict.fromkeys(SIGNED_IN, 302)},
    ),
    # possible duplicates (same NIK): the secretariat's queue
    "people:duplicate_list": (
        {},
        "get",
        {"anonymous": LOGIN_REDIRECT, **dict.fromkeys(SIGNED_IN, 404), "siti": 200},
    ),
    "people:duplicate_resolve": (
        {"pk": "duplicate"},
        "post",
        {"anonymous": LOGIN_REDIRECT, **dict.fromkeys(SIGNED_IN, 404), "siti": 302},
    ),
    # cases: like persons; a case led by Polres Banjar in Banjar (placeholder "case")
    "cases:case_list": (
        {},
        "get",
        {"anonymous": LOGIN_REDIRECT, **dict.fromkeys(SIGNED_IN, 404), **PERSON_WORKERS},
    ),
    "cases:case_create": (
        {},
        "get",
        {"anonymous": LOGIN_REDIRECT, **dict.fromkeys(SIGNED_IN, 404), **PERSON_WORKERS},
    ),
    "cases:case_detail": (
        {"pk": "case"},
        "get",
        {"anonymous": LOGIN_REDIRECT, **dict.fromkeys(SIGNED_IN, 404), "siti": 200, "rahmadi": 200},
    ),
    "cases:case_transition": (
        {"pk": "case"},
        "post",
        {"anonymous": LOGIN_REDIRECT, **dict.fromkeys(SIGNED_IN, 404), "siti": 302, "rahmadi": 302},
    ),
    "cases:party_add": (
        {"pk": "case"},
        "post",
        {"anonymous": LOGIN_REDIRECT, **dict.fromkeys(SIGNED_IN, 404), "siti": 302, "rahmadi": 302},
    ),
    "cases:party_screen": (
        {"pk": "case", "party_pk": "party"},
        "get",
        {"anonymous": LOGIN_REDIRECT, **dict.fromkeys(SIGNED_IN, 404), "siti": 200, "rahmadi": 200},
    ),
    "cases:party_candidates": (
        {"pk": "case"},
        "post",
        {"anonymous": LOGIN_REDIRECT, **dict.fromkeys(SIGNED_IN, 404), "siti": 200, "rahmadi": 200},
    ),
    "cases:case_edit": (
        {"pk": "case"},
        "get",
        {"anonymous": LOGIN_REDIRECT, **dict.fromkeys(SIGNED_IN, 404), "siti": 200, "rahmadi": 200},
    ),
    "cases:victim_status": (
        {"pk": "case", "party_pk": "party"},
        "post",
        {"anonymous": LOGIN_REDIRECT, **dict.fromkeys(SIGNED_IN, 404), "siti": 302, "rahmadi": 302},
    ),
    "cases:note_add": (
        {"pk": "case"},
        "post",
        {"anonymous": LOGIN_REDIRECT, **dict.fromkeys(SIGNED_IN, 404), "siti": 302, "rahmadi": 302},
    ),
    "cases:document_add": (
        {"pk": "case"},
        "post",
        {"anonymous": LOGIN_REDIRECT, **dict.fromkeys(SIGNED_IN, 404), "siti": 302, "rahmadi": 302},
    ),
    "cases:document_download": (
        {"pk": "case", "document_pk": "document"},
        "get",
        {"anonymous": LOGIN_REDIRECT, **dict.fromkeys(SIGNED_IN, 404), "siti": 200, "rahmadi": 200},
    ),
    # referrals: identity workers see their inbox; a referral from the secretariat to Dinsos
    # (placeholder "referral") is seen by both agencies only
    "referrals:referral_list": (
        {},
        "get",
        {"anonymous": LOGIN_REDIRECT, **dict.fromkeys(SIGNED_IN, 404), **PERSON_WORKERS},
    ),
    "referrals:referral_detail": (
        {"pk": "referral"},
        "get",
        {"anonymous": LOGIN_REDIRECT, **dict.fromkeys(SIGNED_IN, 404), "siti": 200, "normila": 200},
    ),
    "referrals:referral_letter": (
        {"pk": "referral"},
        "get",
        {"anonymous": LOGIN_REDIRECT, **dict.fromkeys(SIGNED_IN, 404), "siti": 200, "normila": 200},
    ),
    "referrals:referral_move": (
        {"pk": "referral"},
        "post",
        {"anonymous": LOGIN_REDIRECT, **dict.fromkeys(SIGNED_IN, 404), "siti": 302, "normila": 302},
    ),
    "referrals:service_add": (
        {"pk": "referral"},
        "post",
        {"anonymous": LOGIN_REDIRECT, **dict.fromkeys(SIGNED_IN, 404), "siti": 302, "normila": 302},
    ),
    # the services catalogue: everyone reads it; the secretariat and administrators keep it
    "referrals:service_catalogue": ({}, "get", {"anonymous": LOGIN_REDIRECT, **SIGNED_IN}),
    "referrals:agency_service_add": (
        {},
        "post",
        {"anonymous": LOGIN_REDIRECT, **dict.fromkeys(SIGNED_IN, 404), "siti": 302, "admin": 302},
    ),
    "referrals:agency_service_remove": (
        {"pk": "agency_service"},
        "post",
        {"anonymous": LOGIN_REDIRECT, **dict.fromkeys(SIGNED_IN, 404), "siti": 302, "admin": 302},
    ),
    "coordination:inbox": (
        {},
        "get",
        {"anonymous": LOGIN_REDIRECT, **dict.fromkeys(SIGNED_IN, 404), **PERSON_WORKERS},
    ),
    "referrals:referral_send": (
        {"pk": "case"},
        "get",
        {"anonymous": LOGIN_REDIRECT, **dict.fromkeys(SIGNED_IN, 404), "siti": 200, "rahmadi": 200},
    ),
    # coordination: a provincial rakor by the secretariat with an action item for Dinsos
    # (placeholders "meeting" and "action")
    "coordination:meeting_list": (
        {},
        "get",
        {"anonymous": LOGIN_REDIRECT, **dict.fromkeys(SIGNED_IN, 404), **PERSON_WORKERS},
    ),
    "coordination:meeting_create": (
        {},
        "get",
        {"anonymous": LOGIN_REDIRECT, **dict.fromkeys(SIGNED_IN, 404), "siti": 200, "riduan": 200},
    ),
    "coordination:meeting_detail": (
        {"pk": "meeting"},
        "get",
        {"anonymous": LOGIN_REDIRECT, **dict.fromkeys(SIGNED_IN, 404), "siti": 200, "normila": 200},
    ),
    "coordination:meeting_edit": (
        {"pk": "meeting"},
        "get",
        {"anonymous": LOGIN_REDIRECT, **dict.fromkeys(SIGNED_IN, 404), "siti": 200},
    ),
    "coordination:meeting_invitation": (
        {"pk": "meeting"},
        "get",
        {"anonymous": LOGIN_REDIRECT, **dict.fromkeys(SIGNED_IN, 404), "siti": 200, "normila": 200},
    ),
    "coordination:meeting_minutes_pdf": (
        {"pk": "meeting"},
        "get",
        {"anonymous": LOGIN_REDIRECT, **dict.fromkeys(SIGNED_IN, 404), "siti": 200, "normila": 200},
    ),
    "coordination:minutes_record": (
        {"pk": "meeting"},
        "post",
        {"anonymous": LOGIN_REDIRECT, **dict.fromkeys(SIGNED_IN, 404), "siti": 302, "normila": 302},
    ),
    "coordination:decision_add": (
        {"pk": "meeting"},
        "post",
        {"anonymous": LOGIN_REDIRECT, **dict.fromkeys(SIGNED_IN, 404), "siti": 302, "normila": 302},
    ),
    "coordination:action_item_add": (
        {"pk": "meeting"},
        "post",
        {"anonymous": LOGIN_REDIRECT, **dict.fromkeys(SIGNED_IN, 404), "siti": 302, "normila": 302},
    ),
    "coordination:follow_up_board": (
        {},
        "get",
        {"anonymous": LOGIN_REDIRECT, **dict.fromkeys(SIGNED_IN, 404), **PERSON_WORKERS},
    ),
    "coordination:action_item_detail": (
        {"pk": "action"},
        "get",
        {"anonymous": LOGIN_REDIRECT, **dict.fromkeys(SIGNED_IN, 404), "siti": 200, "normila": 200},
    ),
    # task forces: everyone signed in reads the structure; its secretariat (and admins) edit it.
    # "task_force" is the HSU task force; "sub" and "member" are its first ones.
    "coordination:task_force_list": ({}, "get", {"anonymous": LOGIN_REDIRECT, **SIGNED_IN}),
    "coordination:task_force_detail": (
        {"pk": "task_force"},
        "get",
        {"anonymous": LOGIN_REDIRECT, **SIGNED_IN},
    ),
    "coordination:task_force_edit": (
        {"pk": "task_force"},
        "post",
        {"anonymous": LOGIN_REDIRECT, **TASK_FORCE_EDITORS},
    ),
    "coordination:sub_task_force_add": (
        {"pk": "task_force"},
        "post",
        {"anonymous": LOGIN_REDIRECT, **TASK_FORCE_EDITORS},
    ),
    "coordination:sub_task_force_remove": (
        {"pk": "task_force", "sub_pk": "sub"},
        "post",
        {"anonymous": LOGIN_REDIRECT, **TASK_FORCE_EDITORS},
    ),
    "coordination:member_add": (
        {"pk": "task_force"},
        "post",
        {"anonymous": LOGIN_REDIRECT, **TASK_FORCE_EDITORS},
    ),
    "coordination:member_remove": (
        {"pk": "task_force", "member_pk": "member"},
        "post",
        {"anonymous": LOGIN_REDIRECT, **TASK_FORCE_EDITORS},
    ),
    # hand-overs: a case of the secretariat ("case", in 63.03) handed to the HSU task force
    # ("transfer"): both task forces see it; the leading one asks
    "coordination:transfer_request": (
        {"pk": "case"},
        "get",
        {"anonymous": LOGIN_REDIRECT, **dict.fromkeys(SIGNED_IN, 404), "siti": 200},
    ),
    "coordination:transfer_list": (
        {},
        "get",
        {"anonymous": LOGIN_REDIRECT, **dict.fromkeys(SIGNED_IN, 404), "siti": 200, "riduan": 200},
    ),
    "coordination:transfer_detail": (
        {"pk": "transfer"},
        "get",
        {"anonymous": LOGIN_REDIRECT, **dict.fromkeys(SIGNED_IN, 404), "siti": 200, "riduan": 200},
    ),
    "coordination:transfer_answer": (
        {"pk": "transfer"},
        "post",
        {"anonymous": LOGIN_REDIRECT, **dict.fromkeys(SIGNED_IN, 404), "siti": 302, "riduan": 302},
    ),
    # notifications: everyone signed in has their own; "notification" is one of Siti's
    "notifications:notification_list": ({}, "get", {"anonymous": LOGIN_REDIRECT, **SIGNED_IN}),
    "notifications:notification_open": (
        {"pk": "notification"},
        "post",
        {"anonymous": LOGIN_REDIRECT, **dict.fromkeys(SIGNED_IN, 404), "siti": 302},
    ),
    "notifications:notification_read_all": (
        {},
        "post",
        {"anonymous": LOGIN_REDIRECT, **dict.fromkeys(SIGNED_IN, 302)},
    ),
    "notifications:email_setting": (
        {},
        "post",
        {"anonymous": LOGIN_REDIRECT, **dict.fromkeys(SIGNED_IN, 302)},
    ),
    # the public portal: open to everyone, no login
    "intake:report": ({}, "get", dict.fromkeys(PERSONAS, 200)),
    "intake:status": ({}, "get", dict.fromkeys(PERSONAS, 200)),
    "intake:places": ({}, "get", dict.fromkeys(PERSONAS, 404)),  # 404 without a regency
    "intake:recruiter_check": ({}, "get", dict.fromkeys(PERSONAS, 200)),
    "intake:info_list": ({}, "get", dict.fromkeys(PERSONAS, 200)),
    "intake:info_page": ({"slug": "bantuan"}, "get", dict.fromkeys(PERSONAS, 200)),
    "intake:info_edit": (
        {"slug": "bantuan"},
        "get",
        {"anonymous": LOGIN_REDIRECT, **dict.fromkeys(SIGNED_IN, 404), "siti": 200, "admin": 200},
    ),
    # the P3MI register: administrators keep it ("company" is one licensed company)
    "intake:register": ({}, "get", {"anonymous": LOGIN_REDIRECT, **ADMIN_ONLY}),
    "intake:register_import": ({}, "get", {"anonymous": LOGIN_REDIRECT, **ADMIN_ONLY}),
    # imports of lists ("import_batch" is a finished batch of the province's secretariat)
    "imports:batch_list": ({}, "get", {"anonymous": LOGIN_REDIRECT, **NOT_FOUND, **PERSON_WORKERS}),
    "imports:upload": ({}, "get", {"anonymous": LOGIN_REDIRECT, **NOT_FOUND, **PERSON_WORKERS}),
    "imports:batch_detail": ({"pk": "import_batch"}, "get", SECRETARIAT_BATCH),
    # a batch already imported has no mapping step left: its page is shown instead
    "imports:mapping": ({"pk": "import_batch"}, "get", {**SECRETARIAT_BATCH, "siti": 302}),
    "imports:progress": ({"pk": "import_batch"}, "get", SECRETARIAT_BATCH),
    "imports:report_download": ({"pk": "import_batch"}, "get", SECRETARIAT_BATCH),
    "imports:rejected_download": ({"pk": "import_batch"}, "get", SECRETARIAT_BATCH),
    # monitoring ("enrolment" is a person of Hulu Sungai Utara watched by GT HSU, enrolled by
    # the secretariat): the secretariat and HSU's regency officer
    "monitoring:board": ({}, "get", {"anonymous": LOGIN_REDIRECT, **NOT_FOUND, **PERSON_WORKERS}),
    "monitoring:questionnaire": ({}, "get", OFFICERS),
    "monitoring:enrolment_detail": ({"pk": "enrolment"}, "get", HSU_ENROLMENT),
    # prevention names no one: officers and analysts read it, officers record it
    "monitoring:activity_list": ({}, "get", PREVENTION_READERS),
    "monitoring:coverage": ({}, "get", PREVENTION_READERS),
    "monitoring:activity_new": ({}, "get", OFFICERS),
    # enrolling by hand: a person the secretariat registered in Kab. Banjar
    "monitoring:enrol": ({"person": "person"}, "get", SECRETARIAT_BATCH),
    "monitoring:follow_up_new": ({"pk": "enrolment"}, "get", HSU_ENROLMENT),
    # without a reason nothing closes: back to the enrolment with the message
    "monitoring:enrolment_close": ({"pk": "enrolment"}, "post", HSU_CLOSE),
    "monitoring:enrolment_reassign": ({"pk": "enrolment"}, "post", HSU_CLOSE),
    # reintegration plans are for survivors: this child at risk has none (opening one is
    # refused with a message; its parts are not there)
    "monitoring:plan_open": ({"pk": "enrolment"}, "post", HSU_CLOSE),
    "monitoring:goal_add": ({"pk": "enrolment"}, "post", NO_PLAN),
    "monitoring:goal_move": ({"pk": "enrolment", "goal": 1}, "post", NO_PLAN),
    "monitoring:review_add": ({"pk": "enrolment"}, "post", NO_PLAN),
    "monitoring:plan_close": ({"pk": "enrolment"}, "post", NO_PLAN),
    # escalation opens (once) the follow-up's case and shows it
    "monitoring:escalate": ({"pk": "follow_up"}, "post", HSU_CLOSE),
    "intake:company_edit": ({"pk": "company"}, "get", {"anonymous": LOGIN_REDIRECT, **ADMIN_ONLY}),
    # triage of public reports: the triage officer and the secretariat ("public_report" is a
    # report from Hulu Sungai Utara with a PDF attachment, "report_attachment")
    "intake:queue": ({}, "get", {"anonymous": LOGIN_REDIRECT, **TRIAGE}),
    "intake:report_record": ({}, "get", {"anonymous": LOGIN_REDIRECT, **TRIAGE}),
    "intake:report_detail": (
        {"pk": "public_report"},
        "get",
        {"anonymous": LOGIN_REDIRECT, **TRIAGE},
    ),
    "intake:report_triage": (
        {"pk": "public_report"},
        "post",
        {"anonymous": LOGIN_REDIRECT, **dict.fromkeys(SIGNED_IN, 404), "siti": 302, "aisyah": 302},
    ),
    "intake:message_send": (
        {"pk": "public_report"},
        "post",
        {"anonymous": LOGIN_REDIRECT, **dict.fromkeys(SIGNED_IN, 404), "siti": 302, "aisyah": 302},
    ),
    "intake:attachment_download": (
        {"pk": "public_report", "attachment_pk": "report_attachment"},
        "get",
        {"anonymous": LOGIN_REDIRECT, **TRIAGE},
    ),
    "core:region_lookup": ({}, "get", {"anonymous": LOGIN_REDIRECT, **SIGNED_IN}),
    "core:agency_list": ({}, "get", {"anonymous": LOGIN_REDIRECT, **SIGNED_IN}),
    # the REST API: a token is its only credential (tests/api); a signed-in session is not one
    "api:me": ({}, "get", dict.fromkeys(PERSONAS, 401)),
    "api:person_list": ({}, "get", dict.fromkeys(PERSONAS, 401)),
    "api:person_create": ({}, "post", dict.fromkeys(PERSONAS, 401)),
    "api:person_search": ({}, "post", dict.fromkeys(PERSONAS, 401)),
    "api:person_detail": ({"person_id": "person"}, "get", dict.fromkeys(PERSONAS, 401)),
    "api:person_update": ({"person_id": "person"}, "patch", dict.fromkeys(PERSONAS, 401)),
    "api:case_list": ({}, "get", dict.fromkeys(PERSONAS, 401)),
    "api:case_create": ({}, "post", dict.fromkeys(PERSONAS, 401)),
    "api:case_search": ({}, "post", dict.fromkeys(PERSONAS, 401)),
    "api:case_detail": ({"case_id": "case"}, "get", dict.fromkeys(PERSONAS, 401)),
    "api:case_update": ({"case_id": "case"}, "patch", dict.fromkeys(PERSONAS, 401)),
    "api:case_status": ({"case_id": "case"}, "post", dict.fromkeys(PERSONAS, 401)),
    "api:party_list": ({"case_id": "case"}, "get", dict.fromkeys(PERSONAS, 401)),
    "api:party_add": ({"case_id": "case"}, "post", dict.fromkeys(PERSONAS, 401)),
    "api:screening_list": (
        {"case_id": "case", "party_id": "party"},
        "get",
        dict.fromkeys(PERSONAS, 401),
    ),
    "api:screening_record": (
        {"case_id": "case", "party_id": "party"},
        "post",
        dict.fromkeys(PERSONAS, 401),
    ),
    "api:victim_status": (
        {"case_id": "case", "party_id": "party"},
        "post",
        dict.fromkeys(PERSONAS, 401),
    ),
    # the API's description and docs hold no data: open to all, like the login page
    "api:service_list": ({}, "get", dict.fromkeys(PERSONAS, 401)),
    "api:referral_list": ({}, "get", dict.fromkeys(PERSONAS, 401)),
    "api:referral_send": ({}, "post", dict.fromkeys(PERSONAS, 401)),
    "api:referral_detail": ({"referral_id": "referral"}, "get", dict.fromkeys(PERSONAS, 401)),
    "api:referral_status": ({"referral_id": "referral"}, "post", dict.fromkeys(PERSONAS, 401)),
    "api:service_record_add": (
        {"referral_id": "referral"},
        "post",
        dict.fromkeys(PERSONAS, 401),
    ),
    "api:meeting_list": ({}, "get", dict.fromkeys(PERSONAS, 401)),
    "api:meeting_create": ({}, "post", dict.fromkeys(PERSONAS, 401)),
    "api:meeting_detail": ({"meeting_id": "meeting"}, "get", dict.fromkeys(PERSONAS, 401)),
    "api:meeting_change": ({"meeting_id": "meeting"}, "put", dict.fromkeys(PERSONAS, 401)),
    "api:decision_add": ({"meeting_id": "meeting"}, "post", dict.fromkeys(PERSONAS, 401)),
    "api:action_item_add": ({"meeting_id": "meeting"}, "post", dict.fromkeys(PERSONAS, 401)),
    "api:action_item_list": ({}, "get", dict.fromkeys(PERSONAS, 401)),
    "api:action_item_detail": ({"item_id": "action"}, "get", dict.fromkeys(PERSONAS, 401)),
    "api:action_item_update": ({"item_id": "action"}, "post", dict.fromkeys(PERSONAS, 401)),
    "api:enrolment_list": ({}, "get", NO_TOKEN),
    "api:enrolment_create": ({}, "post", NO_TOKEN),
    "api:enrolment_detail": ({"enrolment_id": "enrolment"}, "get", NO_TOKEN),
    "api:enrolment_close": ({"enrolment_id": "enrolment"}, "post", NO_TOKEN),
    "api:follow_up_create": ({"enrolment_id": "enrolment"}, "post", NO_TOKEN),
    "api:follow_up_escalate": ({"follow_up_id": "follow_up"}, "post", NO_TOKEN),
    "api:questionnaire_current": ({}, "get", NO_TOKEN),
    "api:activity_list": ({}, "get", NO_TOKEN),
    "api:activity_create": ({}, "post", NO_TOKEN),
    "api:openapi-json": ({}, "get", dict.fromkeys(PERSONAS, 200)),
    "api:openapi-view": ({}, "get", dict.fromkeys(PERSONAS, 200)),
    "api:api-root": ({}, "get", dict.fromkeys(PERSONAS, 404)),
    # API tokens: only for roles that work with identities; creating one asks to confirm first
    "api_tokens:token_list": (
        {},
        "get",
        {"anonymous": LOGIN_REDIRECT, **dict.fromkeys(SIGNED_IN, 404), **PERSON_WORKERS},
    ),
    "api_tokens:token_create": (
        {},
        "get",
        {
            "anonymous": LOGIN_REDIRECT,
            **dict.fromkeys(SIGNED_IN, 404),
            **dict.fromkeys(PERSON_WORKERS, 302),
        },
    ),
    # a token of nobody's (pk 0): revoking it is a 404 for everyone signed in
    "api_tokens:token_revoke": (
        {"pk": 0},
        "post",
        {"anonymous": LOGIN_REDIRECT, **dict.fromkeys(SIGNED_IN, 404)},
    ),
}
# The Django admin is one surface: staff only, everyone else is sent to its login page.
ADMIN_SAMPLES = ["admin:index", "admin:core_region_changelist", "admin:core_auditevent_changelist"]


def all_url_names(resolver=None, namespace=""):
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from all_url_names(entry, inner)
        elif isinstance(entry, URLPattern) and entry.name:
            yield f"{namespace}{entry.name}"


def test_every_url_has_a_row_in_the_matrix():
    names = {name for name in all_url_names() if not name.startswith("admin:")}
    assert names == set(MATRIX), "Add the new URL to MATRIX with the status for each persona"


def persona_user(username):
    from sigap.core.models import User

    return User.objects.filter(username=username).first() or make_persona(username)


def client_for(client, persona):
    if persona != "anonymous":
        sign_in(client, persona_user(persona))
    return client


@pytest.mark.django_db
@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("url_name", sorted(MATRIX))
def test_each_persona_gets_the_expected_status(client, persona, url_name):
    kwargs, method, expected = MATRIX[url_name]
    client = client_for(client, persona)
    response = getattr(client, method)(reverse(url_name, kwargs=resolve_kwargs(kwargs)))
    assert response.status_code == expected[persona]


def resolve_kwargs(kwargs):
    """Placeholders for records that exist, so a 404 means "not yours", not "missing":
    "self" is another persona's account, "person" a person the secretariat registered."""
    from sigap.people.services import person_create

    values = {}
    case = None
    for key, value in kwargs.items():
        if value == "self":
            value = persona_user("riduan").pk
        elif value == "person":
            registrar = persona_user("siti")
            value = person_create(
                actor=registrar, full_name="X", region_id="63.03", consent_share=True
            ).pk
        elif value in {"task_force", "sub", "member"}:
            from sigap.coordination.models import TaskForce

            task_force = TaskForce.objects.get(region_id="63.08")
            value = {
                "task_force": task_force.pk,
                "sub": task_force.sub_task_forces.first().pk,
                "member": task_force.members.first().pk,
            }[value]
        elif value == "transfer":
            from sigap.coordination import transfers
            from sigap.coordination.models import TaskForce

            case = case or make_case()
            value = transfers.transfer_request(
                actor=persona_user("siti"),
                case=case,
                to_task_force=TaskForce.objects.get(region_id="63.08"),
                reason="x",
            ).pk
        elif value == "agency_service":
            from sigap.referrals.models import AgencyService

            value = AgencyService.objects.get(
                agency__slug="dinsos-kalsel", service_type__slug="psychosocial"
            ).pk
        elif value == "import_batch":
            from sigap.imports.models import ImportBatch

            siti = persona_user("siti")
            value = ImportBatch.objects.create(
                file_name="daftar.csv", status="done", headers=["NAMA"], agency=siti.agency,
                region_id="63", created_by=siti,
            ).pk  # fmt: skip
        elif value in {"enrolment", "follow_up"}:
            from sigap.core.models import Agency
            from sigap.monitoring.services import enrol

            siti = persona_user("siti")
            person = person_create(actor=siti, full_name="Y", region_id="63.08")
            enrolment = enrol(
                actor=siti, person=person, group="child_at_risk", region_id="63.08",
                agency=Agency.objects.get(slug="gt-hsu"),
            )[0]  # fmt: skip
            value = enrolment.pk if value == "enrolment" else make_follow_up(enrolment).pk
        elif value == "company":
            from sigap.intake.models import PlacementCompany

            value = PlacementCompany.objects.create(
                name="PT X (fiktif)", search_name="x fiktif", licence_number="1", status="active"
            ).pk
        elif value in {"public_report", "report_attachment"}:
            report = public_report()
            value = report.pk if value == "public_report" else report.attachments.get().pk
        elif value == "notification":
            from sigap.notifications.models import Notification

            value = Notification.objects.create(
                user=persona_user("siti"), kind="x", text_id="x", text_en="x", url="/"
            ).pk
        elif value == "duplicate":
            value = make_duplicate().pk
        elif value == "referral":
            value = make_referral().pk
        elif value in {"meeting", "action"}:
            item = make_action_item()
            value = item.meeting_id if value == "meeting" else item.pk
        elif value in {"case", "party", "document"}:
            case = case or make_case()
            related = {"party": case.parties, "document": case.documents}
            value = case.pk if value == "case" else related[value].get().pk
        values[key] = value
    return values


def make_follow_up(enrolment):
    from django.utils import timezone

    from sigap.monitoring import questionnaire
    from sigap.monitoring.services import follow_up_record

    answers = {key: "no" for key, *_rest in questionnaire.QUESTIONS}
    return follow_up_record(actor=persona_user("siti"), enrolment=enrolment, kind="visit",
                            done_on=timezone.localdate(), answers=answers)  # fmt: skip


def make_action_item():
    """A provincial rakor by the secretariat with an action item for Dinsos Kalsel."""
    from datetime import date

    from sigap.coordination import services
    from sigap.core.models import Agency

    siti = persona_user("siti")
    meeting = services.meeting_create(
        actor=siti, title="Rakor", level="province", region_id="63", held_on=date(2024, 11, 28)
    )
    return services.action_item_add(
        actor=siti,
        meeting=meeting,
        what="Data korban",
        owner=Agency.objects.get(slug="dinsos-kalsel"),
        due_on=date(2024, 12, 12),
    )


def public_report():
    """A report from Hulu Sungai Utara with a PDF (one per test: the same one for both
    placeholders)."""
    from sigap.intake import services
    from sigap.intake.models import PublicReport

    existing = PublicReport.objects.first()
    if existing is not None:
        return existing
    pdf = services.Cleaned(b"%PDF-1.4 synthetic\n%%EOF\n", "application/pdf", "pdf")
    report, _code = services.report_submit(
        fields={"what_happened": "x (sintetis)", "consent": True, "regency_id": "63.08"},
        attachments=[pdf],
    )
    return report


def make_referral():
    """The secretariat refers a victim of a Banjar case (with consent) to Dinsos Kalsel."""
    from datetime import date

    from sigap.cases import services as case_services
    from sigap.core.models import Agency
    from sigap.people.services import person_create
    from sigap.referrals.models import ServiceType
    from sigap.referrals.services import referral_send

    siti = persona_user("siti")
    case = case_services.case_create(
        actor=siti, reported_on=date(2024, 3, 12), source="police", region_id="63.03"
    )
    person = person_create(actor=siti, full_name="W", region_id="63.03", consent_share=True)
    party = case_services.party_add(actor=siti, case=case, person=person, role="victim")
    return referral_send(
        actor=siti,
        party=party,
        service_type=ServiceType.objects.get(slug="psychosocial"),
        to_agency=Agency.objects.get(slug="dinsos-kalsel"),
        reason="Pendampingan (sintetis).",
    )


def make_duplicate():
    """Two records with one NIK, by Dinsos and by Polres Banjar: a pair in the queue."""
    from sigap.people.models import DuplicateCandidate
    from sigap.people.services import person_create

    for officer, region in (("normila", "63"), ("rahmadi", "63.03")):
        person_create(
            actor=persona_user(officer), full_name="Z", nik="6303015203900001", region_id=region
        )
    return DuplicateCandidate.objects.get()


def make_case():
    """A case led by Polres Banjar in Kabupaten Banjar, with one victim."""
    from datetime import date

    from django.core.files.uploadedfile import SimpleUploadedFile

    from sigap.cases import services
    from sigap.people.services import person_create

    officer = persona_user("rahmadi")
    case = services.case_create(
        actor=officer, reported_on=date(2024, 3, 12), source="police", region_id="63.03"
    )
    person = person_create(actor=officer, full_name="Y", region_id="63.03")
    services.party_add(actor=officer, case=case, person=person, role="victim")
    upload = SimpleUploadedFile("bap.pdf", b"%PDF-1.4 synthetic\n%%EOF\n")
    services.document_add(actor=officer, case=case, title="BAP", upload=upload)
    return case


@pytest.mark.django_db
@pytest.mark.parametrize("persona", [p for p in PERSONAS if p != "anonymous"])
@pytest.mark.parametrize(
    "url_name",
    sorted(name for name, (_, method, _) in MATRIX.items() if name.startswith("core:user_")),
)
def test_after_confirming_only_the_admin_reaches_user_management(client, persona, url_name):
    kwargs, method, _ = MATRIX[url_name]
    with_sudo(client_for(client, persona))
    response = getattr(client, method)(reverse(url_name, kwargs=resolve_kwargs(kwargs)))
    if persona == "admin":
        assert response.status_code in {200, 302}
    else:
        assert response.status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("url_name", ADMIN_SAMPLES)
def test_only_staff_reach_the_admin(client, persona, url_name):
    response = client_for(client, persona).get(reverse(url_name))
    if persona == "admin":
        assert response.status_code == 200
    else:
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("admin:login"))
