"""The page a locked-out admin login gets (django-axes calls locked_out)."""

from django.conf import settings
from django.shortcuts import render


def locked_out(request, original_response=None, credentials=None):
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    # 429 Too Many Requests: the attempt was refused, whatever password it carried.
    return render(
        request,
        "axes/lockout.html",
        {"cooloff_minutes": minutes, "failure_limit": settings.AXES_FAILURE_LIMIT},
        status=429,
    )
