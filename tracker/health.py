"""`/healthz`: is this instance fit to serve? For load balancers and the compose healthcheck.

200 with {"status": "ok"} when the database answers and every migration is applied; 503
with what is wrong otherwise. Never cached, never anything but these few words.
"""

from django.db import DatabaseError, connection
from django.db.migrations.executor import MigrationExecutor
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

# Once every migration was found applied, this process's code cannot gain a new one.
_migrated = False


def pending_migrations():
    global _migrated
    if _migrated:
        return 0
    executor = MigrationExecutor(connection)
    pending = len(executor.migration_plan(executor.loader.graph.leaf_nodes()))
    _migrated = pending == 0
    return pending


@never_cache
@require_safe
def healthz(request):
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        return JsonResponse({"status": "unavailable", "database": "unreachable"}, status=503)
    try:
        pending = pending_migrations()
    except DatabaseError:
        return JsonResponse({"status": "unavailable", "database": "unreadable"}, status=503)
    if pending:
        return JsonResponse(
            {"status": "unavailable", "database": "ok", "migrations": "pending"}, status=503
        )
    return JsonResponse({"status": "ok", "database": "ok", "migrations": "ok"})
