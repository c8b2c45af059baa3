# Production image of the Track 1.5 Recommendations Tracker (see docker-compose.yml).
FROM python:3.11-slim

# The code runs from /app, beside templates/ and static/ (settings find them there);
# the installed copy of the package only brings the dependencies.
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PYTHONPATH=/app \
    DJANGO_STATIC_ROOT=/app/var/static \
    DJANGO_DEBUG=0 \
    DJANGO_READ_DOTENV=0

WORKDIR /app

# Dependencies first, so a change to a template does not reinstall them.
COPY pyproject.toml ./
COPY tracker ./tracker
COPY recommendations ./recommendations
COPY api ./api
COPY opendata ./opendata
COPY notifications ./notifications
# The scheduler extra brings yacron, which the notifier service runs (docker/yacron.yaml).
RUN pip install ".[scheduler]"

COPY . .
RUN useradd --system --create-home --uid 10001 tracker \
    && mkdir -p /app/var/static \
    && chown -R tracker:tracker /app/var
USER tracker

EXPOSE 8000
# Migrates and collects static files, then runs CMD.
ENTRYPOINT ["/app/docker/entrypoint.sh"]
# Bind, workers and the request timeout come from gunicorn.conf.py.
CMD ["gunicorn", "tracker.wsgi:application"]
