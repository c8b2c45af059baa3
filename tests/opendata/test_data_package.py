"""The open data: /data/, the Frictionless Data Package and its CSV files.

The package is fetched as a reader would (through the test client), its files written to
disk beside it, and validated by the `frictionless` library, foreign keys included. The
canaries of tests/public/test_privacy_proven.py are planted around the public data and must reach
no file, no package and no page, in either language.
"""

import csv
import datetime
import io
import json
from urllib.parse import urlsplit

import frictionless
import pytest
from django.test import override_settings
from django.urls import reverse
from django.utils import translation

from opendata.schema import RESOURCES
from opendata.views import api_url
from recommendations.choices import Country, Lead, Priority, Status, WorkshopKind
from recommendations.models import StatusUpdate
from recommendations.services import record_status_update
from tests.canaries import (
    ATTENDEE_ORG,
    CANARIES,
    DRAFT_ONLY_ORG,
    DRAFT_SUMMARY,
    MEETING_NOTE,
    UPDATE_NOTE,
)
from tests.factories import (
    make_area,
    make_canary_draft,
    make_organisation,
    make_recommendation,
    make_staff,
    make_tracker,
    make_workshop,
    plant_canary_people,
)

pytestmark = pytest.mark.django_db

PACKAGE = reverse("opendata:datapackage")
PAGE = reverse("opendata:index")
# Beyond the shared canaries: who recorded an update, and evidence of a draft's update.
RECORDER = "canary-recorder-username"
RECORDER_EMAIL = "recorder@canary-staff.example"
DRAFT_EVIDENCE = "https://canary-draft-evidence.example/report"
ALL_CANARIES = [*CANARIES, RECORDER, RECORDER_EMAIL, DRAFT_EVIDENCE]
# Cells a spreadsheet would run as formulas, each in a different file.
FORMULA_AREA_DESCRIPTION = '=HYPERLINK("http://attacker.example","click")'
FORMULA_BODY = "+Formula Agency"
FORMULA_WORKSHOP = "@SUM(1)"
FORMULA_SUMMARY = "-1+1 of the work is done"


@pytest.fixture
def open_data_world(db):
    """Published recommendations with every kind of public cell, around private canaries."""
    recorder = make_staff(RECORDER, email=RECORDER_EMAIL)
    energy = make_area(
        name="Energy security",
        name_ja="エネルギー安全保障",
        slug="energy-security",
        description=FORMULA_AREA_DESCRIPTION,
    )
    minerals = make_area(name="Critical minerals", slug="critical-minerals")
    agency = make_organisation(
        name="Department of Public Works", name_ja="公共事業省", short_name="DPW", slug="dpw"
    )
    formula_body = make_organisation(name=FORMULA_BODY, slug="formula", country=Country.JAPAN)
    attendee_org = make_organisation(name=ATTENDEE_ORG, slug="canary-attendee")
    draft_org = make_organisation(name=DRAFT_ONLY_ORG, slug="canary-draft-addressee")
    canberra = make_workshop(
        title="Canberra workshop",
        slug="canberra",
        host=agency,
        summary="What was discussed, in public.",
        private_notes=MEETING_NOTE,
    )
    tokyo = make_workshop(
        title=FORMULA_WORKSHOP,
        title_ja="東京円卓会議",
        slug="tokyo",
        kind=WorkshopKind.ROUNDTABLE,
        city="Tokyo",
        country=Country.JAPAN,
        start_date=datetime.date(2025, 5, 1),
        end_date=datetime.date(2025, 5, 2),
    )
    plant_canary_people(
        meeting=canberra, other_meeting=tokyo, employer=agency, attendee_org=attendee_org
    )
    addressed = make_recommendation(
        code="AJ-2025-101",
        areas=[energy],
        workshops=[canberra],
        bodies=[agency, formula_body],
        status=Status.IN_PROGRESS,
        as_of=datetime.date(2025, 6, 1),
        summary="Work has started.",
        lead=Lead.AUSTRALIA,
        priority=Priority.HIGH,
        target_date=datetime.date(2024, 1, 1),
    )
    half_done = record_status_update(
        recommendation=addressed,
        status=Status.PARTIALLY_IMPLEMENTED,
        as_of=datetime.date(2025, 9, 1),
        summary=FORMULA_SUMMARY,
        summary_ja="半分が完了した。",
        evidence_urls="https://example.gov.au/evidence-1\nhttps://example.gov.au/evidence-2",
        private_note=UPDATE_NOTE,
        recorded_by=recorder,
    )
    # Written around the form's validation (a restore, raw SQL): never a public link.
    StatusUpdate.objects.filter(pk=half_done.pk).update(
        evidence_urls=half_done.evidence_urls + "\njavascript:alert(1)"
    )
    raised_in_tokyo = make_recommendation(
        code="AJ-2025-102",
        title="重要鉱物の備蓄",
        areas=[minerals, energy],
        workshops=[tokyo, canberra],
        bodies=[agency],
        status=Status.NOT_STARTED,
        lead=Lead.JAPAN,
    )
    unrecorded = make_recommendation(code="AJ-2025-103", priority=Priority.LOW)
    draft = make_canary_draft(
        areas=[energy, minerals], workshops=[canberra, tokyo], bodies=[draft_org, agency]
    )
    record_status_update(
        recommendation=draft,
        status=Status.IMPLEMENTED,
        as_of=datetime.date(2025, 10, 1),
        summary=DRAFT_SUMMARY,
        evidence_urls=DRAFT_EVIDENCE,
        recorded_by=recorder,
    )
    return {
        "areas": [energy, minerals],
        "bodies": [agency, formula_body],
        "workshops": [canberra, tokyo],
        "published": [addressed, raised_in_tokyo, unrecorded],
        "half_done": half_done,
    }


def download(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    raw = b"".join(response.streaming_content) if response.streaming else response.content
    return response, raw


def package_of(client, prefix=""):
    response = client.get(prefix + PACKAGE)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    return json.loads(response.content)


def local(url):
    """The test client's path for one of the package's absolute addresses."""
    parts = urlsplit(url)
    assert parts.netloc == "testserver"
    return parts.path + (f"?{parts.query}" if parts.query else "")


def rows_of(raw):
    return list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))


def records(client, name):
    """The rows of one of the package's files as {column: cell} dicts."""
    (resource,) = [r for r in package_of(client)["resources"] if r["name"] == name]
    header, *rows = rows_of(download(client, local(resource["path"]))[1])
    return [dict(zip(header, row, strict=True)) for row in rows]


def package_on_disk(client, directory):
    """datapackage.json and every file it names, fetched and written to `directory`,
    each resource's path pointing at its local copy; returns the descriptor."""
    package = package_of(client)
    for resource in package["resources"]:
        _response, raw = download(client, local(resource["path"]))
        (directory / f"{resource['name']}.csv").write_bytes(raw)
        resource["path"] = f"{resource['name']}.csv"
    (directory / "datapackage.json").write_text(json.dumps(package), encoding="utf-8")
    return package


def validate(directory):
    return frictionless.validate(str(directory / "datapackage.json"))


def errors_of(report):
    return report.flatten(["type", "note"])


# -- the package --------------------------------------------------------------------------


def test_the_package_and_its_files_are_valid_with_frictionless(client, open_data_world, tmp_path):
    package_on_disk(client, tmp_path)
    report = validate(tmp_path)
    assert report.valid, errors_of(report)
    rows = {task.name: task.stats["rows"] for task in report.tasks}
    # Every file was read and holds what the world made public.
    assert rows == {
        "recommendations": 3,
        "status-updates": 3,
        "policy-areas": 2,
        "bodies": 2,
        "workshops": 2,
        "recommendation-areas": 3,
        "recommendation-bodies": 3,
        "recommendation-workshops": 3,
    }


def test_foreign_keys_are_really_checked(client, open_data_world, tmp_path):
    """A link to an area the areas file lacks makes the package invalid: the validation
    above would have caught a file out of step with another."""
    package_on_disk(client, tmp_path)
    links = tmp_path / "recommendation-areas.csv"
    links.write_bytes(links.read_bytes() + b"AJ-2025-101,no-such-area\r\n")
    report = validate(tmp_path)
    assert not report.valid
    assert {error_type for error_type, _note in errors_of(report)} == {"foreign-key"}


def test_an_empty_tracker_is_a_valid_package_too(client, tmp_path):
    package_on_disk(client, tmp_path)
    report = validate(tmp_path)
    assert report.valid, errors_of(report)


def test_descriptor(client, open_data_world):
    package = package_of(client)
    assert package["profile"] == "tabular-data-package"
    assert package["name"] == "track15-recommendations"
    assert package["homepage"] == "http://testserver/data/"
    assert package["version"] == "1.0.0"
    assert datetime.datetime.fromisoformat(package["created"]).tzinfo is not None
    assert package["licenses"] == [
        {
            "name": "CC-BY-4.0",
            "title": "Creative Commons Attribution 4.0 International",
            "path": "https://creativecommons.org/licenses/by/4.0/",
        }
    ]
    assert [r["name"] for r in package["resources"]] == [r.name for r in RESOURCES]
    for resource in package["resources"]:
        assert resource["format"] == "csv"
        assert resource["mediatype"] == "text/csv"
        assert resource["encoding"] == "utf-8"
        assert resource["path"].startswith("http://testserver/")
    paths = {r["name"]: r["path"] for r in package["resources"]}
    # The recommendations are the public export itself, unfiltered.
    assert paths["recommendations"] == "http://testserver/recommendations/export.csv"
    assert paths["status-updates"] == "http://testserver/data/status-updates.csv"


def test_schemas_have_keys_constraints_and_foreign_keys(client, open_data_world):
    schemas = {r["name"]: r["schema"] for r in package_of(client)["resources"]}
    fields = {
        name: {field["name"]: field for field in schema["fields"]}
        for name, schema in schemas.items()
    }
    assert schemas["recommendations"]["primaryKey"] == ["code"]
    assert fields["recommendations"]["code"]["constraints"] == {"required": True, "unique": True}
    assert fields["recommendations"]["status"]["constraints"]["enum"] == [
        "Proposed",
        "Not started",
        "In progress",
        "Partially implemented",
        "Implemented",
        "Not accepted",
    ]
    assert fields["recommendations"]["overdue"]["type"] == "boolean"
    assert fields["recommendations"]["overdue"]["trueValues"] == ["yes"]
    assert fields["recommendations"]["target date"]["type"] == "date"
    assert fields["status-updates"]["recorded at"]["type"] == "datetime"
    assert fields["policy-areas"]["display order"]["type"] == "integer"
    assert schemas["recommendation-bodies"]["primaryKey"] == ["code", "body slug"]
    assert schemas["recommendation-bodies"]["foreignKeys"] == [
        {"fields": ["code"], "reference": {"resource": "recommendations", "fields": ["code"]}},
        {"fields": ["body slug"], "reference": {"resource": "bodies", "fields": ["slug"]}},
    ]
    assert schemas["status-updates"]["foreignKeys"] == [
        {"fields": ["code"], "reference": {"resource": "recommendations", "fields": ["code"]}}
    ]


def test_every_schema_names_its_file_header_exactly(client, open_data_world):
    for resource in package_of(client)["resources"]:
        _response, raw = download(client, local(resource["path"]))
        header = rows_of(raw)[0]
        assert header == [field["name"] for field in resource["schema"]["fields"]], resource["name"]


@override_settings(
    OPEN_DATA_LICENSE_NAME="ODC-By-1.0",
    OPEN_DATA_LICENSE_TITLE="Open Data Commons Attribution License v1.0",
    OPEN_DATA_LICENSE_URL="https://opendatacommons.org/licenses/by/1-0/",
)
def test_the_licence_is_the_operators(client):
    assert package_of(client)["licenses"] == [
        {
            "name": "ODC-By-1.0",
            "title": "Open Data Commons Attribution License v1.0",
            "path": "https://opendatacommons.org/licenses/by/1-0/",
        }
    ]
    page = client.get(PAGE).content.decode()
    assert (
        '<a href="https://opendatacommons.org/licenses/by/1-0/" rel="license">'
        "Open Data Commons Attribution License v1.0</a>"
    ) in page


@override_settings(OPEN_DATA_LICENSE_NAME="", OPEN_DATA_LICENSE_URL="")
def test_no_licence_named_is_said_not_invented(client):
    assert package_of(client)["licenses"] == []
    assert "No licence has been named" in client.get(PAGE).content.decode()


def test_the_japanese_package_points_at_the_same_english_files(client, open_data_world):
    english, japanese = package_of(client), package_of(client, "/ja")
    assert japanese["homepage"] == "http://testserver/ja/data/"
    for ours, theirs in zip(english["resources"], japanese["resources"], strict=True):
        assert theirs["path"] == ours["path"]
        assert [f["name"] for f in theirs["schema"]["fields"]] == [
            f["name"] for f in ours["schema"]["fields"]
        ]
        assert theirs["schema"]["primaryKey"] == ours["schema"]["primaryKey"]


# -- the files ----------------------------------------------------------------------------


OWN_FILES = [r for r in RESOURCES if r.url_name.startswith("opendata:")]


@pytest.mark.parametrize("resource", OWN_FILES, ids=lambda r: r.name)
def test_files_are_the_same_at_the_japanese_address(client, open_data_world, resource):
    url = reverse(resource.url_name)
    with translation.override("ja"):
        japanese_url = reverse(resource.url_name)
    assert japanese_url == "/ja" + url
    response, english = download(client, url)
    _response, japanese = download(client, japanese_url)
    assert japanese == english
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert resource.filename in response["Content-Disposition"]
    assert english.startswith(b"\xef\xbb\xbf")


def test_status_updates_are_the_public_log_of_published_recommendations(client, open_data_world):
    updates = records(client, "status-updates")
    half_done = open_data_world["half_done"]
    assert [(u["code"], u["as of"], u["status"]) for u in updates] == [
        # Each recommendation's updates together, newest first.
        ("AJ-2025-101", "2025-09-01", "Partially implemented"),
        ("AJ-2025-101", "2025-06-01", "In progress"),
        ("AJ-2025-102", "2025-07-01", "Not started"),
    ]
    first = updates[0]
    assert first["id"] == str(half_done.pk)
    assert first["summary"] == "'" + FORMULA_SUMMARY
    assert first["summary ja"] == "半分が完了した。"
    # http(s) only, as the recommendation's page links them.
    assert first["evidence links"] == (
        "https://example.gov.au/evidence-1; https://example.gov.au/evidence-2"
    )
    assert first["recorded at"] == half_done.recorded_at.astimezone(datetime.UTC).strftime(
        "%Y-%m-%dT%H:%M:%SZ"
    )
    assert first["link"] == f"http://testserver/recommendations/AJ-2025-101/#update-{half_done.pk}"
    assert set(first) == {
        "id",
        "code",
        "as of",
        "status",
        "summary",
        "summary ja",
        "evidence links",
        "recorded at",
        "link",
    }


def test_areas_bodies_and_workshops(client, open_data_world):
    areas = records(client, "policy-areas")
    assert areas[0] == {
        "slug": "energy-security",
        "name": "Energy security",
        "name ja": "エネルギー安全保障",
        "description": "'" + FORMULA_AREA_DESCRIPTION,
        "description ja": "",
        "display order": str(open_data_world["areas"][0].order),
        "link": "http://testserver/areas/energy-security/",
    }
    # Only those a published recommendation is addressed to (by name, in the collation's
    # order: "+" sorts before letters on SQLite, not on PostgreSQL).
    bodies = {body["slug"]: body for body in records(client, "bodies")}
    assert set(bodies) == {"formula", "dpw"}
    assert bodies["formula"]["name"] == "'" + FORMULA_BODY
    assert bodies["formula"]["country"] == "Japan"
    assert bodies["dpw"] == {
        "slug": "dpw",
        "name": "Department of Public Works",
        "name ja": "公共事業省",
        "short name": "DPW",
        "short name ja": "",
        "country": "Australia",
        "link": "http://testserver/bodies/dpw/",
    }
    workshops = records(client, "workshops")
    assert [w["slug"] for w in workshops] == ["canberra", "tokyo"]
    assert workshops[0]["host"] == "Department of Public Works"
    assert workshops[0]["host ja"] == "公共事業省"
    assert workshops[0]["summary"] == "What was discussed, in public."
    assert workshops[1]["title"] == "'" + FORMULA_WORKSHOP
    assert workshops[1]["title ja"] == "東京円卓会議"
    assert workshops[1]["kind"] == "Roundtable"
    assert (workshops[1]["start date"], workshops[1]["end date"]) == ("2025-05-01", "2025-05-02")


def test_link_tables_pair_published_codes_with_slugs(client, open_data_world):
    assert [(r["code"], r["area slug"]) for r in records(client, "recommendation-areas")] == [
        ("AJ-2025-101", "energy-security"),
        ("AJ-2025-102", "energy-security"),
        ("AJ-2025-102", "critical-minerals"),
    ]
    # By name within a code: the order of two names is the database's collation's.
    assert sorted(
        (r["code"], r["body slug"]) for r in records(client, "recommendation-bodies")
    ) == [("AJ-2025-101", "dpw"), ("AJ-2025-101", "formula"), ("AJ-2025-102", "dpw")]
    # In the order the meetings were held.
    assert [
        (r["code"], r["workshop slug"]) for r in records(client, "recommendation-workshops")
    ] == [
        ("AJ-2025-101", "canberra"),
        ("AJ-2025-102", "canberra"),
        ("AJ-2025-102", "tokyo"),
    ]


@pytest.mark.parametrize("resource", OWN_FILES, ids=lambda r: r.name)
def test_each_file_is_one_query_whatever_its_size(client, django_assert_num_queries, resource):
    url = reverse(resource.url_name)
    for count in (3, 30):
        make_tracker(count)
        # One SELECT of the file's rows, joined to what they name (PostgreSQL: a
        # server-side cursor, fetched 2,000 rows at a time).
        with django_assert_num_queries(1):
            _response, raw = download(client, url)
        assert len(rows_of(raw)) > count // 10


def test_the_package_and_the_page_read_nothing_from_the_database(
    client, open_data_world, django_assert_num_queries
):
    # Both are written from the description of the files alone; readers fetch the data.
    with django_assert_num_queries(0):
        package_of(client)
        assert client.get(PAGE).status_code == 200
        assert client.get("/ja" + PAGE).status_code == 200


@pytest.mark.parametrize("resource", OWN_FILES, ids=lambda r: r.name)
def test_files_are_read_only(client, resource):
    url = reverse(resource.url_name)
    assert client.head(url).status_code == 200
    assert client.post(url).status_code == 405
    assert client.post(PACKAGE).status_code == 405


# -- privacy ------------------------------------------------------------------------------


def assert_no_canary(url, text):
    lowered = text.lower()
    leaked = [canary for canary in ALL_CANARIES if canary.lower() in lowered]
    assert leaked == [], f"{url} shows {leaked}"


def test_no_canary_in_any_file_the_package_or_the_page(client, open_data_world):
    urls = [PACKAGE, "/ja" + PACKAGE, PAGE, "/ja" + PAGE]
    for resource in package_of(client)["resources"]:
        urls.append(local(resource["path"]))
    for resource in OWN_FILES:
        with translation.override("ja"):
            urls.append(reverse(resource.url_name))
    checked = 0
    for url in urls:
        response, raw = download(client, url)
        headers = "\n".join(f"{name}: {value}" for name, value in response.items())
        assert_no_canary(url, headers + "\n" + raw.decode("utf-8-sig"))
        checked += 1
    assert checked == 4 + 8 + 7


def test_the_private_columns_are_never_read(client, open_data_world):
    """Not just absent from the output: the SQL names no private column or table."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for resource in OWN_FILES:
        with CaptureQueriesContext(connection) as queries:
            download(client, reverse(resource.url_name))
        sql = " ".join(query["sql"] for query in queries.captured_queries).lower()
        for private in ("private_note", "recorded_by", "participant", "attendance", "email"):
            assert private not in sql, (resource.name, private)


# -- the page -----------------------------------------------------------------------------


@pytest.mark.parametrize("prefix", ["", "/ja"])
def test_the_page_documents_every_file_and_column(client, open_data_world, prefix):
    response = client.get(prefix + PAGE)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/html; charset=utf-8"
    html = response.content.decode()
    assert f'<html lang="{"ja" if prefix else "en"}">' in html
    # The package in the page's language: its titles and descriptions are.
    assert f'href="http://testserver{prefix}/data/datapackage.json"' in html
    for resource in package_of(client)["resources"]:
        # The English address of each file, whatever the page's language.
        assert f'href="{resource["path"]}"' in html, resource["name"]
        assert f'id="file-{resource["name"]}"' in html
        for field in resource["schema"]["fields"]:
            assert f"{field['name']}</" in html, (resource["name"], field["name"])
    assert 'href="http://testserver/recommendations/export.csv"' in html


def test_the_page_links_the_other_open_data(client):
    html = client.get(PAGE).content.decode()
    for name in ("updates_feed", "recommendation_xlsx", "recommendation_list"):
        assert f'href="{reverse(f"recommendations:{name}")}"' in html, name
    # Loading examples name real addresses.
    assert 'pd.read_csv("http://testserver/recommendations/export.csv")' in html
    assert 'validate("http://testserver/data/datapackage.json")' in html
    assert (
        '<meta name="description" content="The Australia–Japan Track 1.5 recommendations as open data'
        in html
    )


def test_the_page_links_the_api_once_it_has_a_front_page(client):
    """The API is being built beside this: linked as soon as it names its front page."""
    html = client.get(PAGE).content.decode()
    api = api_url()
    if api is None:
        assert "JSON API" not in html
    else:
        assert f'href="{api}"' in html
