"""The table of the shared page cache (settings.CACHES["pages"], a DatabaseCache), created
with every `migrate` so that no deployment step can forget it."""

from django.core.management import call_command
from django.db import migrations


def create_cache_table(apps, schema_editor):
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


class Migration(migrations.Migration):
    dependencies = [("recommendations", "0010_status_log_indexes")]

    operations = [migrations.RunPython(create_cache_table, migrations.RunPython.noop)]
