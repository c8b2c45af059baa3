"""Create the Secretariat group with exactly the permissions its admin work needs.

Every install gets the group, so a new officer only has to be added to it.
Permissions are normally created by post_migrate, after all migrations have
run; this migration creates them first so it can grant them on a fresh database.
"""

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP = "Secretariat"

FULL = ("view", "add", "change", "delete")
# The implementation log is append-only: no change, no delete, for anyone in the group.
PERMISSIONS = {
    "workshop": FULL,
    "organisation": FULL,
    "participant": FULL,
    "attendance": FULL,
    "policyarea": FULL,
    "recommendation": FULL,
    "recommendationarea": FULL,
    "raisedat": FULL,
    "responsiblebody": FULL,
    "statusupdate": ("view", "add"),
}


def create_group(apps, schema_editor):
    using = schema_editor.connection.alias
    create_permissions(
        global_apps.get_app_config("recommendations"), apps=apps, verbosity=0, using=using
    )
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    wanted = {f"{action}_{model}" for model, actions in PERMISSIONS.items() for action in actions}
    permissions = list(
        Permission.objects.using(using).filter(
            content_type__app_label="recommendations", codename__in=wanted
        )
    )
    missing = wanted - {permission.codename for permission in permissions}
    if missing:
        raise RuntimeError(f"Permissions missing for the Secretariat group: {sorted(missing)}")
    group, _ = Group.objects.using(using).get_or_create(name=GROUP)
    group.permissions.set(permissions)


def delete_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.using(schema_editor.connection.alias).filter(
        name=GROUP
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("recommendations", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_group, delete_group)]
