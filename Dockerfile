# Yuqing Sentinel: builds the service, applies migrations at start, then serves on :8000.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    YQ_DATA_DIR=/data \
    YQ_DATABASE_URL=sqlite:////data/yuqing.db \
    YQ_SOURCES=/app/sources.yaml \
    YQ_ROUTING=/app/routing.yaml \
    YQ_HOST=0.0.0.0 \
    YQ_PORT=8000

WORKDIR /app
COPY pyproject.toml README.md ./
COPY service ./service
COPY classifiers ./classifiers
RUN pip install . && useradd --system --home /data yuqing && mkdir -p /data && chown yuqing /data
COPY sources.yaml routing.yaml* ./

USER yuqing
VOLUME ["/data"]
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s CMD python -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=4)"
CMD ["sh", "-c", "yuqing db upgrade && exec yuqing serve"]
