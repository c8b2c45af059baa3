"""The API's OpenAPI document and its documentation page.

The document is generated without a warning, every path it names answers as it says
(each answer is validated against the documented schema), and the Swagger UI page runs
under the site's Content-Security-Policy: only files from this site, nothing inline.
"""

import re

import jsonschema
import pytest
from django.contrib.staticfiles import finders
from django.core.management import call_command
from django.urls import reverse

pytestmark = pytest.mark.django_db

SCHEMA = reverse("api:schema")
DOCS = reverse("api:docs")


def test_the_schema_generates_and_validates_without_a_warning(tmp_path):
    # --fail-on-warn turns any warning (an untyped field, a guessed parameter, a
    # name collision) into an error.
    call_command(
        "spectacular", "--validate", "--fail-on-warn", "--file", str(tmp_path / "schema.yml")
    )
    text = (tmp_path / "schema.yml").read_text()
    assert text.startswith("openapi: 3.")
    assert "/api/v1/recommendations/{code}/" in text


def openapi(client, prefix=""):
    response = client.get(f"{prefix}{SCHEMA}?format=json")
    assert response.status_code == 200
    return response.json()


def example_keys(public_site):
    recommendation = public_site["published"][0]
    return {
        "code": recommendation.code,
        "slug": None,  # by section, below
        "id": str(recommendation.status_updates.first().pk),
    }


SLUG_BY_SECTION = {"areas": "critical-minerals", "bodies": "dfat", "workshops": "canberra-2025"}


def concrete(path, keys):
    """A documented path with a real record's key in place of each {parameter}."""
    section = path.removeprefix("/ja").split("/")[3]
    return re.sub(
        r"\{(\w+)\}",
        lambda m: SLUG_BY_SECTION[section] if m.group(1) == "slug" else keys[m.group(1)],
        path,
    )


def json_schema(document, schema):
    """An OpenAPI 3.0 schema as JSON Schema: `nullable` becomes a null alternative."""
    if isinstance(schema, list):
        return [json_schema(document, item) for item in schema]
    if not isinstance(schema, dict):
        return schema
    converted = {key: json_schema(document, value) for key, value in schema.items()}
    if converted.pop("nullable", False):
        return {"anyOf": [converted, {"type": "null"}]}
    return converted


def validator(document, schema):
    root = {"components": json_schema(document, document["components"])}
    return jsonschema.Draft7Validator({**json_schema(document, schema), **root})


def test_every_documented_path_answers_with_what_the_schema_documents(client, public_site):
    document = openapi(client)
    keys = example_keys(public_site)
    assert len(document["paths"]) == 11
    for path, operations in document["paths"].items():
        assert set(operations) == {"get"}, path
        url = concrete(path, keys)
        response = client.get(url)
        assert response.status_code == 200, url
        documented = operations["get"]["responses"]["200"]["content"]["application/json"]
        errors = list(validator(document, documented["schema"]).iter_errors(response.json()))
        assert errors == [], (url, [error.message for error in errors[:3]])
        # The refusals are documented too, in one shape.
        assert "429" in operations["get"]["responses"], path


def test_a_refusal_matches_the_documented_error(client, public_site):
    document = openapi(client)
    response = client.get(reverse("api:recommendation-list") + "?as_of=soon")
    refusal = document["paths"]["/api/v1/recommendations/"]["get"]["responses"]["400"]
    schema = refusal["content"]["application/json"]["schema"]
    assert list(validator(document, schema).iter_errors(response.json())) == []


def test_the_list_documents_exactly_the_html_lists_parameters(client, public_site):
    from recommendations.public.filters import RecommendationFilter

    document = openapi(client)
    parameters = document["paths"]["/api/v1/recommendations/"]["get"]["parameters"]
    names = {p["name"] for p in parameters}
    assert names == set(RecommendationFilter.base_filters) | {"page_size"}
    status = next(p for p in parameters if p["name"] == "status")
    assert status["schema"]["type"] == "array"
    assert status["explode"] is True


def test_the_schema_in_japanese_names_the_japanese_addresses(client, public_site):
    document = openapi(client, "/ja")
    keys = example_keys(public_site)
    assert len(document["paths"]) == 11
    for path in document["paths"]:
        assert path.startswith("/ja/api/v1/"), path
        response = client.get(concrete(path, keys))
        assert response.status_code == 200, path
        assert response["Content-Language"] == "ja"


def test_the_schema_is_yaml_unless_json_is_asked_for(client):
    response = client.get(SCHEMA)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.oai.openapi")
    assert response.content.startswith(b"openapi: 3.")
    by_header = client.get(SCHEMA, HTTP_ACCEPT="application/json")
    assert by_header.json()["info"]["title"] == "Track 1.5 Recommendations Tracker API"


# -- the documentation page ---------------------------------------------------------------


def test_the_docs_page_loads_only_files_from_this_site_and_nothing_inline(client):
    response = client.get(DOCS)
    assert response.status_code == 200
    html = response.content.decode()
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy
    # No inline script, no style element or attribute: the policy would block them.
    assert re.findall(r"<script(?![^>]*\bsrc=)", html) == []
    assert "<style" not in html
    assert "style=" not in html
    assert '<html lang="en">' in html
    # Every file is this site's own: the Swagger UI files come from drf-spectacular-sidecar.
    addresses = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert not [a for a in addresses if a.startswith(("http:", "https:", "//"))]
    static = [a for a in addresses if a.startswith("/static/")]
    assert len(static) >= 4  # the stylesheets, the two bundles, the icon
    for address in static:
        assert finders.find(address.removeprefix("/static/")), address


def test_the_docs_script_is_a_file_that_points_at_the_schema(client):
    html = client.get(DOCS).content.decode()
    (script,) = [
        src.replace("&amp;", "&")
        for src in re.findall(r'<script src="([^"]+)"', html)
        if src.startswith(DOCS)
    ]
    response = client.get(script)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/javascript")
    body = response.content.decode()
    assert "SwaggerUIBundle(" in body
    assert f'"{SCHEMA}"' in body.replace("\\u002D", "-")
    assert "csrf" not in body.lower()


def test_the_docs_in_japanese(client):
    html = client.get("/ja" + DOCS).content.decode()
    assert '<html lang="ja">' in html
    script = re.search(r'<script src="(/ja/api/v1/docs/\?[^"]*)"', html).group(1)
    body = client.get(script.replace("&amp;", "&")).content.decode()
    assert "/ja/api/v1/schema/" in body.replace("\\u002F", "/").replace("\\u002D", "-")
