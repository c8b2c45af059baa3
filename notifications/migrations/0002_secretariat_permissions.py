"""Let the Secretariat, and only it, see and delete subscribers and the outbox.

Subscribers' addresses are personal data: Reviewers, who read everything else the
secretariat records, are not given them.
"""

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.db import migrations

SECRETARIAT = "Secretariat"
CODENAMES = ("view_subscription", "delete_subscription", "view_message", "delete_message")


def grant(apps, schema_editor):
    using = schema_editor.connection.alias
    create_permissions(
        global_apps.get_app_config("notifications"), apps=apps, verbosity=0, using=using
    )
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = list(
        Permission.objects.using(using).filter(
            content_type__app_label="notifications", codename__in=CODENAMES
        )
    )
    if len(permissions) != len(CODENAMES):
        raise RuntimeError("Permissions missing for the notifications admin")
    group, _ = Group.objects.using(using).get_or_create(name=SECRETARIAT)
    group.permissions.add(*permissions)


def revoke(apps, schema_editor):
    using = schema_editor.connection.alias
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    for group in Group.objects.using(using).filter(name=SECRETARIAT):
        group.permissions.remove(
            *Permission.objects.using(using).filter(
                content_type__app_label="notifications", codename__in=CODENAMES
            )
        )


class Migration(migrations.Migration):
    dependencies = [
        ("notifications", "0001_initial"),
        ("recommendations", "0002_secretariat_group"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
