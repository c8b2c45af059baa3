"""Fuzzed input: arbitrary query strings and arbitrary files never cause a server error,
and a refused import writes nothing.

Example counts are kept modest so the suite stays fast; each property still tries dozens of
query strings or files per run, and hypothesis remembers failing ones between runs.
"""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, override_settings
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from recommendations import importer
from recommendations.choices import Status
from recommendations.models import (
    RaisedAt,
    Recommendation,
    RecommendationArea,
    ResponsibleBody,
    StatusUpdate,
)
from tests.factories import make_area, make_organisation, make_recommendation, make_workshop

pytestmark = pytest.mark.django_db

FUZZ = settings(
    max_examples=50,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

PARAMETERS = [
    "area",
    "status",
    "workshop",
    "lead",
    "body",
    "priority",
    "overdue",
    "q",
    "sort",
    "page",
]

# Nasty values: control characters and NUL, markup, far-away unicode, very long text.
nasty_text = st.one_of(
    st.text(max_size=40),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=40),
    st.sampled_from(
        [
            "\x00",
            "<script>alert(1)</script>",
            "' OR 1=1 --",
            "%00",
            "%ff%fe",
            "0",
            "-1",
            "1e999999",
            "99999999999999999999999",
            "\u202etxt.exe",
            "𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
            "経済安全保障",
        ]
    ),
    st.text(min_size=1, max_size=3).map(lambda s: s * 2000),
)


def percent_encoded(text):
    return "".join(f"%{byte:02X}" for byte in text.encode("utf-8", "surrogatepass"))


raw_pair = st.tuples(st.one_of(st.sampled_from(PARAMETERS), nasty_text), nasty_text)
# A query string as a browser or an attacker could send it: properly encoded pairs,
# repeated keys, raw fragments with broken percent escapes and stray separators.
query_strings = st.one_of(
    st.lists(raw_pair, max_size=12).map(
        lambda pairs: "&".join(f"{percent_encoded(k)}={percent_encoded(v)}" for k, v in pairs)
    ),
    st.lists(
        st.one_of(
            st.text(alphabet="=&%;+?#abcdefz0129", max_size=30),
            st.sampled_from(["%", "%Z", "%ff", "%c3%28", "page=%00", "&&&", "=" * 50]),
        ),
        max_size=8,
    ).map("".join),
)


@pytest.fixture
def published():
    area = make_area(slug="energy")
    workshop = make_workshop(slug="canberra")
    body = make_organisation(slug="agency")
    for _ in range(3):
        make_recommendation(
            areas=[area], workshops=[workshop], bodies=[body], status=Status.IN_PROGRESS
        )
    return area


def get_fully(client, path, query):
    response = client.get(path, QUERY_STRING=query)
    if response.streaming:
        b"".join(response.streaming_content)  # errors inside a stream count too
    return response


@pytest.mark.parametrize(
    "path",
    [
        "/recommendations/",
        "/areas/energy/",
        "/recommendations/export.csv",
        "/updates.atom",
    ],
)
def test_no_query_string_causes_a_server_error(client, published, path):
    @FUZZ
    @given(query=query_strings)
    def property(query):
        response = get_fully(client, path, query)
        assert response.status_code < 500, query
        assert response.status_code in (200, 400), query

    property()


# -- the import ---------------------------------------------------------------------------


def counts():
    return (
        Recommendation.objects.count(),
        StatusUpdate.objects.count(),
        RecommendationArea.objects.count(),
        RaisedAt.objects.count(),
        ResponsibleBody.objects.count(),
        Recommendation.history.count(),
    )


HEADER = (
    "code,title,text,rationale,policy areas,raised at,responsible bodies,lead,priority,"
    "target date,published,status,status as of,status summary"
)
cell = st.one_of(
    nasty_text,
    st.sampled_from(["AJ-2025-001", "energy", "canberra", "agency", "au", "high", "2025-07-01"]),
)
# Files that look like the template but carry arbitrary cells, and files of arbitrary bytes.
csv_like = st.lists(st.lists(cell, min_size=1, max_size=16), max_size=6).map(
    lambda rows: (
        HEADER
        + "\n"
        + "\n".join(",".join(f'"{c.replace(chr(34), chr(34) * 2)}"' for c in row) for row in rows)
    ).encode("utf-8", "surrogatepass")
)
any_file = st.one_of(st.binary(max_size=2000), csv_like)


def test_arbitrary_files_never_break_the_import_service(published, secretariat_user):
    @FUZZ
    @given(data=any_file)
    def property(data):
        plan = importer.plan_import(data)  # never raises, whatever the bytes
        before = counts()
        try:
            importer.commit_import(data, user=secretariat_user)
        except importer.ImportRefused:
            assert not plan.can_commit
            assert counts() == before  # all or nothing: refused means untouched
        else:
            assert plan.can_commit

    property()


def test_an_error_in_the_last_row_leaves_everything_untouched(published, secretariat_user):
    rows = [
        f"AJ-2030-{n:03d},Title {n},Text,,energy,canberra,agency,au,high,2030-01-01,yes,"
        "in_progress,2025-07-01,Started"
        for n in range(1, 30)
    ]
    rows.append("AJ-2030-999,Bad row,Text,,no-such-area,canberra,agency,au,high,2030-01-01,yes,,,")
    data = (HEADER + "\n" + "\n".join(rows)).encode()
    before = counts()
    with pytest.raises(importer.ImportRefused):
        importer.commit_import(data, user=secretariat_user)
    assert counts() == before


# -- the admin upload ---------------------------------------------------------------------


def import_url():
    return reverse("admin:recommendations_recommendation_import")


def png_bytes():
    return (
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
    )


def zip_bytes():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("recommendations.csv", HEADER + "\n")
    return buffer.getvalue()


@pytest.fixture
def officer_client(client, secretariat_user):
    client.force_login(secretariat_user)
    return client


def test_arbitrary_uploads_never_cause_a_server_error_or_a_write(published, officer_client):
    @FUZZ
    @given(data=any_file, name=st.sampled_from(["outcomes.csv", "x.png", "", "a" * 300]))
    def property(data, name):
        before = counts()
        upload = SimpleUploadedFile(name or "upload", data, content_type="text/csv")
        response = officer_client.post(import_url(), {"file": upload})
        assert response.status_code == 200  # the form with its errors, or the preview
        assert counts() == before  # uploading only previews

    property()


@pytest.mark.parametrize(
    "name, data, content_type",
    [
        ("logo.png", png_bytes(), "image/png"),
        ("outcomes.zip", zip_bytes(), "application/zip"),
        ("outcomes.xlsx", zip_bytes(), "application/vnd.ms-excel"),
        ("outcomes.csv", "経済安全保障".encode("utf-16"), "text/csv"),
    ],
)
def test_files_that_are_not_csv_are_refused_with_a_message(
    published, officer_client, name, data, content_type
):
    before = counts()
    upload = SimpleUploadedFile(name, data, content_type=content_type)
    response = officer_client.post(import_url(), {"file": upload})
    assert response.status_code == 200
    assert not response.context.get("commit_form")
    plan = response.context.get("plan")
    form = response.context.get("form")
    assert (plan is not None and plan.problems) or (form is not None and form.errors)
    assert counts() == before


@override_settings(IMPORT_MAX_BYTES=1024)
def test_an_oversized_upload_is_refused_before_it_is_read(published, officer_client):
    before = counts()
    upload = SimpleUploadedFile("big.csv", (HEADER + "\n").encode() + b"x" * 2048)
    response = officer_client.post(import_url(), {"file": upload})
    assert response.status_code == 200
    assert "file" in response.context["form"].errors
    assert counts() == before


def test_a_post_without_a_csrf_token_is_forbidden(published, secretariat_user):
    client = Client(enforce_csrf_checks=True)
    client.force_login(secretariat_user)
    upload = SimpleUploadedFile("outcomes.csv", (HEADER + "\n").encode())
    before = counts()
    assert client.post(import_url(), {"file": upload}).status_code == 403
    assert counts() == before


def test_a_commit_without_a_csrf_token_is_forbidden(published, secretariat_user):
    client = Client(enforce_csrf_checks=True)
    client.force_login(secretariat_user)
    before = counts()
    response = client.post(import_url(), {"payload": "anything"})
    assert response.status_code == 403
    assert counts() == before
