"""Friendly error pages in the site's layout."""

import pytest
from django.template import loader
from django.test import RequestFactory, override_settings
from django.urls import reverse
from django.views.defaults import server_error


@pytest.mark.django_db
@override_settings(DEBUG=False)
def test_not_found_page_is_friendly_and_in_the_layout(client):
    response = client.get("/recommendations/AJ-0000-000/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Page not found" in html
    assert '<main id="main"' in html
    assert f'href="{reverse("recommendations:recommendation_list")}"' in html


def test_server_error_page_renders_without_request_or_database():
    # Django renders 500.html with an empty context and no request. No django_db mark:
    # touching the database (which may be what failed) would fail this test.
    html = loader.get_template("500.html").render()
    assert "Something went wrong" in html
    assert '<main id="main"' in html
    assert 'lang="en"' in html


def test_server_error_handler_answers_500_with_the_page():
    response = server_error(RequestFactory().get("/"))
    assert response.status_code == 500
    assert "Something went wrong" in response.content.decode()
