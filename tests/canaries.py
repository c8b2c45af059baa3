"""Canaries: private text planted around the public data, which must never reach a visitor.

tests.factories.make_canary_world plants all of them; the public pages
(tests/public/test_privacy_proven.py), the API (tests/api/test_privacy.py) and the open
data (tests/opendata/test_data_package.py) are each searched for every one.
"""

from urllib.parse import urlencode

from recommendations.choices import Lead, Priority, Status

PERSON = "Zephyrine Quillfeather"
EMAIL = "zq.canary7@canary-mail.example"
PERSON_NOTE = "CANARY-PARTICIPANT-NOTE prefers not to be quoted"
ATTENDING_PERSON = "Bartholomew Nightjar-Canary"
ATTENDING_EMAIL = "b.nightjar@attendee-canary.example"
MEETING_NOTE = "CANARY-MEETING-NOTE the minister's adviser spoke off the record"
UPDATE_NOTE = "CANARY-UPDATE-NOTE cabinet has not yet seen this"
DRAFT_CODE = "ZZ-2099-901"
DRAFT_TITLE = "CANARY draft title on a sensitive subject"
DRAFT_TEXT = "CANARY-DRAFT-TEXT not cleared for release"
DRAFT_SUMMARY = "CANARY-DRAFT-SUMMARY progress on an uncleared recommendation"
ATTENDEE_ORG = "Canary Attendance-Only Institute"
DRAFT_ONLY_ORG = "Canary Draft-Addressee Agency"
SUBSCRIBER_EMAIL = "follower.canary@subscriber-mail.example"
REMINDER_EMAIL = "chase-desk.canary@agency-reminders.example"

CANARIES = [
    PERSON,
    "Quillfeather",
    EMAIL,
    "canary-mail",
    PERSON_NOTE,
    ATTENDING_PERSON,
    ATTENDING_EMAIL,
    MEETING_NOTE,
    UPDATE_NOTE,
    DRAFT_CODE,
    DRAFT_TITLE,
    DRAFT_TEXT,
    DRAFT_SUMMARY,
    ATTENDEE_ORG,
    DRAFT_ONLY_ORG,
    SUBSCRIBER_EMAIL,
    "subscriber-mail",
    REMINDER_EMAIL,
    "agency-reminders",
]


def list_queries(world):
    """Every filter of the list over `world` (make_canary_world's), one at a time and
    combined, with sorting and paging, as query strings ("" for none)."""
    queries = [{}]
    queries += [{"area": area.slug} for area in world["areas"]]
    queries += [{"status": value} for value in Status.values]
    queries += [{"workshop": workshop.slug} for workshop in world["workshops"]]
    queries += [{"lead": value} for value in Lead.values]
    queries += [{"priority": value} for value in Priority.values]
    queries += [
        {"body": world["agency"].slug},
        {"body": world["attendee_org"].slug},
        {"body": world["draft_org"].slug},
        {"overdue": "1"},
        {"sort": "updated"},
        {"sort": "priority"},
        {"sort": "-target"},
        {"page": "2"},
        {"page": "abc"},
        {"q": "started"},
        {"slipped": "1"},
        {"as_of": "2025-12-31"},
        {"as_of": "2025-12-31", "overdue": "1", "sort": "updated"},
        {"as_of": "2999-01-01"},
        {"area": world["areas"][0].slug, "status": Status.PARTIALLY_IMPLEMENTED, "overdue": "1"},
    ]
    return [f"?{urlencode(query)}" if query else "" for query in queries]
