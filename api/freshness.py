"""ETag, Last-Modified and the cache key of an API answer, from one small query.

An answer depends only on its address (path and query string), its language, the day
(overdue moves at midnight), the data and the code that writes it. The data's state is
the one recommendations.page_cache reads: every write leaves a row in an audit table, so
the highest row id of each (the data version) changes with every write, and the latest
row's time is when the data last changed.
"""

import datetime
import hashlib
from dataclasses import dataclass
from pathlib import Path

from django.apps import apps
from django.db import connection
from django.utils import timezone


def _code_digest():
    # A deployment that changes what the API writes must not leave clients holding an
    # old answer that a 304 says is still current.
    digest = hashlib.sha256()
    for source in sorted(Path(__file__).parent.glob("*.py")):
        digest.update(source.read_bytes())
    return digest.hexdigest()[:16]


CODE_DIGEST = _code_digest()


def _audit_tables():
    # The same tables, in the same order, as recommendations.page_cache.data_version.
    return sorted(
        model.history.model._meta.db_table
        for model in apps.get_app_config("recommendations").get_models()
        if hasattr(model, "history")
    )


def _as_datetime(value):
    if value is None or isinstance(value, datetime.datetime):
        return value
    # SQLite hands back a subquery's datetime as the text it stores (UTC).
    parsed = datetime.datetime.fromisoformat(value)
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=datetime.UTC)


def data_state():
    """(data version, time of the latest write or None) in one query of one row, each
    figure read from an index (history_id and history_date are both indexed)."""
    qn = connection.ops.quote_name
    tables = _audit_tables()
    columns = [f"(SELECT MAX({qn('history_id')}) FROM {qn(t)})" for t in tables] + [
        f"(SELECT MAX({qn('history_date')}) FROM {qn(t)})" for t in tables
    ]
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {', '.join(columns)}")  # noqa: S608 - names from the models
        row = cursor.fetchone()
    ids, times = row[: len(tables)], row[len(tables) :]
    version = "-".join(str(value or 0) for value in ids)
    written = [moment for moment in map(_as_datetime, times) if moment is not None]
    return version, max(written, default=None)


@dataclass(frozen=True)
class Freshness:
    etag: str  # quoted, as the header carries it
    last_modified: datetime.datetime
    cache_key: str

    @property
    def last_modified_timestamp(self):
        return int(self.last_modified.timestamp())


def freshness_of(request, language):
    version, written = data_state()
    today = timezone.localdate()
    # The answer can also change at midnight, when recommendations fall overdue.
    midnight = timezone.make_aware(datetime.datetime.combine(today, datetime.time.min))
    last_modified = max(written, midnight) if written else midnight
    parts = [
        CODE_DIGEST,
        # Answers carry absolute addresses: one host's never stand for another's.
        request.scheme,
        request.get_host(),
        language,
        today.isoformat(),
        version,
        request.get_full_path(),
    ]
    digest = hashlib.sha256("\n".join(parts).encode()).hexdigest()
    return Freshness(
        etag=f'"{digest[:32]}"',
        last_modified=last_modified.replace(microsecond=0),
        cache_key=f"api:{digest}",
    )
