"""`manage.py create_local_admin`: the superuser `make run` signs the demo in with.

The password is random and printed once, so no shared default password ever exists. A
second run leaves the account alone and prints nothing secret: the password shown the
first time still works (or use `manage.py changepassword admin`).
"""

import secrets

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from recommendations.management.language import TranslatedCommand

SECRETARIAT_GROUP = "Secretariat"


def boxed(lines):
    """The lines inside a frame of `#`, so the password stands out in a scrolling terminal."""
    width = max(len(line) for line in lines)
    edge = "#" * (width + 6)
    return "\n".join([edge, *(f"#  {line.ljust(width)}  #" for line in lines), edge])


class Command(TranslatedCommand):
    help = gettext_lazy(
        "Create the local superuser (default `admin`) and print its random password once."
    )

    def add_arguments(self, parser):
        parser.add_argument("--username", default="admin")
        parser.add_argument("--email", default="admin@localhost")
        parser.add_argument("--url", default="", help=_("Where to sign in, shown in the box."))

    @transaction.atomic
    def handle(self, *args, username, email, url, **options):
        users = get_user_model()
        if users.objects.filter(username=username).exists():
            self.stdout.write(
                _(
                    "Sign in at %(url)s as %(username)s with the password shown the first time. "
                    "To set a new one: .venv/bin/python manage.py changepassword %(username)s"
                )
                % {"username": username, "url": url or "/admin/"}
            )
            return
        password = secrets.token_urlsafe(12)
        user = users.objects.create_superuser(username, email, password)
        group = Group.objects.filter(name=SECRETARIAT_GROUP).first()
        if group is not None:
            user.groups.add(group)
        self.stdout.write(
            boxed(
                [
                    _("Local admin account created (shown this once only)"),
                    "",
                    *([_("sign in at: %(url)s") % {"url": url}] if url else []),
                    _("username: %(username)s") % {"username": username},
                    _("password: %(password)s") % {"password": password},
                ]
            )
        )
