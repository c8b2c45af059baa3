"""Create the Reviewer group (read-only staff) and let both groups read the audit trail.

Reviewers see everything the secretariat records, drafts and history included, and change
nothing: they hold the view permission of every model of the tracker and no other.
Permissions are created here first, as in 0002, so the grant works on a fresh database.
"""

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.db import migrations

REVIEWER = "Reviewer"
SECRETARIAT = "Secretariat"


def view_permissions(apps, using):
    create_permissions(
        global_apps.get_app_config("recommendations"), apps=apps, verbosity=0, using=using
    )
    Permission = apps.get_model("auth", "Permission")
    return Permission.objects.using(using).filter(
        content_type__app_label="recommendations", codename__startswith="view_"
    )


def grant(apps, schema_editor):
    using = schema_editor.connection.alias
    Group = apps.get_model("auth", "Group")
    views = list(view_permissions(apps, using))
    if not any(p.codename.startswith("view_historical") for p in views):
        raise RuntimeError("The audit trail's view permissions are missing")
    reviewer, _ = Group.objects.using(using).get_or_create(name=REVIEWER)
    reviewer.permissions.set(views)
    secretariat, _ = Group.objects.using(using).get_or_create(name=SECRETARIAT)
    secretariat.permissions.add(*(p for p in views if p.codename.startswith("view_historical")))


def revoke(apps, schema_editor):
    using = schema_editor.connection.alias
    Group = apps.get_model("auth", "Group")
    Group.objects.using(using).filter(name=REVIEWER).delete()
    secretariat = Group.objects.using(using).filter(name=SECRETARIAT).first()
    if secretariat is not None:
        secretariat.permissions.remove(
            *secretariat.permissions.filter(codename__startswith="view_historical")
        )


class Migration(migrations.Migration):
    dependencies = [
        ("recommendations", "0004_recommendation_version"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
