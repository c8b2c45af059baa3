#!/bin/sh
# Container start: bring the schema and the static files up to date, then hand over to
# the command (gunicorn by default) as PID 1 so it receives the stop signal.
set -eu
python manage.py migrate --noinput
python manage.py collectstatic --noinput --verbosity 0
exec "$@"
