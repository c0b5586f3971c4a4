# Production-style image: the API, the admin and the built SPA served by gunicorn + WhiteNoise.
FROM node:20-bookworm-slim AS spa
WORKDIR /app/frontend
COPY frontend/ ./
RUN if [ -f package.json ]; then npm ci --no-audit --no-fund && npm run build; else mkdir -p dist; fi

FROM python:3.11-slim-bookworm
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1
WORKDIR /app
COPY backend/requirements.txt backend/requirements.txt
RUN pip install --no-cache-dir -r backend/requirements.txt
COPY . .
COPY --from=spa /app/frontend/dist frontend/dist
RUN DJANGO_DEBUG=0 DJANGO_SECRET_KEY=collectstatic-only python backend/manage.py collectstatic --noinput
EXPOSE 8000
CMD ["gunicorn", "--chdir", "backend", "config.wsgi", "--bind", "0.0.0.0:8000", "--workers", "3"]
