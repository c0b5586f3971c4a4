"""Observability: request ids, structured logs, Prometheus metrics (docs/runbooks/monitoring.md)."""
