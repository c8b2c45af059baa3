"""Trigram indexes for the Japanese text the search reads (see 0006 for the English ones).

pg_trgm counts CJK characters as word characters under the database's UTF-8 ctype,
so a Japanese phrase of three or more characters narrows the search through these
indexes just as an English word does.
"""

from django.db import migrations

TRIGRAM_INDEXES = [
    ("recommendation_title_ja_trgm", "recommendations_recommendation", "title_ja"),
    ("recommendation_text_ja_trgm", "recommendations_recommendation", "text_ja"),
    ("statusupdate_summary_ja_trgm", "recommendations_statusupdate", "summary_ja"),
]


def create_trigram_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for name, table, column in TRIGRAM_INDEXES:
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {name} ON {table} "
            f'USING gin ((UPPER("{column}"::text)) gin_trgm_ops)'
        )


def drop_trigram_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, _table, _column in TRIGRAM_INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [
        ("recommendations", "0008_bilingual_fields"),
    ]

    operations = [
        migrations.RunPython(create_trigram_indexes, drop_trigram_indexes),
    ]
