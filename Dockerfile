# Production image: the API, the admin and the built SPA served by gunicorn (gunicorn.conf.py) + WhiteNoise.
# Build: docker build -t salon .    Run: see docker-compose.yml and docs/runbooks/deployment.md.

# 1. The SPA, built once with Node 20.
FROM node:20-bookworm-slim AS spa
WORKDIR /app/frontend
COPY frontend/package.json frontend/package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY frontend/ ./
RUN npm run build

# 2. The Python dependencies, built into a virtualenv that the final stage copies.
FROM python:3.11-slim-bookworm AS python-deps
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
RUN python -m venv /venv
COPY backend/requirements.txt /tmp/requirements.txt
RUN /venv/bin/pip install -r /tmp/requirements.txt

# 3. The runtime: no compilers, no Node, a user without privileges.
FROM python:3.11-slim-bookworm
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PATH=/venv/bin:$PATH \
    MEDIA_ROOT=/data/media PORT=8000 PROMETHEUS_MULTIPROC_DIR=/tmp/salon-metrics
RUN apt-get update \
    && apt-get install -y --no-install-recommends postgresql-client \
    && rm -rf /var/lib/apt/lists/* \
    && groupadd --system salon && useradd --system --gid salon --home /app --shell /usr/sbin/nologin salon \
    && mkdir -p /data/media && chown salon:salon /data/media
WORKDIR /app
COPY --from=python-deps /venv /venv
COPY --chown=salon:salon backend/ backend/
COPY --chown=salon:salon gunicorn.conf.py ./
COPY --chown=salon:salon scripts/ scripts/
COPY --from=spa --chown=salon:salon /app/frontend/dist frontend/dist
RUN DJANGO_DEBUG=0 DJANGO_ALLOW_CONSOLE_PROVIDERS=1 DJANGO_SECRET_KEY=collectstatic-only-not-a-secret python backend/manage.py collectstatic --noinput \
    && chown -R salon:salon backend/staticfiles 2>/dev/null || true
USER salon
EXPOSE 8000
VOLUME ["/data/media"]
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD python -c "import os, urllib.request; urllib.request.urlopen('http://127.0.0.1:%s/api/health/' % os.environ.get('PORT', '8000'), timeout=4)"
CMD ["gunicorn", "-c", "/app/gunicorn.conf.py"]
