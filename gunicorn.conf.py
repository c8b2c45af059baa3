"""gunicorn's settings for the tracker (read from the working directory, /app in the image).

The timeout leaves room for the longest request the documented limits allow (an import of
IMPORT_MAX_ROWS rows commits in about ten seconds) and is longer than the app's own
REQUEST_DEADLINE_SECONDS, so a runaway request ends in the site's error page, not in a
killed worker.
"""

import os

bind = os.environ.get("GUNICORN_BIND", "0.0.0.0:8000")
workers = int(os.environ.get("GUNICORN_WORKERS", "2"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "120"))
graceful_timeout = 30
accesslog = "-"
