"""Response headers that no installed library sets."""

from django.conf import settings


def permissions_policy_value(policy):
    """{"camera": [], "fullscreen": ["self"]} -> 'camera=(), fullscreen=(self)'."""
    return ", ".join(f"{feature}=({' '.join(allow)})" for feature, allow in policy.items())


class PermissionsPolicyMiddleware:
    """Sends settings.PERMISSIONS_POLICY as the Permissions-Policy header on every response."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.value = permissions_policy_value(getattr(settings, "PERMISSIONS_POLICY", {}))

    def __call__(self, request):
        response = self.get_response(request)
        if self.value:
            response.headers.setdefault("Permissions-Policy", self.value)
        return response
