"""Indexes that keep public pages fast at 100,000 recommendations.

The facet index lets PostgreSQL count by status, lead and priority from the index
alone. On PostgreSQL, trigram indexes serve the text search (`icontains` compiles to
UPPER(column::text) LIKE UPPER(...), so the indexes are on that same expression).
SQLite has no trigram indexes; there the search scans, which is fine at its scale.
"""

from django.db import migrations, models

TRIGRAM_INDEXES = [
    ("recommendation_code_trgm", "recommendations_recommendation", "code"),
    ("recommendation_title_trgm", "recommendations_recommendation", "title"),
    ("recommendation_text_trgm", "recommendations_recommendation", "text"),
    ("statusupdate_summary_trgm", "recommendations_statusupdate", "summary"),
]


def create_trigram_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for name, table, column in TRIGRAM_INDEXES:
        schema_editor.execute(
            f'CREATE INDEX IF NOT EXISTS {name} ON {table} '
            f'USING gin ((UPPER("{column}"::text)) gin_trgm_ops)'
        )


def drop_trigram_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, _table, _column in TRIGRAM_INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [
        ("recommendations", "0005_reviewer_group"),
    ]

    operations = [
        migrations.RemoveIndex(
            model_name="recommendation",
            name="recommendat_is_publ_51d40c_idx",
        ),
        migrations.AddIndex(
            model_name="recommendation",
            index=models.Index(
                fields=["is_published", "status", "lead", "priority", "target_date", "id"],
                name="recommendation_facets",
            ),
        ),
        migrations.RunPython(create_trigram_indexes, drop_trigram_indexes),
    ]
