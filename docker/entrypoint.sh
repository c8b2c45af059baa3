#!/bin/sh
# Container start: bring the schema and the static files up to date, then hand over to
# the command (gunicorn by default) as PID 1 so it receives the stop signal.
set -eu
python manage.py migrate --noinput
# The kept trend figures, brought up to date now rather than by the first visitor.
python manage.py sync_trends --verbosity 0
python manage.py collectstatic --noinput --verbosity 0
exec "$@"
