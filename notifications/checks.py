from django.conf import settings
from django.core.checks import Warning, register

FILE_BACKEND = "django.core.mail.backends.filebased.EmailBackend"


@register(deploy=True)
def emails_are_sent(app_configs, **kwargs):
    """In production, emails written to files reach nobody: say so at `check --deploy`."""
    if settings.EMAIL_BACKEND != FILE_BACKEND:
        return []
    return [
        Warning(
            "Emails are written to files, not sent.",
            hint="Set EMAIL_HOST (and its port and login) so confirmations, digests and "
            "reminders reach people.",
            id="notifications.W001",
        )
    ]
