"""The table the API's rate limit counts in (settings.API_THROTTLE_CACHE, a DatabaseCache),
created with every `migrate` so that no deployment step can forget it."""

from django.core.management import call_command
from django.db import migrations


def create_cache_tables(apps, schema_editor):
    # Creates every missing cache table of settings.CACHES; existing ones are left alone.
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


class Migration(migrations.Migration):
    dependencies = [("recommendations", "0011_page_cache_table")]

    operations = [migrations.RunPython(create_cache_tables, migrations.RunPython.noop)]
