"""Browsable documentation (Swagger UI) that runs under the site's Content-Security-Policy:
every script and style is a file from this site (drf-spectacular-sidecar), none inline."""

from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from .base import ApiView


class Schema(ApiView, SpectacularAPIView):
    """The OpenAPI 3 document (YAML; JSON with ?format=json or Accept: application/json)."""

    content_negotiation_class = SpectacularAPIView.content_negotiation_class


class Docs(ApiView, SpectacularSwaggerSplitView):
    # The package's page carries an inline <style> and its script a CSRF token (no form
    # here posts anything): ours are a stylesheet file and a script with neither.
    template_name = "api/docs.html"
    template_name_js = "api/docs.js"
    url_name = "api:schema"
    content_negotiation_class = SpectacularSwaggerSplitView.content_negotiation_class
