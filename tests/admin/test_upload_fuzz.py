"""Fuzzed uploads to the admin's import page: never a server error, never a write; files
that are not CSV are refused with a message, and a POST without a CSRF token is forbidden."""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, override_settings
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from tests.fuzzing import FUZZ, HEADER, any_file, counts

pytestmark = pytest.mark.django_db


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


def test_arbitrary_uploads_never_cause_a_server_error_or_a_write(fuzz_targets, officer_client):
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
    fuzz_targets, officer_client, name, data, content_type
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
def test_an_oversized_upload_is_refused_before_it_is_read(fuzz_targets, officer_client):
    before = counts()
    upload = SimpleUploadedFile("big.csv", (HEADER + "\n").encode() + b"x" * 2048)
    response = officer_client.post(import_url(), {"file": upload})
    assert response.status_code == 200
    assert "file" in response.context["form"].errors
    assert counts() == before


def test_a_post_without_a_csrf_token_is_forbidden(fuzz_targets, officer):
    client = Client(enforce_csrf_checks=True)
    client.force_login(officer)
    upload = SimpleUploadedFile("outcomes.csv", (HEADER + "\n").encode())
    before = counts()
    assert client.post(import_url(), {"file": upload}).status_code == 403
    assert counts() == before


def test_a_commit_without_a_csrf_token_is_forbidden(fuzz_targets, officer):
    client = Client(enforce_csrf_checks=True)
    client.force_login(officer)
    before = counts()
    response = client.post(import_url(), {"payload": "anything"})
    assert response.status_code == 403
    assert counts() == before
